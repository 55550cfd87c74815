//! A provider's logo: an `<img>` only for a URL the core accepted (R7), with `alt`, no referrer,
//! and a monogram placeholder when there is no URL or the image fails to load.

use leptos::prelude::*;

/// The logo, or the provider's initial when `src` is `None` or fails to load.
#[component]
pub fn ProviderLogo(
    /// The URL the core's image rule accepted.
    src: Option<String>,
    /// The provider's display name (the `alt` text and the monogram's source).
    name: String,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    // Capitalised by the stylesheet (`text-transform`), which knows every script's capitals.
    let initial: String = name
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase().to_string())
        .unwrap_or_else(|| "?".to_owned());
    move || {
        match (&src, failed.get()) {
        (Some(src), false) => view! {
            <img
                class="esw-logo"
                src=src.clone()
                alt=""
                referrerpolicy="no-referrer"
                loading="lazy"
                width="36"
                height="36"
                on:error=move |_| failed.set(true)
            />
        }
        .into_any(),
        _ => view! { <span class="esw-logo esw-logo--fallback" aria-hidden="true">{initial.clone()}</span> }
            .into_any(),
    }
    }
}
