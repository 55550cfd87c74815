//! Proxy mode against a fake Endgrate (an axum server on 127.0.0.1:0 inside the test), with a
//! sentinel key that must never leave the server except in the upstream `authorization` header.

mod common;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get as route_get, post};
use axum::Router;
use common::*;
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

async fn start_fake(behaviour: Behaviour) -> (String, Fake) {
    let fake = Fake {
        behaviour,
        seen: Arc::default(),
    };
    let app = Router::new()
        .route("/api/session/initiate", post(fake_initiate))
        .route("/api/integrations", route_get(fake_integrations))
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
  "end_user_configuration": {"schemas": {"crm-contact": {"method": "IMPORT", "fields": {"email": {"provider_field": "email"}}}}}}"#;

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
