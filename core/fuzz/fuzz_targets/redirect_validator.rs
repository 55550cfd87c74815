//! Fuzzes the R11 redirect rule: no panic; an accepted URL is clean and on the allow-list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use widget_core::url_check::{check_redirect, NativeUrlParser, OriginAllowList};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let list = OriginAllowList::parse(
        &["https://allowed.example", "https://*.allowed.example"],
        &NativeUrlParser,
    )
    .expect("fixed list is valid");
    let Ok(url) = check_redirect(input, &list, &NativeUrlParser) else {
        return;
    };
    assert!(!input
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\'));
    let parsed = url::Url::parse(url.as_str()).expect("accepted URL parses");
    let host = parsed.host_str().unwrap_or_default();
    assert_eq!(parsed.scheme(), "https");
    assert!(parsed.username().is_empty() && parsed.password().is_none());
    assert!(parsed.port().is_none());
    assert!(
        host == "allowed.example" || host.ends_with(".allowed.example"),
        "{host}"
    );
});
