//! The built widget and demo page from the static directory, delivered like a CDN:
//!
//! - precompressed `.br` / `.gz` files written by `scripts/build-widget.sh`, chosen by
//!   `Accept-Encoding` (brotli first), always with `Vary: Accept-Encoding`;
//! - `Cache-Control: public, max-age=31536000, immutable` on the versioned `widget/vX.Y.Z/` files
//!   (a new release is a new path), `no-cache` with an `ETag` (and `304`) everywhere else;
//! - HTML pages with the README's Content-Security-Policy, `frame-ancestors 'none'` included
//!   (security.md R34); a page's own inline scripts (Trunk's loader) are allowed by hash only.
//!
//! Only plain files under the directory are served: no `..`, no dot-files, no over-long path (a
//! file name the OS would refuse is a 404, not a 500). It must not log request paths.

use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};

/// The policy of every HTML page served from the static directory: the README's recipe.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; object-src 'none'; \
    frame-ancestors 'none'";

/// Longest request path and path segment looked up (Linux refuses names over 255 bytes).
const MAX_PATH: usize = 1024;
const MAX_SEGMENT: usize = 255;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Answers a request for a file under `root`.
pub async fn serve(root: &Path, request: &Parts) -> Response {
    if request.method != Method::GET && request.method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "method not allowed\n",
        )
            .into_response();
    }
    let path = request.uri.path();
    let Some(relative) = safe_relative(path) else {
        return not_found();
    };
    let mut file = root.join(&relative);
    if tokio::fs::metadata(&file).await.is_ok_and(|m| m.is_dir()) {
        if !path.ends_with('/') {
            let location = format!("{path}/");
            return (
                StatusCode::PERMANENT_REDIRECT,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
        file.push("index.html");
    }
    let Some(content_type) = content_type(&file) else {
        return not_found();
    };
    let (variant, encoding) = choose_variant(&file, &request.headers).await;
    let Ok(metadata) = tokio::fs::metadata(&variant).await else {
        return not_found();
    };
    if !metadata.is_file() {
        return not_found();
    }
    let etag = etag(&metadata, encoding);
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::ETAG,
        HeaderValue::from_str(&etag).expect("hex etag"),
    );
    let versioned = is_versioned(path);
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if versioned { IMMUTABLE } else { "no-cache" }),
    );
    if has_variants(&file).await {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Some(encoding) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    if content_type.starts_with("text/html") {
        let page = tokio::fs::read(&file).await.unwrap_or_default();
        let csp = page_csp(&String::from_utf8_lossy(&page));
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&csp).unwrap_or(HeaderValue::from_static(PAGE_CSP)),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if if_none_match(&request.headers, &etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    if request.method == Method::HEAD {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(metadata.len()));
        return (StatusCode::OK, headers).into_response();
    }
    match tokio::fs::read(&variant).await {
        Ok(bytes) => (StatusCode::OK, headers, bytes).into_response(),
        Err(_) => not_found(),
    }
}

/// The policy of one page: [`PAGE_CSP`], with `'sha256-…'` sources for the inline scripts the
/// file itself contains (a Trunk-built page starts its wasm from one), so those exact scripts run
/// and nothing else inline does. A page without inline script gets [`PAGE_CSP`] unchanged.
fn page_csp(html: &str) -> String {
    use base64::engine::general_purpose::STANDARD as BASE64;
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let mut hashes = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + tag_end];
        let body_start = start + tag_end + 1;
        let Some(body_len) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + body_len];
        let is_data = tag.contains("application/json") || tag.contains("importmap");
        if !tag.contains("src=") && !is_data && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push_str(&format!(" 'sha256-{}'", BASE64.encode(digest)));
        }
        rest = &rest[body_start + body_len..];
    }
    PAGE_CSP.replacen(
        "script-src 'self' 'wasm-unsafe-eval'",
        &format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        1,
    )
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "not found\n",
    )
        .into_response()
}

/// The request path as a relative file path, or `None` when it must not be looked up.
fn safe_relative(path: &str) -> Option<PathBuf> {
    if path.len() > MAX_PATH || !path.starts_with('/') {
        return None;
    }
    let mut relative = PathBuf::new();
    for raw in path[1..].split('/') {
        if raw.is_empty() {
            continue; // `//` and the trailing slash
        }
        let segment = percent_encoding::percent_decode_str(raw)
            .decode_utf8()
            .ok()?;
        let refused = segment.len() > MAX_SEGMENT
            || segment.starts_with('.')
            || segment.contains(['/', '\\', '\0']);
        if refused {
            return None;
        }
        relative.push(segment.as_ref());
    }
    Some(relative)
}

/// `/widget/v0.1.0/…`: a released, never-changing file.
fn is_versioned(path: &str) -> bool {
    path.strip_prefix("/widget/v")
        .and_then(|rest| rest.split_once('/'))
        .is_some_and(|(version, file)| {
            !file.is_empty()
                && !version.is_empty()
                && version.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        })
}

fn content_type(file: &Path) -> Option<&'static str> {
    let extension = file.extension()?.to_str()?;
    Some(match extension {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    })
}

/// Every `Accept-Encoding` header of the request, as one comma-separated list.
pub(super) fn accepted_encodings(headers: &HeaderMap) -> String {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",")
}

/// The file to send and its `Content-Encoding`: brotli, then gzip, then the file itself.
async fn choose_variant(file: &Path, headers: &HeaderMap) -> (PathBuf, Option<&'static str>) {
    let accepted = accepted_encodings(headers);
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts(&accepted, encoding) {
            let variant = with_suffix(file, suffix);
            if tokio::fs::metadata(&variant)
                .await
                .is_ok_and(|m| m.is_file())
            {
                return (variant, Some(encoding));
            }
        }
    }
    (file.to_path_buf(), None)
}

async fn has_variants(file: &Path) -> bool {
    for suffix in ["br", "gz"] {
        if tokio::fs::metadata(with_suffix(file, suffix)).await.is_ok() {
            return true;
        }
    }
    false
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether `Accept-Encoding` accepts `encoding` (q > 0), by name or by `*`.
pub(super) fn accepts(header: &str, encoding: &str) -> bool {
    let mut verdict = None;
    let mut wildcard = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(encoding) {
            verdict = Some(q > 0.0);
        } else if name == "*" {
            wildcard = Some(q > 0.0);
        }
    }
    verdict.or(wildcard).unwrap_or(false)
}

/// A validator from size and modification time, distinct per encoding.
fn etag(metadata: &std::fs::Metadata, encoding: Option<&str>) -> String {
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!(
        "\"{:x}-{:x}{}\"",
        metadata.len(),
        modified,
        encoding.map(|e| format!("-{e}")).unwrap_or_default()
    )
}

fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_follows_q_values() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(!accepts("gzip;q=1, br;q=0", "br"));
        assert!(accepts("*", "gzip"));
        assert!(!accepts("*;q=0.5, gzip;q=0", "gzip"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("identity", "br"));
    }

    #[test]
    fn only_plain_relative_paths_are_looked_up() {
        assert_eq!(safe_relative("/"), Some(PathBuf::new()));
        assert_eq!(
            safe_relative("/widget/v0.1.0/a.js"),
            Some(PathBuf::from("widget/v0.1.0/a.js"))
        );
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2F/b",
            "/.build-stamp",
            "/a\\b",
            "/%00",
        ] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
        assert_eq!(safe_relative(&format!("/{}", "a".repeat(256))), None);
        assert_eq!(safe_relative(&"/a".repeat(600)), None);
    }

    #[test]
    fn a_page_without_inline_script_gets_the_readme_policy() {
        let page = r#"<script type="module" src="demo.js"></script>
            <script type="application/json">{"a": 1}</script>"#;
        assert_eq!(page_csp(page), PAGE_CSP);
    }

    #[test]
    fn a_pages_own_inline_scripts_are_allowed_by_hash_only() {
        // sha256("alert(1)") in base64, as `openssl dgst -sha256 -binary | base64` prints it.
        let csp = page_csp("<script type=\"module\">alert(1)</script>");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.ends_with("frame-ancestors 'none'"));
    }

    #[test]
    fn only_files_under_a_version_are_immutable() {
        assert!(is_versioned("/widget/v0.1.0/endgrate-session-widget.js"));
        assert!(!is_versioned("/widget/v0.1.0/"));
        assert!(!is_versioned("/widget/vlatest/x.js"));
        assert!(!is_versioned("/index.html"));
    }
}
