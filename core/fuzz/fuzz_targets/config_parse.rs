//! Fuzzes the options parser: no panic; accepted options satisfy R1, R8 and R11.
#![no_main]

use libfuzzer_sys::fuzz_target;
use widget_core::options::{Color, WidgetOptions};
use widget_core::url_check::{NativeUrlParser, UrlParser};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(o) = WidgetOptions::parse(&value, "https://app.example.com", &NativeUrlParser) else {
        return;
    };
    if let Some(r) = &o.session.redirect_url {
        let parsed = NativeUrlParser
            .parse(r.as_str())
            .expect("accepted redirect parses");
        assert!(
            o.allowed_redirect_origins.allows(&parsed),
            "redirect outside the allow-list"
        );
    }
    for (_, c) in &o.theme.colors {
        assert_eq!(
            Color::parse(c.as_str()).as_ref(),
            Some(c),
            "colour outside the grammar"
        );
    }
    if let Some(u) = NativeUrlParser.parse(o.initiate_url.as_str()) {
        let host = u.hostname.trim_end_matches('.');
        assert!(
            host != "endgrate.com" && !host.ends_with(".endgrate.com"),
            "initiateUrl at Endgrate"
        );
    }
});
