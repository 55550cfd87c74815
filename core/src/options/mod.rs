//! The widget's options (design.md "Options"), parsed once at mount from the JSON the JS layer
//! hands over, into types that cannot hold an invalid value.
//!
//! Parsing performs no IO and needs two inputs from the page: its origin (the default redirect
//! allow-list) and a [`UrlParser`]. Secret-looking input is refused first (R1), then unknown keys,
//! then each key in turn; the first problem is reported with its path and the expected form.

mod error;
pub mod keys;
mod parse;
mod schema_check;
mod secrets;
mod session;
mod source;
mod theme;

pub use error::OptionsError;
pub use schema_check::PROPERTY_TYPES;
pub use session::{Category, SessionOptions, CATEGORIES, MAX_SCHEMAS};
pub use source::{serde_fields, OptionsSource, RawOptions, TypeError};
pub use theme::{Color, Theme, ThemeMode, NAMED_COLORS};

use crate::json::Json;
use crate::url_check::{check_raw, parse_web_url, OriginAllowList, UrlParser};
use parse::object;

/// Default `apiBase`.
pub const DEFAULT_API_BASE: &str = "/api/endgrate";
/// Default `initiateUrl`.
pub const DEFAULT_INITIATE_URL: &str = "/api/endgrate/session/initiate";
/// Default `endgrateOrigin`: where Endgrate's hosted session page lives.
pub const DEFAULT_ENDGRATE_ORIGIN: &str = "https://endgrate.com";
/// Endgrate's API host: `initiateUrl` must never point here, since only a backend holds the key.
pub const ENDGRATE_API_HOST: &str = "endgrate.com";

/// What happens after a successful initiate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum After {
    /// Go to `session.redirect_url` with `session_id` added (default).
    #[default]
    Redirect,
    /// Go to Endgrate's hosted page `{endgrateOrigin}/session?session_id=…`.
    Endgrate,
    /// Stay; the host handles `onSuccess`.
    None,
}

/// Whether the widget's requests to the host backend carry the page's cookies (R32).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Credentials {
    /// No cookies or HTTP authentication on any request (default).
    #[default]
    Omit,
    /// Cookies go to the page's own origin only, as for `<link crossorigin="anonymous">`: the
    /// same-origin cookie mode, for a backend that knows its user by session cookie, and the
    /// mode in which a host's `<link rel="preload" as="fetch" crossorigin>` of the catalog is used.
    SameOrigin,
}

/// A backend endpoint: a same-origin path (`/api/…`) or an https (loopback http) URL.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Endpoint(String);

impl Endpoint {
    /// The endpoint as written (paths) or as serialised by the parser (URLs).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A BCP 47-shaped language tag, e.g. `en` or `pt-BR`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Locale(String);

impl Locale {
    /// Checks `^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`, at most 35 characters.
    pub fn parse(s: &str) -> Option<Locale> {
        let mut parts = s.split('-');
        let lang = parts.next().unwrap_or_default();
        let ok = s.len() <= 35
            && (2..=3).contains(&lang.len())
            && lang.bytes().all(|b| b.is_ascii_alphabetic())
            && parts.all(|p| {
                (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
            });
        ok.then(|| Locale(s.to_owned()))
    }

    /// The tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The validated widget options.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetOptions {
    /// `initiateUrl`: the host backend route that adds the secret key.
    pub initiate_url: Endpoint,
    /// `apiBase`: where the catalog and field catalog are read.
    pub api_base: Endpoint,
    /// `allowedRedirectOrigins`, or the page's own origin when the option is empty.
    pub allowed_redirect_origins: OriginAllowList,
    /// `allowedImageOrigins`: https origins logos may load from (same-origin paths always may).
    pub allowed_image_origins: OriginAllowList,
    /// `after`.
    pub after: After,
    /// `credentials`.
    pub credentials: Credentials,
    /// `locale`; `None` lets the widget use the browser's language.
    pub locale: Option<Locale>,
    /// `theme`.
    pub theme: Theme,
    /// `endgrateOrigin` (a test override of `https://endgrate.com`), as a serialised origin.
    pub endgrate_origin: String,
    /// `session`: Endgrate's body keys.
    pub session: SessionOptions,
    /// The `session` option in a canonical form (members in name order, strings length-prefixed):
    /// the same text on every load of the same options, and a different one when any of them
    /// changes. Saved progress is keyed by it.
    pub session_identity: String,
}

impl WidgetOptions {
    /// Parses the host's options (callbacks already taken out by the JS layer).
    ///
    /// `page_origin` is the embedding page's origin (`location.origin`), used as the redirect
    /// allow-list when `allowedRedirectOrigins` is empty.
    ///
    /// # Errors
    /// An [`OptionsError`] with code `config_invalid` (or `redirect_not_allowed` for
    /// `session.redirect_url`), the option's path and the expected form.
    pub fn parse(
        source: &impl OptionsSource,
        page_origin: &str,
        parser: &dyn UrlParser,
    ) -> Result<WidgetOptions, OptionsError> {
        let tree = source.tree().map_err(|e| {
            let msg = "options must be plain data (strings, numbers, booleans, arrays, objects): ";
            OptionsError::config("options", msg.to_owned() + &e)
        })?;
        if !tree.is_null() {
            object(&tree, "options")?;
        }
        // Before anything is read into a type, so a pasted key is named as such (R1).
        secrets::refuse_secrets(&tree, "", 0)?;
        parse::refuse_unknown_keys(&tree)?;
        let raw = source.typed().map_err(|e| {
            let path = if e.path.is_empty() {
                "options"
            } else {
                &e.path
            };
            OptionsError::config(path, format!("{path} is invalid: {}", e.message))
        })?;
        let initiate_url = endpoint(
            raw.initiate_url.as_deref(),
            "initiateUrl",
            DEFAULT_INITIATE_URL,
            parser,
        )?;
        if endpoint_is_endgrate(&initiate_url, parser) {
            let msg = "initiateUrl must be your backend's route (it adds the secret key), not Endgrate's API at endgrate.com";
            return Err(OptionsError::config("initiateUrl", msg.into()));
        }
        let api_base = endpoint(raw.api_base.as_deref(), "apiBase", DEFAULT_API_BASE, parser)?;
        let mut allowed_redirect_origins = origins(
            raw.allowed_redirect_origins.as_deref(),
            "allowedRedirectOrigins",
            parser,
        )?;
        if allowed_redirect_origins.is_empty() {
            allowed_redirect_origins = OriginAllowList::same_origin(page_origin, parser);
        }
        let allowed_image_origins = origins(
            raw.allowed_image_origins.as_deref(),
            "allowedImageOrigins",
            parser,
        )?;
        let locale = match raw.locale.as_deref() {
            None => None,
            Some(s) => Some(Locale::parse(s).ok_or_else(|| {
                OptionsError::expected_text(
                    "locale",
                    "a language tag such as \"en\" or \"pt-BR\"",
                    s,
                )
            })?),
        };
        let theme = match raw.theme.as_ref().filter(|t| !t.is_null()) {
            None => Theme::default(),
            Some(v) => theme::parse_theme(v)?,
        };
        let endgrate_origin = match raw.endgrate_origin.as_deref() {
            None => DEFAULT_ENDGRATE_ORIGIN.to_owned(),
            Some(v) => bare_origin(v, parser).ok_or_else(|| {
                OptionsError::expected_text(
                    "endgrateOrigin",
                    "an https origin such as \"https://endgrate.com\"",
                    v,
                )
            })?,
        };
        let session = match raw.session {
            None => SessionOptions::default(),
            Some(body) => session::parse_session(body, &allowed_redirect_origins, parser)?,
        };
        let session_identity = canonical_key(tree.get("session"));
        Ok(WidgetOptions {
            initiate_url,
            api_base,
            allowed_redirect_origins,
            allowed_image_origins,
            after: raw.after.unwrap_or_default(),
            credentials: raw.credentials.unwrap_or_default(),
            locale,
            theme,
            endgrate_origin,
            session,
            session_identity,
        })
    }
}

/// The `session` option as a key for saved progress: the same on every load of the same options
/// and different when any of them changes. Members are taken in name order, so the host's key
/// order does not matter.
fn canonical_key(session: Option<&Json>) -> String {
    fn walk(value: &Json, out: &mut String) {
        match value {
            Json::Null => out.push('n'),
            Json::Bool(b) => out.push(if *b { 't' } else { 'f' }),
            Json::Number(n) => {
                out.push('#');
                out.push_str(n);
                out.push(';');
            }
            Json::String(s) => {
                // Length-prefixed, so no string can imitate structure.
                out.push_str(&s.len().to_string());
                out.push(':');
                out.push_str(s);
            }
            Json::Array(items) => {
                out.push('[');
                items.iter().for_each(|i| walk(i, out));
                out.push(']');
            }
            Json::Object(members) => {
                let mut sorted: Vec<&(String, Json)> = members.iter().collect();
                sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                out.push('{');
                for (k, v) in sorted {
                    walk(&Json::String(k.clone()), out);
                    walk(v, out);
                }
                out.push('}');
            }
        }
    }
    let mut out = String::new();
    walk(session.unwrap_or(&Json::Null), &mut out);
    out
}

fn endpoint(
    value: Option<&str>,
    path: &str,
    default: &str,
    parser: &dyn UrlParser,
) -> Result<Endpoint, OptionsError> {
    let Some(raw) = value else {
        return Ok(Endpoint(default.to_owned()));
    };
    let expected = "a path such as \"/api/endgrate\" or an https URL";
    if raw.starts_with('/') && !raw.starts_with("//") && check_raw(raw).is_ok() {
        return Ok(Endpoint(raw.to_owned()));
    }
    match parse_web_url(raw, parser) {
        Ok(url) => Ok(Endpoint(url.href)),
        Err(why) => Err(OptionsError::config(
            path,
            format!(
                "{path} must be {expected}, got {}: {why}",
                error::describe_text(raw)
            ),
        )),
    }
}

fn endpoint_is_endgrate(endpoint: &Endpoint, parser: &dyn UrlParser) -> bool {
    let Some(url) = parser.parse(endpoint.as_str()) else {
        return false;
    };
    let host = url.hostname.trim_end_matches('.');
    host == ENDGRATE_API_HOST || host.ends_with(&format!(".{ENDGRATE_API_HOST}"))
}

fn origins(
    value: Option<&[String]>,
    path: &str,
    parser: &dyn UrlParser,
) -> Result<OriginAllowList, OptionsError> {
    let Some(entries) = value else {
        return Ok(OriginAllowList::default());
    };
    if entries.len() > 50 {
        return Err(OptionsError::config(
            path,
            format!("{path} must be an array of at most 50 origin strings"),
        ));
    }
    let entries: Vec<&str> = entries.iter().map(String::as_str).collect();
    OriginAllowList::parse(&entries, parser).map_err(|(i, form)| {
        let item = format!("{path}[{i}]");
        OptionsError::expected_text(&item, form, entries[i])
    })
}

fn bare_origin(value: &str, parser: &dyn UrlParser) -> Option<String> {
    let url = parse_web_url(value, parser).ok()?;
    (url.href.trim_end_matches('/') == url.origin).then_some(url.origin)
}

#[cfg(all(test, feature = "native-url"))]
mod tests;
