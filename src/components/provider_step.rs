//! The provider step: a search box, a category filter and the providers as a keyboard-operable
//! listbox (arrow keys, Home/End move; Enter or Space picks). Which providers appear, and in what
//! order, is the core's answer; this component only shows it.

use super::{widget_ids, Handler, ProviderLogo, Reader};
use crate::boundary::dom;
use crate::i18n::Texts;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// One provider as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderCard {
    /// The provider's id, sent back on pick.
    pub name: String,
    /// The name shown.
    pub display_name: String,
    /// Its category, e.g. "CRM".
    pub category: Option<String>,
    /// A logo URL the core accepted.
    pub logo: Option<String>,
}

/// Search, filter and pick a provider.
#[component]
pub fn ProviderStep(
    /// The providers to show, already filtered and ranked.
    providers: impl Reader<Vec<ProviderCard>>,
    /// The search text.
    query: impl Reader<String>,
    /// Receives the new search text.
    on_query: impl Handler<String>,
    /// The categories offered by the filter.
    categories: impl Reader<Vec<String>>,
    /// The chosen category, `None` for all.
    category: impl Reader<Option<String>>,
    /// Receives the new category.
    on_category: impl Handler<Option<String>>,
    /// The provider picked earlier, if any.
    selected: impl Reader<Option<String>>,
    /// Receives the picked provider's name.
    on_pick: impl Handler<String>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let on_key = move |event: KeyboardEvent, name: String| {
        let Some(item) = dom::html_element(event.current_target()) else {
            return;
        };
        let target = match event.key().as_str() {
            "Enter" | " " => {
                event.prevent_default();
                on_pick(name);
                return;
            }
            "ArrowDown" | "ArrowRight" => item.next_element_sibling(),
            "ArrowUp" | "ArrowLeft" => item.previous_element_sibling(),
            "Home" => item
                .parent_element()
                .and_then(|list| list.first_element_child()),
            "End" => item
                .parent_element()
                .and_then(|list| list.last_element_child()),
            _ => return,
        };
        event.prevent_default();
        if let Some(target) = target {
            dom::focus(&target);
        }
    };
    // The roving tab stop: the selected provider, else the first one.
    let tab_stop = move || {
        let list = providers();
        selected()
            .filter(|name| list.iter().any(|p| &p.name == name))
            .or_else(|| list.first().map(|p| p.name.clone()))
    };
    let ids = widget_ids();
    let (search_id, category_id) = (ids.id("search"), ids.id("category"));
    view! {
        <div class="esw-filters">
            <div>
                <label class="esw-label" for=search_id.clone()>{texts.search_label}</label>
                <input
                    id=search_id
                    class="esw-input"
                    type="search"
                    autocomplete="off"
                    placeholder=texts.search_placeholder
                    prop:value=query
                    on:input=move |event| on_query(event_target_value(&event))
                />
            </div>
            <div>
                <label class="esw-label" for=category_id.clone()>{texts.category_label}</label>
                <select
                    id=category_id
                    class="esw-select"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        on_category((!value.is_empty()).then_some(value));
                    }
                >
                    <option value="" selected=move || category().is_none()>{texts.all_categories}</option>
                    {move || categories()
                        .into_iter()
                        .map(|name| {
                            let is_chosen = category().as_deref() == Some(name.as_str());
                            view! { <option value=name.clone() selected=is_chosen>{name.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
        <p class="esw-visually-hidden" role="status" aria-live="polite">
            {move || {
                let count = providers().len();
                if count == 0 { texts.no_providers.to_owned() } else { (texts.provider_count)(count) }
            }}
        </p>
        {move || {
            let list = providers();
            if list.is_empty() {
                return view! { <p class="esw-status">{texts.no_providers}</p> }.into_any();
            }
            let stop = tab_stop();
            view! {
                <ul class="esw-providers" role="listbox" aria-label=texts.step_provider>
                    {list
                        .into_iter()
                        .map(|card| {
                            let name = card.name.clone();
                            let key_name = card.name.clone();
                            let is_selected = selected().as_deref() == Some(card.name.as_str());
                            let tabindex = if stop.as_deref() == Some(card.name.as_str()) { "0" } else { "-1" };
                            view! {
                                <li
                                    class="esw-provider"
                                    role="option"
                                    tabindex=tabindex
                                    aria-selected=is_selected.to_string()
                                    title=card.display_name.clone()
                                    on:click=move |_| on_pick(name.clone())
                                    on:keydown=move |event| on_key(event, key_name.clone())
                                >
                                    <ProviderLogo src=card.logo.clone() name=card.display_name.clone() />
                                    <span class="esw-provider__text">
                                        <span class="esw-provider__name">{card.display_name.clone()}</span>
                                        {card.category.clone().map(|c| view! { <span class="esw-provider__category">{c}</span> })}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
