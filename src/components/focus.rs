//! Moving focus to what just appeared: a step's heading, or an alert (R39).

use crate::boundary::dom;
use leptos::prelude::*;
use leptos::tachys::renderer::types::Element;

/// `use:focus_when_shown=enabled`: focuses the element once it is in the page. A view is built
/// before it is attached, so the focus waits for the microtask after the build. One directive
/// serves every such element, instead of an effect and a typed node reference per component.
pub fn focus_when_shown(element: Element, enabled: bool) {
    if !enabled {
        return;
    }
    queue_microtask(move || {
        dom::focus(&element);
    });
}
