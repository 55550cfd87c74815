//! Fuzzes the JSON parser: no panic; what it accepts serde_json accepts as the same value, and
//! written back it parses to the same value again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use widget_core::json::{parse, ParseError};

fuzz_target!(|data: &[u8]| {
    let ours = parse(data);
    let theirs = serde_json::from_slice::<serde_json::Value>(data);
    match (&ours, &theirs) {
        (Ok(value), Ok(expected)) => {
            // Numbers are compared as serde_json reads them, which may round floats differently.
            if !has_number(expected) {
                assert_eq!(&serde_json::Value::from(value), expected, "same value");
            }
            let written = value.to_string();
            assert_eq!(parse(written.as_bytes()).as_ref(), Ok(value), "round trip");
        }
        // Only numbers out of f64's range are JSON to this parser and not to serde_json.
        (Ok(value), Err(e)) => assert!(has_number_text(value), "accepted what serde_json refuses: {e}"),
        // serde_json keeps the last of repeated names and allows deeper nesting.
        (Err(ParseError { problem, .. }), Ok(_)) => assert!(
            matches!(*problem, "repeated member name in an object" | "nesting too deep"),
            "refused valid JSON: {problem}"
        ),
        (Err(_), Err(_)) => {}
    }
});

fn has_number(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Number(_) => true,
        serde_json::Value::Array(items) => items.iter().any(has_number),
        serde_json::Value::Object(map) => map.values().any(has_number),
        _ => false,
    }
}

fn has_number_text(v: &widget_core::json::Json) -> bool {
    use widget_core::json::Json;
    match v {
        Json::Number(_) => true,
        Json::Array(items) => items.iter().any(has_number_text),
        Json::Object(members) => members.iter().any(|(_, v)| has_number_text(v)),
        _ => false,
    }
}
