//! The compact field notation of the seed files, e.g. `email:email!`, `*lifecyclestage=Lifecycle Stage`.
//!
//! Only parsing lives here; it must not know about providers or requests.

use widget_core::wire::Field;

/// Parses a comma-separated field list: `[*]name[:format][#|?|[]|{}][!][=Title]`.
/// `*` marks a custom field, `!` a required one; `#` number, `?` boolean, `[]` array, `{}` object,
/// otherwise string. Without `=Title` the title is derived from the name.
///
/// # Errors
/// A message naming the malformed entry.
pub fn parse_fields(spec: &str) -> Result<Vec<Field>, String> {
    spec.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(parse_one)
        .collect()
}

fn parse_one(entry: &str) -> Result<Field, String> {
    let (head, title) = match entry.split_once('=') {
        Some((head, title)) => (head, Some(title.trim().to_string())),
        None => (entry, None),
    };
    let (custom, mut head) = match head.strip_prefix('*') {
        Some(rest) => (true, rest),
        None => (false, head),
    };
    let required = head.ends_with('!');
    head = head.trim_end_matches('!');
    let mut field_type = "string";
    for (suffix, kind) in [
        ("#", "number"),
        ("?", "boolean"),
        ("[]", "array"),
        ("{}", "object"),
    ] {
        if let Some(rest) = head.strip_suffix(suffix) {
            head = rest;
            field_type = kind;
            break;
        }
    }
    let (name, format) = match head.split_once(':') {
        Some((name, format)) => (name, Some(format.to_string())),
        None => (head, None),
    };
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(format!("malformed field entry `{entry}`"));
    }
    Ok(Field {
        title: Some(title.unwrap_or_else(|| title_of(name))),
        name: name.to_string(),
        field_type: field_type.to_string(),
        format,
        required,
        custom,
    })
}

/// `first_name` → `First Name`, `FirstName` → `First Name`, `merge_fields.FNAME` → `Merge Fields FNAME`.
fn title_of(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' || c == '.' || c == '-' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_sets_type_format_required_custom_and_title() {
        let fields =
            parse_fields("email:email!, *NPS_Score__c#=NPS Score, tags[], done?, firstName")
                .unwrap();
        assert_eq!(fields[0].name, "email");
        assert_eq!(fields[0].format.as_deref(), Some("email"));
        assert!(fields[0].required && !fields[0].custom);
        assert_eq!(fields[1].name, "NPS_Score__c");
        assert_eq!(fields[1].field_type, "number");
        assert_eq!(fields[1].title.as_deref(), Some("NPS Score"));
        assert!(fields[1].custom);
        assert_eq!(fields[2].field_type, "array");
        assert_eq!(fields[3].field_type, "boolean");
        assert_eq!(fields[4].title.as_deref(), Some("First Name"));
    }

    #[test]
    fn malformed_entry_is_named() {
        let err = parse_fields("ok, bad name").unwrap_err();
        assert!(err.contains("bad name"), "{err}");
    }
}
