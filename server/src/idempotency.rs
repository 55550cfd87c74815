//! Idempotency keys (security.md R17, Stripe semantics): the same `Idempotency-Key` with the same
//! body replays the stored response byte for byte; with another body it is a 409; while the first
//! request is still running (proxy mode) a repeat is a 409 too.
//!
//! A key is scoped by route and caller (the Bearer key's digest, or the browser's `Origin`), so
//! the browser route and the Bearer route never share one, and it is remembered for the
//! configured time (24 hours by default); an older record is as good as absent.
//!
//! Only responses of requests that ran are stored (successes, and Endgrate's own refusals); a body
//! refused by validation stores nothing, so the client can fix it and retry with the same key.
//! These functions run inside the caller's transaction; they must not commit.

use crate::db::now;
use crate::error::{json_bytes, AppError};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// The request header.
pub const HEADER: &str = "idempotency-key";

/// What a key already holds.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Never seen: go ahead.
    Absent,
    /// Seen with the same body and finished: send this again.
    Replay(u16, Vec<u8>),
    /// Seen with another body.
    Conflict,
    /// Seen with the same body, still running.
    InProgress,
}

/// The key of a request, if it sent one.
///
/// # Errors
/// 400 naming the header when it is empty, too long or not printable ASCII.
pub fn key_from(headers: &HeaderMap) -> Result<Option<String>, AppError> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(None);
    };
    let valid = value
        .to_str()
        .ok()
        .filter(|v| (1..=255).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_graphic()));
    match valid {
        Some(key) => Ok(Some(key.to_string())),
        None => Err(AppError::keyed(
            StatusCode::BAD_REQUEST,
            "Idempotency-Key",
            "must be 1 to 255 printable ASCII characters",
        )),
    }
}

/// SHA-256 of the body, hex.
pub fn body_hash(bytes: &[u8]) -> String {
    crate::keys::to_hex(&Sha256::digest(bytes))
}

/// The scope of a key: the route and who called it.
pub fn scope(route: &str, caller: &str) -> String {
    format!("{route} {caller}")
}

/// What `key` holds for a body hashing to `hash`; records older than `ttl_secs` are forgotten.
pub fn lookup(
    conn: &Connection,
    scope: &str,
    key: &str,
    hash: &str,
    ttl_secs: i64,
) -> rusqlite::Result<Lookup> {
    // Expired records go first (the index on created_at keeps this cheap), so an old key is new.
    conn.execute(
        "DELETE FROM idempotency WHERE created_at < ?1",
        params![now() - ttl_secs],
    )?;
    let row: Option<(String, Option<u16>, Option<Vec<u8>>)> = conn
        .query_row(
            "SELECT body_sha256, status, response FROM idempotency WHERE scope = ?1 AND key = ?2",
            params![scope, key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match row {
        None => Lookup::Absent,
        Some((stored, _, _)) if stored != hash => Lookup::Conflict,
        Some((_, Some(status), Some(body))) => Lookup::Replay(status, body),
        Some(_) => Lookup::InProgress,
    })
}

/// Marks `key` as running (proxy mode, before the upstream call).
pub fn reserve(conn: &Connection, scope: &str, key: &str, hash: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO idempotency (scope, key, body_sha256, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![scope, key, hash, now()],
    )?;
    Ok(())
}

/// Stores the finished response of `key`.
pub fn record(
    conn: &Connection,
    scope: &str,
    key: &str,
    hash: &str,
    status: u16,
    body: &[u8],
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO idempotency (scope, key, body_sha256, status, response, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (scope, key) DO UPDATE SET status = excluded.status, response = excluded.response",
        params![scope, key, hash, status, body, now()],
    )?;
    Ok(())
}

/// Forgets a reservation, so a retry reaches the upstream again.
pub fn release(conn: &Connection, scope: &str, key: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM idempotency WHERE scope = ?1 AND key = ?2 AND status IS NULL",
        params![scope, key],
    )?;
    Ok(())
}

/// The response for a lookup that is not [`Lookup::Absent`].
pub fn respond(lookup: Lookup) -> Option<Response> {
    match lookup {
        Lookup::Absent => None,
        Lookup::Replay(status, body) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            let mut response = json_bytes(status, body);
            response
                .headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            Some(response)
        }
        Lookup::Conflict => Some(axum::response::IntoResponse::into_response(
            AppError::keyed(
                StatusCode::CONFLICT,
                "Idempotency-Key",
                "was already used with a different request body",
            ),
        )),
        Lookup::InProgress => Some(axum::response::IntoResponse::into_response(
            AppError::keyed(
                StatusCode::CONFLICT,
                "Idempotency-Key",
                "a request with this key is still being processed; retry shortly",
            ),
        )),
    }
}
