//! The only module that performs network IO: every request the widget makes goes through here,
//! and every response is decoded by the core's wire types before anything else sees it.
//!
//! It must not hold state or decide anything: callers get a decoded value or an [`HttpError`].

use gloo_net::http::Request;
use widget_core::wire::IntegrationsResponse;

/// Why a request produced no usable value.
#[derive(Debug, Clone, PartialEq)]
pub enum HttpError {
    /// The request never got a response (offline, DNS, CORS, reset).
    Network(String),
    /// The server answered with a non-2xx status.
    Status(u16),
    /// The body was not the shape the contract promises.
    Decode(String),
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network(reason) => write!(f, "the network request failed: {reason}"),
            Self::Status(status) => write!(f, "the server answered with HTTP {status}"),
            Self::Decode(reason) => write!(f, "the response was not understood: {reason}"),
        }
    }
}

/// `GET {api_base}/api/integrations`: the provider catalog.
pub async fn fetch_catalog(api_base: &str) -> Result<IntegrationsResponse, HttpError> {
    let url = format!("{}/api/integrations", api_base.trim_end_matches('/'));
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|e| HttpError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(HttpError::Status(response.status()));
    }
    let bytes = response
        .binary()
        .await
        .map_err(|e| HttpError::Network(e.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|e| HttpError::Decode(e.to_string()))
}
