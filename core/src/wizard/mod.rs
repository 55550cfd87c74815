//! The wizard: a pure state machine, `update(&mut self, Event) -> Vec<Command>`, for the whole
//! flow of design.md (provider, schemas, resources, mapping, review, submit). Every transition is
//! in the one `match` of [`Wizard::update`]; it performs no IO and holds no randomness (the shell
//! passes candidate idempotency keys in).
//!
//! Invariants: at most one submission in flight; a submission intent keeps one idempotency key
//! across retries (a new one only when the body changes or the user starts over); exactly one
//! terminal host event (`Success` or `Exit`) per flow; events that do not fit the current state
//! are ignored rather than trusted.

mod model;
mod persist;
mod types;
mod view;

pub use persist::{
    load_persisted, Pending, PersistedField, PersistedSchema, PersistedState, STATE_VERSION,
};
pub use types::{Command, Event, ExitReason, HostEvent, MappingIssue, Step};
pub use view::{MappingRow, ResourceView, ReviewSchema, SchemaView};

use crate::codes::ErrorCode;
use crate::decode::Failure;
use crate::ids::{ProviderName, SessionId};
use crate::options::{After, WidgetOptions};
use crate::search::SearchIndex;
use crate::url_check::set_query_param;
use crate::wire::{IntegrationsResponse, Method, ProviderEntry};
use model::{effective_schema_fields, provider_qualifies, schemas_for, SchemaState};

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
                    .filter(|s| s.integration.is_some() && (free || s.custom))
                {
                    s.selected = !s.selected;
                    out.push(Command::Persist);
                }
            }
            Event::DirectionChosen { schema, method } if self.step == Step::Schemas => {
                if let Some(s) = self
                    .schema_mut(&schema)
                    .filter(|s| s.directions().contains(&method))
                {
                    s.method = method;
                    s.resource = s.resources().first().map(|r| r.0.clone());
                    out.push(Command::Persist);
                }
            }
            Event::ResourcePicked { schema, resource } if self.step == Step::Resources => {
                if let Some(s) = self
                    .schema_mut(&schema)
                    .filter(|s| s.resources().iter().any(|r| r.0 == resource))
                {
                    s.resource = Some(resource);
                    out.push(Command::Persist);
                }
            }
            Event::FieldsLoaded {
                provider,
                schema,
                fields,
            } if self.provider.as_ref() == Some(&provider) => {
                let upsert = self.options.session.upsert_default();
                if let Some(s) = self.schema_mut(&schema).filter(|s| s.fields.is_none()) {
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
                let changed = self.schema_mut(&schema);
                let changed = changed.is_some_and(|s| s.map_field(&field, provider_field, false));
                out.extend(changed.then_some(Command::Persist));
            }
            Event::UpsertChosen {
                schema,
                field,
                upsert,
            } if self.step == Step::Mapping => {
                let s = self
                    .schema_mut(&schema)
                    .filter(|s| s.method == Method::Export);
                if let Some(m) = s.and_then(|s| s.mapping.get_mut(&field)) {
                    m.upsert = upsert;
                    out.push(Command::Persist);
                }
            }
            Event::PassthroughToggled {
                schema,
                provider_field,
            } if self.step == Step::Mapping => {
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
        if self.step != before
            && !out
                .iter()
                .any(|c| matches!(c, Command::Emit(HostEvent::StepChanged { .. })))
        {
            out.push(self.step_changed());
        }
        out
    }

    fn load_catalog(&mut self) -> Command {
        self.loading_catalog = true;
        let s = &self.options.session;
        Command::LoadCatalog {
            provider: s.provider.clone(),
            category: s.category.as_ref().map(|c| c.as_str().to_owned()),
            provider_list_id: s.provider_list_id.clone(),
        }
    }

    fn on_catalog(&mut self, response: IntegrationsResponse, out: &mut Vec<Command>) {
        self.loading_catalog = false;
        let session = &self.options.session;
        let providers: Vec<ProviderEntry> = response
            .providers
            .into_iter()
            .filter(|p| provider_qualifies(session, p))
            .collect();
        self.search = SearchIndex::new(&providers);
        self.catalog = Some(providers);
        let chosen = self.provider.clone();
        if let Some(name) = chosen {
            if self.provider_entry(&name).is_none() {
                if self.options.session.provider.is_some() {
                    let message = Some(format!(
                        "session.provider {name} is not in the catalog for this session"
                    ));
                    self.fail(
                        Failure {
                            code: ErrorCode::ConfigInvalid,
                            message,
                        },
                        Retry::Catalog,
                        out,
                    );
                    return;
                }
                self.provider = None;
            }
        }
        self.rebuild_schemas();
        self.apply_restored(out);
        // A preset provider can make Mapping the first step, entered before any catalog existed.
        if self.step == Step::Mapping
            && !out.iter().any(|c| matches!(c, Command::LoadFields { .. }))
        {
            self.load_missing_fields(out);
        }
    }

    fn rebuild_schemas(&mut self) {
        let entry = self
            .provider
            .clone()
            .and_then(|p| self.provider_entry(&p).cloned());
        self.schemas = entry
            .map(|e| schemas_for(&self.options.session, &e))
            .unwrap_or_default();
    }

    /// Moves to a user-facing step, loading field catalogs when entering Mapping.
    fn enter(&mut self, step: Step, out: &mut Vec<Command>) {
        self.step = step;
        if self.catalog.is_none() && !self.loading_catalog {
            out.push(self.load_catalog());
        }
        if step == Step::Mapping {
            self.load_missing_fields(out);
        }
        out.push(Command::Persist);
        out.push(self.step_changed());
    }

    fn load_missing_fields(&mut self, out: &mut Vec<Command>) {
        let Some(provider) = self.provider.clone() else {
            return;
        };
        for s in self
            .schemas
            .iter()
            .filter(|s| s.selected && s.fields.is_none())
        {
            let endgrate_type = s
                .entry
                .endgrate_type
                .clone()
                .unwrap_or_else(|| s.key.to_string());
            out.push(Command::LoadFields {
                provider: provider.clone(),
                endgrate_type,
                schema: s.key.clone(),
            });
        }
    }

    fn submit(&mut self, out: &mut Vec<Command>) {
        let Some(p) = &self.pending else { return };
        self.step = Step::Submitting;
        self.error = None;
        out.push(Command::Persist);
        out.push(self.step_changed());
        out.push(Command::Submit {
            body: p.body.clone(),
            idempotency_key: p.idempotency_key.clone(),
        });
    }

    fn succeed(&mut self, session_id: SessionId, out: &mut Vec<Command>) {
        self.step = Step::Done;
        self.session_id = Some(session_id.clone());
        // Persist before navigating so Back to this page shows "already connected" (R28).
        out.push(Command::Persist);
        out.push(Command::Emit(HostEvent::Success {
            session_id: session_id.clone(),
        }));
        let target = match self.options.after {
            After::Redirect => self
                .options
                .session
                .redirect_url
                .as_ref()
                .map(|r| r.as_str().to_owned()),
            After::Endgrate => Some(format!("{}/session", self.options.endgrate_origin)),
            After::None => None,
        };
        if let Some(base) = target {
            out.push(Command::Navigate {
                url: set_query_param(&base, "session_id", session_id.as_str()),
            });
        }
    }

    fn fail(&mut self, failure: Failure, retry: Retry, out: &mut Vec<Command>) {
        let back = match self.step {
            Step::Submitting | Step::Error => Step::Review,
            other => other,
        };
        out.push(Command::Emit(HostEvent::Error {
            code: failure.code,
            message: failure.message.clone(),
        }));
        self.error = Some((failure, retry, back));
        self.step = Step::Error;
        out.push(Command::Persist);
    }

    fn exit(&mut self, reason: ExitReason, out: &mut Vec<Command>) {
        self.step = Step::Exited;
        out.push(Command::Persist);
        out.push(Command::Emit(HostEvent::Exit { reason }));
    }

    fn step_changed(&self) -> Command {
        let (index, total) = self
            .step_position()
            .unwrap_or((0, self.visible_steps().len()));
        Command::Emit(HostEvent::StepChanged {
            step: self.step,
            index,
            total,
        })
    }
}
