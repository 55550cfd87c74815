//! The functions a host page calls: `mount(element, options)` and the handle it returns.
//!
//! Options are read here once and handed to the app as Rust values.

use crate::app::{App, WidgetConfig};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What `mount` returns to the host: `destroy()` removes the widget from the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    unmount: Option<Box<dyn FnOnce()>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and stops everything it was doing. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(unmount) = self.unmount.take() {
            unmount();
        }
    }
}

/// Mounts the widget into `element` with the host's `options`.
///
/// # Errors
/// Throws when `element` is not an HTML element or an option is invalid.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsError> {
    let parent: web_sys::HtmlElement = element
        .dyn_into()
        .map_err(|_| JsError::new("mount(element, options): element must be an HTML element"))?;
    let config = read_config(&options)?;
    let handle = leptos::mount::mount_to(parent, move || view! { <App config=config /> });
    Ok(WidgetHandle {
        unmount: Some(Box::new(move || drop(handle))),
    })
}

fn read_config(options: &JsValue) -> Result<WidgetConfig, JsError> {
    let api_base = if options.is_undefined() || options.is_null() {
        JsValue::UNDEFINED
    } else {
        js_sys::Reflect::get(options, &JsValue::from_str("apiBase"))
            .map_err(|_| JsError::new("options must be an object"))?
    };
    let api_base = match api_base.as_string() {
        Some(value) => value,
        None if api_base.is_undefined() => "/api/endgrate".to_owned(),
        None => return Err(JsError::new("apiBase must be a string")),
    };
    Ok(WidgetConfig { api_base })
}
