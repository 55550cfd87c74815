//! One row of the mapping table: the app's field, its field picker (the suggestion marked, a
//! field another row uses said so), the required marker and its issue, and the upsert choice for
//! pushed schemas once the field is mapped.
//!
//! The row's elements are created once and only their values follow `row`, through a memo of
//! this row alone, so a choice elsewhere in the table touches nothing here, and the control a
//! keyboard user just changed keeps focus.

use super::mapping_step::MappingData;
use super::{widget_ids, FieldPicker, UpsertSelect, WidgetIds};
use crate::i18n::Texts;
use leptos::prelude::*;

/// The id of row `row`'s picker input in table `table`, for focus moves and labels.
pub fn row_input_id(ids: WidgetIds, table: usize, row: usize) -> String {
    ids.id(&format!("map-{table}-{row}"))
}

/// A `<tr>` for one app field.
#[component]
pub fn MappingRowView(
    /// The table's position in the step.
    table: usize,
    /// The row's position in the table.
    index: usize,
    /// Whether the table's filters show the row.
    shown: impl Fn() -> bool + Send + Sync + 'static,
    /// The rows' source and what the user's actions send.
    data: impl MappingData,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let row = Memo::new(move |_| data.row(table, index));
    let first = row.get_untracked();
    let input_id = row_input_id(widget_ids(), table, index);
    let label_id = format!("{input_id}-label");
    let issue_id = format!("{input_id}-issue");
    let suggested_id = format!("{input_id}-suggested");
    let unmapped_required = move || row.with(|row| row.required && row.provider_field.is_none());
    let suggested = move || row.with(|row| row.suggested && row.provider_field.is_some());
    let describedby = {
        let ids = StoredValue::new((issue_id.clone(), suggested_id.clone()));
        move || {
            if unmapped_required() {
                Some(ids.with_value(|i| i.0.clone()))
            } else if suggested() {
                Some(ids.with_value(|i| i.1.clone()))
            } else {
                None
            }
        }
    };
    let mapped = move || row.with(|r| r.provider_field.is_some());
    let upsert = first.upsert.is_some().then(|| {
        let label = first.label.clone();
        view! {
            <td role="cell">
                // Only a mapped field has data to overwrite or keep. Hidden rather than left out,
                // like the tags below.
                <div class="esw-upsert" hidden=move || !mapped()>
                    // The column header is hidden on phones, where this line names the select instead.
                    <span class="esw-cell-label" aria-hidden="true">{texts.column_upsert}</span>
                    <UpsertSelect
                        value=move || row.with(|r| r.upsert.unwrap_or_default())
                        label_text=format!("{} — {}", label, texts.column_upsert)
                        on_change=move |setting| data.upsert(table, index, setting)
                    />
                </div>
            </td>
        }
    });
    view! {
        <tr role="row" hidden=move || !shown()>
            <td role="cell">
                <label for=input_id.clone() id=label_id>
                    <span class="esw-field-name">{first.label.clone()}</span>
                    " "
                    {first.required.then(|| view! { <span class="esw-tag esw-tag--required">{texts.required}</span> })}
                    <span class="esw-field-key">{first.field.clone()}</span>
                </label>
            </td>
            <td role="cell">
                <FieldPicker
                    id=input_id
                    value=move || row.with(|r| r.provider_field.clone())
                    choices=move |query: &str| data.choices(table, index, query)
                    on_pick=move |chosen| data.map(table, index, chosen)
                    invalid=unmapped_required
                    describedby=describedby
                />
                // Hidden rather than left out: a row is built with no conditional blocks of its
                // own (each costs about half a millisecond per row on a first visit's baseline
                // code), so a table of hundreds of rows appears quickly.
                <span class="esw-tag esw-tag--suggested" id=suggested_id.clone() hidden=move || !suggested()>{texts.suggested}</span>
                <p class="esw-issue" id=issue_id.clone() hidden=move || !unmapped_required()>{(texts.required_unmapped)(&first.label)}</p>
            </td>
            {upsert}
        </tr>
    }
}
