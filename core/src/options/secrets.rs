//! R1: options that could carry the Endgrate API key are refused before anything else is read, so
//! a key pasted into the browser is never parsed, stored or sent. Messages name the option only.

use super::error::OptionsError;
use super::keys::SECRET_KEY_NAMES;
use crate::json::Json;

/// Refuses a secret-named key or a Bearer-token-looking string anywhere in `value`.
///
/// # Errors
/// `config_invalid` naming the first offending path.
pub(crate) fn refuse_secrets(value: &Json, path: &str, depth: usize) -> Result<(), OptionsError> {
    // Options are small; a deep structure is refused rather than walked (no recursion bomb).
    if depth > 32 {
        return Err(OptionsError::config(
            path,
            format!("{path} is nested too deeply"),
        ));
    }
    match value {
        Json::String(s) if looks_like_bearer(s) => Err(OptionsError::config(
            path,
            format!("{path} looks like a Bearer token; the API key belongs on the backend, never in the widget's options"),
        )),
        Json::Object(map) => {
            for (key, child) in map {
                let child_path = join(path, key);
                if is_secret_key(key) {
                    return Err(OptionsError::config(
                        &child_path,
                        format!("{child_path} is not an option: the Endgrate API key belongs on the backend (initiateUrl), never in the widget"),
                    ));
                }
                refuse_secrets(child, &child_path, depth + 1)?;
            }
            Ok(())
        }
        Json::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                refuse_secrets(child, &format!("{path}[{i}]"), depth + 1)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// `apiKey`, `api_key`, `API-KEY`, `authorization`… after removing case, `_` and `-`.
pub(crate) fn is_secret_key(key: &str) -> bool {
    let normal: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .map(crate::text::lower_char)
        .collect();
    SECRET_KEY_NAMES.contains(&normal.as_str())
}

/// `Bearer <token>` in any case, with any leading whitespace.
pub(crate) fn looks_like_bearer(s: &str) -> bool {
    let t = s.trim_start();
    t.len() > 7
        && t.is_char_boundary(6)
        && t[..6].eq_ignore_ascii_case("bearer")
        && t[6..].starts_with(|c: char| c.is_whitespace())
        && !t[6..].trim().is_empty()
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}
