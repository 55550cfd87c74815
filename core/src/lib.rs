//! The session widget's decisions, in pure Rust: the options a host passes, Endgrate's wire types,
//! the wizard state machine, catalog search, field-mapping suggestions and the initiate request.
//!
//! This crate must not depend on any web crate (`web-sys`, `wasm-bindgen`, `leptos`, …) and must
//! not perform IO: the widget crate's shell turns its commands into requests, storage and
//! navigation, and feeds the results back as events.

pub mod codes;
pub mod decode;
pub mod ids;
pub mod json;
pub mod mapping;
pub mod options;
pub mod request;
pub mod resources;
pub mod search;
pub mod sorted;
pub mod spelling;
pub mod text;
pub mod url_check;
pub mod wire;
pub mod wizard;
