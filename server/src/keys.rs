//! Random identifiers and the local API key (generated on first start, kept in the data directory).
//!
//! Ids come from the operating system's CSPRNG. This module must not log the key; only startup
//! prints it, once, in local mode.

use std::io::Write;
use std::path::Path;

/// The file holding the local API key inside the data directory.
pub const KEY_FILE: &str = "local-api-key";

/// `n` random bytes as lowercase hex.
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    getrandom::getrandom(&mut bytes).expect("the OS random source is unavailable");
    to_hex(&bytes)
}

/// Lowercase hex of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// A new session id: 24 lowercase hex characters, like every id Endgrate publishes.
pub fn session_id() -> String {
    random_hex(12)
}

/// Whether `id` has the session-id form (24 lowercase hex).
pub fn is_session_id(id: &str) -> bool {
    id.len() == 24
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `id` can be a stored session's id: ours (24 hex) or Endgrate's in proxy mode, by the
/// widget's own rule (`widget_core::ids::SessionId`, security.md R12).
pub fn is_lookup_id(id: &str) -> bool {
    widget_core::ids::SessionId::new(id).is_some()
}

/// Reads the local API key from `data_dir`, creating it on first start.
///
/// # Errors
/// A sentence naming the file when it cannot be read or written.
pub fn load_or_create_local_key(data_dir: &Path) -> Result<String, String> {
    let path = data_dir.join(KEY_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) if !text.trim().is_empty() => return Ok(text.trim().to_string()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    }
    let key = format!("esw_local_{}", random_hex(24));
    // Write to a temporary file and rename, so a kill mid-write never leaves a truncated key.
    let tmp = data_dir.join(format!(".{KEY_FILE}.tmp"));
    let write = || -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp)?;
        file.write_all(key.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &path)
    };
    write().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ids_are_24_lowercase_hex_and_distinct() {
        let a = session_id();
        assert!(is_session_id(&a), "{a}");
        assert_ne!(a, session_id());
        assert!(!is_session_id("6566E85E7CF20DCA9CEF0C0A"));
    }

    #[test]
    fn local_key_is_created_once_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create_local_key(dir.path()).unwrap();
        assert_eq!(first, load_or_create_local_key(dir.path()).unwrap());
        assert!(first.starts_with("esw_local_"));
    }
}
