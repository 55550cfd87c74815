//! The mapping step in Chromium: the suggestion preselected and marked, required fields flagged
//! while unmapped, upsert choices only for pushed schemas, every action reaching the container,
//! updates that change values in place (the control a user just changed keeps focus), the
//! filters of a big table, its count, the blocker that takes focus to the first required field
//! left, and ids built from indices and unique per mounted widget.
#![cfg(target_arch = "wasm32")]

mod mapping_fake;
mod support;

use endgrate_session_widget::components::{
    MappingStep, MappingTable, WidgetIds, FIRST_ROWS, ROWS_PER_TASK, SKIP_OFFSCREEN_FROM_ROWS,
};
use leptos::prelude::*;
use mapping_fake::*;
use support::*;
use wasm_bindgen_test::*;
use widget_core::wire::UpsertSetting;

wasm_bindgen_test_configure!(run_in_browser);

fn contact(push: bool, loading: bool) -> FakeTable {
    let upsert = push.then_some(UpsertSetting::SetIfNotSet);
    let mut email = row("email", "Email");
    email.required = true;
    email.upsert = upsert;
    let mut first = row("first_name", "First Name");
    first.provider_field = Some(("firstname".into(), "First Name".into()));
    first.suggested = true;
    first.upsert = upsert;
    FakeTable {
        table: MappingTable {
            label: "Contact list".into(),
            push,
            loading,
            rows: 2,
            mapped: 1,
            passthrough: vec![("lifecyclestage".into(), "Lifecycle Stage".into(), false)],
            notice: None,
        },
        rows: vec![email, first],
        choices: vec![choice("email", "Email"), choice("firstname", "First Name")],
    }
}

/// A table of `n` rows, every third required, none mapped.
fn big(n: usize) -> FakeTable {
    let rows = (0..n)
        .map(|i| {
            let mut r = row(&format!("f{i}"), &format!("Field {i}"));
            r.required = i % 3 == 0;
            r
        })
        .collect();
    FakeTable {
        table: MappingTable {
            label: "Big".into(),
            rows: n,
            ..MappingTable::default()
        },
        rows,
        choices: vec![choice("x", "X")],
    }
}

async fn mount_step(tables: Vec<FakeTable>) -> (web_sys::HtmlElement, Fake, impl Drop) {
    let fake = Fake::new(tables);
    let (root, handle) = mount(move || view! { <MappingStep data=fake /> }).await;
    (root, fake, handle)
}

const EMAIL: &str = "#esw0-map-0-0";
const FIRST_NAME: &str = "#esw0-map-0-1";
/// The upsert selects shown (an unmapped row's is hidden with its cell's content).
const UPSERT: &str = ".esw-upsert:not([hidden]) select[aria-label$='already has data']";

#[wasm_bindgen_test]
async fn suggestion_is_preselected_and_marked_and_an_unmapped_required_field_is_flagged() {
    let (root, _fake, _handle) = mount_step(vec![contact(false, false)]).await;
    let email = one(&root, EMAIL);
    let first = one(&root, FIRST_NAME);
    assert_eq!(value(&first), "First Name");
    assert_eq!(value(&email), "");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        first.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let issue = one(&root, ".esw-issue:not([hidden])");
    assert_eq!(email.get_attribute("aria-describedby"), Some(issue.id()));
    assert_eq!(
        issue.id(),
        "esw0-map-0-0-issue",
        "a schema name with a space cannot break it"
    );
    assert_eq!(text(&issue), "Email is required: choose a provider field.");
    let tag = one(&root, "td > .esw-tag--suggested:not([hidden])");
    assert_eq!(text(&tag), "Suggested");
    assert_eq!(first.get_attribute("aria-describedby"), Some(tag.id()));
    assert_eq!(all(&root, ".esw-tag--required").len(), 1);
    assert!(text(&one(&root, "label[for=esw0-map-0-0]")).contains("Required"));
    assert_eq!(text(&one(&root, ".esw-mapping__count")), "1 of 2 mapped");
}

#[wasm_bindgen_test]
async fn mapping_a_required_field_clears_its_issue_in_place() {
    let (root, fake, _handle) = mount_step(vec![contact(false, false)]).await;
    let email = one(&root, EMAIL);
    let first = one(&root, FIRST_NAME);
    email.focus().unwrap();
    fake.tables.update(|t| {
        t[0].rows[0].provider_field = Some(("email".into(), "Email".into()));
        t[0].table.mapped = 2;
    });
    settle().await;
    assert!(all(&root, ".esw-issue:not([hidden])").is_empty());
    assert_eq!(
        email.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(email.get_attribute("aria-describedby"), None);
    // The input's value property follows a tick or two after its attributes.
    sleep_ms(50).await;
    assert_eq!(value(&email), "Email");
    assert!(one(&root, EMAIL).is_same_node(Some(&email)));
    assert!(
        one(&root, FIRST_NAME).is_same_node(Some(&first)),
        "the other row stays"
    );
    assert!(
        is_focused(&email),
        "the picker the user changed keeps focus"
    );
    assert_eq!(text(&one(&root, ".esw-mapping__count")), "2 of 2 mapped");
}

#[wasm_bindgen_test]
async fn picking_in_a_row_reports_its_indices_and_not_mapped_unmaps() {
    let (root, fake, _handle) = mount_step(vec![contact(false, false)]).await;
    let email = one(&root, EMAIL);
    set_value(&email, "ema", "input");
    settle().await;
    key(&email, "Enter");
    settle().await;
    let first = one(&root, FIRST_NAME);
    key(&first, "ArrowDown");
    settle().await;
    // No suggestion here, so Not mapped leads the list.
    key(&first, "Home");
    settle().await;
    key(&first, "Enter");
    settle().await;
    assert_eq!(
        fake.actions(),
        [Did::Map(0, 0, Some("email".into())), Did::Map(0, 1, None)]
    );
    assert_eq!(
        fake.queries.get_value().first().map(String::as_str),
        Some("ema")
    );
}

#[wasm_bindgen_test]
async fn pulled_schemas_have_no_upsert_choice_and_pushed_mapped_fields_have_all_three() {
    let (pulled, _f, _h) = mount_step(vec![contact(false, false)]).await;
    assert!(all(&pulled, UPSERT).is_empty());
    assert_eq!(all(&pulled, "th").len(), 2);
    let (pushed, fake, _h2) = mount_step(vec![contact(true, false)]).await;
    assert_eq!(all(&pushed, "th").len(), 3);
    let upserts = all(&pushed, UPSERT);
    assert_eq!(upserts.len(), 1, "unmapped Email has no upsert choice");
    assert_eq!(
        upserts[0].get_attribute("aria-label").as_deref(),
        Some("First Name — When the field already has data")
    );
    assert_eq!(value(&upserts[0]), "SET_IF_NOT_SET");
    for choice in ["OVERWRITE", "DO_NOT_UPDATE", "SET_IF_NOT_SET"] {
        set_value(&upserts[0], choice, "change");
    }
    assert_eq!(
        fake.actions(),
        [
            Did::Upsert(0, 1, UpsertSetting::Overwrite),
            Did::Upsert(0, 1, UpsertSetting::DoNotUpdate),
            Did::Upsert(0, 1, UpsertSetting::SetIfNotSet),
        ]
    );
}

#[wasm_bindgen_test]
async fn the_passthrough_checkbox_shows_the_choice_and_reports_a_switch() {
    let (root, fake, _handle) = mount_step(vec![contact(false, false)]).await;
    let checkbox = one(&root, "fieldset input[type=checkbox]");
    assert!(!checked(&checkbox));
    assert!(text(&one(&root, "fieldset")).contains("Lifecycle Stage"));
    checkbox.click();
    assert_eq!(
        fake.actions(),
        [Did::Passthrough(0, "lifecyclestage".into())]
    );
    fake.tables.update(|t| t[0].table.passthrough[0].2 = true);
    settle().await;
    assert!(checked(&one(&root, "fieldset input[type=checkbox]")));
}

#[wasm_bindgen_test]
async fn a_table_that_finishes_loading_leaves_the_others_controls_in_place() {
    let mut deal = contact(false, true);
    deal.table.label = "Deal".into();
    let (root, fake, _handle) = mount_step(vec![contact(false, false), deal]).await;
    assert_eq!(text(&one(&root, ".esw-status")), "Loading fields…");
    let email = one(&root, EMAIL);
    email.focus().unwrap();
    fake.tables.update(|t| t[1].table.loading = false);
    settle().await;
    assert!(all(&root, ".esw-status").is_empty(), "both tables loaded");
    assert_eq!(all(&root, "[role=combobox]").len(), 4);
    assert!(one(&root, EMAIL).is_same_node(Some(&email)));
    assert!(is_focused(&email), "and keeps focus");
    assert!(
        all(&root, "#esw0-map-1-0").len() == 1,
        "the second table's ids use its index"
    );
}

#[wasm_bindgen_test]
async fn a_notice_appears_in_the_live_region_and_undo_reports_and_refocuses_the_row() {
    let (root, fake, _handle) = mount_step(vec![contact(false, false)]).await;
    let region = one(&root, ".esw-mapping__notice");
    assert_eq!(region.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        text(&region),
        "",
        "present and empty before anything happens"
    );
    fake.tables.update(|t| {
        t[0].table.notice = Some((
            "First Name now maps to Email. Email, which had it, is now not mapped.".into(),
            1,
        ))
    });
    settle().await;
    let region = one(&root, ".esw-mapping__notice");
    assert!(text(&region).starts_with("First Name now maps to Email."));
    let undo = one(&region, "button");
    assert_eq!(text(&undo), "Undo");
    undo.click();
    assert_eq!(fake.actions(), [Did::Undo]);
    assert!(
        is_focused(&one(&root, FIRST_NAME)),
        "focus goes back to the row that chose, not to the page"
    );
}

#[wasm_bindgen_test]
async fn a_big_table_filters_by_text_unmapped_and_required() {
    let mut table = big(12);
    table.rows[1].provider_field = Some(("x".into(), "X".into()));
    let (root, _fake, _handle) = mount_step(vec![table]).await;
    let rows = || all(&root, "tbody tr");
    let shown = || rows().iter().filter(|r| !r.hidden()).count();
    assert_eq!(rows().len(), 12);
    assert_eq!(shown(), 12);
    let filter = one(&root, "#esw0-map-0-filter");
    assert_eq!(
        text(&one(&root, "label[for=esw0-map-0-filter]")),
        "Filter fields"
    );
    set_value(&filter, "field 1", "input");
    settle().await;
    assert_eq!(shown(), 3, "Field 1, 10, 11");
    set_value(&filter, "", "input");
    let boxes = all(&root, ".esw-mapping__tools input[type=checkbox]");
    boxes[0].click();
    settle().await;
    assert_eq!(shown(), 11, "only unmapped");
    boxes[1].click();
    settle().await;
    assert_eq!(shown(), 4, "unmapped and required: 0, 3, 6, 9");
    set_value(&filter, "nothing like it", "input");
    settle().await;
    assert_eq!(shown(), 0);
    assert_eq!(
        text(&one(&root, ".esw-hint:not(fieldset .esw-hint)")),
        "No field matches these filters."
    );
}

#[wasm_bindgen_test]
async fn only_long_tables_skip_rendering_rows_out_of_view() {
    let (root, _fake, _handle) = mount_step(vec![
        big(SKIP_OFFSCREEN_FROM_ROWS - 1),
        big(SKIP_OFFSCREEN_FROM_ROWS),
    ])
    .await;
    let tables = all(&root, "table");
    assert_eq!(tables.len(), 2);
    assert!(!tables[0].class_list().contains("esw-table--long"));
    assert!(tables[1].class_list().contains("esw-table--long"));
}

#[wasm_bindgen_test]
async fn a_long_table_builds_its_first_rows_first_and_the_rest_a_batch_per_task() {
    let (root, _fake, _handle) = mount_step(vec![
        big(SKIP_OFFSCREEN_FROM_ROWS - 1),
        big(SKIP_OFFSCREEN_FROM_ROWS),
        big(FIRST_ROWS + 2 * ROWS_PER_TASK - 4),
    ])
    .await;
    let rows = |t: usize| all(&all(&root, "table")[t], "tbody tr").len();
    assert_eq!(
        rows(0),
        SKIP_OFFSCREEN_FROM_ROWS - 1,
        "a short table is whole at once"
    );
    assert_eq!((rows(1), rows(2)), (FIRST_ROWS, FIRST_ROWS));
    // A frame, then a task per batch.
    sleep_ms(300).await;
    assert_eq!(rows(1), SKIP_OFFSCREEN_FROM_ROWS);
    assert_eq!(rows(2), FIRST_ROWS + 2 * ROWS_PER_TASK - 4);
    let ids: Vec<String> = all(&all(&root, "table")[2], "tbody [role=combobox]")
        .iter()
        .map(|i| i.id())
        .collect();
    let expected: Vec<String> = (0..ids.len()).map(|r| format!("esw0-map-2-{r}")).collect();
    assert_eq!(ids, expected, "rows stay in order");
}

#[wasm_bindgen_test]
async fn small_tables_have_no_filters() {
    let (root, _fake, _handle) = mount_step(vec![contact(false, false)]).await;
    assert!(all(&root, ".esw-mapping__tools").is_empty());
}

#[wasm_bindgen_test]
async fn the_blocker_counts_required_fields_left_and_takes_focus_to_the_first_even_if_filtered() {
    let mut table = big(12);
    table.rows[0].provider_field = Some(("x".into(), "X".into()));
    let (root, fake, _handle) = mount_step(vec![contact(false, false), table]).await;
    let blocker = one(&root, ".esw-mapping__blocker");
    assert_eq!(blocker.get_attribute("role").as_deref(), Some("status"));
    // Email in the first table, and 3, 6, 9 in the second.
    assert!(text(&blocker).starts_with("4 required fields still need a provider field."));
    fake.tables
        .update(|t| t[0].rows[0].provider_field = Some(("email".into(), "Email".into())));
    settle().await;
    assert!(text(&blocker).starts_with("3 required fields"));
    // Hide the first of them behind a filter; the button shows it again and focuses it.
    let filter = one(&root, "#esw0-map-1-filter");
    set_value(&filter, "field 6", "input");
    settle().await;
    assert!(one(&root, "#esw0-map-1-3")
        .closest("tr")
        .unwrap()
        .unwrap()
        .has_attribute("hidden"));
    one(&blocker, "button").click();
    // The focus waits for the frame after the filter clears.
    for _ in 0..3 {
        next_frame().await;
    }
    assert_eq!(focused_id(), "esw0-map-1-3");
    assert!(!one(&root, "#esw0-map-1-3")
        .closest("tr")
        .unwrap()
        .unwrap()
        .has_attribute("hidden"));
    fake.tables.update(|t| {
        for r in t[1].rows.iter_mut() {
            r.provider_field = Some(("x".into(), "X".into()));
        }
    });
    settle().await;
    assert_eq!(text(&blocker), "", "nothing blocks");
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_never_share_an_id() {
    let fake_a = Fake::new(vec![contact(false, false)]);
    let fake_b = Fake::new(vec![contact(false, false)]);
    let (a, b) = (WidgetIds::next(), WidgetIds::next());
    assert_ne!(a.id("map-0-0"), b.id("map-0-0"));
    let (root_a, _ha) = mount(move || {
        provide_context(a);
        view! { <MappingStep data=fake_a /> }
    })
    .await;
    let (root_b, _hb) = mount(move || {
        provide_context(b);
        view! { <MappingStep data=fake_b /> }
    })
    .await;
    let ids = |root: &web_sys::HtmlElement| -> Vec<String> {
        all(root, "[id]").iter().map(|e| e.id()).collect()
    };
    let (ids_a, ids_b) = (ids(&root_a), ids(&root_b));
    assert!(!ids_a.is_empty());
    assert!(
        ids_a.iter().all(|id| !ids_b.contains(id)),
        "{ids_a:?} {ids_b:?}"
    );
    assert!(ids_a.iter().all(|id| id.starts_with(&a.id(""))));
}

/// Waits for the next animation frame.
async fn next_frame() {
    let (tx, rx) = futures_oneshot();
    request_animation_frame(tx);
    rx.await;
}

/// A one-shot signal from a frame callback to the test.
fn futures_oneshot() -> (
    impl FnOnce() + 'static,
    impl std::future::Future<Output = ()>,
) {
    let flag = std::rc::Rc::new(std::cell::Cell::new(false));
    let set = std::rc::Rc::clone(&flag);
    let wait = async move {
        while !flag.get() {
            leptos::task::tick().await;
            sleep_ms(5).await;
        }
    };
    (move || set.set(true), wait)
}
