//! Every option key the widget knows, and the four Endgrate body keys whose JSON spelling is the
//! project's reading (endgrate-api.md footnote ¹): renaming one is a change to one constant here
//! (plus the matching serde name on `wire::InitiateBody`, which a test ties to these constants).

/// Endgrate's key for the session label (uncertain spelling).
pub const LABEL: &str = "label";
/// Endgrate's key for the integration category (uncertain spelling).
pub const CATEGORY: &str = "category";
/// Endgrate's key for the pre-selected upsert setting (uncertain spelling).
pub const DEFAULT_UPSERT_SETTING: &str = "default_upsert_setting";
/// Endgrate's key for the provider list (uncertain spelling).
pub const PROVIDER_LIST_ID: &str = "provider_list_id";

/// The four keys above, in one list for tests and documentation.
pub const UNCERTAIN_KEYS: [&str; 4] = [LABEL, CATEGORY, DEFAULT_UPSERT_SETTING, PROVIDER_LIST_ID];

/// Widget-level keys (camelCase).
pub const WIDGET_KEYS: &[&str] = &[
    "initiateUrl",
    "apiBase",
    "allowedRedirectOrigins",
    "allowedImageOrigins",
    "after",
    "locale",
    "theme",
    "session",
    "endgrateOrigin",
    "onEvent",
    "onSuccess",
    "onExit",
    "onError",
];

/// Callback keys: the JS layer removes the functions before parsing, so only `null` may remain.
pub const CALLBACK_KEYS: &[&str] = &["onEvent", "onSuccess", "onExit", "onError"];

/// `session` keys: Endgrate's initiate body, verbatim (snake_case).
pub const SESSION_KEYS: &[&str] = &[
    LABEL,
    CATEGORY,
    "configuration_webhook",
    DEFAULT_UPSERT_SETTING,
    "field_selection",
    "passthrough_fields",
    "passthrough_schemas",
    "sync",
    "provider",
    PROVIDER_LIST_ID,
    "redirect_url",
    "resource_selection",
    "save_session",
    "schema",
    "schema_selection",
    "statistics",
    "webhook_concurrency",
];

/// `theme` keys and the CSS custom property each sets on the widget root.
pub const THEME_COLOR_KEYS: &[(&str, &str)] = &[
    ("colorPrimary", "--esw-color-primary"),
    ("colorPrimaryText", "--esw-color-primary-text"),
    ("colorBackground", "--esw-color-bg"),
    ("colorSurface", "--esw-color-surface"),
    ("colorText", "--esw-color-text"),
    ("colorMuted", "--esw-color-muted"),
    ("colorBorder", "--esw-color-border"),
    ("colorError", "--esw-color-error"),
    ("colorSuccess", "--esw-color-success"),
    ("colorFocus", "--esw-color-focus"),
];

/// Key names that can only hold the API key; refused wherever they appear (R1). Compared after
/// lowercasing and removing `_` and `-`.
pub const SECRET_KEY_NAMES: &[&str] = &[
    "apikey",
    "authorization",
    "secretkey",
    "endgrateapikey",
    "bearer",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initiate_body_serialises_the_uncertain_keys_with_these_spellings() {
        let body = crate::wire::InitiateBody {
            label: Some("l".into()),
            category: Some("CRM".into()),
            default_upsert_setting: Some(crate::wire::UpsertSetting::Overwrite),
            provider_list_id: Some("p".into()),
            ..Default::default()
        };
        let json = serde_json::to_value(&body).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for key in UNCERTAIN_KEYS {
            assert!(keys.contains(&key), "{key} missing from {keys:?}");
        }
        // The widget's own encoder, which is what it posts.
        let ours = crate::json::parse(body.to_json().as_bytes()).unwrap();
        let mut ours: Vec<&str> = ours
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        ours.sort_unstable();
        assert_eq!(ours, keys, "serde_json's map lists keys sorted");
    }
}
