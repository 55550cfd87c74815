//! Moving focus to what just appeared: a step's heading, or an alert (R39).

use leptos::prelude::*;
use leptos::tachys::renderer::types::Element;
use wasm_bindgen::JsCast;

/// `use:focus_when_shown=enabled`: focuses the element once it is in the page. A view is built
/// before it is attached, so the focus waits for the microtask after the build. One directive
/// serves every such element, instead of an effect and a typed node reference per component.
pub fn focus_when_shown(element: Element, enabled: bool) {
    if !enabled {
        return;
    }
    queue_microtask(move || {
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    });
}

/// Focuses the element with `id` in the widget's document, if it is there: for focus that
/// follows the user's own action when the control they used goes away (Undo on a notice).
pub fn focus_by_id(id: &str) {
    let element = document().get_element_by_id(id);
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
