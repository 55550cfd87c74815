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
mod theme;

pub use error::OptionsError;
pub use schema_check::PROPERTY_TYPES;
pub use session::{Category, SessionOptions, CATEGORIES, MAX_SCHEMAS};
pub use theme::{Color, Theme, ThemeMode, NAMED_COLORS};

use crate::json::Json;
use crate::url_check::{check_raw, parse_web_url, OriginAllowList, UrlParser};
use parse::{member, object, opt_text, refuse_unknown, sorted};

/// Deepest options JSON the widget parses: beyond the 32 levels the secret scan walks, so a deeper
/// structure is refused by that scan with its path rather than by the parser.
pub const MAX_OPTIONS_DEPTH: usize = 64;

/// Default `apiBase`.
pub const DEFAULT_API_BASE: &str = "/api/endgrate";
/// Default `initiateUrl`.
pub const DEFAULT_INITIATE_URL: &str = "/api/endgrate/session/initiate";
/// Default `endgrateOrigin`: where Endgrate's hosted session page lives.
pub const DEFAULT_ENDGRATE_ORIGIN: &str = "https://endgrate.com";
/// Endgrate's API host: `initiateUrl` must never point here, since only a backend holds the key.
pub const ENDGRATE_API_HOST: &str = "endgrate.com";

/// What happens after a successful initiate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum After {
    /// Go to `session.redirect_url` with `session_id` added (default).
    #[default]
    Redirect,
    /// Go to Endgrate's hosted page `{endgrateOrigin}/session?session_id=…`.
    Endgrate,
    /// Stay; the host handles `onSuccess`.
    None,
}

/// A backend endpoint: a same-origin path (`/api/…`) or an https (loopback http) URL.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Endpoint(String);

impl Endpoint {
    /// The endpoint as written (paths) or as serialised by the parser (URLs).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A BCP 47-shaped language tag, e.g. `en` or `pt-BR`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
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
    /// `locale`; `None` lets the widget use the browser's language.
    pub locale: Option<Locale>,
    /// `theme`.
    pub theme: Theme,
    /// `endgrateOrigin` (a test override of `https://endgrate.com`), as a serialised origin.
    pub endgrate_origin: String,
    /// `session`: Endgrate's body keys.
    pub session: SessionOptions,
    /// The `session` option as canonical JSON (members sorted by name): the same text on every
    /// load of the same options, and a different one when any of them changes. Saved progress is
    /// keyed by it.
    pub session_identity: String,
}

impl WidgetOptions {
    /// Parses the options object (callbacks already removed by the JS layer).
    ///
    /// `page_origin` is the embedding page's origin (`location.origin`), used as the redirect
    /// allow-list when `allowedRedirectOrigins` is empty.
    ///
    /// # Errors
    /// An [`OptionsError`] with code `config_invalid` (or `redirect_not_allowed` for
    /// `session.redirect_url`), the option's path and the expected form.
    pub fn parse(
        value: &Json,
        page_origin: &str,
        parser: &dyn UrlParser,
    ) -> Result<WidgetOptions, OptionsError> {
        // Walked in name order, as the host's key order must not change which problem is named.
        let value = &sorted(value);
        secrets::refuse_secrets(value, "", 0)?;
        let map = object(value, "options")?;
        refuse_unknown(map, "", keys::WIDGET_KEYS)?;
        for key in keys::CALLBACK_KEYS {
            if let Some(v) = member(map, key).filter(|v| !v.is_null()) {
                let expected =
                    "a function (handled by the JS layer, which removes it before parsing)";
                return Err(OptionsError::expected(key, expected, v));
            }
        }
        let present = |k: &str| member(map, k).filter(|v| !v.is_null());
        let initiate_url = endpoint(
            present("initiateUrl"),
            "initiateUrl",
            DEFAULT_INITIATE_URL,
            parser,
        )?;
        if endpoint_is_endgrate(&initiate_url, parser) {
            let msg = "initiateUrl must be your backend's route (it adds the secret key), not Endgrate's API at endgrate.com";
            return Err(OptionsError::config("initiateUrl", msg.into()));
        }
        let api_base = endpoint(present("apiBase"), "apiBase", DEFAULT_API_BASE, parser)?;
        let mut allowed_redirect_origins = origins(
            present("allowedRedirectOrigins"),
            "allowedRedirectOrigins",
            parser,
        )?;
        if allowed_redirect_origins.is_empty() {
            allowed_redirect_origins = OriginAllowList::same_origin(page_origin, parser);
        }
        let allowed_image_origins = origins(
            present("allowedImageOrigins"),
            "allowedImageOrigins",
            parser,
        )?;
        let after = match present("after") {
            None => After::default(),
            Some(v) => match v.as_str() {
                Some("redirect") => After::Redirect,
                Some("endgrate") => After::Endgrate,
                Some("none") => After::None,
                _ => {
                    return Err(OptionsError::expected(
                        "after",
                        "one of \"redirect\", \"endgrate\", \"none\"",
                        v,
                    ))
                }
            },
        };
        let locale = match opt_text(map, "locale", "", 35)? {
            None => None,
            Some(s) => Some(Locale::parse(s).ok_or_else(|| {
                OptionsError::expected(
                    "locale",
                    "a language tag such as \"en\" or \"pt-BR\"",
                    &Json::String(s.into()),
                )
            })?),
        };
        let theme = match present("theme") {
            None => Theme::default(),
            Some(v) => theme::parse_theme(v)?,
        };
        let endgrate_origin = match present("endgrateOrigin") {
            None => DEFAULT_ENDGRATE_ORIGIN.to_owned(),
            Some(v) => bare_origin(v, parser).ok_or_else(|| {
                OptionsError::expected(
                    "endgrateOrigin",
                    "an https origin such as \"https://endgrate.com\"",
                    v,
                )
            })?,
        };
        let session = match present("session") {
            None => SessionOptions::default(),
            Some(v) => session::parse_session(v, &allowed_redirect_origins, parser)?,
        };
        let session_identity = present("session").unwrap_or(&Json::Null).to_string();
        Ok(WidgetOptions {
            initiate_url,
            api_base,
            allowed_redirect_origins,
            allowed_image_origins,
            after,
            locale,
            theme,
            endgrate_origin,
            session,
            session_identity,
        })
    }

    /// [`WidgetOptions::parse`] for options given as JSON text, parsed at most
    /// [`MAX_OPTIONS_DEPTH`] levels deep.
    ///
    /// # Errors
    /// As `parse`; text that is not such JSON is `config_invalid` at path `options`.
    pub fn parse_text(
        text: &str,
        page_origin: &str,
        parser: &dyn UrlParser,
    ) -> Result<WidgetOptions, OptionsError> {
        let value = crate::json::parse_with_depth(text.as_bytes(), MAX_OPTIONS_DEPTH)
            .map_err(|e| OptionsError::config("options", format!("options must be JSON: {e}")))?;
        WidgetOptions::parse(&value, page_origin, parser)
    }
}

fn endpoint(
    value: Option<&Json>,
    path: &str,
    default: &str,
    parser: &dyn UrlParser,
) -> Result<Endpoint, OptionsError> {
    let Some(value) = value else {
        return Ok(Endpoint(default.to_owned()));
    };
    let expected = "a path such as \"/api/endgrate\" or an https URL";
    let Some(raw) = value.as_str() else {
        return Err(OptionsError::expected(path, expected, value));
    };
    if raw.starts_with('/') && !raw.starts_with("//") && check_raw(raw).is_ok() {
        return Ok(Endpoint(raw.to_owned()));
    }
    match parse_web_url(raw, parser) {
        Ok(url) => Ok(Endpoint(url.href)),
        Err(why) => Err(OptionsError::config(
            path,
            format!(
                "{path} must be {expected}, got {}: {why}",
                error::describe(value)
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
    value: Option<&Json>,
    path: &str,
    parser: &dyn UrlParser,
) -> Result<OriginAllowList, OptionsError> {
    let Some(value) = value else {
        return Ok(OriginAllowList::default());
    };
    let entries = value.as_array().and_then(|items| {
        let mut out = Vec::new();
        for item in items {
            out.push(item.as_str()?);
        }
        Some(out)
    });
    let Some(entries) = entries.filter(|e| e.len() <= 50) else {
        return Err(OptionsError::expected(
            path,
            "an array of at most 50 origin strings",
            value,
        ));
    };
    OriginAllowList::parse(&entries, parser).map_err(|(i, form)| {
        let item = format!("{path}[{i}]");
        OptionsError::expected(&item, form, &Json::String(entries[i].to_owned()))
    })
}

fn bare_origin(value: &Json, parser: &dyn UrlParser) -> Option<String> {
    let url = parse_web_url(value.as_str()?, parser).ok()?;
    (url.href.trim_end_matches('/') == url.origin).then_some(url.origin)
}

#[cfg(all(test, feature = "native-url"))]
mod tests;
