//! Small typed readers over `serde_json::Value` that produce path-naming errors, shared by the
//! option parsers. They only read; they never decide defaults.

use super::error::OptionsError;
use crate::text::closest;
use serde_json::{Map, Value};

/// The value as an object.
///
/// # Errors
/// `config_invalid` naming `path`.
pub(crate) fn object<'a>(
    value: &'a Value,
    path: &str,
) -> Result<&'a Map<String, Value>, OptionsError> {
    value
        .as_object()
        .ok_or_else(|| OptionsError::expected(path, "an object", value))
}

/// Refuses keys outside `known`, suggesting the nearest known key.
///
/// # Errors
/// `config_invalid` naming the unknown key.
pub(crate) fn refuse_unknown(
    map: &Map<String, Value>,
    path: &str,
    known: &[&str],
) -> Result<(), OptionsError> {
    for key in map.keys() {
        if known.contains(&key.as_str()) {
            continue;
        }
        let full = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let hint = match closest(key, known.iter().copied()) {
            Some(near) => format!("; did you mean `{near}`?"),
            None => format!("; known keys: {}", known.join(", ")),
        };
        return Err(OptionsError::config(
            &full,
            format!("{full} is not a known option{hint}"),
        ));
    }
    Ok(())
}

/// An optional boolean (`null` = absent).
///
/// # Errors
/// `config_invalid` when present and not a boolean.
pub(crate) fn opt_bool(
    map: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<bool>, OptionsError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(OptionsError::expected(
            &format!("{path}.{key}"),
            "true or false",
            other,
        )),
    }
}

/// An optional string of 1..=max chars without control characters (`null` = absent).
///
/// # Errors
/// `config_invalid` when present and not such a string.
pub(crate) fn opt_text<'a>(
    map: &'a Map<String, Value>,
    key: &str,
    path: &str,
    max: usize,
) -> Result<Option<&'a str>, OptionsError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s))
            if !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control) =>
        {
            Ok(Some(s))
        }
        Some(other) => {
            let full = if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            };
            let expected = format!(
                "a non-empty string of at most {max} characters without control characters"
            );
            Err(OptionsError::expected(&full, &expected, other))
        }
    }
}
