//! The `session` option: Endgrate's initiate body keys (endgrate-api.md §1) in snake_case, each
//! validated into a type that cannot hold an invalid value. Defaults are Endgrate's.

use super::error::OptionsError;
use super::keys::{self, SESSION_KEYS};
use super::parse::{member, Map};
use super::parse::{object, opt_bool, opt_text, refuse_unknown};
use crate::ids::ProviderName;
use crate::json::read::Path;
use crate::json::Json;
use crate::url_check::{check_redirect, parse_web_url, OriginAllowList, RedirectUrl, UrlParser};
use crate::wire::{ConfigurationWebhook, Schema, UpsertSetting};

/// Integration categories: `CRM` is confirmed; the rest follow the endgrate_type prefixes.
pub const CATEGORIES: &[&str] = &[
    "ACCOUNTING",
    "ANALYTICS",
    "ATS",
    "CALENDAR",
    "COMMUNICATION",
    "CRM",
    "DATABASE",
    "ECOMMERCE",
    "FORMS",
    "HELPDESK",
    "MARKETING",
    "PROSPECTING",
    "WORKSPACE",
];

/// The most schemas a session may list; far above any real session, it bounds the work.
pub const MAX_SCHEMAS: usize = 100;

/// A category from [`CATEGORIES`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category(&'static str);

impl Category {
    /// Looks the value up in [`CATEGORIES`] (exact, uppercase).
    pub fn parse(s: &str) -> Option<Category> {
        CATEGORIES.iter().find(|c| **c == s).map(|c| Category(c))
    }

    /// The wire spelling, e.g. `CRM`.
    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// Whether an endgrate_type belongs to this category (`crm-contact` to `CRM`).
    pub fn covers(&self, endgrate_type: &str) -> bool {
        endgrate_type
            .split_once('-')
            .is_some_and(|(prefix, _)| prefix.eq_ignore_ascii_case(self.0))
    }
}

/// The validated `session` option. `None` means the host did not set the key; the getters apply
/// Endgrate's defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionOptions {
    /// Shown on the developer's Sessions tab.
    pub label: Option<String>,
    /// Narrows the catalog and supplies the schemas when `schema` is absent.
    pub category: Option<Category>,
    /// Where Endgrate posts the configured session (an https endpoint).
    pub configuration_webhook: Option<ConfigurationWebhook>,
    /// The pre-selected upsert setting for pushed fields.
    pub default_upsert_setting: Option<UpsertSetting>,
    /// Let the user map fields.
    pub field_selection: Option<bool>,
    /// Allow passthrough (custom) fields.
    pub passthrough_fields: Option<bool>,
    /// Allow passthrough schemas (custom objects).
    pub passthrough_schemas: Option<bool>,
    /// Pulls return only changes.
    pub sync: Option<bool>,
    /// A preset provider: the provider step is skipped.
    pub provider: Option<ProviderName>,
    /// Only this list's providers are offered.
    pub provider_list_id: Option<String>,
    /// Where the user goes after success (passed R11).
    pub redirect_url: Option<RedirectUrl>,
    /// Let the user choose the integration per schema.
    pub resource_selection: Option<bool>,
    /// Keep the session beyond 72 hours.
    pub save_session: Option<bool>,
    /// The session's schemas (checked: `endgrate_type` or `title`, typed properties).
    pub schema: Option<Vec<Schema>>,
    /// Let the user choose schemas and directions.
    pub schema_selection: Option<bool>,
    /// Let the user see transfer statistics.
    pub statistics: Option<bool>,
    /// POST to webhooks concurrently.
    pub webhook_concurrency: Option<bool>,
}

impl SessionOptions {
    /// `default_upsert_setting`, or `OVERWRITE`.
    pub fn upsert_default(&self) -> UpsertSetting {
        self.default_upsert_setting.unwrap_or_default()
    }

    /// `schema_selection` with its default (false).
    pub fn schema_selection(&self) -> bool {
        self.schema_selection.unwrap_or(false)
    }

    /// `passthrough_schemas` with its default (false).
    pub fn passthrough_schemas(&self) -> bool {
        self.passthrough_schemas.unwrap_or(false)
    }

    /// `resource_selection` with its default (false).
    pub fn resource_selection(&self) -> bool {
        self.resource_selection.unwrap_or(false)
    }

    /// `field_selection` with its default (false).
    pub fn field_selection(&self) -> bool {
        self.field_selection.unwrap_or(false)
    }

    /// `passthrough_fields` with its default (false).
    pub fn passthrough_fields(&self) -> bool {
        self.passthrough_fields.unwrap_or(false)
    }
}

/// Parses `session`; `redirects` is the allow-list `redirect_url` is held to.
///
/// # Errors
/// `config_invalid` naming `session.<key>`, or `redirect_not_allowed` for `session.redirect_url`.
pub(crate) fn parse_session(
    value: &Json,
    redirects: &OriginAllowList,
    parser: &dyn UrlParser,
) -> Result<SessionOptions, OptionsError> {
    let map = object(value, "session")?;
    refuse_unknown(map, "session", SESSION_KEYS)?;
    let p = "session";
    let bool_key = |k: &str| opt_bool(map, k, p);
    Ok(SessionOptions {
        label: opt_text(map, keys::LABEL, p, 200)?.map(str::to_owned),
        category: category(map)?,
        configuration_webhook: webhook(map, parser)?,
        default_upsert_setting: upsert(map)?,
        field_selection: bool_key("field_selection")?,
        passthrough_fields: bool_key("passthrough_fields")?,
        passthrough_schemas: bool_key("passthrough_schemas")?,
        sync: bool_key("sync")?,
        provider: provider(map)?,
        provider_list_id: opt_text(map, keys::PROVIDER_LIST_ID, p, 200)?.map(str::to_owned),
        redirect_url: redirect(map, redirects, parser)?,
        resource_selection: bool_key("resource_selection")?,
        save_session: bool_key("save_session")?,
        schema: schemas(map)?,
        schema_selection: bool_key("schema_selection")?,
        statistics: bool_key("statistics")?,
        webhook_concurrency: bool_key("webhook_concurrency")?,
    })
}

fn present<'a>(map: &'a Map, key: &str) -> Option<&'a Json> {
    member(map, key).filter(|v| !v.is_null())
}

fn category(map: &Map) -> Result<Option<Category>, OptionsError> {
    let Some(value) = present(map, keys::CATEGORY) else {
        return Ok(None);
    };
    match value.as_str().and_then(Category::parse) {
        Some(c) => Ok(Some(c)),
        None => {
            let path = format!("session.{}", keys::CATEGORY);
            Err(OptionsError::expected(
                &path,
                &format!("one of {}", CATEGORIES.join(", ")),
                value,
            ))
        }
    }
}

fn upsert(map: &Map) -> Result<Option<UpsertSetting>, OptionsError> {
    let Some(value) = present(map, keys::DEFAULT_UPSERT_SETTING) else {
        return Ok(None);
    };
    let found = UpsertSetting::ALL
        .into_iter()
        .find(|u| value.as_str() == Some(u.as_str()));
    found.map(Some).ok_or_else(|| {
        let path = format!("session.{}", keys::DEFAULT_UPSERT_SETTING);
        OptionsError::expected(
            &path,
            "one of OVERWRITE, DO_NOT_UPDATE, SET_IF_NOT_SET",
            value,
        )
    })
}

fn provider(map: &Map) -> Result<Option<ProviderName>, OptionsError> {
    let Some(value) = present(map, "provider") else {
        return Ok(None);
    };
    match value.as_str().and_then(ProviderName::new) {
        Some(name) => Ok(Some(name)),
        None => Err(OptionsError::expected(
            "session.provider",
            "a provider name such as \"hubspot\" (letters, digits, _ - .)",
            value,
        )),
    }
}

fn redirect(
    map: &Map,
    allowed: &OriginAllowList,
    parser: &dyn UrlParser,
) -> Result<Option<RedirectUrl>, OptionsError> {
    let Some(value) = present(map, "redirect_url") else {
        return Ok(None);
    };
    let path = "session.redirect_url";
    let Some(raw) = value.as_str() else {
        return Err(OptionsError::expected(path, "a string", value));
    };
    check_redirect(raw, allowed, parser).map(Some).map_err(|why| {
        let got = super::error::describe(value);
        OptionsError::redirect(
            path,
            format!("{path} must be an https URL on an allowed origin (allowedRedirectOrigins, or this page's origin when that is empty), got {got}: {why}"),
        )
    })
}

fn webhook(
    map: &Map,
    parser: &dyn UrlParser,
) -> Result<Option<ConfigurationWebhook>, OptionsError> {
    let Some(value) = present(map, "configuration_webhook") else {
        return Ok(None);
    };
    let path = "session.configuration_webhook";
    let form = "an object {endpoint: \"https://…\", metadata?: {…}}";
    let hook = ConfigurationWebhook::read(value, &Path::Root)
        .map_err(|e| OptionsError::config(path, format!("{path} must be {form}: {e}")))?;
    if let Err(why) = parse_web_url(&hook.endpoint, parser) {
        let msg = format!(
            "{path}.endpoint must be an https URL, got {}: {why}",
            super::error::describe(&Json::String(hook.endpoint.clone()))
        );
        return Err(OptionsError::config(&format!("{path}.endpoint"), msg));
    }
    if hook
        .metadata
        .as_ref()
        .is_some_and(|m| !m.is_object() && !m.is_null())
    {
        return Err(OptionsError::config(
            &format!("{path}.metadata"),
            format!("{path}.metadata must be an object"),
        ));
    }
    Ok(Some(hook))
}

fn schemas(map: &Map) -> Result<Option<Vec<Schema>>, OptionsError> {
    let Some(value) = present(map, "schema") else {
        return Ok(None);
    };
    let Some(items) = value.as_array() else {
        return Err(OptionsError::expected(
            "session.schema",
            "an array of schemas such as [{\"endgrate_type\": \"crm-contact\"}]",
            value,
        ));
    };
    if items.len() > MAX_SCHEMAS {
        return Err(OptionsError::config(
            "session.schema",
            format!("session.schema may list at most {MAX_SCHEMAS} schemas"),
        ));
    }
    let mut out: Vec<Schema> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("session.schema[{i}]");
        let schema = Schema::read(item, &Path::Root)
            .map_err(|e| OptionsError::config(&path, format!("{path} must be a schema (endgrate_type, title, properties, required, associations): {e}")))?;
        super::schema_check::check_schema(&schema, &path)?;
        let key = schema.key().map(str::to_owned);
        if out.iter().any(|s| s.key() == key.as_deref()) {
            return Err(OptionsError::config(
                &path,
                format!(
                    "{path} repeats the schema {:?}",
                    key.as_deref().unwrap_or_default()
                ),
            ));
        }
        out.push(schema);
    }
    Ok(Some(out))
}
