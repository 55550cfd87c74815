//! Checks one `session.schema` entry beyond its serde shape: an identifier, typed properties and
//! `required` naming only declared properties. Reports the first problem with its path.

use super::error::OptionsError;
use crate::ids::{EndgrateType, FieldName};
use crate::wire::Schema;

/// JSON-Schema property types Endgrate documents.
pub const PROPERTY_TYPES: &[&str] = &["string", "number", "integer", "boolean", "array", "object"];

/// The most properties one schema may declare.
pub const MAX_PROPERTIES: usize = 500;

/// Checks a schema parsed from the options.
///
/// # Errors
/// `config_invalid` naming the schema's path and the broken rule.
pub(crate) fn check_schema(schema: &Schema, path: &str) -> Result<(), OptionsError> {
    let fail = |rest: &str, msg: &str| {
        Err(OptionsError::config(
            &format!("{path}{rest}"),
            format!("{path}{rest} {msg}"),
        ))
    };
    if schema.schema_type.as_deref().is_some_and(|t| t != "object") {
        return fail(".type", "must be \"object\"");
    }
    if let Some(t) = schema.endgrate_type.as_deref() {
        if EndgrateType::new(t).is_none() {
            return fail(
                ".endgrate_type",
                "must be an endgrate_type such as \"crm-contact\"",
            );
        }
    }
    if let Some(title) = schema.title.as_deref() {
        if title.is_empty() || title.chars().count() > 200 || title.chars().any(char::is_control) {
            return fail(
                ".title",
                "must be a non-empty string of at most 200 characters",
            );
        }
    }
    if schema.key().is_none() {
        return fail(
            "",
            "needs an endgrate_type, or a title when the type is absent or \"unspecified\"",
        );
    }
    if let Some(props) = &schema.properties {
        if props.len() > MAX_PROPERTIES {
            return fail(
                ".properties",
                &format!("may declare at most {MAX_PROPERTIES} properties"),
            );
        }
        for (name, prop) in props {
            let typed = prop
                .get("type")
                .and_then(|t| t.as_str())
                .is_some_and(|t| PROPERTY_TYPES.contains(&t));
            if FieldName::new(name.as_str()).is_none() || !typed {
                return fail(
                    &format!(".properties.{name}"),
                    &format!(
                        "must be an object with \"type\" one of {}",
                        PROPERTY_TYPES.join(", ")
                    ),
                );
            }
        }
    }
    for name in schema.required.iter().flatten() {
        let declared = schema
            .properties
            .as_ref()
            .is_none_or(|p| p.contains_key(name));
        if FieldName::new(name.as_str()).is_none() || !declared {
            return fail(
                ".required",
                &format!("names {name:?}, which is not a declared property"),
            );
        }
    }
    Ok(())
}
