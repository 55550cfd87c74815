//! `POST /api/session/initiate` (Bearer): success shape, every validation error naming its key,
//! auth, idempotency replay and conflict, body limit and content type.

mod common;
use common::*;

const OK_BODY: &str = r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}]}"#;

#[tokio::test]
async fn initiate_returns_success_and_a_24_hex_session_id() {
    let server = TestServer::start(&[]);
    let (status, _, body) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        OK_BODY,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let value = json(&body);
    assert_eq!(value["success"], true);
    let id = value["session_id"].as_str().unwrap();
    assert!(
        id.len() == 24
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "{id}"
    );
}

#[tokio::test]
async fn bearer_routes_refuse_missing_or_wrong_key_with_401() {
    let server = TestServer::start(&[]);
    for key in [None, Some("esw_local_wrong")] {
        let (status, headers, body) =
            post_json(&server.url("/api/session/initiate"), key, None, OK_BODY).await;
        assert_eq!(status, 401);
        assert_eq!(headers["www-authenticate"], "Bearer");
        assert!(json(&body)["message"].is_string());
        let (status, _, _) = get(
            &server.url("/api/session/configuration?session_id=0123456789abcdef01234567"),
            key,
        )
        .await;
        assert_eq!(status, 401);
        let (status, _, _) = post_json(
            &server.url("/api/session/delete"),
            key,
            None,
            r#"{"session_id": "0123456789abcdef01234567"}"#,
        )
        .await;
        assert_eq!(status, 401);
    }
}

#[tokio::test]
async fn every_validation_error_is_a_4xx_naming_the_bad_key() {
    let server = TestServer::start(&[]);
    let cases: &[(&str, &str)] = &[
        (r#"{"apiKey": "x"}"#, "apiKey"),
        (
            r#"{"schema": [{"endgrate_type": "crm-contact", "colour": "red"}]}"#,
            "schema[0].colour",
        ),
        (r#"{"field_selection": "yes"}"#, "field_selection"),
        (r#"{"schema": {"endgrate_type": "crm-contact"}}"#, "schema"),
        (
            r#"{"default_upsert_setting": "DELETE_ALL"}"#,
            "default_upsert_setting",
        ),
        (r#"{"provider": "myspace"}"#, "provider"),
        (r#"{"category": "GAMES"}"#, "category"),
        (
            r#"{"schema": [{"endgrate_type": "crm-spaceship"}]}"#,
            "schema[0].endgrate_type",
        ),
        (r#"{"schema": [{"required": []}]}"#, "schema[0].title"),
        (
            r#"{"schema": [{"endgrate_type": "unspecified"}]}"#,
            "schema[0].title",
        ),
        (
            r#"{"redirect_url": "https://evil.example/done"}"#,
            "redirect_url",
        ),
        (r#"{"redirect_url": "javascript:alert(1)"}"#, "redirect_url"),
        (
            r#"{"configuration_webhook": {"endpoint": "not a url"}}"#,
            "configuration_webhook.endpoint",
        ),
        (
            r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
               "end_user_configuration": {"schemas": {"crm-deal": {"methods": {"IMPORT": {}}}}}}"#,
            "end_user_configuration.schemas.crm-deal",
        ),
        (
            r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
               "end_user_configuration": {"schemas": {"crm-contact": {"methods": {"IMPORT": {"integration": "get-widgets"}}}}}}"#,
            "end_user_configuration.schemas.crm-contact.methods.IMPORT.integration",
        ),
        (
            r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
               "end_user_configuration": {"schemas": {"crm-contact": {"methods": {"EXPORT": {}},
                 "fields": {"email": {"provider_field": "Email", "upsert": "OVERWRITE"}}}}}}"#,
            "end_user_configuration.schemas.crm-contact.fields.email.provider_field",
        ),
        (
            r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
               "end_user_configuration": {"schemas": {"crm-contact": {"methods": {"EXPORT": {}},
                 "fields": {"email": {"provider_field": "email", "upsert": "DELETE_ALL"}}}}}}"#,
            "end_user_configuration.schemas.crm-contact.fields.email.upsert",
        ),
    ];
    for (body, key) in cases {
        let (status, _, text) = post_json(
            &server.url("/api/session/initiate"),
            Some(&server.key),
            None,
            body,
        )
        .await;
        assert_eq!(status, 422, "{body} → {text}");
        assert_eq!(error_key(&text), *key, "{body}");
        assert!(
            json(&text)["message"].as_str().unwrap().contains(key),
            "{text}"
        );
    }
    let (status, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        "{not json",
    )
    .await;
    assert_eq!(status, 400);
    assert!(json(&text)["message"].is_string());
}

#[tokio::test]
async fn same_idempotency_key_and_body_replays_the_stored_response_byte_for_byte() {
    let server = TestServer::start(&[]);
    let url = server.url("/api/session/initiate");
    let (s1, _, first) = post_json(&url, Some(&server.key), Some("retry-1"), OK_BODY).await;
    let (s2, headers, second) = post_json(&url, Some(&server.key), Some("retry-1"), OK_BODY).await;
    assert_eq!((s1, s2), (200, 200));
    assert_eq!(first, second);
    assert_eq!(headers["idempotent-replayed"], "true");
    let (_, _, third) = post_json(&url, Some(&server.key), Some("retry-2"), OK_BODY).await;
    assert_ne!(
        json(&first)["session_id"],
        json(&third)["session_id"],
        "a new key is a new session"
    );
}

#[tokio::test]
async fn same_idempotency_key_with_another_body_is_a_409() {
    let server = TestServer::start(&[]);
    let url = server.url("/api/session/initiate");
    assert_eq!(
        post_json(&url, Some(&server.key), Some("k"), OK_BODY)
            .await
            .0,
        200
    );
    let other = r#"{"provider": "salesforce", "schema": [{"endgrate_type": "crm-contact"}]}"#;
    let (status, _, body) = post_json(&url, Some(&server.key), Some("k"), other).await;
    assert_eq!(status, 409);
    assert_eq!(error_key(&body), "Idempotency-Key");
}

#[tokio::test]
async fn refused_body_stores_nothing_so_the_key_can_be_reused_after_a_fix() {
    let server = TestServer::start(&[]);
    let url = server.url("/api/session/initiate");
    assert_eq!(
        post_json(
            &url,
            Some(&server.key),
            Some("fixme"),
            r#"{"provider": "myspace"}"#
        )
        .await
        .0,
        422
    );
    assert_eq!(
        post_json(&url, Some(&server.key), Some("fixme"), OK_BODY)
            .await
            .0,
        200
    );
}

#[tokio::test]
async fn body_over_64_kib_is_a_413_and_wrong_content_type_a_415() {
    let server = TestServer::start(&[]);
    let url = server.url("/api/session/initiate");
    let big = format!(r#"{{"label": "{}"}}"#, "a".repeat(70 * 1024));
    let (status, _, body) = post_json(&url, Some(&server.key), None, &big).await;
    assert_eq!(status, 413);
    assert!(json(&body)["message"].is_string());
    // Without Content-Length (chunked), the limit is enforced by counting.
    assert_eq!(
        raw_chunked_post(server.port, &server.key, big.as_bytes()),
        413
    );
    let response = client()
        .post(&url)
        .bearer_auth(&server.key)
        .header("content-type", "text/plain")
        .body(OK_BODY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 415);
}

/// Sends a chunked POST over a raw socket and returns the status code.
fn raw_chunked_post(port: u16, key: &str, body: &[u8]) -> u16 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let head = format!(
        "POST /api/session/initiate HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {key}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    for chunk in body.chunks(8192) {
        // The server may answer and close before the whole body is sent; that is the point.
        if stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .is_err()
            || stream.write_all(chunk).is_err()
            || stream.write_all(b"\r\n").is_err()
        {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}
