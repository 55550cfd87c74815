// The demo page's host code: mounts the widget exactly as a customer's page would, through the
// exported `mount` of the script-tag build, against the reference server on the same origin; the
// options panel beside it edits the options and shows the request body (panel.js).
import { mount } from "./__WIDGET_DIR__/endgrate-session-widget.js";
import { defaultOptions, startPanel } from "./panel.js";

const connected = new URLSearchParams(location.search).get("session_id");
if (connected) {
  document.getElementById("demo-status").textContent = `Connected: session ${connected}.`;
}

await startPanel(mount, defaultOptions(location.origin));
