//! Proxy mode against a fake Endgrate (an axum server on 127.0.0.1:0 inside the test), with a
//! sentinel key that must never leave the server except in the upstream `authorization` header.

mod common;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get as route_get, post};
use axum::Router;
use common::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const SENTINEL: &str = "SENTINEL-7f3c-SECRET";

/// How the fake upstream answers initiate calls.
#[derive(Clone, Copy)]
enum Behaviour {
    Ok,
    ServerError,
    EchoHeaders,
    Refuse,
}

#[derive(Clone)]
struct Fake {
    behaviour: Behaviour,
    seen: Arc<Mutex<Vec<(String, String, String)>>>,
}

async fn fake_initiate(
    State(fake): State<Fake>,
    headers: HeaderMap,
    body: String,
) -> (StatusCode, String) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    fake.seen
        .lock()
        .unwrap()
        .push(("initiate".into(), auth.clone(), body));
    match fake.behaviour {
        Behaviour::Ok => (StatusCode::OK, r#"{"success": true, "session_id": "6566e85e7cf20dca9cef0c0a"}"#.into()),
        Behaviour::ServerError => (StatusCode::INTERNAL_SERVER_ERROR, format!("boom {auth}")),
        Behaviour::EchoHeaders => (
            StatusCode::BAD_REQUEST,
            serde_json::json!({"message": format!("bad request, you sent {auth}"), "errors": {"authorization": auth}}).to_string(),
        ),
        Behaviour::Refuse => (StatusCode::UNPROCESSABLE_ENTITY, r#"{"message": "Invalid provider."}"#.into()),
    }
}

async fn fake_integrations(State(fake): State<Fake>, headers: HeaderMap) -> (StatusCode, String) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    fake.seen
        .lock()
        .unwrap()
        .push(("integrations".into(), auth.clone(), String::new()));
    match fake.behaviour {
        Behaviour::ServerError => (StatusCode::INTERNAL_SERVER_ERROR, auth),
        _ => (
            StatusCode::OK,
            serde_json::json!({"providers": [{"provider": {"name": "hubspot", "display_name": format!("HubSpot {auth}")},
                                "integrations": []}]})
            .to_string(),
        ),
    }
}

/// Configuration reads answer by session id: a configured session (echoing the authorization
/// header into a value, to prove scrubbing), one not yet configured, one Endgrate does not know
/// (404), one that breaks Endgrate (500), and one answered for another session.
async fn fake_configuration(
    State(fake): State<Fake>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> (StatusCode, String) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let id = query.get("session_id").cloned().unwrap_or_default();
    fake.seen
        .lock()
        .unwrap()
        .push(("configuration".into(), auth.clone(), id.clone()));
    let configured = |session_id: &str| {
        serde_json::json!({
            "success": true,
            "session_id": session_id,
            "endgrate": {"provider": "hubspot", "provider_info": {"name": "hubspot", "display_name": format!("HubSpot {auth}")}},
            "schemas": {"crm-contact": {
                "integration_info": {"name": "get-contacts", "display_name": "Get Contacts", "method": "IMPORT"},
                "integration": "get-contacts",
                "schema": {"type": "object", "endgrate_type": "crm-contact", "properties": {"email": {"type": "string"}},
                           "required": [], "session_method": "IMPORT"}}},
            "passthrough_schemas": {}
        })
        .to_string()
    };
    match id.as_str() {
        CONFIGURED | "0123456789abcdef01234567" => (StatusCode::OK, configured(&id)),
        "notconfigured0001" => (
            StatusCode::OK,
            r#"{"message": "Session not yet configured."}"#.into(),
        ),
        "unknownsession01" => (
            StatusCode::NOT_FOUND,
            serde_json::json!({"message": format!("Session not found ({auth})"), "errors": {"session_id": auth}}).to_string(),
        ),
        "brokensession001" => (StatusCode::INTERNAL_SERVER_ERROR, format!("stack trace {auth}")),
        _ => (StatusCode::OK, configured("ffffffffffffffffffffffff")),
    }
}

/// The session id the fake Endgrate returns from initiate.
const CONFIGURED: &str = "6566e85e7cf20dca9cef0c0a";

async fn start_fake(behaviour: Behaviour) -> (String, Fake) {
    let fake = Fake {
        behaviour,
        seen: Arc::default(),
    };
    let app = Router::new()
        .route("/api/session/initiate", post(fake_initiate))
        .route("/api/integrations", route_get(fake_integrations))
        .route("/api/session/configuration", route_get(fake_configuration))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), fake)
}

fn start_proxy(upstream: &str, dir: &std::path::Path) -> TestServer {
    TestServer::start_in(
        dir,
        &[
            "--mode",
            "proxy",
            "--endgrate-url",
            upstream,
            "--upstream-timeout-secs",
            "3",
        ],
        &[("ENDGRATE_API_KEY", SENTINEL)],
    )
}

/// The local key of the `/api/session/*` routes (kept in the data directory, not printed in
/// proxy mode).
fn local_key(server: &TestServer) -> String {
    std::fs::read_to_string(server.data_dir.join("local-api-key"))
        .unwrap()
        .trim()
        .to_string()
}

fn assert_no_sentinel(what: &str, text: &str) {
    assert!(
        !text.contains(SENTINEL),
        "sentinel key leaked in {what}: {text}"
    );
}

fn headers_text(headers: &reqwest::header::HeaderMap) -> String {
    headers
        .iter()
        .map(|(k, v)| format!("{k}: {}\n", v.to_str().unwrap_or("")))
        .collect()
}

const BODY: &str = r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
  "end_user_configuration": {"schemas": {"crm-contact": {"methods": {"IMPORT": {}}, "fields": {"email": {"provider_field": "email"}}}}}}"#;

#[tokio::test]
async fn proxy_forwards_initiate_with_bearer_key_strips_extension_and_keeps_it_locally() {
    let (upstream, fake) = start_fake(Behaviour::Ok).await;
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(&upstream, &temp.path().join("data"));
    assert!(server.output().contains("Mode: proxy"));
    assert!(
        !server.output().contains("Local API key"),
        "no local key printed in proxy mode"
    );

    let (status, headers, text) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        Some("p-1"),
        BODY,
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert_eq!(
        json(&text),
        serde_json::json!({"success": true, "session_id": "6566e85e7cf20dca9cef0c0a"})
    );
    assert_no_sentinel("response", &(text.clone() + &headers_text(&headers)));

    let seen = fake.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].1, format!("Bearer {SENTINEL}"));
    let forwarded = json(&seen[0].2);
    assert!(
        forwarded.get("end_user_configuration").is_none(),
        "{forwarded}"
    );
    assert_eq!(forwarded["provider"], "hubspot");

    // Replay does not call Endgrate again.
    let (_, _, again) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        Some("p-1"),
        BODY,
    )
    .await;
    assert_eq!(again, text);
    assert_eq!(fake.seen.lock().unwrap().len(), 1);

    let conn = rusqlite::Connection::open(server.data_dir.join("widget-server.sqlite3")).unwrap();
    let euc: String = conn
        .query_row(
            "SELECT end_user_configuration FROM sessions WHERE id = '6566e85e7cf20dca9cef0c0a'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        json(&euc)["schemas"]["crm-contact"]["fields"]["email"]["provider_field"],
        "email"
    );
    assert_no_sentinel("server output", &server.output());
}

#[tokio::test]
async fn proxy_forwards_catalog_reads_and_serves_fields_from_the_seed() {
    let (upstream, fake) = start_fake(Behaviour::Ok).await;
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(&upstream, &temp.path().join("data"));
    let (status, headers, text) = get(
        &server.url("/api/endgrate/api/integrations?category=CRM"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(json(&text)["providers"][0]["provider"]["name"], "hubspot");
    assert_no_sentinel("catalog response", &(text + &headers_text(&headers)));
    assert_eq!(fake.seen.lock().unwrap()[0].1, format!("Bearer {SENTINEL}"));
    let (status, _, text) = get(
        &server.url("/api/endgrate/api/fields?provider=hubspot&endgrate_type=crm-contact"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(json(&text)["provider_fields"].as_array().unwrap().len() > 3);
    assert_no_sentinel("server output", &server.output());
}

#[tokio::test]
async fn proxy_still_validates_before_forwarding() {
    let (upstream, fake) = start_fake(Behaviour::Ok).await;
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(&upstream, &temp.path().join("data"));
    let url = server.url("/api/endgrate/session/initiate");
    for (body, key) in [
        (
            r#"{"redirect_url": "https://evil.example/x"}"#,
            "redirect_url",
        ),
        (
            r#"{"default_upsert_setting": "DELETE_ALL"}"#,
            "default_upsert_setting",
        ),
        (r#"{"apiKey": "x"}"#, "apiKey"),
    ] {
        let (status, _, text) = post_json(&url, None, None, body).await;
        assert_eq!((status, error_key(&text)), (422, key.to_string()));
    }
    assert!(
        fake.seen.lock().unwrap().is_empty(),
        "nothing invalid reaches Endgrate"
    );
    let big = format!(r#"{{"label": "{}"}}"#, "a".repeat(65 * 1024));
    assert_eq!(post_json(&url, None, None, &big).await.0, 413);
}

#[tokio::test]
async fn upstream_errors_never_leak_the_key() {
    for behaviour in [
        Behaviour::ServerError,
        Behaviour::EchoHeaders,
        Behaviour::Refuse,
    ] {
        let (upstream, _fake) = start_fake(behaviour).await;
        let temp = tempfile::tempdir().unwrap();
        let server = start_proxy(&upstream, &temp.path().join("data"));
        let (status, headers, text) = post_json(
            &server.url("/api/endgrate/session/initiate"),
            None,
            Some("e-1"),
            BODY,
        )
        .await;
        assert!(status >= 400, "{status}");
        assert!(json(&text)["message"].is_string(), "{text}");
        assert_no_sentinel("error response", &(text.clone() + &headers_text(&headers)));
        let (_, headers, text) = get(&server.url("/api/endgrate/api/integrations"), None).await;
        assert_no_sentinel("catalog response", &(text + &headers_text(&headers)));
        assert_no_sentinel("server output", &server.output());
        match behaviour {
            Behaviour::ServerError => assert_eq!(status, 502),
            Behaviour::EchoHeaders => assert_eq!(status, 400),
            Behaviour::Refuse => assert_eq!(status, 422),
            Behaviour::Ok => unreachable!(),
        }
    }
}

#[tokio::test]
async fn upstream_5xx_releases_the_idempotency_key_for_a_retry() {
    let (upstream, fake) = start_fake(Behaviour::ServerError).await;
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(&upstream, &temp.path().join("data"));
    let url = server.url("/api/endgrate/session/initiate");
    assert_eq!(post_json(&url, None, Some("r-1"), BODY).await.0, 502);
    assert_eq!(post_json(&url, None, Some("r-1"), BODY).await.0, 502);
    assert_eq!(
        fake.seen.lock().unwrap().len(),
        2,
        "the retry reached Endgrate again"
    );
}

#[tokio::test]
async fn unreachable_upstream_is_a_502_without_the_key() {
    // Bind then drop a listener: its port is now closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(
        &format!("http://127.0.0.1:{port}"),
        &temp.path().join("data"),
    );
    let (status, headers, text) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        None,
        BODY,
    )
    .await;
    assert_eq!(status, 502);
    assert_no_sentinel("response", &(text + &headers_text(&headers)));
    let (status, _, text) = get(&server.url("/api/endgrate/api/integrations"), None).await;
    assert_eq!(status, 502);
    assert_no_sentinel("response", &text);
    let (status, _, text) = get(
        &server.url("/api/session/configuration?session_id=6566e85e7cf20dca9cef0c0a"),
        Some(&local_key(&server)),
    )
    .await;
    assert_eq!(status, 502, "{text}");
    assert!(json(&text)["message"].is_string(), "{text}");
    assert_no_sentinel("response", &text);
    assert_no_sentinel("server output", &server.output());
}

#[test]
fn proxy_mode_without_key_exits_with_a_clear_error() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("data");
    let (code, output) = run_to_exit(
        &[
            "--mode",
            "proxy",
            "--port",
            "0",
            "--data-dir",
            dir.to_str().unwrap(),
        ],
        &[],
    );
    assert_ne!(code, 0);
    assert!(output.contains("ENDGRATE_API_KEY"), "{output}");
    assert_eq!(output.trim().lines().count(), 1, "one sentence: {output}");
}

#[tokio::test]
async fn proxy_configuration_forwards_with_the_key_and_merges_the_local_extension() {
    let (upstream, fake) = start_fake(Behaviour::Ok).await;
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(&upstream, &temp.path().join("data"));
    let key = local_key(&server);
    let (status, _, text) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        None,
        BODY,
    )
    .await;
    assert_eq!(status, 200, "{text}");
    fake.seen.lock().unwrap().clear();

    let url = |id: &str| server.url(&format!("/api/session/configuration?session_id={id}"));

    // Without the local key, or with Endgrate's key instead, nothing is forwarded.
    assert_eq!(get(&url(CONFIGURED), None).await.0, 401);
    assert_eq!(get(&url(CONFIGURED), Some(SENTINEL)).await.0, 401);
    assert!(fake.seen.lock().unwrap().is_empty());

    let (status, headers, text) = get(&url(CONFIGURED), Some(&key)).await;
    assert_eq!(status, 200, "{text}");
    assert_no_sentinel("configuration", &(text.clone() + &headers_text(&headers)));
    let config = json(&text);
    assert_eq!(config["success"], true);
    assert_eq!(config["session_id"], CONFIGURED);
    assert_eq!(
        config["schemas"]["crm-contact"]["integration"],
        "get-contacts"
    );
    assert_eq!(
        config["endgrate"]["provider_info"]["display_name"],
        "HubSpot Bearer [redacted]"
    );
    assert_eq!(
        config["end_user_configuration"],
        serde_json::json!({"schemas": {"crm-contact": {"methods": {"IMPORT": {}},
            "fields": {"email": {"provider_field": "email"}}}}}),
        "the extension kept at initiate is merged in"
    );
    {
        let seen = fake.seen.lock().unwrap();
        assert_eq!(
            seen.as_slice(),
            [(
                "configuration".to_string(),
                format!("Bearer {SENTINEL}"),
                CONFIGURED.to_string()
            )]
        );
    }

    // A session created elsewhere: Endgrate's answer, no extension.
    let (status, _, text) = get(&url("0123456789abcdef01234567"), Some(&key)).await;
    assert_eq!(status, 200, "{text}");
    assert!(
        json(&text).get("end_user_configuration").is_none(),
        "{text}"
    );

    // Not yet configured: Endgrate's message unchanged.
    let (status, _, text) = get(&url("notconfigured0001"), Some(&key)).await;
    assert_eq!(
        (status, json(&text)),
        (
            200,
            serde_json::json!({"message": "Session not yet configured."})
        )
    );

    // An answer about another session is not passed on.
    let (status, _, text) = get(&url("mismatched000001"), Some(&key)).await;
    assert_eq!(status, 502, "{text}");
    assert!(json(&text)["message"].is_string());

    // Ids outside R12 never reach Endgrate.
    let before = fake.seen.lock().unwrap().len();
    for bad in ["..%2F..%2Fapi%2Fsession", "short", "a%26session_id%3Devil"] {
        let (status, _, text) = get(&url(bad), Some(&key)).await;
        assert_eq!((status, error_key(&text)), (422, "session_id".to_string()));
    }
    assert_eq!(
        get(&server.url("/api/session/configuration"), Some(&key))
            .await
            .0,
        422
    );
    assert_eq!(fake.seen.lock().unwrap().len(), before);
    assert_no_sentinel("server output", &server.output());
}

#[tokio::test]
async fn proxy_configuration_passes_endgrate_errors_on_without_the_key() {
    let (upstream, _fake) = start_fake(Behaviour::Ok).await;
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(&upstream, &temp.path().join("data"));
    let key = local_key(&server);
    let url = |id: &str| server.url(&format!("/api/session/configuration?session_id={id}"));

    // 404 keeps its status and Endgrate's message and errors, scrubbed.
    let (status, headers, text) = get(&url("unknownsession01"), Some(&key)).await;
    assert_eq!(status, 404, "{text}");
    assert_no_sentinel("404", &(text.clone() + &headers_text(&headers)));
    let error = json(&text);
    assert_eq!(error["message"], "Session not found (Bearer [redacted])");
    assert_eq!(error["errors"]["session_id"], "Bearer [redacted]");

    // 500 becomes a 502 in Endgrate's error shape; the upstream body is not passed on.
    let (status, headers, text) = get(&url("brokensession001"), Some(&key)).await;
    assert_eq!(status, 502, "{text}");
    assert_no_sentinel("500", &(text.clone() + &headers_text(&headers)));
    let error = json(&text);
    assert!(
        error["message"].as_str().unwrap().contains("HTTP 500"),
        "{text}"
    );
    assert!(!text.contains("stack trace"), "{text}");
    assert_no_sentinel("server output", &server.output());
}

#[tokio::test]
async fn endgrate_receives_exactly_the_urls_that_were_validated() {
    let (upstream, fake) = start_fake(Behaviour::Ok).await;
    let temp = tempfile::tempdir().unwrap();
    let server = start_proxy(&upstream, &temp.path().join("data"));
    let body = format!(
        r#"{{"provider": "hubspot", "redirect_url": "http:127.0.0.1:{}/x",
            "configuration_webhook": {{"endpoint": "https://hooks.example"}}}}"#,
        server.port
    );
    let (status, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&local_key(&server)),
        None,
        &body,
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let seen = fake.seen.lock().unwrap();
    let forwarded = json(&seen.last().unwrap().2);
    assert_eq!(
        forwarded["redirect_url"],
        format!("http://127.0.0.1:{}/x", server.port)
    );
    assert_eq!(
        forwarded["configuration_webhook"]["endpoint"],
        "https://hooks.example/"
    );
}
