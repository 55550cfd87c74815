//! The schema step: which kinds of data to sync and, where the provider supports both, the
//! direction (pull into the app, or push to the provider). Rows are keyed by schema and only
//! their values follow the state, so a control keeps focus after it changes.

use super::{Handler, KeyedList, Reader, Reveal};
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
    rows: impl Reader<Vec<SchemaRow>>,
    /// Receives the key of the schema switched on or off.
    on_toggle: impl Handler<String>,
    /// Receives `(key, method)`.
    on_direction: impl Handler<(String, Method)>,
) -> impl IntoView {
    let keys = move || rows().into_iter().map(|r| r.key).collect::<Vec<_>>();
    let item = move |key: String| {
        let index = untrack(rows).iter().position(|r| r.key == key).unwrap_or(0);
        let key = StoredValue::new(key);
        let row = move || key.with_value(|key| rows().into_iter().find(|r| &r.key == key));
        view! { <SchemaChoice index=index row=row on_toggle=on_toggle on_direction=on_direction /> }
            .into_any()
    };
    view! {
        <ul class="esw-choices">
            <KeyedList keys=Signal::derive(keys) item=Callback::new(item) />
        </ul>
    }
}

#[component]
fn SchemaChoice(
    index: usize,
    row: impl Reader<Option<SchemaRow>>,
    on_toggle: impl Handler<String>,
    on_direction: impl Handler<(String, Method)>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let Some(first) = untrack(row) else {
        return ().into_any();
    };
    let checkbox_id = format!("esw-schema-{index}");
    let enabled = move || row().is_some_and(|r| r.enabled);
    let method = move || row().map(|r| r.method);
    let toggle_key = first.key.clone();
    let directions = match first.methods.as_slice() {
        [] => None,
        [only] => {
            let only = *only;
            Some(
                view! {
                    <Reveal when=Signal::derive(enabled)>
                        <p class="esw-choice__body esw-intro">{method_label(texts, only)}</p>
                    </Reveal>
                }
                .into_any(),
            )
        }
        methods => {
            let radios = methods
                .iter()
                .map(|&choice| {
                    let key = first.key.clone();
                    view! {
                        <label class="esw-radio">
                            <input
                                type="radio"
                                name=format!("esw-direction-{index}")
                                prop:checked=move || method() == Some(choice)
                                on:change=move |_| on_direction((key.clone(), choice))
                            />
                            {method_label(texts, choice)}
                        </label>
                    }
                })
                .collect_view();
            Some(view! {
                <fieldset class="esw-fieldset esw-choice__body" class:esw-hidden=move || !enabled()>
                    <legend>
                        {texts.direction_label}
                        <span class="esw-visually-hidden">{format!(" — {}", first.label)}</span>
                    </legend>
                    {radios}
                </fieldset>
            }
            .into_any())
        }
    };
    view! {
        <li class="esw-choice">
            <div class="esw-choice__head">
                <input
                    id=checkbox_id.clone()
                    type="checkbox"
                    prop:checked=enabled
                    disabled=!first.toggleable
                    on:change=move |_| on_toggle(toggle_key.clone())
                />
                <label for=checkbox_id>{first.label.clone()}</label>
                {first.custom.then(|| view! { <span class="esw-tag">{texts.custom_object}</span> })}
            </div>
            {directions}
        </li>
    }
    .into_any()
}
