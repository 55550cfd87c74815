// A tiny app consuming the npm package the way a bundler-based app does: the package's entry and
// its stylesheet by name. e2e/npm.test.mjs bundles it with esbuild and serves it.
// `?options=every` mounts with every option the types describe (npm-options.ts).
import { mount, type WidgetEvent, type WidgetHandle } from "endgrate-session-widget";
import "endgrate-session-widget/style.css";
import { everyOption, readBody } from "./npm-options.ts";

declare global {
  interface Window {
    __host: { events: WidgetEvent[]; success: WidgetEvent[]; mount: string };
    __handle?: WidgetHandle;
    __provider?: () => string | null;
  }
}

window.__host = { events: [], success: [], mount: "pending" };
const record = (event: WidgetEvent) => window.__host.events.push(event);

const options = new URLSearchParams(location.search).get("options") === "every"
  ? everyOption(location.origin, record)
  : {
      apiBase: "/api/endgrate",
      after: "none" as const,
      session: { schema: [{ endgrate_type: "crm-contact" }], field_selection: true },
      onEvent: record,
      onSuccess: (event: WidgetEvent) => window.__host.success.push(event),
    };

const root = document.getElementById("widget-root");
if (root) {
  mount(root, options).then(
    (handle) => {
      window.__handle = handle;
      window.__provider = () => readBody(handle);
      window.__host.mount = "ok";
    },
    (error: Error) => {
      window.__host.mount = `rejected: ${error.message}`;
    },
  );
}
