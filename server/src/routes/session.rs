//! The Bearer API, as Endgrate documents it: `POST /api/session/initiate`,
//! `GET /api/session/configuration`, `POST /api/session/delete`.
//!
//! Every handler checks the local API key first (constant-time); no handler echoes the key or
//! logs the session id.

use crate::configuration;
use crate::error::Failure;
use crate::initiate;
use crate::keys::constant_time_eq;
use crate::sessions;
use crate::state::Shared;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

/// `Some(401 response)` unless the request carries the local key.
fn refuse_unless_authorized(state: &Shared, headers: &HeaderMap) -> Option<Response> {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    match presented {
        Some(key) if constant_time_eq(key.as_bytes(), state.local_key.as_bytes()) => None,
        _ => {
            let mut response = Failure::new(
                StatusCode::UNAUTHORIZED,
                "Missing or invalid API key (authorization: Bearer <key>).",
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            Some(response)
        }
    }
}

/// `POST /api/session/initiate` (Bearer).
pub async fn initiate(State(state): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    if let Some(response) = refuse_unless_authorized(&state, &headers) {
        return response;
    }
    initiate::run(state, headers, body).await
}

/// Query of `GET /api/session/configuration`.
#[derive(Debug, Deserialize)]
pub struct SessionQuery {
    session_id: Option<String>,
}

/// `GET /api/session/configuration?session_id=` (Bearer).
pub async fn configuration(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<SessionQuery>,
) -> Response {
    if let Some(response) = refuse_unless_authorized(&state, &headers) {
        return response;
    }
    let Some(id) = query.session_id.filter(|id| !id.is_empty()) else {
        return Failure::invalid("session_id", "is required").into_response();
    };
    match sessions::load(&state, id).await {
        None => {
            Failure::keyed(StatusCode::NOT_FOUND, "session_id", "no such session").into_response()
        }
        // Endgrate's answer until the end user finishes the hosted step.
        Some(session) if session.configured_at.is_none() => {
            Json(json!({"message": "Session not yet configured."})).into_response()
        }
        Some(session) => Json(configuration::build(&state.catalog, &session)).into_response(),
    }
}

/// Body of `POST /api/session/delete`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteBody {
    session_id: String,
}

/// `POST /api/session/delete` `{session_id}` (Bearer).
pub async fn delete(
    State(state): State<Shared>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(response) = refuse_unless_authorized(&state, &headers) {
        return response;
    }
    let parsed: DeleteBody = match serde_json::from_slice(&body) {
        Ok(parsed) => parsed,
        Err(e) => {
            let problem = e.to_string();
            let key = if problem.contains("unknown field") {
                "body"
            } else {
                "session_id"
            };
            return Failure::invalid(
                key,
                problem
                    .split(" at line ")
                    .next()
                    .unwrap_or("invalid")
                    .to_string(),
            )
            .into_response();
        }
    };
    match sessions::delete(&state, parsed.session_id).await {
        Ok(true) => Json(json!({"success": true})).into_response(),
        Ok(false) => {
            Failure::keyed(StatusCode::NOT_FOUND, "session_id", "no such session").into_response()
        }
        Err(error) => {
            tracing::error!(%error, "session delete failed");
            Failure::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The session could not be deleted; try again.",
            )
            .into_response()
        }
    }
}
