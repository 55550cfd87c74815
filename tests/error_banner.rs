//! The error banner in Chromium: an alert that takes focus when it appears (unless told not
//! to), its detail line as text, and its action button only when it has an action.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::ErrorBanner;
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_error_banner_is_an_alert_that_takes_focus_and_offers_its_action() {
    let retries = Spy::default();
    let on_action = retries.handler();
    let (root, _handle) = mount(move || {
        view! { <ErrorBanner message="The server had a problem.".to_owned() action_label=Some("Retry") on_action=on_action /> }
    })
    .await;
    settle().await;
    let alert = one(&root, "[role=alert]");
    assert!(is_focused(&alert));
    assert_eq!(text(&one(&alert, "p")), "The server had a problem.");
    let button = one(&alert, "button");
    assert_eq!(text(&button), "Retry");
    button.click();
    assert_eq!(retries.calls(), [()]);
}

#[wasm_bindgen_test]
async fn a_banner_without_an_action_has_no_button() {
    let (root, _handle) = mount(|| {
        view! { <ErrorBanner message="<b>Refused</b>".to_owned() on_action=|_| {} /> }
    })
    .await;
    settle().await;
    assert!(all(&root, "button").is_empty());
    assert!(all(&root, "b").is_empty(), "the message is text");
    assert_eq!(text(&one(&root, "[role=alert]")), "<b>Refused</b>");
}

#[wasm_bindgen_test]
async fn a_banner_shows_its_detail_as_text_and_may_leave_focus_alone() {
    let (root, _handle) = mount(|| {
        view! {
            <ErrorBanner message="The server had a problem.".to_owned()
                detail=Some("Code: server_error. Details: <i>down</i>".to_owned())
                on_action=|_| {} take_focus=false />
        }
    })
    .await;
    settle().await;
    let alert = one(&root, "[role=alert]");
    assert!(
        !is_focused(&alert),
        "not focused when told not to take focus"
    );
    assert_eq!(
        text(&one(&alert, ".esw-alert__detail")),
        "Code: server_error. Details: <i>down</i>"
    );
    assert!(all(&root, "i").is_empty());
}
