//! The wizard: a pure state machine, `update(&mut self, Event) -> Vec<Command>`, for the whole
//! flow of design.md (provider, schemas, resources, mapping, review, submit). Every transition is
//! in the one `match` of [`Wizard::update`]; it performs no IO and holds no randomness (the shell
//! passes candidate idempotency keys in).
//!
//! Invariants: at most one submission in flight; a submission intent keeps one idempotency key
//! across retries (a new one only when the body changes or the user starts over); exactly one
//! terminal host event (`Success` or `Exit`) per flow; events that do not fit the current state
//! are ignored rather than trusted.

mod catalog;
mod effects;
mod model;
mod persist;
mod types;
mod view;

pub use persist::{
    load_persisted, Pending, PersistedField, PersistedMethod, PersistedSchema, PersistedState,
    STATE_VERSION,
};
pub use types::{Command, Event, ExitReason, HostEvent, MappingIssue, Step};
pub use view::{
    FieldChoice, MappingNotice, MappingProgress, MappingState, ResourceView, ReviewSchema,
    RowFilter, SchemaView,
};

use crate::decode::Failure;
use crate::ids::{ProviderName, SessionId};
use crate::options::WidgetOptions;
use crate::search::SearchIndex;
use crate::wire::ProviderEntry;
use catalog::effective_schema_fields;
use model::{Displacement, SchemaState};

/// What Retry repeats after an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    Catalog,
    Fields,
    Submit,
}

/// The flow's whole state.
pub struct Wizard {
    options: WidgetOptions,
    step: Step,
    /// The qualifying providers, once loaded.
    catalog: Option<Vec<ProviderEntry>>,
    search: SearchIndex,
    query: String,
    category_filter: Option<String>,
    loading_catalog: bool,
    provider: Option<ProviderName>,
    schemas: Vec<SchemaState>,
    pending: Option<Pending>,
    error: Option<(Failure, Retry, Step)>,
    session_id: Option<SessionId>,
    restore_notice: bool,
    restored: Option<PersistedState>,
    /// The last mapping choice that took a field from another choice; transient (a reload
    /// keeps the choices, not the notice).
    displaced: Option<Displacement>,
}

impl Wizard {
    /// A fresh flow, and the commands that start it.
    pub fn new(options: WidgetOptions) -> (Wizard, Vec<Command>) {
        let first = Self::steps_for(&options.session)[0];
        let mut w = Wizard {
            provider: options.session.provider.clone(),
            options,
            step: first,
            catalog: None,
            search: SearchIndex::new([]),
            query: String::new(),
            category_filter: None,
            loading_catalog: false,
            schemas: Vec::new(),
            pending: None,
            error: None,
            session_id: None,
            restore_notice: false,
            restored: None,
            displaced: None,
        };
        let load = w.load_catalog();
        (w, vec![Command::Emit(HostEvent::Ready), load])
    }

    /// Applies one event; returns what the shell must do, in order.
    pub fn update(&mut self, event: Event) -> Vec<Command> {
        if self.step.is_terminal() {
            return vec![];
        }
        let mut out = Vec::new();
        let before = self.step;
        match event {
            Event::CatalogLoaded(response) if self.loading_catalog => {
                self.on_catalog(response, &mut out)
            }
            Event::CatalogFailed(failure) if self.loading_catalog => {
                self.loading_catalog = false;
                // A restored in-flight submission outranks the catalog; the catalog is reloaded
                // when the user next enters a step.
                if self.step != Step::Submitting {
                    self.fail(failure, Retry::Catalog, &mut out);
                }
            }
            Event::SearchChanged { query } => self.query = query.chars().take(200).collect(),
            Event::CategoryFilterChosen { category } => self.category_filter = category,
            Event::ProviderPicked { provider } if self.step == Step::Provider => {
                let qualifies = self.provider_entry(&provider).is_some();
                if qualifies && self.provider.as_ref() != Some(&provider) {
                    self.provider = Some(provider);
                    self.rebuild_schemas();
                    out.push(Command::Persist);
                }
            }
            Event::SchemaToggled { schema } if self.step == Step::Schemas => {
                let free = self.options.session.schema_selection();
                if let Some(s) = self
                    .schema_mut(&schema)
                    .filter(|s| !s.candidates.is_empty() && (free || s.custom))
                {
                    let on = !s.selected();
                    s.set_all_methods(on);
                    out.push(Command::Persist);
                }
            }
            Event::DirectionToggled { schema, method } if self.step == Step::Schemas => {
                let free = self.options.session.schema_selection();
                if let Some(s) = self.schema_mut(&schema).filter(|s| free || s.custom) {
                    let on = !s.methods.contains_key(&method);
                    if s.set_method(method, on) {
                        out.push(Command::Persist);
                    }
                }
            }
            Event::ResourcePicked {
                schema,
                method,
                resource,
            } if self.step == Step::Resources => {
                if let Some(s) = self.schema_mut(&schema).filter(|s| {
                    s.methods.contains_key(&method)
                        && s.resources(method).iter().any(|(id, _, _)| *id == resource)
                }) {
                    let before = s.fields_type();
                    s.methods.insert(method, Some(resource));
                    if s.fields_type() != before {
                        // The user matched the schema to another provider object: its fields
                        // are that object's.
                        s.fields = None;
                        s.mapping = Default::default();
                        s.passthrough.clear();
                    }
                    out.push(Command::Persist);
                }
            }
            Event::FieldsLoaded {
                provider,
                schema,
                endgrate_type,
                fields,
            } if self.provider.as_ref() == Some(&provider) => {
                let upsert = self.options.session.upsert_default();
                // Not an answer for a resource the user has since matched the schema away from.
                let current =
                    |s: &&mut SchemaState| s.fields.is_none() && s.fields_type() == endgrate_type;
                if let Some(s) = self.schema_mut(&schema).filter(current) {
                    let schema_fields = effective_schema_fields(&s.entry, fields.schema_fields);
                    s.install_fields(schema_fields, fields.provider_fields, upsert);
                    self.apply_restored_fields(&schema);
                    out.push(Command::Persist);
                }
            }
            Event::FieldsFailed { schema, failure }
                if self.step == Step::Mapping
                    && self
                        .schemas
                        .iter()
                        .any(|s| s.key == schema && s.fields.is_none()) =>
            {
                self.fail(failure, Retry::Fields, &mut out);
            }
            Event::FieldMapped {
                schema,
                field,
                provider_field,
            } if self.step == Step::Mapping => {
                let last = self.displaced.take();
                let mut changed = false;
                if let Some(s) = self
                    .schema_mut(&schema)
                    .filter(|s| s.accepts(&field, provider_field.as_ref()))
                {
                    // The same row choosing again replaces its last choice whole, the field it
                    // took included: arrowing through a select takes nothing for good.
                    if let Some(d) = last.filter(|d| d.schema == schema && d.taker == field) {
                        s.undo(&d);
                        changed = true;
                    }
                    if let Some(taken) = s.choose(&field, provider_field) {
                        changed = true;
                        self.displaced = taken;
                    }
                }
                out.extend(changed.then_some(Command::Persist));
            }
            Event::MappingUndoClicked if self.step == Step::Mapping => {
                if let Some(d) = self.displaced.take() {
                    if let Some(s) = self.schema_mut(&d.schema) {
                        s.undo(&d);
                        out.push(Command::Persist);
                    }
                }
            }
            Event::UpsertChosen {
                schema,
                field,
                upsert,
            } if self.step == Step::Mapping => {
                let s = self.schema_mut(&schema).filter(|s| s.pushed());
                if let Some(m) = s.and_then(|s| s.mapping.get_mut(&field)) {
                    m.upsert = upsert;
                    out.push(Command::Persist);
                }
            }
            Event::PassthroughToggled {
                schema,
                provider_field,
            } if self.step == Step::Mapping => {
                self.displaced = None;
                let allowed = self.options.session.passthrough_fields();
                if let Some(s) = self.schema_mut(&schema).filter(|_| allowed) {
                    let custom = s.provider_field(&provider_field).is_some_and(|f| f.custom);
                    let mapped = s
                        .mapping
                        .values()
                        .any(|m| m.provider_field.as_ref() == Some(&provider_field));
                    if custom && !mapped {
                        if !s.passthrough.remove(&provider_field) {
                            s.passthrough.insert(provider_field);
                        }
                        out.push(Command::Persist);
                    }
                }
            }
            Event::NextClicked => {
                let steps = self.visible_steps();
                let at = steps.iter().position(|s| *s == self.step);
                if let Some(next) = at.and_then(|i| steps.get(i + 1)) {
                    if self.issues_for(self.step).is_empty() {
                        self.enter(*next, &mut out);
                    }
                }
            }
            Event::BackClicked => {
                let steps = self.visible_steps();
                if self.step == Step::Error {
                    let back = self.error.take().map_or(Step::Review, |e| e.2);
                    self.enter(back, &mut out);
                } else if let Some(i) = steps
                    .iter()
                    .position(|s| *s == self.step)
                    .filter(|i| *i > 0)
                {
                    self.enter(steps[i - 1], &mut out);
                }
            }
            Event::StepChosen { step } => {
                let steps = self.visible_steps();
                let current = steps.iter().position(|s| *s == self.step);
                let target = steps.iter().position(|s| *s == step);
                if let (Some(c), Some(t)) = (current, target) {
                    if t < c {
                        self.enter(step, &mut out);
                    }
                }
            }
            Event::SubmitClicked { candidate_key } if self.step == Step::Review => {
                if let (true, Some(body)) = (
                    self.issues_for(Step::Review).is_empty(),
                    self.request_body(),
                ) {
                    let key = match self.pending.take() {
                        Some(p) if p.body == body => p.idempotency_key,
                        _ => candidate_key,
                    };
                    self.pending = Some(Pending {
                        body,
                        idempotency_key: key,
                    });
                    self.submit(&mut out);
                }
            }
            Event::SubmitFinished(result) if self.step == Step::Submitting => match result {
                Ok(session_id) => self.succeed(session_id, &mut out),
                Err(failure) => self.fail(failure, Retry::Submit, &mut out),
            },
            Event::RetryClicked if self.step == Step::Error => match self.error.take() {
                Some((_, Retry::Catalog, back)) => {
                    self.step = back;
                    out.push(self.load_catalog());
                }
                Some((_, Retry::Fields, back)) => {
                    self.step = back;
                    self.load_missing_fields(&mut out);
                }
                Some((_, Retry::Submit, _)) if self.pending.is_some() => self.submit(&mut out),
                other => self.error = other,
            },
            Event::StartOverClicked if matches!(self.step, Step::Error | Step::Review) => {
                self.pending = None;
                self.error = None;
                let first = self.visible_steps()[0];
                self.enter(first, &mut out);
            }
            Event::ExitClicked if self.step != Step::Submitting => {
                self.exit(ExitReason::UserClosed, &mut out)
            }
            Event::Destroyed => self.exit(ExitReason::Destroyed, &mut out),
            // Anything else does not fit the current state (a stale answer, a click on a control
            // that should not be there): ignoring it keeps the invariants.
            _ => {}
        }
        if self.step != Step::Mapping {
            self.displaced = None;
        }
        if self.step != before
            && !out
                .iter()
                .any(|c| matches!(c, Command::Emit(HostEvent::StepChanged { .. })))
        {
            // The terminal event is the flow's last word to the host: the step change goes first.
            let terminal = out.iter().position(|c| {
                matches!(
                    c,
                    Command::Emit(HostEvent::Success { .. } | HostEvent::Exit { .. })
                )
            });
            out.insert(terminal.unwrap_or(out.len()), self.step_changed());
        }
        out
    }
}
