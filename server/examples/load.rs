//! Benchmark: starts the server in-process on 127.0.0.1:0 with a temporary data directory, drives
//! bounded load over loopback (a fixed number of concurrent connections for a few seconds per
//! endpoint, capped request counts) and prints requests/second with p50/p99 latency.
//!
//! Run with `cargo run --profile server -p widget-server --example load`. It is a measurement, not
//! a test: it asserts only that every request succeeded.

use std::time::{Duration, Instant};
use widget_server::config::Config;

const CONNECTIONS: usize = 8;
const DURATION: Duration = Duration::from_secs(5);
const MAX_REQUESTS_PER_CONNECTION: usize = 50_000;

#[tokio::main]
async fn main() {
    let temp = tempfile::tempdir().expect("temporary directory");
    let config = Config::for_tests(temp.path().join("data"));
    let server = widget_server::start(config, None)
        .await
        .expect("server starts");
    let base = format!("http://{}", server.addr);
    let key = server.local_key.clone();
    tokio::spawn(server.serve(std::future::pending()));

    println!(
        "endpoint                                   conns  requests   req/s    p50 ms   p99 ms"
    );
    run(
        "GET /api/integrations (full catalog)",
        &base,
        &key,
        Kind::Catalog,
    )
    .await;
    run("GET /api/fields", &base, &key, Kind::Fields).await;
    run("POST /api/session/initiate", &base, &key, Kind::Initiate).await;
}

#[derive(Clone, Copy)]
enum Kind {
    Catalog,
    Fields,
    Initiate,
}

async fn run(label: &str, base: &str, key: &str, kind: Kind) {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for connection in 0..CONNECTIONS {
        let (base, key) = (base.to_string(), key.to_string());
        tasks.push(tokio::spawn(async move {
            // One client per task with one pooled connection: CONNECTIONS concurrent connections.
            let client = reqwest::Client::builder().pool_max_idle_per_host(1).build().unwrap();
            let mut latencies = Vec::new();
            while started.elapsed() < DURATION && latencies.len() < MAX_REQUESTS_PER_CONNECTION {
                let request = match kind {
                    Kind::Catalog => client.get(format!("{base}/api/integrations")),
                    Kind::Fields => {
                        client.get(format!("{base}/api/fields?provider=hubspot&endgrate_type=crm-contact"))
                    }
                    Kind::Initiate => client
                        .post(format!("{base}/api/session/initiate"))
                        .bearer_auth(&key)
                        .header("content-type", "application/json")
                        .header("idempotency-key", format!("c{connection}-{}", latencies.len()))
                        .body(
                            r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
                               "end_user_configuration": {"schemas": {"crm-contact": {"method": "EXPORT",
                               "fields": {"email": {"provider_field": "email", "upsert": "SET_IF_NOT_SET"}}}}}}"#,
                        ),
                };
                let t = Instant::now();
                let response = request.send().await.expect("request");
                assert!(response.status().is_success(), "{}", response.status());
                response.bytes().await.expect("body");
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct =
        |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "{label:<42} {CONNECTIONS:>5} {:>9} {:>7.0} {:>9.2} {:>8.2}",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99)
    );
}
