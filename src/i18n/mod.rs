//! Every word the widget shows, one table per locale, so copy changes and translations never
//! touch a component. Components read [`Texts`] from context; they hold no literal UI text.

mod de;
mod en;
mod es;
mod fr;

/// A supported locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// English (the fallback).
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
}

impl Locale {
    /// The locale for a BCP 47 tag such as `de-AT`; English when the language is not supported.
    pub fn from_tag(tag: &str) -> Self {
        let language = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "fr" => Self::Fr,
            "de" => Self::De,
            "es" => Self::Es,
            _ => Self::En,
        }
    }

    /// The tag written in the widget's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::De => "de",
            Self::Es => "es",
        }
    }

    /// This locale's texts.
    pub fn texts(self) -> &'static Texts {
        match self {
            Self::En => &en::TEXTS,
            Self::Fr => &fr::TEXTS,
            Self::De => &de::TEXTS,
            Self::Es => &es::TEXTS,
        }
    }
}

/// The widget's user-visible text. Entries with `{…}` in their doc take arguments via the
/// functions beside the table.
#[derive(Debug)]
pub struct Texts {
    /// The widget's heading.
    pub title: &'static str,
    /// "Step {n} of {total}".
    pub step_of: fn(usize, usize) -> String,
    /// Step names, in flow order.
    pub step_provider: &'static str,
    pub step_schemas: &'static str,
    pub step_resources: &'static str,
    pub step_mapping: &'static str,
    pub step_review: &'static str,
    pub step_submitting: &'static str,
    pub step_done: &'static str,
    pub step_error: &'static str,
    pub step_exited: &'static str,
    /// Provider step.
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub category_label: &'static str,
    pub all_categories: &'static str,
    pub loading_providers: &'static str,
    pub no_providers: &'static str,
    /// "{n} providers", announced as the list changes.
    pub provider_count: fn(usize) -> String,
    /// "{total} providers, the first {shown} shown", announced while only the first are listed.
    pub providers_first: fn(usize, usize) -> String,
    /// "Show all {n} providers": the button under a list showing only the first matches.
    pub show_all_providers: fn(usize) -> String,
    pub catalog_failed: &'static str,
    /// Schema step.
    pub schemas_intro: &'static str,
    pub direction_label: &'static str,
    pub direction_pull: &'static str,
    pub direction_push: &'static str,
    pub custom_object: &'static str,
    /// Resource step.
    pub resources_intro: &'static str,
    pub resource_label: &'static str,
    /// The empty first entry of a resource select, where several resources fit.
    pub resource_choose: &'static str,
    /// Mapping step.
    pub mapping_intro: &'static str,
    pub column_app_field: &'static str,
    pub column_provider_field: &'static str,
    pub column_upsert: &'static str,
    pub not_mapped: &'static str,
    pub required: &'static str,
    pub suggested: &'static str,
    pub loading_fields: &'static str,
    pub fields_failed: &'static str,
    pub passthrough_heading: &'static str,
    pub upsert_overwrite: &'static str,
    pub upsert_do_not_update: &'static str,
    pub upsert_set_if_not_set: &'static str,
    /// "{field} is required: choose a provider field".
    pub required_unmapped: fn(&str) -> String,
    /// The mark of a provider's custom field in the field picker.
    pub custom_field: &'static str,
    /// The field picker's hint while nothing is typed.
    pub picker_placeholder: &'static str,
    /// "3 fields match" (the picker's live count).
    pub fields_match: fn(usize) -> String,
    /// The filter over a table's app fields.
    pub filter_fields: &'static str,
    pub show_unmapped: &'static str,
    pub show_required: &'static str,
    /// "12 of 40 mapped".
    pub mapped_of: fn(usize, usize) -> String,
    /// "2 required fields still need a provider field."
    pub required_left: fn(usize) -> String,
    /// The blocker's button: focus moves to the first required field left.
    pub go_to_first: &'static str,
    /// A table whose filters hide every row.
    pub no_rows_match: &'static str,
    /// Review step.
    pub review_intro: &'static str,
    pub review_provider: &'static str,
    pub review_none: &'static str,
    pub change: &'static str,
    /// Terminal states.
    pub submitting: &'static str,
    pub done: &'static str,
    pub redirecting: &'static str,
    /// The browser did not leave for the next page (R14); a link follows.
    pub navigation_blocked: &'static str,
    /// The link to the next page when the browser did not go there.
    pub continue_link: &'static str,
    pub exited: &'static str,
    /// Buttons.
    pub back: &'static str,
    pub next: &'static str,
    pub submit: &'static str,
    pub retry: &'static str,
    pub cancel: &'static str,
    pub start_again: &'static str,
    /// Notices.
    pub restore_failed: &'static str,
    pub storage_unavailable: &'static str,
    /// Errors, by stable code.
    pub error_config: &'static str,
    pub error_offline: &'static str,
    pub error_timeout: &'static str,
    pub error_server: &'static str,
    pub error_rate_limited: &'static str,
    pub error_session_expired: &'static str,
    pub error_response_invalid: &'static str,
    pub error_rejected: &'static str,
    pub error_unconfirmed: &'static str,
    /// "{option} — used by {row}": a provider field another row maps to.
    pub used_by: fn(&str, &str) -> String,
    /// "{option} — passed through".
    pub passed_through: fn(&str) -> String,
    /// "{taker} now maps to {taken}. {from}, which had it, now maps to {given}."
    pub swapped: fn(&str, &str, &str, &str) -> String,
    /// "{taker} now maps to {taken}. {from}, which had it, is now not mapped."
    pub taken_unmapped: fn(&str, &str, &str) -> String,
    /// "{taker} now maps to {taken}, so {taken} is no longer passed through."
    pub taken_from_passthrough: fn(&str, &str) -> String,
    /// The notice's button that puts both choices back.
    pub undo: &'static str,
    /// Under the passthrough heading: why a field can be both a mapping target and passed through.
    pub passthrough_hint: &'static str,
    /// The filter over a table's custom fields to pass through, and its "show only chosen".
    pub filter_custom_fields: &'static str,
    pub show_chosen_only: &'static str,
    /// "3 of 1,200 passed through".
    pub passed_through_of: fn(usize, usize) -> String,
    /// "Show more (1,150 not shown)": the button under a long list of checkboxes.
    pub show_more: fn(usize) -> String,
    /// Connect clicked during its double-click guard (R34).
    pub submit_wait: &'static str,
    /// "Code: {code}. Details: {message}" on the error screens (R37).
    pub error_detail: fn(&str, Option<&str>) -> String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_subtags_fall_back_to_their_language_and_unknown_languages_to_english() {
        assert_eq!(Locale::from_tag("de-AT"), Locale::De);
        assert_eq!(Locale::from_tag("FR_ca"), Locale::Fr);
        assert_eq!(Locale::from_tag("es"), Locale::Es);
        assert_eq!(Locale::from_tag("ja-JP"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }

    #[test]
    fn every_locale_fills_every_text() {
        for locale in [Locale::En, Locale::Fr, Locale::De, Locale::Es] {
            let debug = format!("{:?}", locale.texts());
            assert!(
                !debug.contains(": \"\""),
                "{locale:?} has an empty text: {debug}"
            );
            assert!((locale.texts().step_of)(2, 5).contains('5'));
            assert!((locale.texts().required_unmapped)("Email").contains("Email"));
            let t = locale.texts();
            assert!((t.used_by)("Family name", "Last name").contains("Last name"));
            assert!((t.swapped)("Phone", "Family name", "Last name", "Mobile").contains("Mobile"));
            assert!((t.taken_unmapped)("Phone", "Family name", "Last name").contains("Last name"));
            assert!((t.taken_from_passthrough)("Phone", "Segment").contains("Segment"));
            assert!((t.error_detail)("server_error", Some("x")).contains("server_error"));
        }
    }

    #[test]
    fn translations_differ_from_english() {
        let en = Locale::En.texts();
        for locale in [Locale::Fr, Locale::De, Locale::Es] {
            let texts = locale.texts();
            assert_ne!(texts.title, en.title, "{locale:?}");
            assert_ne!(texts.submit, en.submit, "{locale:?}");
            assert_ne!(texts.step_mapping, en.step_mapping, "{locale:?}");
        }
    }
}
