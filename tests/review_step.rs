//! The review step in Chromium: one row per choice, "None" for an empty one, a list for several,
//! and a Change button, named for its row, that reports the step to return to.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{ReviewItem, ReviewStep};
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn item(label: &str, lines: &[&str], change_to: Option<usize>) -> ReviewItem {
    ReviewItem {
        label: label.to_owned(),
        lines: lines.iter().map(|l| (*l).to_owned()).collect(),
        change_to,
    }
}

async fn mount_review(items: Vec<ReviewItem>) -> (web_sys::HtmlElement, Spy<usize>, impl Drop) {
    let changes = Spy::default();
    let on_change = changes.handler();
    let items = Signal::stored(items);
    let (root, handle) = mount(move || {
        view! { <ReviewStep items=move || items.get() on_change=on_change /> }
    })
    .await;
    (root, changes, handle)
}

#[wasm_bindgen_test]
async fn each_row_shows_its_label_and_choice_or_none() {
    let (root, _changes, _handle) = mount_review(vec![
        item("Provider", &["HubSpot"], Some(0)),
        item("Contact", &[], Some(3)),
    ])
    .await;
    let rows = all(&root, ".esw-summary__row");
    assert_eq!(rows.len(), 2);
    let cells = |n: usize| -> Vec<String> {
        all(&rows[n], "dt, dd:not(:last-child)")
            .iter()
            .map(|c| text(c))
            .collect()
    };
    assert_eq!(cells(0), ["Provider", "HubSpot"]);
    assert_eq!(cells(1), ["Contact", "None"]);
}

#[wasm_bindgen_test]
async fn several_choices_are_listed_one_per_item() {
    let (root, _changes, _handle) = mount_review(vec![item(
        "Contact",
        &["Name → firstname", "Email → email"],
        None,
    )])
    .await;
    let lines: Vec<String> = all(&root, "dd li").iter().map(|l| text(l)).collect();
    assert_eq!(lines, ["Name → firstname", "Email → email"]);
}

#[wasm_bindgen_test]
async fn change_buttons_are_named_for_their_row_and_report_its_step() {
    let (root, changes, _handle) = mount_review(vec![
        item("Provider", &["HubSpot"], Some(0)),
        item("Contact", &[], Some(3)),
    ])
    .await;
    let buttons = all(&root, "button");
    assert_eq!(
        buttons[1].get_attribute("aria-label").as_deref(),
        Some("Change — Contact")
    );
    assert_eq!(text(&buttons[1]), "Change");
    buttons[1].click();
    buttons[0].click();
    assert_eq!(changes.calls(), [3, 0]);
}

#[wasm_bindgen_test]
async fn a_row_without_a_step_has_no_change_button() {
    let (root, _changes, _handle) = mount_review(vec![
        item("Provider", &["HubSpot"], None),
        item("Contact", &["Email → email"], Some(2)),
    ])
    .await;
    let rows = all(&root, ".esw-summary__row");
    assert!(all(&rows[0], "button").is_empty());
    assert_eq!(all(&rows[1], "button").len(), 1);
}
