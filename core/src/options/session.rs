//! The `session` option: Endgrate's initiate body keys (endgrate-api.md §1) in snake_case, each
//! validated into a type that cannot hold an invalid value. Defaults are Endgrate's.

use super::error::{describe_text, OptionsError};
use super::keys;
use crate::ids::ProviderName;
use crate::url_check::{check_redirect, parse_web_url, OriginAllowList, RedirectUrl, UrlParser};
use crate::wire::{ConfigurationWebhook, InitiateBody, Schema, UpsertSetting};

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

/// Checks `session`, read into Endgrate's body type; `redirects` is the allow-list
/// `redirect_url` is held to.
///
/// # Errors
/// `config_invalid` naming `session.<key>`, or `redirect_not_allowed` for `session.redirect_url`.
pub(crate) fn parse_session(
    body: InitiateBody,
    redirects: &OriginAllowList,
    parser: &dyn UrlParser,
) -> Result<SessionOptions, OptionsError> {
    let text = |key: &str, value: Option<String>| -> Result<Option<String>, OptionsError> {
        match value {
            Some(v)
                if v.is_empty() || v.chars().count() > 200 || v.chars().any(char::is_control) =>
            {
                Err(OptionsError::expected_text(
                    &format!("session.{key}"),
                    "a string of 1 to 200 characters without control characters",
                    &v,
                ))
            }
            other => Ok(other),
        }
    };
    Ok(SessionOptions {
        label: text(keys::LABEL, body.label)?,
        category: category(body.category)?,
        configuration_webhook: webhook(body.configuration_webhook, parser)?,
        default_upsert_setting: body.default_upsert_setting,
        field_selection: body.field_selection,
        passthrough_fields: body.passthrough_fields,
        passthrough_schemas: body.passthrough_schemas,
        sync: body.sync,
        provider: provider(body.provider)?,
        provider_list_id: text(keys::PROVIDER_LIST_ID, body.provider_list_id)?,
        redirect_url: redirect(body.redirect_url, redirects, parser)?,
        resource_selection: body.resource_selection,
        save_session: body.save_session,
        schema: schemas(body.schema)?,
        schema_selection: body.schema_selection,
        statistics: body.statistics,
        webhook_concurrency: body.webhook_concurrency,
    })
}

fn category(value: Option<String>) -> Result<Option<Category>, OptionsError> {
    let Some(value) = value else {
        return Ok(None);
    };
    match Category::parse(&value) {
        Some(c) => Ok(Some(c)),
        None => Err(OptionsError::expected_text(
            &format!("session.{}", keys::CATEGORY),
            &format!("one of {}", CATEGORIES.join(", ")),
            &value,
        )),
    }
}

fn provider(value: Option<String>) -> Result<Option<ProviderName>, OptionsError> {
    let Some(value) = value else {
        return Ok(None);
    };
    match ProviderName::new(value.as_str()) {
        Some(name) => Ok(Some(name)),
        None => Err(OptionsError::expected_text(
            "session.provider",
            "a provider name such as \"hubspot\" (letters, digits, _ - .)",
            &value,
        )),
    }
}

fn redirect(
    value: Option<String>,
    allowed: &OriginAllowList,
    parser: &dyn UrlParser,
) -> Result<Option<RedirectUrl>, OptionsError> {
    let Some(raw) = value else {
        return Ok(None);
    };
    let path = "session.redirect_url";
    check_redirect(&raw, allowed, parser).map(Some).map_err(|why| {
        let got = describe_text(&raw);
        OptionsError::redirect(
            path,
            format!("{path} must be an https URL on an allowed origin (allowedRedirectOrigins, or this page's origin when that is empty), got {got}: {why}"),
        )
    })
}

fn webhook(
    hook: Option<ConfigurationWebhook>,
    parser: &dyn UrlParser,
) -> Result<Option<ConfigurationWebhook>, OptionsError> {
    let Some(hook) = hook else {
        return Ok(None);
    };
    let path = "session.configuration_webhook";
    if let Err(why) = parse_web_url(&hook.endpoint, parser) {
        let msg = format!(
            "{path}.endpoint must be an https URL, got {}: {why}",
            describe_text(&hook.endpoint)
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

fn schemas(value: Option<Vec<Schema>>) -> Result<Option<Vec<Schema>>, OptionsError> {
    let Some(items) = value else {
        return Ok(None);
    };
    if items.len() > MAX_SCHEMAS {
        return Err(OptionsError::config(
            "session.schema",
            format!("session.schema may list at most {MAX_SCHEMAS} schemas"),
        ));
    }
    let mut out: Vec<Schema> = Vec::with_capacity(items.len());
    for (i, schema) in items.into_iter().enumerate() {
        let path = format!("session.schema[{i}]");
        super::schema_check::check_schema(&schema, &path)?;
        if let Some(key) = schema
            .key()
            .filter(|k| out.iter().any(|s| s.key() == Some(*k)))
        {
            return Err(OptionsError::config(
                &path,
                format!("{path} repeats the schema {key:?}"),
            ));
        }
        out.push(schema);
    }
    Ok(Some(out))
}
