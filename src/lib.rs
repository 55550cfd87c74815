//! The Endgrate session widget: Leptos components rendering the end-user setup flow, the JS API
//! that mounts them, and the shell that turns the core's commands into HTTP, storage and navigation.
//!
//! Business rules live in `widget-core`; this crate renders state and performs IO only. Everything
//! here needs a browser, so it compiles for `wasm32` only and the workspace still builds natively.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod boundary;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(target_arch = "wasm32")]
mod http;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
mod session_widget;
#[cfg(target_arch = "wasm32")]
mod shell;
#[cfg(target_arch = "wasm32")]
mod steps;

#[cfg(target_arch = "wasm32")]
pub use app::App;
#[cfg(target_arch = "wasm32")]
pub use boundary::platform::BrowserUrlParser;
#[cfg(target_arch = "wasm32")]
pub use exports::{mount, WidgetHandle};
#[cfg(target_arch = "wasm32")]
pub use session_widget::SessionWidget;
