//! The provider step in Chromium: names render as text, the list is a keyboard-operable listbox
//! with one tab stop, and searching, filtering and picking reach their callbacks.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{ProviderCard, ProviderLogo, ProviderStep};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn card(name: &str, display_name: &str) -> ProviderCard {
    ProviderCard {
        name: name.to_owned(),
        display_name: display_name.to_owned(),
        category: Some("CRM".to_owned()),
        logo: None,
    }
}

type Log<T> = Arc<Mutex<Vec<T>>>;

struct Spies {
    picks: Log<String>,
    queries: Log<String>,
    categories: Log<Option<String>>,
}

async fn mount_step(
    cards: Vec<ProviderCard>,
    selected: Option<&str>,
) -> (web_sys::HtmlElement, Spies, impl Drop) {
    let spies = Spies {
        picks: Log::default(),
        queries: Log::default(),
        categories: Log::default(),
    };
    let (picks, queries, categories) = (
        spies.picks.clone(),
        spies.queries.clone(),
        spies.categories.clone(),
    );
    let selected = selected.map(str::to_owned);
    let (root, handle) = mount(move || {
        view! {
            <ProviderStep
                providers=Signal::stored(cards)
                query=Signal::stored(String::new())
                on_query=Callback::new(move |q| queries.lock().unwrap().push(q))
                categories=Signal::stored(vec!["CRM".to_owned(), "ATS".to_owned()])
                category=Signal::stored(None::<String>)
                on_category=Callback::new(move |c| categories.lock().unwrap().push(c))
                selected=Signal::stored(selected)
                on_pick=Callback::new(move |name| picks.lock().unwrap().push(name))
            />
        }
    })
    .await;
    (root, spies, handle)
}

#[wasm_bindgen_test]
async fn hostile_names_render_as_text_and_create_no_elements() {
    let hostile = "<img src=x onerror=alert(1)>";
    let (root, _spies, _handle) =
        mount_step(vec![card("a", hostile), card("b", "HubSpot")], None).await;
    let names: Vec<String> = all(&root, ".esw-provider__name")
        .iter()
        .map(|e| text(e))
        .collect();
    assert_eq!(names, vec![hostile.to_owned(), "HubSpot".to_owned()]);
    assert!(all(&root, "img").is_empty(), "no <img> comes from a name");
}

#[wasm_bindgen_test]
async fn list_is_a_listbox_with_one_tab_stop_on_the_selected_option() {
    let cards = vec![card("a", "Alpha"), card("b", "Beta"), card("c", "Gamma")];
    let (root, _spies, _handle) = mount_step(cards, Some("b")).await;
    assert_eq!(
        one(&root, "ul").get_attribute("role").as_deref(),
        Some("listbox")
    );
    let options = all(&root, "[role=option]");
    assert_eq!(options.len(), 3);
    let stops: Vec<String> = options
        .iter()
        .map(|o| o.get_attribute("tabindex").unwrap())
        .collect();
    assert_eq!(stops, ["-1", "0", "-1"]);
    let selected: Vec<String> = options
        .iter()
        .map(|o| o.get_attribute("aria-selected").unwrap())
        .collect();
    assert_eq!(selected, ["false", "true", "false"]);
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_focus_between_options() {
    let cards = vec![card("a", "Alpha"), card("b", "Beta"), card("c", "Gamma")];
    let (root, _spies, _handle) = mount_step(cards, None).await;
    let options = all(&root, "[role=option]");
    for (i, option) in options.iter().enumerate() {
        option.set_id(&format!("option-{i}"));
    }
    options[0].focus().unwrap();
    key(&options[0], "ArrowDown");
    assert_eq!(focused_id(), "option-1");
    key(&options[1], "ArrowRight");
    assert_eq!(focused_id(), "option-2");
    key(&options[2], "Home");
    assert_eq!(focused_id(), "option-0");
    key(&options[0], "End");
    assert_eq!(focused_id(), "option-2");
    key(&options[2], "ArrowUp");
    assert_eq!(focused_id(), "option-1");
}

#[wasm_bindgen_test]
async fn enter_space_and_click_pick_the_provider() {
    let (root, spies, _handle) =
        mount_step(vec![card("hubspot", "HubSpot"), card("xero", "Xero")], None).await;
    let options = all(&root, "[role=option]");
    key(&options[0], "Enter");
    key(&options[1], " ");
    options[0].click();
    assert_eq!(*spies.picks.lock().unwrap(), ["hubspot", "xero", "hubspot"]);
}

#[wasm_bindgen_test]
async fn search_and_category_reach_their_callbacks() {
    let (root, spies, _handle) = mount_step(vec![card("a", "Alpha")], None).await;
    set_value(&one(&root, "#esw-search"), "hub", "input");
    let select = one(&root, "#esw-category");
    set_value(&select, "ATS", "change");
    set_value(&select, "", "change");
    assert_eq!(*spies.queries.lock().unwrap(), ["hub"]);
    assert_eq!(
        *spies.categories.lock().unwrap(),
        [Some("ATS".to_owned()), None]
    );
}

#[wasm_bindgen_test]
async fn an_empty_list_says_nothing_matches() {
    let (root, _spies, _handle) = mount_step(vec![], None).await;
    assert!(all(&root, "[role=option]").is_empty());
    assert!(text(&root).contains("No provider matches your search."));
}

#[wasm_bindgen_test]
async fn logo_without_url_is_a_monogram_and_a_failed_image_falls_back() {
    let (root, _handle) = mount(|| {
        view! {
            <ProviderLogo src=None name="hubspot".to_owned() />
            <ProviderLogo src=Some("/does-not-exist.svg".to_owned()) name="Xero".to_owned() />
        }
    })
    .await;
    let fallbacks = all(&root, ".esw-logo--fallback");
    assert_eq!(fallbacks.iter().map(|e| text(e)).collect::<Vec<_>>(), ["H"]);
    let image = one(&root, "img");
    assert_eq!(
        image.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(image.get_attribute("alt").as_deref(), Some(""));
    fire(&image, "error");
    settle().await;
    assert!(all(&root, "img").is_empty());
    assert_eq!(all(&root, ".esw-logo--fallback").len(), 2);
}
