//! The browser-facing host-backend routes (`/api/endgrate/*`): no bearer needed, CORS for
//! configured origins only, cross-site and foreign-origin requests refused, the redirect
//! allow-list (default: this server's own origins), body limit and idempotency.

mod common;
use common::*;

const BODY: &str = r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}]}"#;

#[tokio::test]
async fn browser_initiate_needs_no_bearer_and_accepts_the_servers_own_origin_as_redirect() {
    let server = TestServer::start(&[]);
    let body = format!(
        r#"{{"provider": "hubspot", "redirect_url": "http://localhost:{}/done"}}"#,
        server.port
    );
    let (status, _, text) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        None,
        &body,
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert_eq!(json(&text)["success"], true);
    let evil = r#"{"redirect_url": "https://evil.example/done"}"#;
    let (status, _, text) = post_json(
        &server.url("/api/endgrate/session/initiate"),
        None,
        None,
        evil,
    )
    .await;
    assert_eq!((status, error_key(&text).as_str()), (422, "redirect_url"));
}

#[tokio::test]
async fn configured_redirect_origins_replace_the_default() {
    let server = TestServer::start(&[
        "--allowed-redirect-origins",
        "https://app.example.com,https://*.example.org",
    ]);
    let url = server.url("/api/endgrate/session/initiate");
    for (redirect, expected) in [
        ("https://app.example.com/done", 200),
        ("https://team.example.org/cb", 200),
        (
            &format!("http://127.0.0.1:{}/done", server.port) as &str,
            422,
        ),
        ("https://app.example.com.evil.example/", 422),
    ] {
        let body = format!(r#"{{"redirect_url": "{redirect}"}}"#);
        assert_eq!(
            post_json(&url, None, None, &body).await.0,
            expected,
            "{redirect}"
        );
    }
}

#[tokio::test]
async fn cross_site_fetch_metadata_is_refused_with_403() {
    let server = TestServer::start(&[]);
    let response = client()
        .post(server.url("/api/endgrate/session/initiate"))
        .header("content-type", "application/json")
        .header("sec-fetch-site", "cross-site")
        .body(BODY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(error_key(&response.text().await.unwrap()), "Sec-Fetch-Site");
}

#[tokio::test]
async fn post_from_a_foreign_origin_is_refused_and_same_origin_accepted() {
    let server = TestServer::start(&["--cors-origins", "https://app.example.com"]);
    let url = server.url("/api/endgrate/session/initiate");
    for (origin, expected) in [
        ("https://evil.example", 403),
        ("https://app.example.com", 200),
        (server.base.as_str(), 200),
    ] {
        let response = client()
            .post(&url)
            .header("content-type", "application/json")
            .header("origin", origin)
            .body(BODY)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), expected, "{origin}");
    }
}

#[tokio::test]
async fn preflight_from_allowed_origin_gets_204_and_exact_acao_without_auth() {
    let server = TestServer::start(&["--cors-origins", "https://app.example.com"]);
    let response = client()
        .request(
            reqwest::Method::OPTIONS,
            server.url("/api/endgrate/session/initiate"),
        )
        .header("origin", "https://app.example.com")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type, idempotency-key",
        )
        .send()
        .await
        .unwrap();
    assert!(
        matches!(response.status().as_u16(), 200 | 204),
        "{}",
        response.status()
    );
    let headers = response.headers();
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://app.example.com"
    );
    let allowed = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed.contains("idempotency-key") && allowed.contains("content-type"),
        "{allowed}"
    );
    assert!(headers.get("access-control-allow-credentials").is_none());
    let (_, headers, _) = {
        let r = client()
            .get(server.url("/api/endgrate/api/integrations"))
            .header("origin", "https://app.example.com")
            .send()
            .await
            .unwrap();
        (r.status(), r.headers().clone(), ())
    };
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://app.example.com"
    );
}

#[tokio::test]
async fn preflight_from_other_origin_gets_no_acao() {
    let server = TestServer::start(&["--cors-origins", "https://app.example.com"]);
    let response = client()
        .request(
            reqwest::Method::OPTIONS,
            server.url("/api/endgrate/session/initiate"),
        )
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
    let response = client()
        .get(server.url("/api/endgrate/api/integrations"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

#[tokio::test]
async fn browser_initiate_enforces_idempotency_and_body_limit() {
    let server = TestServer::start(&[]);
    let url = server.url("/api/endgrate/session/initiate");
    let (_, _, first) = post_json(&url, None, Some("b-1"), BODY).await;
    let (_, _, again) = post_json(&url, None, Some("b-1"), BODY).await;
    assert_eq!(first, again);
    assert_eq!(
        post_json(&url, None, Some("b-1"), r#"{"provider": "xero"}"#)
            .await
            .0,
        409
    );
    let big = format!(r#"{{"label": "{}"}}"#, "a".repeat(65 * 1024));
    assert_eq!(post_json(&url, None, None, &big).await.0, 413);
}
