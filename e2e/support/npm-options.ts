// Every option the npm package's types describe, in one typed object. `tsc --noEmit --strict`
// checks it against dist/npm/index.d.ts (e2e/npm.test.mjs): `Required<…>` makes a new option in
// the types fail here until it is added, and a removed or renamed one fails as an excess key.
// The npm test then mounts the widget with this very object, so the types and the widget's option
// parser cannot drift apart either.
import type {
  SessionOptions,
  ThemeOptions,
  WidgetEvent,
  WidgetHandle,
  WidgetOptions,
} from "endgrate-session-widget";

const theme: Required<ThemeOptions> = {
  mode: "dark",
  colorPrimary: "#0f766e",
  colorPrimaryText: "#ffffff",
  colorBackground: "#101418",
  colorSurface: "#1b2128",
  colorText: "#f1f5f9",
  colorMuted: "#94a3b8",
  colorBorder: "#334155",
  colorError: "#f87171",
  colorSuccess: "#4ade80",
  colorFocus: "#38bdf8",
};

export function everyOption(origin: string, record: (event: WidgetEvent) => void): Required<WidgetOptions> {
  const session: Required<SessionOptions> = {
    label: "Acme Corp",
    category: "CRM",
    configuration_webhook: { endpoint: "https://app.example.com/hooks/endgrate", metadata: { user: 7 } },
    default_upsert_setting: "SET_IF_NOT_SET",
    field_selection: true,
    passthrough_fields: true,
    passthrough_schemas: false,
    sync: false,
    provider: "hubspot",
    provider_list_id: "default",
    redirect_url: `${origin}/integrations/done`,
    resource_selection: true,
    save_session: true,
    schema: [
      { endgrate_type: "crm-contact" },
      {
        type: "object",
        title: "Lead",
        properties: { email: { type: "string", format: "email", title: "Email" } },
        required: ["email"],
        associations: false,
      },
    ],
    schema_selection: true,
    statistics: false,
    webhook_concurrency: false,
  };
  return {
    initiateUrl: "/api/endgrate/session/initiate",
    apiBase: "/api/endgrate",
    allowedRedirectOrigins: [origin],
    allowedImageOrigins: ["https://cdn.example.com"],
    after: "none",
    credentials: "omit",
    locale: "en",
    theme,
    session,
    endgrateOrigin: "https://endgrate.com",
    onEvent: (event) => record(event),
    onSuccess: (event) => record({ type: "success", session_id: event.session_id }),
    onExit: (event) => record({ type: "exit", reason: event.reason }),
    onError: (event) => record({ type: "error", code: event.code, message: event.message }),
  };
}

/** The handle's methods as the types promise them. */
export function readBody(handle: WidgetHandle): string | null {
  const body = handle.requestBody();
  return body === null ? null : body.provider;
}
