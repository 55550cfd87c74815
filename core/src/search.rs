//! Catalog search: ranked, case- and accent-insensitive, typo-tolerant. Ranks are exact > prefix >
//! word start > substring > subsequence > one typo; ties go to the shorter name, then catalog
//! order, so results never jump between keystrokes. Pure and allocation-light per query.

use crate::text::{fold, within_one_edit};
use crate::wire::ProviderEntry;

/// How a query matched a name, best last so `Ord` ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// Within one edit (Damerau-Levenshtein) of a word or its prefix.
    Typo,
    /// The query's characters appear in order.
    Subsequence,
    /// The query appears inside a word.
    Substring,
    /// A word of the name starts with the query.
    WordStart,
    /// The name starts with the query.
    Prefix,
    /// The name equals the query.
    Exact,
}

struct Entry {
    /// Folded display name and folded id, each with its words.
    names: Vec<(String, Vec<Vec<char>>)>,
    len: usize,
}

/// Folded names of a provider list, built once per catalog.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// Indexes `providers` by display name and name.
    pub fn new<'a>(providers: impl IntoIterator<Item = &'a ProviderEntry>) -> SearchIndex {
        let entries = providers
            .into_iter()
            .map(|p| {
                let names = [&p.provider.display_name, &p.provider.name]
                    .into_iter()
                    .map(|n| {
                        let folded = fold(n);
                        let words = folded
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .map(|w| w.chars().collect())
                            .collect();
                        (folded, words)
                    })
                    .collect();
                Entry {
                    names,
                    len: p.provider.display_name.chars().count(),
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// Positions (into the indexed list) of the entries matching `query`, best first; every
    /// position in order when the query is blank.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let q = fold(query.trim());
        if q.is_empty() {
            return (0..self.entries.len()).collect();
        }
        let q_chars: Vec<char> = q.chars().collect();
        let mut hits: Vec<(MatchKind, usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let best = e
                    .names
                    .iter()
                    .filter_map(|(name, words)| match_kind(&q, &q_chars, name, words))
                    .max()?;
                Some((best, e.len, i))
            })
            .collect();
        // The index makes the order total, so the crate's unstable sort gives the same result.
        hits.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        hits.into_iter().map(|(_, _, i)| i).collect()
    }
}

/// How `q` matches one folded name, if at all.
pub fn match_kind(q: &str, q_chars: &[char], name: &str, words: &[Vec<char>]) -> Option<MatchKind> {
    if name == q {
        return Some(MatchKind::Exact);
    }
    if name.starts_with(q) {
        return Some(MatchKind::Prefix);
    }
    if words.iter().any(|w| w.starts_with(q_chars)) {
        return Some(MatchKind::WordStart);
    }
    if name.contains(q) {
        return Some(MatchKind::Substring);
    }
    if q_chars.len() >= 2 && is_subsequence(q_chars, name) {
        return Some(MatchKind::Subsequence);
    }
    // One typo only for queries long enough that a single edit is still meaningful.
    if q_chars.len() >= 3 {
        let n = q_chars.len();
        let close = |w: &[char]| {
            [n.saturating_sub(1), n, n + 1]
                .into_iter()
                .filter(|&len| len > 0 && len <= w.len())
                .any(|len| within_one_edit(q_chars, &w[..len]))
        };
        if words.iter().any(|w| close(w)) {
            return Some(MatchKind::Typo);
        }
    }
    None
}

fn is_subsequence(q: &[char], name: &str) -> bool {
    let mut it = q.iter().peekable();
    for c in name.chars() {
        if it.peek() == Some(&&c) {
            it.next();
        }
    }
    it.peek().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::ProviderInfo;

    fn entry(name: &str, display: &str) -> ProviderEntry {
        ProviderEntry {
            provider: ProviderInfo {
                name: name.into(),
                display_name: display.into(),
                url: None,
                image: None,
                auth_type: None,
                specific: None,
                endgrate_provider_type: None,
            },
            integrations: vec![],
        }
    }

    fn names(list: &[ProviderEntry], query: &str) -> Vec<String> {
        SearchIndex::new(list)
            .search(query)
            .into_iter()
            .map(|i| list[i].provider.display_name.clone())
            .collect()
    }

    #[test]
    fn ranks_exact_then_prefix_then_word_start_then_substring_then_subsequence_then_typo() {
        let list = vec![
            entry("a", "Xsalesx"),    // substring
            entry("b", "Sxaxlxexs"),  // subsequence
            entry("c", "Zoho Sales"), // word start
            entry("d", "Salesforce"), // prefix
            entry("e", "Sales"),      // exact
            entry("f", "Slaes Hub"),  // one typo (transposition)
            entry("g", "Unrelated"),
        ];
        assert_eq!(
            names(&list, "sales"),
            [
                "Sales",
                "Salesforce",
                "Zoho Sales",
                "Xsalesx",
                "Sxaxlxexs",
                "Slaes Hub"
            ]
        );
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let list = vec![entry("zoho", "Zoho Créator"), entry("pd", "Pipedrive")];
        assert_eq!(names(&list, "CREATOR"), ["Zoho Créator"]);
        assert_eq!(names(&list, "créa"), ["Zoho Créator"]);
    }

    #[test]
    fn one_typo_finds_provider_but_two_do_not() {
        let list = vec![entry("hubspot", "HubSpot")];
        assert_eq!(names(&list, "hubsopt"), ["HubSpot"]);
        assert_eq!(names(&list, "hbuspt"), Vec::<String>::new());
    }

    #[test]
    fn blank_query_keeps_catalog_order_and_id_matches_count() {
        let list = vec![entry("b", "Beta"), entry("ms-dynamics", "Dynamics 365")];
        assert_eq!(names(&list, "  "), ["Beta", "Dynamics 365"]);
        assert_eq!(names(&list, "ms-dyn"), ["Dynamics 365"]);
    }
}
