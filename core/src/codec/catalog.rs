//! Decoders for the responses the widget reads: the catalog, the field catalog, the initiate
//! success and Endgrate's error shape. Unknown members are ignored, as Endgrate's contract asks.

use crate::json::read::{any, boolean, list, string, Fields, Path, Read};
use crate::json::Json;
use crate::wire::{
    ApiError, Field, FieldsResponse, InitiateSuccess, Integration, IntegrationsResponse,
    ProviderEntry, ProviderInfo,
};

impl IntegrationsResponse {
    /// Reads `{"providers": [...]}`.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            providers: f.req("providers", |v, p| list(v, p, ProviderEntry::read))?,
        })
    }
}

impl ProviderEntry {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            provider: f.req("provider", ProviderInfo::read)?,
            integrations: f.or_default("integrations", |v, p| list(v, p, Integration::read))?,
        })
    }
}

impl ProviderInfo {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            name: f.req("name", string)?,
            display_name: f.req("display_name", string)?,
            url: f.opt("url", string)?,
            image: f.opt("image", string)?,
            auth_type: f.opt("auth_type", string)?,
            specific: f.opt("specific", any)?,
            endgrate_provider_type: f.opt("endgrate_provider_type", string)?,
        })
    }
}

impl Integration {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            display_name: f.req("display_name", string)?,
            endgrate_type: f.req("endgrate_type", string)?,
            supports_push: f.or_default("supports_push", boolean)?,
            supports_pull: f.or_default("supports_pull", boolean)?,
            is_custom_object: f.or_default("is_custom_object", boolean)?,
            supports_associations: f.or_default("supports_associations", boolean)?,
        })
    }
}

impl FieldsResponse {
    /// Reads `{"schema_fields": [...], "provider_fields": [...]}`.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            schema_fields: f.req("schema_fields", |v, p| list(v, p, Field::read))?,
            provider_fields: f.req("provider_fields", |v, p| list(v, p, Field::read))?,
        })
    }
}

impl Field {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            name: f.req("name", string)?,
            title: f.opt("title", string)?,
            field_type: f.req("type", string)?,
            format: f.opt("format", string)?,
            required: f.or_default("required", boolean)?,
            custom: f.or_default("custom", boolean)?,
        })
    }
}

impl InitiateSuccess {
    /// Reads `{"success": true, "session_id": "…"}`.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            success: f.req("success", boolean)?,
            session_id: f.req("session_id", string)?,
        })
    }
}

impl ApiError {
    /// Reads `{"message": "…", "errors": {…}?}`.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::of(v, p)?;
        Ok(Self {
            message: f.req("message", string)?,
            errors: f.opt("errors", any)?,
        })
    }
}
