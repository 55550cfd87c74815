//! Newtype ids, so a provider name cannot be passed where a field name is expected. Each checks
//! its grammar on construction; none holds an empty or control-character string.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[derive(serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks the grammar; `None` when it does not hold.
            pub fn new(s: impl Into<String>) -> Option<Self> {
                let s = s.into();
                let check: fn(&str) -> bool = $check;
                check(&s).then_some(Self(s))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                Self::new(s).ok_or_else(|| concat!("invalid ", stringify!($name)).to_owned())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        // The derived order is the text's, so a set of ids can be searched by `&str`.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

fn plain_text(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && !s.chars().any(char::is_control)
}

id_type!(
    /// A provider's `name`, e.g. `hubspot`: ASCII letters, digits, `_`, `-`, `.`; at most 100.
    ProviderName,
    |s| !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
);
id_type!(
    /// A common data model, e.g. `crm-contact`: lowercase letters, digits, `-`, `_`; at most 100.
    EndgrateType,
    |s| !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-".contains(&b))
);
id_type!(
    /// A schema's key in the session: its endgrate_type, or its title for custom schemas.
    SchemaKey,
    |s| plain_text(s, 200)
);
id_type!(
    /// A field of a schema or provider object, e.g. `first_name`.
    FieldName,
    |s| plain_text(s, 200)
);
id_type!(
    /// An integration (resource) name, e.g. `get-contacts`.
    ResourceId,
    |s| plain_text(s, 200)
);
id_type!(
    /// The initiate response's `session_id`: `^[A-Za-z0-9_-]{8,128}$` (R12).
    SessionId,
    |s| (8..=128).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-".contains(&b))
);
id_type!(
    /// An `Idempotency-Key`: 16 to 64 ASCII letters, digits or `-` (a UUIDv4 from the shell).
    IdempotencyKey,
    |s| (16..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_id_refuses_path_and_query_characters() {
        assert!(SessionId::new("6566e85e7cf20dca9cef0c0a").is_some());
        for bad in [
            "../../x?y=1#z",
            "a&session_id=evil",
            "short",
            &"a".repeat(129),
        ] {
            assert!(SessionId::new(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn provider_name_refuses_markup() {
        assert!(ProviderName::new("hubspot").is_some());
        assert!(ProviderName::new("<img src=x onerror=alert(1)>").is_none());
        assert!(ProviderName::new("").is_none());
    }

    #[test]
    fn ids_deserialise_only_when_valid() {
        assert!(serde_json::from_str::<FieldName>("\"email\"").is_ok());
        assert!(serde_json::from_str::<FieldName>("\"\"").is_err());
    }
}
