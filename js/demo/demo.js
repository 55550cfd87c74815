// The demo page's host code: mounts the widget exactly as a customer's page would, through the
// exported `mount` function of the built module.
import init, { mount } from "./widget/endgrate-session-widget.js";

await init();
window.widgetHandle = mount(document.getElementById("widget-root"), {
  apiBase: "/api/endgrate",
});
