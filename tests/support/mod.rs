//! Shared helpers of the browser tests: a fresh container in the page, mounting a view with the
//! English texts in context, and reading or poking the DOM.
#![allow(dead_code)]

use endgrate_session_widget::i18n::Locale;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A new empty `<div>` appended to the body.
pub fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.dyn_into().unwrap()
}

/// Mounts `view` into a fresh container with the English texts provided, and waits a tick.
pub async fn mount<V: IntoView + 'static>(
    view: impl FnOnce() -> V + 'static,
) -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Locale::En.texts());
        view()
    });
    leptos::task::tick().await;
    (root, DropHandle(Some(handle)))
}

/// Unmounts on drop.
pub struct DropHandle<T>(Option<T>);

impl<T> Drop for DropHandle<T> {
    fn drop(&mut self) {
        self.0.take();
    }
}

/// Every element matching `selector` under `root`.
pub fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
}

/// The one element matching `selector` under `root`.
pub fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap()
}

/// The text of `element`.
pub fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Dispatches a bubbling event of `kind` (e.g. `change`, `input`, `error`) on `element`.
pub fn fire(element: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Dispatches a bubbling, cancelable `keydown` of `key` on `element`; true when a handler
/// prevented the browser's default action.
pub fn key(element: &Element, key: &str) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    !element.dispatch_event(&event).unwrap()
}

/// The focused element, if any.
pub fn active() -> Option<Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

/// Whether `element` is the focused element (the same node, not merely an equal one).
pub fn is_focused(element: &Element) -> bool {
    active().is_some_and(|a| a.is_same_node(Some(element)))
}

/// The `value` of a select or input.
pub fn value(element: &Element) -> String {
    if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        element
            .dyn_ref::<web_sys::HtmlInputElement>()
            .unwrap()
            .value()
    }
}

/// Whether a checkbox or radio is checked.
pub fn checked(element: &Element) -> bool {
    element
        .dyn_ref::<web_sys::HtmlInputElement>()
        .unwrap()
        .checked()
}

/// Records every value a callback receives.
pub struct Spy<T>(Arc<Mutex<Vec<T>>>);

impl<T> Default for Spy<T> {
    fn default() -> Self {
        Spy(Arc::default())
    }
}

impl<T: Clone + Send + Sync + 'static> Spy<T> {
    /// A callback that records its argument here.
    pub fn callback(&self) -> Callback<T> {
        let log = Arc::clone(&self.0);
        Callback::new(move |value| log.lock().unwrap().push(value))
    }

    /// A plain closure that records its argument here (for `impl Handler<T>` props).
    pub fn handler(&self) -> impl Fn(T) + Copy + Send + Sync + 'static {
        let callback = self.callback();
        move |value| callback.run(value)
    }

    /// Everything received so far, oldest first.
    pub fn calls(&self) -> Vec<T> {
        self.0.lock().unwrap().clone()
    }
}

/// The focused element's id, if any.
pub fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Sets a form control's value (input or select) as a user would, then fires `event`.
pub fn set_value(element: &Element, value: &str, event: &str) {
    if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    } else if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
    fire(element, event);
}

/// Lets reactive updates settle.
pub async fn settle() {
    leptos::task::tick().await;
}

/// Waits `ms` milliseconds of the page's clock (a timer, not a spin).
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
