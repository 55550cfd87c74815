//! The initiate flow shared by `POST /api/session/initiate` (Bearer) and the browser-facing
//! `POST /api/endgrate/session/initiate`: body limit, idempotency, validation, then either the
//! local session write or the forward to Endgrate.
//!
//! Bodies come through the one bounded reader (`body.rs`). Local mode checks the key, validates, writes the session and records the key in one
//! transaction, so a killed process leaves a whole session or none. Callers authenticate first;
//! this module must not look at credentials.

use crate::body::{self, Kind};
use crate::error::{json_bytes, AppError};
use crate::idempotency::{self, Lookup};
use crate::sessions::{self, Source};
use crate::state::Shared;
use crate::validate::{self, CatalogScope};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use widget_core::wire::InitiateSuccess;

/// Runs an initiate request; `scope` keeps its idempotency keys apart from other routes' and
/// callers' (see `idempotency::scope`).
///
/// # Errors
/// The body reader's refusals, a bad `Idempotency-Key`, or a database failure.
pub async fn run(
    state: Shared,
    scope: String,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    let key = idempotency::key_from(&headers)?;
    let bytes = body::read(&headers, body, Kind::Json, state.body_timeout).await?;
    let response = if state.upstream.is_some() {
        proxied(state, scope, key, bytes).await?
    } else {
        local(state, scope, key, bytes).await?
    };
    Ok(response)
}

fn success_bytes(session_id: String) -> Vec<u8> {
    serde_json::to_vec(&InitiateSuccess {
        success: true,
        session_id,
    })
    .unwrap_or_default()
}

async fn local(
    state: Shared,
    scope: String,
    key: Option<String>,
    bytes: Bytes,
) -> rusqlite::Result<Response> {
    let hash = idempotency::body_hash(&bytes);
    let shared = state.clone();
    let ttl = state.idempotency_ttl_secs;
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            if let Some(key) = &key {
                if let Some(response) =
                    idempotency::respond(idempotency::lookup(&tx, &scope, key, &hash, ttl)?)
                {
                    return Ok(response);
                }
            }
            let mut body = match validate::initiate_body(
                &bytes,
                &shared.catalog,
                &shared.redirects,
                CatalogScope::Authoritative,
            ) {
                Ok(body) => body,
                Err(failure) => return Ok(failure.into_response()),
            };
            let euc = body.end_user_configuration.take();
            let id = crate::keys::session_id();
            sessions::insert(&tx, &id, Source::Local, &body, euc.as_ref())?;
            let response = success_bytes(id);
            if let Some(key) = &key {
                idempotency::record(&tx, &scope, key, &hash, 200, &response)?;
            }
            tx.commit()?;
            Ok(json_bytes(StatusCode::OK, response))
        })
        .await
}

async fn proxied(
    state: Shared,
    scope: String,
    key: Option<String>,
    bytes: Bytes,
) -> rusqlite::Result<Response> {
    let ttl = state.idempotency_ttl_secs;
    let upstream = state
        .upstream
        .as_ref()
        .expect("proxied() runs in proxy mode");
    let mut body = match validate::initiate_body(
        &bytes,
        &state.catalog,
        &state.redirects,
        CatalogScope::Partial,
    ) {
        Ok(body) => body,
        Err(failure) => return Ok(failure.into_response()),
    };
    let hash = idempotency::body_hash(&bytes);
    if let Some(key) = key.clone() {
        let (hash, scope) = (hash.clone(), scope.clone());
        let earlier = state
            .db
            .call(move |conn| {
                let tx = conn.transaction()?;
                let found = idempotency::lookup(&tx, &scope, &key, &hash, ttl)?;
                if found == Lookup::Absent {
                    idempotency::reserve(&tx, &scope, &key, &hash)?;
                }
                tx.commit()?;
                Ok::<_, rusqlite::Error>(idempotency::respond(found))
            })
            .await?;
        if let Some(response) = earlier {
            return Ok(response);
        }
    }
    // The extension is the host's business: Endgrate never sees it.
    let euc = body.end_user_configuration.take();
    let outcome = upstream.initiate(&body).await;
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            let response = match outcome {
                Ok(success) => {
                    let bytes = success_bytes(success.session_id.clone());
                    tx.execute("DELETE FROM sessions WHERE id = ?1", [&success.session_id])?;
                    sessions::insert(&tx, &success.session_id, Source::Proxy, &body, euc.as_ref())?;
                    if let Some(key) = &key {
                        idempotency::record(&tx, &scope, key, &hash, 200, &bytes)?;
                    }
                    json_bytes(StatusCode::OK, bytes)
                }
                Err(failed) => {
                    if let Some(key) = &key {
                        if failed.retryable {
                            idempotency::release(&tx, &scope, key)?;
                        } else {
                            let status = failed.failure.status.as_u16();
                            idempotency::record(
                                &tx,
                                &scope,
                                key,
                                &hash,
                                status,
                                &failed.failure.to_bytes(),
                            )?;
                        }
                    }
                    failed.failure.into_response()
                }
            };
            tx.commit()?;
            Ok(response)
        })
        .await
}
