//! The initiate body (design.md "What the widget sends"): the host's `session` options verbatim,
//! plus the user's choices: `provider`, the chosen `schema` entries and `end_user_configuration`.
//! Building only; sending is the shell's job.

use crate::ids::ProviderName;
use crate::options::SessionOptions;
use crate::sorted::SortedMap;
use crate::wire::{
    EndUserConfiguration, FieldChoice, InitiateBody, Method, MethodChoices, Schema, SchemaChoice,
};

/// What the user chose for one schema.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenSchema {
    /// The schema entry sent in `schema` (the host's entry, or `{endgrate_type}` / `{title}`).
    pub schema: Schema,
    /// Its key in `end_user_configuration.schemas`.
    pub key: String,
    /// The directions, each with its integration when resource selection was offered.
    pub methods: MethodChoices,
    /// Schema field → provider field (with upsert when pushed), when field selection was offered.
    pub fields: SortedMap<String, FieldChoice>,
    /// Chosen passthrough fields.
    pub passthrough_fields: Vec<String>,
}

/// The integration (resource) name for a direction, e.g. `get-contacts` / `create-contacts`: the
/// plural, hyphenated display name of the integration, as Endgrate names its integrations.
///
/// Built in one buffer: the prefix, then the lowercase ASCII words joined by `-`, then the plural
/// ending, with no intermediate strings or formatting.
pub fn resource_name(display_name: &str, method: Method) -> String {
    let mut out = String::from(match method {
        Method::Import => "get-",
        Method::Export => "create-",
    });
    let start = out.len();
    let mut gap = false;
    for c in display_name.chars() {
        if !c.is_ascii_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && out.len() > start {
            out.push('-');
        }
        gap = false;
        out.push(c.to_ascii_lowercase());
    }
    let slug = &out[start..];
    let consonant_y = slug.ends_with('y')
        && !slug.ends_with("ay")
        && !slug.ends_with("ey")
        && !slug.ends_with("oy");
    if slug.ends_with("person") {
        out.truncate(out.len() - "person".len());
        out.push_str("people");
    } else if consonant_y {
        out.pop();
        out.push_str("ies");
    } else if slug.ends_with("ss")
        || slug.ends_with('x')
        || slug.ends_with("ch")
        || slug.ends_with("sh")
    {
        out.push_str("es");
    } else if !slug.ends_with('s') {
        out.push('s');
    }
    out
}

/// The name people read for an integration, e.g. `Get Contacts` for `get-contacts`: its
/// [`resource_name`] with each word capitalised, as Endgrate's `integration_info.display_name`.
/// The name holds only ASCII (see [`resource_name`]), so ASCII case rules suffice.
pub fn resource_display_name(display_name: &str, method: Method) -> String {
    let mut name = resource_name(display_name, method).into_bytes();
    let mut start = true;
    for b in &mut name {
        if *b == b'-' {
            *b = b' ';
            start = true;
        } else {
            if start {
                b.make_ascii_uppercase();
            }
            start = false;
        }
    }
    String::from_utf8(name).unwrap_or_default()
}

/// The initiate body for these choices.
pub fn build_initiate_body(
    session: &SessionOptions,
    provider: &ProviderName,
    chosen: &[ChosenSchema],
) -> InitiateBody {
    let schemas = chosen
        .iter()
        .map(|c| {
            let choice = SchemaChoice {
                methods: c.methods.clone(),
                fields: c.fields.clone(),
                passthrough_fields: c.passthrough_fields.clone(),
            };
            (c.key.clone(), choice)
        })
        .collect();
    InitiateBody {
        label: session.label.clone(),
        category: session.category.as_ref().map(|c| c.as_str().to_owned()),
        configuration_webhook: session.configuration_webhook.clone(),
        default_upsert_setting: session.default_upsert_setting,
        field_selection: session.field_selection,
        passthrough_fields: session.passthrough_fields,
        passthrough_schemas: session.passthrough_schemas,
        sync: session.sync,
        provider: Some(provider.as_str().to_owned()),
        provider_list_id: session.provider_list_id.clone(),
        redirect_url: session.redirect_url.as_ref().map(|r| r.as_str().to_owned()),
        resource_selection: session.resource_selection,
        save_session: session.save_session,
        schema: Some(chosen.iter().map(|c| c.schema.clone()).collect()),
        schema_selection: session.schema_selection,
        statistics: session.statistics,
        webhook_concurrency: session.webhook_concurrency,
        end_user_configuration: Some(EndUserConfiguration { schemas }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_follow_endgrate_examples() {
        assert_eq!(resource_name("Contact", Method::Import), "get-contacts");
        assert_eq!(resource_name("Contact", Method::Export), "create-contacts");
        assert_eq!(resource_name("Company", Method::Import), "get-companies");
        assert_eq!(resource_name("Address", Method::Import), "get-addresses");
        assert_eq!(
            resource_name("Contact Person", Method::Import),
            "get-contact-people"
        );
        assert_eq!(
            resource_name("Page Views", Method::Import),
            "get-page-views"
        );
        assert_eq!(
            resource_name("Product Category", Method::Export),
            "create-product-categories"
        );
    }

    /// The plain composition of slug, plural and prefix that `resource_name` builds in one buffer.
    fn reference_name(display_name: &str, method: Method) -> String {
        let slug = display_name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join("-");
        let s = slug.as_str();
        let consonant_y =
            s.ends_with('y') && !s.ends_with("ay") && !s.ends_with("ey") && !s.ends_with("oy");
        let plural = if let Some(stem) = s.strip_suffix("person") {
            format!("{stem}people")
        } else if consonant_y {
            format!("{}ies", &s[..s.len() - 1])
        } else if s.ends_with("ss") || s.ends_with('x') || s.ends_with("ch") || s.ends_with("sh") {
            format!("{s}es")
        } else if s.ends_with('s') {
            s.to_owned()
        } else {
            format!("{s}s")
        };
        match method {
            Method::Import => format!("get-{plural}"),
            Method::Export => format!("create-{plural}"),
        }
    }

    #[test]
    fn resource_names_match_the_reference_on_edge_cases() {
        for name in [
            "",
            " ",
            "--",
            "y",
            "s",
            "x",
            "person",
            "Sales Person",
            "Day",
            "Key",
            "Toy",
            "Boy's",
            "  Lead  Source ",
            "Ünïcödé Ñame",
            "déjà-vu",
            "Box",
            "Church",
            "Wish",
            "Glass",
            "A_B",
            "SMS",
            "Opportunity",
            "Café Menu",
            "100 Items",
        ] {
            for method in [Method::Import, Method::Export] {
                assert_eq!(
                    resource_name(name, method),
                    reference_name(name, method),
                    "{name:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn resource_names_match_the_reference(name in "[ a-zA-Z0-9_éß.-]{0,16}(person|ay|y|s|ss|x|ch|sh)?") {
            for method in [Method::Import, Method::Export] {
                proptest::prop_assert_eq!(resource_name(&name, method), reference_name(&name, method));
            }
        }
    }

    #[test]
    fn resource_display_names_capitalise_each_word() {
        assert_eq!(
            resource_display_name("Contact", Method::Import),
            "Get Contacts"
        );
        assert_eq!(
            resource_display_name("Message History", Method::Export),
            "Create Message Histories"
        );
    }

    #[test]
    fn body_carries_session_keys_and_choices_and_round_trips_through_strict_type() {
        let session = SessionOptions {
            label: Some("Acme".into()),
            save_session: Some(true),
            ..Default::default()
        };
        let chosen = ChosenSchema {
            schema: Schema {
                endgrate_type: Some("crm-contact".into()),
                ..Default::default()
            },
            key: "crm-contact".into(),
            methods: MethodChoices {
                import: None,
                export: Some(crate::wire::MethodChoice {
                    integration: Some("create-contacts".into()),
                }),
            },
            fields: [(
                "email".to_owned(),
                FieldChoice {
                    provider_field: "email".into(),
                    upsert: Some(crate::wire::UpsertSetting::DoNotUpdate),
                },
            )]
            .into_iter()
            .collect(),
            passthrough_fields: vec!["lifecyclestage".into()],
        };
        let body = build_initiate_body(&session, &ProviderName::new("hubspot").unwrap(), &[chosen]);
        let json = serde_json::to_string(&body).unwrap();
        let back: InitiateBody = serde_json::from_str(&json).unwrap();
        assert_eq!(back, body);
        assert!(
            json.contains(r#""label":"Acme""#) && json.contains(r#""provider":"hubspot""#),
            "{json}"
        );
        assert!(
            json.contains(r#""crm-contact":{"methods":{"EXPORT":{"integration":"create-contacts"}},"fields":{"email":{"provider_field":"email","upsert":"DO_NOT_UPDATE"}},"passthrough_fields":["lifecyclestage"]}"#),
            "{json}"
        );
        assert!(
            !json.contains("field_selection"),
            "unset options stay unset: {json}"
        );
    }
}
