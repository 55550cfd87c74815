//! Checks of `end_user_configuration` (the widget extension) against the session's schemas and
//! the provider's integrations and fields.
//!
//! Decides only; it must not touch the database.

use crate::error::AppError;
use crate::seed::{Catalog, Provider};
use crate::validate::CatalogScope;
use std::collections::BTreeSet;
use widget_core::request::resource_name;
use widget_core::wire::{EndUserConfiguration, InitiateBody, Method, SchemaChoice};

pub(super) fn check(
    body: &InitiateBody,
    euc: &EndUserConfiguration,
    keys: &BTreeSet<String>,
    catalog: &Catalog,
    scope: CatalogScope,
) -> Result<(), AppError> {
    let provider = match body
        .provider
        .as_deref()
        .map(|name| (name, catalog.provider(name)))
    {
        Some((_, Some(provider))) => Some(provider),
        Some((_, None)) if scope == CatalogScope::Partial => None,
        Some((name, None)) => {
            return Err(AppError::invalid(
                "provider",
                format!("no provider named `{name}`"),
            ))
        }
        None if euc.schemas.is_empty() => None,
        None => {
            return Err(AppError::invalid(
                "provider",
                "is required when end_user_configuration has schemas",
            ));
        }
    };
    for (key, choice) in &euc.schemas {
        let at = |rest: &str| {
            if rest.is_empty() {
                format!("end_user_configuration.schemas.{key}")
            } else {
                format!("end_user_configuration.schemas.{key}.{rest}")
            }
        };
        if !keys.contains(key) {
            return Err(AppError::invalid(
                &at(""),
                "is not a schema of this session",
            ));
        }
        let own_fields = body
            .schema
            .iter()
            .flatten()
            .find(|s| s.endgrate_type.as_deref() == Some(key) || s.title.as_deref() == Some(key))
            .and_then(|s| s.properties.as_ref())
            .map(|p| p.keys().cloned().collect::<BTreeSet<_>>());
        let schema_fields: Option<BTreeSet<String>> = own_fields.or_else(|| {
            catalog
                .schemas
                .get(key)
                .map(|s| s.fields.iter().map(|f| f.name.clone()).collect())
        });
        if let Some(fields) = &schema_fields {
            for name in choice.fields.keys() {
                if !fields.contains(name) {
                    return Err(AppError::invalid(
                        &at(&format!("fields.{name}")),
                        "is not a field of this schema",
                    ));
                }
            }
        }
        if let Some(provider) = provider.filter(|_| catalog.is_known_type(key)) {
            check_against_provider(provider, key, choice, &at)?;
        }
    }
    Ok(())
}

fn check_against_provider(
    provider: &Provider,
    key: &str,
    choice: &SchemaChoice,
    at: &dyn Fn(&str) -> String,
) -> Result<(), AppError> {
    let name = &provider.entry.provider.name;
    let Some(integration) = provider.integration(key) else {
        return Err(AppError::invalid(
            &at(""),
            format!("{name} has no integration for {key}"),
        ));
    };
    let supported = match choice.method {
        Method::Import => integration.supports_pull,
        Method::Export => integration.supports_push,
    };
    if !supported {
        let direction = if choice.method == Method::Import {
            "pull (IMPORT)"
        } else {
            "push (EXPORT)"
        };
        return Err(AppError::invalid(
            &at("method"),
            format!("{name} does not support {direction} for {key}"),
        ));
    }
    if let Some(chosen) = &choice.integration {
        // The name the widget builds from the catalog it was shown (one rule, in widget_core).
        let expected = resource_name(&integration.display_name, choice.method);
        if *chosen != expected {
            return Err(AppError::invalid(
                &at("integration"),
                format!("`{chosen}` is not an integration of {name} for this method; expected `{expected}`"),
            ));
        }
    }
    let provider_fields = provider
        .fields
        .get(key)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let has = |field: &str| provider_fields.iter().any(|f| f.name == field);
    for (field, mapping) in &choice.fields {
        if !has(&mapping.provider_field) {
            return Err(AppError::invalid(
                &at(&format!("fields.{field}.provider_field")),
                format!("{name} has no field `{}` on {key}", mapping.provider_field),
            ));
        }
    }
    for (i, field) in choice.passthrough_fields.iter().enumerate() {
        if !has(field) {
            return Err(AppError::invalid(
                &at(&format!("passthrough_fields[{i}]")),
                format!("{name} has no field `{field}` on {key}"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::redirect::AllowList;
    use crate::seed::Catalog;
    use crate::validate::{initiate_body, CatalogScope};

    fn key_of(body: &str) -> Option<String> {
        let catalog = Catalog::load().unwrap();
        let redirects = AllowList::parse(&["https://app.example"]).unwrap();
        initiate_body(
            body.as_bytes(),
            &catalog,
            &redirects,
            CatalogScope::Authoritative,
        )
        .err()
        .map(|f| f.key().unwrap())
    }

    fn with_choice(choice: &str) -> String {
        format!(
            r#"{{"provider": "hubspot", "schema": [{{"endgrate_type": "crm-contact"}}],
                "end_user_configuration": {{"schemas": {{"crm-contact": {choice}}}}}}}"#
        )
    }

    #[test]
    fn design_example_choice_is_accepted() {
        let body = with_choice(
            r#"{"method": "EXPORT", "integration": "create-contacts",
                "fields": {"email": {"provider_field": "email", "upsert": "SET_IF_NOT_SET"}},
                "passthrough_fields": ["lifecyclestage"]}"#,
        );
        assert_eq!(key_of(&body), None);
    }

    #[test]
    fn bad_choices_name_their_key() {
        let p = "end_user_configuration.schemas.crm-contact";
        let cases = [
            (r#"{"method": "SIDEWAYS"}"#.to_string(), format!("{p}.method")),
            (r#"{"method": "IMPORT", "integration": "get-deals"}"#.into(), format!("{p}.integration")),
            (r#"{"method": "IMPORT", "fields": {"shoe_size": {"provider_field": "email"}}}"#.into(), format!("{p}.fields.shoe_size")),
            (r#"{"method": "IMPORT", "fields": {"email": {"provider_field": "nope"}}}"#.into(), format!("{p}.fields.email.provider_field")),
            (r#"{"method": "EXPORT", "fields": {"email": {"provider_field": "email", "upsert": "DELETE_ALL"}}}"#.into(), format!("{p}.fields.email.upsert")),
            (r#"{"method": "IMPORT", "passthrough_fields": ["nope"]}"#.into(), format!("{p}.passthrough_fields[0]")),
        ];
        for (choice, key) in cases {
            assert_eq!(
                key_of(&with_choice(&choice)).as_deref(),
                Some(key.as_str()),
                "{choice}"
            );
        }
    }

    #[test]
    fn integration_names_come_from_the_widgets_rule() {
        let body = |name: &str| {
            format!(
                r#"{{"provider": "slack", "schema": [{{"endgrate_type": "communication-message_history"}}],
                    "end_user_configuration": {{"schemas": {{"communication-message_history":
                      {{"method": "IMPORT", "integration": "{name}"}}}}}}}}"#
            )
        };
        assert_eq!(key_of(&body("get-message-histories")), None);
        assert_eq!(
            key_of(&body("get-messages")).as_deref(),
            Some("end_user_configuration.schemas.communication-message_history.integration")
        );
    }

    #[test]
    fn choice_for_a_schema_outside_the_session_is_refused() {
        let body = r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
            "end_user_configuration": {"schemas": {"crm-deal": {"method": "IMPORT"}}}}"#;
        assert_eq!(
            key_of(body).as_deref(),
            Some("end_user_configuration.schemas.crm-deal")
        );
    }

    #[test]
    fn push_only_provider_refuses_import() {
        let body = r#"{"provider": "calendly", "schema": [{"endgrate_type": "calendar-event"}],
            "end_user_configuration": {"schemas": {"calendar-event": {"method": "EXPORT"}}}}"#;
        assert_eq!(
            key_of(body).as_deref(),
            Some("end_user_configuration.schemas.calendar-event.method")
        );
    }
}
