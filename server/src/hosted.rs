//! The stand-in for Endgrate's hosted session page.
use crate::state::Shared;
use axum::extract::State;
use axum::http::StatusCode;

pub async fn page(State(_state): State<Shared>) -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
pub async fn authorize(State(_state): State<Shared>) -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
pub async fn stylesheet() -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
