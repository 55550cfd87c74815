// The demo page's host code: mounts the widget exactly as a customer's page would, through the
// exported `mount` of the script-tag build, against the reference server on the same origin.
import { mount } from "./__WIDGET_DIR__/endgrate-session-widget.js";

const connected = new URLSearchParams(location.search).get("session_id");
if (connected) {
  document.getElementById("demo-status").textContent = `Connected: session ${connected}.`;
}

window.widgetHandle = await mount(document.getElementById("widget-root"), {
  apiBase: "/api/endgrate",
  initiateUrl: "/api/endgrate/session/initiate",
  after: "endgrate",
  // The reference server stands in for Endgrate's hosted page on this origin.
  endgrateOrigin: location.origin,
  session: {
    label: "Acme Corp",
    schema: [{ endgrate_type: "crm-contact" }, { endgrate_type: "crm-company" }],
    schema_selection: true,
    resource_selection: true,
    field_selection: true,
    passthrough_fields: true,
    default_upsert_setting: "OVERWRITE",
    redirect_url: `${location.origin}/`,
  },
  onEvent(event) {
    console.info("widget event", event);
  },
});
