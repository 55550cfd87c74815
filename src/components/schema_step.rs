//! The schema step: which kinds of data to sync and in which directions: pull into the app, push
//! to the provider, or both. A schema's checkbox switches it on in every direction the provider
//! supports (or off); where the user may choose and the provider supports both, a checkbox per
//! direction follows, and a schema with neither is off. Elsewhere the directions used are stated.
//! Rows are keyed by schema and only their values follow the state, so a control keeps focus
//! after it changes.

use super::{widget_ids, Handler, KeyedList, Reader, Reveal};
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
    /// The chosen directions, in display order; empty when not enabled.
    pub chosen: Vec<Method>,
    /// A provider custom object (passthrough schema).
    pub custom: bool,
}

fn method_label(texts: &Texts, method: Method) -> &'static str {
    match method {
        Method::Import => texts.direction_pull,
        Method::Export => texts.direction_push,
    }
}

/// A checkbox per schema, with a checkbox per direction for the enabled ones.
#[component]
pub fn SchemaStep(
    /// The schemas, in order.
    rows: impl Reader<Vec<SchemaRow>>,
    /// Receives the key of the schema switched on or off.
    on_toggle: impl Handler<String>,
    /// Receives `(key, method)` of the direction switched on or off.
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
    let ids = widget_ids();
    let checkbox_id = ids.id(&format!("schema-{index}"));
    let enabled = move || row().is_some_and(|r| r.enabled);
    let chosen = move |m: Method| row().is_some_and(|r| r.chosen.contains(&m));
    let toggle_key = first.key.clone();
    let stated = move || {
        row()
            .map(|r| {
                r.chosen
                    .iter()
                    .map(|m| method_label(texts, *m))
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .unwrap_or_default()
    };
    let directions = match first.methods.as_slice() {
        [] => None,
        methods if first.toggleable && methods.len() > 1 => {
            let boxes = methods
                .iter()
                .map(|&choice| {
                    let key = first.key.clone();
                    let id = ids.id(&format!(
                        "direction-{index}-{}",
                        choice.as_str().to_ascii_lowercase()
                    ));
                    view! {
                        <div class="esw-check">
                            <input
                                id=id.clone()
                                type="checkbox"
                                prop:checked=move || chosen(choice)
                                on:change=move |_| on_direction((key.clone(), choice))
                            />
                            <label for=id>{method_label(texts, choice)}</label>
                        </div>
                    }
                })
                .collect_view();
            Some(view! {
                <fieldset class="esw-fieldset esw-choice__body" class:esw-hidden=move || !enabled()>
                    <legend>
                        {texts.direction_label}
                        <span class="esw-visually-hidden">{format!(" — {}", first.label)}</span>
                    </legend>
                    {boxes}
                </fieldset>
            }
            .into_any())
        }
        _ => Some(
            view! {
                <Reveal when=Signal::derive(enabled)>
                    <p class="esw-choice__body esw-intro">{stated}</p>
                </Reveal>
            }
            .into_any(),
        ),
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
