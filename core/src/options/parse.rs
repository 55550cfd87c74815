//! The options' key check: every object of the options whose keys are a serde type's fields is
//! held to those fields (taken from the derive by [`serde_fields`]), with a did-you-mean for a
//! near miss. serde-wasm-bindgen reads only the fields a struct names, so unknown keys are found
//! here, on the untyped tree, before anything is read into a type.

use super::error::OptionsError;
use super::source::{serde_fields, RawOptions};
use crate::json::Json;
use crate::text::closest;
use crate::wire::{ConfigurationWebhook, InitiateBody, Schema};

/// An object's members.
pub(crate) type Map = [(String, Json)];

/// The value as an object.
///
/// # Errors
/// `config_invalid` naming `path`.
pub(crate) fn object<'a>(value: &'a Json, path: &str) -> Result<&'a Map, OptionsError> {
    value
        .as_object()
        .ok_or_else(|| OptionsError::expected(path, "an object", value))
}

/// The `session` key the widget writes itself; a host may not set it.
const WIDGET_ONLY: &str = "end_user_configuration";

/// Refuses a key that no option type reads: at the top level, in `session`, in each
/// `session.schema[i]` and in `session.configuration_webhook` (`theme` checks its own table).
///
/// # Errors
/// `config_invalid` naming the first unknown key, with the nearest known key.
pub(crate) fn refuse_unknown_keys(tree: &Json) -> Result<(), OptionsError> {
    let Some(top) = tree.as_object() else {
        return Ok(());
    };
    refuse_unknown(top, "", serde_fields::<RawOptions>())?;
    let Some(session) = tree.get("session").filter(|s| s.is_object()) else {
        return Ok(());
    };
    let session_keys: Vec<&str> = serde_fields::<InitiateBody>()
        .iter()
        .copied()
        .filter(|k| *k != WIDGET_ONLY)
        .collect();
    refuse_unknown(
        session.as_object().unwrap_or_default(),
        "session",
        &session_keys,
    )?;
    if let Some(items) = session.get("schema").and_then(Json::as_array) {
        for (i, item) in items.iter().enumerate() {
            if let Some(map) = item.as_object() {
                let path = format!("session.schema[{i}]");
                refuse_unknown(map, &path, serde_fields::<Schema>())?;
            }
        }
    }
    if let Some(map) = session
        .get("configuration_webhook")
        .and_then(Json::as_object)
    {
        let path = "session.configuration_webhook";
        refuse_unknown(map, path, serde_fields::<ConfigurationWebhook>())?;
    }
    Ok(())
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
