//! A mapping table's passthrough choices: the provider's custom fields that may be sent as they
//! are, as checkboxes. A provider can have a thousand of them, so the list has a filter (the
//! core's one search, through [`MappingData::passthrough_matches`]), "show only chosen", a count
//! of what is chosen, and at most [`PASSTHROUGH_STEP`] more checkboxes per "Show more". Which
//! fields are offered and what choosing one does are the container's answers, not this file's.

use super::{
    focus_by_id, widget_ids, KeyedList, MappingData, MappingTable, Reveal, FILTER_FROM_ROWS,
};
use crate::i18n::Texts;
use leptos::prelude::*;

/// How many checkboxes are rendered at first, and how many more each "Show more" adds.
pub const PASSTHROUGH_STEP: usize = 50;

/// The passthrough fieldset of table `table`, whose fields are `state`'s `passthrough`.
#[component]
pub fn Passthrough(
    /// The table's position.
    table: usize,
    /// The table, read for its passthrough fields and their choices.
    state: Memo<MappingTable>,
    /// Where the filter's answer comes from and a choice goes.
    data: impl MappingData,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let ids = widget_ids();
    let total = state.with_untracked(|s| s.passthrough.len());
    let query = RwSignal::new(String::new());
    let chosen_only = RwSignal::new(false);
    let limit = RwSignal::new(PASSTHROUGH_STEP);
    // The offered fields change when a row maps one of them (it leaves the list), not when one
    // is checked.
    let offered = Memo::new(move |_| {
        state.with(|s| {
            s.passthrough
                .iter()
                .map(|p| p.0.clone())
                .collect::<Vec<_>>()
        })
    });
    // The matching fields' names, taken when a filter or the offered fields change, not on
    // every check: a field just unchecked under "show only chosen" stays in view (and keeps
    // focus) until the filter changes.
    let matches = Memo::new(move |_| {
        offered.with(|_| ());
        let (q, only) = (query.get(), chosen_only.get());
        untrack(|| {
            let found = data.passthrough_matches(table, &q);
            state.with(|s| {
                found
                    .into_iter()
                    .filter_map(|i| s.passthrough.get(i))
                    .filter(|p| !only || p.2)
                    .map(|p| p.0.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let keys = move || {
        let limit = limit.get();
        matches.with(|m| m.iter().take(limit).cloned().collect::<Vec<_>>())
    };
    // Ids from the place in the list, never from the field's name.
    let box_id = move |at: usize| ids.id(&format!("pt-{table}-{at}"));
    let more = move |_| {
        let shown = limit.get_untracked();
        limit.set(shown + PASSTHROUGH_STEP);
        // The button may go: focus moves to the first checkbox it revealed.
        if matches.with_untracked(|m| m.len() > shown) {
            let id = box_id(shown);
            request_animation_frame(move || focus_by_id(&id));
        }
    };
    let left = move || matches.with(Vec::len).saturating_sub(limit.get());
    let filter_id = ids.id(&format!("pt-{table}-filter"));
    let tools = (total >= FILTER_FROM_ROWS).then(|| {
        view! {
            <div class="esw-mapping__tools">
                <div>
                    <label class="esw-label" for=filter_id.clone()>{texts.filter_custom_fields}</label>
                    <input
                        id=filter_id.clone()
                        class="esw-input"
                        type="search"
                        autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |event| {
                            limit.set(PASSTHROUGH_STEP);
                            query.set(event_target_value(&event));
                        }
                    />
                </div>
                <label class="esw-radio">
                    <input
                        type="checkbox"
                        prop:checked=move || chosen_only.get()
                        on:change=move |_| {
                            limit.set(PASSTHROUGH_STEP);
                            chosen_only.update(|c| *c = !*c);
                        }
                    />
                    {texts.show_chosen_only}
                </label>
                <p class="esw-visually-hidden" role="status">
                    {move || (query.with(|q| !q.trim().is_empty()) || chosen_only.get())
                        .then(|| (texts.fields_match)(matches.with(Vec::len)))}
                </p>
            </div>
        }
    });
    view! {
        <fieldset class="esw-fieldset">
            <legend class="esw-section-title">
                {texts.passthrough_heading}
                " "
                <span class="esw-mapping__count">
                    {move || state.with(|s| (texts.passed_through_of)(s.passthrough.iter().filter(|p| p.2).count(), total))}
                </span>
            </legend>
            <p class="esw-hint">{texts.passthrough_hint}</p>
            {tools}
            <div class="esw-checks">
                <KeyedList keys=Signal::derive(keys) item=Callback::new(move |name: String| {
                    let at = matches.with_untracked(|m| m.iter().position(|n| *n == name)).unwrap_or(usize::MAX);
                    let label = state.with_untracked(|s| {
                        s.passthrough.iter().find(|p| p.0 == name).map(|p| p.1.clone()).unwrap_or_default()
                    });
                    let field = name.clone();
                    let checked = move || state.with(|s| s.passthrough.iter().any(|p| p.0 == field && p.2));
                    view! {
                        <label class="esw-radio">
                            <input
                                id=box_id(at)
                                type="checkbox"
                                prop:checked=checked
                                on:change=move |_| data.passthrough(table, name.clone())
                            />
                            {label}
                        </label>
                    }
                    .into_any()
                }) />
            </div>
            <Reveal when=move || { left() != 0 }>
                <button type="button" class="esw-button esw-button--small esw-show-all" on:click=more>
                    {move || (texts.show_more)(left())}
                </button>
            </Reveal>
        </fieldset>
    }
}
