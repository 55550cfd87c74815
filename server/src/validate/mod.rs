//! Validation of the initiate body, as endgrate-api.md describes it: strict keys, types and enum
//! values (from the wire types), then the checks serde cannot express — known endgrate_types and
//! categories, schemas identified by type or title, the redirect allow-list, and (with a catalog)
//! the provider and the end user's choices.
//!
//! Every refusal names the offending key, as a dotted path (`schema[0].endgrate_type`). This
//! module decides only; it must not touch the database or build HTTP responses beyond [`Failure`].

mod choices;

use crate::error::Failure;
use crate::redirect::AllowList;
use crate::seed::{Catalog, CATEGORIES};
use axum::http::StatusCode;
use std::collections::BTreeSet;
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

/// JSON-Schema property types Endgrate accepts.
const PROPERTY_TYPES: [&str; 5] = ["string", "number", "boolean", "array", "object"];

/// Parses and validates an initiate body.
///
/// # Errors
/// 400 for malformed JSON, 422 naming the key for everything else.
pub fn initiate_body(
    bytes: &[u8],
    catalog: &Catalog,
    redirects: &AllowList,
    scope: CatalogScope,
) -> Result<InitiateBody, Failure> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            format!("The request body is not valid JSON ({e})."),
        )
    })?;
    if !value.is_object() {
        return Err(Failure::invalid("body", "must be a JSON object"));
    }
    let body: InitiateBody = serde_path_to_error::deserialize(value).map_err(|e| {
        let (key, problem) = describe(e.path().to_string(), e.inner().to_string());
        Failure::invalid(&key, problem)
    })?;

    if let Some(category) = &body.category {
        if !CATEGORIES.contains(&category.as_str()) {
            return Err(Failure::invalid(
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
            return Err(Failure::invalid(
                "provider",
                format!("no provider named `{provider}` in the catalog"),
            ));
        }
    }
    if let Some(url) = &body.redirect_url {
        redirects
            .check(url)
            .map_err(|problem| Failure::invalid("redirect_url", problem))?;
    }
    if let Some(webhook) = &body.configuration_webhook {
        check_webhook(&webhook.endpoint)?;
    }
    for text in [
        ("label", &body.label),
        ("provider_list_id", &body.provider_list_id),
    ] {
        if text.1.as_ref().is_some_and(|v| v.len() > 500) {
            return Err(Failure::invalid(text.0, "is longer than 500 characters"));
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
fn schema_keys(body: &InitiateBody, catalog: &Catalog) -> Result<BTreeSet<String>, Failure> {
    let mut keys = BTreeSet::new();
    for (i, schema) in body.schema.iter().flatten().enumerate() {
        let key = schema_key(i, schema, catalog)?;
        if !keys.insert(key.clone()) {
            return Err(Failure::invalid(
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

fn schema_key(i: usize, schema: &Schema, catalog: &Catalog) -> Result<String, Failure> {
    let at = |key: &str| format!("schema[{i}].{key}");
    if let Some(kind) = &schema.schema_type {
        if kind != "object" {
            return Err(Failure::invalid(&at("type"), "must be \"object\""));
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
                return Err(Failure::invalid(
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
            return Err(Failure::invalid(
                &at(&format!("required[{j}]")),
                format!("`{name}` is not a property of this schema"),
            ));
        }
    }
    match (schema.endgrate_type.as_deref(), title) {
        (Some("unspecified") | None, None) => Err(Failure::invalid(
            &at("title"),
            "is required when the schema has no endgrate_type",
        )),
        (Some("unspecified") | None, Some(title)) => Ok(title.to_string()),
        (Some(kind), _) if catalog.is_known_type(kind) => Ok(kind.to_string()),
        (Some(kind), _) => Err(Failure::invalid(
            &at("endgrate_type"),
            format!("unknown endgrate_type `{kind}`"),
        )),
    }
}

fn check_webhook(endpoint: &str) -> Result<(), Failure> {
    let key = "configuration_webhook.endpoint";
    let url =
        url::Url::parse(endpoint).map_err(|_| Failure::invalid(key, "is not an absolute URL"))?;
    if !matches!(url.scheme(), "https" | "http") || url.host_str().is_none() {
        return Err(Failure::invalid(key, "must be an http(s) URL"));
    }
    Ok(())
}

/// Turns serde's message and path into (key, problem). An unknown key's path is its parent, so
/// the key itself is appended.
fn describe(path: String, message: String) -> (String, String) {
    let parent = if path == "." { String::new() } else { path };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let key = if parent.is_empty() {
            name.to_string()
        } else if parent.ends_with(name) {
            parent.clone()
        } else {
            format!("{parent}.{name}")
        };
        return (key, "unknown key".to_string());
    }
    let key = if parent.is_empty() {
        "body".to_string()
    } else {
        parent
    };
    // serde appends " at line L column C"; the key already says where.
    let problem = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    (key, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str) -> Result<InitiateBody, Failure> {
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
        let failure = check(body).unwrap_err();
        let errors = failure.body.errors.expect("errors object");
        errors.as_object().unwrap()[0].0.clone()
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
    fn malformed_json_is_a_400() {
        assert_eq!(check("{").unwrap_err().status, StatusCode::BAD_REQUEST);
    }
}
