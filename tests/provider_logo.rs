//! The provider logo in Chromium: an accepted URL becomes an `<img>` that sends no referrer and
//! has empty alt text; no URL, or an image that fails to load, shows the name's initial instead.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::ProviderLogo;
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An image that loads, so no `error` event replaces it while the test looks at it.
const PIXEL: &str =
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

#[wasm_bindgen_test]
async fn without_a_url_the_logo_is_the_names_first_letter_or_digit() {
    let (root, _handle) = mount(|| {
        view! {
            <ProviderLogo src=None name="hubspot".to_owned() />
            <ProviderLogo src=None name="  @acme".to_owned() />
            <ProviderLogo src=None name="!!!".to_owned() />
        }
    })
    .await;
    let fallbacks = all(&root, ".esw-logo--fallback");
    let letters: Vec<String> = fallbacks.iter().map(|e| text(e)).collect();
    assert_eq!(letters, ["H", "A", "?"]);
    assert!(fallbacks
        .iter()
        .all(|f| f.get_attribute("aria-hidden").as_deref() == Some("true")));
    assert!(all(&root, "img").is_empty());
}

#[wasm_bindgen_test]
async fn a_logo_url_is_an_img_with_empty_alt_and_no_referrer() {
    let (root, _handle) = mount(|| {
        view! { <ProviderLogo src=Some(PIXEL.to_owned()) name="Xero".to_owned() /> }
    })
    .await;
    let image = one(&root, "img");
    assert_eq!(image.get_attribute("src").as_deref(), Some(PIXEL));
    assert_eq!(
        image.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(image.get_attribute("alt").as_deref(), Some(""));
    assert!(all(&root, ".esw-logo--fallback").is_empty());
}

#[wasm_bindgen_test]
async fn an_image_that_fails_to_load_becomes_the_initial() {
    let (root, _handle) = mount(|| {
        view! { <ProviderLogo src=Some("/does-not-exist.svg".to_owned()) name="Xero".to_owned() /> }
    })
    .await;
    fire(&one(&root, "img"), "error");
    settle().await;
    assert!(all(&root, "img").is_empty());
    assert_eq!(text(&one(&root, ".esw-logo--fallback")), "X");
}
