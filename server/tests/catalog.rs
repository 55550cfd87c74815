//! The public catalog reads, the logos, the static files and /healthz, over real HTTP.

mod common;
use common::*;

#[tokio::test]
async fn healthz_answers_ok() {
    let server = TestServer::start(&[]);
    let (status, _, body) = get(&server.url("/healthz"), None).await;
    assert_eq!((status, body.as_str()), (200, "ok"));
}

#[tokio::test]
async fn integrations_lists_seeded_providers_in_endgrate_shape_with_local_logos() {
    let server = TestServer::start(&[]);
    for path in ["/api/integrations", "/api/endgrate/api/integrations"] {
        let (status, headers, body) = get(&server.url(path), None).await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], "application/json");
        let parsed: widget_core::wire::IntegrationsResponse = serde_json::from_str(&body).unwrap();
        assert!(parsed.providers.len() >= 40);
        for entry in &parsed.providers {
            let image = entry.provider.image.as_deref().unwrap();
            assert_eq!(image, format!("/logos/{}.svg", entry.provider.name));
            assert!(!entry.integrations.is_empty());
        }
    }
    let (status, headers, svg) = get(&server.url("/logos/hubspot.svg"), None).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "image/svg+xml");
    assert!(svg.starts_with("<svg") && svg.contains("HubSpot"));
    assert_eq!(get(&server.url("/logos/nope.svg"), None).await.0, 404);
}

#[tokio::test]
async fn integrations_filters_by_provider_and_category() {
    let server = TestServer::start(&[]);
    let (_, _, body) = get(&server.url("/api/integrations?provider=salesforce"), None).await;
    let value = json(&body);
    assert_eq!(value["providers"].as_array().unwrap().len(), 1);
    assert_eq!(value["providers"][0]["provider"]["name"], "salesforce");
    let (_, _, body) = get(&server.url("/api/integrations?category=ATS"), None).await;
    let providers = json(&body)["providers"].as_array().unwrap().clone();
    assert!(providers.len() >= 3);
    assert!(providers
        .iter()
        .all(|p| p["provider"]["endgrate_provider_type"] == "ATS"));
}

#[tokio::test]
async fn integrations_with_session_id_narrows_to_providers_supporting_its_schemas() {
    let server = TestServer::start(&[]);
    let body = r#"{"schema": [{"endgrate_type": "ats-candidate"}]}"#;
    let (_, _, created) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        body,
    )
    .await;
    let id = json(&created)["session_id"].as_str().unwrap().to_string();
    let (_, _, body) = get(
        &server.url(&format!("/api/integrations?session_id={id}")),
        None,
    )
    .await;
    let providers = json(&body)["providers"].as_array().unwrap().clone();
    assert!(!providers.is_empty());
    for p in providers {
        assert!(p["integrations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["endgrate_type"] == "ats-candidate"));
    }
}

#[tokio::test]
async fn fields_returns_schema_defaults_and_provider_fields_with_custom_ones() {
    let server = TestServer::start(&[]);
    let url = server.url("/api/endgrate/api/fields?provider=hubspot&endgrate_type=crm-contact");
    let (status, _, body) = get(&url, None).await;
    assert_eq!(status, 200);
    let fields: widget_core::wire::FieldsResponse = serde_json::from_str(&body).unwrap();
    let email = fields
        .schema_fields
        .iter()
        .find(|f| f.name == "email")
        .unwrap();
    assert!(email.required);
    assert_eq!(email.format.as_deref(), Some("email"));
    assert!(fields
        .provider_fields
        .iter()
        .any(|f| f.name == "lifecyclestage" && f.custom));
    assert!(fields
        .provider_fields
        .iter()
        .any(|f| f.name == "firstname" && !f.custom));
}

#[tokio::test]
async fn fields_404s_name_the_unknown_provider_or_type() {
    let server = TestServer::start(&[]);
    let cases = [
        (
            "/api/fields?provider=myspace&endgrate_type=crm-contact",
            "provider",
        ),
        (
            "/api/fields?provider=hubspot&endgrate_type=crm-spaceship",
            "endgrate_type",
        ),
        (
            "/api/fields?provider=hubspot&endgrate_type=ats-candidate",
            "endgrate_type",
        ),
    ];
    for (path, key) in cases {
        let (status, _, body) = get(&server.url(path), None).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(error_key(&body), key, "{path}");
        assert!(json(&body)["message"].is_string());
    }
    let (status, _, body) = get(&server.url("/api/fields?provider=hubspot"), None).await;
    assert_eq!((status, error_key(&body).as_str()), (422, "endgrate_type"));
}

#[tokio::test]
async fn static_files_are_served_with_nosniff_and_wasm_mime() {
    let temp = tempfile::tempdir().unwrap();
    let dist = temp.path().join("dist");
    std::fs::create_dir_all(dist.join("widget")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>demo</title>",
    )
    .unwrap();
    std::fs::write(dist.join("widget/w_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let server = TestServer::start(&["--static-dir", dist.to_str().unwrap()]);
    let (status, headers, body) = get(&server.url("/"), None).await;
    assert_eq!(status, 200);
    assert!(body.contains("<title>demo</title>"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let (status, headers, _) = get(&server.url("/widget/w_bg.wasm"), None).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/wasm");
    assert_eq!(headers["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn missing_static_dir_answers_503_saying_how_to_build() {
    let server = TestServer::start(&["--static-dir", "/nonexistent/dist"]);
    let (status, _, body) = get(&server.url("/"), None).await;
    assert_eq!(status, 503);
    assert!(body.starts_with("widget not built: run"), "{body}");
}

#[tokio::test]
async fn catalog_answers_are_cacheable_for_a_minute() {
    let server = TestServer::start(&[]);
    for path in [
        "/api/integrations",
        "/api/endgrate/api/integrations?category=CRM",
    ] {
        let (status, headers, _) = get(&server.url(path), None).await;
        assert_eq!(status, 200);
        assert_eq!(headers["cache-control"], "public, max-age=60", "{path}");
    }
}

#[tokio::test]
async fn json_reads_are_gzipped_for_clients_that_accept_it() {
    use std::io::Read;
    let server = TestServer::start(&[]);
    for path in [
        "/api/integrations",
        "/api/endgrate/api/integrations?category=CRM",
        "/api/fields?provider=hubspot&endgrate_type=crm-contact",
    ] {
        let plain = client().get(server.url(path)).send().await.unwrap();
        assert!(plain.headers().get("content-encoding").is_none(), "{path}");
        let plain = plain.bytes().await.unwrap();
        let zipped = client()
            .get(server.url(path))
            .header("accept-encoding", "gzip, deflate, br")
            .send()
            .await
            .unwrap();
        assert_eq!(zipped.headers()["content-encoding"], "gzip", "{path}");
        assert_eq!(zipped.headers()["vary"], "accept-encoding", "{path}");
        let zipped = zipped.bytes().await.unwrap();
        assert!(
            zipped.len() * 3 < plain.len(),
            "{path}: {} vs {}",
            zipped.len(),
            plain.len()
        );
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&zipped[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, plain, "{path}");
    }
}
