//! The resource step in Chromium: a select per schema labelled with the schema's name, showing
//! the chosen resource, reporting `(schema, resource)` on change and updating in place.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{ResourceRow, ResourceStep};
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn resource_row(key: &str, label: &str, chosen: Option<&str>) -> ResourceRow {
    ResourceRow {
        key: key.to_owned(),
        label: label.to_owned(),
        options: vec![
            ("get-contacts".to_owned(), "Contacts".to_owned()),
            ("get-leads".to_owned(), "Leads".to_owned()),
        ],
        chosen: chosen.map(str::to_owned),
    }
}

async fn mount_step(
    rows: Vec<ResourceRow>,
) -> (
    web_sys::HtmlElement,
    RwSignal<Vec<ResourceRow>>,
    Spy<(String, String)>,
    impl Drop,
) {
    let rows = RwSignal::new(rows);
    let picks = Spy::default();
    let on_pick = picks.handler();
    let (root, handle) =
        mount(move || view! { <ResourceStep rows=move || rows.get() on_pick=on_pick /> }).await;
    (root, rows, picks, handle)
}

#[wasm_bindgen_test]
async fn each_schema_has_a_select_labelled_with_its_name() {
    let (root, _rows, _picks, _handle) = mount_step(vec![
        resource_row("crm-contact", "Contact", None),
        resource_row("crm-deal", "Deal", None),
    ])
    .await;
    let selects = all(&root, "select");
    let labels = all(&root, "label");
    assert_eq!(selects.len(), 2);
    assert_eq!(labels.len(), 2);
    for (label, select) in labels.iter().zip(&selects) {
        assert_eq!(label.get_attribute("for"), Some(select.id()));
    }
    assert_eq!(text(&labels[1]), "Deal — Resource");
    let offered: Vec<String> = all(&selects[0], "option").iter().map(|o| text(o)).collect();
    assert_eq!(offered, ["Contacts", "Leads"]);
}

#[wasm_bindgen_test]
async fn the_select_shows_the_chosen_resource() {
    let (root, _rows, _picks, _handle) = mount_step(vec![resource_row(
        "crm-contact",
        "Contact",
        Some("get-leads"),
    )])
    .await;
    assert_eq!(value(&one(&root, "select")), "get-leads");
}

#[wasm_bindgen_test]
async fn a_change_reports_the_schema_and_the_resource() {
    let (root, _rows, picks, _handle) = mount_step(vec![
        resource_row("crm-contact", "Contact", Some("get-leads")),
        resource_row("crm-deal", "Deal", Some("get-leads")),
    ])
    .await;
    set_value(&all(&root, "select")[1], "get-contacts", "change");
    assert_eq!(
        picks.calls(),
        [("crm-deal".to_owned(), "get-contacts".to_owned())]
    );
}

#[wasm_bindgen_test]
async fn a_new_choice_updates_the_select_in_place_and_it_keeps_focus() {
    let (root, rows, _picks, _handle) = mount_step(vec![resource_row(
        "crm-contact",
        "Contact",
        Some("get-leads"),
    )])
    .await;
    let select = one(&root, "select");
    select.focus().unwrap();
    rows.update(|rows| rows[0].chosen = Some("get-contacts".to_owned()));
    settle().await;
    assert!(one(&root, "select").is_same_node(Some(&select)));
    assert!(is_focused(&select));
    assert_eq!(value(&select), "get-contacts");
}
