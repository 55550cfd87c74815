//! [`AppError`]: every handler's error type, answered in Endgrate's error shape
//! (`{"message": "…", "errors": {…}}`). Handlers return `Result<_, AppError>` and use `?`; a
//! database error becomes a logged 500 with a fixed sentence.
//!
//! Messages are written for people and name the offending key; they must never contain request
//! bodies, API keys or upstream response text that was not checked first.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use widget_core::wire::ApiError;

/// An error response in Endgrate's shape.
#[derive(Debug, Clone)]
pub struct AppError {
    /// HTTP status.
    pub status: StatusCode,
    /// The body.
    pub body: ApiError,
}

impl AppError {
    /// A failure with a message and no details.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        AppError {
            status,
            body: ApiError {
                message: message.into(),
                errors: None,
            },
        }
    }

    /// A 422 naming `key` in `errors`.
    pub fn invalid(key: &str, problem: impl Into<String>) -> Self {
        Self::keyed(StatusCode::UNPROCESSABLE_ENTITY, key, problem)
    }

    /// A failure with `status` naming `key` in `errors`.
    pub fn keyed(status: StatusCode, key: &str, problem: impl Into<String>) -> Self {
        let problem = problem.into();
        let mut errors = serde_json::Map::new();
        errors.insert(key.to_string(), serde_json::Value::String(problem.clone()));
        AppError {
            status,
            body: ApiError {
                message: format!("Invalid `{key}`: {problem}"),
                errors: Some(serde_json::Value::Object(errors).into()),
            },
        }
    }

    /// The key named in `errors`, if any (the first, when there are several).
    pub fn key(&self) -> Option<String> {
        let value: serde_json::Value = serde_json::from_slice(&self.to_bytes()).ok()?;
        value.get("errors")?.as_object()?.keys().next().cloned()
    }

    /// The serialized body, as stored for idempotent replays.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&self.body).unwrap_or_else(|_| b"{\"message\":\"error\"}".to_vec())
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(error: rusqlite::Error) -> Self {
        // The error text can name tables and values, never the client's business: log it only.
        tracing::error!(%error, "database error");
        AppError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The request could not be stored; try again.",
        )
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let bytes = self.to_bytes();
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            bytes,
        )
            .into_response()
    }
}

/// A JSON response from already-serialized bytes.
pub fn json_bytes(status: StatusCode, bytes: Vec<u8>) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}
