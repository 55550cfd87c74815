//! Bounded decoding of every response the widget reads (R12, R21): size, nesting depth, list
//! lengths and id grammars are checked, and every failure is a [`DecodeError`] (code
//! `response_invalid`), never a panic. Display truncation happens at render ([`crate::text`]).

use crate::codes::ErrorCode;
use crate::ids::{FieldName, ProviderName, SessionId};
use crate::text::display_text;
use crate::wire::{ApiError, Field, FieldsResponse, InitiateSuccess, IntegrationsResponse};
use std::fmt;

/// Largest catalog or fields body accepted.
pub const MAX_CATALOG_BYTES: usize = 1024 * 1024;
/// Largest initiate response accepted.
pub const MAX_INITIATE_BYTES: usize = 64 * 1024;
/// Most providers in a catalog.
pub const MAX_PROVIDERS: usize = 1000;
/// Most integrations one provider may list.
pub const MAX_INTEGRATIONS: usize = 500;
/// Most fields in either list of a fields response.
pub const MAX_FIELDS: usize = 5000;
/// Deepest JSON nesting accepted; Endgrate's shapes need under 10.
pub const MAX_DEPTH: usize = 32;

/// Why a response was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The body exceeds the byte limit.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// JSON nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Not JSON of the expected shape.
    Malformed(String),
    /// A list exceeds its cap.
    TooMany {
        /// Which list.
        what: &'static str,
        /// Its cap.
        limit: usize,
    },
    /// A value breaks its grammar (e.g. a provider name or `session_id`).
    Invalid(String),
}

impl DecodeError {
    /// Always `response_invalid`.
    pub fn code(&self) -> ErrorCode {
        ErrorCode::ResponseInvalid
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { limit } => write!(f, "response larger than {limit} bytes"),
            Self::TooDeep => write!(f, "response nested deeper than {MAX_DEPTH} levels"),
            Self::Malformed(why) => write!(f, "malformed response: {why}"),
            Self::TooMany { what, limit } => write!(f, "more than {limit} {what} in the response"),
            Self::Invalid(why) => write!(f, "invalid response: {why}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A failed request as the wizard sees it: a stable code and, when the backend sent one, its
/// message (cut for display).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Failure {
    /// The R36 code.
    pub code: ErrorCode,
    /// The backend's `message`, at most 200 characters, when present.
    pub message: Option<String>,
}

impl Failure {
    /// A failure with no message.
    pub fn code(code: ErrorCode) -> Failure {
        Failure {
            code,
            message: None,
        }
    }
}

impl From<DecodeError> for Failure {
    fn from(e: DecodeError) -> Failure {
        Failure {
            code: e.code(),
            message: None,
        }
    }
}

/// Refuses nesting deeper than `max`, scanning bytes once before any allocation-heavy parse.
///
/// # Errors
/// [`DecodeError::TooDeep`].
pub fn check_depth(body: &[u8], max: usize) -> Result<(), DecodeError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in body {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err(DecodeError::TooDeep);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Reads JSON text into a serde type. The platform supplies it: the widget parses with the
/// browser's `JSON.parse` and reads the result with serde-wasm-bindgen; the server and the native
/// tests use [`SerdeJson`]. Every decoder below bounds the text before handing it over.
pub trait JsonReader {
    /// The value `text` holds.
    ///
    /// # Errors
    /// A sentence naming what is wrong (syntax, or the path and the type expected).
    fn read<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String>;
}

/// serde_json as the [`JsonReader`], with the path of a shape error (`providers[3].name`).
#[cfg(feature = "serde_json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct SerdeJson;

#[cfg(feature = "serde_json")]
impl JsonReader for SerdeJson {
    fn read<T: serde::de::DeserializeOwned>(&self, text: &str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| format!("{} at {}", e.inner(), e.path()))?;
        de.end().map_err(|e| e.to_string())?;
        Ok(value)
    }
}

/// Bounded read: size, then nesting depth (one byte scan), then the reader.
pub fn parse<T: serde::de::DeserializeOwned>(
    text: &str,
    limit: usize,
    reader: &impl JsonReader,
) -> Result<T, DecodeError> {
    if text.len() > limit {
        return Err(DecodeError::TooLarge { limit });
    }
    check_depth(text.as_bytes(), MAX_DEPTH)?;
    reader.read(text).map_err(DecodeError::Malformed)
}

/// Decodes `GET /api/integrations`; a repeated provider name keeps its first entry.
///
/// # Errors
/// Over 1 MiB, too deep, malformed, over 1000 providers or 500 integrations each, or a provider
/// name outside [`ProviderName`]'s grammar.
pub fn decode_catalog(
    body: &str,
    reader: &impl JsonReader,
) -> Result<IntegrationsResponse, DecodeError> {
    let mut catalog: IntegrationsResponse = parse(body, MAX_CATALOG_BYTES, reader)?;
    if catalog.providers.len() > MAX_PROVIDERS {
        return Err(DecodeError::TooMany {
            what: "providers",
            limit: MAX_PROVIDERS,
        });
    }
    // A sorted set rather than `HashSet`, which would bring std's hasher into the widget.
    let mut seen = crate::sorted::SortedSet::new();
    for entry in &catalog.providers {
        if ProviderName::new(entry.provider.name.as_str()).is_none() {
            return Err(DecodeError::Invalid(format!(
                "provider name {:?}",
                display_text(&entry.provider.name)
            )));
        }
        if entry.integrations.len() > MAX_INTEGRATIONS {
            return Err(DecodeError::TooMany {
                what: "integrations",
                limit: MAX_INTEGRATIONS,
            });
        }
        if entry
            .integrations
            .iter()
            .any(|i| i.endgrate_type.is_empty() || i.endgrate_type.len() > 200)
        {
            return Err(DecodeError::Invalid("integration endgrate_type".into()));
        }
    }
    catalog
        .providers
        .retain(|e| seen.insert(e.provider.name.clone()));
    Ok(catalog)
}

/// Decodes the field-catalog extension `GET /api/fields`.
///
/// # Errors
/// Over 1 MiB, too deep, malformed, over 5000 fields per list, or a field whose name or type
/// is empty or overlong.
pub fn decode_fields(body: &str, reader: &impl JsonReader) -> Result<FieldsResponse, DecodeError> {
    let fields: FieldsResponse = parse(body, MAX_CATALOG_BYTES, reader)?;
    for list in [&fields.schema_fields, &fields.provider_fields] {
        if list.len() > MAX_FIELDS {
            return Err(DecodeError::TooMany {
                what: "fields",
                limit: MAX_FIELDS,
            });
        }
        if let Some(bad) = list.iter().find(|f| !field_ok(f)) {
            return Err(DecodeError::Invalid(format!(
                "field {:?}",
                display_text(&bad.name)
            )));
        }
    }
    Ok(fields)
}

fn field_ok(f: &Field) -> bool {
    FieldName::new(f.name.as_str()).is_some()
        && !f.field_type.is_empty()
        && f.field_type.len() <= 50
}

/// Decodes the initiate response: HTTP 200 with `{"success": true, "session_id": …}` where the id
/// matches `^[A-Za-z0-9_-]{8,128}$`; any other status maps to its code, with Endgrate's
/// `message` when the body has one.
///
/// # Errors
/// A [`Failure`]: `response_invalid` for a bad 200 body, else the status's code.
pub fn decode_initiate_response(
    status: u16,
    body: &str,
    reader: &impl JsonReader,
) -> Result<SessionId, Failure> {
    if status != 200 {
        let message = error_message(body, reader)
            .map(|message| {
                display_text(&message)
                    .chars()
                    .filter(|c| !c.is_control())
                    .collect::<String>()
            })
            .filter(|m| !m.is_empty());
        return Err(Failure {
            code: ErrorCode::from_http_status(status),
            message,
        });
    }
    let ok: InitiateSuccess = parse(body, MAX_INITIATE_BYTES, reader).map_err(Failure::from)?;
    if !ok.success {
        return Err(Failure::code(ErrorCode::ResponseInvalid));
    }
    SessionId::new(ok.session_id).ok_or(Failure::code(ErrorCode::ResponseInvalid))
}

/// Endgrate's `message`, when an error body (of any status) has one.
pub fn error_message(body: &str, reader: &impl JsonReader) -> Option<String> {
    parse::<ApiError>(body, MAX_INITIATE_BYTES, reader)
        .ok()
        .map(|e| e.message)
}

#[cfg(all(test, feature = "serde_json"))]
mod tests;
