//! The Bearer API, as Endgrate documents it: `POST /api/session/initiate`,
//! `GET /api/session/configuration`, `POST /api/session/delete`.
//!
//! In proxy mode the configuration read is forwarded to Endgrate (its key added by `proxy.rs`) and
//! the locally kept `end_user_configuration` merged in.
//!
//! The state-changing ones also take [`OwnOrigin`] (the `Host` guard of every state-changing
//! route). Every handler takes the [`Bearer`] extractor (the local API key, compared in constant time)
//! and returns `Result<_, AppError>`; no handler echoes the key or logs the session id.

use crate::auth::Bearer;
use crate::body;
use crate::configuration;
use crate::error::AppError;
use crate::idempotency;
use crate::initiate;
use crate::keys::is_lookup_id;
use crate::origin::OwnOrigin;
use crate::sessions;
use crate::state::Shared;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

/// `POST /api/session/initiate` (Bearer).
pub async fn initiate(
    State(state): State<Shared>,
    bearer: Bearer,
    _: OwnOrigin,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    let scope = idempotency::scope("POST /api/session/initiate", &bearer.caller);
    initiate::run(state, scope, headers, body).await
}

/// Query of `GET /api/session/configuration`.
#[derive(Debug, Deserialize)]
pub struct SessionQuery {
    session_id: Option<String>,
}

/// `GET /api/session/configuration?session_id=` (Bearer).
pub async fn configuration(
    State(state): State<Shared>,
    _: Bearer,
    Query(query): Query<SessionQuery>,
) -> Result<Response, AppError> {
    let id = query
        .session_id
        .filter(|id| !id.is_empty())
        .ok_or_else(|| AppError::invalid("session_id", "is required"))?;
    if state.upstream.is_some() {
        return proxied_configuration(&state, id).await;
    }
    let session = sessions::load(&state, id)
        .await
        .ok_or_else(|| AppError::keyed(StatusCode::NOT_FOUND, "session_id", "no such session"))?;
    Ok(if session.configured_at.is_none() {
        // Endgrate's answer until the end user finishes the hosted step.
        Json(json!({"message": "Session not yet configured."})).into_response()
    } else {
        Json(configuration::build(&state.catalog, &session)).into_response()
    })
}

/// Proxy mode: Endgrate's configuration (fetched with the Endgrate key, added here), with the
/// `end_user_configuration` kept locally at initiate merged into a configured answer. Endgrate
/// never saw the extension, so the local copy is the only one.
async fn proxied_configuration(state: &Shared, id: String) -> Result<Response, AppError> {
    let upstream = state
        .upstream
        .as_ref()
        .ok_or_else(|| AppError::new(StatusCode::NOT_FOUND, "Not found."))?;
    // R12 before anything reaches Endgrate's URL.
    if !is_lookup_id(&id) {
        return Err(AppError::invalid("session_id", "is not a session id"));
    }
    let mut answer = upstream.configuration(&id).await?;
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
    Ok(Json(answer).into_response())
}

/// Body of `POST /api/session/delete`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeleteBody {
    session_id: String,
}

/// `POST /api/session/delete` `{session_id}` (Bearer), read by the one bounded body reader.
pub async fn delete(
    State(state): State<Shared>,
    _: Bearer,
    _: OwnOrigin,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, AppError> {
    let parsed: DeleteBody = body::json(&headers, body, state.body_timeout).await?;
    if sessions::delete(&state, parsed.session_id).await? {
        Ok(Json(json!({"success": true})))
    } else {
        Err(AppError::keyed(
            StatusCode::NOT_FOUND,
            "session_id",
            "no such session",
        ))
    }
}
