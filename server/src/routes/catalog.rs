//! The public catalog reads: `GET /api/integrations` (Endgrate's shape) and the widget's
//! `GET /api/fields` extension. No authorization, as on Endgrate.
//!
//! In proxy mode the integrations read is forwarded to Endgrate; fields always come from the seed
//! because Endgrate has no field catalog. These handlers only read; they must not write.

use super::compress;
use crate::error::{json_bytes, AppError};
use crate::sessions;
use crate::state::Shared;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use std::collections::BTreeSet;
use widget_core::wire::{FieldsResponse, IntegrationsResponse};

/// Query of `GET /api/integrations`; all optional, as on Endgrate.
#[derive(Debug, Default, Deserialize)]
pub struct IntegrationsQuery {
    /// Only this provider.
    pub provider: Option<String>,
    /// Only providers of this category (e.g. `CRM`).
    pub category: Option<String>,
    /// Only providers that fit this session's schemas (and its provider, when set).
    pub session_id: Option<String>,
}

impl IntegrationsQuery {
    /// The parameters that are set, by name, for forwarding.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("provider", &self.provider),
            ("category", &self.category),
            ("session_id", &self.session_id),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_deref().map(|v| (name, v)))
    }
}

/// How long a browser may reuse a catalog answer: a reload or a second mount within a minute
/// gets it from the HTTP cache instead of a round trip. The catalog changes rarely; a minute is
/// harmless.
const CATALOG_CACHE: &str = "public, max-age=60";

/// Marks a successful catalog answer reusable for [`CATALOG_CACHE`].
fn cacheable(mut response: Response) -> Response {
    if response.status() == StatusCode::OK {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CATALOG_CACHE),
        );
    }
    response
}

/// `GET /api/integrations`.
pub async fn integrations(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<IntegrationsQuery>,
) -> Response {
    cacheable(integrations_answer(state, &headers, query).await)
}

async fn integrations_answer(
    state: Shared,
    headers: &HeaderMap,
    query: IntegrationsQuery,
) -> Response {
    if let Some(upstream) = &state.upstream {
        return upstream.integrations(&query).await;
    }
    if query.provider.is_none() && query.category.is_none() && query.session_id.is_none() {
        if compress::accepts_gzip(headers) {
            let mut response = json_bytes(StatusCode::OK, state.catalog_gzip.clone());
            compress::mark_gzip(&mut response);
            return response;
        }
        return json_bytes(StatusCode::OK, state.catalog_json.clone());
    }
    let mut session_types: Option<BTreeSet<String>> = None;
    let mut session_provider = None;
    if let Some(id) = query.session_id.clone() {
        if let Some(session) = sessions::load(&state, id).await {
            session_types = Some(session.endgrate_types(&state.catalog));
            session_provider = session.provider;
        }
    }
    let category = query.category.as_deref().map(str::to_ascii_uppercase);
    let providers = state
        .catalog
        .providers
        .iter()
        .filter(|p| {
            query
                .provider
                .as_ref()
                .is_none_or(|name| *name == p.entry.provider.name)
        })
        .filter(|p| {
            session_provider
                .as_ref()
                .is_none_or(|name| *name == p.entry.provider.name)
        })
        .filter(|p| {
            category
                .as_ref()
                .is_none_or(|c| p.entry.provider.endgrate_provider_type.as_ref() == Some(c))
        })
        .filter(|p| match &session_types {
            Some(types) if !types.is_empty() => types.iter().any(|t| p.integration(t).is_some()),
            _ => true,
        })
        .map(|p| p.entry.clone())
        .collect();
    Json(IntegrationsResponse { providers }).into_response()
}

/// Query of `GET /api/fields`.
#[derive(Debug, Deserialize)]
pub struct FieldsQuery {
    provider: Option<String>,
    endgrate_type: Option<String>,
}

/// `GET /api/fields?provider=P&endgrate_type=T`: the schema's default fields and the provider's.
pub async fn fields(
    State(state): State<Shared>,
    Query(query): Query<FieldsQuery>,
) -> Result<Json<FieldsResponse>, AppError> {
    let provider_name = query
        .provider
        .ok_or_else(|| AppError::invalid("provider", "is required"))?;
    let endgrate_type = query
        .endgrate_type
        .ok_or_else(|| AppError::invalid("endgrate_type", "is required"))?;
    let not_found =
        |key: &str, problem: String| AppError::keyed(StatusCode::NOT_FOUND, key, problem);
    let provider = state
        .catalog
        .provider(&provider_name)
        .ok_or_else(|| not_found("provider", format!("no provider named `{provider_name}`")))?;
    let schema = state.catalog.schemas.get(&endgrate_type).ok_or_else(|| {
        not_found(
            "endgrate_type",
            format!("unknown endgrate_type `{endgrate_type}`"),
        )
    })?;
    let provider_fields = provider.fields.get(&endgrate_type).ok_or_else(|| {
        not_found(
            "endgrate_type",
            format!("{provider_name} has no integration for {endgrate_type}"),
        )
    })?;
    Ok(Json(FieldsResponse {
        schema_fields: schema.fields.clone(),
        provider_fields: provider_fields.clone(),
    }))
}
