//! Browser tests of the provider list: mounts the component in headless Chromium and reads the DOM.
#![cfg(target_arch = "wasm32")]

use endgrate_session_widget::components::ProviderList;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use widget_core::wire::{ProviderEntry, ProviderInfo};

wasm_bindgen_test_configure!(run_in_browser);

fn provider(name: &str, display_name: &str) -> ProviderEntry {
    ProviderEntry {
        provider: ProviderInfo {
            name: name.to_owned(),
            display_name: display_name.to_owned(),
            url: None,
            image: None,
            auth_type: None,
            specific: None,
            endgrate_provider_type: None,
        },
        integrations: vec![],
    }
}

fn fresh_container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    container.dyn_into().unwrap()
}

#[wasm_bindgen_test]
async fn provider_list_renders_each_display_name_as_text() {
    let container = fresh_container();
    let providers = vec![
        provider("hubspot", "HubSpot"),
        provider("evil", "<img src=x onerror=alert(1)>"),
    ];
    let _handle = leptos::mount::mount_to(container.clone(), move || {
        view! { <ProviderList providers=providers /> }
    });
    leptos::task::tick().await;

    let items = container.query_selector_all(".esw-provider").unwrap();
    assert_eq!(items.length(), 2);
    assert_eq!(items.item(0).unwrap().text_content().unwrap(), "HubSpot");
    assert_eq!(
        items.item(1).unwrap().text_content().unwrap(),
        "<img src=x onerror=alert(1)>"
    );
    assert!(container.query_selector("img").unwrap().is_none());
}
