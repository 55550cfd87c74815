//! Integration (resource) names agree between the widget and the server: for every provider and
//! endgrate_type of the catalog the widget is shown, the name `widget_core::request::resource_name`
//! builds for each supported direction is accepted (and both together where both are supported),
//! a wrong name is refused naming its key, a direction the provider lacks is refused, and the
//! configuration reports the same name when the server chooses it.

mod common;
use common::*;
use serde_json::json as value;
use std::collections::BTreeSet;
use widget_core::request::resource_name;
use widget_core::wire::{IntegrationsResponse, Method};

fn method_str(method: Method) -> &'static str {
    method.as_str()
}

fn body(provider: &str, endgrate_type: &str, method: Method, integration: Option<&str>) -> String {
    body_with(provider, endgrate_type, &[(method, integration)])
}

fn body_with(provider: &str, endgrate_type: &str, methods: &[(Method, Option<&str>)]) -> String {
    let mut choice = value!({"methods": {}});
    for (method, integration) in methods {
        let mut m = value!({});
        if let Some(name) = integration {
            m["integration"] = value!(name);
        }
        choice["methods"][method_str(*method)] = m;
    }
    value!({
        "provider": provider,
        "schema": [{"endgrate_type": endgrate_type}],
        "end_user_configuration": {"schemas": {endgrate_type: choice}},
    })
    .to_string()
}

/// The catalog exactly as the widget receives it.
async fn served_catalog(server: &TestServer) -> IntegrationsResponse {
    let (status, _, text) = get(&server.url("/api/endgrate/api/integrations"), None).await;
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn every_offered_type_accepts_the_widgets_resource_names_and_refuses_others() {
    let server = TestServer::start(&[]);
    let url = server.url("/api/session/initiate");
    let catalog = served_catalog(&server).await;
    let mut covered = BTreeSet::new();
    let mut checked = 0;
    for entry in &catalog.providers {
        let provider = &entry.provider.name;
        for integration in &entry.integrations {
            let t = &integration.endgrate_type;
            let mut directions = Vec::new();
            if integration.supports_pull {
                directions.push((Method::Import, Method::Export));
            }
            if integration.supports_push {
                directions.push((Method::Export, Method::Import));
            }
            assert!(!directions.is_empty(), "{provider} {t} has no direction");
            if directions.len() == 2 {
                let pull = resource_name(&integration.display_name, Method::Import);
                let push = resource_name(&integration.display_name, Method::Export);
                let both = body_with(
                    provider,
                    t,
                    &[(Method::Import, Some(&pull)), (Method::Export, Some(&push))],
                );
                let (status, _, text) = post_json(&url, Some(&server.key), None, &both).await;
                assert_eq!(status, 200, "{provider} {t} both: {text}");
            } else {
                // The direction the provider lacks, alone or beside the one it has.
                let (has, lacks) = directions[0];
                let key = format!(
                    "end_user_configuration.schemas.{t}.methods.{}",
                    lacks.as_str()
                );
                for methods in [vec![(lacks, None)], vec![(has, None), (lacks, None)]] {
                    let (status, _, text) = post_json(
                        &url,
                        Some(&server.key),
                        None,
                        &body_with(provider, t, &methods),
                    )
                    .await;
                    assert_eq!(
                        (status, error_key(&text)),
                        (422, key.clone()),
                        "{provider} {t} {lacks:?}: {text}"
                    );
                }
            }
            for (method, other) in directions {
                let name = resource_name(&integration.display_name, method);
                let (status, _, text) = post_json(
                    &url,
                    Some(&server.key),
                    None,
                    &body(provider, t, method, Some(&name)),
                )
                .await;
                assert_eq!(status, 200, "{provider} {t} {name}: {text}");

                let key = format!(
                    "end_user_configuration.schemas.{t}.methods.{}.integration",
                    method.as_str()
                );
                for wrong in [
                    resource_name(&integration.display_name, other),
                    format!("{name}-x"),
                ] {
                    let (status, _, text) = post_json(
                        &url,
                        Some(&server.key),
                        None,
                        &body(provider, t, method, Some(&wrong)),
                    )
                    .await;
                    assert_eq!(
                        (status, error_key(&text)),
                        (422, key.clone()),
                        "{provider} {t} {wrong}: {text}"
                    );
                    assert!(
                        json(&text)["message"].as_str().unwrap().contains(&name),
                        "the refusal names the expected integration: {text}"
                    );
                }
                checked += 1;
            }
            covered.insert(t.clone());
        }
    }
    assert!(covered.contains("communication-message_history"));
    assert!(covered.len() >= 30, "{covered:?}");
    assert!(checked >= covered.len());
}

#[tokio::test]
async fn configuration_reports_the_widgets_resource_name_for_every_offered_type() {
    let server = TestServer::start(&[]);
    let catalog = served_catalog(&server).await;
    let mut seen = BTreeSet::new();
    for entry in &catalog.providers {
        for integration in &entry.integrations {
            if !seen.insert(integration.endgrate_type.clone()) {
                continue;
            }
            let t = &integration.endgrate_type;
            let method = if integration.supports_pull {
                Method::Import
            } else {
                Method::Export
            };
            // No integration in the body: the server names it itself.
            let (status, _, text) = post_json(
                &server.url("/api/session/initiate"),
                Some(&server.key),
                None,
                &body(&entry.provider.name, t, method, None),
            )
            .await;
            assert_eq!(status, 200, "{text}");
            let id = json(&text)["session_id"].as_str().unwrap().to_string();
            let response = authorize(&server, &id).await;
            assert!(response.status().is_success(), "{}", response.status());
            let (status, _, text) = get(
                &server.url(&format!("/api/session/configuration?session_id={id}")),
                Some(&server.key),
            )
            .await;
            assert_eq!(status, 200, "{text}");
            let schema = &json(&text)["schemas"][t.as_str()];
            let name = resource_name(&integration.display_name, method);
            assert_eq!(schema["integration"], name.as_str(), "{t}: {text}");
            assert_eq!(schema["integration_info"]["name"], name.as_str());
            assert_eq!(schema["integration_info"]["method"], method_str(method));
        }
    }
    assert!(seen.contains("communication-message_history"));
}
