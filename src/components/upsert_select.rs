//! The upsert choice of one pushed field: OVERWRITE / DO_NOT_UPDATE / SET_IF_NOT_SET.

use super::Reader;
use crate::i18n::Texts;
use leptos::prelude::*;
use widget_core::spelling::spelling;
use widget_core::wire::UpsertSetting;

/// The words for an upsert setting in the user's language.
pub fn upsert_label(texts: &Texts, setting: UpsertSetting) -> &'static str {
    match setting {
        UpsertSetting::Overwrite => texts.upsert_overwrite,
        UpsertSetting::DoNotUpdate => texts.upsert_do_not_update,
        UpsertSetting::SetIfNotSet => texts.upsert_set_if_not_set,
    }
}

/// A select of the three settings; `on_change` receives the chosen one.
#[component]
pub fn UpsertSelect(
    /// The current setting.
    value: impl Reader<UpsertSetting>,
    /// The accessible name, e.g. "When Email already has data".
    label_text: String,
    /// Receives the new setting.
    on_change: impl Fn(UpsertSetting) + 'static,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    view! {
        <select
            class="esw-select"
            aria-label=label_text
            prop:value=move || spelling(&value())
            on:change=move |event| {
                let chosen = event_target_value(&event);
                if let Some(setting) = UpsertSetting::ALL.into_iter().find(|s| spelling(s) == chosen) {
                    on_change(setting);
                }
            }
        >
            {UpsertSetting::ALL
                .into_iter()
                .map(|setting| view! {
                    <option value=spelling(&setting)>{upsert_label(texts, setting)}</option>
                })
                .collect_view()}
        </select>
    }
}
