//! Building navigation URLs (R13): a query parameter is set on an already-parsed URL, replacing any
//! earlier value of that name, with the value percent-encoded, never by concatenating raw input.

/// The query parameters a return from Endgrate or an OAuth provider leaves on the page (R4). The
/// widget needs none of them; they are removed from the address bar before its first request, so no
/// later request's `Referer` carries them.
pub const RETURN_PARAMS: [&str; 2] = ["session_id", "state"];

/// `href` split into the part before the query, the query's non-empty pairs except those named in
/// `drop`, and the fragment; `true` when a pair was dropped.
fn split<'a>(href: &'a str, drop: &[&str]) -> (&'a str, Vec<&'a str>, Option<&'a str>, bool) {
    let (before_fragment, fragment) = match href.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (href, None),
    };
    let (base, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let mut dropped = false;
    let pairs = query
        .split('&')
        .filter(|pair| {
            let name = decode(pair.split('=').next().unwrap_or_default());
            let keep = !drop.contains(&name.as_str());
            dropped |= !pair.is_empty() && !keep;
            !pair.is_empty() && keep
        })
        .collect();
    (base, pairs, fragment, dropped)
}

fn join(base: &str, pairs: &[&str], fragment: Option<&str>) -> String {
    let mut out = base.to_owned();
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Sets `key=value` on `href` (a URL serialised by a WHATWG parser), as `URLSearchParams.set`
/// does: earlier pairs named `key` are removed, the new pair goes last, the fragment is kept.
pub fn set_query_param(href: &str, key: &str, value: &str) -> String {
    let (base, mut pairs, fragment, _) = split(href, &[key]);
    let encoded = format!("{}={}", encode(key), encode(value));
    pairs.push(&encoded);
    join(base, &pairs, fragment)
}

/// `href` without its query pairs named in `names` (other pairs, their order and the fragment
/// kept), or `None` when it has none of them.
pub fn remove_query_params(href: &str, names: &[&str]) -> Option<String> {
    let (base, pairs, fragment, dropped) = split(href, names);
    dropped.then(|| join(base, &pairs, fragment))
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
