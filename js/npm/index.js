// The npm package's entry: `await mount(element, options)` resolves to a handle with `destroy()`.
// The wasm file is resolved next to the glue (import.meta.url), which bundlers understand.
import init, { mount as mountWasm } from "./pkg/endgrate-session-widget.js";
import { guardedMount } from "./guarded-mount.js";

export const mount = guardedMount(() => init(), mountWasm);
