//! Fuzzes the catalog decoder (R21) and search over what it accepts: no panic; bounds hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use widget_core::decode::{decode_catalog, SerdeJson, MAX_PROVIDERS};
use widget_core::ids::ProviderName;
use widget_core::search::SearchIndex;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(catalog) = decode_catalog(text, &SerdeJson) else {
        return;
    };
    assert!(catalog.providers.len() <= MAX_PROVIDERS);
    for p in &catalog.providers {
        assert!(ProviderName::new(p.provider.name.as_str()).is_some());
    }
    let index = SearchIndex::new(&catalog.providers);
    for query in ["hub", "sálès", "x"] {
        let hits = index.search(query);
        assert!(hits.iter().all(|&i| i < catalog.providers.len()));
    }
});
