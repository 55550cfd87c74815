//! The wizard's shared transition steps (load, enter a step, submit, succeed, fail, exit): each
//! changes state and appends the commands that go with it, so every path through
//! [`Wizard::update`] emits them alike. No event matching happens here.

use super::catalog::{provider_qualifies, schemas_for};
use super::{Command, ExitReason, HostEvent, Retry, Step, Wizard};
use crate::codes::ErrorCode;
use crate::decode::Failure;
use crate::ids::SessionId;
use crate::options::After;
use crate::search::SearchIndex;
use crate::url_check::set_query_param;
use crate::wire::{IntegrationsResponse, ProviderEntry};

impl Wizard {
    pub(super) fn load_catalog(&mut self) -> Command {
        self.loading_catalog = true;
        let s = &self.options.session;
        Command::LoadCatalog {
            provider: s.provider.clone(),
            category: s.category.as_ref().map(|c| c.as_str().to_owned()),
            provider_list_id: s.provider_list_id.clone(),
        }
    }

    pub(super) fn on_catalog(&mut self, response: IntegrationsResponse, out: &mut Vec<Command>) {
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

    pub(super) fn rebuild_schemas(&mut self) {
        let entry = self.provider.as_ref().and_then(|p| self.provider_entry(p));
        self.schemas = entry
            .map(|e| schemas_for(&self.options.session, e))
            .unwrap_or_default();
    }

    /// Moves to a user-facing step, loading field catalogs when entering Mapping.
    pub(super) fn enter(&mut self, step: Step, out: &mut Vec<Command>) {
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

    pub(super) fn load_missing_fields(&mut self, out: &mut Vec<Command>) {
        let Some(provider) = self.provider.clone() else {
            return;
        };
        for s in self
            .schemas
            .iter()
            .filter(|s| s.selected() && s.fields.is_none())
        {
            let endgrate_type = s.fields_type();
            out.push(Command::LoadFields {
                provider: provider.clone(),
                endgrate_type,
                schema: s.key.clone(),
            });
        }
    }

    pub(super) fn submit(&mut self, out: &mut Vec<Command>) {
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

    pub(super) fn succeed(&mut self, session_id: SessionId, out: &mut Vec<Command>) {
        self.step = Step::Done;
        self.session_id = Some(session_id.clone());
        // Persist before navigating so Back to this page shows "already connected" (R28).
        out.push(Command::Persist);
        out.push(Command::Emit(HostEvent::Success {
            session_id: session_id.clone(),
        }));
        if let Some(base) = self.navigation_base() {
            out.push(Command::Navigate {
                url: set_query_param(&base, "session_id", session_id.as_str()),
            });
        }
    }

    /// Where success navigates, before `session_id` is added: `None` for `after: "none"`, and
    /// for `after: "redirect"` without a `redirect_url` (the widget stays on its done screen).
    pub(super) fn navigation_base(&self) -> Option<String> {
        match self.options.after {
            After::Redirect => self
                .options
                .session
                .redirect_url
                .as_ref()
                .map(|r| r.as_str().to_owned()),
            After::Endgrate => Some(format!("{}/session", self.options.endgrate_origin)),
            After::None => None,
        }
    }

    pub(super) fn fail(&mut self, failure: Failure, retry: Retry, out: &mut Vec<Command>) {
        let back = match self.step {
            Step::Submitting | Step::Error => Step::Review,
            other => other,
        };
        out.push(Command::Emit(HostEvent::Error {
            code: failure.code,
            message: failure.message.clone(),
            field: None,
        }));
        self.error = Some((failure, retry, back));
        self.step = Step::Error;
        out.push(Command::Persist);
    }

    pub(super) fn exit(&mut self, reason: ExitReason, out: &mut Vec<Command>) {
        self.step = Step::Exited;
        out.push(Command::Persist);
        out.push(Command::Emit(HostEvent::Exit { reason }));
    }

    pub(super) fn step_changed(&self) -> Command {
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
