//! Validation of the initiate body, as endgrate-api.md describes it: strict keys, types and enum
//! values (from the wire types), then the checks serde cannot express — known endgrate_types and
//! categories, schemas identified by type or title, the redirect allow-list, and (with a catalog)
//! the provider and the end user's choices.
//!
//! Every refusal names the offending key, as a dotted path (`schema[0].endgrate_type`). URLs that
//! pass are replaced by the parser's serialisation the checks ran on, so what is stored and
//! forwarded is exactly what was validated. This module decides only; it must not touch the
//! database or build HTTP responses beyond [`AppError`].

mod choices;

use crate::body;
use crate::error::AppError;
use crate::redirect::AllowList;
use crate::seed::Catalog;
use std::collections::BTreeSet;
use widget_core::options::{CATEGORIES, PROPERTY_TYPES};
use widget_core::url_check::{parse_web_url, NativeUrlParser};
use widget_core::wire::{InitiateBody, Schema};

/// How much of the catalog applies: local mode knows every provider; proxy mode's catalog is
/// Endgrate's, so only providers that happen to be seeded can have their choices checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogScope {
    /// The seed is the catalog: unknown providers are refused.
    Authoritative,
    /// The seed is a subset: unknown providers pass, known ones are checked.
    Partial,
}

/// Parses and validates an initiate body.
///
/// # Errors
/// 400 for malformed JSON or a repeated key, 422 naming the key for everything else.
pub fn initiate_body(
    bytes: &[u8],
    catalog: &Catalog,
    redirects: &AllowList,
    scope: CatalogScope,
) -> Result<InitiateBody, AppError> {
    let mut body: InitiateBody = body::typed(body::json_object(bytes)?)?;

    if let Some(category) = &body.category {
        if !CATEGORIES.contains(&category.as_str()) {
            return Err(AppError::invalid(
                "category",
                format!(
                    "unknown category `{category}`; expected one of {}",
                    CATEGORIES.join(", ")
                ),
            ));
        }
    }
    if let Some(provider) = &body.provider {
        if scope == CatalogScope::Authoritative && catalog.provider(provider).is_none() {
            return Err(AppError::invalid(
                "provider",
                format!("no provider named `{provider}` in the catalog"),
            ));
        }
    }
    if let Some(url) = &body.redirect_url {
        let accepted = redirects
            .check(url)
            .map_err(|problem| AppError::invalid("redirect_url", problem))?;
        body.redirect_url = Some(accepted.as_str().to_owned());
    }
    if let Some(webhook) = &mut body.configuration_webhook {
        webhook.endpoint = check_webhook(&webhook.endpoint)?;
    }
    for text in [
        ("label", &body.label),
        ("provider_list_id", &body.provider_list_id),
    ] {
        if text.1.as_ref().is_some_and(|v| v.len() > 500) {
            return Err(AppError::invalid(text.0, "is longer than 500 characters"));
        }
    }
    let keys = schema_keys(&body, catalog)?;
    if let Some(euc) = &body.end_user_configuration {
        choices::check(&body, euc, &keys, catalog, scope)?;
    }
    Ok(body)
}

/// The session's schema keys (endgrate_type, or title for custom schemas), with the types the
/// category adds. Refuses schemas that cannot be identified.
fn schema_keys(body: &InitiateBody, catalog: &Catalog) -> Result<BTreeSet<String>, AppError> {
    let mut keys = BTreeSet::new();
    for (i, schema) in body.schema.iter().flatten().enumerate() {
        let key = schema_key(i, schema, catalog)?;
        if !keys.insert(key.clone()) {
            return Err(AppError::invalid(
                &format!("schema[{i}]"),
                format!("`{key}` appears twice"),
            ));
        }
    }
    if let Some(category) = &body.category {
        keys.extend(catalog.types_of_category(category));
    }
    Ok(keys)
}

fn schema_key(i: usize, schema: &Schema, catalog: &Catalog) -> Result<String, AppError> {
    let at = |key: &str| format!("schema[{i}].{key}");
    if let Some(kind) = &schema.schema_type {
        if kind != "object" {
            return Err(AppError::invalid(&at("type"), "must be \"object\""));
        }
    }
    let title = schema
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    if let Some(properties) = &schema.properties {
        for (name, property) in properties {
            let kind = property.get("type").and_then(|t| t.as_str());
            if !kind.is_some_and(|k| PROPERTY_TYPES.contains(&k)) {
                return Err(AppError::invalid(
                    &at(&format!("properties.{name}.type")),
                    format!("must be one of {}", PROPERTY_TYPES.join(", ")),
                ));
            }
        }
    }
    for (j, name) in schema.required.iter().flatten().enumerate() {
        let declared = match &schema.properties {
            Some(properties) => properties.contains_key(name),
            None => schema
                .endgrate_type
                .as_ref()
                .and_then(|t| catalog.schemas.get(t))
                .is_some_and(|s| s.fields.iter().any(|f| f.name == *name)),
        };
        if !declared {
            return Err(AppError::invalid(
                &at(&format!("required[{j}]")),
                format!("`{name}` is not a property of this schema"),
            ));
        }
    }
    match (schema.endgrate_type.as_deref(), title) {
        (Some("unspecified") | None, None) => Err(AppError::invalid(
            &at("title"),
            "is required when the schema has no endgrate_type",
        )),
        (Some("unspecified") | None, Some(title)) => Ok(title.to_string()),
        (Some(kind), _) if catalog.is_known_type(kind) => Ok(kind.to_string()),
        (Some(kind), _) => Err(AppError::invalid(
            &at("endgrate_type"),
            format!("unknown endgrate_type `{kind}`"),
        )),
    }
}

/// The endpoint rule of the widget's options (`widget_core::url_check::parse_web_url`): the
/// redirect rule's raw-string checks (no whitespace, control character or backslash), then an
/// absolute https URL (http on loopback) without credentials. Returns the serialisation checked.
fn check_webhook(endpoint: &str) -> Result<String, AppError> {
    parse_web_url(endpoint, &NativeUrlParser)
        .map(|parsed| parsed.href)
        .map_err(|rejection| {
            AppError::invalid(
                "configuration_webhook.endpoint",
                format!("refused because {rejection}"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str) -> Result<InitiateBody, AppError> {
        let catalog = Catalog::load().unwrap();
        let redirects = AllowList::parse(&["https://app.example"]).unwrap();
        initiate_body(
            body.as_bytes(),
            &catalog,
            &redirects,
            CatalogScope::Authoritative,
        )
    }

    fn key_of(body: &str) -> String {
        check(body).unwrap_err().key().expect("errors object")
    }

    #[test]
    fn endgrate_examples_are_accepted() {
        check(
            r#"{"schema": [{"endgrate_type": "crm-contact"}, {"endgrate_type": "crm-company"}]}"#,
        )
        .unwrap();
        check(r#"{"schema": [{"endgrate_type": "crm-contact"}], "provider": "hubspot"}"#).unwrap();
        check(r#"{"configuration_webhook": {"endpoint": "https://httpbin.org/post", "metadata": {"user_id": 1}}, "webhook_concurrency": false}"#).unwrap();
    }

    #[test]
    fn each_refusal_names_its_key() {
        let cases = [
            (r#"{"apiKey": "x"}"#, "apiKey"),
            (
                r#"{"schema": [{"endgrate_type": "crm-contact", "colour": 1}]}"#,
                "schema[0].colour",
            ),
            (r#"{"sync": "yes"}"#, "sync"),
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
            (
                r#"{"schema": [{"properties": {"a": {"type": "string"}}}]}"#,
                "schema[0].title",
            ),
            (
                r#"{"schema": [{"title": "X", "properties": {"a": {"type": "text"}}}]}"#,
                "schema[0].properties.a.type",
            ),
            (
                r#"{"redirect_url": "https://evil.example/done"}"#,
                "redirect_url",
            ),
            (
                r#"{"configuration_webhook": {"endpoint": "ftp://x"}}"#,
                "configuration_webhook.endpoint",
            ),
        ];
        for (body, key) in cases {
            assert_eq!(key_of(body), key, "{body}");
        }
    }

    #[test]
    fn property_types_are_the_widgets() {
        // `integer` is one of Endgrate's types; the widget accepts it, so the server must too.
        check(r#"{"schema": [{"title": "T", "properties": {"n": {"type": "integer"}}}]}"#).unwrap();
        assert_eq!(
            key_of(r#"{"schema": [{"title": "T", "properties": {"n": {"type": "text"}}}]}"#),
            "schema[0].properties.n.type"
        );
    }

    #[test]
    fn malformed_json_is_a_400() {
        assert_eq!(check("{").unwrap_err().status.as_u16(), 400);
    }

    #[test]
    fn stored_urls_are_the_serialisations_that_were_checked() {
        let body = check(
            r#"{"redirect_url": "https://app.example/done?x=1",
                "configuration_webhook": {"endpoint": "https://hooks.example"}}"#,
        )
        .unwrap();
        assert_eq!(
            body.redirect_url.as_deref(),
            Some("https://app.example/done?x=1")
        );
        assert_eq!(
            body.configuration_webhook.unwrap().endpoint,
            "https://hooks.example/"
        );
    }

    #[test]
    fn webhook_endpoints_follow_the_redirect_rules_raw_string_checks() {
        for endpoint in [
            " https://x.example/hook",
            r"https://x.exa\nmple/hook",
            r"https://x.example/\\hook",
            r"https://x.example/\u0000",
            "https://user:pw@x.example/hook",
            "http://x.example/hook",
            "http:x.example/hook",
        ] {
            let body = format!(r#"{{"configuration_webhook": {{"endpoint": "{endpoint}"}}}}"#);
            assert_eq!(
                key_of(&body),
                "configuration_webhook.endpoint",
                "{endpoint:?}"
            );
        }
    }

    #[test]
    fn a_redirect_the_parser_repairs_is_stored_as_the_parsers_serialisation() {
        let redirects = AllowList::parse(&["http://127.0.0.1:8787"]).unwrap();
        let catalog = Catalog::load().unwrap();
        let body = initiate_body(
            br#"{"redirect_url": "http:127.0.0.1:8787/x"}"#,
            &catalog,
            &redirects,
            CatalogScope::Authoritative,
        )
        .unwrap();
        assert_eq!(
            body.redirect_url.as_deref(),
            Some("http://127.0.0.1:8787/x")
        );
    }
}
