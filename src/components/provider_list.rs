//! The list of providers the end user can choose from.

use leptos::prelude::*;
use widget_core::wire::ProviderEntry;

/// Renders one item per provider, its display name as text.
#[component]
pub fn ProviderList(providers: Vec<ProviderEntry>) -> impl IntoView {
    view! {
        <ul class="esw-providers" aria-label="Providers">
            {providers
                .into_iter()
                .map(|entry| view! { <li class="esw-provider">{entry.provider.display_name}</li> })
                .collect_view()}
        </ul>
    }
}
