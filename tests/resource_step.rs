//! The resource step in Chromium: per schema and direction, a single fitting integration stated
//! by its display name (no one-entry select), or a select labelled with the direction and the
//! schema that starts on "Choose a resource…", shows the chosen one, reports
//! `(schema, direction, resource)` on change and updates in place.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{ResourceDirection, ResourceRow, ResourceStep};
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;
use widget_core::wire::Method;

wasm_bindgen_test_configure!(run_in_browser);

fn one_each(key: &str, label: &str) -> ResourceRow {
    ResourceRow {
        key: key.to_owned(),
        label: label.to_owned(),
        directions: vec![
            ResourceDirection {
                method: Method::Import,
                options: vec![("get-contacts".to_owned(), "Get Contacts".to_owned())],
                chosen: Some("get-contacts".to_owned()),
            },
            ResourceDirection {
                method: Method::Export,
                options: vec![("create-contacts".to_owned(), "Create Contacts".to_owned())],
                chosen: Some("create-contacts".to_owned()),
            },
        ],
    }
}

fn several(key: &str, label: &str, chosen: [Option<&str>; 2]) -> ResourceRow {
    let options = |verb: &str| {
        vec![
            (
                format!("{verb}-contacts"),
                format!("{} Contacts", title(verb)),
            ),
            (
                format!("{verb}-companies"),
                format!("{} Companies", title(verb)),
            ),
        ]
    };
    ResourceRow {
        key: key.to_owned(),
        label: label.to_owned(),
        directions: vec![
            ResourceDirection {
                method: Method::Import,
                options: options("get"),
                chosen: chosen[0].map(str::to_owned),
            },
            ResourceDirection {
                method: Method::Export,
                options: options("create"),
                chosen: chosen[1].map(str::to_owned),
            },
        ],
    }
}

fn title(verb: &str) -> &'static str {
    if verb == "get" {
        "Get"
    } else {
        "Create"
    }
}

async fn mount_step(
    rows: Vec<ResourceRow>,
) -> (
    web_sys::HtmlElement,
    RwSignal<Vec<ResourceRow>>,
    Spy<(String, Method, String)>,
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
async fn a_single_fitting_integration_is_stated_by_name_not_asked() {
    let (root, _rows, _picks, _handle) = mount_step(vec![one_each("crm-contact", "Contact")]).await;
    assert!(all(&root, "select").is_empty(), "no one-entry select");
    assert_eq!(text(&one(&root, ".esw-choice__head")), "Contact");
    let facts: Vec<Vec<String>> = all(&root, ".esw-resource")
        .iter()
        .map(|p| all(p, "span").iter().map(|s| text(s)).collect())
        .collect();
    assert_eq!(
        facts,
        [
            ["Pull into this app", "Get Contacts"],
            ["Push to the provider", "Create Contacts"]
        ]
    );
    assert!(!text(&root).contains("get-contacts"), "never the id");
}

#[wasm_bindgen_test]
async fn several_fitting_integrations_get_a_labelled_select_per_direction() {
    let (root, _rows, _picks, _handle) =
        mount_step(vec![several("Person", "Person", [None, None])]).await;
    let selects = all(&root, "select");
    assert_eq!(selects.len(), 2);
    let labels = all(&root, "label");
    for (label, select) in labels.iter().zip(&selects) {
        assert_eq!(label.get_attribute("for"), Some(select.id()));
    }
    assert_eq!(text(&labels[0]), "Pull into this app — Person");
    assert_eq!(text(&labels[1]), "Push to the provider — Person");
    let offered: Vec<String> = all(&selects[1], "option").iter().map(|o| text(o)).collect();
    assert_eq!(
        offered,
        ["Choose a resource…", "Create Contacts", "Create Companies"]
    );
    assert_eq!(value(&selects[0]), "", "nothing chosen yet");
}

#[wasm_bindgen_test]
async fn the_select_shows_the_chosen_resource() {
    let (root, _rows, _picks, _handle) = mount_step(vec![several(
        "Person",
        "Person",
        [Some("get-companies"), Some("create-contacts")],
    )])
    .await;
    let selects = all(&root, "select");
    assert_eq!(value(&selects[0]), "get-companies");
    assert_eq!(value(&selects[1]), "create-contacts");
}

#[wasm_bindgen_test]
async fn a_change_reports_the_schema_the_direction_and_the_resource() {
    let (root, _rows, picks, _handle) = mount_step(vec![
        one_each("crm-contact", "Contact"),
        several("Person", "Person", [None, None]),
    ])
    .await;
    set_value(&all(&root, "select")[1], "create-companies", "change");
    assert_eq!(
        picks.calls(),
        [(
            "Person".to_owned(),
            Method::Export,
            "create-companies".to_owned()
        )]
    );
}

#[wasm_bindgen_test]
async fn a_new_choice_updates_the_select_in_place_and_it_keeps_focus() {
    let (root, rows, _picks, _handle) = mount_step(vec![several(
        "Person",
        "Person",
        [Some("get-contacts"), None],
    )])
    .await;
    let select = one(&root, "select");
    select.focus().unwrap();
    rows.update(|rows| rows[0].directions[0].chosen = Some("get-companies".to_owned()));
    settle().await;
    assert!(one(&root, "select").is_same_node(Some(&select)));
    assert!(is_focused(&select));
    assert_eq!(value(&select), "get-companies");
}
