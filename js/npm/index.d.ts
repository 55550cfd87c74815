// Types of the Endgrate session widget's options and events. They mirror what the widget's option
// parser accepts: an unknown key, a wrong type or a bad value is refused at mount with an error
// that names the option.

/** Endgrate's upsert setting for pushed fields. */
export type UpsertSetting = "OVERWRITE" | "DO_NOT_UPDATE" | "SET_IF_NOT_SET";

/** A schema of the session (Endgrate's EndgrateJsonSchema). */
export interface EndgrateSchema {
  type?: "object";
  /** A common data model, e.g. "crm-contact"; without it `title` is required. */
  endgrate_type?: string;
  title?: string;
  properties?: Record<string, JsonSchemaProperty>;
  required?: string[];
  associations?: boolean;
}

export interface JsonSchemaProperty {
  type: "string" | "number" | "boolean" | "array" | "object";
  format?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  items?: unknown;
  properties?: Record<string, JsonSchemaProperty>;
}

/** Endgrate's initiate body keys, verbatim (see Endgrate's API reference). All optional. */
export interface SessionOptions {
  label?: string;
  /** An integration category, e.g. "CRM". */
  category?: string;
  configuration_webhook?: { endpoint: string; metadata?: Record<string, unknown> };
  /** Default "OVERWRITE". */
  default_upsert_setting?: UpsertSetting;
  field_selection?: boolean;
  passthrough_fields?: boolean;
  passthrough_schemas?: boolean;
  sync?: boolean;
  /** A provider name, e.g. "hubspot"; skips provider selection. */
  provider?: string;
  provider_list_id?: string;
  /** Must be https (http only for localhost) on an allowed origin. */
  redirect_url?: string;
  resource_selection?: boolean;
  save_session?: boolean;
  schema?: EndgrateSchema[];
  schema_selection?: boolean;
  statistics?: boolean;
  webhook_concurrency?: boolean;
}

/** Colours: "#rgb" … "#rrggbbaa" or a named palette colour. Applied as CSS custom properties. */
export interface ThemeOptions {
  mode?: "light" | "dark" | "auto";
  colorPrimary?: string;
  colorPrimaryText?: string;
  colorBackground?: string;
  colorSurface?: string;
  colorText?: string;
  colorMuted?: string;
  colorBorder?: string;
  colorError?: string;
  colorSuccess?: string;
  colorFocus?: string;
}

export type ErrorCode =
  | "config_invalid"
  | "redirect_not_allowed"
  | "network_timeout"
  | "network_offline"
  | "server_error"
  | "rate_limited"
  | "session_expired"
  | "response_invalid"
  | "load_failed"
  | "storage_unavailable"
  | "navigation_blocked"
  | "request_rejected";

export type StepName = "provider" | "schemas" | "resources" | "mapping" | "review" | "submitting" | "done" | "error" | "exited";

export type WidgetEvent =
  | { type: "ready" }
  | { type: "step_changed"; step: StepName; index: number; total: number }
  | { type: "success"; session_id: string }
  | { type: "exit"; reason: "user_closed" | "destroyed" }
  | { type: "error"; code: ErrorCode; message: string | null; field?: string }
  | { type: "storage_unavailable" }
  | { type: "navigation_blocked" };

export interface WidgetOptions {
  /** The host backend route that adds the secret key. Default "/api/endgrate/session/initiate". */
  initiateUrl?: string;
  /** Where the catalog and field catalog are read. Default "/api/endgrate". */
  apiBase?: string;
  /** Exact origins (or "*.example.com") redirect_url may point at. Default: the page's origin. */
  allowedRedirectOrigins?: string[];
  /** https origins provider logos may load from; same-origin paths ("/logos/x.svg") are always allowed. Default: none. */
  allowedImageOrigins?: string[];
  /** After success: go to redirect_url (default), to Endgrate's hosted page, or stay. */
  after?: "redirect" | "endgrate" | "none";
  /**
   * Cookies on the widget's requests to your backend: "omit" (default) sends none;
   * "same-origin" sends the page's own cookies to its own origin only (for a backend that knows
   * its user by session cookie, and for a `<link rel="preload" as="fetch" crossorigin>` of the
   * catalog to be used).
   */
  credentials?: "omit" | "same-origin";
  /** "en", "fr", "de", "es"; default: the browser's language. */
  locale?: string;
  theme?: ThemeOptions;
  /** Endgrate's initiate body. */
  session?: SessionOptions;
  /** Test environments only: the origin of Endgrate's hosted session page. */
  endgrateOrigin?: string;
  onEvent?: (event: WidgetEvent) => void;
  onSuccess?: (event: Extract<WidgetEvent, { type: "success" }>) => void;
  onExit?: (event: Extract<WidgetEvent, { type: "exit" }>) => void;
  onError?: (event: Extract<WidgetEvent, { type: "error" }>) => void;
}

export interface WidgetHandle {
  /** Removes the widget; no event is delivered afterwards. */
  destroy(): void;
  /**
   * The initiate body the user's current choices would send (the JSON the widget posts to
   * `initiateUrl`); `null` before a provider is chosen and after `destroy()`.
   */
  requestBody(): InitiateBody | null;
}

/** What the widget posts to `initiateUrl`: the `session` options plus the user's choices. */
export interface InitiateBody extends SessionOptions {
  provider: string;
  /** Widget extension kept by the host's backend (not forwarded to Endgrate). */
  end_user_configuration?: {
    /** Per schema key: its `endgrate_type`, or its `title`. */
    schemas: Record<string, SchemaChoice>;
  };
}

/** Endgrate's direction names: `IMPORT` pulls into the app, `EXPORT` pushes to the provider. */
export type Method = "IMPORT" | "EXPORT";

/** One direction of a schema. */
export interface MethodChoice {
  /** The integration chosen for this direction, e.g. `get-contacts`; with `resource_selection`. */
  integration?: string;
}

/** How one schema field maps to a provider field. */
export interface FieldChoice {
  provider_field: string;
  /** Present on every field exactly when the schema is pushed (`methods.EXPORT`). */
  upsert?: UpsertSetting;
}

/** The end user's choices for one schema. */
export interface SchemaChoice {
  /** The directions the schema is synced in (at least one), each with its integration. */
  methods: { [M in Method]?: MethodChoice };
  /** One mapping for the schema, holding in every direction; with `field_selection`. */
  fields?: Record<string, FieldChoice>;
  /** Provider custom fields passed through. */
  passthrough_fields?: string[];
}

/** Mounts the widget into `element`. Rejects when an option is invalid (the message names it). */
export function mount(element: Element, options?: WidgetOptions): Promise<WidgetHandle>;
