//! Review, navigation, header and error banner in Chromium: Change links report their step, a
//! blocked forward button ignores clicks, the heading and alerts take focus.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{
    ErrorBanner, NavBar, ReviewItem, ReviewStep, StepHeader,
};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn review_rows_show_choices_or_none_and_change_links_report_their_step() {
    let changed = Arc::new(Mutex::new(None));
    let c = changed.clone();
    let items = vec![
        ReviewItem {
            label: "Provider".into(),
            lines: vec!["HubSpot".into()],
            change_to: Some(0),
        },
        ReviewItem {
            label: "Contact".into(),
            lines: vec![],
            change_to: Some(3),
        },
    ];
    let (root, _handle) = mount(move || {
        view! { <ReviewStep items=Signal::stored(items) on_change=Callback::new(move |i| *c.lock().unwrap() = Some(i)) /> }
    })
    .await;
    let rows = all(&root, ".esw-summary__row");
    assert!(text(&rows[0]).contains("HubSpot"));
    assert!(text(&rows[1]).contains("None"));
    let buttons = all(&root, "button");
    assert_eq!(
        buttons[1].get_attribute("aria-label").as_deref(),
        Some("Change — Contact")
    );
    buttons[1].click();
    assert_eq!(*changed.lock().unwrap(), Some(3));
}

#[wasm_bindgen_test]
async fn a_blocked_forward_button_is_aria_disabled_and_ignores_clicks() {
    let forwards = Arc::new(Mutex::new(0));
    let f = forwards.clone();
    let blocked = RwSignal::new(true);
    let (root, _handle) = mount(move || {
        view! {
            <NavBar on_back=None on_cancel=None forward_label="Continue" blocked=blocked
                on_forward=Callback::new(move |_| *f.lock().unwrap() += 1) />
        }
    })
    .await;
    let buttons = all(&root, "button");
    assert_eq!(
        buttons.len(),
        1,
        "no Back or Cancel without their callbacks"
    );
    assert_eq!(
        buttons[0].get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    buttons[0].click();
    assert_eq!(*forwards.lock().unwrap(), 0);
    blocked.set(false);
    settle().await;
    assert_eq!(
        buttons[0].get_attribute("aria-disabled").as_deref(),
        Some("false")
    );
    buttons[0].click();
    assert_eq!(*forwards.lock().unwrap(), 1);
}

#[wasm_bindgen_test]
async fn a_busy_forward_button_says_so_and_ignores_clicks() {
    let forwards = Arc::new(Mutex::new(0));
    let f = forwards.clone();
    let (root, _handle) = mount(move || {
        view! {
            <NavBar on_back=Some(Callback::new(|_| {})) on_cancel=None forward_label="Connect" blocked=false busy=true
                on_forward=Callback::new(move |_| *f.lock().unwrap() += 1) />
        }
    })
    .await;
    let connect = all(&root, "button").pop().unwrap();
    assert_eq!(connect.get_attribute("aria-busy").as_deref(), Some("true"));
    connect.click();
    assert_eq!(*forwards.lock().unwrap(), 0);
}

#[wasm_bindgen_test]
async fn the_step_heading_takes_focus_and_the_indicator_counts_steps() {
    let (root, _handle) =
        mount(|| view! { <StepHeader heading="Map fields" intro=None index=2 total=5 /> }).await;
    settle().await;
    assert!(text(&root).contains("Step 2 of 5"));
    assert_eq!(all(&root, ".esw-progress__item").len(), 5);
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.tag_name(), "H2");
    assert_eq!(text(&active), "Map fields");
}

#[wasm_bindgen_test]
async fn an_error_banner_is_an_alert_that_takes_focus_and_offers_its_action() {
    let retried = Arc::new(Mutex::new(false));
    let r = retried.clone();
    let (root, _handle) = mount(move || {
        view! { <ErrorBanner message="The server had a problem.".to_owned() action_label="Retry" on_action=Callback::new(move |_| *r.lock().unwrap() = true) /> }
    })
    .await;
    settle().await;
    let alert = one(&root, "[role=alert]");
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&alert).contains("The server had a problem."));
    one(&root, "button").click();
    assert!(*retried.lock().unwrap());
}
