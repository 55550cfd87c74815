//! The `redirect_url` allow-list (security.md R11): parse with a WHATWG URL parser, require https
//! (http only for loopback hosts), no credentials, and an origin equal to a configured one.
//!
//! Origins are compared as parsed origins, never as prefixes or substrings. This module decides;
//! it must not build responses.

use url::Url;

/// The configured origins a redirect may go to.
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    exact: Vec<String>,
    /// `(scheme, suffix)` for `scheme://*.suffix` entries.
    wildcards: Vec<(String, String)>,
}

impl AllowList {
    /// Builds the list from entries like `https://app.example.com` or `https://*.example.com`.
    ///
    /// # Errors
    /// The first entry that is not a bare origin.
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<AllowList, String> {
        let mut list = AllowList::default();
        for entry in entries {
            let entry = entry.as_ref().trim();
            if entry.is_empty() {
                continue;
            }
            if let Some((scheme, rest)) = entry.split_once("://*.") {
                let probe = Url::parse(&format!("{scheme}://x.{rest}"))
                    .map_err(|_| format!("`{entry}` is not an origin"))?;
                let host = probe.host_str().unwrap_or_default();
                let suffix = host.strip_prefix("x.").unwrap_or(host).to_string();
                list.wildcards.push((probe.scheme().to_string(), suffix));
                continue;
            }
            let url = Url::parse(entry).map_err(|_| format!("`{entry}` is not an origin"))?;
            let origin = url.origin().ascii_serialization();
            if origin == "null" || url.path() != "/" && !url.path().is_empty() {
                return Err(format!("`{entry}` is not an origin (scheme://host[:port])"));
            }
            list.exact.push(origin);
        }
        Ok(list)
    }

    /// The exact origins, for the hosted page's `form-action`.
    pub fn origins(&self) -> &[String] {
        &self.exact
    }

    /// Checks `raw`; `Ok` carries the parsed URL.
    ///
    /// # Errors
    /// Why the URL is refused, in a sentence fit for the `errors` object.
    pub fn check(&self, raw: &str) -> Result<Url, String> {
        if raw.is_empty() {
            return Err("must not be empty".into());
        }
        if raw.len() > 2048 {
            return Err("is longer than 2048 characters".into());
        }
        if raw
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        {
            return Err("contains whitespace, a control character or a backslash".into());
        }
        let url = Url::parse(raw).map_err(|_| "is not an absolute URL".to_string())?;
        let loopback = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            _ => return Err("must be an https URL".into()),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("must not contain credentials".into());
        }
        let origin = url.origin().ascii_serialization();
        if self.exact.contains(&origin) || self.wildcard_match(&url) {
            Ok(url)
        } else {
            Err(format!("origin {origin} is not on the allow-list"))
        }
    }

    fn wildcard_match(&self, url: &Url) -> bool {
        let Some(host) = url.host_str() else {
            return false;
        };
        // Default ports only: a wildcard entry names no port.
        url.port().is_none()
            && self.wildcards.iter().any(|(scheme, suffix)| {
                url.scheme() == scheme
                    && host.len() > suffix.len() + 1
                    && host.ends_with(suffix.as_str())
                    && host.as_bytes()[host.len() - suffix.len() - 1] == b'.'
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> AllowList {
        AllowList::parse(&[
            "https://allowed.example",
            "https://*.wild.example",
            "http://127.0.0.1:8787",
        ])
        .unwrap()
    }

    #[test]
    fn security_r11_bad_inputs_are_all_rejected() {
        let long = format!("https://allowed.example/{}", "a".repeat(2 * 1024 * 1024));
        let bad = [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java%0d%0ascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://allowed.example/uuid",
            "x:<svg onload=alert(1)>",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/%09/evil.example",
            "/\t/evil.example",
            "https:evil.example",
            "https:\\\\evil.example",
            "https://allowed.example@evil.example",
            "https://allowed.example.evil.example",
            "https://evil.example/?https://allowed.example",
            "https://evil-allowed.example",
            "https://\u{430}llowed.example",
            "http://allowed.example",
            "https://allowed.example:8443",
            "",
            long.as_str(),
            "https://wild.example/",
            "https://user:pw@allowed.example/",
            "http://localhost:8787/",
        ];
        for input in bad {
            assert!(list().check(input).is_err(), "accepted {input:?}");
        }
    }

    #[test]
    fn security_r11_good_inputs_are_accepted() {
        for input in [
            "https://allowed.example/done",
            "https://allowed.example/done?x=1#y",
            "https://app.wild.example/cb",
            "http://127.0.0.1:8787/done",
        ] {
            assert!(list().check(input).is_ok(), "refused {input:?}");
        }
    }

    #[test]
    fn entries_with_paths_are_refused() {
        assert!(AllowList::parse(&["https://a.example/path"]).is_err());
    }
}
