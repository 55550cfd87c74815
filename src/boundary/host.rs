//! The host page's side of the contract: its options object and its callbacks.
//!
//! Options arrive as a JS object; callbacks are split off here and the rest goes to the core as
//! [`JsOptions`] (read with serde-wasm-bindgen). Events are the core's [`HostEvent`] values and go
//! out as plain JS objects; a callback that throws is contained (the flow goes on), and nothing is
//! delivered after `destroy()`.
//!
//! A Rust host (the `SessionWidget` component) passes one function instead; it receives the same
//! events as Rust values, under the same rules.

use super::json::{to_js, JsOptions};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use widget_core::wizard::HostEvent;

/// A Rust host's event sink.
pub type RustEventSink = Rc<dyn Fn(&HostEvent)>;

/// The callback options, in [`HostCallbacks::functions`] order: `onEvent` gets every event, each
/// of the others the events of its own kind ([`typed_callback`]).
const CALLBACK_KEYS: [&str; 4] = ["onEvent", "onSuccess", "onExit", "onError"];

/// The place in [`CALLBACK_KEYS`] of the callback that also receives `event`.
fn typed_callback(event: &HostEvent) -> Option<usize> {
    match event {
        HostEvent::Success { .. } => Some(1),
        HostEvent::Exit { .. } => Some(2),
        HostEvent::Error { .. } => Some(3),
        _ => None,
    }
}

/// The host's callbacks. Cloning shares the `destroyed` flag.
#[derive(Clone, Default)]
pub struct HostCallbacks {
    /// The JS callbacks named in [`CALLBACK_KEYS`], kept as a table so each step below is one
    /// loop or lookup rather than code per callback.
    functions: [Option<js_sys::Function>; 4],
    on_rust_event: Option<RustEventSink>,
    destroyed: Rc<Cell<bool>>,
}

/// Splits the host's options into plain data (for validation) and callbacks.
///
/// # Errors
/// When `options` is not an object or a callback key holds something other than a function.
pub fn split_options(options: &JsValue) -> Result<(JsOptions, HostCallbacks), String> {
    if options.is_undefined() || options.is_null() {
        return Ok((JsOptions(JsValue::NULL), HostCallbacks::default()));
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err("options must be an object".to_owned());
    }
    let mut callbacks = HostCallbacks::default();
    let plain = js_sys::Object::new();
    for entry in js_sys::Object::entries(options.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value = pair.get(1);
        if let Some(slot) = callbacks.slot(&key) {
            if value.is_undefined() || value.is_null() {
                continue;
            }
            *slot = Some(
                value
                    .dyn_into::<js_sys::Function>()
                    .map_err(|_| key.clone() + " must be a function")?,
            );
            continue;
        }
        js_sys::Reflect::set(&plain, &JsValue::from_str(&key), &value)
            .map_err(|_| key + " could not be read")?;
    }
    Ok((JsOptions(plain.into()), callbacks))
}

impl HostCallbacks {
    /// The callbacks of a Rust host: every event goes to `on_event` as JSON text.
    pub fn from_rust(on_event: Option<RustEventSink>) -> HostCallbacks {
        HostCallbacks {
            on_rust_event: on_event,
            ..HostCallbacks::default()
        }
    }

    fn slot(&mut self, key: &str) -> Option<&mut Option<js_sys::Function>> {
        let index = CALLBACK_KEYS.iter().position(|name| *name == key)?;
        Some(&mut self.functions[index])
    }

    /// Stops every later delivery.
    pub fn destroy(&self) {
        self.destroyed.set(true);
    }

    /// Delivers `event` to `onEvent`, and to `onSuccess` / `onExit` / `onError` when it is a
    /// success / exit / error.
    pub fn emit(&self, event: &HostEvent) {
        if self.destroyed.get() {
            return;
        }
        if let Some(on_event) = &self.on_rust_event {
            on_event(event);
        }
        if self.functions.iter().all(Option::is_none) {
            return;
        }
        let value = to_js(event);
        call(self.functions[0].as_ref(), &value);
        if let Some(index) = typed_callback(event) {
            call(self.functions[index].as_ref(), &value);
        }
    }
}

/// Calls a host callback; an exception thrown by the host is reported to the console and
/// otherwise contained, so a bug in the host cannot wedge the flow.
fn call(callback: Option<&js_sys::Function>, value: &JsValue) {
    if let Some(callback) = callback {
        if let Err(error) = callback.call1(&JsValue::NULL, value) {
            web_sys::console::error_2(
                &JsValue::from_str("endgrate widget: a host callback threw"),
                &error,
            );
        }
    }
}

/// Reports a developer-facing message on the console (the detail behind a plain on-page sentence).
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}
