//! Read accessors for the UI: everything a component renders, as borrows or small views. Reading
//! never changes state; components send events for that.

use super::model::Displaced;
use super::{MappingIssue, Step, Wizard};
use crate::decode::Failure;
use crate::ids::{FieldName, ResourceId, SchemaKey, SessionId};
use crate::mapping::types_compatible;
use crate::options::WidgetOptions;
use crate::search::SearchIndex;
use crate::wire::{Field, Method, ProviderEntry, UpsertSetting};

/// A schema as the Schemas step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaView<'a> {
    /// Its key.
    pub key: &'a SchemaKey,
    /// "Contact", or the schema's title.
    pub display_name: &'a str,
    /// Whether it will be synced.
    pub selected: bool,
    /// Whether the user may switch it (schema selection, or a custom object).
    pub toggleable: bool,
    /// Whether the provider supports it at all.
    pub supported: bool,
    /// A provider custom object (passthrough schema).
    pub custom: bool,
    /// The directions the provider supports (pull = IMPORT, push = EXPORT), pull first.
    pub directions: Vec<Method>,
    /// The chosen directions, pull first; empty when not selected.
    pub methods: Vec<Method>,
    /// Whether it is pushed (the mapping shows an upsert choice per field).
    pub pushed: bool,
}

/// An integration the Resources step offers for one direction of a schema.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceView {
    /// Its name, e.g. `get-contacts` (what the request carries).
    pub id: ResourceId,
    /// The name people read, e.g. `Get Contacts`.
    pub display_name: String,
    /// Whether it is the chosen one.
    pub chosen: bool,
}

/// One app field's mapping as a closed row shows it, without the choices (an open picker's are
/// [`Wizard::field_choices`]), so reading every row costs the rows, not rows × provider fields.
#[derive(Debug, Clone, PartialEq)]
pub struct MappingState<'a> {
    /// The app's schema field.
    pub field: &'a Field,
    /// The chosen provider field.
    pub provider_field: Option<&'a Field>,
    /// Whether the choice is the automatic suggestion, untouched.
    pub suggested: bool,
    /// Whether the field must be mapped.
    pub required: bool,
    /// The upsert setting, for push schemas only.
    pub upsert: Option<UpsertSetting>,
}

/// A provider field the picker of one row lists for a query, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChoice<'a> {
    /// The provider field.
    pub field: &'a Field,
    /// The field suggested for this row when the fields arrived (listed first).
    pub suggested: bool,
    /// The app field of another row that holds it now (choosing it swaps).
    pub used_by: Option<&'a Field>,
    /// Whether it is passed through now: choosing it maps it instead.
    pub passed_through: bool,
}

/// How far one schema's mapping is: "12 of 40 mapped", and what still blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MappingProgress {
    /// App fields mapped to a provider field.
    pub mapped: usize,
    /// App fields.
    pub total: usize,
    /// Required app fields not mapped yet.
    pub required_left: usize,
    /// The position of the first of them.
    pub first_required_left: Option<usize>,
}

/// Which rows of a mapping table to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Text matched against the app fields' titles and keys (blank: all).
    pub query: String,
    /// Only rows without a provider field.
    pub unmapped_only: bool,
    /// Only required rows.
    pub required_only: bool,
}

/// The notice after a mapping choice took a provider field from another choice, with Undo.
#[derive(Debug, Clone, PartialEq)]
pub struct MappingNotice<'a> {
    /// The schema.
    pub schema: &'a SchemaKey,
    /// The app field whose choice took it.
    pub taker: &'a Field,
    /// The provider field taken.
    pub taken: &'a Field,
    /// The app field it was taken from; `None` when it was passed through.
    pub from: Option<&'a Field>,
    /// What that row holds now (the taker's old field, swapped), `None` when unmapped.
    pub given: Option<&'a Field>,
}

/// One schema in the review summary.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSchema<'a> {
    /// Its key.
    pub key: &'a SchemaKey,
    /// Its display name.
    pub display_name: &'a str,
    /// Each chosen direction, pull first, with the display name of its integration when
    /// resources were offered (e.g. `Get Contacts`).
    pub methods: Vec<(Method, Option<String>)>,
    /// `(schema field, provider field, upsert when pushed)` for every mapped field.
    pub fields: Vec<(&'a Field, &'a Field, Option<UpsertSetting>)>,
    /// Chosen passthrough fields.
    pub passthrough: Vec<&'a Field>,
}

/// Finds fields by name with one binary search each, sorted once: for reading every row of a
/// table with hundreds of fields on each side.
fn by_name<'a>(fields: &'a [Field]) -> impl Fn(&str) -> Option<&'a Field> {
    let mut sorted: Vec<&'a Field> = fields.iter().collect();
    sorted.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    move |name| {
        let at = sorted.partition_point(|f| f.name.as_str() < name);
        sorted.get(at).copied().filter(|f| f.name == name)
    }
}

impl Wizard {
    /// The current step.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The options the flow runs with.
    pub fn options(&self) -> &WidgetOptions {
        &self.options
    }

    /// The user-facing steps for this session, in order (Review last).
    pub fn visible_steps(&self) -> Vec<Step> {
        Self::steps_for(&self.options.session)
    }

    /// `(1-based index, total)` of the current step, for "step 2 of 5"; `None` outside the steps.
    pub fn step_position(&self) -> Option<(usize, usize)> {
        let steps = self.visible_steps();
        steps
            .iter()
            .position(|s| *s == self.step)
            .map(|i| (i + 1, steps.len()))
    }

    /// Providers that qualify for the session (category, endgrate_types), in catalog order.
    pub fn catalog_providers(&self) -> &[ProviderEntry] {
        self.catalog.as_deref().unwrap_or_default()
    }

    /// The providers to list: qualifying, in the chosen category chip, matching the search.
    pub fn visible_providers(&self) -> Vec<&ProviderEntry> {
        let all = self.catalog_providers();
        self.visible_provider_indices()
            .into_iter()
            .map(|i| &all[i])
            .collect()
    }

    /// [`Self::visible_providers`] as indices into [`Self::catalog_providers`], best first: for a
    /// list that builds each provider once and only reorders them.
    pub fn visible_provider_indices(&self) -> Vec<usize> {
        let all = self.catalog_providers();
        let mut out = self.search.search(&self.query);
        out.retain(|&i| {
            self.category_filter.as_deref().is_none_or(|c| {
                all[i]
                    .provider
                    .endgrate_provider_type
                    .as_deref()
                    .is_some_and(|t| t.eq_ignore_ascii_case(c))
            })
        });
        out
    }

    /// Categories present among qualifying providers, for filter chips.
    pub fn categories(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .catalog_providers()
            .iter()
            .filter_map(|p| p.provider.endgrate_provider_type.as_deref())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The search text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The chosen category chip.
    pub fn category_filter(&self) -> Option<&str> {
        self.category_filter.as_deref()
    }

    /// The chosen provider's catalog entry.
    pub fn selected_provider(&self) -> Option<&ProviderEntry> {
        self.provider.as_ref().and_then(|p| self.provider_entry(p))
    }

    /// The schemas offered for the chosen provider.
    pub fn schemas(&self) -> Vec<SchemaView<'_>> {
        let free = self.options.session.schema_selection();
        self.schemas
            .iter()
            .map(|s| SchemaView {
                key: &s.key,
                display_name: &s.display_name,
                selected: s.selected(),
                toggleable: !s.candidates.is_empty() && (free || s.custom),
                supported: !s.candidates.is_empty(),
                custom: s.custom,
                directions: s.directions(),
                methods: s.methods.iter().map(|(m, _)| *m).collect(),
                pushed: s.pushed(),
            })
            .collect()
    }

    /// The integrations that fit one chosen direction of a schema (one entry: stated, not
    /// asked); empty when the schema is not synced in that direction.
    pub fn resources(&self, schema: &SchemaKey, method: Method) -> Vec<ResourceView> {
        let Some(s) = self.schemas.iter().find(|s| &s.key == schema) else {
            return vec![];
        };
        let Some(chosen) = s.methods.get(&method) else {
            return vec![];
        };
        s.resources(method)
            .into_iter()
            .map(|(id, display_name, _)| ResourceView {
                chosen: chosen.as_ref() == Some(&id),
                id,
                display_name,
            })
            .collect()
    }

    /// Selected schemas, in order (the mapping step shows one table each).
    pub fn selected_schemas(&self) -> Vec<&SchemaKey> {
        self.schemas
            .iter()
            .filter(|s| s.selected())
            .map(|s| &s.key)
            .collect()
    }

    /// Every row of a schema's mapping table without its choices, in schema order; empty until
    /// its fields load. What a closed row shows; [`Wizard::field_choices`] lists an open one's.
    pub fn mapping_states(&self, schema: &SchemaKey) -> Vec<MappingState<'_>> {
        let Some(s) = self.schemas.iter().find(|s| &s.key == schema) else {
            return vec![];
        };
        let Some((schema_fields, provider_fields)) = &s.fields else {
            return vec![];
        };
        let provider_field = by_name(provider_fields);
        let find = |name: &FieldName| provider_field(name.as_str());
        schema_fields
            .iter()
            .map(|field| {
                let m = FieldName::new(field.name.as_str()).and_then(|n| s.mapping.get(&n));
                let chosen = m.and_then(|m| m.provider_field.as_ref());
                MappingState {
                    field,
                    provider_field: chosen.and_then(find),
                    suggested: m.is_some_and(|m| m.suggested && m.provider_field.is_some()),
                    required: field.required,
                    upsert: s.pushed().then(|| m.map(|m| m.upsert).unwrap_or_default()),
                }
            })
            .collect()
    }

    /// A schema's provider fields, in the provider's order; empty until they load.
    pub fn provider_fields(&self, schema: &SchemaKey) -> &[Field] {
        self.schemas
            .iter()
            .find(|s| &s.key == schema)
            .and_then(|s| s.fields.as_ref())
            .map_or(&[], |(_, p)| p.as_slice())
    }

    /// A schema's app fields, in schema order; empty until they load.
    pub fn schema_fields(&self, schema: &SchemaKey) -> &[Field] {
        self.schemas
            .iter()
            .find(|s| &s.key == schema)
            .and_then(|s| s.fields.as_ref())
            .map_or(&[], |(f, _)| f.as_slice())
    }

    /// The provider fields row `row` (a position in the schema's fields) may choose that match
    /// `query`, ranked by the one search ([`SearchIndex`], over `index`, built once from
    /// [`Wizard::provider_fields`]), the row's suggestion first while it matches as well as
    /// the best; compatible types only.
    pub fn field_choices(
        &self,
        schema: &SchemaKey,
        row: usize,
        query: &str,
        index: &SearchIndex,
    ) -> Vec<FieldChoice<'_>> {
        let Some(s) = self.schemas.iter().find(|s| &s.key == schema) else {
            return vec![];
        };
        let Some((schema_fields, provider_fields)) = &s.fields else {
            return vec![];
        };
        let Some(field) = schema_fields.get(row) else {
            return vec![];
        };
        if index.len() != provider_fields.len() {
            return vec![];
        }
        let mut holders: Vec<(&str, &Field)> = schema_fields
            .iter()
            .filter(|f| f.name != field.name)
            .filter_map(|f| {
                let m = s.mapping.get(&FieldName::new(f.name.as_str())?)?;
                Some((m.provider_field.as_ref()?.as_str(), f))
            })
            .collect();
        holders.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let holder = |name: &str| {
            let at = holders.partition_point(|(p, _)| *p < name);
            holders.get(at).filter(|(p, _)| *p == name).map(|(_, f)| *f)
        };
        let suggestion = s.suggestions.get(row).copied().flatten();
        let mut hits =
            index.search_among_kinds(query, |j| types_compatible(field, &provider_fields[j]));
        // The suggestion leads while it matches as well as the best (always, before the user
        // types); a suggestion matching only by a typo does not push a prefix match down.
        let best = hits.first().and_then(|h| h.1);
        if let Some(at) = hits.iter().position(|h| Some(h.0) == suggestion) {
            if hits[at].1 == best {
                hits[..=at].rotate_right(1);
            }
        }
        hits.into_iter()
            .map(|(j, _)| {
                let p = &provider_fields[j];
                FieldChoice {
                    field: p,
                    suggested: Some(j) == suggestion,
                    used_by: holder(&p.name),
                    passed_through: s.passthrough.contains(p.name.as_str()),
                }
            })
            .collect()
    }

    /// How far a schema's mapping is; all zero until its fields load.
    pub fn mapping_progress(&self, schema: &SchemaKey) -> MappingProgress {
        let mut out = MappingProgress::default();
        for (i, row) in self.mapping_states(schema).iter().enumerate() {
            out.total += 1;
            if row.provider_field.is_some() {
                out.mapped += 1;
            } else if row.required {
                out.required_left += 1;
                out.first_required_left.get_or_insert(i);
            }
        }
        out
    }

    /// Whether each row of a schema's table passes `filter`, in schema order; `index` is
    /// [`SearchIndex::fields`] over [`Wizard::schema_fields`].
    pub fn rows_shown(
        &self,
        schema: &SchemaKey,
        filter: &RowFilter,
        index: &SearchIndex,
    ) -> Vec<bool> {
        let states = self.mapping_states(schema);
        let mut matched = vec![filter.query.trim().is_empty(); states.len()];
        if !filter.query.trim().is_empty() && index.len() == states.len() {
            for i in index.search(&filter.query) {
                matched[i] = true;
            }
        }
        states
            .iter()
            .zip(matched)
            .map(|(row, matched)| {
                matched
                    && (!filter.unmapped_only || row.provider_field.is_none())
                    && (!filter.required_only || row.required)
            })
            .collect()
    }

    /// The notice of the last mapping choice that took another choice's field, until the user
    /// makes another mapping choice or leaves the step; [`super::Event::MappingUndoClicked`]
    /// undoes it.
    pub fn mapping_notice(&self) -> Option<MappingNotice<'_>> {
        let d = self.displaced.as_ref()?;
        let s = self.schemas.iter().find(|s| s.key == d.schema)?;
        let (from, given) = match &d.from {
            Displaced::Row { field, now, .. } => (
                Some(s.schema_field(field)?),
                now.as_ref().and_then(|n| s.provider_field(n)),
            ),
            Displaced::Passthrough => (None, None),
        };
        Some(MappingNotice {
            schema: &s.key,
            taker: s.schema_field(&d.taker)?,
            taken: s.provider_field(&d.taken)?,
            from,
            given,
        })
    }

    /// Provider custom fields not mapped, with whether each passes through; empty unless
    /// `passthrough_fields` is on.
    pub fn passthrough_candidates(&self, schema: &SchemaKey) -> Vec<(&Field, bool)> {
        if !self.options.session.passthrough_fields() {
            return vec![];
        }
        let Some(s) = self.schemas.iter().find(|s| &s.key == schema) else {
            return vec![];
        };
        let Some((_, provider_fields)) = &s.fields else {
            return vec![];
        };
        let mut mapped: Vec<&str> = s
            .mapping
            .values()
            .filter_map(|m| m.provider_field.as_ref().map(FieldName::as_str))
            .collect();
        mapped.sort_unstable();
        provider_fields
            .iter()
            .filter(|f| f.custom && mapped.binary_search(&f.name.as_str()).is_err())
            .map(|f| (f, s.passthrough.contains(f.name.as_str())))
            .collect()
    }

    /// What blocks Next (or Submit on Review) now.
    pub fn blocking_issues(&self) -> Vec<MappingIssue> {
        self.issues_for(self.step)
    }

    /// Every choice, for the Review step.
    pub fn review(&self) -> Vec<ReviewSchema<'_>> {
        self.schemas
            .iter()
            .filter(|s| s.selected())
            .map(|s| {
                // The mapping and passthrough only ever name fields of the schema's own lists.
                let (app, provider) = s
                    .fields
                    .as_ref()
                    .map_or((&[][..], &[][..]), |(a, p)| (a, p));
                let (app, provider) = (by_name(app), by_name(provider));
                ReviewSchema {
                    key: &s.key,
                    display_name: &s.display_name,
                    methods: s
                        .methods
                        .iter()
                        .map(|(method, chosen)| {
                            let name = s
                                .resources(*method)
                                .into_iter()
                                .find(|(id, _, _)| Some(id) == chosen.as_ref())
                                .map(|(_, name, _)| name)
                                .filter(|_| self.options.session.resource_selection());
                            (*method, name)
                        })
                        .collect(),
                    fields: s
                        .mapping
                        .iter()
                        .filter_map(|(f, m)| {
                            Some((
                                app(f.as_str())?,
                                provider(m.provider_field.as_ref()?.as_str())?,
                                s.pushed().then_some(m.upsert),
                            ))
                        })
                        .collect(),
                    passthrough: s
                        .passthrough
                        .iter()
                        .filter_map(|p| provider(p.as_str()))
                        .collect(),
                }
            })
            .collect()
    }

    /// Whether the catalog or a field catalog is loading.
    pub fn is_loading(&self) -> bool {
        let fields_pending = self.step == Step::Mapping
            && self
                .schemas
                .iter()
                .any(|s| s.selected() && s.fields.is_none());
        self.loading_catalog || fields_pending
    }

    /// Whether the initiate POST is in flight (Submit disabled, `aria-busy`).
    pub fn is_submitting(&self) -> bool {
        self.step == Step::Submitting
    }

    /// Whether the Error step offers Back: not when the step it would return to is the first
    /// (Back would only show the step that failed, with nothing before it).
    pub fn error_offers_back(&self) -> bool {
        let first = self.visible_steps().first().copied();
        self.error.as_ref().is_some_and(|e| Some(e.2) != first)
    }

    /// Whether success leaves the page: `after` names a destination that exists. With
    /// `after: "redirect"` and no `redirect_url` there is none, and the widget stays.
    pub fn leaves_after_success(&self) -> bool {
        self.navigation_base().is_some()
    }

    /// The failure shown in the Error step.
    pub fn error(&self) -> Option<&Failure> {
        self.error.as_ref().map(|e| &e.0)
    }

    /// The new session's id after success (never persisted).
    pub fn session_id(&self) -> Option<&SessionId> {
        self.session_id.as_ref()
    }

    /// Whether restored progress was partly or wholly discarded ("We couldn't restore…").
    pub fn restore_notice(&self) -> bool {
        self.restore_notice
    }
}
