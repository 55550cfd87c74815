//! What the field picker and the big-table controls read: a row's choices for a query (ranked
//! by the one search, the suggestion first, compatible types only, holders named), the per-row
//! states without choices, a schema's progress, and which rows a filter shows.

mod common;

use common::*;
use serde_json::json;
use widget_core::ids::FieldName;
use widget_core::search::SearchIndex;
use widget_core::wire::FieldsResponse;
use widget_core::wizard::{Event, RowFilter, Step, Wizard};

fn fields() -> FieldsResponse {
    serde_json::from_value(json!({
        "schema_fields": [
            {"name": "first_name", "title": "First name", "type": "string"},
            {"name": "middle_name", "title": "Middle name", "type": "string", "required": true},
            {"name": "email", "title": "Email", "type": "string", "required": true},
            {"name": "score", "title": "Score", "type": "number"}],
        "provider_fields": [
            {"name": "firstname", "title": "First Name", "type": "string"},
            {"name": "family_name", "title": "Family name", "type": "string"},
            {"name": "fax", "title": "Fax", "type": "string"},
            {"name": "first_deal", "title": "First deal", "type": "string", "custom": true},
            {"name": "rating", "title": "Rating", "type": "number"},
            {"name": "email", "title": "Email", "type": "string"}]
    }))
    .unwrap()
}

fn at_mapping() -> Wizard {
    let w = started_with_fields(
        json!({
            "provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
            "field_selection": true}),
        fields,
    );
    assert_eq!(w.step(), Step::Mapping);
    w
}

fn names(choices: &[widget_core::wizard::FieldChoice<'_>]) -> Vec<String> {
    choices.iter().map(|c| c.field.name.clone()).collect()
}

#[test]
fn choices_rank_with_the_suggestion_first_and_only_compatible_types() {
    let mut w = at_mapping();
    let s = schema("crm-contact");
    let index = SearchIndex::fields(w.provider_fields(&s));
    // Blank: the suggestion (firstname) first, then provider order; no number field.
    let all = w.field_choices(&s, 0, "", &index);
    assert_eq!(
        names(&all),
        ["firstname", "family_name", "fax", "first_deal", "email"]
    );
    assert!(all[0].suggested && !all[1].suggested);
    // Three letters, ranked: prefixes of titles, the shorter first, the suggestion still first.
    assert_eq!(
        names(&w.field_choices(&s, 0, "fir", &index)),
        ["firstname", "first_deal"]
    );
    // One letter: every field starting with f is a prefix match; the shortest (Fax) would
    // lead, but the suggestion matches as well, so it comes first.
    assert_eq!(
        names(&w.field_choices(&s, 0, "f", &index)),
        ["firstname", "fax", "first_deal", "family_name"]
    );
    // A typo still finds it.
    assert_eq!(
        names(&w.field_choices(&s, 1, "famly", &index)),
        ["family_name"]
    );
    // The suggestion stays first after the user chooses otherwise.
    w.update(Event::FieldMapped {
        schema: s.clone(),
        field: FieldName::new("first_name").unwrap(),
        provider_field: FieldName::new("fax"),
    });
    let after = w.field_choices(&s, 0, "", &index);
    assert_eq!(after[0].field.name, "firstname");
    assert!(after[0].suggested);
    // Who holds a field is named, but a row never sees itself as the holder.
    let last = w.field_choices(&s, 1, "fax", &index);
    assert_eq!(last[0].used_by.map(|f| f.name.as_str()), Some("first_name"));
    assert_eq!(w.field_choices(&s, 0, "fax", &index)[0].used_by, None);
    // The number row lists only the number field.
    assert_eq!(names(&w.field_choices(&s, 3, "", &index)), ["rating"]);
    // A stale index (built for other fields) gives nothing rather than wrong fields.
    assert!(w
        .field_choices(&s, 0, "", &SearchIndex::default())
        .is_empty());
}

#[test]
fn progress_counts_mapped_and_required_left_with_the_first() {
    let mut w = at_mapping();
    let s = schema("crm-contact");
    let p = w.mapping_progress(&s);
    // first_name and email suggested; middle_name (required) and score unmapped.
    assert_eq!((p.mapped, p.total, p.required_left), (2, 4, 1));
    assert_eq!(p.first_required_left, Some(1));
    w.update(Event::FieldMapped {
        schema: s.clone(),
        field: FieldName::new("email").unwrap(),
        provider_field: None,
    });
    let p = w.mapping_progress(&s);
    assert_eq!(
        (p.mapped, p.required_left, p.first_required_left),
        (1, 2, Some(1))
    );
    let states = w.mapping_states(&s);
    assert_eq!(states.len(), 4);
    assert_eq!(
        states[0].provider_field.map(|f| f.name.as_str()),
        Some("firstname")
    );
    assert!(states[0].suggested && states[1].required);
}

#[test]
fn row_filter_by_text_unmapped_and_required() {
    let w = at_mapping();
    let s = schema("crm-contact");
    let index = SearchIndex::fields(w.schema_fields(&s));
    let shown = |query: &str, unmapped_only, required_only| {
        let filter = RowFilter {
            query: query.into(),
            unmapped_only,
            required_only,
        };
        w.rows_shown(&s, &filter, &index)
    };
    assert_eq!(shown("", false, false), [true; 4]);
    assert_eq!(shown("name", false, false), [true, true, false, false]);
    assert_eq!(
        shown("midle", false, false),
        [false, true, false, false],
        "a typo"
    );
    assert_eq!(shown("", true, false), [false, true, false, true]);
    assert_eq!(shown("", false, true), [false, true, true, false]);
    assert_eq!(shown("", true, true), [false, true, false, false]);
}
