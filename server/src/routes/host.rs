//! The browser-facing initiate route a host backend exposes (`POST /api/endgrate/session/initiate`):
//! the browser sends no key; the server adds its own (local logic, or Endgrate's key upstream).
//!
//! Because no credential protects it, it refuses cross-site requests (`Sec-Fetch-Site:
//! cross-site`) and requests from origins that are neither this server nor a configured CORS
//! origin (security.md R32). It must not accept an `authorization` header as a substitute.

use crate::error::Failure;
use crate::initiate;
use crate::state::Shared;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// `POST /api/endgrate/session/initiate`.
pub async fn initiate(State(state): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    if let Err(failure) = check_origin(&state, &headers) {
        return failure.into_response();
    }
    initiate::run(state, headers, body).await
}

/// Refuses cross-site requests and unknown origins.
///
/// # Errors
/// 403 naming the header.
pub fn check_origin(state: &Shared, headers: &HeaderMap) -> Result<(), Failure> {
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if site.is_some_and(|s| s.eq_ignore_ascii_case("cross-site")) {
        return Err(Failure::keyed(
            StatusCode::FORBIDDEN,
            "Sec-Fetch-Site",
            "cross-site requests are refused",
        ));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(());
    };
    if state.cors_origins.iter().any(|allowed| allowed == origin) {
        return Ok(());
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let same_origin = origin
        .to_str()
        .ok()
        .and_then(|o| {
            o.strip_prefix("http://")
                .or_else(|| o.strip_prefix("https://"))
        })
        .is_some_and(|authority| !host.is_empty() && authority.eq_ignore_ascii_case(host));
    if same_origin {
        Ok(())
    } else {
        Err(Failure::keyed(
            StatusCode::FORBIDDEN,
            "Origin",
            "this origin is not allowed to call this route",
        ))
    }
}
