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
