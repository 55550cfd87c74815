//! The provider step's listbox. Every provider's card is built once while the step is shown (the
//! catalog is fixed while the user types); a new ranking changes only what differs: which cards
//! are `hidden`, their order, the roving tab stop and `aria-selected`. The DOM order is the
//! ranked order, because screen readers and the arrow keys follow it. It must not rebuild a card
//! per keystroke: at 1,000 providers that is most of a frame.

use super::{Handler, ProviderCard, ProviderLogo, Reader};
use crate::boundary::dom;
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use web_sys::Element;
use widget_core::sorted::SortedMap;

/// What the ranking makes of one card.
#[derive(Clone, Copy, PartialEq, Default)]
struct CardState {
    shown: bool,
    tab_stop: bool,
    selected: bool,
}

/// Each card's state for a ranking (`wanted`: card indices, best first). The tab stop is the
/// selected card when it is shown, else the first one shown.
fn states(count: usize, wanted: &[usize], selected: Option<usize>) -> Vec<CardState> {
    let mut out = vec![CardState::default(); count];
    for &card in wanted {
        out[card].shown = true;
    }
    let stop = selected
        .filter(|&card| out[card].shown)
        .or(wanted.first().copied());
    if let Some(card) = stop {
        out[card].tab_stop = true;
    }
    if let Some(card) = selected {
        out[card].selected = true;
    }
    out
}

/// Writes the attributes that differ between `old` and `new` on a card's element.
fn apply(element: &Element, old: CardState, new: CardState) {
    if old.shown != new.shown {
        dom::set_attribute(element, "hidden", (!new.shown).then_some(""));
    }
    if old.tab_stop != new.tab_stop {
        let tabindex = if new.tab_stop { "0" } else { "-1" };
        dom::set_attribute(element, "tabindex", Some(tabindex));
    }
    if old.selected != new.selected {
        let selected = if new.selected { "true" } else { "false" };
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

/// The listbox of `cards`, showing those named in `ranked`, in its order.
pub(super) fn provider_list(
    cards: Vec<ProviderCard>,
    ranked: Memo<Vec<String>>,
    selected: impl Reader<Option<String>>,
    on_pick: impl Handler<String>,
    label: &'static str,
) -> impl IntoView {
    let count = cards.len();
    let index: SortedMap<String, usize> = cards
        .iter()
        .enumerate()
        .map(|(at, card)| (card.name.clone(), at))
        .collect();
    let wanted_of = move |index: &SortedMap<String, usize>| {
        let wanted: Vec<usize> = ranked.with(|names| {
            names
                .iter()
                .filter_map(|n| index.get(n.as_str()).copied())
                .collect()
        });
        let chosen = selected().and_then(|name| index.get(name.as_str()).copied());
        (wanted, chosen)
    };
    let (wanted, chosen) = untrack(|| wanted_of(&index));
    let mut current = states(count, &wanted, chosen);
    // Built in the ranked order, the hidden cards after the shown ones.
    let mut order = wanted.clone();
    order.extend((0..count).filter(|&card| !current[card].shown));
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
    let items = order
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
                    hidden=!state.shown
                    tabindex=if state.tab_stop { "0" } else { "-1" }
                    aria-selected=if state.selected { "true" } else { "false" }
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
    let list = NodeRef::<html::Ul>::new();
    // The cards' elements by card index, read once the list is in the document.
    let mut nodes: Option<Vec<Element>> = None;
    Effect::new(move |_| {
        let (wanted, chosen) = wanted_of(&index);
        let Some(parent) = list.get_untracked() else {
            return;
        };
        let nodes = nodes.get_or_insert_with(|| {
            let children = dom::element_children(&parent);
            let mut by_card = vec![None; count];
            for (&card, element) in order.iter().zip(children) {
                by_card[card] = Some(element);
            }
            by_card.into_iter().flatten().collect()
        });
        if nodes.len() != count {
            return;
        }
        let next = states(count, &wanted, chosen);
        for ((element, old), new) in nodes.iter().zip(current.iter_mut()).zip(next) {
            if *old != new {
                apply(element, *old, new);
                *old = new;
            }
        }
        dom::arrange(&parent, nodes, &mut order, &wanted);
    });
    view! {
        <ul
            class="esw-providers"
            role="listbox"
            aria-label=label
            hidden=move || ranked.with(Vec::is_empty)
            node_ref=list
        >
            {items}
        </ul>
    }
}
