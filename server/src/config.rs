//! Command-line flags and environment variables, parsed once at startup into [`Config`].
//!
//! This module only describes and parses settings; it must not open files, sockets or databases.
//! The Endgrate API key is read from the environment only (never a flag, so it never shows in
//! `ps` output or shell history).

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// Where catalog reads and initiate calls are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Answer everything from the seeded catalog and the local SQLite database.
    Local,
    /// Forward catalog reads and initiate calls to Endgrate with `ENDGRATE_API_KEY`.
    Proxy,
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable `key=value` lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The server's settings. Every flag can also be given by the environment variable shown in `--help`.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "endgrate-widget-server",
    version,
    about = "Reference server for the Endgrate session widget: serves the widget, the demo page, \
             an Endgrate-compatible catalog and session API (local mode, SQLite) or a proxy to \
             Endgrate (proxy mode).",
    after_help = "Environment only:\n  ENDGRATE_API_KEY   Endgrate secret key, required in proxy mode \
                  (never accepted as a flag, never logged)\n  RUST_LOG           log filter, e.g. \
                  `info` or `widget_server=debug` (default: info)"
)]
pub struct Config {
    /// `local` (seeded catalog, sessions in SQLite) or `proxy` (forward to Endgrate).
    #[arg(long, env = "ESW_MODE", value_enum, default_value_t = Mode::Local)]
    pub mode: Mode,

    /// Interface to listen on.
    #[arg(long, env = "ESW_HOST", default_value = "127.0.0.1")]
    pub host: String,

    /// Port to listen on; 0 picks a free port (the printed `Demo:` line shows the real one).
    #[arg(long, env = "ESW_PORT", default_value_t = 8787)]
    pub port: u16,

    /// Directory of the SQLite database and the local API key; created when missing.
    #[arg(long, env = "ESW_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// Directory of the built widget and demo page, served at `/`.
    #[arg(long, env = "ESW_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Origins a `redirect_url` may point to, comma-separated (exact origins, or
    /// `https://*.example.com`). Default: this server's own http://127.0.0.1:PORT and
    /// http://localhost:PORT.
    #[arg(long, env = "ESW_ALLOWED_REDIRECT_ORIGINS", value_delimiter = ',')]
    pub allowed_redirect_origins: Vec<String>,

    /// Origins allowed to call the browser-facing `/api/endgrate/*` routes cross-origin,
    /// comma-separated. Default: none (same-origin only).
    #[arg(long, env = "ESW_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// This server's own origins, comma-separated: the `Host` and `Origin` every state-changing
    /// route accepts (DNS-rebinding defence). Default: http://127.0.0.1:PORT and
    /// http://localhost:PORT (http://HOST:PORT when listening on another address).
    #[arg(long, env = "ESW_PUBLIC_ORIGINS", value_delimiter = ',')]
    pub public_origins: Vec<String>,

    /// Seconds a client has to send a request's headers, counted from when the server starts
    /// waiting for it (also how long an idle keep-alive connection stays open).
    #[arg(long, env = "ESW_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Seconds a client has to send a request's whole body.
    #[arg(long, env = "ESW_BODY_TIMEOUT_SECS", default_value_t = 10)]
    pub body_timeout_secs: u64,

    /// Seconds a connection may move no byte in either direction before it is closed (a client
    /// that stops reading its response). Must exceed --upstream-timeout-secs.
    #[arg(long, env = "ESW_IDLE_TIMEOUT_SECS", default_value_t = 60)]
    pub idle_timeout_secs: u64,

    /// Open connections at most; at the cap the oldest connection without a request in flight is
    /// closed to make room. The default stays under the common 1,024 open-files limit.
    #[arg(long, env = "ESW_MAX_CONNECTIONS", default_value_t = 1000)]
    pub max_connections: usize,

    /// Seconds an idempotency key is remembered.
    #[arg(long, env = "ESW_IDEMPOTENCY_TTL_SECS", default_value_t = 86_400)]
    pub idempotency_ttl_secs: u64,

    /// Endgrate's base URL (proxy mode).
    #[arg(
        long,
        env = "ENDGRATE_BASE_URL",
        default_value = "https://endgrate.com"
    )]
    pub endgrate_url: String,

    /// Seconds to wait for Endgrate before answering 504 (proxy mode).
    #[arg(long, env = "ESW_UPSTREAM_TIMEOUT_SECS", default_value_t = 15)]
    pub upstream_timeout_secs: u64,

    /// Log format.
    #[arg(long, env = "ESW_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

impl Config {
    /// The settings with every default, for tests and examples that start the server in-process.
    pub fn for_tests(data_dir: PathBuf) -> Self {
        let mut config = Config::parse_from(["endgrate-widget-server", "--port", "0"]);
        config.data_dir = data_dir;
        config
    }
}
