//! One row of the mapping table: the app's field, the provider field select (the suggestion
//! marked), the required marker and its issue, and the upsert choice for pushed schemas.

use super::mapping_step::{upsert_cell, MappingActions, MappingRow};
use crate::i18n::Texts;
use leptos::prelude::*;

/// A `<tr>` for one app field.
#[component]
pub fn MappingRowView(
    /// The schema's key.
    schema: String,
    /// The row.
    row: MappingRow,
    /// What the user's actions send.
    actions: MappingActions,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let select_id = format!("esw-map-{schema}-{}", row.field);
    let issue_id = format!("{select_id}-issue");
    let suggested_id = format!("{select_id}-suggested");
    let unmapped_required = row.required && row.provider_field.is_none();
    let (map_schema, map_field) = (schema.clone(), row.field.clone());
    view! {
        <tr>
            <td>
                <label for=select_id.clone()>
                    <span class="esw-field-name">{row.label.clone()}</span>
                    " "
                    {row.required.then(|| view! { <span class="esw-tag esw-tag--required">{texts.required}</span> })}
                    <span class="esw-field-key">{row.field.clone()}</span>
                </label>
            </td>
            <td>
                <select
                    id=select_id
                    class="esw-select"
                    aria-invalid=unmapped_required.to_string()
                    aria-describedby=if unmapped_required {
                        Some(issue_id.clone())
                    } else if row.suggested {
                        Some(suggested_id.clone())
                    } else {
                        None
                    }
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        let chosen = (!value.is_empty()).then_some(value);
                        actions.on_map.run((map_schema.clone(), map_field.clone(), chosen));
                    }
                >
                    <option value="" selected=row.provider_field.is_none()>{texts.not_mapped}</option>
                    {row.options.iter().cloned().map(|(value, name)| {
                        let chosen = row.provider_field.as_deref() == Some(value.as_str());
                        view! { <option value=value selected=chosen>{name}</option> }
                    }).collect_view()}
                </select>
                {(row.suggested && row.provider_field.is_some())
                    .then(|| view! { <span class="esw-tag esw-tag--suggested" id=suggested_id>{texts.suggested}</span> })}
                {unmapped_required.then(|| view! {
                    <p class="esw-issue" id=issue_id>{(texts.required_unmapped)(&row.label)}</p>
                })}
            </td>
            {upsert_cell(texts, schema, &row, actions)}
        </tr>
    }
}
