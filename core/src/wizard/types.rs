//! The wizard's vocabulary: steps, events (past tense, from the shell and the UI), commands
//! (imperative, for the shell), host events and blocking issues. Data only.

use crate::codes::ErrorCode;
use crate::decode::Failure;
use crate::ids::{FieldName, IdempotencyKey, ProviderName, ResourceId, SchemaKey, SessionId};
use crate::wire::{FieldsResponse, InitiateBody, IntegrationsResponse, Method, UpsertSetting};

/// Where the flow is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Pick a provider.
    Provider,
    /// Pick schemas and directions.
    Schemas,
    /// Pick the integration per schema.
    Resources,
    /// Map fields.
    Mapping,
    /// Check every choice.
    Review,
    /// The initiate POST is in flight.
    Submitting,
    /// Terminal: the session was created.
    Done,
    /// A request failed; Retry, Back, Start over or Exit.
    Error,
    /// Terminal: the user left or the widget was destroyed.
    Exited,
}

impl Step {
    /// Whether the flow has ended.
    pub fn is_terminal(self) -> bool {
        matches!(self, Step::Done | Step::Exited)
    }
}

/// Something that happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The catalog arrived (already decoded and bounded).
    CatalogLoaded(IntegrationsResponse),
    /// The catalog request failed.
    CatalogFailed(Failure),
    /// The search box changed.
    SearchChanged {
        /// The text typed.
        query: String,
    },
    /// A category filter chip was chosen (`None` = all).
    CategoryFilterChosen {
        /// The `endgrate_provider_type`, e.g. `CRM`.
        category: Option<String>,
    },
    /// A provider was picked.
    ProviderPicked {
        /// Its name.
        provider: ProviderName,
    },
    /// A schema was switched on or off.
    SchemaToggled {
        /// Which.
        schema: SchemaKey,
    },
    /// A direction of a schema was switched on or off (a schema left with no direction is not
    /// selected).
    DirectionToggled {
        /// Which schema.
        schema: SchemaKey,
        /// Pull or push.
        method: Method,
    },
    /// An integration was chosen for one direction of a schema.
    ResourcePicked {
        /// Which schema.
        schema: SchemaKey,
        /// Which direction.
        method: Method,
        /// Which integration.
        resource: ResourceId,
    },
    /// A schema's field catalog arrived.
    FieldsLoaded {
        /// The provider it was requested for (stale answers are dropped).
        provider: ProviderName,
        /// The schema it was requested for.
        schema: SchemaKey,
        /// The `endgrate_type` it was requested for: a schema matched by the user to a resource
        /// may have been re-matched since, and the old resource's fields are then dropped.
        endgrate_type: String,
        /// The fields (already decoded and bounded).
        fields: FieldsResponse,
    },
    /// A schema's field catalog request failed.
    FieldsFailed {
        /// The schema it was requested for.
        schema: SchemaKey,
        /// Why.
        failure: Failure,
    },
    /// A schema field was mapped (or unmapped with `None`).
    FieldMapped {
        /// Which schema.
        schema: SchemaKey,
        /// The schema field.
        field: FieldName,
        /// The provider field.
        provider_field: Option<FieldName>,
    },
    /// Undo on the notice of a mapping choice that took another choice's field: both rows
    /// (or the row and passthrough) return to how they were.
    MappingUndoClicked,
    /// An upsert setting was chosen for a pushed field.
    UpsertChosen {
        /// Which schema.
        schema: SchemaKey,
        /// The schema field.
        field: FieldName,
        /// The setting.
        upsert: UpsertSetting,
    },
    /// A provider custom field was switched in or out of passthrough.
    PassthroughToggled {
        /// Which schema.
        schema: SchemaKey,
        /// The provider field.
        provider_field: FieldName,
    },
    /// Next.
    NextClicked,
    /// Back.
    BackClicked,
    /// An earlier step was chosen (step indicator or Review's Edit links).
    StepChosen {
        /// The step.
        step: Step,
    },
    /// Submit, with a fresh key the wizard uses only if this is a new submission intent.
    SubmitClicked {
        /// A fresh UUIDv4 from the shell.
        candidate_key: IdempotencyKey,
    },
    /// The initiate POST ended.
    SubmitFinished(Result<SessionId, Failure>),
    /// Retry after an error (same request, same key).
    RetryClicked,
    /// Start over after an error: choices kept, a new idempotency key on the next submit.
    StartOverClicked,
    /// The user closed the widget.
    ExitClicked,
    /// The host destroyed the widget.
    Destroyed,
}

/// Something the shell must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `GET {apiBase}/api/integrations`.
    LoadCatalog {
        /// `provider` query parameter (preset provider).
        provider: Option<ProviderName>,
        /// `category` query parameter.
        category: Option<String>,
        /// `provider_list_id` query parameter: the backend filters by list (the widget cannot
        /// know a list's members).
        provider_list_id: Option<String>,
    },
    /// `GET {apiBase}/api/fields?provider=P&endgrate_type=T`.
    LoadFields {
        /// The provider.
        provider: ProviderName,
        /// The schema's endgrate_type (or title for custom objects).
        endgrate_type: String,
        /// The schema the answer belongs to (echo it and `endgrate_type` in `FieldsLoaded`).
        schema: SchemaKey,
    },
    /// `POST initiateUrl` with `Idempotency-Key`.
    Submit {
        /// The body.
        body: InitiateBody,
        /// The key.
        idempotency_key: IdempotencyKey,
    },
    /// Save [`super::Wizard::snapshot`] to session storage.
    Persist,
    /// Navigate the top-level page.
    Navigate {
        /// The validated URL.
        url: String,
    },
    /// Tell the host.
    Emit(HostEvent),
}

/// Why the flow exited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitReason {
    /// The user closed the widget.
    UserClosed,
    /// The host called `destroy()` first.
    Destroyed,
}

/// Events for the host's callbacks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum HostEvent {
    /// The widget is mounted and loading.
    Ready,
    /// The visible step changed.
    StepChanged {
        /// The step.
        step: Step,
        /// 1-based position among the visible steps (0 for non-steps such as Submitting).
        index: usize,
        /// How many visible steps.
        total: usize,
    },
    /// Terminal: `onSuccess`.
    Success {
        /// The new session.
        session_id: SessionId,
    },
    /// Terminal: `onExit`.
    Exit {
        /// Why.
        reason: ExitReason,
    },
    /// `onError` (not terminal: the user can retry or exit).
    Error {
        /// Stable code.
        code: ErrorCode,
        /// The backend's message, or the rule an option broke.
        message: Option<String>,
        /// For an option that failed validation: its path, e.g. `session.redirect_url`.
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<String>,
    },
    /// Progress lives in memory only and will not survive a refresh (R27).
    StorageUnavailable,
    /// The browser did not leave for the next page; the user is offered a link (R14).
    NavigationBlocked,
}

impl crate::options::OptionsError {
    /// The `error` event for an option that failed validation.
    pub fn event(&self) -> HostEvent {
        HostEvent::Error {
            code: self.code(),
            message: Some(self.message().to_owned()),
            field: Some(self.path().to_owned()),
        }
    }
}

/// What blocks leaving a step: UI data, not errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingIssue {
    /// The catalog has not arrived.
    CatalogNotLoaded,
    /// No provider picked.
    NoProvider,
    /// No schema selected.
    NoSchemaSelected,
    /// A direction of a selected schema has no integration yet (several fit, none chosen).
    NoResource {
        /// Which schema.
        schema: SchemaKey,
        /// Which direction.
        method: Method,
    },
    /// A selected schema's fields have not arrived.
    FieldsNotLoaded {
        /// Which.
        schema: SchemaKey,
    },
    /// A required schema field has no provider field.
    RequiredFieldUnmapped {
        /// Which schema.
        schema: SchemaKey,
        /// Which field.
        field: FieldName,
    },
}
