//! The one reader of request bodies. Every route that reads a body goes through it, so every
//! route has the same limits and the same errors (security.md R21):
//!
//! - `Content-Type` must be the route's (`application/json`, or a form for the hosted page) → 415;
//! - at most [`MAX_BODY`] bytes, by `Content-Length` and by counting → 413;
//! - the whole body within the body timeout → 408;
//! - JSON must be well formed → 400 saying where; a key twice in one object → 400 naming it;
//! - the top level must be an object (a struct must not be filled from `["<id>"]`) → 422;
//! - types, enum values and unknown keys → 422 naming the key path, taken from the
//!   deserialiser's own path (`serde_path_to_error`) and error kind, never from message text.
//!
//! This module reads and parses; it must not look at credentials or decide anything else.

use crate::error::AppError;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::time::Duration;

/// The largest body accepted on any route (security.md R21).
pub const MAX_BODY: usize = 64 * 1024;

/// The media type a route reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `application/json`.
    Json,
    /// `application/x-www-form-urlencoded` (the hosted page's form).
    Form,
}

impl Kind {
    fn media_type(self) -> &'static str {
        match self {
            Kind::Json => "application/json",
            Kind::Form => "application/x-www-form-urlencoded",
        }
    }
}

/// Reads the body of a `kind` request: content type, size and time checked.
///
/// # Errors
/// 415, 413 or 408 as the module documentation says.
pub async fn read(
    headers: &HeaderMap,
    body: Body,
    kind: Kind,
    timeout: Duration,
) -> Result<Bytes, AppError> {
    let media_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::trim);
    if !media_type.is_some_and(|m| m.eq_ignore_ascii_case(kind.media_type())) {
        return Err(AppError::keyed(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type",
            format!("must be {}", kind.media_type()),
        ));
    }
    let too_large = || {
        AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("The request body exceeds {} KiB.", MAX_BODY / 1024),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    match tokio::time::timeout(timeout, axum::body::to_bytes(body, MAX_BODY)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(too_large()),
        Err(_) => Err(AppError::new(
            StatusCode::REQUEST_TIMEOUT,
            "The request body did not arrive in time.",
        )),
    }
}

/// Parses JSON text into a value, refusing malformed JSON, a key twice in one object, and a top
/// level that is not an object.
///
/// # Errors
/// 400 for malformed JSON or a repeated key (naming its path), 422 for a non-object top level.
pub fn json_object(bytes: &[u8]) -> Result<serde_json::Value, AppError> {
    let malformed = |error: &serde_json::Error| {
        AppError::new(
            StatusCode::BAD_REQUEST,
            format!(
                "The request body is not valid JSON (line {}, column {}).",
                error.line(),
                error.column()
            ),
        )
    };
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = match serde_path_to_error::deserialize::<_, StrictValue>(&mut deserializer) {
        Ok(StrictValue(value)) => value,
        Err(error) => {
            let path = error.path().to_string();
            let inner = error.into_inner();
            // The only data error StrictValue raises is a repeated key, and it raises it inside
            // that key's value, so the path ends with the key.
            if inner.classify() == serde_json::error::Category::Data {
                return Err(AppError::keyed(
                    StatusCode::BAD_REQUEST,
                    &path,
                    "appears more than once in its object",
                ));
            }
            return Err(malformed(&inner));
        }
    };
    deserializer.end().map_err(|e| malformed(&e))?;
    if !value.is_object() {
        return Err(AppError::invalid("body", "must be a JSON object"));
    }
    Ok(value)
}

/// Reads and parses a JSON body into `T` (see [`json_object`] and [`typed`]).
///
/// # Errors
/// Any of the module's refusals.
pub async fn json<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
    timeout: Duration,
) -> Result<T, AppError> {
    let bytes = read(headers, body, Kind::Json, timeout).await?;
    typed(json_object(&bytes)?)
}

/// Converts a parsed body into `T`, naming the key path of the first problem.
///
/// # Errors
/// 422 naming the key path where deserialisation stopped (for an unknown key, the key itself).
pub fn typed<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    let value =
        serde_value::to_value(value).map_err(|_| AppError::invalid("body", "could not be read"))?;
    let deserializer = serde_value::ValueDeserializer::<TypeError>::new(value);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = match error.path().to_string() {
            root if root == "." => None,
            path => Some(path),
        };
        match error.into_inner() {
            // The path was taken while the key itself was being read, so it already ends with it.
            TypeError::UnknownKey(name) => {
                AppError::invalid(path.as_deref().unwrap_or(&name), "unknown key")
            }
            TypeError::Invalid(problem) => {
                AppError::invalid(path.as_deref().unwrap_or("body"), problem)
            }
        }
    })
}

/// Parses a form body: each key at most once, only `allowed` keys.
///
/// # Errors
/// 400 naming a repeated key, 422 naming an unknown one.
pub fn form_pairs(bytes: &[u8], allowed: &[&str]) -> Result<Vec<(String, String)>, AppError> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, value) in form_urlencoded::parse(bytes) {
        if !allowed.contains(&key.as_ref()) {
            return Err(AppError::invalid(&key, "unknown key"));
        }
        if pairs.iter().any(|(k, _)| *k == key) {
            return Err(AppError::keyed(
                StatusCode::BAD_REQUEST,
                &key,
                "appears more than once",
            ));
        }
        pairs.push((key.into_owned(), value.into_owned()));
    }
    Ok(pairs)
}

/// The deserialiser error of [`typed`]: an unknown key is told apart by serde's own hook
/// (`Error::unknown_field`), not by reading a message.
#[derive(Debug)]
enum TypeError {
    UnknownKey(String),
    Invalid(String),
}

impl fmt::Display for TypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeError::UnknownKey(name) => write!(f, "unknown key `{name}`"),
            TypeError::Invalid(problem) => f.write_str(problem),
        }
    }
}

impl std::error::Error for TypeError {}

impl de::Error for TypeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TypeError::Invalid(msg.to_string())
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        TypeError::UnknownKey(field.to_owned())
    }
}

/// A JSON value whose objects never repeat a key.
struct StrictValue(serde_json::Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, Into::into))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(v.into())
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(items.into())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                // Fail inside the value, so the error's path ends with the repeated key.
                map.next_value_seed(Repeated)?;
            }
            let StrictValue(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(object.into())
    }
}

/// The value of a repeated key: always an error.
struct Repeated;

impl<'de> DeserializeSeed<'de> for Repeated {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom("repeated key"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn refusal(bytes: &str) -> (u16, String) {
        let failure = json_object(bytes.as_bytes()).unwrap_err();
        (failure.status.as_u16(), failure.key().unwrap_or_default())
    }

    #[test]
    fn a_repeated_key_is_a_400_naming_its_path() {
        assert_eq!(
            refusal(
                r#"{"redirect_url": "https://evil.example/", "redirect_url": "http://127.0.0.1/"}"#
            ),
            (400, "redirect_url".into())
        );
        assert_eq!(
            refusal(r#"{"schema": [{"endgrate_type": "a", "endgrate_type": "b"}]}"#),
            (400, "schema[0].endgrate_type".into())
        );
    }

    #[test]
    fn malformed_json_is_a_400_without_a_key() {
        assert_eq!(refusal(r#"{"a":}"#), (400, String::new()));
        assert_eq!(refusal(r#"{"a": 1} trailing"#), (400, String::new()));
    }

    #[test]
    fn a_top_level_array_is_refused() {
        assert_eq!(
            refusal(r#"["0123456789abcdef01234567"]"#),
            (422, "body".into())
        );
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Option<Inner>,
        list: Option<Vec<Inner>>,
        map: Option<BTreeMap<String, Inner>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        flag: Option<bool>,
    }

    fn typed_key(text: &str) -> String {
        let value = json_object(text.as_bytes()).unwrap();
        let failure = typed::<Outer>(value).unwrap_err();
        assert_eq!(failure.status, StatusCode::UNPROCESSABLE_ENTITY);
        failure.key().unwrap()
    }

    #[test]
    fn type_errors_name_the_deserialisers_path() {
        assert_eq!(typed_key(r#"{"colour": 1}"#), "colour");
        assert_eq!(typed_key(r#"{"inner": {"colour": 1}}"#), "inner.colour");
        assert_eq!(typed_key(r#"{"inner": {"flag": "yes"}}"#), "inner.flag");
        assert_eq!(typed_key(r#"{"list": [{}, {"flag": 1}]}"#), "list[1].flag");
        assert_eq!(typed_key(r#"{"map": {"a-b": {"x": 1}}}"#), "map.a-b.x");
        assert_eq!(typed_key(r#"{"inner": 3}"#), "inner");
    }

    #[test]
    fn form_keys_are_unique_and_known() {
        assert_eq!(
            form_pairs(b"session_id=a&provider=b", &["session_id", "provider"]).unwrap(),
            vec![
                ("session_id".into(), "a".into()),
                ("provider".into(), "b".into())
            ]
        );
        let twice = form_pairs(b"session_id=a&session_id=b", &["session_id"]).unwrap_err();
        assert_eq!(twice.status, StatusCode::BAD_REQUEST);
        let unknown = form_pairs(b"x=1", &["session_id"]).unwrap_err();
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}
