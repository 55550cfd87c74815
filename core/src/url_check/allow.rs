//! Origin allow-lists: exact origins and `https://*.example.com` subdomain rules.
//!
//! Entries are parsed by the same [`UrlParser`] as the URLs they admit, so both sides are
//! canonical (lowercase, punycoded, default port dropped). Matching never uses string prefixes.

use super::{check_raw, is_loopback_host, UrlParser};

/// One allow-list entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginRule {
    /// A whole serialised origin, e.g. `https://app.example.com`.
    Exact(String),
    /// Any https subdomain of this punycoded host, on label boundaries (`*.example.com` admits
    /// `a.example.com`, not `example.com` nor `evilexample.com`).
    Subdomains(String),
}

/// The origins a URL may have.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OriginAllowList {
    rules: Vec<OriginRule>,
}

impl OriginAllowList {
    /// Builds a list from entries such as `https://app.example.com` or `https://*.example.com`.
    ///
    /// # Errors
    /// Returns the index of the first entry that is not an origin, and the expected form.
    pub fn parse<S: AsRef<str>>(
        entries: &[S],
        parser: &dyn UrlParser,
    ) -> Result<Self, (usize, &'static str)> {
        const FORM: &str =
            "an origin such as \"https://app.example.com\" or \"https://*.example.com\"";
        let mut rules = Vec::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            rules.push(parse_rule(entry.as_ref(), parser).ok_or((i, FORM))?);
        }
        Ok(Self { rules })
    }

    /// A list holding only the page's own origin (the default for redirects).
    pub fn same_origin(page_origin: &str, parser: &dyn UrlParser) -> Self {
        let rules = parse_rule(page_origin, parser).into_iter().collect();
        Self { rules }
    }

    /// The rules, for display and tests.
    pub fn rules(&self) -> &[OriginRule] {
        &self.rules
    }

    /// Whether the list is empty (admits nothing).
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Whether the URL's origin is on the list.
    pub fn allows(&self, url: &super::ParsedUrl) -> bool {
        if url.origin == "null" || url.hostname.is_empty() {
            return false;
        }
        self.rules.iter().any(|rule| match rule {
            OriginRule::Exact(origin) => *origin == url.origin,
            OriginRule::Subdomains(suffix) => {
                url.protocol == "https:"
                    && url.port.is_empty()
                    && url.hostname.len() > suffix.len() + 1
                    && url.hostname.ends_with(suffix.as_str())
                    && url.hostname.as_bytes()[url.hostname.len() - suffix.len() - 1] == b'.'
            }
        })
    }
}

fn parse_rule(entry: &str, parser: &dyn UrlParser) -> Option<OriginRule> {
    check_raw(entry).ok()?;
    if let Some(rest) = entry.strip_prefix("https://*.") {
        // Canonicalise the suffix through the parser so `*.Exämple.com` matches punycoded hosts.
        let parsed = parser.parse(&format!("https://{rest}"))?;
        let bare = parsed.href.trim_end_matches('/') == parsed.origin;
        if !bare
            || !parsed.port.is_empty()
            || !parsed.username.is_empty()
            || !parsed.password.is_empty()
        {
            return None;
        }
        return Some(OriginRule::Subdomains(parsed.hostname));
    }
    let parsed = parser.parse(entry)?;
    let scheme_ok = parsed.protocol == "https:"
        || (parsed.protocol == "http:" && is_loopback_host(&parsed.hostname));
    // An origin entry has no path, query, fragment or credentials: anything more is a mistake
    // the host should hear about rather than have silently trimmed.
    let bare = parsed.href.trim_end_matches('/') == parsed.origin;
    (scheme_ok && bare && parsed.origin != "null").then_some(OriginRule::Exact(parsed.origin))
}
