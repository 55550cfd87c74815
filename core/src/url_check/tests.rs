//! Tests of the URL checks against the native parser: the shared R11 table, allow-list rules,
//! image URLs and navigation-URL building.

use super::cases::{long_redirect_case, CASE_ALLOWED_ORIGINS};
use super::*;

fn list() -> OriginAllowList {
    OriginAllowList::parse(CASE_ALLOWED_ORIGINS, &NativeUrlParser).unwrap()
}

#[test]
fn every_r11_case_gets_its_required_verdict_from_the_native_parser() {
    let list = list();
    for case in REDIRECT_CASES {
        let got = check_redirect(case.input, &list, &NativeUrlParser);
        match (case.accept, got) {
            (true, Ok(url)) => assert_eq!(url.as_str(), case.href, "{:?}", case.input),
            (false, Err(_)) => {}
            (want, got) => panic!("{:?}: want accept={want}, got {got:?}", case.input),
        }
    }
}

#[test]
fn two_mebibyte_redirect_is_refused_as_too_long() {
    let got = check_redirect(&long_redirect_case(), &list(), &NativeUrlParser);
    assert_eq!(got, Err(UrlRejection::TooLong));
}

#[test]
fn subdomain_rule_matches_on_label_boundary_only() {
    let list = OriginAllowList::parse(&["https://*.example.com"], &NativeUrlParser).unwrap();
    let ok = |s: &str| check_redirect(s, &list, &NativeUrlParser).is_ok();
    assert!(ok("https://a.example.com/"));
    assert!(ok("https://a.b.example.com/"));
    assert!(!ok("https://example.com/"));
    assert!(!ok("https://evilexample.com/"));
    assert!(!ok("https://a.example.com:8443/"));
}

#[test]
fn allow_list_entry_with_a_path_or_bad_scheme_is_refused() {
    for entry in [
        "https://a.example/path",
        "ftp://a.example",
        "http://a.example",
        "a.example",
        "https://*.x.example/p",
    ] {
        assert!(
            OriginAllowList::parse(&[entry], &NativeUrlParser).is_err(),
            "{entry}"
        );
    }
    assert!(OriginAllowList::parse(
        &["http://localhost:8080", "https://a.example/"],
        &NativeUrlParser
    )
    .is_ok());
}

#[test]
fn http_is_accepted_only_for_a_listed_loopback_origin() {
    let list = OriginAllowList::same_origin("http://127.0.0.1:3000", &NativeUrlParser);
    assert!(check_redirect("http://127.0.0.1:3000/done", &list, &NativeUrlParser).is_ok());
    assert!(check_redirect("http://127.0.0.1:3001/done", &list, &NativeUrlParser).is_err());
}

#[test]
fn image_url_needs_https_on_the_image_list_or_a_same_origin_path() {
    let list = OriginAllowList::parse(&["https://cdn.allowed.example"], &NativeUrlParser).unwrap();
    let img = |s: &str| check_image_url(s, &list, &NativeUrlParser);
    assert_eq!(
        img("/logos/hubspot.svg").as_deref(),
        Some("/logos/hubspot.svg")
    );
    assert!(img("https://cdn.allowed.example/a.png").is_some());
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "http://cdn.allowed.example/a.png",
        "//evil.example/t.gif",
        "https://evil.example/track.gif",
        "https://cdn.allowed.example@evil.example/x.png",
    ] {
        assert_eq!(img(bad), None, "{bad}");
    }
}

#[test]
fn set_query_param_replaces_earlier_value_and_keeps_fragment() {
    let out = set_query_param(
        "https://a.example/done?session_id=old&x=1#frag",
        "session_id",
        "abc_DEF-123",
    );
    assert_eq!(
        out,
        "https://a.example/done?x=1&session_id=abc_DEF-123#frag"
    );
}

#[test]
fn set_query_param_encodes_a_hostile_value_as_one_parameter() {
    let out = set_query_param(
        "https://a.example/",
        "p",
        "a&redirect_url=https://evil.example#",
    );
    let parsed = url::Url::parse(&out).unwrap();
    let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
    assert_eq!(
        pairs,
        vec![("p".into(), "a&redirect_url=https://evil.example#".into())]
    );
    assert_eq!(parsed.fragment(), None);
}

#[test]
fn return_params_are_removed_keeping_the_rest_of_the_address() {
    use super::{remove_query_params, RETURN_PARAMS};
    let strip = |href| remove_query_params(href, &RETURN_PARAMS);
    assert_eq!(
        strip("https://app.example/setup?keep=1&session_id=SENTINEL&state=s%20t&x=2#frag")
            .as_deref(),
        Some("https://app.example/setup?keep=1&x=2#frag")
    );
    assert_eq!(
        strip("https://app.example/setup?session_id=a&state=b").as_deref(),
        Some("https://app.example/setup")
    );
    assert_eq!(
        strip("https://app.example/setup?%73ession_id=a").as_deref(),
        Some("https://app.example/setup"),
        "an encoded name is the same name"
    );
    assert_eq!(
        strip("https://app.example/setup?keep=1#session_id=a"),
        None,
        "the fragment is not the query"
    );
    assert_eq!(strip("https://app.example/setup"), None);
}
