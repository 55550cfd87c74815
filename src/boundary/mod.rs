//! With `exports.rs` (the functions a host page calls), the only code that touches
//! `wasm_bindgen`, `JsValue` and the browser's globals: the host's options and callbacks, JSON
//! across the boundary (serde-wasm-bindgen), DOM helpers for the components, and the platform
//! services the shell needs (timers, randomness, storage, navigation).
//!
//! Nothing here decides anything; the rest of the crate sees plain Rust values.

pub mod dom;
pub mod host;
pub mod json;
pub mod platform;
