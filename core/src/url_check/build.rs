//! Building navigation URLs (R13): a query parameter is set on an already-parsed URL, replacing any
//! earlier value of that name, with the value percent-encoded, never by concatenating raw input.

/// Sets `key=value` on `href` (a URL serialised by a WHATWG parser), as `URLSearchParams.set`
/// does: earlier pairs named `key` are removed, the new pair goes last, the fragment is kept.
pub fn set_query_param(href: &str, key: &str, value: &str) -> String {
    let (before_fragment, fragment) = match href.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (href, None),
    };
    let (base, query) = match before_fragment.split_once('?') {
        Some((b, q)) => (b, q),
        None => (before_fragment, ""),
    };
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            !pair.is_empty() && decode(pair.split('=').next().unwrap_or_default()) != key
        })
        .collect();
    let encoded = format!("{}={}", encode(key), encode(value));
    pairs.push(&encoded);
    let mut out = format!("{base}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// application/x-www-form-urlencoded, as `URLSearchParams` serialises.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
