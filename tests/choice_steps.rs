//! The schema and resource steps in Chromium: which controls appear for which rows, and that each
//! user action reaches its callback with the right key.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{ResourceRow, ResourceStep, SchemaRow, SchemaStep};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use widget_core::wire::Method;

wasm_bindgen_test_configure!(run_in_browser);

fn row(key: &str, enabled: bool, toggleable: bool, methods: Vec<Method>) -> SchemaRow {
    SchemaRow {
        key: key.to_owned(),
        label: key.to_owned(),
        enabled,
        toggleable,
        method: methods.first().copied().unwrap_or(Method::Import),
        methods,
        custom: false,
    }
}

#[wasm_bindgen_test]
async fn schema_rows_offer_radios_only_for_two_directions_and_report_choices() {
    let toggles = Arc::new(Mutex::new(Vec::new()));
    let directions = Arc::new(Mutex::new(Vec::new()));
    let (t, d) = (toggles.clone(), directions.clone());
    let rows = vec![
        row(
            "crm-contact",
            true,
            true,
            vec![Method::Import, Method::Export],
        ),
        row("crm-note", true, true, vec![Method::Import]),
        row(
            "crm-deal",
            false,
            false,
            vec![Method::Import, Method::Export],
        ),
    ];
    let (root, _handle) = mount(move || {
        view! {
            <SchemaStep
                rows=Signal::stored(rows)
                on_toggle=Callback::new(move |key| t.lock().unwrap().push(key))
                on_direction=Callback::new(move |choice| d.lock().unwrap().push(choice))
            />
        }
    })
    .await;
    let checkboxes = all(&root, "input[type=checkbox]");
    assert_eq!(checkboxes.len(), 3);
    let disabled: Vec<bool> = checkboxes
        .iter()
        .map(|c| c.dyn_ref::<web_sys::HtmlInputElement>().unwrap().disabled())
        .collect();
    assert_eq!(
        disabled,
        [false, false, true],
        "a fixed schema cannot be switched"
    );
    let radios = all(&root, "fieldset:not(.esw-hidden) input[type=radio]");
    assert_eq!(
        radios.len(),
        2,
        "radios only where the provider offers both directions and the row is on"
    );
    assert!(
        text(&root).contains("Pull into this app"),
        "a single direction is stated"
    );

    checkboxes[1].click();
    radios[1].click();
    assert_eq!(*toggles.lock().unwrap(), ["crm-note"]);
    assert_eq!(
        *directions.lock().unwrap(),
        [("crm-contact".to_owned(), Method::Export)]
    );
}

#[wasm_bindgen_test]
async fn resource_select_shows_the_chosen_one_and_reports_a_change() {
    let picks = Arc::new(Mutex::new(Vec::new()));
    let p = picks.clone();
    let rows = vec![ResourceRow {
        key: "crm-contact".to_owned(),
        label: "Contact".to_owned(),
        options: vec![
            ("get-contacts".to_owned(), "Contacts".to_owned()),
            ("get-leads".to_owned(), "Leads".to_owned()),
        ],
        chosen: Some("get-leads".to_owned()),
    }];
    let (root, _handle) = mount(move || {
        view! { <ResourceStep rows=Signal::stored(rows) on_pick=Callback::new(move |pick| p.lock().unwrap().push(pick)) /> }
    })
    .await;
    let select = one(&root, "select");
    let label = one(&root, "label");
    assert_eq!(label.get_attribute("for"), Some(select.id()));
    assert_eq!(
        select
            .dyn_ref::<web_sys::HtmlSelectElement>()
            .unwrap()
            .value(),
        "get-leads"
    );
    set_value(&select, "get-contacts", "change");
    assert_eq!(
        *picks.lock().unwrap(),
        [("crm-contact".to_owned(), "get-contacts".to_owned())]
    );
}
