//! The native [`UrlParser`]: the `url` crate, which implements the same WHATWG URL standard as
//! browsers. Only for native builds and tests; the widget uses the browser's parser instead.

use super::{ParsedUrl, UrlParser};

/// [`UrlParser`] backed by the `url` crate.
#[derive(Debug, Clone, Copy, Default)]
pub struct NativeUrlParser;

impl UrlParser for NativeUrlParser {
    fn parse(&self, input: &str) -> Option<ParsedUrl> {
        let url = url::Url::parse(input).ok()?;
        Some(ParsedUrl {
            href: url.as_str().to_owned(),
            protocol: format!("{}:", url.scheme()),
            username: url.username().to_owned(),
            password: url.password().unwrap_or_default().to_owned(),
            hostname: url.host_str().unwrap_or_default().to_owned(),
            port: url.port().map(|p| p.to_string()).unwrap_or_default(),
            origin: url.origin().ascii_serialization(),
        })
    }
}
