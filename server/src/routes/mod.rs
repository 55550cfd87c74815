//! The HTTP surface: every route, its middleware (logging, headers, CORS) and the static files.
//!
//! Handlers live in the sibling modules by audience: `catalog` (public reads), `session`
//! (Bearer API), `host` (the browser-facing host-backend routes), `assets` (logos, static files).
//! This module wires them; it must not contain request logic.

mod assets;
mod catalog;
mod compress;
mod files;
mod host;
mod session;

pub use catalog::IntegrationsQuery;
pub use compress::gzip;
pub use files::PAGE_CSP;

use crate::hosted;
use crate::state::Shared;
use axum::http::{header, HeaderName, HeaderValue, Method, Request};
use axum::routing::{get, post};
use axum::Router;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;
use tracing::Level;

/// Longest request path written to the log.
const MAX_LOGGED_PATH: usize = 256;

/// The complete application.
pub fn router(state: Shared) -> Router {
    // The JSON reads go out gzipped to clients that accept it (compress.rs).
    let gzipped = axum::middleware::from_fn(compress::json_answers);
    let integrations = get(catalog::integrations).layer(gzipped.clone());
    let fields = get(catalog::fields).layer(gzipped);
    let browser = Router::new()
        .route("/api/endgrate/api/integrations", integrations.clone())
        .route("/api/endgrate/api/fields", fields.clone())
        .route("/api/endgrate/session/initiate", post(host::initiate))
        .layer(cors(&state));

    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/api/integrations", integrations)
        .route("/api/fields", fields)
        .route("/api/session/initiate", post(session::initiate))
        .route("/api/session/configuration", get(session::configuration))
        .route("/api/session/delete", post(session::delete))
        .route("/session", get(hosted::page))
        .route("/session/authorize", post(hosted::authorize))
        .route("/hosted.css", get(hosted::stylesheet))
        .route("/logos/{file}", get(assets::logo))
        .merge(browser)
        .fallback(assets::static_files)
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Session ids appear in the hosted page's URL; never leak them to other sites.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(
            TraceLayer::new_for_http()
                // The path only: query strings may carry session ids, bodies carry user data.
                .make_span_with(|req: &Request<_>| {
                    let path = req.uri().path();
                    // A hostile path can be kilobytes long; the log keeps only that it was.
                    let path = if path.len() > MAX_LOGGED_PATH {
                        "(over-long path)"
                    } else {
                        path
                    };
                    tracing::info_span!("http", method = %req.method(), path = %path)
                })
                .on_request(())
                .on_response(
                    DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(LatencyUnit::Micros),
                )
                .on_failure(()),
        )
        .with_state(state)
}

/// CORS for the configured origins only: exact `Access-Control-Allow-Origin`, never `*`, no
/// credentials, and the headers the widget sends listed explicitly (security.md R32).
fn cors(state: &Shared) -> CorsLayer {
    let origins = state.cors_origins.clone();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
        ])
        .max_age(Duration::from_secs(600))
}
