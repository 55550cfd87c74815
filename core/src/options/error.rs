//! The options error: a stable code, the option's path and a sentence stating the expected form.
//!
//! Messages never echo a value that was refused as secret-looking (R3).

use crate::codes::ErrorCode;
use crate::json::Json;
use std::fmt;

/// Why the options were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    code: ErrorCode,
    path: String,
    message: String,
}

impl OptionsError {
    /// `config_invalid`: `path` must be `expected`, got `value`.
    pub(crate) fn expected(path: &str, expected: &str, got: &Json) -> Self {
        Self::config(
            path,
            format!("{path} must be {expected}, got {}", describe(got)),
        )
    }

    /// `config_invalid`: `path` must be `expected`, got the string `got`.
    pub(crate) fn expected_text(path: &str, expected: &str, got: &str) -> Self {
        Self::config(
            path,
            format!("{path} must be {expected}, got {}", describe_text(got)),
        )
    }

    /// `config_invalid` with a full message.
    pub(crate) fn config(path: &str, message: String) -> Self {
        Self {
            code: ErrorCode::ConfigInvalid,
            path: path.to_owned(),
            message,
        }
    }

    /// `redirect_not_allowed` with a full message.
    pub(crate) fn redirect(path: &str, message: String) -> Self {
        Self {
            code: ErrorCode::RedirectNotAllowed,
            path: path.to_owned(),
            message,
        }
    }

    /// `config_invalid` or `redirect_not_allowed`.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The option's path, e.g. `session.redirect_url` or `theme.colorPrimary`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The sentence for the developer console.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionsError {}

/// A short rendering of a refused value: a scalar as JSON would spell it (strings cut to 60
/// characters), or the kind of a structure.
pub(crate) fn describe(value: &Json) -> String {
    match value {
        Json::Array(_) => "an array".into(),
        Json::Object(_) => "an object".into(),
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.clone(),
        Json::String(s) => describe_text(s),
    }
}

/// A refused string, quoted and cut to 60 characters.
pub(crate) fn describe_text(s: &str) -> String {
    let cut = match s.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    };
    format!("{cut:?}")
}
