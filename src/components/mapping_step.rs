//! The field-mapping step: for each schema, a table mapping the app's fields to provider fields
//! (the core's suggestion preselected and marked), a required marker, the upsert choice for pushed
//! schemas, and the provider's custom fields to pass through.

use super::{MappingRowView, UpsertSelect};
use crate::i18n::Texts;
use leptos::prelude::*;
use widget_core::wire::UpsertSetting;

/// One schema's mapping, as the step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MappingTable {
    /// The schema's key.
    pub key: String,
    /// The schema's name.
    pub label: String,
    /// Whether fields are pushed (upsert choices shown).
    pub push: bool,
    /// The fields are still loading.
    pub loading: bool,
    /// One row per app field.
    pub rows: Vec<MappingRow>,
    /// `(custom field, name shown, chosen)` triples for passthrough.
    pub passthrough: Vec<(String, String, bool)>,
}

/// One app field's mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct MappingRow {
    /// The app field's key.
    pub field: String,
    /// The app field's name shown.
    pub label: String,
    /// Must be mapped before review.
    pub required: bool,
    /// The chosen provider field.
    pub provider_field: Option<String>,
    /// The chosen field is the core's suggestion.
    pub suggested: bool,
    /// The upsert setting (pushed schemas only).
    pub upsert: Option<UpsertSetting>,
    /// `(provider field, name shown)` pairs this field may map to (compatible types only).
    pub options: Vec<(String, String)>,
}

/// What the user can do on the mapping step.
#[derive(Clone, Copy)]
pub struct MappingActions {
    /// `(schema, field, provider field or None)`.
    pub on_map: Callback<(String, String, Option<String>)>,
    /// `(schema, field, setting)`.
    pub on_upsert: Callback<(String, String, UpsertSetting)>,
    /// `(schema, custom field)`: switch it in or out of passthrough.
    pub on_passthrough: Callback<(String, String)>,
}

/// Every schema's mapping table.
#[component]
pub fn MappingStep(
    /// One table per schema that maps fields.
    #[prop(into)]
    tables: Signal<Vec<MappingTable>>,
    /// What the user's actions send.
    actions: MappingActions,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    move || {
        tables
            .get()
            .into_iter()
            .map(|table| {
                let body = if table.loading {
                    view! { <p class="esw-status" role="status"><span class="esw-spinner"></span>{texts.loading_fields}</p> }
                        .into_any()
                } else {
                    table_view(texts, &table, actions).into_any()
                };
                view! {
                    <section class="esw-mapping" aria-label=table.label.clone()>
                        <h3 class="esw-section-title">{table.label.clone()}</h3>
                        {body}
                    </section>
                }
            })
            .collect_view()
    }
}

fn table_view(
    texts: &'static Texts,
    table: &MappingTable,
    actions: MappingActions,
) -> impl IntoView {
    let passthrough = (!table.passthrough.is_empty()).then(|| {
        let key = table.key.clone();
        view! {
            <fieldset class="esw-fieldset">
                <legend class="esw-section-title">{texts.passthrough_heading}</legend>
                <div class="esw-checks">
                    {table.passthrough.iter().map(|(field, label, chosen)| {
                        let (key, field) = (key.clone(), field.clone());
                        view! {
                            <label class="esw-radio">
                                <input
                                    type="checkbox"
                                    checked=*chosen
                                    on:change=move |_| actions.on_passthrough.run((key.clone(), field.clone()))
                                />
                                {label.clone()}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
    });
    view! {
        <table class="esw-table">
            <thead>
                <tr>
                    <th scope="col">{texts.column_app_field}</th>
                    <th scope="col">{texts.column_provider_field}</th>
                    {table.push.then(|| view! { <th scope="col">{texts.column_upsert}</th> })}
                </tr>
            </thead>
            <tbody>
                {table.rows.iter().map(|row| view! {
                    <MappingRowView schema=table.key.clone() row=row.clone() actions=actions />
                }).collect_view()}
            </tbody>
        </table>
        {passthrough}
    }
}

/// The upsert cell of a row, when the schema is pushed.
pub(super) fn upsert_cell(
    texts: &'static Texts,
    schema: String,
    row: &MappingRow,
    actions: MappingActions,
) -> Option<impl IntoView> {
    let setting = row.upsert?;
    let field = row.field.clone();
    let label_text = format!("{} — {}", row.label, texts.column_upsert);
    Some(view! {
        <td>
            // The column header is hidden on phones, where this line names the select instead.
            <span class="esw-cell-label" aria-hidden="true">{texts.column_upsert}</span>
            <UpsertSelect
                value=setting
                label_text=label_text
                on_change=Callback::new(move |setting| actions.on_upsert.run((schema.clone(), field.clone(), setting)))
            />
        </td>
    })
}
