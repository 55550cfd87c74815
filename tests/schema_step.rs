//! The schema step in Chromium: a labelled checkbox per schema (locked when the session fixes it),
//! a labelled checkbox per direction where the user may choose and both directions exist, the
//! directions used stated otherwise, each action reported with the schema's key, and updates that
//! keep the changed control in place.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{SchemaRow, SchemaStep};
use leptos::prelude::*;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use widget_core::wire::Method;

wasm_bindgen_test_configure!(run_in_browser);

fn row(key: &str, enabled: bool, toggleable: bool, methods: Vec<Method>) -> SchemaRow {
    SchemaRow {
        key: key.to_owned(),
        label: format!("{key} label"),
        enabled,
        toggleable,
        chosen: if enabled { methods.clone() } else { vec![] },
        methods,
        custom: false,
    }
}

fn both() -> Vec<Method> {
    vec![Method::Import, Method::Export]
}

struct Mounted {
    root: HtmlElement,
    rows: RwSignal<Vec<SchemaRow>>,
    toggles: Spy<String>,
    directions: Spy<(String, Method)>,
}

async fn mount_step(rows: Vec<SchemaRow>) -> (Mounted, impl Drop) {
    let rows = RwSignal::new(rows);
    let (toggles, directions) = (Spy::default(), Spy::default());
    let (on_toggle, on_direction) = (toggles.handler(), directions.handler());
    let (root, handle) = mount(move || {
        view! { <SchemaStep rows=move || rows.get() on_toggle=on_toggle on_direction=on_direction /> }
    })
    .await;
    let mounted = Mounted {
        root,
        rows,
        toggles,
        directions,
    };
    (mounted, handle)
}

/// The `<li>` of the `n`th schema.
fn item(root: &Element, n: usize) -> HtmlElement {
    all(root, "li.esw-choice").remove(n)
}

fn disabled(element: &Element) -> bool {
    element
        .dyn_ref::<web_sys::HtmlInputElement>()
        .unwrap()
        .disabled()
}

#[wasm_bindgen_test]
async fn every_schema_has_a_labelled_checkbox_showing_whether_it_syncs() {
    let (m, _handle) = mount_step(vec![
        row("crm-contact", true, true, both()),
        row("crm-note", false, true, vec![Method::Import]),
    ])
    .await;
    let checkboxes = all(&m.root, ".esw-choice__head input[type=checkbox]");
    assert_eq!(
        checkboxes.iter().map(|c| checked(c)).collect::<Vec<_>>(),
        [true, false]
    );
    for (n, checkbox) in checkboxes.iter().enumerate() {
        let label = one(&item(&m.root, n), ".esw-choice__head label");
        assert_eq!(label.get_attribute("for"), Some(checkbox.id()));
    }
    assert_eq!(text(&one(&item(&m.root, 1), "label")), "crm-note label");
}

#[wasm_bindgen_test]
async fn a_schema_the_session_fixes_cannot_be_switched() {
    let (m, _handle) = mount_step(vec![
        row("crm-contact", true, false, both()),
        row("crm-note", true, true, both()),
    ])
    .await;
    let checkboxes = all(&m.root, ".esw-choice__head input[type=checkbox]");
    assert_eq!(
        checkboxes.iter().map(|c| disabled(c)).collect::<Vec<_>>(),
        [true, false]
    );
}

#[wasm_bindgen_test]
async fn switching_a_schema_reports_its_key() {
    let (m, _handle) = mount_step(vec![
        row("crm-contact", true, true, both()),
        row("crm-note", false, true, vec![Method::Import]),
    ])
    .await;
    all(&m.root, ".esw-choice__head input[type=checkbox]")[1].click();
    all(&m.root, ".esw-choice__head input[type=checkbox]")[0].click();
    assert_eq!(m.toggles.calls(), ["crm-note", "crm-contact"]);
}

/// The direction checkboxes of the `n`th schema.
fn direction_boxes(root: &Element, n: usize) -> Vec<HtmlElement> {
    all(&item(root, n), "fieldset input[type=checkbox]")
}

#[wasm_bindgen_test]
async fn direction_checkboxes_appear_only_where_the_user_chooses_between_two() {
    let (m, _handle) = mount_step(vec![
        row("crm-contact", true, true, both()),
        row("crm-note", true, true, vec![Method::Import]),
        row("crm-deal", true, true, vec![]),
        row("crm-task", true, false, both()),
    ])
    .await;
    let boxes = direction_boxes(&m.root, 0);
    assert_eq!(boxes.len(), 2);
    let labels: Vec<String> = boxes
        .iter()
        .map(|b| {
            let label = one(&item(&m.root, 0), &format!("label[for='{}']", b.id()));
            text(&label)
        })
        .collect();
    assert_eq!(labels, ["Pull into this app", "Push to the provider"]);
    for n in 1..4 {
        assert!(direction_boxes(&m.root, n).is_empty(), "row {n}");
    }
    assert!(all(&m.root, "input[type=radio]").is_empty());
    let legend = text(&one(&item(&m.root, 0), "legend"));
    assert_eq!(legend, "Direction — crm-contact label");
}

#[wasm_bindgen_test]
async fn the_chosen_directions_are_checked_and_each_switch_is_reported() {
    let mut contact = row("crm-contact", true, true, both());
    contact.chosen = vec![Method::Export];
    let (m, _handle) = mount_step(vec![contact]).await;
    let boxes = direction_boxes(&m.root, 0);
    assert_eq!(
        boxes.iter().map(|b| checked(b)).collect::<Vec<_>>(),
        [false, true]
    );
    boxes[0].click();
    boxes[1].click();
    assert_eq!(
        m.directions.calls(),
        [
            ("crm-contact".to_owned(), Method::Import),
            ("crm-contact".to_owned(), Method::Export)
        ]
    );
    m.rows
        .update(|rows| rows[0].chosen = vec![Method::Import, Method::Export]);
    settle().await;
    let now = direction_boxes(&m.root, 0);
    assert!(now[0].is_same_node(Some(&boxes[0])), "updated in place");
    assert_eq!(
        now.iter().map(|b| checked(b)).collect::<Vec<_>>(),
        [true, true]
    );
}

#[wasm_bindgen_test]
async fn fixed_or_single_directions_are_stated_in_words() {
    let (m, _handle) = mount_step(vec![
        row("crm-contact", true, true, vec![Method::Import]),
        row("crm-note", true, true, vec![Method::Export]),
        row("crm-task", true, false, both()),
    ])
    .await;
    assert_eq!(
        text(&one(&item(&m.root, 0), ".esw-intro")),
        "Pull into this app"
    );
    assert_eq!(
        text(&one(&item(&m.root, 1), ".esw-intro")),
        "Push to the provider"
    );
    assert_eq!(
        text(&one(&item(&m.root, 2), ".esw-intro")),
        "Pull into this app · Push to the provider"
    );
}

#[wasm_bindgen_test]
async fn a_schema_switched_off_hides_its_direction() {
    let (m, _handle) = mount_step(vec![
        row("crm-contact", false, true, both()),
        row("crm-note", false, true, vec![Method::Import]),
    ])
    .await;
    let fieldset = one(&item(&m.root, 0), "fieldset");
    assert!(fieldset.class_list().contains("esw-hidden"));
    assert!(all(&item(&m.root, 1), ".esw-intro").is_empty());
    m.rows.update(|rows| {
        rows.iter_mut().for_each(|r| {
            r.enabled = true;
            r.chosen = r.methods.clone();
        })
    });
    settle().await;
    assert!(!fieldset.class_list().contains("esw-hidden"));
    assert_eq!(
        text(&one(&item(&m.root, 1), ".esw-intro")),
        "Pull into this app"
    );
}

#[wasm_bindgen_test]
async fn a_custom_object_is_tagged() {
    let mut custom = row("deal_stage", true, true, both());
    custom.custom = true;
    let (m, _handle) = mount_step(vec![row("crm-contact", true, true, both()), custom]).await;
    assert!(all(&item(&m.root, 0), ".esw-tag").is_empty());
    assert_eq!(text(&one(&item(&m.root, 1), ".esw-tag")), "Custom object");
}

#[wasm_bindgen_test]
async fn an_update_keeps_the_checkbox_the_user_changed_focused() {
    let (m, _handle) = mount_step(vec![
        row("crm-contact", true, true, both()),
        row("crm-note", false, true, vec![Method::Import]),
    ])
    .await;
    let heads = ".esw-choice__head input[type=checkbox]";
    let checkbox = all(&m.root, heads).remove(1);
    checkbox.focus().unwrap();
    checkbox.click();
    m.rows.update(|rows| rows[1].enabled = true);
    settle().await;
    let now = all(&m.root, heads).remove(1);
    assert!(now.is_same_node(Some(&checkbox)), "the row was not rebuilt");
    assert!(is_focused(&checkbox));
    assert!(checked(&checkbox));
}

#[wasm_bindgen_test]
async fn ids_are_the_widget_prefix_and_indices_never_the_schema_text() {
    let (m, _handle) = mount_step(vec![
        row("Custom Object One", true, true, both()),
        row("crm-contact", true, true, both()),
    ])
    .await;
    let ids: Vec<String> = all(&m.root, "input").iter().map(|i| i.id()).collect();
    assert_eq!(
        ids,
        [
            "esw0-schema-0",
            "esw0-direction-0-import",
            "esw0-direction-0-export",
            "esw0-schema-1",
            "esw0-direction-1-import",
            "esw0-direction-1-export"
        ]
    );
    for id in &ids {
        let label = m
            .root
            .query_selector(&format!("label[for='{id}']"))
            .unwrap();
        assert!(label.is_some(), "{id} has its label");
    }
}
