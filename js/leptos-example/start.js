// Loads examples/leptos_app.rs, built for wasm32 and bound with wasm-bindgen; its `main` mounts
// the Leptos app, which embeds <SessionWidget/>.
import init from "./leptos_app.js";

await init();
