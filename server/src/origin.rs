//! The DNS-rebinding and cross-site guard of every state-changing route, as one axum extractor:
//! a handler that takes an [`OwnOrigin`] runs only when
//!
//! - `Host` names one of this server's own origins (`--public-origins`, default its listen
//!   address), so a page on `evil.example` that re-points its name at this server is refused
//!   even though its requests are "same-origin" to the browser;
//! - `Origin`, when sent, is one of those origins or a configured CORS origin (compared as whole
//!   serialised origins, never with the request's own `Host`);
//! - `Sec-Fetch-Site` is not `cross-site` (security.md R32).
//!
//! It decides only; it must not read bodies or credentials.

use crate::error::AppError;
use crate::state::Shared;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};

/// Proof that the request came to this server by one of its own names, from an allowed origin.
#[derive(Debug, Clone)]
pub struct OwnOrigin {
    /// Who called, for scoping idempotency keys: the `Origin`, or `same-origin` without one.
    pub caller: String,
}

impl FromRequestParts<Shared> for OwnOrigin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, AppError> {
        check(state, &parts.headers)
    }
}

/// The check behind [`OwnOrigin`].
///
/// # Errors
/// 403 naming the refused header.
pub fn check(state: &Shared, headers: &axum::http::HeaderMap) -> Result<OwnOrigin, AppError> {
    let refuse = |name: &str, problem: &str| AppError::keyed(StatusCode::FORBIDDEN, name, problem);
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if site.is_some_and(|s| s.eq_ignore_ascii_case("cross-site")) {
        return Err(refuse("Sec-Fetch-Site", "cross-site requests are refused"));
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let own_host = state
        .public_origins
        .iter()
        .filter_map(|origin| origin.split_once("://").map(|(_, authority)| authority))
        .any(|authority| !host.is_empty() && authority.eq_ignore_ascii_case(host));
    if !own_host {
        return Err(refuse("Host", "this server does not answer to that name"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Ok(OwnOrigin {
            caller: "same-origin".into(),
        });
    };
    let text = origin.to_str().unwrap_or_default();
    let allowed = state.public_origins.iter().any(|own| own == text)
        || state.cors_origins.iter().any(|cors| cors == origin);
    if allowed {
        Ok(OwnOrigin {
            caller: text.to_owned(),
        })
    } else {
        Err(refuse(
            "Origin",
            "this origin is not allowed to call this route",
        ))
    }
}

/// This server's own origins: the configured ones, or those of its listen address.
///
/// # Errors
/// The first entry that is not an exact origin.
pub fn public_origins(
    configured: &[String],
    addr: std::net::SocketAddr,
) -> Result<Vec<String>, String> {
    let configured: Vec<&str> = configured
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty())
        .collect();
    if configured.is_empty() {
        let port = addr.port();
        let ip = addr.ip();
        let mut origins = vec![
            format!("http://127.0.0.1:{port}"),
            format!("http://localhost:{port}"),
        ];
        if ip.is_ipv6() && (ip.is_loopback() || ip.is_unspecified()) {
            origins.push(format!("http://[::1]:{port}"));
        }
        if !ip.is_loopback() && !ip.is_unspecified() {
            // Through the URL parser, so a default port is dropped as browsers drop it.
            if let Ok(url) = url::Url::parse(&format!("http://{addr}")) {
                origins.push(url.origin().ascii_serialization());
            }
        }
        return Ok(origins);
    }
    configured
        .into_iter()
        .map(|entry| {
            let url = url::Url::parse(entry)
                .map_err(|_| format!("--public-origins: `{entry}` is not an origin"))?;
            let origin = url.origin().ascii_serialization();
            if origin == "null" || entry.contains('*') || origin != entry.trim_end_matches('/') {
                return Err(format!(
                    "--public-origins: `{entry}` is not an exact origin (scheme://host[:port])"
                ));
            }
            Ok(origin)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_origins_are_the_listen_address() {
        let addr: std::net::SocketAddr = "127.0.0.1:8787".parse().unwrap();
        assert_eq!(
            public_origins(&[], addr).unwrap(),
            ["http://127.0.0.1:8787", "http://localhost:8787"]
        );
        let addr: std::net::SocketAddr = "10.0.0.5:80".parse().unwrap();
        assert!(public_origins(&[], addr)
            .unwrap()
            .contains(&"http://10.0.0.5".to_string()));
    }

    #[test]
    fn configured_origins_must_be_exact() {
        let addr: std::net::SocketAddr = "127.0.0.1:1".parse().unwrap();
        assert_eq!(
            public_origins(&["https://widgets.example.com".into()], addr).unwrap(),
            ["https://widgets.example.com"]
        );
        assert!(public_origins(&["https://a.example/path".into()], addr).is_err());
        assert!(public_origins(&["https://*.example".into()], addr).is_err());
    }
}
