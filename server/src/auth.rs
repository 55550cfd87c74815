//! The Bearer check of the `/api/session/*` routes, as one axum extractor: a handler that takes a
//! [`Bearer`] runs only when the request carries the local API key.
//!
//! The key is compared in constant time (`subtle`). This module must not log or echo the key it
//! was given, and must not be used on the browser-facing routes (the browser holds no key).

use crate::error::AppError;
use crate::state::Shared;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Proof that the request presented the local API key.
#[derive(Debug, Clone)]
pub struct Bearer {
    /// Who called, for scoping idempotency keys: a digest of the key, never the key itself.
    pub caller: String,
}

impl FromRequestParts<Shared> for Bearer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        let presented = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim);
        match presented {
            Some(key) if bool::from(key.as_bytes().ct_eq(state.local_key.as_bytes())) => {
                let digest = crate::keys::to_hex(&Sha256::digest(key.as_bytes()));
                Ok(Bearer {
                    caller: format!("bearer:{}", &digest[..16]),
                })
            }
            _ => {
                let mut response = AppError::new(
                    StatusCode::UNAUTHORIZED,
                    "Missing or invalid API key (authorization: Bearer <key>).",
                )
                .into_response();
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                Err(response)
            }
        }
    }
}
