//! One mapping row in Chromium, mounted on its own: the field's label names its picker (an id
//! from indices, never from the field's text), and the upsert cell exists only for a pushed
//! field, with its select shown only once the field is mapped.
#![cfg(target_arch = "wasm32")]

mod mapping_fake;
mod support;

use endgrate_session_widget::components::{MappingRowView, PickerHub};
use leptos::prelude::*;
use mapping_fake::*;
use support::*;
use wasm_bindgen_test::*;
use widget_core::wire::UpsertSetting;

wasm_bindgen_test_configure!(run_in_browser);

fn phone(upsert: Option<UpsertSetting>) -> FakeTable {
    let mut r = row("phone number", "Phone <b>");
    r.upsert = upsert;
    FakeTable {
        rows: vec![r],
        choices: vec![choice("mobilephone", "Mobile"), choice("phone", "Phone")],
        ..FakeTable::default()
    }
}

async fn mount_row(table: FakeTable) -> (web_sys::HtmlElement, Fake, impl Drop) {
    let fake = Fake::new(vec![table]);
    let (root, handle) = mount(move || {
        provide_context(PickerHub::new());
        view! {
            <table><tbody>
                <MappingRowView table=0 index=0 shown=|| true data=fake />
            </tbody></table>
        }
    })
    .await;
    (root, fake, handle)
}

#[wasm_bindgen_test]
async fn the_label_names_the_picker_by_an_index_id_and_shows_the_field_as_text() {
    let (root, _fake, _handle) = mount_row(phone(None)).await;
    let input = one(&root, "[role=combobox]");
    assert_eq!(
        input.id(),
        "esw0-map-0-0",
        "indices, not the key with its space"
    );
    let label = one(&root, "label");
    assert_eq!(label.get_attribute("for"), Some(input.id()));
    assert_eq!(text(&one(&label, ".esw-field-name")), "Phone <b>");
    assert_eq!(text(&one(&label, ".esw-field-key")), "phone number");
    assert!(all(&root, "b").is_empty());
    assert!(all(&root, ".esw-tag--required").is_empty());
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn a_pulled_field_has_no_upsert_cell() {
    let (root, _fake, _handle) = mount_row(phone(None)).await;
    assert_eq!(all(&root, "td").len(), 2);
    assert!(all(&root, "select").is_empty());
}

#[wasm_bindgen_test]
async fn an_unmapped_pushed_field_has_its_upsert_cell_but_no_select_shown() {
    let (root, _fake, _handle) = mount_row(phone(Some(UpsertSetting::Overwrite))).await;
    assert_eq!(all(&root, "td").len(), 3);
    assert!(one(&root, ".esw-upsert").has_attribute("hidden"));
    assert!(one(&root, ".esw-upsert select").is_connected());
}

#[wasm_bindgen_test]
async fn a_pushed_field_has_an_upsert_select_that_reports_the_setting() {
    let mut table = phone(Some(UpsertSetting::Overwrite));
    table.rows[0].provider_field = Some(("phone".into(), "Phone".into()));
    let (root, fake, _handle) = mount_row(table).await;
    assert_eq!(all(&root, "td").len(), 3);
    assert!(!one(&root, ".esw-upsert").has_attribute("hidden"));
    let upsert = one(&root, "select");
    assert_eq!(value(&upsert), "OVERWRITE");
    set_value(&upsert, "DO_NOT_UPDATE", "change");
    assert_eq!(
        fake.actions(),
        [Did::Upsert(0, 0, UpsertSetting::DoNotUpdate)]
    );
}
