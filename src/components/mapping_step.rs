//! The field-mapping step: for each schema, a table mapping the app's fields to provider fields
//! (the core's suggestion preselected and marked), a required marker, the upsert choice for pushed
//! schemas, and the provider's custom fields to pass through.

use super::{focus_by_id, Handler, KeyedList, MappingRowView, Reader, Reveal};
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
    /// What the last choice took from another (a swap, or a field out of passthrough), and the
    /// app field that took it: shown with Undo until the next choice.
    pub notice: Option<(String, String)>,
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
    /// `(provider field, name shown)` pairs this field may map to (compatible types only). The
    /// values are fixed while the row is shown; a name follows the row ("— used by Last name").
    pub options: Vec<(String, String)>,
}

/// What the user can do on the mapping step: four [`Handler`]s, so no `Callback` is compiled
/// per argument type.
#[derive(Clone, Copy)]
pub struct MappingActions<M, U, P, N> {
    /// `(schema, field, provider field or None)`.
    pub on_map: M,
    /// `(schema, field, setting)`.
    pub on_upsert: U,
    /// `(schema, custom field)`: switch it in or out of passthrough.
    pub on_passthrough: P,
    /// Undo on the notice: the last choice and what it took go back.
    pub on_undo: N,
}

/// The bounds every use of [`MappingActions`] needs.
pub trait Actions: Copy + Send + Sync + 'static {
    /// `(schema, field, provider field or None)`.
    fn map(&self, schema: String, field: String, provider_field: Option<String>);
    /// `(schema, field, setting)`.
    fn upsert(&self, schema: String, field: String, setting: UpsertSetting);
    /// `(schema, custom field)`.
    fn passthrough(&self, schema: String, field: String);
    /// Undo the last choice that took another's field.
    fn undo(&self);
}

impl<M, U, P, N> Actions for MappingActions<M, U, P, N>
where
    M: Handler<(String, String, Option<String>)>,
    U: Handler<(String, String, UpsertSetting)>,
    P: Handler<(String, String)>,
    N: Handler<()>,
{
    fn map(&self, schema: String, field: String, provider_field: Option<String>) {
        (self.on_map)((schema, field, provider_field));
    }
    fn upsert(&self, schema: String, field: String, setting: UpsertSetting) {
        (self.on_upsert)((schema, field, setting));
    }
    fn passthrough(&self, schema: String, field: String) {
        (self.on_passthrough)((schema, field));
    }
    fn undo(&self) {
        (self.on_undo)(());
    }
}

/// Every schema's mapping table. Tables, rows and checkboxes are keyed by schema and field, so
/// an update changes values in place instead of rebuilding the controls (focus stays put).
#[component]
pub fn MappingStep(
    /// One table per schema that maps fields.
    tables: impl Reader<Vec<MappingTable>>,
    /// What the user's actions send.
    actions: impl Actions,
) -> impl IntoView {
    let table_keys = move || tables().into_iter().map(|t| t.key).collect::<Vec<_>>();
    let table = move |key: String| {
        // In the arena, so the reader below is a Copy closure like every other.
        let key = StoredValue::new(key);
        let table = move || {
            key.with_value(|key| {
                tables()
                    .into_iter()
                    .find(|t| &t.key == key)
                    .unwrap_or_else(|| empty_table(key))
            })
        };
        // Whether any table of the step has an upsert column: a pulled table then takes the
        // width of a pushed one's first two columns, so every column lines up.
        let beside_push = untrack(tables).iter().any(|t| t.push);
        view! { <TableView table=table actions=actions beside_push=beside_push /> }.into_any()
    };
    view! { <KeyedList keys=Signal::derive(table_keys) item=Callback::new(table) /> }
}

fn empty_table(key: &str) -> MappingTable {
    MappingTable {
        key: key.to_owned(),
        label: String::new(),
        push: false,
        loading: true,
        rows: Vec::new(),
        passthrough: Vec::new(),
        notice: None,
    }
}

/// One schema's section: loading, or its table and passthrough choices.
///
/// The table is built once its fields arrive, and only then: the other sections keep their
/// controls (and focus) while one loads.
#[component]
fn TableView(
    table: impl Reader<MappingTable>,
    actions: impl Actions,
    beside_push: bool,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let label = untrack(table).label;
    view! {
        <section class="esw-mapping" aria-label=label.clone()>
            <h3 class="esw-section-title">{label.clone()}</h3>
            <Reveal
                when=move || !table().loading
                fallback=move || view! {
                    <p class="esw-status" role="status"><span class="esw-spinner"></span>{texts.loading_fields}</p>
                }
            >
                <Fields table=table actions=actions beside_push=beside_push />
            </Reveal>
        </section>
    }
}

/// A loaded section's table and passthrough choices.
#[component]
fn Fields(
    table: impl Reader<MappingTable>,
    actions: impl Actions,
    beside_push: bool,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let first = untrack(table);
    let key = first.key.clone();
    let row_keys = move || {
        table()
            .rows
            .into_iter()
            .map(|r| r.field)
            .collect::<Vec<_>>()
    };
    let passthrough_keys = move || {
        table()
            .passthrough
            .into_iter()
            .map(|p| p.0)
            .collect::<Vec<_>>()
    };
    let (row_schema, pass_schema) = (key.clone(), key.clone());
    let notice = move || table().notice;
    let on_undo = move |_| {
        let taker = untrack(notice).map(|n| n.1);
        actions.undo();
        // The Undo button goes with the notice: focus returns to the row that chose.
        if let Some(field) = taker {
            focus_by_id(&format!("esw-map-{key}-{field}"));
        }
    };
    view! {
        // One live region for the section, present before it has anything to say, so what
        // appears in it is announced.
        <div class="esw-mapping__notice" role="status">
            <Reveal when=move || notice().is_some()>
                <p class="esw-notice esw-notice--action">
                    <span>{move || notice().map(|n| n.0)}</span>
                    " "
                    <button type="button" class="esw-button esw-button--small" on:click=on_undo.clone()>{texts.undo}</button>
                </p>
            </Reveal>
        </div>
        // Fixed column widths, the same in every table of the step, whatever their contents.
        <table class=match (first.push, beside_push) {
            (true, _) => "esw-table",
            (false, true) => "esw-table esw-table--pull",
            (false, false) => "esw-table esw-table--two",
        }>
            <colgroup>
                <col class="esw-table__col--app" />
                <col class="esw-table__col--provider" />
                {first.push.then(|| view! { <col class="esw-table__col--upsert" /> })}
            </colgroup>
            <thead>
                <tr>
                    <th scope="col">{texts.column_app_field}</th>
                    <th scope="col">{texts.column_provider_field}</th>
                    {first.push.then(|| view! { <th scope="col">{texts.column_upsert}</th> })}
                </tr>
            </thead>
            <tbody>
                <KeyedList keys=Signal::derive(row_keys) item=Callback::new(move |field: String| {
                    let field = StoredValue::new(field);
                    let row = move || field.with_value(|field| {
                        table().rows.into_iter().find(|r| &r.field == field).unwrap_or_else(|| placeholder_row(field))
                    });
                    view! { <MappingRowView schema=row_schema.clone() row=row actions=actions /> }.into_any()
                }) />
            </tbody>
        </table>
        {(!first.passthrough.is_empty()).then(move || view! {
            <fieldset class="esw-fieldset">
                <legend class="esw-section-title">{texts.passthrough_heading}</legend>
                <p class="esw-hint">{texts.passthrough_hint}</p>
                <div class="esw-checks">
                    <KeyedList keys=Signal::derive(passthrough_keys) item=Callback::new(move |field: String| {
                        let schema = pass_schema.clone();
                        let checked_field = field.clone();
                        let label = untrack(table)
                            .passthrough
                            .into_iter()
                            .find(|p| p.0 == field)
                            .map(|p| p.1)
                            .unwrap_or_default();
                        view! {
                            <label class="esw-radio">
                                <input
                                    type="checkbox"
                                    prop:checked=move || table().passthrough.iter().any(|p| p.0 == checked_field && p.2)
                                    on:change=move |_| actions.passthrough(schema.clone(), field.clone())
                                />
                                {label}
                            </label>
                        }
                        .into_any()
                    }) />
                </div>
            </fieldset>
        })}
    }
}

fn placeholder_row(field: &str) -> MappingRow {
    MappingRow {
        field: field.to_owned(),
        label: String::new(),
        required: false,
        provider_field: None,
        suggested: false,
        upsert: None,
        options: Vec::new(),
    }
}
