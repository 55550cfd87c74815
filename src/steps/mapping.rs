//! The mapping step's container: one table per selected schema, from the wizard's mapping rows
//! (suggestions, required markers, upsert for pushed schemas, fields other rows use),
//! passthrough candidates, and the notice of a choice that took another's field.

use super::StepNav;
use crate::components::{MappingActions, MappingRow, MappingStep, MappingTable};
use crate::i18n::Texts;
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::ids::{FieldName, SchemaKey};
use widget_core::text::display_text;
use widget_core::wire::Field;
use widget_core::wizard::{Event, MappingNotice, Wizard};

fn field_label(field: &Field) -> String {
    display_text(field.title.as_deref().unwrap_or(&field.name)).to_owned()
}

/// The notice's sentence, and the app field that chose.
fn notice_text(texts: &Texts, n: &MappingNotice) -> (String, String) {
    let (taker, taken) = (field_label(n.taker), field_label(n.taken));
    let text = match (n.from, n.given) {
        (Some(from), Some(given)) => {
            (texts.swapped)(&taker, &taken, &field_label(from), &field_label(given))
        }
        (Some(from), None) => (texts.taken_unmapped)(&taker, &taken, &field_label(from)),
        (None, _) => (texts.taken_from_passthrough)(&taker, &taken),
    };
    (text, n.taker.name.clone())
}

fn tables(w: &Wizard, texts: &Texts) -> Vec<MappingTable> {
    let schemas = w.schemas();
    let notice = w.mapping_notice();
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
                        .map(|o| {
                            let name = field_label(o.field);
                            let name = match (o.used_by, o.passed_through) {
                                (Some(row), _) => (texts.used_by)(&name, &field_label(row)),
                                (None, true) => (texts.passed_through)(&name),
                                (None, false) => name,
                            };
                            (o.field.name.clone(), name)
                        })
                        .collect(),
                })
                .collect();
            Some(MappingTable {
                key: key.as_str().to_owned(),
                label: display_text(schema.display_name).to_owned(),
                push: schema.pushed,
                loading: rows.is_empty(),
                rows,
                passthrough: w
                    .passthrough_candidates(key)
                    .into_iter()
                    .map(|(field, chosen)| (field.name.clone(), field_label(field), chosen))
                    .collect(),
                notice: notice
                    .as_ref()
                    .filter(|n| n.schema == key)
                    .map(|n| notice_text(texts, n)),
            })
        })
        .collect()
}

/// Map each app field to a provider field.
#[component]
pub fn MappingPage(shell: Shell) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
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
        on_undo: move |_| shell.dispatch(Event::MappingUndoClicked),
    };
    view! {
        <MappingStep tables=move || shell.with(|w| tables(w, texts)) actions=actions />
        <StepNav shell=shell />
    }
}
