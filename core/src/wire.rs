//! Endgrate's wire types (`shared/docs/endgrate-api.md`) and the widget's documented extensions.
//!
//! Decoding is tolerant where Endgrate's contract is (unknown fields ignored, optional fields may be
//! missing) and strict where the widget sends (`deny_unknown_fields` on the initiate body, so a
//! server using these types names the unknown key). Nothing here performs IO.
//!
//! The widget reads and writes these types with the hand-written codecs in [`crate::codec`]; with
//! the `serde` feature (the server's) they also derive serde, and tests hold the two to the same
//! JSON.

use crate::json::Json;
use crate::sorted::SortedMap;

/// `GET /api/integrations`: the provider catalog, in Endgrate's shape.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct IntegrationsResponse {
    /// One entry per provider.
    pub providers: Vec<ProviderEntry>,
}

/// A provider and the integrations it offers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProviderEntry {
    /// Who the provider is.
    pub provider: ProviderInfo,
    /// What it can sync, one entry per endgrate_type (or custom object).
    #[serde(default)]
    pub integrations: Vec<Integration>,
}

/// A provider as Endgrate describes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProviderInfo {
    /// The provider's id, e.g. `hubspot`; what `session.provider` takes.
    pub name: String,
    /// The name shown to people, e.g. `HubSpot`.
    pub display_name: String,
    /// The provider's home page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The provider's logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// `oauth`, `api_key` or `custom`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_type: Option<String>,
    /// Provider-specific settings, passed through untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specific: Option<Json>,
    /// The provider's category, e.g. `CRM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endgrate_provider_type: Option<String>,
}

/// One integration of a provider: an endgrate_type it can push and/or pull.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Integration {
    /// The name shown to people, e.g. `Contact`.
    pub display_name: String,
    /// The common data model, e.g. `crm-contact`.
    pub endgrate_type: String,
    /// Whether data can be pushed (EXPORT) to the provider.
    #[serde(default)]
    pub supports_push: bool,
    /// Whether data can be pulled (IMPORT) from the provider.
    #[serde(default)]
    pub supports_pull: bool,
    /// A provider-specific custom object (a passthrough schema).
    #[serde(default)]
    pub is_custom_object: bool,
    /// Whether associations are supported.
    #[serde(default)]
    pub supports_associations: bool,
}

/// `GET /api/fields?provider=P&endgrate_type=T`: the widget's field-catalog extension.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct FieldsResponse {
    /// The app's schema fields (the common-data-model defaults for the endgrate_type).
    pub schema_fields: Vec<Field>,
    /// The provider's fields for that object, custom fields included.
    pub provider_fields: Vec<Field>,
}

/// One field of a schema or of a provider object.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Field {
    /// The field's key, e.g. `first_name`.
    pub name: String,
    /// The label shown to people, e.g. `First Name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// JSON-Schema type: `string`, `number`, `boolean`, `array` or `object`.
    #[serde(rename = "type")]
    pub field_type: String,
    /// JSON-Schema format, e.g. `email`, `date-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Whether the field must be mapped.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// A provider custom field (a passthrough candidate).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub custom: bool,
}

/// The upsert setting of a pushed field (`default_upsert_setting` and per field).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UpsertSetting {
    /// Existing data in the field is overwritten.
    #[default]
    Overwrite,
    /// Existing data is preserved.
    DoNotUpdate,
    /// The field is written only if it has no data.
    SetIfNotSet,
}

impl UpsertSetting {
    /// Every value, in Endgrate's documented order.
    pub const ALL: [UpsertSetting; 3] = [Self::Overwrite, Self::DoNotUpdate, Self::SetIfNotSet];
}

/// The direction of a schema's transfer: `IMPORT` (pull) or `EXPORT` (push). Ordered pull first,
/// the order every list of directions is shown and sent in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Method {
    /// Pull: data comes from the provider.
    Import,
    /// Push: data goes to the provider.
    Export,
}

impl Method {
    /// Both directions, pull first.
    pub const ALL: [Method; 2] = [Method::Import, Method::Export];

    /// Endgrate's word for it, `IMPORT` or `EXPORT`: the serde spelling.
    pub fn as_str(self) -> &'static str {
        crate::spelling::spelling(&self)
    }
}

impl Integration {
    /// Whether the provider supports `method` for this integration.
    pub fn supports(&self, method: Method) -> bool {
        match method {
            Method::Import => self.supports_pull,
            Method::Export => self.supports_push,
        }
    }
}

/// A schema of the session (Endgrate's `EndgrateJsonSchema`).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    /// Always `object` when present.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub schema_type: Option<String>,
    /// The common data model; without it `title` identifies the schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endgrate_type: Option<String>,
    /// Overrides the display name; required without an endgrate_type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// JSON-Schema properties; absent means Endgrate's defaults for the endgrate_type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<SortedMap<String, Json>>,
    /// Required property names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Vec<String>>,
    /// Whether associations are synced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associations: Option<bool>,
}

/// `configuration_webhook`: where Endgrate posts the configured session.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigurationWebhook {
    /// The URL Endgrate POSTs to.
    pub endpoint: String,
    /// Echoed back to the endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Json>,
}

/// The body of `POST /api/session/initiate`: Endgrate's keys (all optional) plus the widget's
/// `end_user_configuration` extension. Unknown keys are refused.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiateBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration_webhook: Option<ConfigurationWebhook>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_upsert_setting: Option<UpsertSetting>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_selection: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passthrough_fields: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passthrough_schemas: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_list_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_selection: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub save_session: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Vec<Schema>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_selection: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistics: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_concurrency: Option<bool>,
    /// Widget extension: what the end user chose that Endgrate's API has no key for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_user_configuration: Option<EndUserConfiguration>,
}

/// Widget extension carried in the initiate body; the backend keeps it and does not forward it.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndUserConfiguration {
    /// Per schema key (endgrate_type, or title for custom schemas).
    pub schemas: SortedMap<String, SchemaChoice>,
}

/// The end user's choices for one schema: the directions it is synced in (a set: `IMPORT`,
/// `EXPORT` or both, each with the integration chosen for it), one field mapping that holds in
/// every direction (with an upsert setting on each field exactly when the schema is pushed), and
/// the provider custom fields passed through.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaChoice {
    /// The directions, keyed by Endgrate's method names; at least one.
    pub methods: MethodChoices,
    /// Schema field name → its mapping.
    #[serde(default, skip_serializing_if = "SortedMap::is_empty")]
    pub fields: SortedMap<String, FieldChoice>,
    /// Provider custom fields passed through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passthrough_fields: Vec<String>,
}

/// `{"IMPORT": {...}, "EXPORT": {...}}`: a key per direction the schema is synced in.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodChoices {
    /// Pulled from the provider.
    #[serde(rename = "IMPORT", default, skip_serializing_if = "Option::is_none")]
    pub import: Option<MethodChoice>,
    /// Pushed to the provider.
    #[serde(rename = "EXPORT", default, skip_serializing_if = "Option::is_none")]
    pub export: Option<MethodChoice>,
}

impl MethodChoices {
    /// The choice for `method`, when the schema is synced in that direction.
    pub fn get(&self, method: Method) -> Option<&MethodChoice> {
        match method {
            Method::Import => self.import.as_ref(),
            Method::Export => self.export.as_ref(),
        }
    }

    /// Sets (or with `None` removes) the choice for `method`.
    pub fn set(&mut self, method: Method, choice: Option<MethodChoice>) {
        match method {
            Method::Import => self.import = choice,
            Method::Export => self.export = choice,
        }
    }

    /// The chosen directions with their choices, pull first.
    pub fn iter(&self) -> impl Iterator<Item = (Method, &MethodChoice)> {
        Method::ALL
            .into_iter()
            .filter_map(|m| self.get(m).map(|c| (m, c)))
    }

    /// The integration named for each direction that names one, pull first.
    pub fn picks(&self) -> impl Iterator<Item = (Method, &str)> {
        self.iter()
            .filter_map(|(method, chosen)| Some((method, chosen.integration.as_deref()?)))
    }

    /// Whether no direction is chosen.
    pub fn is_empty(&self) -> bool {
        self.import.is_none() && self.export.is_none()
    }
}

/// One direction of a schema.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodChoice {
    /// The integration (resource) chosen for this direction, e.g. `get-contacts`; present when
    /// resource selection was offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration: Option<String>,
}

/// How one schema field maps to a provider field.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChoice {
    /// The provider field it maps to.
    pub provider_field: String,
    /// How existing data is treated when the field is pushed: present exactly when the schema's
    /// methods include `EXPORT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upsert: Option<UpsertSetting>,
}

/// `{"success": true, "session_id": "…"}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct InitiateSuccess {
    /// Always `true` on success.
    pub success: bool,
    /// 24 lowercase hex characters in every published example.
    pub session_id: String,
}

/// Endgrate's error shape: `{"message": "…", "errors": {…}?}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ApiError {
    /// A sentence for people.
    pub message: String,
    /// Details, e.g. the offending key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Json>,
}

pub use crate::decode::{
    decode_catalog, decode_fields, decode_initiate_response, DecodeError, Failure,
};

impl Schema {
    /// The schema's key in the session: its `endgrate_type`, or its `title` when the type is
    /// absent or `unspecified` (endgrate-api.md §3). `None` when neither identifies it.
    pub fn key(&self) -> Option<&str> {
        match self.endgrate_type.as_deref() {
            Some(t) if t != "unspecified" => Some(t),
            _ => self.title.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrations_response_decodes_endgrate_example_and_ignores_unknown_fields() {
        let body = r#"{"providers": [{
          "provider": {"name": "hubspot", "display_name": "HubSpot", "url": "https://www.hubspot.com/",
                       "image": "https://example.com/hubspot.png", "auth_type": "oauth", "specific": {},
                       "endgrate_provider_type": "CRM", "brand_new_field": 1},
          "integrations": [{"display_name": "Contact", "endgrate_type": "crm-contact", "supports_push": true,
                            "supports_pull": true, "is_custom_object": false, "supports_associations": true}]
        }], "extra": true}"#;
        let parsed: IntegrationsResponse = serde_json::from_str(body).unwrap();
        assert_eq!(parsed.providers.len(), 1);
        assert_eq!(parsed.providers[0].provider.name, "hubspot");
        assert!(parsed.providers[0].integrations[0].supports_push);
    }

    #[test]
    fn initiate_body_refuses_unknown_key_and_names_it() {
        let err = serde_json::from_str::<InitiateBody>(r#"{"apiKey": "x"}"#).unwrap_err();
        assert!(err.to_string().contains("apiKey"), "{err}");
    }
}
