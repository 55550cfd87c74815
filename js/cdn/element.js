// `<endgrate-session-widget>`: the widget as a custom element, for pages that prefer markup.
// Options come from a JSON child (`<script type="application/json">{…}</script>`, which a strict
// CSP allows because it is data, not script) and/or attributes; attributes win. Events are
// dispatched on the element as `endgrate:<type>` CustomEvents (bubbling), since markup cannot hold
// callbacks.
//
//   <endgrate-session-widget api-base="/api/endgrate" provider="hubspot"
//       session='{"schema":[{"endgrate_type":"crm-contact"}]}'></endgrate-session-widget>

const WIDGET_ATTRIBUTES = {
  "api-base": "apiBase",
  "initiate-url": "initiateUrl",
  after: "after",
  locale: "locale",
};
const JSON_ATTRIBUTES = {
  session: "session",
  theme: "theme",
  "allowed-redirect-origins": "allowedRedirectOrigins",
  "allowed-image-origins": "allowedImageOrigins",
};

function readOptions(element) {
  const options = {};
  const child = element.querySelector(':scope > script[type="application/json"]');
  if (child) Object.assign(options, JSON.parse(child.textContent));
  for (const [attribute, key] of Object.entries(WIDGET_ATTRIBUTES)) {
    if (element.hasAttribute(attribute)) options[key] = element.getAttribute(attribute);
  }
  for (const [attribute, key] of Object.entries(JSON_ATTRIBUTES)) {
    if (element.hasAttribute(attribute)) options[key] = JSON.parse(element.getAttribute(attribute));
  }
  return options;
}

export function defineElement(mount) {
  if (customElements.get("endgrate-session-widget")) return;
  customElements.define(
    "endgrate-session-widget",
    class extends HTMLElement {
      async connectedCallback() {
        if (this.handle || this.mounting) return;
        this.mounting = true;
        const dispatch = (event) =>
          this.dispatchEvent(new CustomEvent(`endgrate:${event.type}`, { detail: event, bubbles: true }));
        let options;
        try {
          options = readOptions(this);
        } catch (error) {
          dispatch({ type: "error", code: "config_invalid", message: `invalid JSON in options: ${error.message}` });
          this.mounting = false;
          return;
        }
        const host = document.createElement("div");
        this.append(host);
        try {
          this.handle = await mount(host, { ...options, onEvent: dispatch });
        } catch (error) {
          dispatch({ type: "error", code: "config_invalid", message: String(error?.message ?? error) });
        }
        this.mounting = false;
      }

      disconnectedCallback() {
        this.handle?.destroy();
        this.handle = undefined;
      }
    },
  );
}
