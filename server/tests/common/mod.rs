//! Starts the real server binary for a test: its own temporary data directory, `--port 0`, the
//! port read from the printed `Demo:` line; stdout and stderr captured for leak checks.
//!
//! Helpers only; no assertions about behaviour live here.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_endgrate-widget-server");

/// The binary under test: this build's, or `ESW_TEST_SERVER_BIN` (to run the tests against
/// another build, e.g. to see which of them an older server fails).
pub fn bin() -> String {
    std::env::var("ESW_TEST_SERVER_BIN").unwrap_or_else(|_| BIN.to_string())
}

/// A running server process.
pub struct TestServer {
    pub child: Child,
    pub base: String,
    pub port: u16,
    pub key: String,
    pub data_dir: PathBuf,
    pub output: Arc<Mutex<String>>,
    _temp: Option<tempfile::TempDir>,
}

impl TestServer {
    /// Local mode with a fresh data directory.
    pub fn start(args: &[&str]) -> TestServer {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("data");
        let mut server = Self::start_in(&dir, args, &[]);
        server._temp = Some(temp);
        server
    }

    /// A server on `data_dir` with extra args and environment.
    // The child moves into the returned `TestServer`, whose `Drop` kills and waits for it.
    #[allow(clippy::zombie_processes)]
    pub fn start_in(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> TestServer {
        let mut command = Command::new(bin());
        command
            .args(["--port", "0", "--data-dir"])
            .arg(data_dir)
            .args(args)
            .env_remove("ENDGRATE_API_KEY")
            .env_remove("ESW_MODE")
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("spawn server");
        let output = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&format!("{line}\n"));
                let _ = tx.send(line);
            }
        });
        let mut key = String::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            let line = rx.recv_timeout(remaining).unwrap_or_else(|_| {
                panic!(
                    "server did not print its Demo line:\n{}",
                    output.lock().unwrap()
                )
            });
            if let Some(k) = line.strip_prefix("Local API key: ") {
                key = k.to_string();
            }
            if let Some(url) = line.strip_prefix("Demo: ") {
                let port: u16 = url
                    .trim_end_matches('/')
                    .rsplit(':')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                return TestServer {
                    child,
                    base: format!("http://127.0.0.1:{port}"),
                    port,
                    key,
                    data_dir: data_dir.to_path_buf(),
                    output,
                    _temp: None,
                };
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Everything the process printed so far.
    pub fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary to completion (startup-failure tests) and returns (exit code, stdout+stderr).
pub fn run_to_exit(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut command = Command::new(bin());
    command
        .args(args)
        .env_remove("ENDGRATE_API_KEY")
        .env_remove("ESW_MODE");
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "process did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut text = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    (child.wait().unwrap().code().unwrap_or(-1), text)
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// POSTs JSON with optional bearer key and idempotency key; returns (status, headers, body text).
pub async fn post_json(
    url: &str,
    bearer: Option<&str>,
    idempotency_key: Option<&str>,
    body: &str,
) -> (u16, reqwest::header::HeaderMap, String) {
    let mut request = client()
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(key) = bearer {
        request = request.bearer_auth(key);
    }
    if let Some(key) = idempotency_key {
        request = request.header("idempotency-key", key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

/// The hosted page's Authorize button for session `id`, pressed from the server's own origin.
pub async fn authorize(server: &TestServer, id: &str) -> reqwest::Response {
    client()
        .post(server.url("/session/authorize"))
        .header("origin", &server.base)
        .form(&[("session_id", id)])
        .send()
        .await
        .unwrap()
}

pub async fn get(url: &str, bearer: Option<&str>) -> (u16, reqwest::header::HeaderMap, String) {
    let mut request = client().get(url);
    if let Some(key) = bearer {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The single key of an Endgrate error's `errors` object.
pub fn error_key(text: &str) -> String {
    let value = json(text);
    let errors = value["errors"]
        .as_object()
        .unwrap_or_else(|| panic!("no errors object: {text}"));
    assert_eq!(errors.len(), 1, "{text}");
    errors.keys().next().unwrap().clone()
}
