//! Fuzzes the field-catalog decoder (R21) and mapping suggestions over what it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use widget_core::decode::{decode_fields, SerdeJson, MAX_FIELDS};
use widget_core::mapping::{suggest, types_compatible};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(fields) = decode_fields(text, &SerdeJson) else {
        return;
    };
    assert!(fields.schema_fields.len() <= MAX_FIELDS && fields.provider_fields.len() <= MAX_FIELDS);
    let schema = &fields.schema_fields[..fields.schema_fields.len().min(100)];
    let provider = &fields.provider_fields[..fields.provider_fields.len().min(100)];
    let picks = suggest(schema, provider);
    let mut used = std::collections::HashSet::new();
    for (i, pick) in picks.iter().enumerate() {
        if let Some(j) = pick {
            assert!(used.insert(*j), "provider field suggested twice");
            assert!(types_compatible(&schema[i], &provider[*j]));
        }
    }
});
