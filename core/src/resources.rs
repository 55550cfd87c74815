//! Which of a provider's integrations serve a session schema, and which one a schema matched by
//! the user maps its fields against: one rule for the wizard (what it offers and whose fields it
//! fetches) and the reference server (what it accepts and how it configures the session).

use crate::request::resource_name;
use crate::wire::{Integration, Method, ProviderEntry, Schema};

/// The integrations that can serve one schema of the session.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidates<'a> {
    /// Each integration the schema may sync through; empty when nothing can serve it.
    pub integrations: Vec<&'a Integration>,
    /// The schema is given only by title and is no custom object of the provider, so the user
    /// matches it to one of [`Self::integrations`] (there are none without resource selection).
    pub matched_by_user: bool,
}

impl<'a> Candidates<'a> {
    /// `integration` alone: one the provider lists, serving the schema made for it.
    pub fn only(integration: &'a Integration) -> Candidates<'a> {
        Candidates {
            integrations: syncs(integration)
                .then_some(integration)
                .into_iter()
                .collect(),
            matched_by_user: false,
        }
    }
}

/// Whether an integration syncs in some direction; one that does not serves nothing.
fn syncs(integration: &Integration) -> bool {
    integration.supports_pull || integration.supports_push
}

/// For `schema`: the provider's integration of its endgrate_type, or its custom object of that
/// title; else, for a schema given only by title with `resource_selection`, each integration that
/// is no custom object (the user picks which one matches it, as Endgrate does). Integrations that
/// can neither push nor pull are left out.
pub fn candidates<'a>(
    provider: &'a ProviderEntry,
    schema: &Schema,
    resource_selection: bool,
) -> Candidates<'a> {
    let key = schema.key().unwrap_or_default();
    let own = provider
        .integrations
        .iter()
        .find(|i| i.endgrate_type == key || (i.is_custom_object && i.display_name == key));
    let by_title = schema
        .endgrate_type
        .as_deref()
        .is_none_or(|t| t == "unspecified");
    let matched_by_user = own.is_none() && by_title;
    let integrations = match own {
        Some(i) => vec![i],
        None if matched_by_user && resource_selection => provider
            .integrations
            .iter()
            .filter(|i| !i.is_custom_object)
            .collect(),
        None => Vec::new(),
    };
    Candidates {
        integrations: integrations.into_iter().filter(|i| syncs(i)).collect(),
        matched_by_user,
    }
}

/// The one of `candidates` a schema's fields are mapped against: the integration picked for its
/// first direction (pull first) among `picks`, each a direction and the integration's resource
/// name as [`resource_name`] spells it.
pub fn matched_resource<'a, 'p>(
    candidates: impl Iterator<Item = &'a Integration> + Clone,
    picks: impl IntoIterator<Item = (Method, &'p str)>,
) -> Option<&'a Integration> {
    let picks: Vec<(Method, &str)> = picks.into_iter().collect();
    Method::ALL.into_iter().find_map(|method| {
        let (_, name) = picks.iter().find(|(m, _)| *m == method)?;
        candidates
            .clone()
            .find(|i| i.supports(method) && resource_name(&i.display_name, method) == *name)
    })
}

/// The endgrate_type whose field catalog a schema's mapping uses: the schema's own; else the type
/// of the integration the user `matched` it to (its [`matched_resource`], when
/// [`Candidates::matched_by_user`]); else its key.
pub fn fields_type(schema: &Schema, matched: Option<&Integration>) -> String {
    if let Some(t) = schema
        .endgrate_type
        .as_deref()
        .filter(|t| *t != "unspecified")
    {
        return t.to_owned();
    }
    match matched {
        Some(i) => i.endgrate_type.clone(),
        None => schema.key().unwrap_or_default().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn integration(display_name: &str, endgrate_type: &str, custom: bool) -> Integration {
        Integration {
            display_name: display_name.into(),
            endgrate_type: endgrate_type.into(),
            supports_push: true,
            supports_pull: true,
            is_custom_object: custom,
            supports_associations: false,
        }
    }

    fn provider() -> ProviderEntry {
        let mut entry: ProviderEntry = serde_json::from_value(serde_json::json!({
            "provider": {"name": "hubspot", "display_name": "HubSpot"}, "integrations": []
        }))
        .unwrap();
        entry.integrations = vec![
            integration("Contact", "crm-contact", false),
            integration("Deal", "crm-deal", false),
            integration("Project", "hubspot-project", true),
            Integration {
                supports_push: false,
                supports_pull: false,
                ..integration("Note", "crm-note", false)
            },
        ];
        entry
    }

    fn by_title(title: &str) -> Schema {
        Schema {
            title: Some(title.into()),
            ..Default::default()
        }
    }

    fn names<'a>(c: &Candidates<'a>) -> Vec<&'a str> {
        c.integrations
            .iter()
            .map(|i| i.display_name.as_str())
            .collect()
    }

    #[test]
    fn a_schema_is_served_by_its_type_or_its_custom_object() {
        let p = provider();
        let typed = Schema {
            endgrate_type: Some("crm-deal".into()),
            ..Default::default()
        };
        let c = candidates(&p, &typed, true);
        assert_eq!((names(&c), c.matched_by_user), (vec!["Deal"], false));
        let c = candidates(&p, &by_title("Project"), false);
        assert_eq!((names(&c), c.matched_by_user), (vec!["Project"], false));
    }

    #[test]
    fn a_title_schema_is_matched_by_the_user_only_with_resource_selection() {
        let p = provider();
        let c = candidates(&p, &by_title("Opportunity"), true);
        // No custom object, and no integration that syncs in neither direction.
        assert_eq!(
            (names(&c), c.matched_by_user),
            (vec!["Contact", "Deal"], true)
        );
        let c = candidates(&p, &by_title("Opportunity"), false);
        assert_eq!((names(&c), c.matched_by_user), (vec![], true));
    }

    #[test]
    fn the_fields_come_from_the_pick_of_the_first_direction_pull_first() {
        let p = provider();
        let c = candidates(&p, &by_title("Opportunity"), true);
        let matched = |picks: &[(Method, &str)]| {
            matched_resource(c.integrations.iter().copied(), picks.iter().copied())
                .map(|i| i.display_name.as_str())
        };
        let both = [
            (Method::Export, "create-contacts"),
            (Method::Import, "get-deals"),
        ];
        assert_eq!(matched(&both), Some("Deal"));
        assert_eq!(
            matched(&[(Method::Export, "create-contacts")]),
            Some("Contact")
        );
        // A name of the other direction, or of no candidate, matches nothing.
        assert_eq!(matched(&[(Method::Import, "create-deals")]), None);
        assert_eq!(matched(&[(Method::Import, "get-projects")]), None);
        let fields_of = |schema: &Schema, picks: &[(Method, &str)]| {
            let c = candidates(&p, schema, true);
            let matched = c
                .matched_by_user
                .then(|| matched_resource(c.integrations.iter().copied(), picks.iter().copied()))
                .flatten();
            fields_type(schema, matched)
        };
        let opportunity = by_title("Opportunity");
        assert_eq!(fields_of(&opportunity, &both), "crm-deal");
        assert_eq!(
            fields_of(&opportunity, &[]),
            "Opportunity",
            "nothing picked yet"
        );
        assert_eq!(
            fields_of(&by_title("Project"), &[(Method::Import, "get-projects")]),
            "Project"
        );
    }
}
