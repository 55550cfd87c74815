// The script-tag build: one ES module (bundled with the wasm-bindgen glue), its .wasm and its CSS
// under a versioned path. The .wasm's SHA-384 is baked in at build time, so a page that pins this
// file with SRI pins the whole widget.
//
//   <script type="module" src=".../v0.1.0/endgrate-session-widget.js" integrity="sha384-…" crossorigin="anonymous"></script>
//   window.EndgrateSessionWidget.mount(element, options)   or   <endgrate-session-widget …>
//
// Loading starts as this module runs, before any `mount`: the .wasm streams into the compiler
// while its hash is checked (nothing is instantiated unless it matches). The catalog request is
// the widget's own, sent once it has validated the options: no request leaves before that
// (security.md R1, R4, R10), so it cannot start earlier from here.
// `esw-glue` is the wasm-bindgen glue of this build; scripts/build-widget.sh points the alias at it.
import init, { mount as mountWasm } from "esw-glue";
import { guardedMount } from "../shared/guarded-mount.js";
import { compileVerified } from "../shared/verified-wasm.js";
import { defineElement } from "./element.js";

/* global __WASM_INTEGRITY__ */
const wasmUrl = new URL("./endgrate-session-widget_bg.wasm", import.meta.url);
let compiling = compileVerified(wasmUrl, __WASM_INTEGRITY__);
// A failure is reported by the first mount (load_failed); a later mount tries again.
compiling.catch(() => {});

export const mount = guardedMount(() => {
  const module = compiling;
  compiling = undefined;
  return (module ?? compileVerified(wasmUrl, __WASM_INTEGRITY__)).then((m) => init({ module_or_path: m }));
}, mountWasm);

window.EndgrateSessionWidget = Object.freeze({ mount });
defineElement(mount);
