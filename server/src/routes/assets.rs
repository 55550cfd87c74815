//! Logos and the built widget: `/logos/<name>.svg` from memory, everything else from the static
//! directory.
//!
//! Only files under the static directory are served (tower-http's `ServeDir` refuses `..`); a
//! missing directory is a clear 503, not a bare 404.

use crate::state::Shared;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

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
    let service = ServeDir::new(&state.static_dir).append_index_html_on_directories(true);
    match service.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}
