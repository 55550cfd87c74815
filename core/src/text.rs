//! Text helpers shared by search, mapping and option errors: lowercasing, accent folding, edit
//! distance and display truncation. Pure functions over `&str`; no large Unicode tables.

/// The most characters of an API- or config-supplied string the widget displays (R21).
pub const DISPLAY_MAX_CHARS: usize = 200;

/// `s` cut to [`DISPLAY_MAX_CHARS`] characters (on a char boundary); the full text belongs in an
/// accessible `title`.
pub fn display_text(s: &str) -> &str {
    match s.char_indices().nth(DISPLAY_MAX_CHARS) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// Lowercases (see [`lower_char`]) and folds common Latin accents (`É` → `e`, `ß` → `ss`), so
/// "Zoho Créator" is found by "creator". Characters outside the table are only lowercased.
pub fn fold(s: &str) -> String {
    // Field names and most provider names are ASCII, which folds by lowercasing alone.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let lower = lower_char(c);
        match fold_char(lower) {
            Some(folded) => out.push_str(folded),
            None => out.push(lower),
        }
    }
    out
}

/// How a range of capitals maps to lowercase.
#[derive(Clone, Copy)]
enum Rule {
    /// Every character in the range moves by this much.
    Shift(u32),
    /// Capitals and small letters alternate; the capital is at the even code point.
    EvenPairs,
    /// Capitals and small letters alternate; the capital is at the odd code point.
    OddPairs,
}

/// The capitals of Latin (with its extensions, Vietnamese included), Greek, Cyrillic, Armenian,
/// Georgian and fullwidth Latin, as `(first, last, rule)`. It stands in for `char::to_lowercase`,
/// whose full table is 12 KB of wasm; a test checks every character here against the standard
/// library. Capitals of other scripts are left as they are.
const CAPITALS: &[(u32, u32, Rule)] = &[
    (0x41, 0x5A, Rule::Shift(32)),
    (0xC0, 0xD6, Rule::Shift(32)),
    (0xD8, 0xDE, Rule::Shift(32)),
    (0x100, 0x12F, Rule::EvenPairs),
    (0x132, 0x137, Rule::EvenPairs),
    (0x139, 0x148, Rule::OddPairs),
    (0x14A, 0x177, Rule::EvenPairs),
    (0x179, 0x17E, Rule::OddPairs),
    (0x1CD, 0x1DC, Rule::OddPairs),
    (0x1DE, 0x1EF, Rule::EvenPairs),
    (0x1F8, 0x21F, Rule::EvenPairs),
    (0x222, 0x233, Rule::EvenPairs),
    (0x246, 0x24F, Rule::EvenPairs),
    (0x388, 0x38A, Rule::Shift(37)),
    (0x38E, 0x38F, Rule::Shift(63)),
    (0x391, 0x3A1, Rule::Shift(32)),
    (0x3A3, 0x3AB, Rule::Shift(32)),
    (0x3D8, 0x3EF, Rule::EvenPairs),
    (0x400, 0x40F, Rule::Shift(80)),
    (0x410, 0x42F, Rule::Shift(32)),
    (0x460, 0x481, Rule::EvenPairs),
    (0x48A, 0x4BF, Rule::EvenPairs),
    (0x4C1, 0x4CE, Rule::OddPairs),
    (0x4D0, 0x52F, Rule::EvenPairs),
    (0x531, 0x556, Rule::Shift(48)),
    (0x10A0, 0x10C5, Rule::Shift(0x2D00 - 0x10A0)),
    (0x1E00, 0x1E95, Rule::EvenPairs),
    (0x1EA0, 0x1EFF, Rule::EvenPairs),
    (0xFF21, 0xFF3A, Rule::Shift(32)),
];

/// Single capitals that follow no range's rule.
const SINGLE_CAPITALS: &[(char, char)] = &[
    ('İ', 'i'),
    ('Ÿ', 'ÿ'),
    ('Ά', 'ά'),
    ('Ό', 'ό'),
    ('Ӏ', 'ӏ'),
    ('ẞ', 'ß'),
];

/// `c` in lowercase, for the scripts [`CAPITALS`] covers; other characters unchanged. `İ` becomes
/// a plain `i` (the standard library adds a combining dot).
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(&(_, lower)) = SINGLE_CAPITALS.iter().find(|(upper, _)| *upper == c) {
        return lower;
    }
    let code = u32::from(c);
    let Some(&(_, _, rule)) = CAPITALS
        .iter()
        .find(|(first, last, _)| (*first..=*last).contains(&code))
    else {
        return c;
    };
    let lower = match rule {
        Rule::Shift(by) => code + by,
        Rule::EvenPairs => code | 1,
        Rule::OddPairs if code % 2 == 1 => code + 1,
        Rule::OddPairs => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transposition), stopping early
/// once every path exceeds `max`; returns `max + 1` then. Bounded so search stays linear.
pub fn edit_distance_within(a: &[char], b: &[char], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(max + 1)
}

/// Whether `a` and `b` are within one edit (insertion, deletion, substitution or adjacent
/// transposition) of each other: the linear-time special case search runs on every keystroke.
pub fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let first = short.iter().zip(long).position(|(x, y)| x != y);
    let Some(i) = first else { return true };
    if short.len() == long.len() {
        let substitution = short[i + 1..] == long[i + 1..];
        let transposition = i + 1 < short.len()
            && short[i] == long[i + 1]
            && short[i + 1] == long[i]
            && short[i + 2..] == long[i + 2..];
        substitution || transposition
    } else {
        short[i..] == long[i + 1..]
    }
}

/// The closest candidate within an edit distance of 2 (or a third of its length), for "did you
/// mean" hints.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w: Vec<char> = fold(word).chars().collect();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let c: Vec<char> = fold(candidate).chars().collect();
        let max = 2.max(c.len() / 3);
        let d = edit_distance_within(&w, &c, max);
        if d <= max && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        edit_distance_within(&a, &b, 5)
    }

    /// Every character of the covered ranges lowercases exactly as `char::to_lowercase` does
    /// (İ aside), and every character outside them is left alone.
    #[test]
    fn ascii_folds_by_lowercasing_alone_as_in_the_character_table() {
        // A non-ASCII first character sends the text through the per-character table.
        for c in (0u8..128).map(char::from) {
            assert_eq!(
                fold(&format!("é{c}")),
                format!("e{}", c.to_ascii_lowercase())
            );
            assert_eq!(fold(&c.to_string()), c.to_ascii_lowercase().to_string());
        }
    }

    #[test]
    fn lower_char_agrees_with_the_standard_library_where_it_applies() {
        let covered = |c: char| {
            let code = u32::from(c);
            c.is_ascii()
                || SINGLE_CAPITALS.iter().any(|(upper, _)| *upper == c)
                || CAPITALS
                    .iter()
                    .any(|(first, last, _)| (*first..=*last).contains(&code))
        };
        let mut checked = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if c == 'İ' {
                assert_eq!(lower_char(c), 'i');
            } else if covered(c) {
                let std: String = c.to_lowercase().collect();
                assert_eq!(lower_char(c).to_string(), std, "U+{:04X}", u32::from(c));
                checked += 1;
            } else {
                assert_eq!(lower_char(c), c, "U+{:04X}", u32::from(c));
            }
        }
        assert!(checked > 1_000);
    }

    #[test]
    fn fold_strips_latin_accents_and_case() {
        assert_eq!(fold("Zoho CRÉATOR Ærø Straße"), "zoho creator aero strasse");
    }

    #[test]
    fn edit_distance_counts_transposition_as_one() {
        assert_eq!(d("hubspot", "hubsopt"), 1);
        assert_eq!(d("hubspot", "hubspt"), 1);
        assert_eq!(d("abc", "xyz"), 3);
        assert_eq!(d("", "ab"), 2);
    }

    #[test]
    fn within_one_edit_agrees_with_the_bounded_distance() {
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "abd", "abcd", "bacd", "hubspot", "hubsopt",
            "hubspt", "hbuspt",
        ];
        for x in words {
            for y in words {
                let (a, b): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
                assert_eq!(
                    within_one_edit(&a, &b),
                    edit_distance_within(&a, &b, 1) <= 1,
                    "{x} {y}"
                );
            }
        }
    }

    #[test]
    fn closest_suggests_a_near_key_and_nothing_for_a_far_one() {
        let keys = ["initiateUrl", "apiBase", "redirect_url"];
        assert_eq!(closest("initateUrl", keys), Some("initiateUrl"));
        assert_eq!(closest("redirectUrl", keys), Some("redirect_url"));
        assert_eq!(closest("zzzzzzzz", keys), None);
    }

    #[test]
    fn display_text_cuts_at_two_hundred_chars_on_char_boundary() {
        let long = "é".repeat(300);
        assert_eq!(display_text(&long).chars().count(), DISPLAY_MAX_CHARS);
        assert_eq!(display_text("short"), "short");
    }
}
