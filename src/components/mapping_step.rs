//! The field-mapping step: for each schema, a table mapping the app's fields to provider fields
//! through a field picker (the core's suggestion first and marked), a required marker, the
//! upsert choice for pushed schemas, and the provider's custom fields to pass through. Big
//! schemas get a filter over the app's fields, "show only unmapped" and "show only required";
//! every table says how many fields are mapped, and a blocker says how many required fields
//! remain and takes focus to the first.
//!
//! Work follows the change: each row reads its own slice through a memo, so a choice
//! re-renders that row and the counts, not the table.

use super::{
    focus_by_id, mapping_row::row_input_id, widget_ids, Choice, MappingRowView, Passthrough,
    PickerHub, PickerStatus, Reveal,
};
use crate::i18n::Texts;
use leptos::prelude::*;
use widget_core::wire::UpsertSetting;
use widget_core::wizard::RowFilter;

/// Tables with at least this many rows get the filter controls.
pub const FILTER_FROM_ROWS: usize = 10;

/// Tables with at least this many rows skip rendering the rows out of view (the stylesheet's
/// `esw-table--long`). A shorter table renders whole: a row drawn for the first time as it
/// scrolls in can differ from its estimated height and move what is below it.
pub const SKIP_OFFSCREEN_FROM_ROWS: usize = 50;

/// Long tables (see [`SKIP_OFFSCREEN_FROM_ROWS`]) build this many rows first, about two
/// screens, and the rest once those are painted: the user sees the table's top sooner.
pub const FIRST_ROWS: usize = 24;

/// After the first rows, a long table builds this many per task, so that input is answered
/// between them (500 rows at once take the main thread for about half a second on a first visit).
pub const ROWS_PER_TASK: usize = 50;

/// Sets `built` one higher in a task of its own, then again until it reaches `batches`; stops
/// when the table is gone.
fn build_batches(built: RwSignal<usize>, batches: usize) {
    set_timeout(
        move || {
            let Some(now) = built.try_get_untracked() else {
                return;
            };
            built.set(now + 1);
            if now + 1 < batches {
                build_batches(built, batches);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// One schema's mapping, as the step shows it, without its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MappingTable {
    /// The schema's name.
    pub label: String,
    /// Whether fields are pushed (upsert choices shown).
    pub push: bool,
    /// The fields are still loading.
    pub loading: bool,
    /// How many rows (app fields) the table has once loaded.
    pub rows: usize,
    /// How many of them are mapped.
    pub mapped: usize,
    /// `(custom field, name shown, chosen)` triples for passthrough.
    pub passthrough: Vec<(String, String, bool)>,
    /// What the last choice took from another (a swap, or a field out of passthrough), and the
    /// row that took it: shown with Undo until the next choice.
    pub notice: Option<(String, usize)>,
}

/// One app field's mapping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MappingRow {
    /// The app field's key.
    pub field: String,
    /// The app field's name shown.
    pub label: String,
    /// Must be mapped before review.
    pub required: bool,
    /// The chosen provider field as `(key, name shown)`.
    pub provider_field: Option<(String, String)>,
    /// The chosen field is the core's suggestion.
    pub suggested: bool,
    /// The upsert setting (pushed schemas only).
    pub upsert: Option<UpsertSetting>,
}

/// Where the step's data comes from and where the user's actions go. Tables and rows are
/// addressed by position; reads marked "tracked" subscribe the caller.
pub trait MappingData: Copy + Send + Sync + 'static {
    /// How many tables the step shows (fixed while it is shown).
    fn tables(&self) -> usize;
    /// Table `table` without its rows (tracked).
    fn table(&self, table: usize) -> MappingTable;
    /// One row (tracked).
    fn row(&self, table: usize, row: usize) -> MappingRow;
    /// What row `row`'s picker lists for `query`, best first.
    fn choices(&self, table: usize, row: usize, query: &str) -> Vec<Choice>;
    /// Whether each row passes `filter`, as the mapping is now (not tracked: a row the user
    /// just mapped stays in view until the filter changes).
    fn rows_shown(&self, table: usize, filter: &RowFilter) -> Vec<bool>;
    /// How many required fields are unmapped in every table, and the first as `(table, row)`
    /// (tracked).
    fn required_left(&self) -> (usize, Option<(usize, usize)>);
    /// Row `row` takes provider field `chosen` (`None`: not mapped).
    fn map(&self, table: usize, row: usize, chosen: Option<String>);
    /// Row `row`'s upsert setting.
    fn upsert(&self, table: usize, row: usize, setting: UpsertSetting);
    /// A custom field switched in or out of passthrough.
    fn passthrough(&self, table: usize, field: String);
    /// Table `table`'s passthrough fields that match `query`, as positions in its
    /// `MappingTable::passthrough`, best first (all of them, in order, for a blank query; not
    /// tracked).
    fn passthrough_matches(&self, table: usize, query: &str) -> Vec<usize>;
    /// Undo on the notice: the last choice and what it took go back.
    fn undo(&self);
}

/// Every schema's mapping table, the picker's live region, and the blocker.
#[component]
pub fn MappingStep(
    /// The tables and rows, and what the user's actions send.
    data: impl MappingData,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    provide_context(PickerHub::new());
    let ids = widget_ids();
    let count = data.tables();
    let filters: Vec<RwSignal<RowFilter>> = (0..count)
        .map(|_| RwSignal::new(RowFilter::default()))
        .collect();
    let filters = StoredValue::new(filters);
    // Whether any table of the step has an upsert column: a pulled table then takes the
    // width of a pushed one's first two columns, so every column lines up.
    let beside_push = (0..count).any(|t| untrack(|| data.table(t)).push);
    let left = Memo::new(move |_| data.required_left());
    let go_to_first = move |_| {
        if let Some((table, row)) = left.get_untracked().1 {
            // A filter may hide it: the table shows every row again first.
            if let Some(filter) = filters.with_value(|f| f.get(table).copied()) {
                filter.set(RowFilter::default());
            }
            let id = row_input_id(ids, table, row);
            request_animation_frame(move || focus_by_id(&id));
        }
    };
    let loaded = move || (0..count).all(|t| !data.table(t).loading);
    let blocked = move || loaded() && left.get().0 != 0;
    view! {
        <PickerStatus />
        {(0..count)
            .map(|t| {
                let filter = filters.with_value(|f| f[t]);
                view! { <TableView table=t data=data beside_push=beside_push filter=filter /> }
            })
            .collect_view()}
        <div class="esw-mapping__blocker" role="status">
            <Reveal when=blocked>
                <p class="esw-notice esw-notice--action">
                    <span>{move || (texts.required_left)(left.get().0)}</span>
                    " "
                    <button type="button" class="esw-button esw-button--small" on:click=go_to_first>{texts.go_to_first}</button>
                </p>
            </Reveal>
        </div>
    }
}

/// One schema's section: loading, or its table and passthrough choices.
///
/// The table is built once its fields arrive, and only then: the other sections keep their
/// controls (and focus) while one loads.
#[component]
fn TableView(
    table: usize,
    data: impl MappingData,
    beside_push: bool,
    filter: RwSignal<RowFilter>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let state = Memo::new(move |_| data.table(table));
    let label = state.get_untracked().label;
    let loaded = move || !state.with(|s| s.loading);
    view! {
        <section class="esw-mapping" aria-label=label.clone()>
            <h3 class="esw-section-title">
                {label.clone()}
                <Reveal when=loaded>
                    " "
                    <span class="esw-mapping__count">{move || state.with(|s| (texts.mapped_of)(s.mapped, s.rows))}</span>
                </Reveal>
            </h3>
            <Reveal
                when=loaded
                fallback=move || view! {
                    <p class="esw-status" role="status"><span class="esw-spinner"></span>{texts.loading_fields}</p>
                }
            >
                <Fields table=table state=state data=data beside_push=beside_push filter=filter />
            </Reveal>
        </section>
    }
}

/// A loaded section's filters, table and passthrough choices.
#[component]
fn Fields(
    table: usize,
    state: Memo<MappingTable>,
    data: impl MappingData,
    beside_push: bool,
    filter: RwSignal<RowFilter>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let ids = widget_ids();
    let first = state.get_untracked();
    let rows = first.rows;
    let notice = move || state.with(|s| s.notice.clone());
    let on_undo = move |_| {
        let taker = untrack(notice).map(|n| n.1);
        data.undo();
        // The Undo button goes with the notice: focus returns to the row that chose.
        if let Some(row) = taker {
            focus_by_id(&row_input_id(ids, table, row));
        }
    };
    // The filter's answer is taken when the filter changes, not on every choice.
    let shown = Memo::new(move |_| {
        let f = filter.get();
        untrack(|| data.rows_shown(table, &f))
    });
    let none_shown = move || shown.with(|s| !s.is_empty() && s.iter().all(|s| !s));
    let long = rows >= SKIP_OFFSCREEN_FROM_ROWS;
    // The rows in the order they are built: the first screens, then a task's worth at a time.
    let first_rows = if long { FIRST_ROWS } else { rows };
    let batches: Vec<std::ops::Range<usize>> = std::iter::once(0..first_rows)
        .chain(
            (first_rows..rows)
                .step_by(ROWS_PER_TASK)
                .map(|at| at..(at + ROWS_PER_TASK).min(rows)),
        )
        .collect();
    let count = batches.len();
    let built = RwSignal::new(1);
    if count > 1 {
        // After the frame that paints the first rows, not before it.
        request_animation_frame(move || build_batches(built, count));
    }
    let row = move |r: usize| {
        let shown = move || shown.with(|s| s.get(r).copied().unwrap_or(true));
        view! { <MappingRowView table=table index=r shown=shown data=data /> }
    };
    let filter_id = ids.id(&format!("map-{table}-filter"));
    let tools = (rows >= FILTER_FROM_ROWS).then(|| {
        view! {
            <div class="esw-mapping__tools">
                <div>
                    <label class="esw-label" for=filter_id.clone()>{texts.filter_fields}</label>
                    <input
                        id=filter_id.clone()
                        class="esw-input"
                        type="search"
                        autocomplete="off"
                        prop:value=move || filter.with(|f| f.query.clone())
                        on:input=move |event| filter.update(|f| f.query = event_target_value(&event))
                    />
                </div>
                <label class="esw-radio">
                    <input
                        type="checkbox"
                        prop:checked=move || filter.with(|f| f.unmapped_only)
                        on:change=move |_| filter.update(|f| f.unmapped_only = !f.unmapped_only)
                    />
                    {texts.show_unmapped}
                </label>
                <label class="esw-radio">
                    <input
                        type="checkbox"
                        prop:checked=move || filter.with(|f| f.required_only)
                        on:change=move |_| filter.update(|f| f.required_only = !f.required_only)
                    />
                    {texts.show_required}
                </label>
            </div>
        }
    });
    view! {
        {tools}
        // One live region for the section, present before it has anything to say, so what
        // appears in it is announced.
        <div class="esw-mapping__notice" role="status">
            <Reveal when=move || notice().is_some()>
                <p class="esw-notice esw-notice--action">
                    <span>{move || notice().map(|n| n.0)}</span>
                    " "
                    <button type="button" class="esw-button esw-button--small" on:click=on_undo>{texts.undo}</button>
                </p>
            </Reveal>
        </div>
        // Column widths are the stylesheet's, the same in every table of the step. The roles
        // are stated because the rows are styled as grids (see the stylesheet).
        <table
            role="table"
            class=match (first.push, beside_push) {
                (true, _) => "esw-table",
                (false, true) => "esw-table esw-table--pull",
                (false, false) => "esw-table esw-table--two",
            }
            class:esw-table--long=long
        >
            <thead role="rowgroup">
                <tr role="row">
                    <th role="columnheader" scope="col">{texts.column_app_field}</th>
                    <th role="columnheader" scope="col">{texts.column_provider_field}</th>
                    {first.push.then(|| view! { <th role="columnheader" scope="col">{texts.column_upsert}</th> })}
                </tr>
            </thead>
            <tbody role="rowgroup">
                {batches
                    .into_iter()
                    .enumerate()
                    .map(|(b, range)| view! {
                        <Reveal when=move || { built.get() > b }>{range.clone().map(row).collect_view()}</Reveal>
                    })
                    .collect_view()}
            </tbody>
        </table>
        <Reveal when=none_shown>
            <p class="esw-hint">{texts.no_rows_match}</p>
        </Reveal>
        {(!first.passthrough.is_empty()).then(move || view! { <Passthrough table=table state=state data=data /> })}
    }
}
