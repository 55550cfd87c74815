//! A mapping choice never silently undoes another: taking a provider field another row holds
//! swaps the two rows (or unmaps the other, or takes it out of passthrough) with a notice and an
//! Undo that restores both exactly; the same row choosing again replaces its last choice whole,
//! so arrowing through a closed select (each option committed) loses nothing.

mod common;

use common::*;
use serde_json::json;
use widget_core::ids::FieldName;
use widget_core::search::SearchIndex;
use widget_core::wire::FieldsResponse;
use widget_core::wizard::{Command, Event, Step, Wizard};

/// The issue's shapes: an app schema with Last name required, a provider saying "Family name".
fn fields() -> FieldsResponse {
    serde_json::from_value(json!({
        "schema_fields": [
            {"name": "first_name", "title": "First name", "type": "string"},
            {"name": "last_name", "title": "Last name", "type": "string", "required": true},
            {"name": "phone", "title": "Phone", "type": "string"},
            {"name": "score", "title": "Score", "type": "number"},
            {"name": "birthday", "title": "Birthday", "type": "string", "format": "date"}],
        "provider_fields": [
            {"name": "given_name", "title": "Given name", "type": "string"},
            {"name": "family_name", "title": "Family name", "type": "string"},
            {"name": "phone", "title": "Phone", "type": "string"},
            {"name": "rating", "title": "Rating", "type": "number"},
            {"name": "segment", "title": "Segment", "type": "string", "custom": true},
            {"name": "dob", "title": "Date of birth", "type": "string", "format": "date"},
            {"name": "updated_at", "title": "Updated at", "type": "string", "format": "date-time"}]
    }))
    .unwrap()
}

/// At the mapping step with `fields()` loaded (provider preset, mapping the only choice step).
fn at_mapping() -> Wizard {
    let w = started_with_fields(
        json!({
            "provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
            "field_selection": true, "passthrough_fields": true}),
        fields,
    );
    assert_eq!(w.step(), Step::Mapping);
    w
}

fn name(s: &str) -> FieldName {
    FieldName::new(s).unwrap()
}

fn map(w: &mut Wizard, field: &str, provider_field: Option<&str>) -> Vec<Command> {
    w.update(Event::FieldMapped {
        schema: schema("crm-contact"),
        field: name(field),
        provider_field: provider_field.map(name),
    })
}

/// One row as `(app field, provider field, suggested)`.
type Row = (String, Option<String>, bool);

/// Every row, plus the passthrough list.
fn state(w: &Wizard) -> (Vec<Row>, Vec<String>) {
    let s = schema("crm-contact");
    let rows = w
        .mapping_states(&s)
        .iter()
        .map(|r| {
            (
                r.field.name.clone(),
                r.provider_field.map(|f| f.name.clone()),
                r.suggested,
            )
        })
        .collect();
    let passed = w
        .passthrough_candidates(&s)
        .iter()
        .filter(|(_, on)| *on)
        .map(|(f, _)| f.name.clone())
        .collect();
    (rows, passed)
}

fn row(w: &Wizard, field: &str) -> Option<String> {
    state(w)
        .0
        .into_iter()
        .find(|r| r.0 == field)
        .and_then(|r| r.1)
}

/// A notice as `(taker, taken, from, given)` titles.
type Notice = (String, String, Option<String>, Option<String>);

fn notice(w: &Wizard) -> Option<Notice> {
    let title = |f: &widget_core::wire::Field| f.title.clone().unwrap();
    w.mapping_notice().map(|n| {
        (
            title(n.taker),
            title(n.taken),
            n.from.map(title),
            n.given.map(title),
        )
    })
}

#[test]
fn suggestions_fill_the_fixture_as_the_tests_assume() {
    let w = at_mapping();
    assert_eq!(row(&w, "first_name").as_deref(), Some("given_name"));
    assert_eq!(row(&w, "last_name").as_deref(), Some("family_name"));
    assert_eq!(row(&w, "phone").as_deref(), Some("phone"));
    assert_eq!(row(&w, "score"), None);
    assert_eq!(w.mapping_notice(), None);
}

#[test]
fn taking_a_used_field_swaps_the_two_rows_with_a_notice_and_undo_restores_both_exactly() {
    let mut w = at_mapping();
    let before = state(&w);
    let out = map(&mut w, "phone", Some("family_name"));
    assert!(out.contains(&Command::Persist));
    assert_eq!(row(&w, "phone").as_deref(), Some("family_name"));
    assert_eq!(
        row(&w, "last_name").as_deref(),
        Some("phone"),
        "Last name got Phone's field, it was not silently unmapped"
    );
    assert_eq!(
        notice(&w),
        Some((
            "Phone".into(),
            "Family name".into(),
            Some("Last name".into()),
            Some("Phone".into())
        ))
    );
    assert!(w
        .update(Event::MappingUndoClicked)
        .contains(&Command::Persist));
    assert_eq!(state(&w), before, "both rows, suggestions included");
    assert_eq!(w.mapping_notice(), None);
}

#[test]
fn arrowing_up_then_down_through_a_closed_select_loses_no_row() {
    // Chromium commits each option a closed select passes: Phone's ArrowUp is "Family name",
    // ArrowDown is "Phone" again.
    let mut w = at_mapping();
    let before = state(&w);
    map(&mut w, "phone", Some("family_name"));
    map(&mut w, "phone", Some("phone"));
    assert_eq!(state(&w), before);
    assert_eq!(w.mapping_notice(), None);
    // All the way up and back down: every row it passed holds its field again (Phone's own is
    // now the user's choice, no longer marked as the suggestion, since it passed "Not mapped").
    let fields_only = |w: &Wizard| {
        state(w)
            .0
            .into_iter()
            .map(|r| (r.0, r.1))
            .collect::<Vec<_>>()
    };
    let before = fields_only(&w);
    for option in [
        Some("family_name"),
        Some("given_name"),
        None,
        Some("given_name"),
        Some("family_name"),
        Some("phone"),
    ] {
        map(&mut w, "phone", option);
    }
    assert_eq!(fields_only(&w), before);
}

#[test]
fn arrowing_on_to_a_free_field_gives_the_passed_field_back() {
    let mut w = at_mapping();
    map(&mut w, "phone", Some("family_name"));
    map(&mut w, "phone", Some("segment"));
    assert_eq!(row(&w, "last_name").as_deref(), Some("family_name"));
    assert_eq!(row(&w, "phone").as_deref(), Some("segment"));
    assert_eq!(w.mapping_notice(), None);
}

#[test]
fn a_row_with_nothing_to_give_leaves_the_other_unmapped_with_a_notice_and_undo() {
    let mut w = at_mapping();
    map(&mut w, "phone", None);
    let before = state(&w);
    map(&mut w, "phone", Some("family_name"));
    assert_eq!(row(&w, "last_name"), None);
    assert_eq!(
        notice(&w),
        Some((
            "Phone".into(),
            "Family name".into(),
            Some("Last name".into()),
            None
        ))
    );
    assert!(!w.blocking_issues().is_empty(), "Last name is required");
    w.update(Event::MappingUndoClicked);
    assert_eq!(state(&w), before);
}

#[test]
fn a_field_of_another_type_is_refused_and_takes_nothing() {
    let mut w = at_mapping();
    map(&mut w, "score", Some("rating"));
    let out = map(&mut w, "first_name", Some("rating"));
    assert!(out.is_empty(), "a number field is refused for a string row");
    assert_eq!(row(&w, "score").as_deref(), Some("rating"));
}

#[test]
fn taking_a_passed_through_field_says_so_and_undo_passes_it_through_again() {
    let mut w = at_mapping();
    w.update(Event::PassthroughToggled {
        schema: schema("crm-contact"),
        provider_field: name("segment"),
    });
    let before = state(&w);
    assert_eq!(before.1, ["segment"]);
    map(&mut w, "first_name", Some("segment"));
    assert!(state(&w).1.is_empty());
    assert_eq!(
        notice(&w),
        Some(("First name".into(), "Segment".into(), None, None))
    );
    w.update(Event::MappingUndoClicked);
    assert_eq!(state(&w), before);
}

#[test]
fn another_choice_or_leaving_the_step_settles_the_swap_and_ends_the_notice() {
    let mut w = at_mapping();
    map(&mut w, "phone", Some("family_name"));
    map(&mut w, "first_name", None);
    assert_eq!(w.mapping_notice(), None);
    assert_eq!(
        row(&w, "last_name").as_deref(),
        Some("phone"),
        "the swap the user was told of stays"
    );
    assert!(w.update(Event::MappingUndoClicked).is_empty());

    let mut w = at_mapping();
    map(&mut w, "phone", Some("family_name"));
    w.update(Event::NextClicked);
    assert_eq!(w.step(), Step::Review);
    w.update(Event::BackClicked);
    assert_eq!(w.mapping_notice(), None);
}

#[test]
fn choices_say_which_other_row_uses_them() {
    let w = at_mapping();
    let s = schema("crm-contact");
    let phone = w
        .schema_fields(&s)
        .iter()
        .position(|f| f.name == "phone")
        .unwrap();
    let index = SearchIndex::fields(w.provider_fields(&s));
    let mut used: Vec<_> = w
        .field_choices(&s, phone, "", &index)
        .iter()
        .map(|c| (c.field.name.as_str(), c.used_by.map(|f| f.name.as_str())))
        .collect();
    used.sort_unstable();
    assert_eq!(
        used,
        [
            ("dob", None),
            ("family_name", Some("last_name")),
            ("given_name", Some("first_name")),
            ("phone", None),
            ("segment", None),
            ("updated_at", None)
        ],
        "a row's own field is not 'used by' another"
    );
}

#[test]
fn choices_say_which_field_is_passed_through() {
    let mut w = at_mapping();
    w.update(Event::PassthroughToggled {
        schema: schema("crm-contact"),
        provider_field: name("segment"),
    });
    let s = schema("crm-contact");
    let index = SearchIndex::fields(w.provider_fields(&s));
    let passed: Vec<_> = w
        .field_choices(&s, 0, "", &index)
        .iter()
        .filter(|c| c.passed_through)
        .map(|c| c.field.name.as_str())
        .collect();
    assert_eq!(passed, ["segment"]);
}

#[test]
fn a_swap_never_gives_a_row_a_field_of_another_type() {
    let mut w = at_mapping();
    map(&mut w, "birthday", Some("dob"));
    map(&mut w, "first_name", Some("updated_at"));
    let before = state(&w);
    map(&mut w, "first_name", Some("dob"));
    assert_eq!(
        row(&w, "birthday"),
        None,
        "a date-time field does not fit a date: Birthday is unmapped, not given Updated at"
    );
    assert_eq!(
        notice(&w),
        Some((
            "First name".into(),
            "Date of birth".into(),
            Some("Birthday".into()),
            None
        ))
    );
    w.update(Event::MappingUndoClicked);
    assert_eq!(state(&w), before);
}
