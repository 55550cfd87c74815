//! The initiate flow shared by `POST /api/session/initiate` (Bearer) and the browser-facing
//! `POST /api/endgrate/session/initiate`: body limit, idempotency, validation, then either the
//! local session write or the forward to Endgrate.
//!
//! Local mode checks the key, validates, writes the session and records the key in one
//! transaction, so a killed process leaves a whole session or none. Callers authenticate first;
//! this module must not look at credentials.

use crate::error::{json_bytes, Failure};
use crate::idempotency::{self, Lookup};
use crate::sessions::{self, Source};
use crate::state::Shared;
use crate::validate::{self, CatalogScope};
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use widget_core::wire::InitiateSuccess;

/// The largest initiate body accepted (security.md R21).
pub const MAX_BODY: usize = 64 * 1024;

const SCOPE: &str = "session-initiate";

/// Runs an initiate request.
pub async fn run(state: Shared, headers: HeaderMap, body: Body) -> Response {
    let key = match idempotency::key_from(&headers) {
        Ok(key) => key,
        Err(failure) => return failure.into_response(),
    };
    let bytes = match read_body(&headers, body).await {
        Ok(bytes) => bytes,
        Err(failure) => return failure.into_response(),
    };
    let result = if state.upstream.is_some() {
        proxied(state, key, bytes).await
    } else {
        local(state, key, bytes).await
    };
    result.unwrap_or_else(|error| {
        tracing::error!(%error, "session store failed");
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The session could not be stored; try again.",
        )
        .into_response()
    })
}

/// Reads a JSON body of at most [`MAX_BODY`] bytes, by `Content-Length` and by counting.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, Failure> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case("application/json")
        });
    if !is_json {
        return Err(Failure::keyed(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type",
            "must be application/json",
        ));
    }
    let too_large = || {
        Failure::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("The request body exceeds {} KiB.", MAX_BODY / 1024),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| too_large())
}

fn success_bytes(session_id: String) -> Vec<u8> {
    serde_json::to_vec(&InitiateSuccess {
        success: true,
        session_id,
    })
    .unwrap_or_default()
}

async fn local(state: Shared, key: Option<String>, bytes: Bytes) -> rusqlite::Result<Response> {
    let hash = idempotency::body_hash(&bytes);
    let shared = state.clone();
    state
        .db
        .call(move |conn| {
            let tx = conn.transaction()?;
            if let Some(key) = &key {
                if let Some(response) =
                    idempotency::respond(idempotency::lookup(&tx, SCOPE, key, &hash)?)
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
                idempotency::record(&tx, SCOPE, key, &hash, 200, &response)?;
            }
            tx.commit()?;
            Ok(json_bytes(StatusCode::OK, response))
        })
        .await
}

async fn proxied(state: Shared, key: Option<String>, bytes: Bytes) -> rusqlite::Result<Response> {
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
        let hash = hash.clone();
        let earlier = state
            .db
            .call(move |conn| {
                let tx = conn.transaction()?;
                let found = idempotency::lookup(&tx, SCOPE, &key, &hash)?;
                if found == Lookup::Absent {
                    idempotency::reserve(&tx, SCOPE, &key, &hash)?;
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
                        idempotency::record(&tx, SCOPE, key, &hash, 200, &bytes)?;
                    }
                    json_bytes(StatusCode::OK, bytes)
                }
                Err(failed) => {
                    if let Some(key) = &key {
                        if failed.retryable {
                            idempotency::release(&tx, SCOPE, key)?;
                        } else {
                            let status = failed.failure.status.as_u16();
                            idempotency::record(
                                &tx,
                                SCOPE,
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
