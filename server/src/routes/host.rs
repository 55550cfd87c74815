//! The browser-facing host-backend initiate route.
use crate::state::Shared;
use axum::extract::State;
use axum::http::StatusCode;

pub async fn initiate(State(_state): State<Shared>) -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
