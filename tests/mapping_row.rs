//! One mapping row in Chromium, mounted on its own: the field's label names its select, the
//! options are "not mapped" then the compatible provider fields, and the upsert cell exists only
//! for a pushed field, with its select only once the field is mapped.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{MappingActions, MappingRow, MappingRowView};
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;
use widget_core::wire::UpsertSetting;

wasm_bindgen_test_configure!(run_in_browser);

fn phone(upsert: Option<UpsertSetting>) -> MappingRow {
    MappingRow {
        field: "phone".into(),
        label: "Phone <b>".into(),
        required: false,
        provider_field: None,
        suggested: false,
        upsert,
        options: vec![
            ("mobilephone".into(), "Mobile".into()),
            ("phone".into(), "Phone".into()),
        ],
    }
}

type Upserts = Spy<(String, String, UpsertSetting)>;

async fn mount_row(row: MappingRow) -> (web_sys::HtmlElement, Upserts, impl Drop) {
    let upserts = Upserts::default();
    let actions = MappingActions {
        on_map: |_| {},
        on_upsert: upserts.handler(),
        on_passthrough: |_| {},
        on_undo: |_| {},
    };
    let row = Signal::stored(row);
    let (root, handle) = mount(move || {
        view! {
            <table><tbody>
                <MappingRowView schema="crm-contact".to_owned() row=move || row.get() actions=actions />
            </tbody></table>
        }
    })
    .await;
    (root, upserts, handle)
}

#[wasm_bindgen_test]
async fn the_label_names_the_select_and_shows_the_field_as_text() {
    let (root, _upserts, _handle) = mount_row(phone(None)).await;
    let select = one(&root, "select");
    assert_eq!(select.id(), "esw-map-crm-contact-phone");
    let label = one(&root, "label");
    assert_eq!(label.get_attribute("for"), Some(select.id()));
    assert_eq!(text(&one(&label, ".esw-field-name")), "Phone <b>");
    assert_eq!(text(&one(&label, ".esw-field-key")), "phone");
    assert!(all(&root, "b").is_empty());
    assert!(all(&root, ".esw-tag--required").is_empty());
    assert_eq!(
        select.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn the_options_are_not_mapped_then_the_compatible_fields() {
    let (root, _upserts, _handle) = mount_row(phone(None)).await;
    let options: Vec<(String, String)> = all(&root, "option")
        .iter()
        .map(|o| (o.get_attribute("value").unwrap(), text(o)))
        .collect();
    let pair = |v: &str, t: &str| (v.to_owned(), t.to_owned());
    assert_eq!(
        options,
        [
            pair("", "— Not mapped —"),
            pair("mobilephone", "Mobile"),
            pair("phone", "Phone"),
        ]
    );
}

#[wasm_bindgen_test]
async fn a_pulled_field_has_no_upsert_cell() {
    let (root, _upserts, _handle) = mount_row(phone(None)).await;
    assert_eq!(all(&root, "td").len(), 2);
    assert_eq!(all(&root, "select").len(), 1);
}

#[wasm_bindgen_test]
async fn an_unmapped_pushed_field_has_its_upsert_cell_but_no_select() {
    let (root, _upserts, _handle) = mount_row(phone(Some(UpsertSetting::Overwrite))).await;
    assert_eq!(all(&root, "td").len(), 3);
    assert_eq!(
        all(&root, "select").len(),
        1,
        "only the provider field select"
    );
}

#[wasm_bindgen_test]
async fn a_pushed_field_has_an_upsert_select_that_reports_the_setting() {
    let mut row = phone(Some(UpsertSetting::Overwrite));
    row.provider_field = Some("phone".into());
    let (root, upserts, _handle) = mount_row(row).await;
    assert_eq!(all(&root, "td").len(), 3);
    let upsert = all(&root, "select").remove(1);
    assert_eq!(value(&upsert), "OVERWRITE");
    set_value(&upsert, "DO_NOT_UPDATE", "change");
    assert_eq!(
        upserts.calls(),
        [(
            "crm-contact".to_owned(),
            "phone".to_owned(),
            UpsertSetting::DoNotUpdate
        )]
    );
}
