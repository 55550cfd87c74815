//! The resource step: per schema, which of the provider's integrations to use.

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
    #[prop(into)]
    rows: Signal<Vec<ResourceRow>>,
    /// Receives `(schema key, integration id)`.
    on_pick: Callback<(String, String)>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    view! {
        <ul class="esw-choices">
            {move || rows
                .get()
                .into_iter()
                .enumerate()
                .map(|(index, row)| {
                    let id = format!("esw-resource-{index}");
                    let key = row.key.clone();
                    view! {
                        <li class="esw-choice">
                            <label class="esw-label" for=id.clone()>{format!("{} — {}", row.label, texts.resource_label)}</label>
                            <select
                                id=id
                                class="esw-select"
                                on:change=move |event| on_pick.run((key.clone(), event_target_value(&event)))
                            >
                                {row.options.iter().map(|(value, name)| view! {
                                    <option value=value.clone() selected=row.chosen.as_deref() == Some(value.as_str())>
                                        {name.clone()}
                                    </option>
                                }).collect_view()}
                            </select>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
