//! The session lifecycle: initiate → configuration "not yet configured" → hosted stand-in page →
//! Authorize → 303 to redirect_url with session_id → configuration in Endgrate's shape → delete.

mod common;
use common::*;

#[tokio::test]
async fn hosted_round_trip_redirects_with_session_id_and_configures_the_session() {
    let server = TestServer::start(&[]);
    let body = format!(
        r#"{{"provider": "hubspot", "label": "Acme <Corp>", "schema": [{{"endgrate_type": "crm-contact"}}],
            "redirect_url": "http://127.0.0.1:{}/integrations/done?tab=crm",
            "end_user_configuration": {{"schemas": {{"crm-contact": {{"methods": {{"IMPORT": {{"integration": "get-contacts"}}, "EXPORT": {{"integration": "create-contacts"}}}},
              "fields": {{"email": {{"provider_field": "email", "upsert": "SET_IF_NOT_SET"}}}},
              "passthrough_fields": ["lifecyclestage"]}}}}}}}}"#,
        server.port
    );
    let (status, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        &body,
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let id = json(&text)["session_id"].as_str().unwrap().to_string();

    let config_url = server.url(&format!("/api/session/configuration?session_id={id}"));
    let (_, _, text) = get(&config_url, Some(&server.key)).await;
    assert_eq!(
        json(&text),
        serde_json::json!({"message": "Session not yet configured."})
    );

    let (status, headers, page) =
        get(&server.url(&format!("/session?session_id={id}")), None).await;
    assert_eq!(status, 200);
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'self'") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert!(!page.contains("<script"));
    assert!(page.contains("Acme &lt;Corp&gt;"), "label is escaped");
    assert!(page.contains("HubSpot") && page.contains("action=\"/session/authorize\""));

    let response = authorize(&server, &id).await;
    assert_eq!(response.status().as_u16(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(
        location,
        format!(
            "http://127.0.0.1:{}/integrations/done?tab=crm&session_id={id}",
            server.port
        )
    );

    let (status, _, text) = get(&config_url, Some(&server.key)).await;
    assert_eq!(status, 200);
    let config = json(&text);
    assert_eq!(config["success"], true);
    assert_eq!(config["session_id"], id.as_str());
    assert_eq!(config["endgrate"]["provider"], "hubspot");
    assert_eq!(
        config["endgrate"]["provider_info"]["display_name"],
        "HubSpot"
    );
    // Endgrate's entry names the pull integration; both directions are in the extension.
    let contact = &config["schemas"]["crm-contact"];
    assert_eq!(contact["integration"], "get-contacts");
    assert_eq!(contact["integration_info"]["method"], "IMPORT");
    assert_eq!(contact["integration_info"]["display_name"], "Get Contacts");
    assert_eq!(contact["schema"]["session_method"], "IMPORT");
    assert_eq!(
        config["end_user_configuration"]["schemas"]["crm-contact"]["methods"],
        serde_json::json!({"IMPORT": {"integration": "get-contacts"}, "EXPORT": {"integration": "create-contacts"}})
    );
    assert_eq!(contact["schema"]["properties"]["email"]["format"], "email");
    assert!(contact["passthrough_fields"]["properties"]["lifecyclestage"].is_object());
    assert_eq!(
        config["end_user_configuration"]["schemas"]["crm-contact"]["fields"]["email"]["upsert"],
        "SET_IF_NOT_SET"
    );

    let delete = format!(r#"{{"session_id": "{id}"}}"#);
    let (status, _, text) = post_json(
        &server.url("/api/session/delete"),
        Some(&server.key),
        None,
        &delete,
    )
    .await;
    assert_eq!(
        (status, json(&text)["success"].clone()),
        (200, serde_json::json!(true))
    );
    assert_eq!(get(&config_url, Some(&server.key)).await.0, 404);
    assert_eq!(
        post_json(
            &server.url("/api/session/delete"),
            Some(&server.key),
            None,
            &delete
        )
        .await
        .0,
        404
    );
}

#[tokio::test]
async fn hosted_page_without_provider_offers_a_choice_and_unknown_session_is_404() {
    let server = TestServer::start(&[]);
    let (_, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        r#"{"category": "ATS"}"#,
    )
    .await;
    let id = json(&text)["session_id"].as_str().unwrap().to_string();
    let (_, _, page) = get(&server.url(&format!("/session?session_id={id}")), None).await;
    assert!(page.contains("<select") && page.contains("value=\"greenhouse\""));
    assert!(
        !page.contains("value=\"hubspot\""),
        "only providers of the session's schemas"
    );
    let response = client()
        .post(server.url("/session/authorize"))
        .form(&[("session_id", id.as_str()), ("provider", "lever")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        200,
        "no redirect_url: a confirmation page"
    );
    let (_, _, text) = get(
        &server.url(&format!("/api/session/configuration?session_id={id}")),
        Some(&server.key),
    )
    .await;
    assert_eq!(json(&text)["endgrate"]["provider"], "lever");
    assert_eq!(
        get(
            &server.url("/session?session_id=0123456789abcdef01234567"),
            None
        )
        .await
        .0,
        404
    );
}

#[tokio::test]
async fn cross_site_authorize_is_refused() {
    let server = TestServer::start(&[]);
    let (_, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        "{}",
    )
    .await;
    let id = json(&text)["session_id"].as_str().unwrap().to_string();
    let response = client()
        .post(server.url("/session/authorize"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("session_id", id.as_str()), ("provider", "lever")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
}

/// A session of one schema given by title ("Opportunity"), matched by the user to HubSpot's
/// deals, with `fields` and `passthrough` as the widget would send them.
fn opportunity_body(port: u16, methods: &str, fields: &str, passthrough: &str) -> String {
    format!(
        r#"{{"provider": "hubspot", "resource_selection": true,
            "schema": [{{"title": "Opportunity", "properties": {{"name": {{"type": "string"}}}}}}],
            "redirect_url": "http://127.0.0.1:{port}/done",
            "end_user_configuration": {{"schemas": {{"Opportunity": {{"methods": {methods},
              "fields": {fields}, "passthrough_fields": {passthrough}}}}}}}}}"#
    )
}

#[tokio::test]
async fn a_title_schema_matched_to_a_resource_is_configured_as_that_resource() {
    let server = TestServer::start(&[]);
    let initiate = server.url("/api/session/initiate");
    let methods =
        r#"{"IMPORT": {"integration": "get-deals"}, "EXPORT": {"integration": "create-deals"}}"#;
    let body = opportunity_body(
        server.port,
        methods,
        r#"{"name": {"provider_field": "dealname", "upsert": "OVERWRITE"}}"#,
        r#"["deal_currency_code"]"#,
    );
    let (status, _, text) = post_json(&initiate, Some(&server.key), None, &body).await;
    assert_eq!(status, 200, "{text}");
    let id = json(&text)["session_id"].as_str().unwrap().to_string();
    let response = authorize(&server, &id).await;
    assert_eq!(response.status().as_u16(), 303);

    let config_url = server.url(&format!("/api/session/configuration?session_id={id}"));
    let (status, _, text) = get(&config_url, Some(&server.key)).await;
    assert_eq!(status, 200, "{text}");
    let entry = &json(&text)["schemas"]["Opportunity"];
    assert_eq!(entry["integration"], "get-deals", "{entry}");
    assert_eq!(
        entry["integration_info"],
        serde_json::json!({"name": "get-deals", "display_name": "Get Deals", "method": "IMPORT"})
    );
    assert_eq!(entry["schema"]["title"], "Opportunity");
    assert_eq!(
        entry["passthrough_fields"]["properties"]["deal_currency_code"]["title"],
        "Currency"
    );

    // The mapping is checked against the matched resource's fields, not left unchecked.
    let contact_field = opportunity_body(
        server.port,
        methods,
        r#"{"name": {"provider_field": "email", "upsert": "OVERWRITE"}}"#,
        "[]",
    );
    let (status, _, text) = post_json(&initiate, Some(&server.key), None, &contact_field).await;
    assert_eq!(status, 422, "{text}");
    assert_eq!(
        error_key(&text),
        "end_user_configuration.schemas.Opportunity.fields.name.provider_field"
    );
    assert!(text.contains("no field `email` on crm-deal"), "{text}");
    let (status, _, text) = post_json(
        &initiate,
        Some(&server.key),
        None,
        &opportunity_body(server.port, methods, "{}", r#"["no_such_field"]"#),
    )
    .await;
    assert_eq!(status, 422, "{text}");
    assert_eq!(
        error_key(&text),
        "end_user_configuration.schemas.Opportunity.passthrough_fields[0]"
    );
    // Each direction names the resource the user matched: with none, there is nothing to check
    // the fields against or to configure, with fields or without, whichever direction lacks it.
    for (methods, fields, missing) in [
        (
            r#"{"IMPORT": {}}"#,
            r#"{"name": {"provider_field": "dealname"}}"#,
            "IMPORT",
        ),
        (
            r#"{"IMPORT": {}, "EXPORT": {"integration": "create-deals"}}"#,
            "{}",
            "IMPORT",
        ),
        (
            r#"{"IMPORT": {"integration": "get-deals"}, "EXPORT": {}}"#,
            "{}",
            "EXPORT",
        ),
    ] {
        let unnamed = opportunity_body(server.port, methods, fields, "[]");
        let (status, _, text) = post_json(&initiate, Some(&server.key), None, &unnamed).await;
        assert_eq!(status, 422, "{methods}: {text}");
        assert_eq!(
            error_key(&text),
            format!("end_user_configuration.schemas.Opportunity.methods.{missing}.integration")
        );
        assert!(
            text.contains("get-deals") || text.contains("create-deals"),
            "{text}"
        );
    }
    // Without resource selection the widget offers no resource to match it to, so neither may
    // a body name one.
    let unoffered = body.replace(r#""resource_selection": true,"#, "");
    let (status, _, text) = post_json(&initiate, Some(&server.key), None, &unoffered).await;
    assert_eq!(status, 422, "{text}");
    assert_eq!(
        error_key(&text),
        "end_user_configuration.schemas.Opportunity"
    );
    assert!(text.contains("without resource_selection"), "{text}");
}
