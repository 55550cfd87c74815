//! A stand-in for Endgrate's hosted `GET /session?session_id=…` page, so the whole round trip runs
//! locally: the page shows the provider and an "Authorize" button; the form POST marks the session
//! configured and sends the browser to the stored `redirect_url` with `session_id` added.
//!
//! Server-rendered HTML only: no script at all, every value HTML-escaped, a strict CSP with
//! `frame-ancestors 'self'` (security.md R34). The redirect target is the one validated against
//! the allow-list at initiate time, rebuilt with the URL API; nothing from this form changes it.

use crate::body::{self, Kind};
use crate::error::AppError;
use crate::logos::xml_escape as escape;
use crate::origin::OwnOrigin;
use crate::sessions::{self, StoredSession};
use crate::state::Shared;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use widget_core::url_check::set_query_param;

const STYLESHEET: &str = include_str!("hosted.css");

/// Query of `GET /session`.
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    session_id: Option<String>,
}

/// `GET /hosted.css`: the page's only style source (the CSP forbids inline styles).
pub async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        STYLESHEET,
    )
        .into_response()
}

/// `GET /session?session_id=`.
pub async fn page(State(state): State<Shared>, Query(query): Query<PageQuery>) -> Response {
    if state.upstream.is_some() {
        return html(
            &state,
            None,
            StatusCode::NOT_FOUND,
            "Not available",
            "<p>In proxy mode Endgrate hosts this page.</p>",
        );
    }
    let Some(session) = find(&state, query.session_id).await else {
        return html(
            &state,
            None,
            StatusCode::NOT_FOUND,
            "Session not found",
            "<p>This session does not exist or was deleted.</p>",
        );
    };
    let provider_block = match session.provider.as_deref().and_then(|p| state.catalog.provider(p)) {
        Some(provider) => format!(
            "<p class=\"provider\"><img src=\"{}\" alt=\"\" width=\"48\" height=\"48\"> <strong>{}</strong></p>",
            escape(provider.entry.provider.image.as_deref().unwrap_or_default()),
            escape(&provider.entry.provider.display_name)
        ),
        None => {
            let types = session.endgrate_types(&state.catalog);
            let options: String = state
                .catalog
                .providers
                .iter()
                .filter(|p| types.is_empty() || types.iter().any(|t| p.integration(t).is_some()))
                .map(|p| format!("<option value=\"{}\">{}</option>", escape(&p.entry.provider.name), escape(&p.entry.provider.display_name)))
                .collect();
            format!("<p><label for=\"provider\">Provider</label> <select id=\"provider\" name=\"provider\" required>{options}</select></p>")
        }
    };
    let label = session
        .body
        .label
        .as_deref()
        .map(|l| format!("<p>For <strong>{}</strong></p>", escape(l)))
        .unwrap_or_default();
    let body = format!(
        "<form method=\"post\" action=\"/session/authorize\">{label}<p>Connect your account to finish setting up this integration.</p>\
         {provider_block}<input type=\"hidden\" name=\"session_id\" value=\"{id}\">\
         <button type=\"submit\">Authorize</button></form>",
        id = escape(&session.id),
    );
    html(&state, Some(&session), StatusCode::OK, "Authorize", &body)
}

/// Form of `POST /session/authorize`.
#[derive(Debug)]
struct AuthorizeForm {
    session_id: String,
    provider: Option<String>,
}

/// Reads the form with the one bounded body reader: each key once, no other keys.
async fn read_form(
    state: &Shared,
    headers: &HeaderMap,
    body: Body,
) -> Result<AuthorizeForm, AppError> {
    let bytes = body::read(headers, body, Kind::Form, state.body_timeout).await?;
    let mut pairs = body::form_pairs(&bytes, &["session_id", "provider"])?;
    let mut take = |name: &str| {
        let at = pairs.iter().position(|(k, _)| k == name)?;
        Some(pairs.swap_remove(at).1)
    };
    let session_id =
        take("session_id").ok_or_else(|| AppError::invalid("session_id", "is required"))?;
    Ok(AuthorizeForm {
        session_id,
        provider: take("provider"),
    })
}

/// `POST /session/authorize`: marks the session configured, then 303 to `redirect_url?session_id=…`.
pub async fn authorize(
    State(state): State<Shared>,
    origin: Result<OwnOrigin, AppError>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if state.upstream.is_some() || origin.is_err() {
        return html(
            &state,
            None,
            StatusCode::FORBIDDEN,
            "Refused",
            "<p>This request was refused.</p>",
        );
    }
    let form = match read_form(&state, &headers, body).await {
        Ok(form) => form,
        Err(refusal) => {
            let status = refusal.status;
            return html(
                &state,
                None,
                status,
                "Refused",
                "<p>This form could not be read.</p>",
            );
        }
    };
    let Some(session) = find(&state, Some(form.session_id)).await else {
        return html(
            &state,
            None,
            StatusCode::NOT_FOUND,
            "Session not found",
            "<p>This session does not exist or was deleted.</p>",
        );
    };
    let provider = session
        .provider
        .clone()
        .or(form.provider)
        .filter(|p| state.catalog.provider(p).is_some());
    let Some(provider) = provider else {
        return html(
            &state,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose a provider",
            "<p>Pick a provider from the list.</p>",
        );
    };
    if let Err(error) = sessions::mark_configured(&state, session.id.clone(), provider).await {
        tracing::error!(%error, "could not mark the session configured");
        return html(
            &state,
            None,
            StatusCode::INTERNAL_SERVER_ERROR,
            "Try again",
            "<p>The session could not be saved; try again.</p>",
        );
    }
    match session
        .body
        .redirect_url
        .as_deref()
        .and_then(|raw| state.redirects.check(raw).ok())
    {
        Some(target) => {
            // The widget's own helper (widget_core), so both add `session_id` the same way.
            let location = set_query_param(target.as_str(), "session_id", &session.id);
            (
                StatusCode::SEE_OTHER,
                [
                    (header::LOCATION, location),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
            )
                .into_response()
        }
        None => html(
            &state,
            None,
            StatusCode::OK,
            "Connected",
            "<p>The integration is set up. You can close this window.</p>",
        ),
    }
}

async fn find(state: &Shared, id: Option<String>) -> Option<StoredSession> {
    sessions::load(state, id?).await
}

/// A full page with the hosted page's headers. `form-action` must also allow the redirect's
/// origin: browsers apply it to the redirect that follows the form POST.
fn html(
    state: &Shared,
    session: Option<&StoredSession>,
    status: StatusCode,
    title: &str,
    body: &str,
) -> Response {
    let mut form_action = String::from("'self'");
    let redirect = session
        .and_then(|s| s.body.redirect_url.as_deref())
        .and_then(|raw| state.redirects.check(raw).ok());
    if let Some(url) = redirect {
        form_action.push(' ');
        form_action.push_str(&url.origin().ascii_serialization());
    }
    let csp = format!(
        "default-src 'none'; img-src 'self'; style-src 'self'; form-action {form_action}; \
         frame-ancestors 'self'; base-uri 'none'"
    );
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Endgrate session (local stand-in)</title><link rel=\"stylesheet\" href=\"/hosted.css\"></head>\
         <body><main><h1>{title}</h1>{body}<p class=\"note\">Local stand-in for Endgrate's hosted session page.</p></main></body></html>",
        title = escape(title),
    );
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()),
            (header::CONTENT_SECURITY_POLICY, csp),
            (header::X_FRAME_OPTIONS, "SAMEORIGIN".to_string()),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        page,
    )
        .into_response()
}
