//! Operating the binary: `--help`, startup errors (port in use, unwritable data directory),
//! structured request logs without query strings, graceful SIGTERM, and durability across kill -9.

mod common;
use common::*;
use std::collections::BTreeSet;

#[test]
fn help_lists_every_flag_with_its_environment_variable() {
    let (code, output) = run_to_exit(&["--help"], &[]);
    assert_eq!(code, 0);
    for (flag, env) in [
        ("--mode", "ESW_MODE"),
        ("--host", "ESW_HOST"),
        ("--port", "ESW_PORT"),
        ("--data-dir", "ESW_DATA_DIR"),
        ("--static-dir", "ESW_STATIC_DIR"),
        ("--allowed-redirect-origins", "ESW_ALLOWED_REDIRECT_ORIGINS"),
        ("--cors-origins", "ESW_CORS_ORIGINS"),
        ("--endgrate-url", "ENDGRATE_BASE_URL"),
        ("--upstream-timeout-secs", "ESW_UPSTREAM_TIMEOUT_SECS"),
        ("--log-format", "ESW_LOG_FORMAT"),
        ("--public-origins", "ESW_PUBLIC_ORIGINS"),
        ("--header-timeout-secs", "ESW_HEADER_TIMEOUT_SECS"),
        ("--body-timeout-secs", "ESW_BODY_TIMEOUT_SECS"),
        ("--idle-timeout-secs", "ESW_IDLE_TIMEOUT_SECS"),
        ("--max-connections", "ESW_MAX_CONNECTIONS"),
        ("--idempotency-ttl-secs", "ESW_IDEMPOTENCY_TTL_SECS"),
    ] {
        assert!(
            output.contains(flag) && output.contains(env),
            "{flag}/{env} missing:\n{output}"
        );
    }
    assert!(output.contains("ENDGRATE_API_KEY"));
}

#[test]
fn port_in_use_exits_non_zero_with_one_sentence() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let temp = tempfile::tempdir().unwrap();
    let (code, output) = run_to_exit(
        &["--port", &port, "--data-dir", temp.path().to_str().unwrap()],
        &[],
    );
    assert_ne!(code, 0);
    assert!(output.contains("already in use"), "{output}");
    assert_eq!(output.trim().lines().count(), 1, "{output}");
}

#[test]
fn an_idle_timeout_not_above_the_upstream_timeout_is_a_startup_error() {
    let temp = tempfile::tempdir().unwrap();
    let (code, output) = run_to_exit(
        &[
            "--port",
            "0",
            "--data-dir",
            temp.path().to_str().unwrap(),
            "--idle-timeout-secs",
            "15",
        ],
        &[],
    );
    assert_ne!(code, 0);
    assert!(output.contains("--idle-timeout-secs"), "{output}");
    assert_eq!(output.trim().lines().count(), 1, "{output}");
}

#[test]
fn unwritable_data_dir_exits_non_zero_with_one_sentence() {
    let temp = tempfile::tempdir().unwrap();
    // A regular file where a directory should be: unwritable even for root.
    let file = temp.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let dir = file.join("data");
    let (code, output) = run_to_exit(&["--port", "0", "--data-dir", dir.to_str().unwrap()], &[]);
    assert_ne!(code, 0);
    assert!(output.contains("not writable"), "{output}");
    assert_eq!(output.trim().lines().count(), 1, "{output}");
}

#[tokio::test]
async fn logs_carry_method_path_status_and_latency_but_no_query_or_body() {
    let server = TestServer::start(&["--log-format", "json"]);
    let (_, _, text) = post_json(
        &server.url("/api/session/initiate"),
        Some(&server.key),
        None,
        r#"{"label": "PRIVATE-LABEL"}"#,
    )
    .await;
    let id = json(&text)["session_id"].as_str().unwrap().to_string();
    get(
        &server.url(&format!("/api/session/configuration?session_id={id}")),
        Some(&server.key),
    )
    .await;
    std::thread::sleep(std::time::Duration::from_millis(200));
    let output = server.output();
    let log_lines: Vec<serde_json::Value> = output
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let line = log_lines
        .iter()
        .find(|l| l["span"]["path"] == "/api/session/configuration")
        .unwrap_or_else(|| panic!("no log line for the request:\n{output}"));
    assert_eq!(line["span"]["method"], "GET");
    assert_eq!(line["status"], 200);
    assert!(line["latency"].is_string() || line["latency"].is_number());
    assert!(
        !output.contains(&id),
        "session id leaked into logs:\n{output}"
    );
    assert!(!output.contains("PRIVATE-LABEL"), "body leaked into logs");
    let key_lines = output.lines().filter(|l| l.contains(&server.key)).count();
    assert_eq!(key_lines, 1, "the key appears only on its startup line");
}

#[cfg(unix)]
#[tokio::test]
async fn sigterm_shuts_down_gracefully_with_exit_code_zero() {
    let mut server = TestServer::start(&[]);
    let pid = server.child.id().to_string();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.child.wait().unwrap();
    assert_eq!(exit.code(), Some(0));
}

#[tokio::test]
async fn sessions_acknowledged_before_kill_9_survive_restart_and_the_database_is_intact() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("data");
    let mut server = TestServer::start_in(&dir, &[], &[]);
    let url = server.url("/api/session/initiate");
    let key = server.key.clone();
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut workers = Vec::new();
    for worker in 0..8 {
        let (url, key, acknowledged) = (url.clone(), key.clone(), acknowledged.clone());
        workers.push(tokio::spawn(async move {
            let client = client();
            for i in 0.. {
                let body = format!(r#"{{"label": "w{worker}-{i}", "schema": [{{"endgrate_type": "crm-contact"}}]}}"#);
                let sent = client
                    .post(&url)
                    .bearer_auth(&key)
                    .header("content-type", "application/json")
                    .header("idempotency-key", format!("w{worker}-{i}"))
                    .body(body)
                    .send()
                    .await;
                let Ok(response) = sent else { break };
                if response.status() != 200 {
                    break;
                }
                let Ok(text) = response.text().await else { break };
                acknowledged.lock().unwrap().push(json(&text)["session_id"].as_str().unwrap().to_string());
            }
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    server.kill9();
    for worker in workers {
        let _ = worker.await;
    }
    let acknowledged: BTreeSet<String> = acknowledged.lock().unwrap().iter().cloned().collect();
    assert!(
        acknowledged.len() > 10,
        "load reached the server: {}",
        acknowledged.len()
    );

    let restarted = TestServer::start_in(&dir, &[], &[]);
    assert_eq!(restarted.key, key, "the local key survives");
    drop(restarted);
    let conn = rusqlite::Connection::open(dir.join("widget-server.sqlite3")).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let stored: BTreeSet<String> = conn
        .prepare("SELECT id FROM sessions")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let missing: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(
        missing.is_empty(),
        "acknowledged sessions lost: {missing:?}"
    );
    let orphans: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM idempotency i WHERE i.status = 200 AND NOT EXISTS
             (SELECT 1 FROM sessions s WHERE i.response LIKE '%' || s.id || '%')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        orphans, 0,
        "every stored idempotent response points at a stored session"
    );
}
