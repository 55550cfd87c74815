//! What every handler shares: the catalog, the database, the allow-lists and, in proxy mode, the
//! upstream client. Built once at startup; read-only afterwards (the database is the only mutable
//! part, behind its own lock).
//!
//! It must not hold per-request data.

use crate::db::Db;
use crate::proxy::Upstream;
use crate::redirect::AllowList;
use crate::seed::Catalog;
use axum::http::HeaderValue;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Shared state, cloned cheaply into handlers.
pub type Shared = Arc<AppState>;

/// See the module documentation.
pub struct AppState {
    /// The seeded catalog (local mode's catalog; the field catalog in both modes).
    pub catalog: Catalog,
    /// The whole catalog response, serialized once: the unfiltered read is the common one.
    pub catalog_json: Vec<u8>,
    /// The same, gzipped once (the common read, sent to every browser).
    pub catalog_gzip: Vec<u8>,
    /// `hubspot.svg` → SVG text.
    pub logos: HashMap<String, String>,
    /// Where the built widget and demo page are.
    pub static_dir: PathBuf,
    /// Sessions and idempotency records.
    pub db: Db,
    /// The bearer key of the local `/api/session/*` routes.
    pub local_key: String,
    /// Where `redirect_url` may point.
    pub redirects: AllowList,
    /// Origins allowed cross-origin on the browser-facing routes.
    pub cors_origins: Vec<HeaderValue>,
    /// Endgrate, in proxy mode.
    pub upstream: Option<Upstream>,
    /// This server's own origins (`http://127.0.0.1:8787`): the only `Origin`s, and with their
    /// authorities the only `Host`s, a state-changing route accepts (besides CORS origins).
    pub public_origins: Vec<String>,
    /// How long a request body may take to arrive.
    pub body_timeout: Duration,
    /// How long an idempotency key is remembered, in seconds.
    pub idempotency_ttl_secs: i64,
}
