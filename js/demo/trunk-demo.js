// Trunk's loader initialises the wasm module, exposes it as `window.wasmBindings` and announces it
// with `TrunkApplicationStarted`; the demo then mounts the widget through the exported `mount`, as a
// customer's page would. Either order of the two scripts works.
function start() {
  window.widgetHandle = window.wasmBindings.mount(document.getElementById("widget-root"), {
    apiBase: "/api/endgrate",
  });
}
if (window.wasmBindings) start();
else addEventListener("TrunkApplicationStarted", start, { once: true });
