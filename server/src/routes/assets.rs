//! Logos and the built widget: `/logos/<name>.svg` from memory, everything else from the static
//! directory.
//!
//! Static files are `files.rs`'s (precompressed, cached, no `..`); a missing directory is a
//! clear 503, not a bare 404.

use crate::state::Shared;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, Request, StatusCode};
use axum::response::{IntoResponse, Response};

/// `GET /logos/{file}`.
pub async fn logo(State(state): State<Shared>, Path(file): Path<String>) -> Response {
    match state.logos.get(&file) {
        Some(svg) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
                // An SVG opened directly is a document: give it nothing to run.
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; style-src 'unsafe-inline'",
                ),
            ],
            svg.clone(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such logo").into_response(),
    }
}

/// Everything not routed elsewhere: the static directory (`index.html` is the demo page).
pub async fn static_files(State(state): State<Shared>, request: Request<Body>) -> Response {
    if !state.static_dir.is_dir() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "widget not built: run scripts/build-widget.sh (or scripts/run.sh), or point \
                 --static-dir at the build output (looked in {})\n",
                state.static_dir.display()
            ),
        )
            .into_response();
    }
    let (parts, _) = request.into_parts();
    super::files::serve(&state.static_dir, &parts).await
}
