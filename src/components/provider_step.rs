//! The provider step: a search box, a category filter and the providers as a keyboard-operable
//! listbox (arrow keys, Home/End move; Enter or Space picks). Which providers appear, and in what
//! order, is the core's answer; this component only shows it (the cards: `provider_list.rs`).

use super::provider_list::{provider_list, FIRST_SHOWN};
use super::{widget_ids, Handler, Reader, Reveal};
use crate::i18n::Texts;
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
    /// Every provider the step can show, in catalog order. Each card is built once, when the
    /// step is; searching and filtering only hide, show and reorder them.
    providers: Vec<ProviderCard>,
    /// The providers to show (indices into `providers`), filtered and ranked; the rest are
    /// hidden.
    shown: impl Reader<Vec<usize>>,
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
    // Readers may re-run on any change of what they read; these change only with the answer.
    let ranked = Memo::new(move |_| shown());
    let categories = Memo::new(move |_| categories());
    // "Show all" holds for one search: a new query or category shows the first ones again.
    let all = RwSignal::new(false);
    let capped = move || !all.get() && ranked.with(Vec::len) > FIRST_SHOWN;
    let ids = widget_ids();
    let (search_id, category_id) = (ids.id("search"), ids.id("category"));
    let list_id = ids.id("providers");
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
                    on:input=move |event| {
                        all.set(false);
                        on_query(event_target_value(&event));
                    }
                />
            </div>
            <div>
                <label class="esw-label" for=category_id.clone()>{texts.category_label}</label>
                <select
                    id=category_id
                    class="esw-select"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        all.set(false);
                        on_category((!value.is_empty()).then_some(value));
                    }
                >
                    <option value="" selected=move || category().is_none()>{texts.all_categories}</option>
                    {move || categories.get()
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
                let count = ranked.with(Vec::len);
                if count == 0 {
                    texts.no_providers.to_owned()
                } else if capped() {
                    (texts.providers_first)(count, FIRST_SHOWN)
                } else {
                    (texts.provider_count)(count)
                }
            }}
        </p>
        <Reveal when=move || ranked.with(Vec::is_empty)>
            <p class="esw-status">{texts.no_providers}</p>
        </Reveal>
        {provider_list(providers, ranked, all, selected, on_pick, list_id, texts.step_provider)}
        <Reveal when=capped>
            <button type="button" class="esw-button esw-show-all" on:click=move |_| all.set(true)>
                {move || (texts.show_all_providers)(ranked.with(Vec::len))}
            </button>
        </Reveal>
    }
}
