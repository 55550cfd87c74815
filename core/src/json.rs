//! An untyped JSON value, for the few places Endgrate's shapes carry arbitrary JSON
//! (`specific`, webhook `metadata`, schema `properties`) and for the options tree the secret scan
//! walks. It is read and written through serde like every other type: the widget's wasm drives it
//! with serde-wasm-bindgen, the server and the tests with serde_json. There is no parser here.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Deepest nesting a [`Json`] is read to; deeper input is an error, never a deep recursion.
pub const MAX_JSON_DEPTH: usize = 64;

/// A JSON value.
///
/// Objects are an ordered list of members, as read. A number is kept as its shortest decimal
/// text, so two numbers are equal when they print alike.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its decimal text.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: members in the order read.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object; `None` for a missing key or a non-object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The members, when this is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The items, when this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }
}

/// Objects keep their member order; a number that is not finite is written as `null`.
impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            // Integers exactly; other numbers through the correctly rounded std parser.
            Json::Number(n) => match (n.parse::<i64>(), n.parse::<u64>(), n.parse::<f64>()) {
                (Ok(i), _, _) => serializer.serialize_i64(i),
                (_, Ok(u), _) => serializer.serialize_u64(u),
                (_, _, Ok(f)) if f.is_finite() => serializer.serialize_f64(f),
                _ => serializer.serialize_unit(),
            },
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(members) => serializer.collect_map(members.iter().map(|(k, v)| (k, v))),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        Level(0).deserialize(deserializer)
    }
}

/// Reads one value `0`-levels deep, refusing to go past [`MAX_JSON_DEPTH`].
#[derive(Clone, Copy)]
struct Level(usize);

impl<'de> DeserializeSeed<'de> for Level {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Level {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n.to_string()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Json, E> {
        if !n.is_finite() {
            return Err(E::custom("a number that is not finite"));
        }
        // A whole number prints without a fraction, as JSON writers do.
        if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
            return Ok(Json::Number((n as i64).to_string()));
        }
        Ok(Json::Number(n.to_string()))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let inner = self.deeper()?;
        let mut members: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            let value = map.next_value_seed(inner)?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

impl Level {
    fn deeper<E: de::Error>(self) -> Result<Level, E> {
        if self.0 >= MAX_JSON_DEPTH {
            return Err(E::custom(format_args!(
                "JSON nested deeper than {MAX_JSON_DEPTH} levels"
            )));
        }
        Ok(Level(self.0 + 1))
    }
}

#[cfg(feature = "serde_json")]
impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Json {
        serde_json::from_value(value).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_every_kind_of_value_as_serde_json_does() {
        let text = r#"{"b":[1,-2,2.5,true,null,"x\u0000"],"a":{"c":18446744073709551615}}"#;
        let json: Json = serde_json::from_str(text).unwrap();
        assert_eq!(json.get("b").unwrap().as_array().unwrap().len(), 6);
        let back = serde_json::to_string(&json).unwrap();
        let expected =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(text).unwrap())
                .unwrap();
        // Member order is kept as read (serde_json's own map sorts it).
        assert_eq!(back.len(), expected.len());
        assert!(back.starts_with(r#"{"b":[1,-2,2.5,true,null,"#), "{back}");
    }

    #[test]
    fn refuses_nesting_past_the_limit_and_repeated_keys() {
        let deep = "[".repeat(MAX_JSON_DEPTH + 1) + &"]".repeat(MAX_JSON_DEPTH + 1);
        let err = serde_json::from_str::<Json>(&deep).unwrap_err().to_string();
        assert!(err.contains("nested deeper"), "{err}");
        let ok = "[".repeat(MAX_JSON_DEPTH) + &"]".repeat(MAX_JSON_DEPTH);
        assert!(serde_json::from_str::<Json>(&ok).is_ok());
        let err = serde_json::from_str::<Json>(r#"{"a":1,"a":2}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("duplicate key `a`"), "{err}");
    }
}
