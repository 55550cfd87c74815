//! The Bearer API of local mode: `POST /api/session/initiate`, `GET /api/session/configuration`,
//! `POST /api/session/delete`, as Endgrate documents them.
use crate::state::Shared;
use axum::extract::State;
use axum::http::StatusCode;

pub async fn initiate(State(_state): State<Shared>) -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
pub async fn configuration(State(_state): State<Shared>) -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
pub async fn delete(State(_state): State<Shared>) -> StatusCode {
    StatusCode::NOT_IMPLEMENTED
}
