//! Navigation and step header in Chromium: Back and Cancel only with their callbacks, a blocked
//! or busy forward button that says so and ignores clicks, the step count and progress, and a
//! heading that takes focus unless told not to.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{NavBar, StepHeader};
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn button_texts(root: &web_sys::Element) -> Vec<String> {
    all(root, "button").iter().map(|b| text(b)).collect()
}

#[wasm_bindgen_test]
async fn back_and_cancel_appear_with_their_callbacks_and_report_clicks() {
    let (backs, cancels) = (Spy::default(), Spy::default());
    let (on_back, on_cancel) = (backs.callback(), cancels.callback());
    let (root, _handle) = mount(move || {
        view! {
            <NavBar on_back=Some(on_back) on_cancel=Some(on_cancel) forward_label="Continue"
                blocked=false on_forward=Callback::new(|_| {}) />
        }
    })
    .await;
    assert_eq!(button_texts(&root), ["Back", "Cancel", "Continue"]);
    let buttons = all(&root, "button");
    buttons[0].click();
    buttons[1].click();
    buttons[1].click();
    assert_eq!(backs.calls().len(), 1);
    assert_eq!(cancels.calls().len(), 2);
}

#[wasm_bindgen_test]
async fn without_on_back_there_is_no_back_button() {
    let (root, _handle) = mount(|| {
        view! {
            <NavBar on_back=None on_cancel=Some(Callback::new(|_| {})) forward_label="Continue"
                blocked=false on_forward=Callback::new(|_| {}) />
        }
    })
    .await;
    assert_eq!(button_texts(&root), ["Cancel", "Continue"]);
}

#[wasm_bindgen_test]
async fn blocked_forward_button_is_aria_disabled_and_ignores_clicks() {
    let forwards = Spy::default();
    let on_forward = forwards.callback();
    let blocked = RwSignal::new(true);
    let (root, _handle) = mount(move || {
        view! {
            <NavBar on_back=None on_cancel=None forward_label="Continue" blocked=blocked
                on_forward=on_forward />
        }
    })
    .await;
    let forward = one(&root, "button");
    assert_eq!(
        forward.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        forward.get_attribute("disabled"),
        None,
        "it stays focusable"
    );
    forward.click();
    assert!(forwards.calls().is_empty());
    blocked.set(false);
    settle().await;
    assert_eq!(
        forward.get_attribute("aria-disabled").as_deref(),
        Some("false")
    );
    forward.click();
    assert_eq!(forwards.calls().len(), 1);
}

#[wasm_bindgen_test]
async fn busy_forward_button_says_so_and_ignores_clicks() {
    let forwards = Spy::default();
    let on_forward = forwards.callback();
    let busy = RwSignal::new(true);
    let (root, _handle) = mount(move || {
        view! {
            <NavBar on_back=None on_cancel=None forward_label="Connect" blocked=false busy=busy
                on_forward=on_forward />
        }
    })
    .await;
    let connect = one(&root, "button");
    assert_eq!(connect.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(
        connect.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    connect.click();
    assert!(forwards.calls().is_empty());
    busy.set(false);
    settle().await;
    assert_eq!(connect.get_attribute("aria-busy").as_deref(), Some("false"));
    connect.click();
    assert_eq!(forwards.calls().len(), 1);
}

#[wasm_bindgen_test]
async fn the_step_heading_takes_focus_and_the_indicator_counts_steps() {
    let (root, _handle) = mount(|| {
        view! { <StepHeader heading="Map fields" intro=Some("Match the fields.") index=2 total=5 /> }
    })
    .await;
    settle().await;
    assert_eq!(text(&one(&root, ".esw-eyebrow")), "Step 2 of 5");
    let classes: Vec<String> = all(&root, ".esw-progress__item")
        .iter()
        .map(|i| i.class_name())
        .collect();
    assert_eq!(
        classes,
        [
            "esw-progress__item esw-progress__item--done",
            "esw-progress__item esw-progress__item--current",
            "esw-progress__item",
            "esw-progress__item",
            "esw-progress__item",
        ]
    );
    let heading = one(&root, "h2");
    assert!(is_focused(&heading));
    assert_eq!(text(&heading), "Map fields");
    assert_eq!(text(&one(&root, ".esw-intro")), "Match the fields.");
}

#[wasm_bindgen_test]
async fn step_zero_has_no_indicator() {
    let (root, _handle) =
        mount(|| view! { <StepHeader heading="Connected" intro=None index=0 total=5 /> }).await;
    assert!(all(&root, ".esw-eyebrow").is_empty());
    assert!(all(&root, ".esw-progress").is_empty());
    assert!(all(&root, ".esw-intro").is_empty());
}

#[wasm_bindgen_test]
async fn a_heading_told_not_to_take_focus_leaves_focus_where_it_was() {
    let outside = container();
    outside.set_inner_text("outside");
    outside.set_tab_index(0);
    outside.focus().unwrap();
    assert!(is_focused(&outside));
    let (root, _handle) = mount(|| {
        view! { <StepHeader heading="Failed" intro=None index=0 total=0 take_focus=false /> }
    })
    .await;
    settle().await;
    assert!(!is_focused(&one(&root, "h2")));
    assert!(is_focused(&outside));
    outside.remove();
}

#[wasm_bindgen_test]
async fn a_click_on_a_blocked_forward_button_is_reported_as_blocked_not_dropped() {
    let (forwards, blocks) = (Spy::default(), Spy::default());
    let (on_forward, on_blocked) = (forwards.callback(), blocks.callback());
    let blocked = RwSignal::new(true);
    let (root, _handle) = mount(move || {
        view! {
            <NavBar on_back=None on_cancel=None forward_label="Connect" blocked=blocked
                on_forward=on_forward on_blocked=on_blocked />
        }
    })
    .await;
    let forward = one(&root, "button");
    forward.click();
    assert!(forwards.calls().is_empty());
    assert_eq!(blocks.calls(), [()]);
    blocked.set(false);
    settle().await;
    forward.click();
    assert_eq!(forwards.calls().len(), 1);
    assert_eq!(blocks.calls().len(), 1, "an allowed click is not 'blocked'");
}
