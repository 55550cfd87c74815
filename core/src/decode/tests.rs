//! Tests of the bounded decoders with the R12 and R21 payloads.

use super::*;

const R: SerdeJson = SerdeJson;

#[test]
fn nesting_ten_thousand_deep_is_refused_without_panic() {
    let body = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(decode_catalog(&body, &R), Err(DecodeError::TooDeep));
    assert_eq!(
        check_depth(br#"{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}"#, 2),
        Ok(())
    );
}

#[test]
fn catalog_over_one_mebibyte_is_refused() {
    let body = " ".repeat(MAX_CATALOG_BYTES + 1);
    assert_eq!(
        decode_catalog(&body, &R),
        Err(DecodeError::TooLarge {
            limit: MAX_CATALOG_BYTES
        })
    );
}

#[test]
fn catalog_with_too_many_providers_is_refused() {
    let one = r#"{"provider":{"name":"p","display_name":"P"}}"#;
    let body = format!(
        r#"{{"providers":[{}]}}"#,
        vec![one; MAX_PROVIDERS + 1].join(",")
    );
    assert!(matches!(
        decode_catalog(&body, &R),
        Err(DecodeError::TooMany { .. })
    ));
}

#[test]
fn catalog_with_wrong_types_or_markup_names_is_refused() {
    for body in [
        r#"{"providers":[{"provider":{"name":"p","display_name":42}}]}"#,
        r#"{"providers":[{"provider":{"name":"p","display_name":null}}]}"#,
        r#"{"providers":[{"provider":{"name":"<img src=x onerror=alert(1)>","display_name":"x"}}]}"#,
        r#"{"providers":[{"provider":{"name":"p","display_name":"x"}}"#,
        "<html>502 Bad Gateway</html>",
    ] {
        assert!(decode_catalog(body, &R).is_err(), "{body}");
    }
}

#[test]
fn catalog_tolerates_missing_optional_fields_and_keeps_first_duplicate() {
    let body = r#"{"providers":[{"provider":{"name":"p","display_name":"First"}},
                   {"provider":{"name":"p","display_name":"Second"}}]}"#;
    let catalog = decode_catalog(body, &R).unwrap();
    assert_eq!(catalog.providers.len(), 1);
    assert_eq!(catalog.providers[0].provider.display_name, "First");
}

#[test]
fn fields_with_empty_name_are_refused() {
    let body = r#"{"schema_fields":[{"name":"","type":"string"}],"provider_fields":[]}"#;
    assert!(decode_fields(body, &R).is_err());
    let ok = r#"{"schema_fields":[{"name":"email","type":"string","format":"email","required":true}],"provider_fields":[]}"#;
    assert_eq!(
        decode_fields(ok, &R).unwrap().schema_fields[0].name,
        "email"
    );
}

#[test]
fn initiate_response_accepts_endgrate_example() {
    let body = r#"{"success": true, "session_id": "6566e85e7cf20dca9cef0c0a"}"#;
    assert_eq!(
        decode_initiate_response(200, body, &R).unwrap().as_str(),
        "6566e85e7cf20dca9cef0c0a"
    );
}

#[test]
fn initiate_response_r12_payloads_are_response_invalid() {
    for body in [
        r#"{"success": true, "session_id": "../../x?y=1#z"}"#,
        r#"{"success": true, "session_id": "a&session_id=evil"}"#,
        r#"{"success": true, "session_id": 123}"#,
        r#"{"success": false}"#,
        r#"{}"#,
        r#"{"success": true, "session_url": "https://evil.example/phish"}"#,
        r#"{"success": false, "session_id": "6566e85e7cf20dca9cef0c0a"}"#,
    ] {
        let err = decode_initiate_response(200, body, &R).unwrap_err();
        assert_eq!(err.code, ErrorCode::ResponseInvalid, "{body}");
    }
}

#[test]
fn initiate_error_status_carries_code_and_endgrate_message() {
    let err = decode_initiate_response(
        401,
        r#"{"message": "Session expired", "code": "session_expired"}"#,
        &R,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::SessionExpired);
    assert_eq!(err.message.as_deref(), Some("Session expired"));
    let err = decode_initiate_response(502, "<html>bad gateway</html>", &R).unwrap_err();
    assert_eq!(
        err,
        Failure {
            code: ErrorCode::ServerError,
            message: None
        }
    );
}
