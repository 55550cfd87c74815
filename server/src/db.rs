//! The SQLite store: opening, pragmas, `PRAGMA user_version` migrations, and a handle that runs
//! blocking database work off the async executor.
//!
//! Every multi-row write happens in one transaction so a killed process leaves either all of a
//! request's rows or none. This module knows tables, not HTTP; it must not build responses.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
/// Append only: a released migration is never edited.
const MIGRATIONS: &[&str] = &[
    // 1: sessions and idempotency records.
    "CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('local', 'proxy')),
        body TEXT NOT NULL,
        provider TEXT,
        redirect_url TEXT,
        end_user_configuration TEXT,
        configured_at INTEGER
    );
    CREATE TABLE idempotency (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        body_sha256 TEXT NOT NULL,
        status INTEGER,
        response BLOB,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (scope, key)
    );",
    // 2: idempotency records expire; find the old ones without a scan.
    "CREATE INDEX idempotency_created_at ON idempotency (created_at);",
];

/// The database file name inside the data directory.
pub const DB_FILE: &str = "widget-server.sqlite3";

/// A shared connection. SQLite allows one writer at a time anyway; one connection behind a mutex
/// keeps transactions simple and is fast enough for a reference server (see the README's numbers).
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
}

impl Db {
    /// Opens (creating and migrating when needed) the database in `data_dir`.
    ///
    /// # Errors
    /// A sentence naming the file when it cannot be opened, configured or migrated.
    pub fn open(data_dir: &Path) -> Result<Db, String> {
        let path = data_dir.join(DB_FILE);
        let fail = |e: rusqlite::Error| format!("cannot open the database {}: {e}", path.display());
        owner_only(&path)
            .map_err(|e| format!("cannot create the database {}: {e}", path.display()))?;
        let mut conn = Connection::open(&path).map_err(fail)?;
        // WAL: readers never block the writer and a commit is one append; NORMAL sync keeps every
        // committed transaction across a process kill (only an OS crash could lose the last ones).
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(fail)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(fail)?;
        conn.pragma_update(None, "busy_timeout", 5000)
            .map_err(fail)?;
        migrate(&mut conn).map_err(fail)?;
        // A reservation left by a killed process can never complete; drop it so the key is usable.
        conn.execute("DELETE FROM idempotency WHERE status IS NULL", [])
            .map_err(fail)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
            path,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` with the connection on the blocking thread pool.
    pub async fn call<R, F>(&self, f: F) -> R
    where
        F: FnOnce(&mut Connection) -> R + Send + 'static,
        R: Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock poisons it; the connection itself is still sound
            // (SQLite rolls back the open transaction when it is dropped), so keep serving.
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .expect("database task panicked")
    }
}

/// Creates the database file readable and writable by this user only (0600), or narrows an
/// existing one; SQLite gives its `-wal` and `-shm` files the main file's mode.
fn owner_only(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)?;
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            if file.exists() {
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let version: usize = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once_and_set_user_version() {
        let dir = tempfile::tempdir().unwrap();
        drop(Db::open(dir.path()).unwrap());
        let db = Db::open(dir.path()).unwrap();
        let conn = db.conn.lock().unwrap();
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len());
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
