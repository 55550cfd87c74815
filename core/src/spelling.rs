//! The wire spelling of a unit enum variant, taken from its serde derive, so an enum's spellings
//! live in its serde attributes alone (`UpsertSetting::DoNotUpdate` → `DO_NOT_UPDATE`). Used where
//! a spelling is needed outside serialisation, e.g. as an `<option>` value.

use serde::ser::{self, Impossible, Serialize, Serializer};
use std::fmt;

/// The name serde writes for `value`, a unit variant; empty for anything else.
pub fn spelling<T: Serialize>(value: &T) -> &'static str {
    value.serialize(VariantName).unwrap_or_default()
}

/// A serializer that answers only unit variants, with their name.
struct VariantName;

/// Anything but a unit variant.
#[derive(Debug)]
struct NotAUnitVariant;

impl fmt::Display for NotAUnitVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAUnitVariant {}

impl ser::Error for NotAUnitVariant {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotAUnitVariant
    }
}

type No = Impossible<&'static str, NotAUnitVariant>;

macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<$ok, NotAUnitVariant> {
            Err(NotAUnitVariant)
        })*
    };
}

impl Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotAUnitVariant;
    type SerializeSeq = No;
    type SerializeTuple = No;
    type SerializeTupleStruct = No;
    type SerializeTupleVariant = No;
    type SerializeMap = No;
    type SerializeStruct = No;
    type SerializeStructVariant = No;

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<&'static str, NotAUnitVariant> {
        Ok(variant)
    }

    refuse! {
        serialize_bool(bool) -> Self::Ok; serialize_i8(i8) -> Self::Ok;
        serialize_i16(i16) -> Self::Ok; serialize_i32(i32) -> Self::Ok;
        serialize_i64(i64) -> Self::Ok; serialize_u8(u8) -> Self::Ok;
        serialize_u16(u16) -> Self::Ok; serialize_u32(u32) -> Self::Ok;
        serialize_u64(u64) -> Self::Ok; serialize_f32(f32) -> Self::Ok;
        serialize_f64(f64) -> Self::Ok; serialize_char(char) -> Self::Ok;
        serialize_str(&str) -> Self::Ok; serialize_bytes(&[u8]) -> Self::Ok;
        serialize_none() -> Self::Ok; serialize_unit() -> Self::Ok;
        serialize_unit_struct(&'static str) -> Self::Ok;
        serialize_seq(Option<usize>) -> No; serialize_tuple(usize) -> No;
        serialize_tuple_struct(&'static str, usize) -> No;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> No;
        serialize_map(Option<usize>) -> No;
        serialize_struct(&'static str, usize) -> No;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> No;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<&'static str, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAUnitVariant> {
        Err(NotAUnitVariant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::ErrorCode;
    use crate::wire::UpsertSetting;

    #[test]
    fn every_spelling_is_what_serde_json_writes() {
        for setting in UpsertSetting::ALL {
            let json = serde_json::to_string(&setting).unwrap();
            assert_eq!(json, format!("\"{}\"", spelling(&setting)));
        }
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", spelling(&code)));
        }
        assert_eq!(spelling(&UpsertSetting::DoNotUpdate), "DO_NOT_UPDATE");
        assert_eq!(spelling(&"text"), "", "not a unit variant");
    }
}
