//! The Endgrate session widget: Leptos components rendering the end-user setup flow, the JS API
//! that mounts them, and the shell that turns the core's commands into HTTP, storage and navigation.
//!
//! Business rules live in `widget-core`; this crate renders state and performs IO only.
