//! Building navigation URLs (R13): a query parameter is set on an already-parsed URL, replacing any
//! earlier value of that name, with the value percent-encoded (application/x-www-form-urlencoded,
//! by the `form_urlencoded` crate, as `URLSearchParams` does), never by concatenating raw input.

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
            let name = form_urlencoded::parse(pair.as_bytes())
                .next()
                .map(|(name, _)| name);
            let keep = !name.is_some_and(|name| drop.contains(&name.as_ref()));
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
    let encoded = form_urlencoded::Serializer::new(String::new())
        .append_pair(key, value)
        .finish();
    pairs.push(&encoded);
    join(base, &pairs, fragment)
}

/// `href` without its query pairs named in `names` (other pairs, their order and the fragment
/// kept), or `None` when it has none of them.
pub fn remove_query_params(href: &str, names: &[&str]) -> Option<String> {
    let (base, pairs, fragment, dropped) = split(href, names);
    dropped.then(|| join(base, &pairs, fragment))
}
