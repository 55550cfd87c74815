//! Stored sessions: the rows of the `sessions` table and the reads and writes on them.
//!
//! The initiate body is stored as validated JSON so the configuration view is built from exactly
//! what was accepted. This module must not decide HTTP statuses.

use crate::db::now;
use crate::seed::Catalog;
use crate::state::Shared;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeSet;
use widget_core::wire::{EndUserConfiguration, InitiateBody};

/// Where a session was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// By this server's local initiate logic.
    Local,
    /// By Endgrate, through this server in proxy mode.
    Proxy,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Source::Local => "local",
            Source::Proxy => "proxy",
        }
    }
}

/// One stored session.
#[derive(Debug, Clone)]
pub struct StoredSession {
    /// 24 lowercase hex.
    pub id: String,
    /// The accepted initiate body (in proxy mode: as forwarded, without `end_user_configuration`).
    pub body: InitiateBody,
    /// The provider, from the body or chosen on the hosted page.
    pub provider: Option<String>,
    /// The widget extension, kept here and never forwarded.
    pub end_user_configuration: Option<EndUserConfiguration>,
    /// When the end user completed the hosted step (Unix seconds).
    pub configured_at: Option<i64>,
}

impl StoredSession {
    /// The session's schema keys that are common data models, plus those its category adds.
    pub fn endgrate_types(&self, catalog: &Catalog) -> BTreeSet<String> {
        let mut types: BTreeSet<String> = self
            .body
            .schema
            .iter()
            .flatten()
            .filter_map(|s| s.endgrate_type.clone())
            .filter(|t| t != "unspecified")
            .collect();
        if let Some(category) = &self.body.category {
            types.extend(catalog.types_of_category(category));
        }
        types
    }
}

/// Inserts a session inside the caller's transaction.
///
/// # Errors
/// SQLite errors.
pub fn insert(
    conn: &Connection,
    id: &str,
    source: Source,
    body: &InitiateBody,
    euc: Option<&EndUserConfiguration>,
) -> rusqlite::Result<()> {
    let body_json = serde_json::to_string(body).unwrap_or_else(|_| "{}".into());
    let euc_json = euc.map(|e| serde_json::to_string(e).unwrap_or_else(|_| "{}".into()));
    conn.execute(
        "INSERT INTO sessions (id, created_at, source, body, provider, redirect_url, end_user_configuration)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, now(), source.as_str(), body_json, body.provider, body.redirect_url, euc_json],
    )?;
    Ok(())
}

/// Reads a session by id.
pub fn get(conn: &Connection, id: &str) -> rusqlite::Result<Option<StoredSession>> {
    conn.query_row(
        "SELECT id, body, provider, end_user_configuration, configured_at FROM sessions WHERE id = ?1",
        [id],
        |row| {
            let body: String = row.get(1)?;
            let euc: Option<String> = row.get(3)?;
            Ok(StoredSession {
                id: row.get(0)?,
                body: serde_json::from_str(&body).unwrap_or_default(),
                provider: row.get(2)?,
                end_user_configuration: euc.and_then(|e| serde_json::from_str(&e).ok()),
                configured_at: row.get(4)?,
            })
        },
    )
    .optional()
}

/// Reads a session by id on the blocking pool; `None` when absent or on a database error.
pub async fn load(state: &Shared, id: String) -> Option<StoredSession> {
    if !crate::keys::is_lookup_id(&id) {
        return None;
    }
    state
        .db
        .call(move |conn| get(conn, &id).ok().flatten())
        .await
}

/// Marks a session configured (the end user completed the hosted step), recording the provider.
/// Returns whether a session was updated.
pub async fn mark_configured(
    state: &Shared,
    id: String,
    provider: String,
) -> rusqlite::Result<bool> {
    state
        .db
        .call(move |conn| {
            let n = conn.execute(
                "UPDATE sessions SET configured_at = ?2, provider = ?3 WHERE id = ?1",
                params![id, now(), provider],
            )?;
            Ok(n == 1)
        })
        .await
}

/// Deletes a session; returns whether it existed.
pub async fn delete(state: &Shared, id: String) -> rusqlite::Result<bool> {
    state
        .db
        .call(move |conn| Ok(conn.execute("DELETE FROM sessions WHERE id = ?1", [id])? == 1))
        .await
}
