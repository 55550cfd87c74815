//! The widget's root component: loads the catalog and renders the current step.
//!
//! It holds no business rules; decisions come from `widget-core`.

use crate::boundary::host::HostCallbacks;
use crate::http;
use leptos::prelude::*;
use widget_core::options::WidgetOptions;
use widget_core::wire::IntegrationsResponse;

/// The widget: a catalog of providers to choose from.
#[component]
pub fn App(options: WidgetOptions, host: HostCallbacks) -> impl IntoView {
    let _ = host;
    let api_base = options.api_base.as_str().to_owned();
    let catalog = LocalResource::new(move || {
        let api_base = api_base.clone();
        async move {
            let url = format!("{}/api/integrations", api_base.trim_end_matches('/'));
            http::get(&url, 1 << 20, |bytes| {
                serde_json::from_slice::<IntegrationsResponse>(bytes).map_err(|e| e.to_string())
            })
            .await
        }
    });
    view! {
        <section class="esw-root" aria-labelledby="esw-title">
            <h2 id="esw-title" class="esw-title">"Connect an integration"</h2>
            <Suspense fallback=|| view! { <p class="esw-status" role="status">"Loading providers…"</p> }>
                {move || catalog.get().map(|result| match result {
                    Ok(response) => view! { <p>{response.providers.len()}</p> }.into_any(),
                    Err(error) => view! {
                        <p class="esw-error" role="alert">{format!("Providers could not be loaded: {error:?}")}</p>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}
