//! The reference server for the Endgrate session widget, as a library: `main.rs` and the tests
//! start it through [`start`].
//!
//! Local mode answers from a seeded catalog and SQLite; proxy mode forwards to Endgrate with the
//! secret key. Startup facts go to stdout (one line each); logs go to stderr through `tracing`.
//! Nothing here prints the Endgrate key.

pub mod auth;
pub mod body;
pub mod config;
pub mod configuration;
pub mod db;
pub mod error;
pub mod hosted;
pub mod idempotency;
pub mod initiate;
pub mod keys;
pub mod listen;
pub mod logos;
pub mod origin;
pub mod proxy;
pub mod redirect;
pub mod routes;
pub mod seed;
pub mod sessions;
pub mod state;
pub mod validate;

use config::{Config, Mode};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// A bound, ready server.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: axum::Router,
    /// The address actually bound (the real port when `--port 0`).
    pub addr: SocketAddr,
    /// The local API key (local mode's Bearer key).
    pub local_key: String,
    /// The absolute data directory.
    pub data_dir: std::path::PathBuf,
    /// The mode it runs in.
    pub mode: Mode,
    /// Timeouts and the connection cap.
    pub limits: listen::Limits,
}

impl Server {
    /// The demo URL: `http://127.0.0.1:PORT/` when listening on IPv4 loopback or all interfaces.
    pub fn demo_url(&self) -> String {
        let ip = self.addr.ip();
        if ip.is_unspecified() || ip.to_string() == "127.0.0.1" {
            format!("http://127.0.0.1:{}/", self.addr.port())
        } else {
            format!("http://{}/", self.addr)
        }
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests.
    ///
    /// # Errors
    /// I/O errors of the listener.
    pub async fn serve<F>(self, shutdown: F) -> std::io::Result<()>
    where
        F: std::future::Future<Output = ()> + Send + 'static,
    {
        listen::serve(self.listener, self.router, self.limits, shutdown).await
    }
}

/// Binds the port, prepares the data directory and database, and builds the application.
///
/// # Errors
/// One sentence naming the problem: port in use, data directory not writable, missing
/// `ENDGRATE_API_KEY` in proxy mode, a malformed flag value.
pub async fn start(config: Config, endgrate_api_key: Option<String>) -> Result<Server, String> {
    let upstream = match config.mode {
        Mode::Local => None,
        Mode::Proxy => {
            let key = endgrate_api_key
                .filter(|k| !k.is_empty())
                .ok_or("proxy mode needs the Endgrate secret key in the ENDGRATE_API_KEY environment variable")?;
            Some(proxy::Upstream::new(
                &config.endgrate_url,
                key,
                Duration::from_secs(config.upstream_timeout_secs.max(1)),
            )?)
        }
    };

    let bind = format!("{}:{}", config.host, config.port);
    let listener = tokio::net::TcpListener::bind(&bind).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            format!(
                "port {} on {} is already in use; pick another with --port (0 picks a free one)",
                config.port, config.host
            )
        } else {
            format!("cannot listen on {bind}: {e}")
        }
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;

    let data_dir = prepare_data_dir(&config.data_dir)?;
    let local_key = keys::load_or_create_local_key(&data_dir)
        .map_err(|e| format!("data directory {} is not writable: {e}", data_dir.display()))?;
    let db = db::Db::open(&data_dir)?;

    let catalog =
        seed::Catalog::load().map_err(|e| format!("the compiled-in seed is invalid: {e}"))?;
    let catalog_json = serde_json::to_vec(&widget_core::wire::IntegrationsResponse {
        providers: catalog.providers.iter().map(|p| p.entry.clone()).collect(),
    })
    .map_err(|e| format!("cannot serialize the catalog: {e}"))?;
    let catalog_gzip = routes::gzip(&catalog_json);
    let logos = logos::render_all(&catalog);

    let redirect_entries = if config
        .allowed_redirect_origins
        .iter()
        .all(|o| o.trim().is_empty())
    {
        vec![
            format!("http://127.0.0.1:{}", addr.port()),
            format!("http://localhost:{}", addr.port()),
        ]
    } else {
        config.allowed_redirect_origins.clone()
    };
    let redirects = redirect::AllowList::parse(&redirect_entries)
        .map_err(|e| format!("--allowed-redirect-origins: {e}"))?;
    let cors_origins = parse_cors_origins(&config.cors_origins)?;
    let public_origins = origin::public_origins(&config.public_origins, addr)?;
    if config.idle_timeout_secs <= config.upstream_timeout_secs {
        return Err(format!(
            "--idle-timeout-secs ({}) must exceed --upstream-timeout-secs ({}): a request waiting \
             for Endgrate moves no bytes",
            config.idle_timeout_secs, config.upstream_timeout_secs
        ));
    }

    let state = Arc::new(state::AppState {
        catalog,
        catalog_json,
        catalog_gzip,
        logos,
        static_dir: config.static_dir.clone(),
        db,
        local_key: local_key.clone(),
        redirects,
        cors_origins,
        upstream,
        public_origins,
        body_timeout: Duration::from_secs(config.body_timeout_secs.max(1)),
        idempotency_ttl_secs: config.idempotency_ttl_secs.min(i64::MAX as u64) as i64,
    });
    Ok(Server {
        listener,
        router: routes::router(state),
        addr,
        local_key,
        data_dir,
        mode: config.mode,
        limits: listen::Limits {
            header_timeout: Duration::from_secs(config.header_timeout_secs.max(1)),
            idle_timeout: Duration::from_secs(config.idle_timeout_secs.max(1)),
            max_connections: config.max_connections.max(1),
        },
    })
}

/// Creates the data directory, readable by this user only (0700): it holds the local key and
/// every session.
fn prepare_data_dir(dir: &std::path::Path) -> Result<std::path::PathBuf, String> {
    let unwritable =
        |e: std::io::Error| format!("data directory {} is not writable: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(unwritable)?;
    let dir = dir.canonicalize().map_err(unwritable)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
            .map_err(unwritable)?;
    }
    // Probe with a real write: permissions alone do not tell (read-only mounts, root).
    let probe = dir.join(".write-probe");
    std::fs::write(&probe, b"ok").map_err(unwritable)?;
    let _ = std::fs::remove_file(&probe);
    Ok(dir)
}

fn parse_cors_origins(entries: &[String]) -> Result<Vec<axum::http::HeaderValue>, String> {
    entries
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
        .map(|entry| {
            let url = url::Url::parse(entry)
                .map_err(|_| format!("--cors-origins: `{entry}` is not an origin"))?;
            let origin = url.origin().ascii_serialization();
            if origin == "null" || entry.contains('*') {
                return Err(format!("--cors-origins: `{entry}` is not an exact origin"));
            }
            axum::http::HeaderValue::from_str(&origin)
                .map_err(|_| format!("--cors-origins: `{entry}` is not an origin"))
        })
        .collect()
}
