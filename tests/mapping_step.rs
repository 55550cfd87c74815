//! The mapping step in Chromium: the suggestion preselected and marked, required fields flagged
//! while unmapped, upsert choices only for pushed schemas, every action reaching its callback, and
//! updates that change values in place so the control a user just changed keeps focus.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{MappingActions, MappingRow, MappingStep, MappingTable};
use leptos::prelude::*;
use support::*;
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
        notice: None,
    }
}

struct Mounted {
    root: web_sys::HtmlElement,
    tables: RwSignal<Vec<MappingTable>>,
    maps: Spy<(String, String, Option<String>)>,
    upserts: Spy<(String, String, UpsertSetting)>,
    passthroughs: Spy<(String, String)>,
    undos: Spy<()>,
}

async fn mount_table(table: MappingTable) -> (Mounted, impl Drop) {
    let tables = RwSignal::new(vec![table]);
    let (maps, upserts, passthroughs) = (Spy::default(), Spy::default(), Spy::default());
    let undos = Spy::default();
    let actions = MappingActions {
        on_map: maps.handler(),
        on_upsert: upserts.handler(),
        on_passthrough: passthroughs.handler(),
        on_undo: undos.handler(),
    };
    let (root, handle) =
        mount(move || view! { <MappingStep tables=move || tables.get() actions=actions /> }).await;
    let mounted = Mounted {
        root,
        tables,
        maps,
        upserts,
        passthroughs,
        undos,
    };
    (mounted, handle)
}

const EMAIL: &str = "#esw-map-crm-contact-email";
const FIRST_NAME: &str = "#esw-map-crm-contact-first_name";
const UPSERT: &str = "select[aria-label$='already has data']";

#[wasm_bindgen_test]
async fn suggestion_is_preselected_and_marked_and_an_unmapped_required_field_is_flagged() {
    let (m, _handle) = mount_table(table(false, false)).await;
    let email = one(&m.root, EMAIL);
    let first = one(&m.root, FIRST_NAME);
    assert_eq!(value(&first), "firstname");
    assert_eq!(value(&email), "");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        first.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let issue = one(&m.root, ".esw-issue");
    assert_eq!(email.get_attribute("aria-describedby"), Some(issue.id()));
    assert_eq!(text(&issue), "Email is required: choose a provider field.");
    let tag = one(&m.root, ".esw-tag--suggested");
    assert_eq!(text(&tag), "Suggested");
    assert_eq!(first.get_attribute("aria-describedby"), Some(tag.id()));
    let required = all(&m.root, ".esw-tag--required");
    assert_eq!(required.len(), 1);
    assert!(text(&one(&m.root, "label[for=esw-map-crm-contact-email]")).contains("Required"));
}

#[wasm_bindgen_test]
async fn mapping_a_required_field_clears_its_issue_in_place() {
    let (m, _handle) = mount_table(table(false, false)).await;
    let email = one(&m.root, EMAIL);
    email.focus().unwrap();
    m.tables
        .update(|t| t[0].rows[0].provider_field = Some("email".into()));
    settle().await;
    assert!(all(&m.root, ".esw-issue").is_empty());
    assert_eq!(
        email.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(email.get_attribute("aria-describedby"), None);
    assert_eq!(value(&email), "email");
    assert!(one(&m.root, EMAIL).is_same_node(Some(&email)));
    assert!(
        is_focused(&email),
        "the select the user changed keeps focus"
    );
}

#[wasm_bindgen_test]
async fn the_suggested_tag_goes_when_the_user_picks_another_field() {
    let (m, _handle) = mount_table(table(false, false)).await;
    m.tables.update(|t| {
        let row = &mut t[0].rows[1];
        row.provider_field = Some("email".into());
        row.suggested = false;
    });
    settle().await;
    assert!(all(&m.root, ".esw-tag--suggested").is_empty());
    assert_eq!(value(&one(&m.root, FIRST_NAME)), "email");
}

#[wasm_bindgen_test]
async fn pulled_schemas_have_no_upsert_choice_and_pushed_mapped_fields_have_all_three() {
    let (pulled, _h) = mount_table(table(false, false)).await;
    assert!(all(&pulled.root, UPSERT).is_empty());
    assert_eq!(all(&pulled.root, "th").len(), 2);
    let (pushed, _h2) = mount_table(table(true, false)).await;
    assert_eq!(all(&pushed.root, "th").len(), 3);
    let upserts = all(&pushed.root, UPSERT);
    assert_eq!(upserts.len(), 1, "unmapped Email has no upsert choice");
    assert_eq!(
        upserts[0].get_attribute("aria-label").as_deref(),
        Some("First Name — When the field already has data")
    );
    assert_eq!(value(&upserts[0]), "SET_IF_NOT_SET");
    let values: Vec<String> = all(&upserts[0], "option")
        .iter()
        .map(|o| o.get_attribute("value").unwrap())
        .collect();
    assert_eq!(values, ["OVERWRITE", "DO_NOT_UPDATE", "SET_IF_NOT_SET"]);
}

#[wasm_bindgen_test]
async fn each_upsert_choice_reports_its_setting() {
    let (m, _handle) = mount_table(table(true, false)).await;
    let upsert = all(&m.root, UPSERT).remove(0);
    for choice in ["OVERWRITE", "DO_NOT_UPDATE", "SET_IF_NOT_SET"] {
        set_value(&upsert, choice, "change");
    }
    let field = |setting| ("crm-contact".to_owned(), "first_name".to_owned(), setting);
    assert_eq!(
        m.upserts.calls(),
        [
            field(UpsertSetting::Overwrite),
            field(UpsertSetting::DoNotUpdate),
            field(UpsertSetting::SetIfNotSet),
        ]
    );
}

#[wasm_bindgen_test]
async fn choosing_a_field_maps_it_and_choosing_not_mapped_unmaps_it() {
    let (m, _handle) = mount_table(table(false, false)).await;
    let first = one(&m.root, FIRST_NAME);
    assert_eq!(text(&one(&first, "option")), "— Not mapped —");
    set_value(&one(&m.root, EMAIL), "email", "change");
    set_value(&first, "", "change");
    let call = |field: &str, chosen: Option<&str>| {
        (
            "crm-contact".to_owned(),
            field.to_owned(),
            chosen.map(str::to_owned),
        )
    };
    assert_eq!(
        m.maps.calls(),
        [call("email", Some("email")), call("first_name", None)]
    );
}

#[wasm_bindgen_test]
async fn the_passthrough_checkbox_shows_the_choice_and_reports_a_switch() {
    let (m, _handle) = mount_table(table(false, false)).await;
    let checkbox = one(&m.root, "fieldset input[type=checkbox]");
    assert!(!checked(&checkbox));
    assert!(text(&one(&m.root, "fieldset")).contains("Lifecycle Stage"));
    checkbox.click();
    assert_eq!(
        m.passthroughs.calls(),
        [("crm-contact".to_owned(), "lifecyclestage".to_owned())]
    );
    m.tables.update(|t| t[0].passthrough[0].2 = true);
    settle().await;
    assert!(checked(&one(&m.root, "fieldset input[type=checkbox]")));
}

#[wasm_bindgen_test]
async fn a_loading_table_says_so_until_its_fields_arrive() {
    let (m, _handle) = mount_table(table(false, true)).await;
    assert!(all(&m.root, "select").is_empty());
    assert_eq!(text(&one(&m.root, "[role=status]")), "Loading fields…");
    m.tables.update(|t| t[0].loading = false);
    settle().await;
    assert!(all(&m.root, ".esw-status").is_empty());
    assert_eq!(all(&m.root, "tbody select").len(), 2);
}

#[wasm_bindgen_test]
async fn a_table_that_finishes_loading_leaves_the_others_controls_in_place() {
    let mut deal = table(false, true);
    deal.key = "crm-deal".into();
    deal.label = "Deal".into();
    let (m, _handle) = mount_table(table(false, false)).await;
    m.tables.update(|t| t.push(deal));
    settle().await;
    let email = one(&m.root, EMAIL);
    email.focus().unwrap();
    m.tables.update(|t| t[1].loading = false);
    settle().await;
    assert_eq!(all(&m.root, ".esw-status").len(), 0, "both tables loaded");
    assert!(
        one(&m.root, EMAIL).is_same_node(Some(&email)),
        "the loaded table's select is the same element"
    );
    assert!(is_focused(&email), "and keeps focus");
}

#[wasm_bindgen_test]
async fn mapping_an_unmapped_pushed_field_shows_its_upsert_choice_in_place() {
    let (m, _handle) = mount_table(table(true, false)).await;
    let email = one(&m.root, EMAIL);
    email.focus().unwrap();
    m.tables
        .update(|t| t[0].rows[0].provider_field = Some("email".into()));
    settle().await;
    let upserts = all(&m.root, UPSERT);
    assert_eq!(upserts.len(), 2);
    assert_eq!(
        upserts[0].get_attribute("aria-label").as_deref(),
        Some("Email — When the field already has data")
    );
    assert!(
        is_focused(&email),
        "the select the user changed keeps focus"
    );
}

#[wasm_bindgen_test]
async fn a_notice_appears_in_the_live_region_and_undo_reports_and_refocuses_the_row() {
    let (m, _handle) = mount_table(table(false, false)).await;
    let region = one(&m.root, ".esw-mapping__notice");
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        text(&region),
        "",
        "present and empty before anything happens"
    );
    m.tables.update(|t| {
        t[0].notice = Some((
            "First Name now maps to Email. Email, which had it, is now not mapped.".into(),
            "first_name".into(),
        ))
    });
    settle().await;
    let region = one(&m.root, ".esw-mapping__notice");
    assert!(text(&region).starts_with("First Name now maps to Email."));
    let undo = one(&region, "button");
    assert_eq!(text(&undo), "Undo");
    undo.click();
    assert_eq!(m.undos.calls(), [()]);
    assert!(
        is_focused(&one(&m.root, FIRST_NAME)),
        "focus goes back to the row that chose, not to the page"
    );
    m.tables.update(|t| t[0].notice = None);
    settle().await;
    assert!(all(&m.root, ".esw-mapping__notice button").is_empty());
}

#[wasm_bindgen_test]
async fn an_options_name_follows_the_row_without_rebuilding_the_select() {
    let (m, _handle) = mount_table(table(false, false)).await;
    let first = one(&m.root, FIRST_NAME);
    first.focus().unwrap();
    m.tables
        .update(|t| t[0].rows[1].options[0].1 = "Email — used by Email".into());
    settle().await;
    let names: Vec<String> = all(&first, "option").iter().map(|o| text(o)).collect();
    assert_eq!(
        names,
        ["— Not mapped —", "Email — used by Email", "First Name"]
    );
    assert!(one(&m.root, FIRST_NAME).is_same_node(Some(&first)));
    assert!(is_focused(&first));
    assert_eq!(value(&first), "firstname");
}
