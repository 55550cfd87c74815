//! The provider step's container: the qualifying providers, ranked by the search, with logos the
//! core's image rule accepted (R7) and names cut to the display limit (R21).

use super::StepNav;
use crate::boundary::platform::BrowserUrlParser;
use crate::components::{ProviderCard, ProviderStep, Reveal};
use crate::i18n::Texts;
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::ids::ProviderName;
use widget_core::text::display_text;
use widget_core::url_check::check_image_url;
use widget_core::wizard::Event;

/// Search, filter and pick; picking moves on to the next step.
#[component]
pub fn ProviderPage(shell: Shell) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    // The cards are read once, when the step is shown (the catalog is fixed while it is); a
    // keystroke re-ranks their indices only.
    let cards = move || {
        shell.read_once(|w| {
            let allowed = &w.options().allowed_image_origins;
            w.catalog_providers()
                .iter()
                .map(|entry| ProviderCard {
                    name: entry.provider.name.clone(),
                    display_name: display_text(&entry.provider.display_name).to_owned(),
                    category: entry.provider.endgrate_provider_type.clone(),
                    logo: entry
                        .provider
                        .image
                        .as_deref()
                        .and_then(|image| check_image_url(image, allowed, &BrowserUrlParser)),
                })
                .collect::<Vec<_>>()
        })
    };
    let shown = move || shell.with(|w| w.visible_provider_indices());
    let loading = move || shell.with(|w| w.is_loading());
    let pick = move |name: String| {
        if let Some(provider) = ProviderName::new(name) {
            shell.dispatch(Event::ProviderPicked { provider });
            shell.dispatch(Event::NextClicked);
        }
    };
    view! {
        <Reveal
            when=move || !loading()
            fallback=move || view! {
                <p class="esw-status" role="status"><span class="esw-spinner"></span>{texts.loading_providers}</p>
            }
        >
            <ProviderStep
                providers=cards()
                shown=shown
                query=move || shell.with(|w| w.query().to_owned())
                on_query=move |query| shell.dispatch(Event::SearchChanged { query })
                categories=move || shell.with(|w| w.categories().into_iter().map(str::to_owned).collect::<Vec<_>>())
                category=move || shell.with(|w| w.category_filter().map(str::to_owned))
                on_category=move |category| shell.dispatch(Event::CategoryFilterChosen { category })
                selected=move || shell.with(|w| w.selected_provider().map(|p| p.provider.name.clone()))
                on_pick=pick
            />
        </Reveal>
        <StepNav shell=shell />
    }
}
