// The npm package's entry: `await mount(element, options)` resolves to a handle with `destroy()`.
// The wasm file is resolved next to the glue (import.meta.url), which bundlers understand. The
// wasm loads on the first mount; the catalog request leaves at the same moment instead of after
// the widget has started (./prefetch.js).
import init, { mount as mountWasm } from "./pkg/endgrate-session-widget.js";
import { guardedMount } from "./guarded-mount.js";
import { prefetchCatalog } from "./prefetch.js";

const guarded = guardedMount(() => init(), mountWasm);

export function mount(element, options = {}) {
  prefetchCatalog(options);
  return guarded(element, options);
}
