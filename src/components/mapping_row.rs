//! One row of the mapping table: the app's field, the provider field select (the suggestion
//! marked, a field another row uses said so), the required marker and its issue, and the upsert
//! choice for pushed schemas once the field is mapped.
//!
//! The row's elements are created once and only their values follow `row`, so the control a
//! keyboard user just changed keeps focus.

use super::mapping_step::{Actions, MappingRow};
use super::{Reader, Reveal, UpsertSelect};
use crate::i18n::Texts;
use leptos::prelude::*;

/// A `<tr>` for one app field.
#[component]
pub fn MappingRowView(
    /// The schema's key.
    schema: String,
    /// The row; its field, label, options and push-ness are read once.
    row: impl Reader<MappingRow>,
    /// What the user's actions send.
    actions: impl Actions,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let first = untrack(row);
    let select_id = format!("esw-map-{schema}-{}", first.field);
    let issue_id = format!("{select_id}-issue");
    let suggested_id = format!("{select_id}-suggested");
    let unmapped_required = move || {
        let row = row();
        row.required && row.provider_field.is_none()
    };
    let suggested = move || {
        let row = row();
        row.suggested && row.provider_field.is_some()
    };
    let describedby = {
        let (issue_id, suggested_id) = (issue_id.clone(), suggested_id.clone());
        move || {
            if unmapped_required() {
                Some(issue_id.clone())
            } else if suggested() {
                Some(suggested_id.clone())
            } else {
                None
            }
        }
    };
    let (map_schema, map_field) = (schema.clone(), first.field.clone());
    let mapped = move || row().provider_field.is_some();
    let upsert = first.upsert.is_some().then(|| {
        let (schema, field, label) = (schema.clone(), first.field.clone(), first.label.clone());
        view! {
            <td>
                // Only a mapped field has data to overwrite or keep.
                <Reveal when=Signal::derive(mapped)>
                    // The column header is hidden on phones, where this line names the select instead.
                    <span class="esw-cell-label" aria-hidden="true">{texts.column_upsert}</span>
                    <UpsertSelect
                        value=move || row().upsert.unwrap_or_default()
                        label_text=format!("{} — {}", label, texts.column_upsert)
                        on_change={
                            let (schema, field) = (schema.clone(), field.clone());
                            move |setting| actions.upsert(schema.clone(), field.clone(), setting)
                        }
                    />
                </Reveal>
            </td>
        }
    });
    // The options' names follow the row ("— used by Last name"), their elements stay.
    let names = Memo::new(move |_| row().options.into_iter().map(|o| o.1).collect::<Vec<_>>());
    let options = first
        .options
        .iter()
        .enumerate()
        .map(|(i, (value, _))| {
            view! {
                <option value=value.clone()>{move || names.with(|n| n.get(i).cloned().unwrap_or_default())}</option>
            }
        })
        .collect_view();
    view! {
        <tr>
            <td>
                <label for=select_id.clone()>
                    <span class="esw-field-name">{first.label.clone()}</span>
                    " "
                    {first.required.then(|| view! { <span class="esw-tag esw-tag--required">{texts.required}</span> })}
                    <span class="esw-field-key">{first.field.clone()}</span>
                </label>
            </td>
            <td>
                <select
                    id=select_id
                    class="esw-select"
                    aria-invalid=move || unmapped_required().to_string()
                    aria-describedby=describedby
                    prop:value=move || row().provider_field.unwrap_or_default()
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        let chosen = (!value.is_empty()).then_some(value);
                        actions.map(map_schema.clone(), map_field.clone(), chosen);
                    }
                >
                    <option value="">{texts.not_mapped}</option>
                    {options}
                </select>
                <Reveal when=Signal::derive(suggested)>
                    <span class="esw-tag esw-tag--suggested" id=suggested_id.clone()>{texts.suggested}</span>
                </Reveal>
                <Reveal when=Signal::derive(unmapped_required)>
                    <p class="esw-issue" id=issue_id.clone()>{(texts.required_unmapped)(&first.label)}</p>
                </Reveal>
            </td>
            {upsert}
        </tr>
    }
}
