//! Tests of option parsing: defaults, the design example, and an error naming the path for
//! every kind of bad input (R1, R8, R10, R11).

use super::*;
use crate::codes::ErrorCode;
use crate::url_check::NativeUrlParser;
use serde_json::json;

const PAGE: &str = "https://app.example.com";

fn parse(v: serde_json::Value) -> Result<WidgetOptions, OptionsError> {
    WidgetOptions::parse(&v, PAGE, &NativeUrlParser)
}

fn err(v: serde_json::Value) -> OptionsError {
    parse(v).expect_err("options should be refused")
}

#[test]
fn empty_options_take_documented_defaults() {
    let o = parse(json!({})).unwrap();
    assert_eq!(o.api_base.as_str(), "/api/endgrate");
    assert_eq!(o.initiate_url.as_str(), "/api/endgrate/session/initiate");
    assert_eq!(o.after, After::Redirect);
    assert_eq!(o.credentials, Credentials::Omit);
    assert_eq!(o.locale, None);
    assert_eq!(o.endgrate_origin, "https://endgrate.com");
    assert_eq!(
        o.session.upsert_default(),
        crate::wire::UpsertSetting::Overwrite
    );
    assert!(!o.session.field_selection());
}

#[test]
fn same_origin_credentials_are_an_opt_in() {
    let o = parse(json!({"credentials": "same-origin"})).unwrap();
    assert_eq!(o.credentials, Credentials::SameOrigin);
    let e = err(json!({"credentials": "include"}));
    assert!(e.to_string().contains("same-origin"), "{e}");
}

#[test]
fn design_example_is_accepted() {
    let o = parse(json!({
        "initiateUrl": "/api/endgrate/session/initiate", "apiBase": "/api/endgrate",
        "allowedRedirectOrigins": ["https://app.example.com"], "after": "redirect",
        "locale": "en", "theme": {"colorPrimary": "#4f46e5", "mode": "auto"},
        "session": {
            "label": "Acme Corp", "category": "CRM", "schema": [{"endgrate_type": "crm-contact"}],
            "provider": null, "provider_list_id": null,
            "schema_selection": true, "resource_selection": true, "field_selection": true,
            "default_upsert_setting": "OVERWRITE", "passthrough_fields": true, "passthrough_schemas": false,
            "sync": false, "save_session": true, "statistics": false, "webhook_concurrency": false,
            "configuration_webhook": {"endpoint": "https://app.example.com/hooks/endgrate", "metadata": {"user": 7}},
            "redirect_url": "https://app.example.com/integrations/done"
        }
    }))
    .unwrap();
    assert_eq!(
        o.session.category.as_ref().map(Category::as_str),
        Some("CRM")
    );
    assert_eq!(
        o.session.redirect_url.as_ref().unwrap().as_str(),
        "https://app.example.com/integrations/done"
    );
    assert_eq!(o.theme.colors[0].0, "--esw-color-primary");
}

#[test]
fn bad_upsert_names_path_and_allowed_values() {
    let e = err(json!({"session": {"default_upsert_setting": "MERGE"}}));
    assert_eq!(e.code(), ErrorCode::ConfigInvalid);
    assert_eq!(e.path(), "session.default_upsert_setting");
    assert_eq!(
        e.to_string(),
        "session.default_upsert_setting is invalid: unknown variant `MERGE`, expected one of `OVERWRITE`, `DO_NOT_UPDATE`, `SET_IF_NOT_SET`"
    );
}

#[test]
fn unknown_key_is_refused_with_did_you_mean() {
    let e = err(json!({"initateUrl": "/x"}));
    assert_eq!(e.path(), "initateUrl");
    assert!(e.to_string().contains("did you mean `initiateUrl`"), "{e}");
    let e = err(json!({"session": {"redirectUrl": "https://app.example.com/"}}));
    assert_eq!(e.path(), "session.redirectUrl");
    assert!(e.to_string().contains("`redirect_url`"), "{e}");
}

#[test]
fn api_key_options_are_refused_as_config_invalid_without_echoing_the_secret() {
    for (v, path) in [
        (json!({"apiKey": "eg_live_SENTINEL"}), "apiKey"),
        (json!({"api_key": "eg_live_SENTINEL"}), "api_key"),
        (json!({"authorization": "Bearer SENTINEL"}), "authorization"),
        (
            json!({"session": {"label": "Bearer SENTINEL"}}),
            "session.label",
        ),
        (
            json!({"session": {"configuration_webhook": {"endpoint": "https://a.example/", "metadata": {"apiKey": "SENTINEL"}}}}),
            "session.configuration_webhook.metadata.apiKey",
        ),
    ] {
        let e = err(v);
        assert_eq!(e.code(), ErrorCode::ConfigInvalid);
        assert_eq!(e.path(), path);
        assert!(!e.to_string().contains("SENTINEL"), "{e}");
    }
}

#[test]
fn initiate_url_at_endgrate_api_is_refused() {
    for url in [
        "https://endgrate.com/api/session/initiate",
        "https://api.endgrate.com/x",
        "https://ENDGRATE.COM./api",
    ] {
        let e = err(json!({"initiateUrl": url}));
        assert_eq!(
            (e.code(), e.path()),
            (ErrorCode::ConfigInvalid, "initiateUrl"),
            "{url}"
        );
    }
    assert!(parse(json!({"initiateUrl": "https://backend.example.com/initiate"})).is_ok());
    // Found by the config_parse fuzz target: a host merely ending in the same letters is not Endgrate.
    assert!(parse(json!({"initiateUrl": "https://afterendgrate.com/in"})).is_ok());
}

#[test]
fn redirect_defaults_to_page_origin_when_allow_list_is_empty() {
    assert!(parse(json!({"session": {"redirect_url": "https://app.example.com/done"}})).is_ok());
    let e = err(json!({"session": {"redirect_url": "https://evil.example/done"}}));
    assert_eq!(
        (e.code(), e.path()),
        (ErrorCode::RedirectNotAllowed, "session.redirect_url")
    );
}

#[test]
fn every_r11_case_gets_its_verdict_through_the_options_parser() {
    for case in crate::url_check::REDIRECT_CASES {
        let got = WidgetOptions::parse(
            &json!({"allowedRedirectOrigins": crate::url_check::cases::CASE_ALLOWED_ORIGINS,
                    "session": {"redirect_url": case.input}}),
            crate::url_check::cases::CASE_PAGE_ORIGIN,
            &NativeUrlParser,
        );
        match got {
            Ok(o) => assert!(
                case.accept && o.session.redirect_url.unwrap().as_str() == case.href,
                "{:?}",
                case.input
            ),
            Err(e) => {
                assert!(!case.accept, "{:?} refused: {e}", case.input);
                assert_eq!(e.code(), ErrorCode::RedirectNotAllowed);
            }
        }
    }
}

#[test]
fn theme_colour_with_css_injection_is_refused() {
    for bad in [
        "red;background:url(https://evil.example/x)",
        "</style><script>",
        "#12",
        "#123456789",
        "rgb(1,2,3)",
    ] {
        let e = err(json!({"theme": {"colorPrimary": bad}}));
        assert_eq!(e.path(), "theme.colorPrimary", "{bad}");
    }
    for good in ["#fff", "#4f46e5", "#4f46e5cc", "navy"] {
        assert!(
            parse(json!({"theme": {"colorPrimary": good}})).is_ok(),
            "{good}"
        );
    }
}

#[test]
fn callbacks_are_not_options_here() {
    // The JS layer takes the functions out; a value left under a callback's name is unknown.
    let e = err(json!({"onSuccess": "alert(1)"}));
    assert_eq!(e.path(), "onSuccess");
    assert!(e.to_string().contains("not a known option"), "{e}");
}

#[test]
fn wrong_types_name_the_option() {
    for (v, path) in [
        (
            json!({"session": {"field_selection": "yes"}}),
            "session.field_selection",
        ),
        (json!({"after": "popup"}), "after"),
        (json!({"credentials": "include"}), "credentials"),
        (json!({"locale": "english language"}), "locale"),
        (json!({"session": {"category": "crm"}}), "session.category"),
        (json!({"session": {"provider": "<b>"}}), "session.provider"),
        (
            json!({"session": {"schema": [{"title": "x", "extra": 1}]}}),
            "session.schema[0].extra",
        ),
        (json!({"session": {"schema": [{}]}}), "session.schema[0]"),
        (
            json!({"session": {"schema": [{"endgrate_type": "crm-contact"}, {"endgrate_type": "crm-contact"}]}}),
            "session.schema[1]",
        ),
        (
            json!({"session": {"schema": [{"endgrate_type": "unspecified"}]}}),
            "session.schema[0]",
        ),
        (
            json!({"session": {"schema": [{"title": "T", "properties": {"a": {"type": "date"}}}]}}),
            "session.schema[0].properties.a",
        ),
        (
            json!({"session": {"configuration_webhook": {"endpoint": "http://evil.example/"}}}),
            "session.configuration_webhook.endpoint",
        ),
        (
            json!({"allowedRedirectOrigins": ["https://a.example/path"]}),
            "allowedRedirectOrigins[0]",
        ),
        (
            json!({"allowedImageOrigins": ["https://a.example", 7]}),
            "allowedImageOrigins[1]",
        ),
        (
            json!({"session": {"schema": [{"endgrate_type": 7}]}}),
            "session.schema[0].endgrate_type",
        ),
        (
            json!({"allowedRedirectOrigins": "https://a.example"}),
            "allowedRedirectOrigins",
        ),
        (
            json!({"endgrateOrigin": "https://endgrate.test/path"}),
            "endgrateOrigin",
        ),
        (json!([]), "options"),
    ] {
        let e = err(v);
        assert_eq!(
            (e.code(), e.path()),
            (ErrorCode::ConfigInvalid, path),
            "{e}"
        );
    }
}

#[test]
fn session_identity_ignores_key_order_and_follows_every_session_change() {
    let a = parse(json!({ "session": { "label": "x", "provider": "hubspot" }, "locale": "de" }))
        .unwrap();
    let reordered =
        parse(json!({ "locale": "fr", "session": { "provider": "hubspot", "label": "x" } }))
            .unwrap();
    assert_eq!(
        a.session_identity, reordered.session_identity,
        "key order and non-session options do not count"
    );
    assert_eq!(a.session_identity, "{5:label1:x8:provider7:hubspot}");
    let changed = parse(json!({ "session": { "label": "y", "provider": "hubspot" } })).unwrap();
    assert_ne!(a.session_identity, changed.session_identity);
    assert_eq!(parse(json!({})).unwrap().session_identity, "n");
}

#[test]
fn a_repeated_schema_is_named_by_its_key() {
    let e = err(json!({"session": {"schema": [
        {"endgrate_type": "crm-contact"}, {"endgrate_type": "crm-contact"}
    ]}}));
    assert_eq!(
        e.to_string(),
        r#"session.schema[1] repeats the schema "crm-contact""#
    );
}
