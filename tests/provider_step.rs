//! The provider step in Chromium: names render as text, the list is a keyboard-operable listbox
//! with one tab stop, and searching, filtering and picking reach their callbacks.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{ProviderCard, ProviderStep, FIRST_SHOWN};
use leptos::prelude::*;
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

fn three() -> Vec<ProviderCard> {
    vec![card("a", "Alpha"), card("b", "Beta"), card("c", "Gamma")]
}

/// `count` cards named p0, p1, … and titled P0, P1, …
fn numbered(count: usize) -> Vec<ProviderCard> {
    (0..count)
        .map(|i| card(&format!("p{i}"), &format!("P{i}")))
        .collect()
}

/// Every card, in catalog order.
fn every(cards: &[ProviderCard]) -> Vec<usize> {
    (0..cards.len()).collect()
}

/// The step's inputs, as signals a test can change after mounting (the cards are fixed).
struct Inputs {
    shown: RwSignal<Vec<usize>>,
    query: RwSignal<String>,
    category: RwSignal<Option<String>>,
    selected: RwSignal<Option<String>>,
}

struct Spies {
    picks: Spy<String>,
    queries: Spy<String>,
    categories: Spy<Option<String>>,
}

async fn mount_step(
    cards: Vec<ProviderCard>,
    selected: Option<&str>,
) -> (web_sys::HtmlElement, Inputs, Spies, impl Drop) {
    let inputs = Inputs {
        shown: RwSignal::new(every(&cards)),
        query: RwSignal::new(String::new()),
        category: RwSignal::new(None),
        selected: RwSignal::new(selected.map(str::to_owned)),
    };
    let spies = Spies {
        picks: Spy::default(),
        queries: Spy::default(),
        categories: Spy::default(),
    };
    let (on_pick, on_query, on_category) = (
        spies.picks.handler(),
        spies.queries.handler(),
        spies.categories.handler(),
    );
    let Inputs {
        shown,
        query,
        category,
        selected,
    } = inputs;
    let (root, handle) = mount(move || {
        view! {
            <ProviderStep
                providers=cards
                shown=move || shown.get()
                query=move || query.get()
                on_query=on_query
                categories=|| vec!["CRM".to_owned(), "ATS".to_owned()]
                category=move || category.get()
                on_category=on_category
                selected=move || selected.get()
                on_pick=on_pick
            />
        }
    })
    .await;
    (root, inputs, spies, handle)
}

fn attribute_of_each(root: &web_sys::Element, name: &str) -> Vec<String> {
    all(root, "[role=option]")
        .iter()
        .map(|o| o.get_attribute(name).unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn hostile_names_render_as_text_and_create_no_elements() {
    let hostile = "<img src=x onerror=alert(1)>";
    let mut first = card("a", hostile);
    first.category = Some("<b>CRM</b>".to_owned());
    let (root, _inputs, _spies, _handle) =
        mount_step(vec![first, card("b", "HubSpot")], None).await;
    let names: Vec<String> = all(&root, ".esw-provider__name")
        .iter()
        .map(|e| text(e))
        .collect();
    assert_eq!(names, vec![hostile.to_owned(), "HubSpot".to_owned()]);
    assert_eq!(text(&one(&root, ".esw-provider__category")), "<b>CRM</b>");
    assert!(all(&root, "img").is_empty(), "no <img> comes from a name");
    assert!(all(&root, "b").is_empty(), "no <b> comes from a category");
}

#[wasm_bindgen_test]
async fn list_is_a_listbox_with_one_tab_stop_on_the_selected_option() {
    let (root, _inputs, _spies, _handle) = mount_step(three(), Some("b")).await;
    assert_eq!(
        one(&root, "ul").get_attribute("role").as_deref(),
        Some("listbox")
    );
    assert_eq!(all(&root, "[role=option]").len(), 3);
    assert_eq!(attribute_of_each(&root, "tabindex"), ["-1", "0", "-1"]);
    assert_eq!(
        attribute_of_each(&root, "aria-selected"),
        ["false", "true", "false"]
    );
}

#[wasm_bindgen_test]
async fn without_a_listed_selection_the_first_option_is_the_tab_stop() {
    let (root, inputs, _spies, _handle) = mount_step(three(), None).await;
    assert_eq!(attribute_of_each(&root, "tabindex"), ["0", "-1", "-1"]);
    assert_eq!(
        attribute_of_each(&root, "aria-selected"),
        ["false", "false", "false"]
    );
    inputs.selected.set(Some("filtered-out".to_owned()));
    settle().await;
    assert_eq!(attribute_of_each(&root, "tabindex"), ["0", "-1", "-1"]);
}

#[wasm_bindgen_test]
async fn selection_and_tab_stop_follow_the_selected_provider() {
    let (root, inputs, _spies, _handle) = mount_step(three(), Some("a")).await;
    inputs.selected.set(Some("c".to_owned()));
    settle().await;
    assert_eq!(attribute_of_each(&root, "tabindex"), ["-1", "-1", "0"]);
    assert_eq!(
        attribute_of_each(&root, "aria-selected"),
        ["false", "false", "true"]
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_focus_between_options() {
    let (root, _inputs, _spies, _handle) = mount_step(three(), None).await;
    let options = all(&root, "[role=option]");
    options[0].focus().unwrap();
    assert!(key(&options[0], "ArrowDown"), "the page does not scroll");
    assert!(is_focused(&options[1]));
    key(&options[1], "ArrowRight");
    assert!(is_focused(&options[2]));
    key(&options[2], "Home");
    assert!(is_focused(&options[0]));
    key(&options[0], "End");
    assert!(is_focused(&options[2]));
    key(&options[2], "ArrowUp");
    assert!(is_focused(&options[1]));
    key(&options[1], "ArrowLeft");
    assert!(is_focused(&options[0]));
}

#[wasm_bindgen_test]
async fn other_keys_neither_pick_nor_move_focus_nor_lose_their_default() {
    let (root, _inputs, spies, _handle) = mount_step(three(), None).await;
    let options = all(&root, "[role=option]");
    options[1].focus().unwrap();
    assert!(!key(&options[1], "Tab"), "Tab still leaves the list");
    assert!(!key(&options[1], "a"));
    assert!(is_focused(&options[1]));
    assert!(spies.picks.calls().is_empty());
}

#[wasm_bindgen_test]
async fn enter_space_and_click_pick_the_provider() {
    let (root, _inputs, spies, _handle) =
        mount_step(vec![card("hubspot", "HubSpot"), card("xero", "Xero")], None).await;
    let options = all(&root, "[role=option]");
    assert!(key(&options[0], "Enter"));
    assert!(key(&options[1], " "), "Space does not scroll the page");
    options[0].click();
    assert_eq!(spies.picks.calls(), ["hubspot", "xero", "hubspot"]);
}

#[wasm_bindgen_test]
async fn search_and_category_reach_their_callbacks() {
    let (root, _inputs, spies, _handle) = mount_step(vec![card("a", "Alpha")], None).await;
    set_value(&one(&root, "#esw0-search"), "hub", "input");
    let select = one(&root, "#esw0-category");
    set_value(&select, "ATS", "change");
    set_value(&select, "", "change");
    assert_eq!(spies.queries.calls(), ["hub"]);
    assert_eq!(spies.categories.calls(), [Some("ATS".to_owned()), None]);
}

#[wasm_bindgen_test]
async fn search_box_and_filter_show_the_current_query_and_category() {
    let (root, inputs, _spies, _handle) = mount_step(three(), None).await;
    let select = one(&root, "#esw0-category");
    assert_eq!(value(&select), "");
    let offered: Vec<String> = all(&select, "option").iter().map(|o| text(o)).collect();
    assert_eq!(offered, ["All categories", "CRM", "ATS"]);
    inputs.query.set("sales".to_owned());
    inputs.category.set(Some("ATS".to_owned()));
    settle().await;
    assert_eq!(value(&one(&root, "#esw0-search")), "sales");
    assert_eq!(value(&select), "ATS");
}

#[wasm_bindgen_test]
async fn the_live_region_counts_the_providers_shown() {
    let (root, inputs, _spies, _handle) = mount_step(three(), None).await;
    let status = one(&root, "[role=status]");
    assert_eq!(text(&status), "3 providers");
    inputs.shown.set(vec![0]);
    settle().await;
    assert_eq!(text(&status), "1 provider");
}

#[wasm_bindgen_test]
async fn an_empty_list_says_nothing_matches() {
    let (root, inputs, _spies, _handle) = mount_step(three(), None).await;
    inputs.shown.set(vec![]);
    settle().await;
    assert!(all(&root, "[role=option]:not([hidden])").is_empty());
    assert!(
        one(&root, "[role=listbox]").has_attribute("hidden"),
        "the empty listbox is out of the accessibility tree"
    );
    assert_eq!(
        text(&one(&root, "p.esw-status")),
        "No provider matches your search."
    );
}

/// The titles of the options not hidden, in document order.
fn shown_titles(root: &web_sys::Element) -> Vec<String> {
    all(root, "[role=option]:not([hidden])")
        .iter()
        .map(|o| o.get_attribute("title").unwrap_or_default())
        .collect()
}

fn option_titled(root: &web_sys::Element, title: &str) -> web_sys::HtmlElement {
    one(root, &format!("[role=option][title=\"{title}\"]"))
}

#[wasm_bindgen_test]
async fn a_card_is_the_same_element_after_a_keystroke() {
    let (root, inputs, _spies, _handle) = mount_step(three(), None).await;
    let beta = option_titled(&root, "Beta");
    inputs.query.set("b".to_owned());
    inputs.shown.set(vec![1]);
    settle().await;
    let shown = all(&root, "[role=option]:not([hidden])");
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].is_same_node(Some(&beta)),
        "the card was not rebuilt"
    );
    inputs.shown.set(every(&three()));
    settle().await;
    assert_eq!(
        all(&root, "[role=option]").len(),
        3,
        "no card is duplicated"
    );
    assert!(option_titled(&root, "Beta").is_same_node(Some(&beta)));
}

#[wasm_bindgen_test]
async fn the_document_order_follows_the_ranking_and_the_rest_are_hidden() {
    let (root, inputs, _spies, _handle) = mount_step(three(), None).await;
    inputs.shown.set(vec![2, 0]);
    settle().await;
    assert_eq!(shown_titles(&root), ["Gamma", "Alpha"]);
    let beta = option_titled(&root, "Beta");
    assert!(
        beta.has_attribute("hidden"),
        "out of the accessibility tree"
    );
    assert_eq!(beta.get_attribute("hidden").as_deref(), Some(""));
    inputs.shown.set(vec![1, 2, 0]);
    settle().await;
    assert_eq!(shown_titles(&root), ["Beta", "Gamma", "Alpha"]);
    assert!(all(&root, "[role=option][hidden]").is_empty());
}

#[wasm_bindgen_test]
async fn many_rankings_in_a_row_each_show_exactly_their_order() {
    let (root, inputs, _spies, _handle) = mount_step(numbered(FIRST_SHOWN), None).await;
    let elements = all(&root, "[role=option]");
    let mut seed = 7u32;
    let mut random = move |below: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) % below
    };
    let mut ranking: Vec<u32> = Vec::new();
    for round in 0..40 {
        if round % 3 == 2 && ranking.len() > 2 {
            // A small change of the last ranking, as one more letter makes.
            let at = random(ranking.len() as u32 - 1) as usize;
            ranking.swap(at, at + 1);
            ranking.remove(random(ranking.len() as u32) as usize);
        } else {
            // A random subset in a random order.
            ranking = (0..FIRST_SHOWN as u32).filter(|_| random(3) > 0).collect();
            for i in (1..ranking.len()).rev() {
                ranking.swap(i, random(i as u32 + 1) as usize);
            }
        }
        inputs
            .shown
            .set(ranking.iter().map(|&i| i as usize).collect());
        settle().await;
        let want: Vec<String> = ranking.iter().map(|i| format!("P{i}")).collect();
        assert_eq!(shown_titles(&root), want, "round {round}");
        let now = all(&root, "[role=option]");
        assert_eq!(now.len(), FIRST_SHOWN);
        assert!(
            elements
                .iter()
                .all(|e| now.iter().any(|n| n.is_same_node(Some(e)))),
            "round {round}: every card is one of the first ones"
        );
        let stops = attribute_of_each(&root, "tabindex");
        assert_eq!(
            stops.iter().filter(|t| *t == "0").count(),
            usize::from(!ranking.is_empty())
        );
    }
}

#[wasm_bindgen_test]
async fn the_tab_stop_moves_to_the_first_shown_card_unless_the_selection_is_shown() {
    let (root, inputs, _spies, _handle) = mount_step(three(), Some("a")).await;
    inputs.shown.set(vec![2, 1]);
    settle().await;
    assert_eq!(
        option_titled(&root, "Gamma")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    assert_eq!(
        option_titled(&root, "Alpha")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
    assert_eq!(
        option_titled(&root, "Alpha")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true"),
        "a hidden selection stays selected"
    );
    inputs.shown.set(vec![2, 0]);
    settle().await;
    assert_eq!(
        option_titled(&root, "Alpha")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    assert_eq!(
        option_titled(&root, "Gamma")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_skip_hidden_cards() {
    let cards = vec![
        card("a", "Alpha"),
        card("b", "Beta"),
        card("c", "Gamma"),
        card("d", "Delta"),
    ];
    let (root, inputs, _spies, _handle) = mount_step(cards, None).await;
    inputs.shown.set(vec![2, 0]);
    settle().await;
    let (gamma, alpha) = (option_titled(&root, "Gamma"), option_titled(&root, "Alpha"));
    gamma.focus().unwrap();
    key(&gamma, "ArrowDown");
    assert!(is_focused(&alpha));
    key(&alpha, "ArrowDown");
    assert!(
        is_focused(&alpha),
        "no hidden card after the last shown one takes focus"
    );
    key(&alpha, "Home");
    assert!(is_focused(&gamma));
    key(&gamma, "ArrowUp");
    assert!(is_focused(&gamma));
    key(&gamma, "End");
    assert!(is_focused(&alpha));
}

#[wasm_bindgen_test]
async fn unmounting_removes_every_card_and_a_new_mount_builds_them_once() {
    let (root, _inputs, _spies, handle) = mount_step(three(), None).await;
    drop(handle);
    settle().await;
    assert!(all(&root, "[role=option]").is_empty());
    let (again, inputs, _spies, _handle) = mount_step(three(), None).await;
    inputs.shown.set(vec![1]);
    settle().await;
    assert_eq!(all(&again, "[role=option]").len(), 3);
    assert_eq!(shown_titles(&again), ["Beta"]);
    assert_eq!(text(&one(&again, "[role=status]")), "1 provider");
}

#[wasm_bindgen_test]
async fn only_the_first_matches_are_listed_until_the_user_asks_for_all() {
    let total = FIRST_SHOWN + 12;
    let (root, _inputs, _spies, _handle) = mount_step(numbered(total), None).await;
    assert_eq!(shown_titles(&root).len(), FIRST_SHOWN);
    let status = one(&root, "[role=status]");
    assert_eq!(
        text(&status),
        format!("{total} providers, the first {FIRST_SHOWN} shown")
    );
    let button = one(&root, "button.esw-show-all");
    assert_eq!(text(&button), format!("Show all {total} providers"));
    button.focus().unwrap();
    button.click();
    settle().await;
    assert_eq!(shown_titles(&root).len(), total);
    assert!(all(&root, "button.esw-show-all").is_empty());
    assert_eq!(text(&status), format!("{total} providers"));
    let revealed = option_titled(&root, &format!("P{FIRST_SHOWN}"));
    assert!(
        is_focused(&revealed),
        "focus goes to the first card revealed"
    );
    // A new search lists the first ones again.
    set_value(&one(&root, "#esw0-search"), "p", "input");
    settle().await;
    assert_eq!(shown_titles(&root).len(), FIRST_SHOWN);
    assert!(!all(&root, "button.esw-show-all").is_empty());
}

#[wasm_bindgen_test]
async fn a_selection_ranked_below_the_first_matches_stays_listed_with_the_tab_stop() {
    let total = FIRST_SHOWN + 12;
    let last = format!("p{}", total - 1);
    let (root, _inputs, _spies, _handle) = mount_step(numbered(total), Some(&last)).await;
    let titles = shown_titles(&root);
    assert_eq!(titles.len(), FIRST_SHOWN + 1);
    assert_eq!(titles.last(), Some(&format!("P{}", total - 1)));
    let selected = option_titled(&root, &format!("P{}", total - 1));
    assert_eq!(selected.get_attribute("tabindex").as_deref(), Some("0"));
}
