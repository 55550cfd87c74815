//! The load and abuse benchmark: one command, loopback only, bounded in time and count.
//!
//! 1. Requests/second and p50/p99 latency of the catalog read and the initiate write at 8 and
//!    64 concurrent connections (server in-process on 127.0.0.1:0, a temporary data directory).
//! 2. The latency of a normal request while 2,000 slow connections are held open (each sent half
//!    a request and waits), and how many of them the server closed to make room.
//! 3. Sessions lost after `kill -9` under write load: a child server process takes 8 concurrent
//!    writers, is killed, restarted on the same data directory, and every acknowledged session is
//!    looked up in the database.
//!
//! `cargo run --profile server -p widget-server --example load` (about 40 s); `-- --brief` runs
//! each part once, shortly, as the test command's smoke. It is a measurement, not a test: it
//! stops on a failed request, and asserts nothing else.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use widget_server::config::Config;

const INITIATE_BODY: &str = r#"{"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
  "end_user_configuration": {"schemas": {"crm-contact": {"methods": {"EXPORT": {}},
  "fields": {"email": {"provider_field": "email", "upsert": "SET_IF_NOT_SET"}}}}}}"#;

/// How long and how much each part runs.
struct Plan {
    phase: Duration,
    max_requests_per_connection: usize,
    slow_connections: usize,
    probes: usize,
    kill_rounds: usize,
    write_load: Duration,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--serve-child") {
        return serve_child(&args[at + 1]);
    }
    let plan = if args.iter().any(|a| a == "--brief") {
        Plan {
            phase: Duration::from_millis(500),
            max_requests_per_connection: 2_000,
            slow_connections: 200,
            probes: 10,
            kill_rounds: 1,
            write_load: Duration::from_millis(400),
        }
    } else {
        Plan {
            phase: Duration::from_secs(3),
            max_requests_per_connection: 50_000,
            slow_connections: 2_000,
            probes: 200,
            kill_rounds: 3,
            write_load: Duration::from_millis(1500),
        }
    };
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let temp = tempfile::tempdir().expect("temporary directory");
        let config = Config::for_tests(temp.path().join("data"));
        let server = widget_server::start(config, None)
            .await
            .expect("server starts");
        assert!(
            server.addr.ip().is_loopback(),
            "the benchmark targets loopback only"
        );
        let base = format!("http://{}", server.addr);
        let key = server.local_key.clone();
        tokio::spawn(server.serve(std::future::pending()));

        println!("endpoint                          conns  requests     req/s   p50 ms   p99 ms");
        for connections in [8, 64] {
            throughput(&plan, &base, &key, Kind::Catalog, connections).await;
            throughput(&plan, &base, &key, Kind::Initiate, connections).await;
        }
        slow_connections(&plan, &base).await;
    });
    kill_nine(&plan);
}

#[derive(Clone, Copy)]
enum Kind {
    Catalog,
    Initiate,
}

async fn throughput(plan: &Plan, base: &str, key: &str, kind: Kind, connections: usize) {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for connection in 0..connections {
        let (base, key) = (base.to_string(), key.to_string());
        let (phase, cap) = (plan.phase, plan.max_requests_per_connection);
        tasks.push(tokio::spawn(async move {
            // One client per task with one pooled connection: `connections` concurrent connections.
            let client = reqwest::Client::builder()
                .pool_max_idle_per_host(1)
                .build()
                .unwrap();
            let mut latencies = Vec::new();
            while started.elapsed() < phase && latencies.len() < cap {
                let request = match kind {
                    Kind::Catalog => client.get(format!("{base}/api/integrations")),
                    Kind::Initiate => client
                        .post(format!("{base}/api/session/initiate"))
                        .bearer_auth(&key)
                        .header("content-type", "application/json")
                        .header(
                            "idempotency-key",
                            format!("c{connections}-{connection}-{}", latencies.len()),
                        )
                        .body(INITIATE_BODY),
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
    let label = match kind {
        Kind::Catalog => "GET /api/integrations",
        Kind::Initiate => "POST /api/session/initiate",
    };
    let elapsed = started.elapsed().as_secs_f64();
    let (p50, p99) = percentiles(&mut all);
    println!(
        "{label:<33} {connections:>5} {:>9} {:>9.0} {p50:>8.2} {p99:>8.2}",
        all.len(),
        all.len() as f64 / elapsed
    );
}

/// (p50, p99) in milliseconds.
fn percentiles(samples: &mut [Duration]) -> (f64, f64) {
    samples.sort();
    let at = |p: f64| {
        samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)].as_secs_f64() * 1000.0
    };
    (at(0.50), at(0.99))
}

async fn slow_connections(plan: &Plan, base: &str) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://").to_string();
    let mut held = Vec::new();
    let opening = Instant::now();
    for _ in 0..plan.slow_connections {
        let Ok(mut stream) = tokio::net::TcpStream::connect(&addr).await else {
            break; // out of descriptors on this machine: report what was held
        };
        // Half a request, then silence: the finding's slow client.
        if stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .is_ok()
        {
            held.push(stream);
        }
    }
    let opened = held.len();
    let mut latencies = Vec::new();
    for _ in 0..plan.probes {
        // A fresh client each time: a real visitor's new connection, not a warm one.
        let client = reqwest::Client::new();
        let t = Instant::now();
        let response = client
            .get(format!("{base}/api/integrations"))
            .send()
            .await
            .expect("probe");
        assert!(response.status().is_success());
        response.bytes().await.expect("probe body");
        latencies.push(t.elapsed());
    }
    let mut closed = 0;
    for stream in &mut held {
        let mut byte = [0u8; 1];
        let read = tokio::time::timeout(Duration::from_millis(1), stream.read(&mut byte)).await;
        if matches!(read, Ok(Ok(0)) | Ok(Err(_))) {
            closed += 1;
        }
    }
    let (p50, p99) = percentiles(&mut latencies);
    let max = latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    println!(
        "\nnormal request while {opened} slow connections are held (opened in {:.1} s): \
         p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms over {} requests; \
         the server closed {closed} of them to stay under its connection cap",
        opening.elapsed().as_secs_f64(),
        latencies.len()
    );
}

/// Child mode: a server on `data_dir`, printing its startup lines like the binary.
fn serve_child(data_dir: &str) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let server = widget_server::start(Config::for_tests(data_dir.into()), None)
            .await
            .expect("server starts");
        println!("Local API key: {}", server.local_key);
        println!("Demo: {}", server.demo_url());
        server.serve(std::future::pending()).await.expect("serve");
    });
}

/// Starts a child server on `data_dir`; returns it with its base URL and key.
fn spawn_child(data_dir: &std::path::Path) -> (Child, String, String) {
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .arg("--serve-child")
        .arg(data_dir)
        .env("RUST_LOG", "off")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child server");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut key, mut base) = (String::new(), String::new());
    for line in lines.by_ref().map_while(Result::ok) {
        if let Some(k) = line.strip_prefix("Local API key: ") {
            key = k.to_string();
        }
        if let Some(url) = line.strip_prefix("Demo: ") {
            base = url.trim_end_matches('/').to_string();
            break;
        }
    }
    assert!(base.starts_with("http://127.0.0.1:"), "child did not start");
    (child, base, key)
}

fn kill_nine(plan: &Plan) {
    let temp = tempfile::tempdir().expect("temporary directory");
    let dir = temp.path().join("data");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let mut acknowledged_total = 0usize;
    let mut lost_total = 0usize;
    for round in 0..plan.kill_rounds {
        let (mut child, base, key) = spawn_child(&dir);
        let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
        runtime.block_on(async {
            let mut writers = Vec::new();
            for worker in 0..8 {
                let (base, key, acknowledged) = (base.clone(), key.clone(), acknowledged.clone());
                writers.push(tokio::spawn(async move {
                    let client = reqwest::Client::new();
                    for i in 0..100_000 {
                        let sent = client
                            .post(format!("{base}/api/session/initiate"))
                            .bearer_auth(&key)
                            .header("content-type", "application/json")
                            .header("idempotency-key", format!("r{round}-w{worker}-{i}"))
                            .body(INITIATE_BODY)
                            .send()
                            .await;
                        let Ok(response) = sent else { break };
                        let Ok(text) = response.text().await else {
                            break;
                        };
                        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                            break;
                        };
                        if let Some(id) = value["session_id"].as_str() {
                            acknowledged.lock().unwrap().push(id.to_string());
                        }
                    }
                }));
            }
            tokio::time::sleep(plan.write_load).await;
            child.kill().expect("kill -9"); // SIGKILL on Unix
            let _ = child.wait();
            for writer in writers {
                let _ = writer.await;
            }
        });
        // Restart on the same directory (recovery runs), stop it, then read what was kept.
        let (mut again, _, _) = spawn_child(&dir);
        let _ = again.kill();
        let _ = again.wait();
        let conn = rusqlite::Connection::open(dir.join("widget-server.sqlite3")).expect("db");
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check");
        let stored: BTreeSet<String> = conn
            .prepare("SELECT id FROM sessions")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let acknowledged = acknowledged.lock().unwrap();
        let lost = acknowledged
            .iter()
            .filter(|id| !stored.contains(*id))
            .count();
        println!(
            "kill -9 round {}: {} sessions acknowledged, {lost} lost, integrity_check {integrity}",
            round + 1,
            acknowledged.len()
        );
        acknowledged_total += acknowledged.len();
        lost_total += lost;
    }
    println!(
        "kill -9 under write load (8 writers, {} rounds): {lost_total} of {acknowledged_total} acknowledged sessions lost",
        plan.kill_rounds
    );
}
