//! The mapping step's container: one table per selected schema, from the wizard's mapping
//! states (suggestions, required markers, upsert for pushed schemas), a row's field choices for
//! its picker (the core's ranking), passthrough candidates, and the notice of a choice that took
//! another's field.
//!
//! What the step shows is derived once per change and per schema: a memo of the table's counts
//! and one of its rows, which every row's own memo reads its slice of. The searches over a
//! schema's provider fields and app fields are built once, the first time they are needed after
//! the fields arrive.

use super::StepNav;
use crate::components::{Choice, MappingData, MappingRow, MappingStep, MappingTable};
use crate::i18n::Texts;
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::ids::{FieldName, SchemaKey};
use widget_core::search::SearchIndex;
use widget_core::text::display_text;
use widget_core::wire::{Field, UpsertSetting};
use widget_core::wizard::{Event, MappingNotice, RowFilter, Wizard};

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

fn table_of(w: &Wizard, key: &SchemaKey, texts: &Texts) -> MappingTable {
    let schema = w.schemas().into_iter().find(|s| s.key == key);
    let fields = w.schema_fields(key);
    let progress = w.mapping_progress(key);
    MappingTable {
        label: schema
            .as_ref()
            .map(|s| display_text(s.display_name).to_owned())
            .unwrap_or_default(),
        push: schema.is_some_and(|s| s.pushed),
        loading: fields.is_empty(),
        rows: fields.len(),
        mapped: progress.mapped,
        passthrough: w
            .passthrough_candidates(key)
            .into_iter()
            .map(|(field, chosen)| (field.name.clone(), field_label(field), chosen))
            .collect(),
        notice: w
            .mapping_notice()
            .filter(|n| n.schema == key)
            .and_then(|n| {
                let (text, taker) = notice_text(texts, &n);
                let row = fields.iter().position(|f| f.name == taker)?;
                Some((text, row))
            }),
    }
}

fn rows_of(w: &Wizard, key: &SchemaKey) -> Vec<MappingRow> {
    w.mapping_states(key)
        .into_iter()
        .map(|row| MappingRow {
            field: row.field.name.clone(),
            label: field_label(row.field),
            required: row.required,
            provider_field: row.provider_field.map(|f| (f.name.clone(), field_label(f))),
            suggested: row.suggested,
            upsert: row.upsert,
        })
        .collect()
}

/// One schema's derived slices and its searches.
struct Slot {
    key: SchemaKey,
    table: Memo<MappingTable>,
    rows: Memo<Vec<MappingRow>>,
    provider_index: Option<SearchIndex>,
    app_index: Option<SearchIndex>,
}

/// The wizard as the mapping step's components read it.
#[derive(Clone, Copy)]
struct Source {
    shell: Shell,
    texts: &'static Texts,
    slots: StoredValue<Vec<Slot>, LocalStorage>,
}

impl Source {
    fn key(&self, table: usize) -> Option<SchemaKey> {
        self.slots
            .with_value(|s| s.get(table).map(|s| s.key.clone()))
    }

    /// The app field at `row`, by key.
    fn field(&self, key: &SchemaKey, row: usize) -> Option<FieldName> {
        self.shell.read_once(|w| {
            w.schema_fields(key)
                .get(row)
                .and_then(|f| FieldName::new(f.name.as_str()))
        })
    }
}

impl MappingData for Source {
    fn tables(&self) -> usize {
        self.slots.with_value(Vec::len)
    }

    fn table(&self, table: usize) -> MappingTable {
        self.slots
            .with_value(|s| s.get(table).map(|s| s.table))
            .map(|m| m.get())
            .unwrap_or_default()
    }

    fn row(&self, table: usize, row: usize) -> MappingRow {
        self.slots
            .with_value(|s| s.get(table).map(|s| s.rows))
            .and_then(|m| m.with(|rows| rows.get(row).cloned()))
            .unwrap_or_default()
    }

    fn choices(&self, table: usize, row: usize, query: &str) -> Vec<Choice> {
        let (shell, texts) = (self.shell, self.texts);
        self.slots
            .try_update_value(|slots| {
                let slot = slots.get_mut(table)?;
                shell.read_once(|w| {
                    let fields = w.provider_fields(&slot.key);
                    let index = slot
                        .provider_index
                        .take()
                        .filter(|i| i.len() == fields.len())
                        .unwrap_or_else(|| SearchIndex::fields(fields));
                    let out = w
                        .field_choices(&slot.key, row, query, &index)
                        .into_iter()
                        .map(|c| {
                            let name = field_label(c.field);
                            let label = match (c.used_by, c.passed_through) {
                                (Some(row), _) => (texts.used_by)(&name, &field_label(row)),
                                (None, true) => (texts.passed_through)(&name),
                                (None, false) => name,
                            };
                            let kind = match &c.field.format {
                                Some(format) => format!("{} · {format}", c.field.field_type),
                                None => c.field.field_type.clone(),
                            };
                            Choice {
                                value: c.field.name.clone(),
                                label,
                                kind,
                                custom: c.field.custom,
                                suggested: c.suggested,
                            }
                        })
                        .collect();
                    slot.provider_index = Some(index);
                    Some(out)
                })
            })
            .flatten()
            .unwrap_or_default()
    }

    fn rows_shown(&self, table: usize, filter: &RowFilter) -> Vec<bool> {
        let shell = self.shell;
        self.slots
            .try_update_value(|slots| {
                let slot = slots.get_mut(table)?;
                shell.read_once(|w| {
                    let fields = w.schema_fields(&slot.key);
                    let index = slot
                        .app_index
                        .take()
                        .filter(|i| i.len() == fields.len())
                        .unwrap_or_else(|| SearchIndex::fields(fields));
                    let out = w.rows_shown(&slot.key, filter, &index);
                    slot.app_index = Some(index);
                    Some(out)
                })
            })
            .flatten()
            .unwrap_or_default()
    }

    fn required_left(&self) -> (usize, Option<(usize, usize)>) {
        let keys = self
            .slots
            .with_value(|s| s.iter().map(|s| s.key.clone()).collect::<Vec<_>>());
        self.shell.with(|w| {
            let mut total = 0;
            let mut first = None;
            for (t, key) in keys.iter().enumerate() {
                let p = w.mapping_progress(key);
                total += p.required_left;
                if first.is_none() {
                    first = p.first_required_left.map(|r| (t, r));
                }
            }
            (total, first)
        })
    }

    fn map(&self, table: usize, row: usize, chosen: Option<String>) {
        let Some(schema) = self.key(table) else {
            return;
        };
        if let Some(field) = self.field(&schema, row) {
            self.shell.dispatch(Event::FieldMapped {
                schema,
                field,
                provider_field: chosen.and_then(FieldName::new),
            });
        }
    }

    fn upsert(&self, table: usize, row: usize, upsert: UpsertSetting) {
        let Some(schema) = self.key(table) else {
            return;
        };
        if let Some(field) = self.field(&schema, row) {
            self.shell.dispatch(Event::UpsertChosen {
                schema,
                field,
                upsert,
            });
        }
    }

    fn passthrough(&self, table: usize, field: String) {
        if let (Some(schema), Some(provider_field)) = (self.key(table), FieldName::new(field)) {
            self.shell.dispatch(Event::PassthroughToggled {
                schema,
                provider_field,
            });
        }
    }

    fn undo(&self) {
        self.shell.dispatch(Event::MappingUndoClicked);
    }

    fn passthrough_matches(&self, table: usize, query: &str) -> Vec<usize> {
        let fields = untrack(|| self.table(table)).passthrough;
        SearchIndex::of_names(
            fields
                .iter()
                .map(|(key, label, _)| [label.as_str(), key.as_str()]),
        )
        .search(query)
    }
}

/// Map each app field to a provider field.
#[component]
pub fn MappingPage(shell: Shell) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    // The selected schemas are fixed while the step is shown, once the catalog is in (a
    // preset provider shows this step before it arrives).
    let keys = Memo::new(move |_| {
        shell.with(|w| {
            w.selected_schemas()
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let step = move || {
        let slots = keys
            .get()
            .into_iter()
            .map(|key| {
                let (k1, k2) = (key.clone(), key.clone());
                Slot {
                    table: Memo::new(move |_| shell.with(|w| table_of(w, &k1, texts))),
                    rows: Memo::new(move |_| shell.with(|w| rows_of(w, &k2))),
                    key,
                    provider_index: None,
                    app_index: None,
                }
            })
            .collect();
        let data = Source {
            shell,
            texts,
            slots: StoredValue::new_local(slots),
        };
        view! { <MappingStep data=data /> }
    };
    view! {
        {step}
        <StepNav shell=shell />
    }
}
