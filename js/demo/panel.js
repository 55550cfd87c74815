// The demo's options panel, shared by the reference server's demo (demo.js) and the Trunk demo
// (trunk-demo.js): the options as editable JSON, Apply (destroy, then mount again with the edited
// options; a refused option shows the message `mount` rejected with), a live view of the request
// body the widget would send (`handle.requestBody()`), and the events the host received.

/** The demo's starting options: every step on, two schemas, Endgrate's hosted page afterwards. */
export function defaultOptions(origin) {
  return {
    apiBase: "/api/endgrate",
    initiateUrl: "/api/endgrate/session/initiate",
    after: "endgrate",
    // The reference server stands in for Endgrate's hosted page on this origin.
    endgrateOrigin: origin,
    theme: { mode: "auto" },
    session: {
      label: "Acme Corp",
      schema: [{ endgrate_type: "crm-contact" }, { endgrate_type: "crm-company" }],
      schema_selection: true,
      resource_selection: true,
      field_selection: true,
      passthrough_fields: true,
      default_upsert_setting: "OVERWRITE",
      redirect_url: `${origin}/`,
    },
  };
}

const byId = (id) => document.getElementById(id);

/**
 * Wires the panel to the widget. `mount(element, options)` is the channel's mount (it may return
 * the handle or a promise of it, and throws or rejects when an option is refused).
 */
export async function startPanel(mount, defaults) {
  const root = byId("widget-root");
  const editor = byId("demo-options");
  const problem = byId("demo-error");
  const bodyView = byId("demo-body");
  const eventLog = byId("demo-events");
  let handle;

  const showBody = () => {
    let body = null;
    try {
      body = handle?.requestBody() ?? null;
    } catch {
      body = null;
    }
    bodyView.textContent = body === null ? "No provider chosen yet." : JSON.stringify(body, null, 2);
  };
  const logEvent = (event) => {
    const line = document.createElement("li");
    line.textContent = JSON.stringify(event);
    eventLog.prepend(line);
    while (eventLog.childElementCount > 30) eventLog.lastElementChild.remove();
  };

  async function apply() {
    let options;
    try {
      options = JSON.parse(editor.value);
    } catch (error) {
      problem.textContent = `The options are not valid JSON: ${error.message}`;
      return;
    }
    const previous = handle;
    handle = undefined;
    previous?.destroy();
    problem.textContent = "";
    eventLog.replaceChildren();
    try {
      handle = await mount(root, {
        ...options,
        onEvent(event) {
          logEvent(event);
          // The body changes with each step; read it once the widget has finished this update.
          setTimeout(showBody);
        },
      });
    } catch (error) {
      problem.textContent = String(error?.message ?? error);
    }
    window.widgetHandle = handle;
    showBody();
  }

  editor.value = JSON.stringify(defaults, null, 2);
  byId("demo-apply").addEventListener("click", apply);
  byId("demo-reset").addEventListener("click", () => {
    editor.value = JSON.stringify(defaults, null, 2);
    apply();
  });
  // Choices inside a step (a schema, a resource, a mapping) change the body without an event.
  for (const type of ["change", "click"]) root.addEventListener(type, () => setTimeout(showBody));
  await apply();
}
