//! The wizard's data: per-schema choices and the derivations every transition shares (which
//! steps are visible, which providers qualify, what blocks a step, the body to send). No events
//! are handled here; `mod.rs` holds every transition.

use super::{MappingIssue, Step, Wizard};
use crate::ids::{FieldName, ProviderName, ResourceId, SchemaKey};
use crate::mapping::{suggest, types_compatible};
use crate::options::SessionOptions;
use crate::request::{build_initiate_body, resource_name, ChosenSchema};
use crate::sorted::{SortedMap, SortedSet};
use crate::wire::{
    Field, FieldChoice, InitiateBody, Integration, Method, ProviderEntry, Schema, UpsertSetting,
};

/// One mapped (or unmapped) schema field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldMapping {
    pub provider_field: Option<FieldName>,
    pub suggested: bool,
    pub upsert: UpsertSetting,
}

/// A schema offered for the chosen provider, with the user's choices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SchemaState {
    pub key: SchemaKey,
    pub entry: Schema,
    pub display_name: String,
    /// A provider custom object offered by `passthrough_schemas`.
    pub custom: bool,
    /// The provider's integration for this schema; `None` when unsupported.
    pub integration: Option<Integration>,
    pub selected: bool,
    pub method: Method,
    pub resource: Option<ResourceId>,
    /// `(schema fields, provider fields)` once loaded.
    pub fields: Option<(Vec<Field>, Vec<Field>)>,
    pub mapping: SortedMap<FieldName, FieldMapping>,
    pub passthrough: SortedSet<FieldName>,
}

impl SchemaState {
    pub fn directions(&self) -> Vec<Method> {
        let Some(i) = &self.integration else {
            return vec![];
        };
        let mut out = Vec::new();
        if i.supports_pull {
            out.push(Method::Import);
        }
        if i.supports_push {
            out.push(Method::Export);
        }
        out
    }

    /// The one integration offered in the chosen direction, if any: the default choice, and the
    /// only one a pick may name.
    pub fn resource_id(&self) -> Option<ResourceId> {
        let i = self.integration.as_ref()?;
        ResourceId::new(resource_name(&i.display_name, self.method))
    }

    pub fn schema_field(&self, name: &FieldName) -> Option<&Field> {
        self.fields
            .as_ref()?
            .0
            .iter()
            .find(|f| f.name == name.as_str())
    }

    pub fn provider_field(&self, name: &FieldName) -> Option<&Field> {
        self.fields
            .as_ref()?
            .1
            .iter()
            .find(|f| f.name == name.as_str())
    }

    /// Maps `field` to `provider_field` if both exist and the types agree, taking the provider
    /// field from any other schema field first (a provider field serves one schema field).
    pub fn map_field(
        &mut self,
        field: &FieldName,
        provider_field: Option<FieldName>,
        suggested: bool,
    ) -> bool {
        let Some(schema_field) = self.schema_field(field).cloned() else {
            return false;
        };
        if let Some(pf) = &provider_field {
            match self.provider_field(pf) {
                Some(p) if types_compatible(&schema_field, p) => {}
                _ => return false,
            }
            for (_, m) in self.mapping.iter_mut() {
                if m.provider_field.as_ref() == Some(pf) {
                    m.provider_field = None;
                    m.suggested = false;
                }
            }
            self.passthrough.remove(pf);
        }
        match self.mapping.get_mut(field) {
            Some(m) => {
                m.provider_field = provider_field;
                m.suggested = suggested;
            }
            None => return false,
        }
        true
    }

    /// Installs loaded fields: empty rows for every schema field, then suggestions.
    pub fn install_fields(
        &mut self,
        schema_fields: Vec<Field>,
        provider_fields: Vec<Field>,
        upsert: UpsertSetting,
    ) {
        let suggestions = suggest(&schema_fields, &provider_fields);
        self.mapping = schema_fields
            .iter()
            .zip(&suggestions)
            .filter_map(|(f, s)| {
                let name = FieldName::new(f.name.as_str())?;
                let provider_field =
                    s.and_then(|j| FieldName::new(provider_fields[j].name.as_str()));
                Some((
                    name,
                    FieldMapping {
                        suggested: provider_field.is_some(),
                        provider_field,
                        upsert,
                    },
                ))
            })
            .collect();
        self.passthrough.clear();
        self.fields = Some((schema_fields, provider_fields));
    }
}

impl Wizard {
    /// The user-facing steps for this session, in order.
    pub(crate) fn steps_for(session: &SessionOptions) -> Vec<Step> {
        let mut steps = Vec::with_capacity(5);
        if session.provider.is_none() {
            steps.push(Step::Provider);
        }
        if session.schema_selection() || session.passthrough_schemas() {
            steps.push(Step::Schemas);
        }
        if session.resource_selection() {
            steps.push(Step::Resources);
        }
        if session.field_selection() {
            steps.push(Step::Mapping);
        }
        steps.push(Step::Review);
        steps
    }

    pub(crate) fn provider_entry(&self, name: &ProviderName) -> Option<&ProviderEntry> {
        self.catalog
            .iter()
            .flatten()
            .find(|e| e.provider.name == name.as_str())
    }

    pub(crate) fn schema_mut(&mut self, key: &SchemaKey) -> Option<&mut SchemaState> {
        self.schemas.iter_mut().find(|s| &s.key == key)
    }

    /// What blocks leaving `step`.
    pub(crate) fn issues_for(&self, step: Step) -> Vec<MappingIssue> {
        let mut issues = Vec::new();
        let selected = || self.schemas.iter().filter(|s| s.selected);
        match step {
            Step::Provider => {
                if self.catalog.is_none() {
                    issues.push(MappingIssue::CatalogNotLoaded);
                } else if self.provider.is_none() {
                    issues.push(MappingIssue::NoProvider);
                }
            }
            Step::Schemas => {
                if self.catalog.is_none() {
                    issues.push(MappingIssue::CatalogNotLoaded);
                } else if selected().next().is_none() {
                    issues.push(MappingIssue::NoSchemaSelected);
                }
            }
            Step::Resources => {
                for s in selected().filter(|s| s.resource.is_none()) {
                    issues.push(MappingIssue::NoResource {
                        schema: s.key.clone(),
                    });
                }
            }
            Step::Mapping => {
                for s in selected() {
                    let Some((schema_fields, _)) = &s.fields else {
                        issues.push(MappingIssue::FieldsNotLoaded {
                            schema: s.key.clone(),
                        });
                        continue;
                    };
                    for f in schema_fields.iter().filter(|f| f.required) {
                        let mapped = FieldName::new(f.name.as_str())
                            .and_then(|n| s.mapping.get(&n))
                            .is_some_and(|m| m.provider_field.is_some());
                        if !mapped {
                            let field = FieldName::new(f.name.as_str());
                            issues.extend(field.map(|field| MappingIssue::RequiredFieldUnmapped {
                                schema: s.key.clone(),
                                field,
                            }));
                        }
                    }
                }
            }
            Step::Review => {
                if self.catalog.is_none() {
                    issues.push(MappingIssue::CatalogNotLoaded);
                }
                if self.provider.is_none() {
                    issues.push(MappingIssue::NoProvider);
                }
                for earlier in self
                    .visible_steps()
                    .into_iter()
                    .filter(|s| *s != Step::Review && *s != Step::Provider)
                {
                    issues.extend(self.issues_for(earlier));
                }
                if !self.visible_steps().contains(&Step::Schemas)
                    && selected().next().is_none()
                    && self.catalog.is_some()
                {
                    issues.push(MappingIssue::NoSchemaSelected);
                }
            }
            _ => {}
        }
        issues
    }

    /// The choices as the request module takes them.
    pub(crate) fn chosen(&self) -> Vec<ChosenSchema> {
        let s = &self.options.session;
        self.schemas
            .iter()
            .filter(|x| x.selected)
            .map(|x| ChosenSchema {
                schema: x.entry.clone(),
                key: x.key.as_str().to_owned(),
                method: x.method,
                integration: if s.resource_selection() {
                    x.resource.as_ref().map(|r| r.as_str().to_owned())
                } else {
                    None
                },
                fields: if s.field_selection() {
                    x.mapping
                        .iter()
                        .filter_map(|(name, m)| {
                            let provider_field = m.provider_field.as_ref()?.as_str().to_owned();
                            let upsert = (x.method == Method::Export).then_some(m.upsert);
                            Some((
                                name.as_str().to_owned(),
                                FieldChoice {
                                    provider_field,
                                    upsert,
                                },
                            ))
                        })
                        .collect()
                } else {
                    SortedMap::new()
                },
                passthrough_fields: if s.field_selection() && s.passthrough_fields() {
                    x.passthrough
                        .iter()
                        .map(|f| f.as_str().to_owned())
                        .collect()
                } else {
                    vec![]
                },
            })
            .collect()
    }

    /// The body the current choices would send, once a provider is chosen.
    pub fn request_body(&self) -> Option<InitiateBody> {
        let provider = self.provider.as_ref()?;
        Some(build_initiate_body(
            &self.options.session,
            provider,
            &self.chosen(),
        ))
    }
}
