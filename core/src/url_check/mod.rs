//! URL checks: the `redirect_url` rule (security.md R10–R11), image URLs (R7), endpoint URLs, and
//! building the post-success navigation URL (R13).
//!
//! Parsing is delegated to a [`UrlParser`] so the browser build uses the browser's own WHATWG parser
//! (`web_sys::Url`) and native tests use the `url` crate: the decision rules here must never parse
//! URLs by hand. Origins are compared as whole serialised origins, never by prefix or substring.

mod allow;
mod build;
pub mod cases;
#[cfg(feature = "native-url")]
mod native;

pub use allow::{OriginAllowList, OriginRule};
pub use build::{remove_query_params, set_query_param, RETURN_PARAMS};
pub use cases::{RedirectCase, REDIRECT_CASES};
#[cfg(feature = "native-url")]
pub use native::NativeUrlParser;

use std::fmt;

/// The longest URL accepted anywhere in the options; real redirect targets are far shorter and a
/// cap keeps a hostile 2 MiB string from reaching the parser.
pub const MAX_URL_LEN: usize = 2048;

/// The parts of a parsed absolute URL, named as the browser's `URL` object names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The serialised URL, e.g. `https://a.example/x?y#z`.
    pub href: String,
    /// The scheme with its colon, lowercase, e.g. `https:`.
    pub protocol: String,
    /// The username, percent-encoded; empty when absent.
    pub username: String,
    /// The password, percent-encoded; empty when absent.
    pub password: String,
    /// The host without port, punycoded; IPv6 in brackets; empty for opaque URLs.
    pub hostname: String,
    /// The port, empty when it is the scheme's default.
    pub port: String,
    /// The serialised origin, e.g. `https://a.example:8443`, or `null` for opaque origins.
    pub origin: String,
}

/// A WHATWG URL parser: the browser's in the widget, the `url` crate natively.
pub trait UrlParser {
    /// Parses an absolute URL; `None` when the parser throws.
    fn parse(&self, input: &str) -> Option<ParsedUrl>;
}

/// Why a URL was refused, for messages that state the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlRejection {
    /// Empty input.
    Empty,
    /// Longer than [`MAX_URL_LEN`].
    TooLong,
    /// Contains a control character, whitespace or a backslash (parsers repair these differently).
    ForbiddenCharacter,
    /// Not an absolute URL.
    Unparseable,
    /// Not `https:` (nor `http:` on a listed loopback origin).
    Scheme,
    /// Carries a username or password.
    Credentials,
    /// The origin is not on the allow-list.
    OriginNotAllowed,
}

impl fmt::Display for UrlRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "it is empty",
            Self::TooLong => "it is too long",
            Self::ForbiddenCharacter => {
                "it contains whitespace, a control character or a backslash"
            }
            Self::Unparseable => "it is not an absolute URL",
            Self::Scheme => "its scheme is not https",
            Self::Credentials => "it contains a username or password",
            Self::OriginNotAllowed => "its origin is not allowed",
        })
    }
}

/// A `redirect_url` that passed R11; holds the parser's serialisation, which is where navigation goes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct RedirectUrl(String);

impl RedirectUrl {
    /// The serialised URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Refuses raw strings that parsers would silently repair (TAB/CR/LF stripped, `\` read as `/`),
/// before any parsing, so what is checked is what the author wrote.
///
/// # Errors
/// Returns the broken rule.
pub fn check_raw(raw: &str) -> Result<(), UrlRejection> {
    if raw.is_empty() {
        return Err(UrlRejection::Empty);
    }
    if raw.len() > MAX_URL_LEN {
        return Err(UrlRejection::TooLong);
    }
    if raw
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return Err(UrlRejection::ForbiddenCharacter);
    }
    Ok(())
}

/// Whether an `http:` URL is acceptable: only loopback hosts, for local development.
pub fn is_loopback_host(hostname: &str) -> bool {
    matches!(hostname, "localhost" | "127.0.0.1" | "[::1]")
}

/// Parses and checks scheme and credentials: `https:`, or `http:` on a loopback host.
///
/// # Errors
/// Returns the broken rule.
pub fn parse_web_url(raw: &str, parser: &dyn UrlParser) -> Result<ParsedUrl, UrlRejection> {
    check_raw(raw)?;
    let parsed = parser.parse(raw).ok_or(UrlRejection::Unparseable)?;
    let scheme_ok = parsed.protocol == "https:"
        || (parsed.protocol == "http:" && is_loopback_host(&parsed.hostname));
    if !scheme_ok {
        return Err(UrlRejection::Scheme);
    }
    if !parsed.username.is_empty() || !parsed.password.is_empty() {
        return Err(UrlRejection::Credentials);
    }
    Ok(parsed)
}

/// The R11 rule: clean raw string, absolute https URL without credentials, origin on the list.
///
/// # Errors
/// Returns the broken rule.
pub fn check_redirect(
    raw: &str,
    allowed: &OriginAllowList,
    parser: &dyn UrlParser,
) -> Result<RedirectUrl, UrlRejection> {
    let parsed = parse_web_url(raw, parser)?;
    if !allowed.allows(&parsed) {
        return Err(UrlRejection::OriginNotAllowed);
    }
    Ok(RedirectUrl(parsed.href))
}

/// The R7 rule for logos: a same-origin path (`/logos/x.svg`), or an https URL whose origin is on
/// the image allow-list. Returns the URL to put in `<img src>`, or `None` for the placeholder.
pub fn check_image_url(
    raw: &str,
    allowed: &OriginAllowList,
    parser: &dyn UrlParser,
) -> Option<String> {
    check_raw(raw).ok()?;
    if raw.starts_with('/') && !raw.starts_with("//") {
        return Some(raw.to_owned());
    }
    let parsed = parse_web_url(raw, parser).ok()?;
    (parsed.protocol == "https:" && allowed.allows(&parsed)).then_some(parsed.href)
}

#[cfg(all(test, feature = "native-url"))]
mod tests;
