//! The only module that touches `wasm_bindgen`, `JsValue` and the browser's globals: the
//! functions a host page calls ([`exports`]), the host's callbacks, and the platform services
//! the shell needs (timers, randomness, storage, navigation).
//!
//! Nothing here decides anything; the rest of the crate sees plain Rust values.

pub mod exports;
pub mod host;
pub mod platform;
