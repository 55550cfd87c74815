//! Fuzzes the initiate response decoder (R12): the first two bytes are the HTTP status.
#![no_main]

use libfuzzer_sys::fuzz_target;
use widget_core::decode::{decode_initiate_response, SerdeJson};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_be_bytes([data[0], data[1]]) % 600;
    let Ok(text) = std::str::from_utf8(&data[2..]) else {
        return;
    };
    match decode_initiate_response(status, text, &SerdeJson) {
        Ok(id) => {
            assert_eq!(status, 200);
            let s = id.as_str();
            assert!((8..=128).contains(&s.len()));
            assert!(s
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        }
        Err(f) => {
            if let Some(m) = f.message {
                assert!(m.chars().count() <= 200 && !m.chars().any(char::is_control));
            }
        }
    }
});
