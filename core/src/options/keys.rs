//! The option keys that are not a serde type's field names: the theme's colour table, the
//! secret-looking names refused anywhere (R1), and the four Endgrate body keys whose JSON spelling
//! is the project's reading (endgrate-api.md footnote ¹). Those four are spelled by the serde
//! derive of `wire::InitiateBody`; the constants name them in messages, and a test ties the two.

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
    }
}
