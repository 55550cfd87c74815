//! The one search of the widget: ranked, case- and accent-insensitive, typo-tolerant, over any
//! list whose entries have a shown name and other names (providers: display name and id; fields:
//! title and key). Ranks are exact > prefix > word start > substring > subsequence > one typo;
//! within a rank, a match on the shown name goes before a match on another name only (typing
//! "deal" lists "Deal Name" before "Currency", whose key is `deal_currency_code`), then the
//! shorter shown name, then list order, so results never jump between keystrokes. Pure and
//! allocation-light per query; the index is built once per list.

use crate::text::{fold, within_one_edit};
use crate::wire::{Field, ProviderEntry};

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

/// Folded names of a list (a provider catalog, a provider's fields), built once per list.
#[derive(Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// Indexes `providers` by display name and name.
    pub fn new<'a>(providers: impl IntoIterator<Item = &'a ProviderEntry>) -> SearchIndex {
        Self::of_names(
            providers
                .into_iter()
                .map(|p| [p.provider.display_name.as_str(), p.provider.name.as_str()]),
        )
    }

    /// Indexes fields by title (when they have one) and key.
    pub fn fields<'a>(fields: impl IntoIterator<Item = &'a Field>) -> SearchIndex {
        Self::of_names(
            fields
                .into_iter()
                .map(|f| [f.title.as_deref().unwrap_or(&f.name), f.name.as_str()]),
        )
    }

    /// Indexes entries by their names, the first of each the one shown (its length breaks ties).
    pub fn of_names<'a, N: IntoIterator<Item = &'a str>>(
        entries: impl IntoIterator<Item = N>,
    ) -> SearchIndex {
        let entries = entries
            .into_iter()
            .map(|names| {
                let mut len = None;
                let names = names
                    .into_iter()
                    .map(|n| {
                        len.get_or_insert_with(|| n.chars().count());
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
                    len: len.unwrap_or(0),
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// How many entries are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entry is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Positions (into the indexed list) of the entries matching `query`, best first; every
    /// position in order when the query is blank.
    pub fn search(&self, query: &str) -> Vec<usize> {
        self.search_among(query, |_| true)
    }

    /// As [`SearchIndex::search`], among the positions `keep` accepts only.
    pub fn search_among(&self, query: &str, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        self.search_among_kinds(query, keep)
            .into_iter()
            .map(|(i, _)| i)
            .collect()
    }

    /// As [`SearchIndex::search_among`], with how each entry matched (`None` for a blank
    /// query, which keeps every accepted position in order).
    pub fn search_among_kinds(
        &self,
        query: &str,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<(usize, Option<MatchKind>)> {
        let q = fold(query.trim());
        if q.is_empty() {
            return (0..self.entries.len())
                .filter(|&i| keep(i))
                .map(|i| (i, None))
                .collect();
        }
        let q_chars: Vec<char> = q.chars().collect();
        // Each hit: its best match, and whether the shown name (the first) matched that well.
        let mut hits: Vec<((MatchKind, bool), usize, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|&(i, _)| keep(i))
            .filter_map(|(i, e)| {
                let best = e
                    .names
                    .iter()
                    .enumerate()
                    .filter_map(|(at, (name, words))| {
                        Some((match_kind(&q, &q_chars, name, words)?, at == 0))
                    })
                    .max()?;
                Some((best, e.len, i))
            })
            .collect();
        // The index makes the order total, so the crate's unstable sort gives the same result.
        hits.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        hits.into_iter()
            .map(|((kind, _), _, i)| (i, Some(kind)))
            .collect()
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

    fn field(name: &str, title: Option<&str>) -> Field {
        Field {
            name: name.into(),
            title: title.map(Into::into),
            field_type: "string".into(),
            format: None,
            required: false,
            custom: false,
        }
    }

    #[test]
    fn fields_rank_by_title_and_key_with_one_typo() {
        let list = vec![
            field("hs_lead_status", Some("Lead Status")),
            field("lifecyclestage", Some("Lifecycle Stage")),
            field("lifetime_value", None),
            field("custom_life_notes", Some("Notes on life")),
        ];
        let index = SearchIndex::fields(&list);
        let names = |q: &str| -> Vec<&str> {
            index
                .search(q)
                .into_iter()
                .map(|i| list[i].name.as_str())
                .collect()
        };
        // Prefix of both titles and the bare key, shorter shown name first; then a word start.
        assert_eq!(
            names("life"),
            ["lifetime_value", "lifecyclestage", "custom_life_notes"]
        );
        assert_eq!(names("lifecycel"), ["lifecyclestage"], "one transposition");
        assert_eq!(names("hs_lead"), ["hs_lead_status"], "the key matches too");
        let among = index.search_among("life", |i| i != 0 && i != 2);
        assert_eq!(among, [1, 3]);
        assert_eq!(index.search_among("", |i| i % 2 == 1), [1, 3]);
    }

    #[test]
    fn a_match_on_the_shown_name_ranks_above_the_same_match_on_the_key_only() {
        // HubSpot's deal properties: every key starts with "deal", the shorter title does not.
        let list = vec![
            field("deal_currency_code", Some("Currency")),
            field("dealname", Some("Deal Name")),
            field("dealstage", Some("Deal Stage")),
        ];
        let index = SearchIndex::fields(&list);
        let titles: Vec<_> = index
            .search("deal")
            .into_iter()
            .map(|i| list[i].title.as_deref().unwrap_or_default())
            .collect();
        assert_eq!(titles, ["Deal Name", "Deal Stage", "Currency"]);
        // The kind of match still ranks first: a key's prefix beats a title's word start.
        let list = vec![
            field("amount_in_home", Some("Amount in deal currency")),
            field("deal_currency_code", Some("Currency")),
        ];
        assert_eq!(SearchIndex::fields(&list).search("deal"), [1, 0]);
    }

    #[test]
    fn blank_query_keeps_catalog_order_and_id_matches_count() {
        let list = vec![entry("b", "Beta"), entry("ms-dynamics", "Dynamics 365")];
        assert_eq!(names(&list, "  "), ["Beta", "Dynamics 365"]);
        assert_eq!(names(&list, "ms-dyn"), ["Dynamics 365"]);
    }
}
