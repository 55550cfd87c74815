//! The `redirect_url` allow-list (security.md R11), delegating the rule to `widget_core::url_check`
//! (the same code and the same case table the widget uses, here with the native `url` parser), so
//! the server and the widget cannot disagree about which redirects are safe.
//!
//! This module adapts types and messages; it must not re-implement the rule or build responses.

use url::Url;
use widget_core::url_check::{check_redirect, NativeUrlParser, OriginAllowList};

/// The configured origins a redirect may go to.
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    list: OriginAllowList,
}

impl AllowList {
    /// Builds the list from entries like `https://app.example.com` or `https://*.example.com`.
    ///
    /// # Errors
    /// The first entry that is not an origin, and the expected form.
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<AllowList, String> {
        let list = OriginAllowList::parse(entries, &NativeUrlParser)
            .map_err(|(i, form)| format!("`{}` is not {form}", entries[i].as_ref()))?;
        Ok(AllowList { list })
    }

    /// Checks `raw`; `Ok` carries the parsed URL navigation goes to.
    ///
    /// # Errors
    /// Why the URL is refused, in a phrase fit for the `errors` object.
    pub fn check(&self, raw: &str) -> Result<Url, String> {
        let accepted = check_redirect(raw, &self.list, &NativeUrlParser)
            .map_err(|rejection| format!("refused because {rejection}"))?;
        Url::parse(accepted.as_str())
            .map_err(|_| "refused because it is not an absolute URL".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use widget_core::url_check::cases::CASE_ALLOWED_ORIGINS;
    use widget_core::url_check::REDIRECT_CASES;

    #[test]
    fn shared_r11_table_gives_the_same_verdicts_on_the_server() {
        let list = AllowList::parse(CASE_ALLOWED_ORIGINS).unwrap();
        for case in REDIRECT_CASES {
            let verdict = list.check(case.input);
            assert_eq!(verdict.is_ok(), case.accept, "{:?}", case.input);
            if let Ok(url) = verdict {
                assert_eq!(url.as_str(), case.href, "{:?}", case.input);
            }
        }
    }

    #[test]
    fn loopback_http_is_accepted_only_when_listed() {
        let list = AllowList::parse(&["http://127.0.0.1:8787"]).unwrap();
        assert!(list.check("http://127.0.0.1:8787/done").is_ok());
        assert!(list.check("http://localhost:8787/done").is_err());
        assert!(list.check("http://127.0.0.1:9999/done").is_err());
    }

    #[test]
    fn entries_with_paths_are_refused() {
        assert!(AllowList::parse(&["https://a.example/path"]).is_err());
    }
}
