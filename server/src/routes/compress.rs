//! gzip for the JSON API answers (the catalog is 33 KB as JSON, 2 KB gzipped: on a slow
//! network that is most of a round trip). The unfiltered catalog is compressed once at startup
//! ([`gzip`] from `lib.rs`); other answers of at least [`MIN_SIZE`] bytes are compressed as they
//! go out, when the client accepts gzip.
//!
//! Static files are not compressed here: the build writes their `.br` and `.gz` (`files.rs`).
//! This module must not change status codes or anything but the body's encoding.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::io::Write;

/// Smaller answers are sent as they are: compression would not pay for its header.
pub const MIN_SIZE: usize = 1024;

/// The largest answer compressed here (the proxy's own cap on upstream bodies).
const MAX_SIZE: usize = 8 * 1024 * 1024;

/// gzip of `bytes` (level 6: the size of 9 at a fraction of the time).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Whether the request's `Accept-Encoding` accepts gzip.
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    super::files::accepts(&super::files::accepted_encodings(headers), "gzip")
}

/// Marks `response` as gzip-encoded (its body already is).
pub fn mark_gzip(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    headers.remove(header::CONTENT_LENGTH);
}

/// Middleware: compresses a JSON answer when the client accepts gzip.
pub async fn json_answers(request: Request, next: Next) -> Response {
    let accepts = accepts_gzip(request.headers());
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !accepts || !is_json || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_SIZE).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if bytes.len() < MIN_SIZE {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let mut response = Response::from_parts(parts, Body::from(gzip(&bytes)));
    mark_gzip(&mut response);
    response
}
