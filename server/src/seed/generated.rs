//! Generated custom fields, so the seed has providers at real-world size (a CRM contact object
//! often carries hundreds of properties, most of them custom) without a field list thousands of
//! entries long in `providers.json`.
//!
//! The fields are a pure function of the count: the same names, titles and types on every start,
//! so saved mappings and tests can name them.

use widget_core::wire::Field;

const AREAS: &[&str] = &[
    "lead",
    "account",
    "renewal",
    "billing",
    "support",
    "marketing",
    "sales",
    "partner",
    "event",
    "survey",
    "product",
    "onboarding",
    "region",
    "campaign",
    "contract",
    "trial",
    "referral",
    "loyalty",
    "webinar",
    "territory",
];

const THINGS: &[&str] = &[
    "score",
    "stage",
    "source",
    "owner",
    "date",
    "notes",
    "status",
    "tier",
    "segment",
    "budget",
    "priority",
    "channel",
    "language",
    "interest",
    "count",
    "reference",
    "type",
    "code",
    "opt_in",
    "updated_at",
];

const VARIANTS: &[&str] = &["", "previous", "target"];

fn title(words: &str) -> String {
    words
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `n`th generated custom field (`n` from 0): `lead_score`, `account_stage`, …, then
/// `previous_lead_score`, …, then numbered. Every fortieth is required.
pub fn custom_field(n: usize) -> Field {
    let combos = AREAS.len() * THINGS.len();
    let (area, thing) = (
        AREAS[n % AREAS.len()],
        THINGS[(n / AREAS.len()) % THINGS.len()],
    );
    let round = n / combos;
    let base = format!("{area}_{thing}");
    let words = match VARIANTS.get(round) {
        Some(v) if !v.is_empty() => format!("{v}_{base}"),
        Some(_) => base,
        None => format!("{base}_{}", round - VARIANTS.len() + 2),
    };
    let (field_type, format) = match thing {
        "score" | "budget" | "count" => ("number", None),
        "opt_in" => ("boolean", None),
        "date" => ("string", Some("date")),
        "updated_at" => ("string", Some("date-time")),
        _ => ("string", None),
    };
    Field {
        title: Some(title(&words)),
        name: format!("cf_{words}"),
        field_type: field_type.to_owned(),
        format: format.map(str::to_owned),
        required: n % 40 == 39,
        custom: true,
    }
}

/// `listed` followed by generated custom fields up to `total` fields in all.
pub fn extend_to(mut listed: Vec<Field>, total: usize) -> Vec<Field> {
    let missing = total.saturating_sub(listed.len());
    listed.extend((0..missing).map(custom_field));
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn generated_fields_are_unique_typed_mostly_custom_some_required() {
        let fields = extend_to(Vec::new(), 1_200);
        assert_eq!(fields.len(), 1_200);
        let names: BTreeSet<_> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names.len(), 1_200, "names are unique");
        assert!(fields.iter().all(|f| f.custom));
        assert_eq!(fields.iter().filter(|f| f.required).count(), 30);
        assert!(fields.iter().any(|f| f.field_type == "number"));
        assert!(fields.iter().any(|f| f.format.as_deref() == Some("date")));
        assert_eq!(fields[0].name, "cf_lead_score");
        assert_eq!(fields[0].title.as_deref(), Some("Lead Score"));
        assert_eq!(fields[400].name, "cf_previous_lead_score");
        assert_eq!(custom_field(1_200).name, "cf_lead_score_2");
    }
}
