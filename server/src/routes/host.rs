//! The browser-facing initiate route a host backend exposes (`POST /api/endgrate/session/initiate`):
//! the browser sends no key; the server adds its own (local logic, or Endgrate's key upstream).
//!
//! Because no credential protects it, it takes the [`OwnOrigin`] guard: `Host` must be one of
//! this server's names, `Origin` one of its origins or a configured CORS origin, and
//! `Sec-Fetch-Site` not `cross-site` (security.md R32). It must not accept an `authorization`
//! header as a substitute.

use crate::error::AppError;
use crate::idempotency;
use crate::initiate;
use crate::origin::OwnOrigin;
use crate::state::Shared;
use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

/// `POST /api/endgrate/session/initiate`.
pub async fn initiate(
    State(state): State<Shared>,
    origin: OwnOrigin,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    let scope = idempotency::scope("POST /api/endgrate/session/initiate", &origin.caller);
    initiate::run(state, scope, headers, body).await
}
