//! The resource step: per schema, which of the provider's integrations to use. Rows are keyed by
//! schema so a select keeps focus after it changes.

use super::{Handler, KeyedList, Reader};
use crate::i18n::Texts;
use leptos::prelude::*;

/// One schema and the resources it can use.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRow {
    /// The schema's key.
    pub key: String,
    /// The schema's name, e.g. "Contact".
    pub label: String,
    /// `(integration id, name shown)` pairs.
    pub options: Vec<(String, String)>,
    /// The chosen integration id.
    pub chosen: Option<String>,
}

/// A labelled select per schema.
#[component]
pub fn ResourceStep(
    /// The schemas, in order.
    rows: impl Reader<Vec<ResourceRow>>,
    /// Receives `(schema key, integration id)`.
    on_pick: impl Handler<(String, String)>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    // A row is built again only when its schema or its resources change (the choice updates in place).
    let keys = move || rows().iter().map(list_key).collect::<Vec<_>>();
    let item = move |list_key: String| {
        let Some((index, row)) = untrack(rows)
            .into_iter()
            .enumerate()
            .find(|(_, r)| self::list_key(r) == list_key)
        else {
            return ().into_any();
        };
        let id = format!("esw-resource-{index}");
        let key = row.key.clone();
        let chosen_key = row.key.clone();
        view! {
            <li class="esw-choice">
                <label class="esw-label" for=id.clone()>{format!("{} — {}", row.label, texts.resource_label)}</label>
                <select
                    id=id
                    class="esw-select"
                    prop:value=move || {
                        rows().into_iter().find(|r| r.key == chosen_key).and_then(|r| r.chosen).unwrap_or_default()
                    }
                    on:change=move |event| on_pick((key.clone(), event_target_value(&event)))
                >
                    {row.options.iter().map(|(value, name)| view! {
                        <option value=value.clone()>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </li>
        }
        .into_any()
    };
    view! {
        <ul class="esw-choices">
            <KeyedList keys=Signal::derive(keys) item=Callback::new(item) />
        </ul>
    }
}

/// The row's identity: its schema and the resources offered (unit separators between them).
fn list_key(row: &ResourceRow) -> String {
    let mut key = row.key.clone();
    for (id, _) in &row.options {
        key.push('\u{1f}');
        key.push_str(id);
    }
    key
}
