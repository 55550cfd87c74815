// Trunk's loader initialises the wasm module and announces it with `TrunkApplicationStarted`;
// the demo then mounts the widget through the exported `mount`, as a customer's page would.
addEventListener("TrunkApplicationStarted", () => {
  window.widgetHandle = window.wasmBindings.mount(document.getElementById("widget-root"), {
    apiBase: "/api/endgrate",
  });
});
