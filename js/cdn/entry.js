// The script-tag build: one ES module (bundled with the wasm-bindgen glue), its .wasm and its CSS
// under a versioned path. The .wasm is fetched with the integrity hash baked in at build time, so a
// page that pins this file with SRI pins the whole widget.
//
//   <script type="module" src=".../v0.1.0/endgrate-session-widget.js" integrity="sha384-…" crossorigin="anonymous"></script>
//   window.EndgrateSessionWidget.mount(element, options)   or   <endgrate-session-widget …>
// `esw-glue` is the wasm-bindgen glue of this build; scripts/build-widget.sh points the alias at it.
import init, { mount as mountWasm } from "esw-glue";
import { guardedMount } from "../shared/guarded-mount.js";
import { defineElement } from "./element.js";

/* global __WASM_INTEGRITY__ */
const wasmUrl = new URL("./endgrate-session-widget_bg.wasm", import.meta.url);

export const mount = guardedMount(
  () => init({ module_or_path: fetch(wasmUrl, { integrity: __WASM_INTEGRITY__, credentials: "omit" }) }),
  mountWasm,
);

window.EndgrateSessionWidget = Object.freeze({ mount });
defineElement(mount);
