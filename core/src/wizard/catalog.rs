//! How the catalog shapes a session: which providers qualify, which schemas a provider offers,
//! and which schema fields are mapped. Pure functions over the options and the catalog; no
//! wizard state is touched here.

use super::model::SchemaState;
use crate::ids::SchemaKey;
use crate::options::SessionOptions;
use crate::resources::{candidates, Candidates};
use crate::sorted::{SortedMap, SortedSet};
use crate::wire::{Field, ProviderEntry, Schema};

/// The schema fields to map: the host schema's own `properties` when given, else the loaded
/// common-data-model defaults.
pub(crate) fn effective_schema_fields(entry: &Schema, loaded: Vec<Field>) -> Vec<Field> {
    let Some(props) = &entry.properties else {
        return loaded;
    };
    let required = entry.required.clone().unwrap_or_default();
    props
        .iter()
        .map(|(name, p)| Field {
            name: name.clone(),
            title: p.get("title").and_then(|t| t.as_str()).map(str::to_owned),
            field_type: p
                .get("type")
                .and_then(|t| t.as_str())
                .unwrap_or("string")
                .to_owned(),
            format: p.get("format").and_then(|t| t.as_str()).map(str::to_owned),
            required: required.contains(name),
            custom: false,
        })
        .collect()
}

/// Whether a catalog entry qualifies for this session (category and endgrate_types). A provider
/// qualifies only if it has an integration for **every** endgrate_type the session lists, since
/// Endgrate offers only providers that support the session's schemas; schemas identified by title
/// alone do not narrow the list.
pub(crate) fn provider_qualifies(session: &SessionOptions, entry: &ProviderEntry) -> bool {
    if let Some(category) = &session.category {
        let by_type = entry
            .provider
            .endgrate_provider_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case(category.as_str()));
        if !by_type
            && !entry
                .integrations
                .iter()
                .any(|i| category.covers(&i.endgrate_type))
        {
            return false;
        }
    }
    let types = session
        .schema
        .iter()
        .flatten()
        .filter_map(|s| s.endgrate_type.as_deref());
    types
        .filter(|t| *t != "unspecified")
        .all(|t| entry.integrations.iter().any(|i| i.endgrate_type == t))
}

/// The schemas offered for `provider`: the session's, else the category's, else all the
/// provider's; plus custom objects with `passthrough_schemas`.
pub(crate) fn schemas_for(session: &SessionOptions, provider: &ProviderEntry) -> Vec<SchemaState> {
    let mut out: Vec<SchemaState> = Vec::new();
    let mut push = |entry: Schema, candidates: Candidates, custom: bool, display: String| {
        let Some(key) = entry.key().and_then(SchemaKey::new) else {
            return;
        };
        if out.iter().any(|s| s.key == key) {
            return;
        }
        let mut state = SchemaState {
            display_name: display,
            key,
            entry,
            custom,
            candidates: candidates.integrations.into_iter().cloned().collect(),
            matched_by_user: candidates.matched_by_user,
            methods: SortedMap::new(),
            fields: None,
            suggestions: Vec::new(),
            mapping: SortedMap::new(),
            passthrough: SortedSet::new(),
        };
        // Endgrate: without schema selection "all provided schemas are used for both push
        // and pull"; with it they start so too, and custom objects start off.
        if !custom {
            state.set_all_methods(true);
        }
        out.push(state);
    };
    match (&session.schema, &session.category) {
        (Some(list), _) => {
            for s in list {
                let candidates = candidates(provider, s, session.resource_selection());
                let served_by = (!candidates.matched_by_user)
                    .then(|| candidates.integrations.first())
                    .flatten();
                let display = s
                    .title
                    .clone()
                    .or(served_by.map(|i| i.display_name.clone()))
                    .unwrap_or_else(|| s.key().unwrap_or_default().to_owned());
                push(s.clone(), candidates, false, display);
            }
        }
        (None, category) => {
            for i in provider.integrations.iter().filter(|i| !i.is_custom_object) {
                if category.as_ref().is_none_or(|c| c.covers(&i.endgrate_type)) {
                    let entry = Schema {
                        endgrate_type: Some(i.endgrate_type.clone()),
                        ..Default::default()
                    };
                    push(entry, Candidates::only(i), false, i.display_name.clone());
                }
            }
        }
    }
    if session.passthrough_schemas() {
        for i in provider.integrations.iter().filter(|i| i.is_custom_object) {
            let entry = Schema {
                title: Some(i.display_name.clone()),
                ..Default::default()
            };
            push(entry, Candidates::only(i), true, i.display_name.clone());
        }
    }
    out
}
