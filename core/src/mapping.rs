//! Field-mapping suggestions: for each schema field, the best provider field by name, title and
//! type, assigned globally (best pairs first) so no provider field is suggested twice. A pair of
//! incompatible types is never suggested. Suggestions are data for the UI; they decide nothing else.

use crate::text::fold;
use crate::wire::Field;

/// Lowest score worth suggesting.
pub const SUGGEST_THRESHOLD: u32 = 50;

/// Names that mean the same thing, compared after folding and removing separators.
const SYNONYMS: &[&[&str]] = &[
    &[
        "phone",
        "phonenumber",
        "telephone",
        "tel",
        "mobile",
        "mobilephone",
        "phonemobile",
    ],
    &["zip", "zipcode", "postalcode", "postcode"],
    &[
        "company",
        "companyname",
        "organization",
        "organisation",
        "organizationname",
    ],
    &["firstname", "givenname", "fname"],
    &["lastname", "surname", "familyname", "lname"],
    &["website", "url", "webpage", "homepage"],
    &["title", "jobtitle", "position"],
    &["email", "emailaddress", "mail", "primaryemail"],
];

/// Whether a value of provider field `b` can carry schema field `a`: same JSON type, with
/// `integer` and `number` interchangeable, and formats (when both state one) equal.
pub fn types_compatible(a: &Field, b: &Field) -> bool {
    let numeric = |t: &str| t == "number" || t == "integer";
    let same_type =
        a.field_type == b.field_type || (numeric(&a.field_type) && numeric(&b.field_type));
    let formats_agree = match (&a.format, &b.format) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    same_type && formats_agree
}

/// Words that name a kind of value rather than a value ("name", "id"): a field that is only one
/// of them is not a match for every field containing it — "Full name" (`name`) is not "Last
/// name" (`lastname`), nor `id` every `owner_id`.
const GENERIC: &[&str] = &[
    "name", "id", "type", "date", "code", "number", "status", "value", "key",
];

struct Keys {
    name: String,
    title: Option<String>,
    synonym: Option<usize>,
    tokens: Vec<String>,
}

fn compact(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Splits `firstName`, `first_name` and "First Name" alike into `first`, `name`.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The current token as a byte range of `s`, folded once it ends.
    let mut start = None;
    let mut prev_lower = false;
    for (at, c) in s.char_indices() {
        if !c.is_alphanumeric() {
            prev_lower = false;
            if let Some(from) = start.take() {
                out.push(fold(&s[from..at]));
            }
            continue;
        }
        if c.is_uppercase() && prev_lower {
            if let Some(from) = start.take() {
                out.push(fold(&s[from..at]));
            }
        }
        start.get_or_insert(at);
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if let Some(from) = start {
        out.push(fold(&s[from..]));
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn keys(f: &Field) -> Keys {
    let name = compact(&f.name);
    let synonym = SYNONYMS
        .iter()
        .position(|group| group.contains(&name.as_str()));
    Keys {
        title: f.title.as_deref().map(compact).filter(|t| !t.is_empty()),
        synonym,
        tokens: tokens(&f.name),
        name,
    }
}

/// `may_contain`: one name may hold the other (from the four-byte windows in [`suggest`]);
/// when false the substring test is skipped, since it cannot pass.
fn score(a: &Keys, b: &Keys, shared_tokens: usize, may_contain: bool) -> u32 {
    if a.name == b.name {
        return 100;
    }
    if b.title.as_deref() == Some(a.name.as_str()) || a.title.as_deref() == Some(b.name.as_str()) {
        return 92;
    }
    if a.title.is_some() && a.title == b.title {
        return 90;
    }
    if a.synonym.is_some() && a.synonym == b.synonym {
        return 80;
    }
    let mut best = 0;
    let (short, long) = if a.name.len() <= b.name.len() {
        (&a.name, &b.name)
    } else {
        (&b.name, &a.name)
    };
    if may_contain
        && short.len() >= 4
        && long.contains(short.as_str())
        && !GENERIC.contains(&short.as_str())
    {
        best = 60 + (20 * short.len() / long.len()) as u32;
    }
    if shared_tokens > 0 {
        let union = a.tokens.len() + b.tokens.len() - shared_tokens;
        let jaccard = (70 * shared_tokens / union.max(1)) as u32;
        if 2 * shared_tokens >= union {
            best = best.max(jaccard);
        }
    }
    best
}

/// For each schema field, the index of its suggested provider field. Each provider field is
/// suggested at most once; best-scoring pairs are assigned first (ties: schema order, then
/// provider order).
pub fn suggest(schema_fields: &[Field], provider_fields: &[Field]) -> Vec<Option<usize>> {
    let provider_keys: Vec<Keys> = provider_fields.iter().map(keys).collect();
    // Only pairs that can score are scored: the provider fields sharing a token with the schema
    // field, holding or held by its name, or equal to its name, title or synonym, each found by
    // binary search in a list sorted by that key (smaller code than a `HashMap` and its hasher,
    // and as quick at this size).
    let mut by_token: Vec<(&str, usize)> = Vec::new();
    let mut by_name: Vec<(&str, usize)> = Vec::new();
    let mut by_title: Vec<(&str, usize)> = Vec::new();
    let mut by_synonym: Vec<(usize, usize)> = Vec::new();
    // Provider names by their first four bytes and by every four-byte window: one name holds
    // another of four or more bytes only if the shorter's first window is one of the longer's.
    let mut by_first_window: Vec<(u32, usize)> = Vec::new();
    let mut by_any_window: Vec<(u32, usize)> = Vec::new();
    for (j, k) in provider_keys.iter().enumerate() {
        by_token.extend(k.tokens.iter().map(|t| (t.as_str(), j)));
        by_name.push((k.name.as_str(), j));
        by_title.extend(k.title.as_deref().map(|t| (t, j)));
        by_synonym.extend(k.synonym.map(|g| (g, j)));
        by_first_window.extend(windows(&k.name).take(1).map(|w| (w, j)));
        by_any_window.extend(windows(&k.name).map(|w| (w, j)));
    }
    by_token.sort_unstable();
    by_name.sort_unstable();
    by_title.sort_unstable();
    by_synonym.sort_unstable();
    by_first_window.sort_unstable();
    by_any_window.sort_unstable();
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    let mut shared = vec![0usize; provider_fields.len()];
    let mut may_contain = vec![false; provider_fields.len()];
    let mut candidates: Vec<usize> = Vec::new();
    let mut scored = vec![false; provider_fields.len()];
    for (i, field) in schema_fields.iter().enumerate() {
        let a = keys(field);
        for t in &a.tokens {
            for j in matching(&by_token, &t.as_str()) {
                shared[j] += 1;
                candidates.push(j);
            }
        }
        // A provider name holding this one, or held by it.
        for w in windows(&a.name).take(1) {
            for j in matching(&by_any_window, &w) {
                may_contain[j] = true;
                candidates.push(j);
            }
        }
        for w in windows(&a.name) {
            for j in matching(&by_first_window, &w) {
                may_contain[j] = true;
                candidates.push(j);
            }
        }
        for text in std::iter::once(a.name.as_str()).chain(a.title.as_deref()) {
            candidates.extend(matching(&by_name, &text));
            candidates.extend(matching(&by_title, &text));
        }
        if let Some(group) = a.synonym {
            candidates.extend(matching(&by_synonym, &group));
        }
        // A field is listed once per reason it may match, and scored once.
        for &j in &candidates {
            if scored[j] {
                continue;
            }
            scored[j] = true;
            let s = score(&a, &provider_keys[j], shared[j], may_contain[j]);
            if s >= SUGGEST_THRESHOLD && types_compatible(field, &provider_fields[j]) {
                pairs.push((s, i, j));
            }
        }
        for j in candidates.drain(..) {
            (shared[j], may_contain[j], scored[j]) = (0, false, false);
        }
    }
    // Indices make the order total: the crate's unstable sort gives the same result.
    pairs.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    assign(pairs, schema_fields.len(), provider_fields.len())
}

/// The four-byte windows of `name`, first to last, each as one number (equal exactly when the
/// bytes are).
fn windows(name: &str) -> impl Iterator<Item = u32> + '_ {
    name.as_bytes()
        .windows(4)
        .map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
}

/// The indices listed under `key` in `list`, sorted by key.
fn matching<'a, K: Ord>(list: &'a [(K, usize)], key: &'a K) -> impl Iterator<Item = usize> + 'a {
    let start = list.partition_point(|(k, _)| k < key);
    list[start..]
        .iter()
        .take_while(move |(k, _)| k == key)
        .map(|&(_, j)| j)
}

/// Walks `(score, schema index, provider index)` pairs in order and gives each schema field the
/// first provider field not taken yet.
fn assign(
    pairs: Vec<(u32, usize, usize)>,
    schema_len: usize,
    provider_len: usize,
) -> Vec<Option<usize>> {
    let mut out = vec![None; schema_len];
    let mut used = vec![false; provider_len];
    for (_, i, j) in pairs {
        if out[i].is_none() && !used[j] {
            out[i] = Some(j);
            used[j] = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str, title: Option<&str>, ty: &str) -> Field {
        Field {
            name: name.into(),
            title: title.map(Into::into),
            field_type: ty.into(),
            format: None,
            required: false,
            custom: false,
        }
    }

    fn suggested(schema: &[Field], provider: &[Field]) -> Vec<Option<String>> {
        suggest(schema, provider)
            .into_iter()
            .map(|j| j.map(|j| provider[j].name.clone()))
            .collect()
    }

    #[test]
    fn first_name_matches_firstname_and_title_first_name() {
        let schema = [
            f("first_name", None, "string"),
            f("last_name", None, "string"),
        ];
        let provider = [
            f("lastname", None, "string"),
            f("fn", Some("First Name"), "string"),
        ];
        assert_eq!(
            suggested(&schema, &provider),
            [Some("fn".into()), Some("lastname".into())]
        );
    }

    #[test]
    fn email_matches_email_address() {
        let schema = [f("email", None, "string")];
        let provider = [
            f("phone", None, "string"),
            f("email_address", None, "string"),
        ];
        assert_eq!(
            suggested(&schema, &provider),
            [Some("email_address".into())]
        );
    }

    #[test]
    fn incompatible_type_is_never_suggested_even_with_equal_name() {
        let schema = [f("amount", None, "number"), f("created", None, "string")];
        let mut created = f("created", None, "string");
        created.format = Some("date-time".into());
        let mut schema_created = schema[1].clone();
        schema_created.format = Some("date".into());
        let provider = [f("amount", None, "string"), created];
        assert_eq!(
            suggested(&[schema[0].clone(), schema_created], &provider),
            [None, None]
        );
    }

    #[test]
    fn a_provider_field_is_suggested_at_most_once() {
        let schema = [
            f("email", None, "string"),
            f("email_address", None, "string"),
        ];
        let provider = [f("email", None, "string")];
        assert_eq!(suggested(&schema, &provider), [Some("email".into()), None]);
    }

    /// `suggest` with each pair's shared tokens counted directly, every substring tested, and
    /// std's sort.
    fn suggest_directly(schema: &[Field], provider: &[Field]) -> Vec<Option<usize>> {
        let provider_keys: Vec<Keys> = provider.iter().map(keys).collect();
        let mut pairs = Vec::new();
        for (i, field) in schema.iter().enumerate() {
            let a = keys(field);
            for (j, b) in provider_keys.iter().enumerate() {
                let shared = a.tokens.iter().filter(|t| b.tokens.contains(t)).count();
                let s = score(&a, b, shared, true);
                if s >= SUGGEST_THRESHOLD && types_compatible(field, &provider[j]) {
                    pairs.push((s, i, j));
                }
            }
        }
        pairs.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        assign(pairs, schema.len(), provider.len())
    }

    fn arb_field() -> impl proptest::strategy::Strategy<Value = Field> {
        use proptest::prelude::*;
        let word = "(first|last|name|email|Address|id|ID|_| )";
        (
            proptest::string::string_regex(&format!("{word}{{1,4}}")).unwrap(),
            proptest::option::of(
                proptest::string::string_regex(&format!("{word}{{1,3}}")).unwrap(),
            ),
            prop_oneof![Just("string"), Just("number")],
        )
            .prop_map(|(name, title, ty)| f(&name, title.as_deref(), ty))
    }

    proptest::proptest! {
        /// The token index finds exactly the tokens each pair shares.
        #[test]
        fn suggests_as_counting_shared_tokens_directly(
            schema in proptest::collection::vec(arb_field(), 0..12),
            provider in proptest::collection::vec(arb_field(), 0..12),
        ) {
            proptest::prop_assert_eq!(suggest(&schema, &provider), suggest_directly(&schema, &provider));
        }
    }

    #[test]
    fn last_name_is_not_suggested_as_full_name_nor_full_name_as_last_name() {
        let schema = [
            f("last_name", Some("Last name"), "string"),
            f("first_name", Some("First name"), "string"),
        ];
        let provider = [f("name", Some("Full name"), "string")];
        assert_eq!(suggested(&schema, &provider), [None, None]);
        let schema = [f("name", Some("Full name"), "string")];
        let provider = [
            f("lastname", Some("Last name"), "string"),
            f("firstname", Some("First name"), "string"),
        ];
        assert_eq!(suggested(&schema, &provider), [None]);
    }

    #[test]
    fn a_name_contained_in_a_longer_one_is_still_suggested() {
        let schema = [f("city", None, "string"), f("industry", None, "string")];
        let provider = [
            f("billing_city", None, "string"),
            f("industry_name", None, "string"),
        ];
        assert_eq!(
            suggested(&schema, &provider),
            [Some("billing_city".into()), Some("industry_name".into())]
        );
    }

    #[test]
    fn unrelated_names_get_no_suggestion() {
        assert_eq!(
            suggested(
                &[f("industry", None, "string")],
                &[f("owner_id", None, "string")]
            ),
            [None]
        );
    }
}
