//! Proxy mode: Endgrate as the upstream, reached with the secret key from `ENDGRATE_API_KEY`.
//!
//! The key is sent only in the `authorization` header to the configured base URL. It must never
//! appear in logs, responses or errors: upstream bodies are shape-checked, re-serialized and
//! scrubbed of the key before anything reaches the browser, upstream headers are never copied,
//! and transport errors are reported as fixed sentences.

use crate::error::{json_bytes, AppError};
use crate::routes::IntegrationsQuery;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::time::Duration;
use url::Url;
use widget_core::wire::{ApiError, InitiateBody, InitiateSuccess, IntegrationsResponse};

/// The largest upstream body read (the catalog can be large; security.md R21 caps lists anyway).
const MAX_UPSTREAM_BODY: usize = 8 * 1024 * 1024;

/// The Endgrate client. `Debug` omits the key.
pub struct Upstream {
    client: reqwest::Client,
    base: Url,
    key: String,
}

impl std::fmt::Debug for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upstream")
            .field("base", &self.base.as_str())
            .finish_non_exhaustive()
    }
}

impl Upstream {
    /// A client for `base` (e.g. `https://endgrate.com`).
    ///
    /// # Errors
    /// A sentence when the base URL or key is unusable.
    pub fn new(base: &str, key: String, timeout: Duration) -> Result<Upstream, String> {
        let base = Url::parse(base).map_err(|_| format!("--endgrate-url `{base}` is not a URL"))?;
        if !matches!(base.scheme(), "https" | "http") {
            return Err("--endgrate-url must be an http(s) URL".into());
        }
        if key.trim().is_empty() || key.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err("ENDGRATE_API_KEY is empty or contains whitespace".into());
        }
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(5)))
            // Never follow a redirect: it could carry the Bearer header to another host.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|_| "cannot build the HTTP client".to_string())?;
        Ok(Upstream { client, base, key })
    }

    fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url.set_query(None);
        url
    }

    /// Forwards `GET /api/integrations` with the known query parameters only.
    pub async fn integrations(&self, query: &IntegrationsQuery) -> Response {
        let mut url = self.url("/api/integrations");
        for (name, value) in query.pairs() {
            url.query_pairs_mut().append_pair(name, value);
        }
        let request = self.client.get(url).bearer_auth(&self.key);
        let (status, bytes) = match self.send(request).await {
            Ok(answer) => answer,
            Err(failure) => return failure.into_response(),
        };
        if !status.is_success() {
            return self.failure_from(status, &bytes).into_response();
        }
        match serde_json::from_slice::<IntegrationsResponse>(&bytes) {
            Ok(parsed) => {
                let body = serde_json::to_vec(&parsed).unwrap_or_default();
                json_bytes(StatusCode::OK, self.redact(body))
            }
            Err(_) => not_understood().into_response(),
        }
    }

    /// Forwards an initiate body (already stripped of `end_user_configuration`).
    ///
    /// # Errors
    /// Endgrate's refusal (4xx, message scrubbed) or a gateway error (502/504); `retryable` is true
    /// when nothing can have been created upstream knowingly (5xx, transport failure).
    pub async fn initiate(&self, body: &InitiateBody) -> Result<InitiateSuccess, UpstreamFailure> {
        let payload = serde_json::to_vec(body).unwrap_or_default();
        let request = self
            .client
            .post(self.url("/api/session/initiate"))
            .bearer_auth(&self.key)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(payload);
        let (status, bytes) = self
            .send(request)
            .await
            .map_err(|failure| UpstreamFailure {
                failure,
                retryable: true,
            })?;
        if !status.is_success() {
            return Err(UpstreamFailure {
                failure: self.failure_from(status, &bytes),
                retryable: status.is_server_error(),
            });
        }
        match serde_json::from_slice::<InitiateSuccess>(&bytes) {
            Ok(ok) if ok.success && valid_upstream_session_id(&ok.session_id) => Ok(ok),
            _ => Err(UpstreamFailure {
                failure: not_understood(),
                retryable: true,
            }),
        }
    }

    /// Forwards `GET /api/session/configuration?session_id=` and returns Endgrate's answer as a
    /// JSON object, scrubbed of the key: the configuration, or its `{"message": …}` while the
    /// session is not yet configured. `session_id` must already satisfy R12.
    ///
    /// # Errors
    /// Endgrate's 4xx (status kept, message scrubbed), 502 for its 5xx or an answer that is not a
    /// JSON object or names another session, 502/504 for transport failures.
    pub async fn configuration(
        &self,
        session_id: &str,
    ) -> Result<serde_json::Map<String, serde_json::Value>, AppError> {
        let mut url = self.url("/api/session/configuration");
        url.query_pairs_mut().append_pair("session_id", session_id);
        let request = self.client.get(url).bearer_auth(&self.key);
        let (status, bytes) = self.send(request).await?;
        if !status.is_success() {
            return Err(self.failure_from(status, &bytes));
        }
        let parsed: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&bytes).map_err(|_| not_understood())?;
        let scrubbed = self.redact(serde_json::to_vec(&parsed).unwrap_or_default());
        let answer: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&scrubbed).map_err(|_| not_understood())?;
        match answer.get("session_id") {
            Some(serde_json::Value::String(id)) if id != session_id => Err(not_understood()),
            _ => Ok(answer),
        }
    }

    async fn send(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<(StatusCode, Vec<u8>), AppError> {
        let mut response = request.send().await.map_err(transport_failure)?;
        let status =
            StatusCode::from_u16(response.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport_failure)? {
            if bytes.len() + chunk.len() > MAX_UPSTREAM_BODY {
                return Err(AppError::new(
                    StatusCode::BAD_GATEWAY,
                    "Endgrate's response was too large.",
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok((status, bytes))
    }

    /// Endgrate's 4xx keeps its status and (scrubbed) message; anything else becomes a 502.
    fn failure_from(&self, status: StatusCode, bytes: &[u8]) -> AppError {
        tracing::warn!(
            upstream_status = status.as_u16(),
            "Endgrate refused the request"
        );
        if status.is_client_error() {
            if let Ok(error) = serde_json::from_slice::<ApiError>(bytes) {
                let message =
                    String::from_utf8_lossy(&self.redact(error.message.into_bytes())).into_owned();
                let errors = error.errors.and_then(|e| {
                    let scrubbed = self.redact(serde_json::to_vec(&e).ok()?);
                    serde_json::from_slice(&scrubbed).ok()
                });
                return AppError {
                    status,
                    body: ApiError { message, errors },
                };
            }
            return AppError::new(
                status,
                format!("Endgrate refused the request (HTTP {}).", status.as_u16()),
            );
        }
        AppError::new(
            StatusCode::BAD_GATEWAY,
            format!(
                "Endgrate answered HTTP {}; try again later.",
                status.as_u16()
            ),
        )
    }

    /// Replaces every occurrence of the key, so an upstream that echoes headers cannot leak it.
    fn redact(&self, bytes: Vec<u8>) -> Vec<u8> {
        redact(bytes, self.key.as_bytes())
    }
}

/// An upstream failure and whether the idempotency reservation may be released for a retry.
#[derive(Debug)]
pub struct UpstreamFailure {
    /// The response to send.
    pub failure: AppError,
    /// Whether a retry with the same key should reach Endgrate again.
    pub retryable: bool,
}

fn transport_failure(error: reqwest::Error) -> AppError {
    // The error's text names the URL; the URL carries no secret, but keep responses fixed anyway.
    if error.is_timeout() {
        tracing::warn!("Endgrate did not answer in time");
        AppError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "Endgrate did not answer in time; try again.",
        )
    } else {
        tracing::warn!(connect = error.is_connect(), "Endgrate is unreachable");
        AppError::new(
            StatusCode::BAD_GATEWAY,
            "Endgrate is unreachable; try again later.",
        )
    }
}

fn not_understood() -> AppError {
    AppError::new(
        StatusCode::BAD_GATEWAY,
        "Endgrate's response was not understood.",
    )
}

/// security.md R12, by the widget's own rule (`widget_core::ids::SessionId`).
fn valid_upstream_session_id(id: &str) -> bool {
    widget_core::ids::SessionId::new(id).is_some()
}

/// Replaces each occurrence of `secret` in `bytes` with `[redacted]`.
pub fn redact(bytes: Vec<u8>, secret: &[u8]) -> Vec<u8> {
    if secret.is_empty() || bytes.len() < secret.len() {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(secret) {
            out.extend_from_slice(b"[redacted]");
            i += secret.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_removes_every_occurrence() {
        let out = redact(b"a KEY b KEYKEY".to_vec(), b"KEY");
        assert_eq!(out, b"a [redacted] b [redacted][redacted]");
    }

    #[test]
    fn debug_output_omits_the_key() {
        let upstream = Upstream::new(
            "https://endgrate.com",
            "SENTINEL".into(),
            Duration::from_secs(1),
        )
        .unwrap();
        assert!(!format!("{upstream:?}").contains("SENTINEL"));
    }

    #[test]
    fn upstream_session_ids_follow_r12() {
        assert!(valid_upstream_session_id("6566e85e7cf20dca9cef0c0a"));
        assert!(!valid_upstream_session_id("../../x?y=1#z"));
        assert!(!valid_upstream_session_id("a&session_id=evil"));
    }
}
