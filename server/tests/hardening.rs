//! The security probe's findings 2–6 and 9, each refused: DNS rebinding (Host and Origin against
//! the server's own origins), validated strings stored as validated, repeated JSON keys, one
//! bounded body reader on every route, idempotency keys scoped and expiring, and a data
//! directory only its owner can read.

mod common;
use common::*;

const BODY: &str = r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}]}"#;

/// A POST with explicit `Host` and `Origin` headers; returns the status.
async fn post_as(
    url: &str,
    host: &str,
    origin: Option<&str>,
    bearer: Option<&str>,
    body: &str,
) -> u16 {
    let mut request = client()
        .post(url)
        .header("host", host)
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(origin) = origin {
        request = request.header("origin", origin);
    }
    if let Some(key) = bearer {
        request = request.bearer_auth(key);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn a_rebound_host_or_foreign_origin_is_refused_on_every_state_changing_route() {
    let server = TestServer::start(&[]);
    let evil_host = format!("evil.example:{}", server.port);
    let evil_origin = format!("http://evil.example:{}", server.port);
    let browser = server.url("/api/endgrate/session/initiate");
    let bearer = server.url("/api/session/initiate");
    assert_eq!(
        post_as(&browser, &evil_host, Some(&evil_origin), None, BODY).await,
        403
    );
    assert_eq!(post_as(&browser, &evil_host, None, None, BODY).await, 403);
    let own_host = format!("127.0.0.1:{}", server.port);
    assert_eq!(
        post_as(&browser, &own_host, Some(&evil_origin), None, BODY).await,
        403
    );
    assert_eq!(
        post_as(&bearer, &evil_host, None, Some(&server.key), BODY).await,
        403
    );
    let delete = server.url("/api/session/delete");
    let id_body = r#"{"session_id": "0123456789abcdef01234567"}"#;
    assert_eq!(
        post_as(&delete, &evil_host, None, Some(&server.key), id_body).await,
        403
    );
    let authorize = client()
        .post(server.url("/session/authorize"))
        .header("host", &evil_host)
        .header("origin", &evil_origin)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("session_id=0123456789abcdef01234567")
        .send()
        .await
        .unwrap();
    assert_eq!(authorize.status().as_u16(), 403);
    // The server's own names still work.
    assert_eq!(
        post_as(&browser, &own_host, Some(&server.base), None, BODY).await,
        200
    );
    let localhost = format!("localhost:{}", server.port);
    let local_origin = format!("http://localhost:{}", server.port);
    assert_eq!(
        post_as(&browser, &localhost, Some(&local_origin), None, BODY).await,
        200
    );
}

#[tokio::test]
async fn configured_public_origins_replace_the_listen_address() {
    let server = TestServer::start(&["--public-origins", "https://widgets.example.com"]);
    let browser = server.url("/api/endgrate/session/initiate");
    let status = post_as(
        &browser,
        "widgets.example.com",
        Some("https://widgets.example.com"),
        None,
        BODY,
    )
    .await;
    assert_eq!(status, 200);
    let own_host = format!("127.0.0.1:{}", server.port);
    assert_eq!(post_as(&browser, &own_host, None, None, BODY).await, 403);
}

#[tokio::test]
async fn a_repeated_key_is_a_400_naming_it_on_both_initiate_routes() {
    let server = TestServer::start(&[]);
    let body = format!(
        r#"{{"redirect_url":"https://evil.example/","redirect_url":"http://127.0.0.1:{}/done"}}"#,
        server.port
    );
    for (path, bearer) in [
        ("/api/session/initiate", Some(server.key.as_str())),
        ("/api/endgrate/session/initiate", None),
    ] {
        let (status, _, text) = post_json(&server.url(path), bearer, None, &body).await;
        assert_eq!(
            (status, error_key(&text).as_str()),
            (400, "redirect_url"),
            "{path}"
        );
    }
}

/// What is stored is checked here through the hosted page's redirect; what is forwarded to
/// Endgrate, in `proxy.rs` (`endgrate_receives_exactly_the_urls_that_were_validated`).
#[tokio::test]
async fn the_redirect_stored_is_the_serialisation_that_was_checked() {
    let server = TestServer::start(&[]);
    let body = format!(r#"{{"redirect_url": "http:127.0.0.1:{}/x"}}"#, server.port);
    let (status, _, text) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        None,
        &body,
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let id = json(&text)["session_id"].as_str().unwrap().to_string();
    let response = client()
        .post(server.url("/session/authorize"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("session_id={id}&provider=hubspot"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        response.headers()["location"].to_str().unwrap(),
        format!("http://127.0.0.1:{}/x?session_id={id}", server.port)
    );
}

#[tokio::test]
async fn a_webhook_endpoint_a_parser_would_repair_is_refused() {
    let server = TestServer::start(&[]);
    let body = r#"{"configuration_webhook": {"endpoint": " https://x.exa\nmple/\\hook"}}"#;
    let (status, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        body,
    )
    .await;
    assert_eq!(
        (status, error_key(&text).as_str()),
        (422, "configuration_webhook.endpoint")
    );
}

#[tokio::test]
async fn delete_reads_its_body_like_every_other_route() {
    let server = TestServer::start(&[]);
    let (_, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        BODY,
    )
    .await;
    let id = json(&text)["session_id"].as_str().unwrap().to_string();
    let url = server.url("/api/session/delete");
    let (status, _, text) = post_json(&url, Some(&server.key), None, r#"{"a":}"#).await;
    assert_eq!(status, 400, "{text}");
    assert!(
        json(&text).get("errors").is_none(),
        "malformed JSON names no key: {text}"
    );
    let (status, _, text) = post_json(&url, Some(&server.key), None, &format!(r#"["{id}"]"#)).await;
    assert_eq!((status, error_key(&text).as_str()), (422, "body"));
    let (status, _, text) = post_json(&url, Some(&server.key), None, r#"{"a": 1}"#).await;
    assert_eq!((status, error_key(&text).as_str()), (422, "a"));
    let big = format!(r#"{{"session_id": "{}"}}"#, "a".repeat(70 * 1024));
    assert_eq!(post_json(&url, Some(&server.key), None, &big).await.0, 413);
    let plain = client()
        .post(&url)
        .bearer_auth(&server.key)
        .header("content-type", "text/plain")
        .body(format!(r#"{{"session_id": "{id}"}}"#))
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status().as_u16(), 415);
    // None of that deleted the session; a proper body does.
    let proper = format!(r#"{{"session_id": "{id}"}}"#);
    assert_eq!(
        post_json(&url, Some(&server.key), None, &proper).await.0,
        200
    );
    assert_eq!(
        post_json(&url, Some(&server.key), None, &proper).await.0,
        404
    );
}

#[tokio::test]
async fn authorize_reads_its_form_with_the_same_limits() {
    let server = TestServer::start(&[]);
    let url = server.url("/session/authorize");
    let send = |content_type: &'static str, body: String| {
        client()
            .post(&url)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let big = format!("session_id={}", "a".repeat(70 * 1024));
    let form = "application/x-www-form-urlencoded";
    assert_eq!(send(form, big).await.unwrap().status().as_u16(), 413);
    let as_json = r#"{"session_id": "0123456789abcdef01234567"}"#.to_string();
    assert_eq!(
        send("application/json", as_json)
            .await
            .unwrap()
            .status()
            .as_u16(),
        415
    );
    let twice = "session_id=a&session_id=b".to_string();
    assert_eq!(send(form, twice).await.unwrap().status().as_u16(), 400);
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_a_408() {
    use std::io::{Read, Write};
    let server = TestServer::start(&["--body-timeout-secs", "1"]);
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .unwrap();
    let head = format!(
        "POST /api/endgrate/session/initiate HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"label\":",
        server.port
    );
    stream.write_all(head.as_bytes()).unwrap();
    let started = std::time::Instant::now();
    let mut answer = vec![0u8; 512];
    let n = stream.read(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(started.elapsed() < std::time::Duration::from_secs(3));
}

#[tokio::test]
async fn idempotency_keys_are_scoped_per_route() {
    let server = TestServer::start(&[]);
    let (_, _, browser) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        Some("shared-key"),
        BODY,
    )
    .await;
    let (status, headers, bearer) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        Some("shared-key"),
        BODY,
    )
    .await;
    assert_eq!(status, 200);
    assert!(headers.get("idempotent-replayed").is_none());
    assert_ne!(json(&browser)["session_id"], json(&bearer)["session_id"]);
}

#[tokio::test]
async fn idempotency_keys_expire() {
    let server = TestServer::start(&["--idempotency-ttl-secs", "1"]);
    let url = server.url("/api/session/initiate");
    assert_eq!(
        post_json(&url, Some(&server.key), Some("k"), BODY).await.0,
        200
    );
    let other = r#"{"provider": "salesforce", "schema": [{"endgrate_type": "crm-contact"}]}"#;
    assert_eq!(
        post_json(&url, Some(&server.key), Some("k"), other).await.0,
        409
    );
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(
        post_json(&url, Some(&server.key), Some("k"), other).await.0,
        200
    );
}

#[cfg(unix)]
#[tokio::test]
async fn the_data_directory_and_database_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let server = TestServer::start_in(&dir, &[], &[]);
    // A write makes SQLite create its -wal and -shm files.
    post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        BODY,
    )
    .await;
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for file in [
        "widget-server.sqlite3",
        "widget-server.sqlite3-wal",
        "widget-server.sqlite3-shm",
        "local-api-key",
    ] {
        assert_eq!(mode(&dir.join(file)), 0o600, "{file}");
    }
}
