//! The seeded catalog: providers, their integrations and field lists, and the common-data-model
//! schema defaults, compiled into the binary from the JSON files beside this module.
//!
//! This module turns data into lookups; it must not hold request logic and must not reach the
//! network (logos are generated locally, see `logos.rs`).

mod fields;
mod generated;

pub use fields::parse_fields;

use serde::Deserialize;
use std::collections::BTreeMap;
use widget_core::wire::{Field, Integration, ProviderEntry, ProviderInfo};

const PROVIDERS_JSON: &str = include_str!("providers.json");
const SCHEMAS_JSON: &str = include_str!("schemas.json");

#[derive(Deserialize)]
struct ProvidersFile {
    providers: Vec<RawProvider>,
}

#[derive(Deserialize)]
struct RawProvider {
    name: String,
    display_name: String,
    url: String,
    auth_type: String,
    category: String,
    color: String,
    integrations: BTreeMap<String, String>,
    fields: BTreeMap<String, String>,
    /// endgrate_type → total field count: the listed fields, then generated custom ones.
    #[serde(default)]
    generated: BTreeMap<String, usize>,
}

// Unknown keys are refused so a per-type resource name cannot creep back into the seed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchema {
    display_name: String,
    fields: String,
}

/// A common-data-model schema: its name and its default fields.
///
/// Integration (resource) names are not stored here: they are derived from the integration's
/// display name by `widget_core::request::resource_name`, the function the widget uses, so the
/// server accepts and reports exactly the names the widget sends.
#[derive(Debug, Clone)]
pub struct SchemaDef {
    /// e.g. `Contact`; also the display name of the providers' integrations for this type.
    pub display_name: String,
    /// Default fields for a schema given only by its endgrate_type.
    pub fields: Vec<Field>,
}

/// One provider of the catalog, with its field lists.
#[derive(Debug, Clone)]
pub struct Provider {
    /// The provider as the catalog shows it, integrations included.
    pub entry: ProviderEntry,
    /// Brand colour of the generated logo, `#rrggbb`.
    pub color: String,
    /// endgrate_type → the provider's fields for that object.
    pub fields: BTreeMap<String, Vec<Field>>,
}

impl Provider {
    /// The provider's integration for `endgrate_type`, if it offers one.
    pub fn integration(&self, endgrate_type: &str) -> Option<&Integration> {
        self.entry
            .integrations
            .iter()
            .find(|i| i.endgrate_type == endgrate_type)
    }
}

/// The whole seeded catalog, loaded once.
#[derive(Debug)]
pub struct Catalog {
    /// Providers in display order.
    pub providers: Vec<Provider>,
    /// endgrate_type → schema defaults; its keys are the known endgrate_types.
    pub schemas: BTreeMap<String, SchemaDef>,
}

impl Catalog {
    /// Parses the compiled-in seed files.
    ///
    /// # Errors
    /// A message naming the file and entry when the seed data is malformed.
    pub fn load() -> Result<Self, String> {
        let mut raw_schemas: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(SCHEMAS_JSON).map_err(|e| format!("schemas.json: {e}"))?;
        raw_schemas.remove("_doc");
        let mut schemas = BTreeMap::new();
        for (name, value) in raw_schemas {
            let raw: RawSchema =
                serde_json::from_value(value).map_err(|e| format!("schemas.json {name}: {e}"))?;
            let fields =
                parse_fields(&raw.fields).map_err(|e| format!("schemas.json {name}: {e}"))?;
            schemas.insert(
                name,
                SchemaDef {
                    display_name: raw.display_name,
                    fields,
                },
            );
        }

        let file: ProvidersFile =
            serde_json::from_str(PROVIDERS_JSON).map_err(|e| format!("providers.json: {e}"))?;
        let mut providers = Vec::new();
        for raw in file.providers {
            providers.push(build_provider(raw, &schemas)?);
        }
        Ok(Catalog { providers, schemas })
    }

    /// The provider named `name`.
    pub fn provider(&self, name: &str) -> Option<&Provider> {
        self.providers
            .iter()
            .find(|p| p.entry.provider.name == name)
    }

    /// Whether `endgrate_type` is one Endgrate documents.
    pub fn is_known_type(&self, endgrate_type: &str) -> bool {
        self.schemas.contains_key(endgrate_type)
    }

    /// The endgrate_types of a category (`CRM` → every `crm-*`).
    pub fn types_of_category(&self, category: &str) -> Vec<String> {
        let prefix = format!("{}-", category.to_ascii_lowercase());
        self.schemas
            .keys()
            .filter(|t| t.starts_with(&prefix))
            .cloned()
            .collect()
    }
}

fn build_provider(
    raw: RawProvider,
    schemas: &BTreeMap<String, SchemaDef>,
) -> Result<Provider, String> {
    let at = |what: &str| format!("providers.json {}: {what}", raw.name);
    let mut integrations = Vec::new();
    for (endgrate_type, directions) in &raw.integrations {
        let schema = schemas
            .get(endgrate_type)
            .ok_or_else(|| at(&format!("unknown type {endgrate_type}")))?;
        if !raw.fields.contains_key(endgrate_type) {
            return Err(at(&format!("no fields for {endgrate_type}")));
        }
        integrations.push(Integration {
            display_name: schema.display_name.clone(),
            endgrate_type: endgrate_type.clone(),
            supports_pull: directions.contains('r'),
            supports_push: directions.contains('w'),
            is_custom_object: false,
            supports_associations: directions.contains('a'),
        });
    }
    let mut fields = BTreeMap::new();
    for (endgrate_type, spec) in &raw.fields {
        let listed = parse_fields(spec).map_err(|e| at(&e))?;
        let listed = match raw.generated.get(endgrate_type) {
            Some(&total) => generated::extend_to(listed, total),
            None => listed,
        };
        fields.insert(endgrate_type.clone(), listed);
    }
    if let Some(t) = raw.generated.keys().find(|t| !raw.fields.contains_key(*t)) {
        return Err(at(&format!("generated fields for {t}, which lists none")));
    }
    Ok(Provider {
        entry: ProviderEntry {
            provider: ProviderInfo {
                image: Some(format!("/logos/{}.svg", raw.name)),
                name: raw.name,
                display_name: raw.display_name,
                url: Some(raw.url),
                auth_type: Some(raw.auth_type),
                specific: Some(serde_json::json!({}).into()),
                endgrate_provider_type: Some(raw.category),
            },
            integrations,
        },
        color: raw.color,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use widget_core::options::CATEGORIES;

    #[test]
    fn seed_has_at_least_40_providers_across_8_categories() {
        let catalog = Catalog::load().unwrap();
        assert!(catalog.providers.len() >= 40);
        let categories: BTreeSet<_> = catalog
            .providers
            .iter()
            .map(|p| p.entry.provider.endgrate_provider_type.clone().unwrap())
            .collect();
        assert!(categories.len() >= 8, "{categories:?}");
        for category in &categories {
            assert!(CATEGORIES.contains(&category.as_str()), "{category}");
        }
    }

    #[test]
    fn every_integration_has_provider_fields_and_a_direction() {
        let catalog = Catalog::load().unwrap();
        for provider in &catalog.providers {
            for integration in &provider.entry.integrations {
                let fields = &provider.fields[&integration.endgrate_type];
                assert!(
                    !fields.is_empty(),
                    "{} {}",
                    provider.entry.provider.name,
                    integration.endgrate_type
                );
                assert!(integration.supports_pull || integration.supports_push);
            }
        }
    }

    #[test]
    fn provider_names_are_unique_url_safe_ids() {
        let catalog = Catalog::load().unwrap();
        let mut seen = BTreeSet::new();
        for provider in &catalog.providers {
            let name = &provider.entry.provider.name;
            assert!(seen.insert(name.clone()), "duplicate {name}");
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "{name}"
            );
        }
    }

    #[test]
    fn two_providers_have_contact_objects_at_real_world_size() {
        let catalog = Catalog::load().unwrap();
        for (name, total) in [("atlascrm", 450), ("summitcrm", 1_200)] {
            let fields = &catalog.provider(name).unwrap().fields["crm-contact"];
            assert_eq!(fields.len(), total, "{name}");
            let custom = fields.iter().filter(|f| f.custom).count();
            assert!(custom * 10 >= total * 9, "{name}: mostly custom ({custom})");
            assert!(fields.iter().filter(|f| f.required).count() >= 3, "{name}");
            assert!(fields.iter().any(|f| f.name.eq_ignore_ascii_case("email")));
        }
    }

    #[test]
    fn category_expands_to_its_types() {
        let catalog = Catalog::load().unwrap();
        let crm = catalog.types_of_category("CRM");
        assert!(crm.contains(&"crm-contact".to_string()));
        assert!(crm.iter().all(|t| t.starts_with("crm-")));
    }
}
