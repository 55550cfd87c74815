//! The resource step: per schema and direction, which of the provider's integrations to use,
//! shown by display name. Where only one integration fits a direction it is stated, not asked;
//! where several fit, a labelled select starts on "Choose a resource…" until the user picks.
//! Rows are keyed by schema and what they offer, so a select keeps focus after it changes.

use super::{widget_ids, Handler, KeyedList, Reader};
use crate::i18n::Texts;
use leptos::prelude::*;
use widget_core::wire::Method;

/// One direction of a schema and the integrations that fit it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceDirection {
    /// Pull or push.
    pub method: Method,
    /// `(integration id, name shown)` pairs, e.g. `("get-contacts", "Get Contacts")`.
    pub options: Vec<(String, String)>,
    /// The chosen integration id.
    pub chosen: Option<String>,
}

/// One schema and its directions.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRow {
    /// The schema's key.
    pub key: String,
    /// The schema's name, e.g. "Contact".
    pub label: String,
    /// Its chosen directions, pull first.
    pub directions: Vec<ResourceDirection>,
}

fn direction_label(texts: &Texts, method: Method) -> &'static str {
    match method {
        Method::Import => texts.direction_pull,
        Method::Export => texts.direction_push,
    }
}

/// Per schema, a stated integration or a labelled select per direction.
#[component]
pub fn ResourceStep(
    /// The schemas, in order.
    rows: impl Reader<Vec<ResourceRow>>,
    /// Receives `(schema key, direction, integration id)`.
    on_pick: impl Handler<(String, Method, String)>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let ids = widget_ids();
    // A row is built again only when its schema or what it offers change (choices update in place).
    let keys = move || rows().iter().map(list_key).collect::<Vec<_>>();
    let item = move |list_key: String| {
        let Some((index, row)) = untrack(rows)
            .into_iter()
            .enumerate()
            .find(|(_, r)| self::list_key(r) == list_key)
        else {
            return ().into_any();
        };
        let directions = row
            .directions
            .iter()
            .map(|d| {
                let method = d.method;
                let label = direction_label(texts, method);
                if let [(_, name)] = d.options.as_slice() {
                    return view! {
                        <p class="esw-resource">
                            <span class="esw-label">{label}</span>
                            " "
                            <span>{name.clone()}</span>
                        </p>
                    }
                    .into_any();
                }
                let id = ids.id(&format!(
                    "resource-{index}-{}",
                    method.as_str().to_ascii_lowercase()
                ));
                let key = row.key.clone();
                let chosen_key = row.key.clone();
                let chosen = move || {
                    rows()
                        .into_iter()
                        .find(|r| r.key == chosen_key)
                        .and_then(|r| r.directions.into_iter().find(|d| d.method == method))
                        .and_then(|d| d.chosen)
                        .unwrap_or_default()
                };
                view! {
                    <div class="esw-resource">
                        <label class="esw-label" for=id.clone()>
                            {label}
                            <span class="esw-visually-hidden">{format!(" — {}", row.label)}</span>
                        </label>
                        <select
                            id=id
                            class="esw-select"
                            prop:value=chosen
                            on:change=move |event| on_pick((key.clone(), method, event_target_value(&event)))
                        >
                            <option value="" disabled=true>{texts.resource_choose}</option>
                            {d.options.iter().map(|(value, name)| view! {
                                <option value=value.clone()>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
                .into_any()
            })
            .collect_view();
        view! {
            <li class="esw-choice">
                <div class="esw-choice__head">{row.label.clone()}</div>
                <div class="esw-resources">{directions}</div>
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

/// The row's identity: its schema, its directions and the resources offered (unit separators
/// between them).
fn list_key(row: &ResourceRow) -> String {
    let mut key = row.key.clone();
    for d in &row.directions {
        key.push('\u{1e}');
        key.push_str(d.method.as_str());
        for (id, _) in &d.options {
            key.push('\u{1f}');
            key.push_str(id);
        }
    }
    key
}
