//! Where the options come from: [`OptionsSource`] hands the parser the host's options twice, as
//! an untyped [`Json`] tree (for the secret scan and the key check, which must see every key) and
//! read into [`RawOptions`], the serde types. The widget's source is the host's JS object, read
//! with serde-wasm-bindgen; natively it is a `serde_json::Value`.
//!
//! Key names come from the serde derives alone ([`serde_fields`]); nothing here lists them.

use super::{After, Credentials};
use crate::json::Json;
use crate::wire::InitiateBody;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::forward_to_deserialize_any;

/// The options as the host wrote them, in their serde types; [`super::WidgetOptions::parse`]
/// checks every value's rule. The callbacks are not here: the JS layer takes them out first.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RawOptions {
    /// `initiateUrl`.
    pub initiate_url: Option<String>,
    /// `apiBase`.
    pub api_base: Option<String>,
    /// `allowedRedirectOrigins`.
    pub allowed_redirect_origins: Option<Vec<String>>,
    /// `allowedImageOrigins`.
    pub allowed_image_origins: Option<Vec<String>>,
    /// `after`.
    pub after: Option<After>,
    /// `credentials`.
    pub credentials: Option<Credentials>,
    /// `locale`.
    pub locale: Option<String>,
    /// `theme`: a table of colour keys, checked against [`super::keys::THEME_COLOR_KEYS`].
    pub theme: Option<Json>,
    /// `endgrateOrigin`.
    pub endgrate_origin: Option<String>,
    /// `session`: Endgrate's initiate body keys, verbatim.
    pub session: Option<InitiateBody>,
}

/// A problem serde found while reading a value into its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// Where, as a dotted path (`session.schema[1].endgrate_type`); empty for the whole object.
    pub path: String,
    /// serde's sentence, e.g. "invalid type: integer `7`, expected a string".
    pub message: String,
}

/// The host's options, readable both ways.
pub trait OptionsSource {
    /// The options as an untyped tree, at most [`crate::json::MAX_JSON_DEPTH`] deep.
    ///
    /// # Errors
    /// A sentence when they are not plain data.
    fn tree(&self) -> Result<Json, String>;

    /// The options read into their serde types.
    ///
    /// # Errors
    /// The path and serde's sentence for the first value of the wrong type.
    fn typed(&self) -> Result<RawOptions, TypeError>;
}

#[cfg(feature = "serde_json")]
impl OptionsSource for serde_json::Value {
    fn tree(&self) -> Result<Json, String> {
        Json::deserialize(self).map_err(|e| e.to_string())
    }

    fn typed(&self) -> Result<RawOptions, TypeError> {
        serde_path_to_error::deserialize(self).map_err(|e| TypeError {
            path: e.path().to_string().trim_start_matches('.').to_owned(),
            message: e.inner().to_string(),
        })
    }
}

/// The keys `T`'s serde derive reads, as it spells them (renames applied).
pub fn serde_fields<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut probe = FieldsProbe(&[]);
    let _ = T::deserialize(&mut probe);
    probe.0
}

/// A deserializer that only records the field list a struct's derive asks for, then stops.
struct FieldsProbe(&'static [&'static str]);

impl<'de> Deserializer<'de> for &mut FieldsProbe {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(de::Error::custom("fields recorded"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_reads_the_derives_own_spelling() {
        let fields = serde_fields::<RawOptions>();
        assert!(
            fields.contains(&"initiateUrl") && fields.contains(&"session"),
            "{fields:?}"
        );
        let fields = serde_fields::<crate::wire::Field>();
        assert!(
            fields.contains(&"type") && !fields.contains(&"field_type"),
            "{fields:?}"
        );
    }
}
