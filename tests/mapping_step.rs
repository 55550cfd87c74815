//! The mapping step in Chromium: the suggestion preselected and marked, required fields flagged
//! while unmapped, upsert choices only for pushed schemas, and every action reaching its callback.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{MappingActions, MappingRow, MappingStep, MappingTable};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use widget_core::wire::UpsertSetting;

wasm_bindgen_test_configure!(run_in_browser);

fn options() -> Vec<(String, String)> {
    vec![
        ("email".into(), "Email".into()),
        ("firstname".into(), "First Name".into()),
    ]
}

fn table(push: bool, loading: bool) -> MappingTable {
    let upsert = push.then_some(UpsertSetting::SetIfNotSet);
    MappingTable {
        key: "crm-contact".into(),
        label: "Contact".into(),
        push,
        loading,
        rows: vec![
            MappingRow {
                field: "email".into(),
                label: "Email".into(),
                required: true,
                provider_field: None,
                suggested: false,
                upsert,
                options: options(),
            },
            MappingRow {
                field: "first_name".into(),
                label: "First Name".into(),
                required: false,
                provider_field: Some("firstname".into()),
                suggested: true,
                upsert,
                options: options(),
            },
        ],
        passthrough: vec![("lifecyclestage".into(), "Lifecycle Stage".into(), false)],
    }
}

type Calls = Arc<Mutex<Vec<String>>>;

async fn mount_table(table: MappingTable) -> (web_sys::HtmlElement, Calls, impl Drop) {
    let calls = Calls::default();
    let (a, b, c) = (calls.clone(), calls.clone(), calls.clone());
    let actions = MappingActions {
        on_map: Callback::new(move |(s, f, p): (String, String, Option<String>)| {
            a.lock().unwrap().push(format!("map {s} {f} {p:?}"))
        }),
        on_upsert: Callback::new(move |(s, f, u): (String, String, UpsertSetting)| {
            b.lock()
                .unwrap()
                .push(format!("upsert {s} {f} {}", u.as_str()))
        }),
        on_passthrough: Callback::new(move |(s, f): (String, String)| {
            c.lock().unwrap().push(format!("pass {s} {f}"))
        }),
    };
    let (root, handle) =
        mount(move || view! { <MappingStep tables=Signal::stored(vec![table]) actions=actions /> })
            .await;
    (root, calls, handle)
}

fn value(element: &web_sys::HtmlElement) -> String {
    element
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .unwrap()
        .value()
}

#[wasm_bindgen_test]
async fn suggestion_is_preselected_and_marked_and_an_unmapped_required_field_is_flagged() {
    let (root, _calls, _handle) = mount_table(table(false, false)).await;
    let email = one(&root, "#esw-map-crm-contact-email");
    let first = one(&root, "#esw-map-crm-contact-first_name");
    assert_eq!(value(&first), "firstname");
    assert_eq!(value(&email), "");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        first.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let issue = one(&root, ".esw-issue");
    assert_eq!(email.get_attribute("aria-describedby"), Some(issue.id()));
    assert!(text(&issue).contains("Email is required"));
    let tag = one(&root, ".esw-tag--suggested");
    assert_eq!(first.get_attribute("aria-describedby"), Some(tag.id()));
    assert_eq!(all(&root, ".esw-tag--required").len(), 1);
}

#[wasm_bindgen_test]
async fn pulled_schemas_have_no_upsert_choice_and_pushed_ones_have_all_three() {
    let (pulled, _c, _h) = mount_table(table(false, false)).await;
    assert!(all(&pulled, "select[aria-label$='already has data']").is_empty());
    let (pushed, _c2, _h2) = mount_table(table(true, false)).await;
    let upserts = all(&pushed, "select[aria-label$='already has data']");
    assert_eq!(upserts.len(), 2);
    assert_eq!(value(&upserts[0]), "SET_IF_NOT_SET");
    let values: Vec<String> = all(&upserts[0], "option")
        .iter()
        .map(|o| o.get_attribute("value").unwrap())
        .collect();
    assert_eq!(values, ["OVERWRITE", "DO_NOT_UPDATE", "SET_IF_NOT_SET"]);
}

#[wasm_bindgen_test]
async fn mapping_unmapping_upsert_and_passthrough_reach_their_callbacks() {
    let (root, calls, _handle) = mount_table(table(true, false)).await;
    set_value(&one(&root, "#esw-map-crm-contact-email"), "email", "change");
    set_value(&one(&root, "#esw-map-crm-contact-first_name"), "", "change");
    set_value(
        &all(&root, "select[aria-label$='already has data']")[0],
        "OVERWRITE",
        "change",
    );
    one(&root, "input[type=checkbox]").click();
    assert_eq!(
        *calls.lock().unwrap(),
        [
            "map crm-contact email Some(\"email\")",
            "map crm-contact first_name None",
            "upsert crm-contact email OVERWRITE",
            "pass crm-contact lifecyclestage",
        ]
    );
}

#[wasm_bindgen_test]
async fn a_loading_table_says_so_instead_of_showing_rows() {
    let (root, _calls, _handle) = mount_table(table(false, true)).await;
    assert!(all(&root, "select").is_empty());
    assert!(text(&root).contains("Loading fields…"));
}
