//! The provider step's listbox. Every provider's card is built once while the step is shown (the
//! catalog is fixed while the user types); a new ranking changes only what differs: which cards
//! are `hidden`, their order, the roving tab stop and `aria-selected`. The DOM order is the
//! ranked order, because screen readers and the arrow keys follow it. It must not rebuild a card
//! per keystroke: at 1,000 providers that is most of a frame.
//!
//! Only the first [`FIRST_SHOWN`] matches are shown until the user asks for all of them: showing
//! or hiding hundreds of cards costs the browser's style and layout 40–60 ms on the project's
//! machine (README, Measurements), however little the script does.

use super::{Handler, ProviderCard, ProviderLogo, Reader};
use crate::boundary::dom;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use web_sys::Element;

/// How many matches are shown before the user asks for all of them.
pub const FIRST_SHOWN: usize = 48;

// What the ranking makes of one card, as bits of a byte.
const SHOWN: u8 = 1;
const TAB_STOP: u8 = 2;
const SELECTED: u8 = 4;

/// Each card's state for a ranking (`wanted`: card indices, best first). The tab stop is the
/// selected card when it is shown, else the first one shown.
fn states(count: usize, wanted: &[usize], selected: Option<usize>) -> Vec<u8> {
    let mut out = vec![0u8; count];
    for &card in wanted {
        out[card] = SHOWN;
    }
    let stop = selected
        .filter(|&card| out[card] & SHOWN != 0)
        .or(wanted.first().copied());
    if let Some(card) = stop {
        out[card] |= TAB_STOP;
    }
    if let Some(card) = selected {
        out[card] |= SELECTED;
    }
    out
}

/// Writes the attributes that differ between states `old` and `new` on a card's element.
fn apply(element: &Element, old: u8, new: u8) {
    let changed = old ^ new;
    if changed & SHOWN != 0 {
        dom::set_attribute(element, "hidden", (new & SHOWN == 0).then_some(""));
    }
    if changed & TAB_STOP != 0 {
        let tabindex = if new & TAB_STOP != 0 { "0" } else { "-1" };
        dom::set_attribute(element, "tabindex", Some(tabindex));
    }
    if changed & SELECTED != 0 {
        let selected = if new & SELECTED != 0 { "true" } else { "false" };
        dom::set_attribute(element, "aria-selected", Some(selected));
    }
}

/// The nearest card from `start` on (itself included) that is not hidden, walking forward or back.
fn shown_from(start: Option<Element>, forward: bool) -> Option<Element> {
    let mut at = start;
    while let Some(element) = at {
        if !element.has_attribute("hidden") {
            return Some(element);
        }
        at = if forward {
            element.next_element_sibling()
        } else {
            element.previous_element_sibling()
        };
    }
    None
}

/// The cards to show, in order, and the selected card: the first `first` of `ranked` (card
/// indices, best first), and the selection after them if it ranks below them.
fn wanted(
    names: &[String],
    ranked: &[usize],
    first: usize,
    selected: Option<&str>,
) -> (Vec<usize>, Option<usize>) {
    let chosen = selected.and_then(|name| names.iter().position(|n| n == name));
    let mut out: Vec<usize> = ranked
        .iter()
        .copied()
        .filter(|&card| card < names.len())
        .take(first)
        .collect();
    if let Some(card) = chosen {
        if !out.contains(&card) && ranked.contains(&card) {
            out.push(card);
        }
    }
    (out, chosen)
}

/// The listbox of `cards`, showing those `ranked` lists (card indices), in its order: the first
/// [`FIRST_SHOWN`] (and the selected one if it ranks below them) until `all` is set. Setting
/// `all` moves focus to the first card it reveals, since the button pressed goes away.
pub(super) fn provider_list(
    cards: Vec<ProviderCard>,
    ranked: Memo<Vec<usize>>,
    all: RwSignal<bool>,
    selected: impl Reader<Option<String>>,
    on_pick: impl Handler<String>,
    list_id: String,
    label: &'static str,
) -> impl IntoView {
    let count = cards.len();
    let names: Vec<String> = cards.iter().map(|card| card.name.clone()).collect();
    let first = move || if all.get() { usize::MAX } else { FIRST_SHOWN };
    let (wanted_now, chosen) =
        untrack(|| ranked.with(|r| wanted(&names, r, first(), selected().as_deref())));
    let mut current = states(count, &wanted_now, chosen);
    // Built in the ranked order, the hidden cards after the shown ones: `built[at]` is the card
    // built at place `at`, `slot[card]` its place, and `order` the places in document order.
    let mut built = wanted_now.clone();
    built.extend((0..count).filter(|&card| current[card] & SHOWN == 0));
    let mut slot = vec![0; count];
    for (at, &card) in built.iter().enumerate() {
        slot[card] = at;
    }
    let mut order: Vec<usize> = (0..count).collect();
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
            "ArrowDown" | "ArrowRight" => shown_from(item.next_element_sibling(), true),
            "ArrowUp" | "ArrowLeft" => shown_from(item.previous_element_sibling(), false),
            "Home" => shown_from(
                item.parent_element().and_then(|l| l.first_element_child()),
                true,
            ),
            "End" => shown_from(
                item.parent_element().and_then(|l| l.last_element_child()),
                false,
            ),
            _ => return,
        };
        event.prevent_default();
        if let Some(target) = target {
            dom::focus(&target);
        }
    };
    let items = built
        .iter()
        .map(|&at| {
            let card = &cards[at];
            let state = current[at];
            let name = card.name.clone();
            let key_name = card.name.clone();
            view! {
                <li
                    class="esw-provider"
                    role="option"
                    hidden=state & SHOWN == 0
                    tabindex=if state & TAB_STOP != 0 { "0" } else { "-1" }
                    aria-selected=if state & SELECTED != 0 { "true" } else { "false" }
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
        .collect_view();
    // The cards' elements in the places they were built, read from the list once it is in the
    // document.
    let nodes = StoredValue::new_local(Vec::<Element>::new());
    let mut was_all = untrack(move || all.get());
    let id = list_id.clone();
    // The list's `hidden` attribute follows the ranking, so its closure also brings the cards up
    // to date: it runs on every change of the ranking, the selection or `all`, and updates only
    // what differs on the cards built above (on its first run, while the list is being built,
    // nothing differs).
    let arrange = move || {
        let (wanted, chosen) = ranked.with(|r| wanted(&names, r, first(), selected().as_deref()));
        let revealed = all.get_untracked() && !was_all;
        was_all = all.get_untracked();
        let Some(parent) = dom::element_by_id(&id) else {
            return wanted.is_empty();
        };
        nodes.update_value(|nodes| {
            if nodes.is_empty() {
                *nodes = dom::element_children(&parent);
            }
            if nodes.len() != count {
                return;
            }
            let next = states(count, &wanted, chosen);
            for (card, (old, new)) in current.iter_mut().zip(next).enumerate() {
                if *old != new {
                    apply(&nodes[slot[card]], *old, new);
                    *old = new;
                }
            }
            let places: Vec<usize> = wanted.iter().map(|&card| slot[card]).collect();
            dom::arrange(&parent, nodes, &mut order, &places);
            if let Some(&at) = places.get(FIRST_SHOWN).filter(|_| revealed) {
                dom::focus(&nodes[at]);
            }
        });
        wanted.is_empty()
    };
    view! {
        <ul
            id=list_id
            class="esw-providers"
            role="listbox"
            aria-label=label
            hidden=arrange
        >
            {items}
        </ul>
    }
}
