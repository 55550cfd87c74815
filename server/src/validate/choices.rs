//! Checks of `end_user_configuration` (the widget extension) against the session's schemas and
//! the provider's integrations and fields.
//!
//! Decides only; it must not touch the database.

use crate::error::AppError;
use crate::seed::{Catalog, Provider};
use crate::validate::CatalogScope;
use std::collections::BTreeSet;
use widget_core::request::resource_name;
use widget_core::resources::{candidates, fields_type, matched_resource};
use widget_core::wire::{EndUserConfiguration, InitiateBody, Method, Schema, SchemaChoice};

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
    let resource_selection = body.resource_selection == Some(true);
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
        check_shape(choice, &at)?;
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
        match provider {
            Some(provider) if catalog.is_known_type(key) => {
                check_against_provider(provider, key, choice, &at)?
            }
            Some(provider) => {
                let schema = body.schema.iter().flatten().find(|s| s.key() == Some(key));
                if let Some(schema) = schema {
                    check_matched_resources(provider, schema, resource_selection, choice, &at)?
                }
            }
            None => {}
        }
    }
    Ok(())
}

fn direction(method: Method) -> &'static str {
    match method {
        Method::Import => "pull (IMPORT)",
        Method::Export => "push (EXPORT)",
    }
}

/// What holds whatever the provider: a direction at least, and an upsert setting on every mapped
/// field exactly when the schema is pushed.
fn check_shape(choice: &SchemaChoice, at: &dyn Fn(&str) -> String) -> Result<(), AppError> {
    if choice.methods.is_empty() {
        return Err(AppError::invalid(
            &at("methods"),
            "needs IMPORT, EXPORT or both: a schema synced in no direction is left out",
        ));
    }
    let pushed = choice.methods.get(Method::Export).is_some();
    for (field, mapping) in &choice.fields {
        match (pushed, mapping.upsert.is_some()) {
            (true, false) => {
                return Err(AppError::invalid(
                    &at(&format!("fields.{field}.upsert")),
                    "is required: the schema is pushed (EXPORT), so every mapped field has an upsert setting",
                ))
            }
            (false, true) => {
                return Err(AppError::invalid(
                    &at(&format!("fields.{field}.upsert")),
                    "is only for pushed schemas; this one is not pushed (no EXPORT in methods)",
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

/// A schema given only by title: it syncs through the provider's custom object of that name, or
/// through the resource the user matched it to (widget_core's rule, `resources::candidates`);
/// each chosen integration must be one of those in its direction, and the mapped and
/// passed-through fields must be those the widget offered (`resources::fields_type`).
fn check_matched_resources(
    provider: &Provider,
    schema: &Schema,
    resource_selection: bool,
    choice: &SchemaChoice,
    at: &dyn Fn(&str) -> String,
) -> Result<(), AppError> {
    let name = &provider.entry.provider.name;
    let candidates = candidates(&provider.entry, schema, resource_selection);
    if candidates.integrations.is_empty() {
        let why = if resource_selection {
            format!("{name} has no integration it can be matched to")
        } else {
            format!(
                "is given only by title and is no custom object of {name}; without \
                 resource_selection it cannot be matched to one of its integrations"
            )
        };
        return Err(AppError::invalid(&at(""), why));
    }
    for (method, chosen) in choice.methods.iter() {
        let offered: Vec<String> = candidates
            .integrations
            .iter()
            .filter(|i| i.supports(method))
            .map(|i| resource_name(&i.display_name, method))
            .collect();
        if offered.is_empty() {
            return Err(AppError::invalid(
                &at(&format!("methods.{}", method.as_str())),
                format!(
                    "{name} has no integration that supports {}",
                    direction(method)
                ),
            ));
        }
        // Matched by the user, the schema has no resource of its own to fall back on: each
        // direction names the one the user picked (the widget always sends it).
        let Some(integration) = &chosen.integration else {
            if candidates.matched_by_user {
                return Err(AppError::invalid(
                    &at(&format!("methods.{}.integration", method.as_str())),
                    format!(
                        "is required: the schema is given only by title and is no custom object \
                         of {name}, so each direction names the integration the user matched it \
                         to; {} offers {}",
                        direction(method),
                        offered.join(", ")
                    ),
                ));
            }
            continue;
        };
        if !offered.contains(integration) {
            return Err(AppError::invalid(
                &at(&format!("methods.{}.integration", method.as_str())),
                format!(
                    "`{integration}` is not an integration of {name} for {}; it offers {}",
                    direction(method),
                    offered.join(", ")
                ),
            ));
        }
    }
    if choice.fields.is_empty() && choice.passthrough_fields.is_empty() {
        return Ok(());
    }
    let matched = matched_resource(
        candidates.integrations.iter().copied(),
        choice.methods.picks(),
    )
    .filter(|_| candidates.matched_by_user);
    check_fields(provider, &fields_type(schema, matched), choice, at)
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
    for (method, chosen) in choice.methods.iter() {
        let method_at = at(&format!("methods.{}", method.as_str()));
        if !integration.supports(method) {
            return Err(AppError::invalid(
                &method_at,
                format!("{name} does not support {} for {key}", direction(method)),
            ));
        }
        if let Some(chosen) = &chosen.integration {
            // The name the widget builds from the catalog it was shown (one rule, in widget_core).
            let expected = resource_name(&integration.display_name, method);
            if *chosen != expected {
                return Err(AppError::invalid(
                    &format!("{method_at}.integration"),
                    format!(
                        "`{chosen}` is not an integration of {name} for {key} in {}; expected `{expected}`",
                        direction(method)
                    ),
                ));
            }
        }
    }
    check_fields(provider, key, choice, at)
}

/// Every mapped provider field and passed-through field is one of the provider's fields on
/// `endgrate_type`, the object the mapping was made against.
fn check_fields(
    provider: &Provider,
    endgrate_type: &str,
    choice: &SchemaChoice,
    at: &dyn Fn(&str) -> String,
) -> Result<(), AppError> {
    let name = &provider.entry.provider.name;
    let provider_fields = provider
        .fields
        .get(endgrate_type)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let has = |field: &str| provider_fields.iter().any(|f| f.name == field);
    for (field, mapping) in &choice.fields {
        if !has(&mapping.provider_field) {
            return Err(AppError::invalid(
                &at(&format!("fields.{field}.provider_field")),
                format!(
                    "{name} has no field `{}` on {endgrate_type}",
                    mapping.provider_field
                ),
            ));
        }
    }
    for (i, field) in choice.passthrough_fields.iter().enumerate() {
        if !has(field) {
            return Err(AppError::invalid(
                &at(&format!("passthrough_fields[{i}]")),
                format!("{name} has no field `{field}` on {endgrate_type}"),
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
    fn pulled_pushed_and_both_are_accepted() {
        for methods in [
            r#"{"IMPORT": {"integration": "get-contacts"}}"#,
            r#"{"EXPORT": {"integration": "create-contacts"}}"#,
            r#"{"IMPORT": {"integration": "get-contacts"}, "EXPORT": {"integration": "create-contacts"}}"#,
            r#"{"IMPORT": {}, "EXPORT": {}}"#,
        ] {
            let upsert = if methods.contains("EXPORT") {
                r#", "upsert": "SET_IF_NOT_SET""#
            } else {
                ""
            };
            let body = with_choice(&format!(
                r#"{{"methods": {methods},
                    "fields": {{"email": {{"provider_field": "email"{upsert}}}}},
                    "passthrough_fields": ["lifecyclestage"]}}"#
            ));
            assert_eq!(key_of(&body), None, "{methods}");
        }
    }

    #[test]
    fn bad_choices_name_their_key() {
        let p = "end_user_configuration.schemas.crm-contact";
        let cases = [
            (r#"{"methods": {"SIDEWAYS": {}}}"#.to_string(), format!("{p}.methods.SIDEWAYS")),
            (r#"{"methods": {}}"#.into(), format!("{p}.methods")),
            (r#"{"method": "IMPORT"}"#.into(), format!("{p}.method")),
            (r#"{"methods": {"IMPORT": {"integration": "get-deals"}}}"#.into(), format!("{p}.methods.IMPORT.integration")),
            (r#"{"methods": {"EXPORT": {"integration": "get-contacts"}}}"#.into(), format!("{p}.methods.EXPORT.integration")),
            (r#"{"methods": {"IMPORT": {}}, "fields": {"shoe_size": {"provider_field": "email"}}}"#.into(), format!("{p}.fields.shoe_size")),
            (r#"{"methods": {"IMPORT": {}}, "fields": {"email": {"provider_field": "nope"}}}"#.into(), format!("{p}.fields.email.provider_field")),
            (r#"{"methods": {"EXPORT": {}}, "fields": {"email": {"provider_field": "email", "upsert": "DELETE_ALL"}}}"#.into(), format!("{p}.fields.email.upsert")),
            (r#"{"methods": {"IMPORT": {}, "EXPORT": {}}, "fields": {"email": {"provider_field": "email"}}}"#.into(), format!("{p}.fields.email.upsert")),
            (r#"{"methods": {"IMPORT": {}}, "fields": {"email": {"provider_field": "email", "upsert": "OVERWRITE"}}}"#.into(), format!("{p}.fields.email.upsert")),
            (r#"{"methods": {"IMPORT": {}}, "passthrough_fields": ["nope"]}"#.into(), format!("{p}.passthrough_fields[0]")),
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
    fn errors_say_what_is_wrong() {
        let message = |choice: &str| {
            let catalog = Catalog::load().unwrap();
            let redirects = AllowList::parse(&["https://app.example"]).unwrap();
            let body = with_choice(choice);
            let err = initiate_body(
                body.as_bytes(),
                &catalog,
                &redirects,
                CatalogScope::Authoritative,
            )
            .unwrap_err();
            format!("{err:?}")
        };
        let m = message(r#"{"methods": {"EXPORT": {"integration": "get-contacts"}}}"#);
        assert!(m.contains("expected `create-contacts`"), "{m}");
        let m = message(r#"{"methods": {}}"#);
        assert!(m.contains("IMPORT, EXPORT or both"), "{m}");
    }

    #[test]
    fn integration_names_come_from_the_widgets_rule() {
        let body = |name: &str| {
            format!(
                r#"{{"provider": "slack", "schema": [{{"endgrate_type": "communication-message_history"}}],
                    "end_user_configuration": {{"schemas": {{"communication-message_history":
                      {{"methods": {{"IMPORT": {{"integration": "{name}"}}}}}}}}}}}}"#
            )
        };
        assert_eq!(key_of(&body("get-message-histories")), None);
        assert_eq!(
            key_of(&body("get-messages")).as_deref(),
            Some("end_user_configuration.schemas.communication-message_history.methods.IMPORT.integration")
        );
    }

    #[test]
    fn choice_for_a_schema_outside_the_session_is_refused() {
        let body = r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
            "end_user_configuration": {"schemas": {"crm-deal": {"methods": {"IMPORT": {}}}}}}"#;
        assert_eq!(
            key_of(body).as_deref(),
            Some("end_user_configuration.schemas.crm-deal")
        );
    }

    #[test]
    fn pull_only_provider_refuses_export_even_beside_import() {
        let body = r#"{"provider": "calendly", "schema": [{"endgrate_type": "calendar-event"}],
            "end_user_configuration": {"schemas": {"calendar-event": {"methods": {"IMPORT": {}, "EXPORT": {}}}}}}"#;
        assert_eq!(
            key_of(body).as_deref(),
            Some("end_user_configuration.schemas.calendar-event.methods.EXPORT")
        );
    }

    #[test]
    fn a_schema_given_by_title_takes_any_provider_integration_of_its_direction() {
        let body = |methods: &str| {
            format!(
                r#"{{"provider": "hubspot", "resource_selection": true,
                    "schema": [{{"title": "Person", "properties": {{"email": {{"type": "string"}}}}}}],
                    "end_user_configuration": {{"schemas": {{"Person": {{"methods": {methods}}}}}}}}}"#
            )
        };
        assert_eq!(
            key_of(&body(
                r#"{"IMPORT": {"integration": "get-companies"}, "EXPORT": {"integration": "create-contacts"}}"#
            )),
            None
        );
        assert_eq!(
            key_of(&body(r#"{"EXPORT": {"integration": "get-companies"}}"#)).as_deref(),
            Some("end_user_configuration.schemas.Person.methods.EXPORT.integration")
        );
    }
}
