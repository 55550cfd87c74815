//! DOM helpers for the components, so casting between element types (which needs
//! `wasm_bindgen::JsCast`) happens here and nowhere else.

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement};

/// Focuses `element` when it is an HTML element.
pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// The HTML element `target` is, if it is one (an event's `current_target`, say).
pub fn html_element(target: Option<EventTarget>) -> Option<HtmlElement> {
    target.and_then(|t| t.dyn_into::<HtmlElement>().ok())
}

/// `element` as an HTML element, if it is one.
pub fn as_html(element: &Element) -> Option<&HtmlElement> {
    element.dyn_ref::<HtmlElement>()
}

/// How far the element an event is on (`current_target`) is scrolled, in CSS pixels.
pub fn scroll_top_of(event: &web_sys::Event) -> i32 {
    event
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map_or(0, |e| e.scroll_top())
}

/// The element with `id` in the document, if it is there.
pub fn element_by_id(id: &str) -> Option<Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
}

/// Scrolls the element with `id` in the document to `top` CSS pixels, if it is there.
pub fn scroll_to(id: &str, top: i32) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.set_scroll_top(top);
    }
}

/// Selects the text of the input an event is on, so what the user types next replaces it.
pub fn select_text(event: &web_sys::Event) {
    if let Some(input) = event
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// The element children of `parent`, in document order.
pub fn element_children(parent: &Element) -> Vec<Element> {
    let mut out = Vec::new();
    let mut at = parent.first_element_child();
    while let Some(element) = at {
        at = element.next_element_sibling();
        out.push(element);
    }
    out
}

/// Sets attribute `name` of `element` to `value`, or removes it for `None`.
pub fn set_attribute(element: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
    };
}

/// Puts `nodes[wanted[0]]`, `nodes[wanted[1]]`, … (children of `parent`) in that order, moving
/// only the nodes off one longest run already in order, so most of a list that barely changed
/// stays where it is (a moved node is removed and inserted: layout, and focus, are lost on it).
/// The other children keep their places. `order` holds every node's index in `nodes` in the
/// order they are in `parent`, and is updated to the new order.
pub fn arrange(parent: &Element, nodes: &[Element], order: &mut Vec<usize>, wanted: &[usize]) {
    const NONE: usize = usize::MAX;
    let mut position = vec![NONE; nodes.len()];
    for (at, &node) in order.iter().enumerate() {
        position[node] = at;
    }
    let positions: Vec<usize> = wanted.iter().map(|&node| position[node]).collect();
    let kept = longest_increasing(&positions);
    if kept.iter().all(|&k| k) {
        return;
    }
    // Back to front: a node out of place goes just before the one that follows it in `wanted`,
    // which is in its place by then; the last goes after every child.
    let mut anchor: Option<&Element> = None;
    for (at, &node) in wanted.iter().enumerate().rev() {
        if !kept[at] {
            let _ = parent.insert_before(&nodes[node], anchor.map(|a| a.as_ref()));
        }
        anchor = Some(&nodes[node]);
    }
    // The same moves on `order`: each run of moved nodes now sits just before the kept node
    // that follows it in `wanted` (`wanted[run_from[node]..position[node]]`), or at the end.
    // `position` now holds a kept node's place in `wanted`, and `NONE` for a moved one.
    let mut run_from = vec![NONE; nodes.len()];
    let mut start = 0;
    for (at, &node) in wanted.iter().enumerate() {
        if kept[at] {
            run_from[node] = start;
            position[node] = at;
            start = at + 1;
        } else {
            position[node] = NONE;
        }
    }
    let mut arranged = Vec::with_capacity(order.len());
    for &node in order.iter() {
        if position[node] == NONE {
            continue;
        }
        if run_from[node] != NONE {
            arranged.extend_from_slice(&wanted[run_from[node]..position[node]]);
        }
        arranged.push(node);
    }
    arranged.extend_from_slice(&wanted[start..]);
    *order = arranged;
}

/// Which entries of `values` make up one longest strictly increasing subsequence of it.
fn longest_increasing(values: &[usize]) -> Vec<bool> {
    const NONE: usize = usize::MAX;
    // `tails[k]`: the entry ending the smallest-valued increasing run of length k + 1 so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut before = vec![NONE; values.len()];
    for (at, &value) in values.iter().enumerate() {
        let length = tails.partition_point(|&t| values[t] < value);
        if length > 0 {
            before[at] = tails[length - 1];
        }
        if length == tails.len() {
            tails.push(at);
        } else {
            tails[length] = at;
        }
    }
    let mut kept = vec![false; values.len()];
    let mut at = tails.last().copied().unwrap_or(NONE);
    while at != NONE {
        kept[at] = true;
        at = before[at];
    }
    kept
}
