//! The wizard's data: per-schema choices and the derivations every transition shares (which
//! steps are visible, which providers qualify, what blocks a step, the body to send). No events
//! are handled here; `mod.rs` holds every transition.

use super::{MappingIssue, Step, Wizard};
use crate::ids::{FieldName, ProviderName, ResourceId, SchemaKey};
use crate::mapping::{suggest, types_compatible};
use crate::options::SessionOptions;
use crate::request::{build_initiate_body, resource_display_name, resource_name, ChosenSchema};
use crate::resources::{fields_type, matched_resource};
use crate::sorted::{SortedMap, SortedSet};
use crate::wire::{
    Field, FieldChoice, InitiateBody, Integration, Method, MethodChoice, MethodChoices,
    ProviderEntry, Schema, UpsertSetting,
};

/// One mapped (or unmapped) schema field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldMapping {
    pub provider_field: Option<FieldName>,
    pub suggested: bool,
    pub upsert: UpsertSetting,
}

/// What one mapping choice took from another choice: the provider field one row took from
/// another row (which got the taker's old field in exchange when its type allows, else nothing)
/// or from passthrough. Kept, unpersisted, until the user makes another mapping choice, so it
/// can be shown, undone, and given back when the taker moves on (arrowing through a closed
/// select commits every option it passes).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Displacement {
    pub schema: SchemaKey,
    /// The app field whose choice took `taken`.
    pub taker: FieldName,
    /// The taker's mapping before: `(provider field, suggested)`.
    pub taker_before: (Option<FieldName>, bool),
    /// The provider field taken.
    pub taken: FieldName,
    pub from: Displaced,
}

/// Whom a [`Displacement`] took from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Displaced {
    /// Another row: its `suggested` flag before, and the provider field it holds now.
    Row {
        field: FieldName,
        suggested: bool,
        now: Option<FieldName>,
    },
    /// The passthrough list.
    Passthrough,
}

/// A schema offered for the chosen provider, with the user's choices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SchemaState {
    pub key: SchemaKey,
    pub entry: Schema,
    pub display_name: String,
    /// A provider custom object offered by `passthrough_schemas`.
    pub custom: bool,
    /// The provider's integrations that can serve this schema: the one of its endgrate_type (or
    /// custom object), or, for a schema given only by `title` with resource selection, every
    /// integration of the provider (the user picks which matches). Empty when unsupported.
    pub candidates: Vec<Integration>,
    /// Whether the user matches this schema to a provider resource ([`Self::candidates`] is the
    /// provider's whole list): the field catalog follows the resource picked.
    pub matched_by_user: bool,
    /// The chosen directions (a schema with none is not selected), each with its chosen
    /// integration: `None` until one is chosen where several fit.
    pub methods: SortedMap<Method, Option<ResourceId>>,
    /// `(schema fields, provider fields)` once loaded.
    pub fields: Option<(Vec<Field>, Vec<Field>)>,
    /// Per schema field, the provider field suggested when the fields arrived (kept after the
    /// user chooses otherwise, so the picker can still list it first).
    pub suggestions: Vec<Option<usize>>,
    pub mapping: SortedMap<FieldName, FieldMapping>,
    pub passthrough: SortedSet<FieldName>,
}

impl SchemaState {
    /// Whether it is synced in some direction.
    pub fn selected(&self) -> bool {
        !self.methods.is_empty()
    }

    /// Whether it is pushed, so each mapped field carries an upsert setting.
    pub fn pushed(&self) -> bool {
        self.methods.contains_key(&Method::Export)
    }

    /// The directions the provider supports for this schema, pull first.
    pub fn directions(&self) -> Vec<Method> {
        Method::ALL
            .into_iter()
            .filter(|m| self.candidates.iter().any(|i| i.supports(*m)))
            .collect()
    }

    /// The integrations that fit `method`: `(id, name people read, integration)`.
    pub fn resources(&self, method: Method) -> Vec<(ResourceId, String, &Integration)> {
        self.candidates
            .iter()
            .filter(|i| i.supports(method))
            .filter_map(|i| {
                let id = ResourceId::new(resource_name(&i.display_name, method))?;
                Some((id, resource_display_name(&i.display_name, method), i))
            })
            .collect()
    }

    /// The integration a direction starts with: the only one that fits, else none (the user
    /// picks).
    pub fn default_resource(&self, method: Method) -> Option<ResourceId> {
        match self.resources(method).as_slice() {
            [(id, _, _)] => Some(id.clone()),
            _ => None,
        }
    }

    /// Switches `method` on (with its default integration) or off; `false` when the provider
    /// does not support it or nothing changed.
    pub fn set_method(&mut self, method: Method, on: bool) -> bool {
        if !self.directions().contains(&method) || self.methods.contains_key(&method) == on {
            return false;
        }
        if on {
            let resource = self.default_resource(method);
            self.methods.insert(method, resource);
        } else {
            self.methods.remove(&method);
        }
        true
    }

    /// Every supported direction, or none.
    pub fn set_all_methods(&mut self, on: bool) {
        for m in self.directions() {
            self.set_method(m, on);
        }
    }

    /// The endgrate_type whose field catalog the mapping uses: the schema's own, else, for a
    /// schema matched by the user, the type of the resource picked (pull first), else the key.
    pub fn fields_type(&self) -> String {
        let picks = self
            .methods
            .iter()
            .filter_map(|(method, chosen)| Some((*method, chosen.as_ref()?.as_str())));
        let matched = self
            .matched_by_user
            .then(|| matched_resource(self.candidates.iter(), picks))
            .flatten();
        fields_type(&self.entry, matched)
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

    /// Whether `field` may be mapped to `provider_field`: both exist and the types agree.
    pub fn accepts(&self, field: &FieldName, provider_field: Option<&FieldName>) -> bool {
        let Some(schema_field) = self.schema_field(field) else {
            return false;
        };
        self.mapping.contains_key(field)
            && provider_field.is_none_or(|pf| {
                self.provider_field(pf)
                    .is_some_and(|p| types_compatible(schema_field, p))
            })
    }

    /// The app field whose row holds `provider_field`, other than `except`.
    pub fn holder(&self, provider_field: &FieldName, except: &FieldName) -> Option<FieldName> {
        self.mapping
            .iter()
            .find(|(name, m)| *name != except && m.provider_field.as_ref() == Some(provider_field))
            .map(|(name, _)| name.clone())
    }

    /// The user maps `field` to `provider_field`. A provider field another row holds is swapped:
    /// that row gets `field`'s old provider field when its type fits, else is unmapped; a field
    /// passed through leaves passthrough. Returns `None` when nothing changed, else what was
    /// taken (if anything), so the caller can show it and undo it.
    pub fn choose(
        &mut self,
        field: &FieldName,
        provider_field: Option<FieldName>,
    ) -> Option<Option<Displacement>> {
        let before = self.mapping.get(field)?;
        let taker_before = (before.provider_field.clone(), before.suggested);
        if taker_before.0 == provider_field {
            return None;
        }
        let holder = provider_field
            .as_ref()
            .and_then(|pf| self.holder(pf, field))
            .map(|other| {
                let suggested = self.mapping.get(&other).is_some_and(|m| m.suggested);
                (other, suggested)
            });
        let passed = provider_field
            .as_ref()
            .is_some_and(|pf| self.passthrough.contains(pf));
        if !self.map_field(field, provider_field.clone(), false) {
            return None;
        }
        let Some(taken) = provider_field else {
            return Some(None);
        };
        let from = if let Some((other, suggested)) = holder {
            // `map_field` refuses a type that does not fit, and leaves the row unmapped then.
            let now = taker_before
                .0
                .clone()
                .filter(|old| self.map_field(&other, Some(old.clone()), false));
            Displaced::Row {
                field: other,
                suggested,
                now,
            }
        } else if passed {
            Displaced::Passthrough
        } else {
            return Some(None);
        };
        Some(Some(Displacement {
            schema: self.key.clone(),
            taker: field.clone(),
            taker_before,
            taken,
            from,
        }))
    }

    /// Puts both rows (or the row and passthrough) back exactly as they were before `d`.
    pub fn undo(&mut self, d: &Displacement) {
        if let Some(m) = self.mapping.get_mut(&d.taker) {
            m.provider_field = d.taker_before.0.clone();
            m.suggested = d.taker_before.1;
        }
        match &d.from {
            Displaced::Row {
                field, suggested, ..
            } => {
                if let Some(m) = self.mapping.get_mut(field) {
                    m.provider_field = Some(d.taken.clone());
                    m.suggested = *suggested;
                }
            }
            Displaced::Passthrough => {
                self.passthrough.insert(d.taken.clone());
            }
        }
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
        self.suggestions = suggestions;
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
        let selected = || self.schemas.iter().filter(|s| s.selected());
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
                for s in selected() {
                    for (method, _) in s.methods.iter().filter(|(_, r)| r.is_none()) {
                        issues.push(MappingIssue::NoResource {
                            schema: s.key.clone(),
                            method: *method,
                        });
                    }
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
            .filter(|x| x.selected())
            .map(|x| ChosenSchema {
                schema: x.entry.clone(),
                key: x.key.as_str().to_owned(),
                methods: {
                    let mut methods = MethodChoices::default();
                    for (method, resource) in x.methods.iter() {
                        let integration = resource
                            .as_ref()
                            .filter(|_| s.resource_selection())
                            .map(|r| r.as_str().to_owned());
                        methods.set(*method, Some(MethodChoice { integration }));
                    }
                    methods
                },
                fields: if s.field_selection() {
                    x.mapping
                        .iter()
                        .filter_map(|(name, m)| {
                            let provider_field = m.provider_field.as_ref()?.as_str().to_owned();
                            let upsert = x.pushed().then_some(m.upsert);
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
