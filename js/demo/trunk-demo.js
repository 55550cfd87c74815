// Trunk's loader initialises the wasm module, exposes it as `window.wasmBindings` and announces it
// with `TrunkApplicationStarted`; the demo then mounts the widget through the exported `mount`, as a
// customer's page would, with the same options panel as the server's demo (panel.js).
// Either order of the two scripts works.
import { defaultOptions, startPanel } from "./panel.js";

function start() {
  // The wasm export mounts synchronously and throws on a refused option.
  const mount = async (element, options) => window.wasmBindings.mount(element, options);
  startPanel(mount, defaultOptions(location.origin));
}
if (window.wasmBindings) start();
else addEventListener("TrunkApplicationStarted", start, { once: true });
