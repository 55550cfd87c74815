//! The passthrough checkboxes of a mapping table in Chromium, at a provider's size (1,200 custom
//! fields): a bounded number rendered with "Show more", the count of what is chosen, the filter
//! and "show only chosen", and focus where a keyboard user expects it.
#![cfg(target_arch = "wasm32")]

mod mapping_fake;
mod support;

use endgrate_session_widget::components::{MappingStep, MappingTable, PASSTHROUGH_STEP};
use leptos::prelude::*;
use mapping_fake::*;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A table of one row and `n` custom fields, "Custom 0", "Custom 1", …, the ones in `chosen`
/// passed through.
fn custom(n: usize, chosen: &[usize]) -> FakeTable {
    FakeTable {
        table: MappingTable {
            label: "Contact".into(),
            rows: 1,
            passthrough: (0..n)
                .map(|i| {
                    (
                        format!("cf_{i}"),
                        format!("Custom {i}"),
                        chosen.contains(&i),
                    )
                })
                .collect(),
            ..MappingTable::default()
        },
        rows: vec![row("email", "Email")],
        choices: vec![choice("email", "Email")],
    }
}

async fn mount_step(table: FakeTable) -> (web_sys::HtmlElement, Fake, impl Drop) {
    let fake = Fake::new(vec![table]);
    let (root, handle) = mount(move || view! { <MappingStep data=fake /> }).await;
    (root, fake, handle)
}

fn boxes(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    all(root, "fieldset .esw-checks input[type=checkbox]")
}

fn labels(root: &web_sys::Element) -> Vec<String> {
    all(root, "fieldset .esw-checks label")
        .iter()
        .map(|l| text(l))
        .collect()
}

#[wasm_bindgen_test]
async fn of_1200_custom_fields_only_the_first_ones_are_rendered_and_the_chosen_counted() {
    let (root, _fake, _handle) = mount_step(custom(1200, &[3, 700, 1199])).await;
    assert_eq!(boxes(&root).len(), PASSTHROUGH_STEP);
    assert_eq!(
        all(&root, "input[type=checkbox]").len(),
        PASSTHROUGH_STEP + 1,
        "and the toggle"
    );
    assert_eq!(
        text(&one(&root, "fieldset legend .esw-mapping__count")),
        "3 of 1200 passed through"
    );
    let more = one(&root, "fieldset button.esw-show-all");
    assert_eq!(
        text(&more),
        format!("Show more ({} not shown)", 1200 - PASSTHROUGH_STEP)
    );
    more.focus().unwrap();
    more.click();
    settle().await;
    assert_eq!(boxes(&root).len(), 2 * PASSTHROUGH_STEP);
    // Focus moves to the first checkbox revealed, in the frame after the press.
    sleep_ms(100).await;
    let revealed = one(&root, &format!("#esw0-pt-0-{PASSTHROUGH_STEP}"));
    assert!(is_focused(&revealed));
}

#[wasm_bindgen_test]
async fn the_filter_lists_only_matching_fields_and_says_how_many() {
    let (root, _fake, _handle) = mount_step(custom(1200, &[])).await;
    set_value(&one(&root, "#esw0-pt-0-filter"), "custom 119", "input");
    settle().await;
    assert_eq!(
        labels(&root),
        [
            "Custom 119",
            "Custom 1190",
            "Custom 1191",
            "Custom 1192",
            "Custom 1193",
            "Custom 1194",
            "Custom 1195",
            "Custom 1196",
            "Custom 1197",
            "Custom 1198",
            "Custom 1199"
        ]
    );
    assert!(all(&root, "fieldset button.esw-show-all").is_empty());
    assert_eq!(
        text(&one(&root, "fieldset [role=status]")),
        "11 fields match"
    );
}

#[wasm_bindgen_test]
async fn show_only_chosen_keeps_a_field_just_unchecked_until_the_filter_changes() {
    let (root, fake, _handle) = mount_step(custom(1200, &[3, 700, 1199])).await;
    let only = all(&root, "fieldset .esw-mapping__tools input[type=checkbox]")
        .into_iter()
        .next()
        .unwrap();
    only.click();
    settle().await;
    assert_eq!(labels(&root), ["Custom 3", "Custom 700", "Custom 1199"]);
    // Ids follow the place in the list: Custom 700 is second.
    let checkbox = one(&root, "#esw0-pt-0-1");
    checkbox.focus().unwrap();
    checkbox.click();
    assert_eq!(fake.actions(), [Did::Passthrough(0, "cf_700".into())]);
    fake.tables
        .update(|t| t[0].table.passthrough[700].2 = false);
    settle().await;
    assert_eq!(labels(&root).len(), 3, "still in view");
    assert!(is_focused(&one(&root, "#esw0-pt-0-1")), "and focused");
    assert!(!checked(&one(&root, "#esw0-pt-0-1")));
    assert_eq!(
        text(&one(&root, "fieldset legend .esw-mapping__count")),
        "2 of 1200 passed through"
    );
    only.click();
    settle().await;
    only.click();
    settle().await;
    assert_eq!(labels(&root), ["Custom 3", "Custom 1199"]);
}

#[wasm_bindgen_test]
async fn a_field_that_leaves_the_list_takes_its_checkbox_and_no_other_field_s_choice() {
    let (root, fake, _handle) = mount_step(custom(60, &[2])).await;
    // A row maps "Custom 1": the container no longer offers it.
    fake.tables.update(|t| {
        t[0].table.passthrough.remove(1);
    });
    settle().await;
    let names = labels(&root);
    assert_eq!(names[..3], ["Custom 0", "Custom 2", "Custom 3"]);
    let second = one(&root, "#esw0-pt-0-1");
    assert!(checked(&second), "Custom 2 keeps its choice");
    second.click();
    assert_eq!(fake.actions(), [Did::Passthrough(0, "cf_2".into())]);
}
