//! Small typed readers over [`Json`] that produce path-naming errors, shared by the option
//! parsers. They only read; they never decide defaults.

use super::error::OptionsError;
use crate::json::Json;
use crate::text::closest;

/// An object's members.
pub(crate) type Map = [(String, Json)];

/// The member `key`, if present.
pub(crate) fn member<'a>(map: &'a Map, key: &str) -> Option<&'a Json> {
    map.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// A copy with every object's members sorted by name, so options are walked (and their first
/// problem reported) in the same order whatever order the host wrote them in.
pub(crate) fn sorted(value: &Json) -> Json {
    match value {
        Json::Array(items) => Json::Array(items.iter().map(sorted).collect()),
        Json::Object(members) => {
            let mut members: Vec<(String, Json)> = members
                .iter()
                .map(|(k, v)| (k.clone(), sorted(v)))
                .collect();
            // Names are unique (the parser refuses repeats), so the crate's unstable sort is exact.
            crate::sort::sort_by(&mut members, |a, b| a.0.cmp(&b.0));
            Json::Object(members)
        }
        other => other.clone(),
    }
}

/// The value as an object.
///
/// # Errors
/// `config_invalid` naming `path`.
pub(crate) fn object<'a>(value: &'a Json, path: &str) -> Result<&'a Map, OptionsError> {
    value
        .as_object()
        .ok_or_else(|| OptionsError::expected(path, "an object", value))
}

/// Refuses keys outside `known`, suggesting the nearest known key.
///
/// # Errors
/// `config_invalid` naming the unknown key.
pub(crate) fn refuse_unknown(map: &Map, path: &str, known: &[&str]) -> Result<(), OptionsError> {
    for (key, _) in map {
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
pub(crate) fn opt_bool(map: &Map, key: &str, path: &str) -> Result<Option<bool>, OptionsError> {
    match member(map, key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Bool(b)) => Ok(Some(*b)),
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
    map: &'a Map,
    key: &str,
    path: &str,
    max: usize,
) -> Result<Option<&'a str>, OptionsError> {
    match member(map, key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s))
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
