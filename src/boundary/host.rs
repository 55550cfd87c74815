//! The host page's side of the contract: its options object and its callbacks.
//!
//! Options arrive as a JS object; callbacks are split off here and the rest becomes JSON text
//! (`JSON.stringify`) for the core to parse and validate. Events are JSON text written by the
//! core and go out as plain JS objects (`JSON.parse`); a callback that throws is contained (the
//! flow goes on), and nothing is delivered after `destroy()`.
//!
//! A Rust host (the `SessionWidget` component) passes one function instead; it receives the same
//! events as JSON text, under the same rules.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use widget_core::json::{parse_with_depth, Json};
use widget_core::options::MAX_OPTIONS_DEPTH;

/// A Rust host's event sink: each event as JSON text.
pub type RustEventSink = Rc<dyn Fn(&str)>;

/// The callback options, in [`HostCallbacks::functions`] order: `onEvent` gets every event, each
/// of the others the events whose `type` is at the same place in [`TYPED_EVENTS`].
const CALLBACK_KEYS: [&str; 4] = ["onEvent", "onSuccess", "onExit", "onError"];
/// The event types with a callback of their own, after `onEvent` in [`CALLBACK_KEYS`].
const TYPED_EVENTS: [&str; 3] = ["success", "exit", "error"];

/// The host's callbacks. Cloning shares the `destroyed` flag.
#[derive(Clone, Default)]
pub struct HostCallbacks {
    /// The JS callbacks named in [`CALLBACK_KEYS`], kept as a table so each step below is one
    /// loop or lookup rather than code per callback.
    functions: [Option<js_sys::Function>; 4],
    on_rust_event: Option<RustEventSink>,
    destroyed: Rc<Cell<bool>>,
}

/// Splits the host's options into JSON (for validation) and callbacks.
///
/// # Errors
/// When `options` is not an object, a callback key holds something other than a function, or a
/// value cannot be represented as JSON (a function or symbol below the top level, a bigint, a
/// cycle).
pub fn split_options(options: &JsValue) -> Result<(Json, HostCallbacks), String> {
    if options.is_undefined() || options.is_null() {
        return Ok((Json::Object(Vec::new()), HostCallbacks::default()));
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
    let plain_data = |detail: String| {
        "options must be plain data (strings, numbers, booleans, arrays, objects): ".to_owned()
            + &detail
    };
    // JSON.stringify would silently drop a nested function or symbol; refuse it instead.
    let refuse_code = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        |key: JsValue, value: JsValue| {
            if value.is_function() || value.is_symbol() {
                let key = key.as_string().unwrap_or_default();
                return Err(JsValue::from_str(&(key + " is a function or symbol")));
            }
            Ok(value)
        },
    );
    let text = js_sys::JSON::stringify_with_replacer(&plain, refuse_code.as_ref())
        .map_err(|error| plain_data(describe_js_error(&error)))?;
    let text = String::from(text);
    let json = parse_with_depth(text.as_bytes(), MAX_OPTIONS_DEPTH)
        .map_err(|error| plain_data(error.to_string()))?;
    Ok((json, callbacks))
}

/// A thrown value's message, for the developer.
fn describe_js_error(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_default()
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

    /// Delivers `event` (a JSON object's text, written by the core) to `onEvent`, and to
    /// `onSuccess` / `onExit` / `onError` when its `type` is `success` / `exit` / `error`.
    pub fn emit(&self, event: &str) {
        if self.destroyed.get() {
            return;
        }
        if let Some(on_event) = &self.on_rust_event {
            on_event(event);
        }
        if self.functions.iter().all(Option::is_none) {
            return;
        }
        let Ok(value) = js_sys::JSON::parse(event) else {
            return;
        };
        let kind = js_sys::Reflect::get(&value, &JsValue::from_str("type"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        call(self.functions[0].as_ref(), &value);
        if let Some(index) = TYPED_EVENTS.iter().position(|t| *t == kind) {
            call(self.functions[index + 1].as_ref(), &value);
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
