//! The JSON value.

use std::fmt;

/// A JSON value.
///
/// Objects are an ordered list of members, as written. A number is its source text, already
/// checked against RFC 8259's grammar, so two numbers are equal when they are spelled alike
/// (`1.0` and `1` differ).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its validated text.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: members in document order (the parser refuses repeated names).
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

    /// The flag, when this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, when this is a non-negative integer written without fraction or exponent
    /// that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
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

/// Compact JSON text.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        super::write::write_value(&mut out, self);
        f.write_str(&out)
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    //! With the `serde` feature, [`Json`] (de)serialises as the JSON it holds (deserialising
    //! through `serde_json::Value`), so wire types keep their serde derives for the server.

    use super::Json;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    impl From<serde_json::Value> for Json {
        fn from(value: serde_json::Value) -> Json {
            use serde_json::Value as V;
            match value {
                V::Null => Json::Null,
                V::Bool(b) => Json::Bool(b),
                V::Number(n) => Json::Number(n.to_string()),
                V::String(s) => Json::String(s),
                V::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
                V::Object(map) => {
                    Json::Object(map.into_iter().map(|(k, v)| (k, Json::from(v))).collect())
                }
            }
        }
    }

    impl From<&Json> for serde_json::Value {
        fn from(value: &Json) -> serde_json::Value {
            use serde_json::Value as V;
            match value {
                Json::Null => V::Null,
                Json::Bool(b) => V::Bool(*b),
                // As `Serialize` below: a number serde_json cannot hold becomes null.
                Json::Number(n) => match (n.parse::<i64>(), n.parse::<u64>(), n.parse::<f64>()) {
                    (Ok(i), _, _) => V::from(i),
                    (_, Ok(u), _) => V::from(u),
                    (_, _, Ok(f)) => serde_json::Number::from_f64(f).map_or(V::Null, V::Number),
                    _ => V::Null,
                },
                Json::String(s) => V::String(s.clone()),
                Json::Array(items) => V::Array(items.iter().map(V::from).collect()),
                Json::Object(members) => V::Object(
                    members
                        .iter()
                        .map(|(k, v)| (k.clone(), V::from(v)))
                        .collect(),
                ),
            }
        }
    }

    /// Objects keep their member order; a number serde_json cannot hold is written as `null`.
    impl Serialize for Json {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Json::Null => serializer.serialize_unit(),
                Json::Bool(b) => serializer.serialize_bool(*b),
                // Integers exactly; other numbers through the correctly rounded std parser, so
                // serde_json writes back the same shortest text it would have written.
                Json::Number(n) => match (n.parse::<i64>(), n.parse::<u64>(), n.parse::<f64>()) {
                    (Ok(i), _, _) => serializer.serialize_i64(i),
                    (_, Ok(u), _) => serializer.serialize_u64(u),
                    (_, _, Ok(f)) if f.is_finite() => serializer.serialize_f64(f),
                    _ => serializer.serialize_unit(),
                },
                Json::String(s) => serializer.serialize_str(s),
                Json::Array(items) => serializer.collect_seq(items),
                Json::Object(members) => {
                    serializer.collect_map(members.iter().map(|(k, v)| (k, v)))
                }
            }
        }
    }

    impl<'de> Deserialize<'de> for Json {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
            serde_json::Value::deserialize(deserializer).map(Json::from)
        }
    }
}
