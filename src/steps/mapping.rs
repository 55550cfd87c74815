//! The mapping step's container: one table per selected schema, from the wizard's mapping rows
//! (suggestions, required markers, upsert for pushed schemas) and passthrough candidates.

use super::StepNav;
use crate::components::{MappingActions, MappingRow, MappingStep, MappingTable};
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::ids::{FieldName, SchemaKey};
use widget_core::text::display_text;
use widget_core::wire::{Field, Method};
use widget_core::wizard::{Event, Wizard};

fn field_label(field: &Field) -> String {
    display_text(field.title.as_deref().unwrap_or(&field.name)).to_owned()
}

fn tables(w: &Wizard) -> Vec<MappingTable> {
    let schemas = w.schemas();
    w.selected_schemas()
        .into_iter()
        .filter_map(|key| {
            let schema = schemas.iter().find(|s| s.key == key)?;
            let rows: Vec<MappingRow> = w
                .mapping_rows(key)
                .into_iter()
                .map(|row| MappingRow {
                    field: row.field.name.clone(),
                    label: field_label(row.field),
                    required: row.required,
                    provider_field: row.provider_field.map(|f| f.as_str().to_owned()),
                    suggested: row.suggested,
                    upsert: row.upsert,
                    options: row
                        .options
                        .iter()
                        .map(|f| (f.name.clone(), field_label(f)))
                        .collect(),
                })
                .collect();
            Some(MappingTable {
                key: key.as_str().to_owned(),
                label: display_text(schema.display_name).to_owned(),
                push: schema.method == Method::Export,
                loading: rows.is_empty(),
                rows,
                passthrough: w
                    .passthrough_candidates(key)
                    .into_iter()
                    .map(|(field, chosen)| (field.name.clone(), field_label(field), chosen))
                    .collect(),
            })
        })
        .collect()
}

/// Map each app field to a provider field.
#[component]
pub fn MappingPage(shell: Shell) -> impl IntoView {
    let ids =
        |schema: String, field: String| Some((SchemaKey::new(schema)?, FieldName::new(field)?));
    let actions = MappingActions {
        on_map: move |(schema, field, provider_field): (String, String, Option<String>)| {
            if let Some((schema, field)) = ids(schema, field) {
                let provider_field = provider_field.and_then(FieldName::new);
                shell.dispatch(Event::FieldMapped {
                    schema,
                    field,
                    provider_field,
                });
            }
        },
        on_upsert: move |(schema, field, upsert): (String, String, _)| {
            if let Some((schema, field)) = ids(schema, field) {
                shell.dispatch(Event::UpsertChosen {
                    schema,
                    field,
                    upsert,
                });
            }
        },
        on_passthrough: move |(schema, field): (String, String)| {
            if let Some((schema, provider_field)) = ids(schema, field) {
                shell.dispatch(Event::PassthroughToggled {
                    schema,
                    provider_field,
                });
            }
        },
    };
    view! {
        <MappingStep tables=move || shell.with(tables) actions=actions />
        <StepNav shell=shell />
    }
}
