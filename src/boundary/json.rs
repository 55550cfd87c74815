//! JSON across the JS boundary, through serde-wasm-bindgen: the browser parses response and
//! storage text (`JSON.parse`) and serde-wasm-bindgen reads the result into the core's types;
//! values go out the same way (`to_js`, and `JSON.stringify` where text is needed). The wasm links
//! no JSON parser or writer of its own.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use widget_core::decode::JsonReader;
use widget_core::json::Json;
use widget_core::options::{OptionsSource, RawOptions, TypeError};

/// The browser's parser as the core's [`JsonReader`]. Its errors carry no path: the widget
/// reports a response or saved state it cannot read by its code alone (`response_invalid`, the
/// "couldn't restore" notice), and tracking the path of every value read cost a 2,000-field
/// answer tens of milliseconds on a first visit (README, Measurements).
pub struct BrowserJson;

impl JsonReader for BrowserJson {
    fn read<T: DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        let value = js_sys::JSON::parse(text).map_err(|e| describe_js_error(&e))?;
        serde_wasm_bindgen::from_value(value).map_err(message)
    }
}

/// Plain objects and `null` for absent values, so what the host sees is what JSON would give.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible().serialize_missing_as_null(true);

/// `value` as a plain JS value.
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&SERIALIZER).unwrap_or(JsValue::NULL)
}

/// `value` as compact JSON text (`JSON.stringify`).
pub fn to_json_text<T: Serialize>(value: &T) -> String {
    js_sys::JSON::stringify(&to_js(value))
        .map(String::from)
        .unwrap_or_default()
}

/// The host's options object, callbacks taken out, as the core's [`OptionsSource`].
pub struct JsOptions(pub JsValue);

impl OptionsSource for JsOptions {
    fn tree(&self) -> Result<Json, String> {
        read_with_path(&self.0).map_err(|e| e.path + " is not plain data: " + &e.message)
    }

    fn typed(&self) -> Result<RawOptions, TypeError> {
        read_with_path(&self.0)
    }
}

/// Reads `value` into `T`, naming the path of the first value that does not fit: the host's
/// options, whose errors name the option. Every read of a JS value goes through this one
/// deserializer type, so each options type's serde code is compiled once.
fn read_with_path<T: DeserializeOwned>(value: &JsValue) -> Result<T, TypeError> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value.clone());
    serde_path_to_error::deserialize(deserializer).map_err(|e| TypeError {
        path: e.path().to_string().trim_start_matches('.').to_owned(),
        message: message(e.into_inner()),
    })
}

/// serde-wasm-bindgen's error is a JS `Error`; its message, without the `Error: ` prefix.
fn message(error: serde_wasm_bindgen::Error) -> String {
    describe_js_error(&error.into())
}

/// A thrown value's message, for the developer.
pub fn describe_js_error(error: &JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_default()
}
