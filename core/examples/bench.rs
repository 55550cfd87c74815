//! Prints timings of catalog search (1,000 providers) and mapping suggestions (100 × 800 and
//! 500 × 2,000 fields): the median over repeated runs. A measurement tool, not a test: run with
//! `cargo run --release -p widget-core --example bench`.

use std::hint::black_box;
use std::time::{Duration, Instant};
use widget_core::mapping::suggest;
use widget_core::search::SearchIndex;
use widget_core::wire::{Field, ProviderEntry, ProviderInfo};

const SYLLABLES: [&str; 16] = [
    "hub", "spot", "pipe", "drive", "sales", "force", "zen", "desk", "quick", "books", "fresh",
    "work", "mail", "chimp", "éclair", "næs",
];

fn providers(n: usize) -> Vec<ProviderEntry> {
    (0..n)
        .map(|i| {
            let a = SYLLABLES[i % 16];
            let b = SYLLABLES[(i / 16) % 16];
            let c = SYLLABLES[(i / 256) % 16];
            ProviderEntry {
                provider: ProviderInfo {
                    name: format!("{a}{b}-{i}"),
                    display_name: format!("{}{b} {c} {i}", capitalise(a)),
                    url: None,
                    image: None,
                    auth_type: None,
                    specific: None,
                    endgrate_provider_type: Some("CRM".into()),
                },
                integrations: vec![],
            }
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn fields(n: usize, prefix: &str) -> Vec<Field> {
    const WORDS: [&str; 12] = [
        "first", "last", "name", "email", "phone", "company", "city", "street", "zip", "owner",
        "stage", "score",
    ];
    (0..n)
        .map(|i| Field {
            name: format!("{prefix}{}_{}_{i}", WORDS[i % 12], WORDS[(i / 12) % 12]),
            title: Some(format!("{} {} {i}", WORDS[(i / 7) % 12], WORDS[i % 12])),
            field_type: if i % 5 == 0 {
                "number".into()
            } else {
                "string".into()
            },
            format: None,
            required: i % 50 == 0,
            custom: i % 3 == 0,
        })
        .collect()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let catalog = providers(1000);
    let index = SearchIndex::new(&catalog);
    println!(
        "search over {} providers (median of 200 runs per query)",
        catalog.len()
    );
    for query in ["hubspot", "sal", "eclair", "hbuspot", "zz", "quick books 7"] {
        let samples = (0..200)
            .map(|_| {
                let t = Instant::now();
                black_box(index.search(black_box(query)));
                t.elapsed()
            })
            .collect();
        println!(
            "  {query:>14}: {:>8.1} µs ({} hits)",
            median(samples).as_secs_f64() * 1e6,
            index.search(query).len()
        );
    }
    let t = Instant::now();
    black_box(SearchIndex::new(&catalog));
    println!("  index build: {:.1} µs", t.elapsed().as_secs_f64() * 1e6);

    for (m, n) in [(100, 800), (500, 2000)] {
        let schema = fields(m, "");
        let provider = fields(n, "hs_");
        let samples: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                black_box(suggest(black_box(&schema), black_box(&provider)));
                t.elapsed()
            })
            .collect();
        let picked = suggest(&schema, &provider)
            .iter()
            .filter(|p| p.is_some())
            .count();
        println!(
            "mapping suggestions, {m} schema fields x {n} provider fields (median of 5 runs): {:.1} ms ({picked} suggested)",
            median(samples).as_secs_f64() * 1e3
        );
    }
}
