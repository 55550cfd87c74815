//! The schema step: which kinds of data to sync and, where the provider supports both, the
//! direction (pull into the app, or push to the provider).

use crate::i18n::Texts;
use leptos::prelude::*;
use widget_core::wire::Method;

/// One schema as the step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaRow {
    /// The schema's key (endgrate_type, or title for custom schemas).
    pub key: String,
    /// The name shown, e.g. "Contact".
    pub label: String,
    /// Whether it is selected for syncing.
    pub enabled: bool,
    /// Whether the user may switch it (false when the session fixes the schemas).
    pub toggleable: bool,
    /// The directions the provider supports, in display order.
    pub methods: Vec<Method>,
    /// The chosen direction.
    pub method: Method,
    /// A provider custom object (passthrough schema).
    pub custom: bool,
}

fn method_label(texts: &Texts, method: Method) -> &'static str {
    match method {
        Method::Import => texts.direction_pull,
        Method::Export => texts.direction_push,
    }
}

/// Checkboxes per schema, with direction radios for the enabled ones.
#[component]
pub fn SchemaStep(
    /// The schemas, in order.
    #[prop(into)]
    rows: Signal<Vec<SchemaRow>>,
    /// Receives the key of the schema switched on or off.
    on_toggle: Callback<String>,
    /// Receives `(key, method)`.
    on_direction: Callback<(String, Method)>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    view! {
        <ul class="esw-choices">
            {move || rows
                .get()
                .into_iter()
                .enumerate()
                .map(|(index, row)| {
                    let checkbox_id = format!("esw-schema-{index}");
                    let key = row.key.clone();
                    let directions = match (row.enabled, row.methods.as_slice()) {
                        (false, _) | (true, []) => None,
                        (true, [only]) => Some(
                            view! { <p class="esw-choice__body esw-intro">{method_label(texts, *only)}</p> }.into_any(),
                        ),
                        (true, methods) => {
                            let key = row.key.clone();
                            Some(view! {
                                <fieldset class="esw-fieldset esw-choice__body">
                                    <legend>{format!("{} — {}", texts.direction_label, row.label)}</legend>
                                    {methods.iter().map(|&method| {
                                        let key = key.clone();
                                        view! {
                                            <label class="esw-radio">
                                                <input
                                                    type="radio"
                                                    name=format!("esw-direction-{index}")
                                                    checked=method == row.method
                                                    on:change=move |_| on_direction.run((key.clone(), method))
                                                />
                                                {method_label(texts, method)}
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                            }.into_any())
                        }
                    };
                    view! {
                        <li class="esw-choice">
                            <div class="esw-choice__head">
                                <input
                                    id=checkbox_id.clone()
                                    type="checkbox"
                                    checked=row.enabled
                                    disabled=!row.toggleable
                                    on:change=move |_| on_toggle.run(key.clone())
                                />
                                <label for=checkbox_id>{row.label.clone()}</label>
                                {row.custom.then(|| view! { <span class="esw-tag">{texts.custom_object}</span> })}
                            </div>
                            {directions}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
