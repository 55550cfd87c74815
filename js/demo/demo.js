// The demo page's host code: mounts the widget exactly as a customer's page would, through the
// exported `mount` of the script-tag build.
import { mount } from "./__WIDGET_DIR__/endgrate-session-widget.js";

window.widgetHandle = await mount(document.getElementById("widget-root"), {
  apiBase: "/api/endgrate",
});
