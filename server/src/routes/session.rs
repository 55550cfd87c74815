//! The Bearer API, as Endgrate documents it: `POST /api/session/initiate`,
//! `GET /api/session/configuration`, `POST /api/session/delete`.
//!
//! In proxy mode the configuration read is forwarded to Endgrate (its key added by `proxy.rs`) and
//! the locally kept `end_user_configuration` merged in.
//!
//! Every handler checks the local API key first (constant-time); no handler echoes the key or
//! logs the session id.

use crate::configuration;
use crate::error::Failure;
use crate::initiate;
use crate::keys::{constant_time_eq, is_lookup_id};
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
    if state.upstream.is_some() {
        return proxied_configuration(&state, id).await;
    }
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

/// Proxy mode: Endgrate's configuration (fetched with the Endgrate key, added here), with the
/// `end_user_configuration` kept locally at initiate merged into a configured answer. Endgrate
/// never saw the extension, so the local copy is the only one.
async fn proxied_configuration(state: &Shared, id: String) -> Response {
    let Some(upstream) = state.upstream.as_ref() else {
        return Failure::new(StatusCode::NOT_FOUND, "Not found.").into_response();
    };
    // R12 before anything reaches Endgrate's URL.
    if !is_lookup_id(&id) {
        return Failure::invalid("session_id", "is not a session id").into_response();
    }
    let mut answer = match upstream.configuration(&id).await {
        Ok(answer) => answer,
        Err(failure) => return failure.into_response(),
    };
    // Only a configuration gets the extension; "Session not yet configured." passes unchanged,
    // as in local mode.
    if answer.get("success") == Some(&json!(true)) {
        let euc = sessions::load(state, id)
            .await
            .and_then(|session| session.end_user_configuration);
        if let Some(euc) = euc {
            answer.insert("end_user_configuration".into(), json!(euc));
        }
    }
    Json(answer).into_response()
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
