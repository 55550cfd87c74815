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
