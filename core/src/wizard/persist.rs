//! Persistence (R24–R28): the state saved to session storage, and its restoration. Restored state
//! is untrusted input (R26): it is bounded and type-checked on load, then every part is checked
//! against the live catalog and field catalogs as they arrive; invalid parts are dropped and
//! [`Wizard::restore_notice`] is set. The session id is never saved (R25).

use super::model::FieldMapping;
use super::{Command, HostEvent, Step, Wizard};
use crate::decode::{DecodeError, JsonReader};
use crate::ids::{FieldName, IdempotencyKey, ProviderName, ResourceId, SchemaKey};
use crate::options::WidgetOptions;
use crate::request::build_initiate_body;
use crate::sorted::{SortedMap, SortedSet};
use crate::wire::{InitiateBody, Method, UpsertSetting};

/// The persisted format's version; any other version is discarded, read by its version before
/// its shape. 2: a schema's directions are a set, each with its own integration (Push + Pull).
pub const STATE_VERSION: u32 = 2;
/// Largest persisted state accepted.
pub const MAX_STATE_BYTES: usize = 256 * 1024;

/// What is saved.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersistedState {
    /// [`STATE_VERSION`].
    pub version: u32,
    /// The step to resume at (Error resumes at the step it interrupted).
    pub step: Step,
    /// The chosen provider.
    pub provider: Option<ProviderName>,
    /// Per-schema choices.
    pub schemas: Vec<PersistedSchema>,
    /// The submission in progress, so a reload resends with the same key (R17, R24).
    pub pending: Option<Pending>,
    /// The flow ended (success or exit): never submit again (R28).
    pub finished: bool,
}

/// A submission intent: the exact body and its idempotency key.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    /// The body sent.
    pub body: InitiateBody,
    /// Its key.
    pub idempotency_key: IdempotencyKey,
}

/// One schema's saved choices.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersistedSchema {
    /// Which schema.
    pub key: SchemaKey,
    /// Its directions (none: not selected), pull first.
    pub methods: Vec<PersistedMethod>,
    /// Its field mapping.
    pub fields: SortedMap<FieldName, PersistedField>,
    /// Its passthrough fields.
    pub passthrough: SortedSet<FieldName>,
}

/// One direction of a schema and its integration.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersistedMethod {
    /// Pull or push.
    pub method: Method,
    /// Its integration, `None` until chosen.
    pub resource: Option<ResourceId>,
}

/// Only the version, read first so a state of another version is refused by it, whatever its
/// shape.
#[derive(serde::Deserialize)]
struct VersionOnly {
    version: u32,
}

/// One field's saved mapping.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersistedField {
    /// The provider field, or `None` when the user cleared it.
    pub provider_field: Option<FieldName>,
    /// Whether it was the untouched suggestion.
    pub suggested: bool,
    /// Its upsert setting.
    pub upsert: UpsertSetting,
}

/// Parses saved state: bounded size and depth, strict shape, known version.
///
/// # Errors
/// A [`DecodeError`] for anything else.
pub fn load_persisted(text: &str, reader: &impl JsonReader) -> Result<PersistedState, DecodeError> {
    let VersionOnly { version } = crate::decode::parse(text, MAX_STATE_BYTES, reader)?;
    if version != STATE_VERSION {
        return Err(DecodeError::Invalid(format!(
            "state version {version}, this widget reads version {STATE_VERSION}"
        )));
    }
    let state: PersistedState = crate::decode::parse(text, MAX_STATE_BYTES, reader)?;
    // Session schemas plus the provider's custom objects.
    let limit = 2 * crate::options::MAX_SCHEMAS;
    if state.schemas.len() > limit {
        return Err(DecodeError::TooMany {
            what: "schemas",
            limit,
        });
    }
    Ok(state)
}

impl Wizard {
    /// The state to save now.
    pub fn snapshot(&self) -> PersistedState {
        let step = match (&self.step, &self.error) {
            (Step::Error, Some(e)) => e.2,
            (Step::Error, None) => Step::Review,
            (s, _) => *s,
        };
        let restored = |key: &SchemaKey| {
            self.restored
                .as_ref()
                .and_then(|r| r.schemas.iter().find(|s| &s.key == key))
        };
        let schemas = self
            .schemas
            .iter()
            .map(|s| {
                let (fields, passthrough) = match (&s.fields, restored(&s.key)) {
                    (None, Some(r)) => (r.fields.clone(), r.passthrough.clone()),
                    _ => (
                        s.mapping
                            .iter()
                            .map(|(k, m)| {
                                let f = PersistedField {
                                    provider_field: m.provider_field.clone(),
                                    suggested: m.suggested,
                                    upsert: m.upsert,
                                };
                                (k.clone(), f)
                            })
                            .collect(),
                        s.passthrough.clone(),
                    ),
                };
                PersistedSchema {
                    key: s.key.clone(),
                    methods: s
                        .methods
                        .iter()
                        .map(|(m, r)| PersistedMethod {
                            method: *m,
                            resource: r.clone(),
                        })
                        .collect(),
                    fields,
                    passthrough,
                }
            })
            .collect();
        PersistedState {
            version: STATE_VERSION,
            step,
            provider: self.provider.clone(),
            schemas,
            pending: self.pending.clone(),
            finished: self.step.is_terminal(),
        }
    }

    /// Resumes from saved text (or starts fresh, with the notice, when it is unusable).
    pub fn restore(
        options: WidgetOptions,
        text: &str,
        reader: &impl JsonReader,
    ) -> (Wizard, Vec<Command>) {
        let (mut w, mut out) = Wizard::new(options);
        let state = match load_persisted(text, reader) {
            Ok(state) => state,
            Err(_) => {
                w.restore_notice = true;
                return (w, out);
            }
        };
        if state.finished {
            // The outcome was already delivered before the reload; nothing is loaded or sent.
            w.step = Step::Done;
            w.loading_catalog = false;
            return (w, vec![Command::Emit(HostEvent::Ready)]);
        }
        w.pending = state
            .pending
            .clone()
            .filter(|p| w.pending_matches_options(&p.body));
        w.restore_notice |= state.pending.is_some() && w.pending.is_none();
        if state.step == Step::Submitting && w.pending.is_some() {
            w.submit(&mut out);
        }
        w.restored = Some(state);
        (w, out)
    }

    /// A restored body may differ from what the options would send only in the user's choices,
    /// so tampered storage cannot add `redirect_url` or flip `save_session` (R2, R26).
    fn pending_matches_options(&self, body: &InitiateBody) -> bool {
        let Some(provider) = body.provider.as_deref().and_then(ProviderName::new) else {
            return false;
        };
        let mut expected = build_initiate_body(&self.options.session, &provider, &[]);
        expected.schema.clone_from(&body.schema);
        expected
            .end_user_configuration
            .clone_from(&body.end_user_configuration);
        let preset_ok = self
            .options
            .session
            .provider
            .as_ref()
            .is_none_or(|p| *p == provider);
        preset_ok && expected == *body
    }

    /// Applies the restored provider, schema choices and step once the catalog is known.
    pub(super) fn apply_restored(&mut self, out: &mut Vec<Command>) {
        let Some(state) = self.restored.clone() else {
            return;
        };
        if self.options.session.provider.is_none() {
            if let Some(p) = &state.provider {
                if self.provider_entry(p).is_some() {
                    self.provider = Some(p.clone());
                    self.rebuild_schemas();
                } else {
                    self.restore_notice = true;
                }
            }
        } else if state.provider.is_some() && state.provider != self.provider {
            self.restore_notice = true;
        }
        let free = self.options.session.schema_selection();
        for saved in &state.schemas {
            let Some(s) = self.schema_mut(&saved.key) else {
                self.restore_notice = true;
                continue;
            };
            let toggleable = !s.candidates.is_empty() && (free || s.custom);
            let mut dropped = false;
            let supported = s.directions();
            let saved_methods: Vec<_> = saved
                .methods
                .iter()
                .filter(|m| {
                    let ok = supported.contains(&m.method);
                    dropped |= !ok;
                    ok
                })
                .collect();
            let same = saved_methods.len() == s.methods.len()
                && saved_methods
                    .iter()
                    .all(|m| s.methods.contains_key(&m.method));
            if !same {
                if toggleable {
                    s.set_all_methods(false);
                    for m in &saved_methods {
                        s.set_method(m.method, true);
                    }
                } else {
                    dropped = true;
                }
            }
            for m in saved_methods {
                let Some(r) = &m.resource else { continue };
                let fits = s.resources(m.method).iter().any(|(id, _, _)| id == r);
                if fits && s.methods.contains_key(&m.method) {
                    s.methods.insert(m.method, Some(r.clone()));
                } else {
                    dropped = true;
                }
            }
            self.restore_notice |= dropped;
        }
        let first = self.visible_steps()[0];
        if self.step != first {
            return;
        }
        let target = if state.step == Step::Submitting {
            Step::Review
        } else {
            state.step
        };
        let mut step = first;
        for s in self.visible_steps() {
            step = s;
            let blocked = self
                .issues_for(s)
                .iter()
                .any(|i| !matches!(i, super::MappingIssue::FieldsNotLoaded { .. }));
            if s == target || blocked {
                break;
            }
        }
        if step != first {
            self.enter(step, out);
        }
        if step == Step::Review && self.options.session.field_selection() {
            // Review shows the mapping, so restored mappings need their field catalogs.
            self.load_missing_fields(out);
        }
    }

    /// Applies a schema's restored mapping once its fields are known.
    pub(super) fn apply_restored_fields(&mut self, key: &SchemaKey) {
        let Some(saved) = self
            .restored
            .as_ref()
            .and_then(|r| r.schemas.iter().find(|s| &s.key == key))
            .cloned()
        else {
            return;
        };
        let Some(s) = self.schema_mut(key) else {
            return;
        };
        let mut dropped = false;
        for (field, f) in &saved.fields {
            if !s.mapping.contains_key(field) {
                dropped = true;
                continue;
            }
            if s.map_field(field, f.provider_field.clone(), f.suggested) {
                if let Some(m) = s.mapping.get_mut(field) {
                    *m = FieldMapping {
                        provider_field: m.provider_field.clone(),
                        suggested: f.suggested,
                        upsert: f.upsert,
                    };
                }
            } else {
                dropped = true;
            }
        }
        for p in &saved.passthrough {
            let custom = s.provider_field(p).is_some_and(|f| f.custom);
            let mapped = s
                .mapping
                .values()
                .any(|m| m.provider_field.as_ref() == Some(p));
            if custom && !mapped {
                s.passthrough.insert(p.clone());
            } else {
                dropped = true;
            }
        }
        self.restore_notice |= dropped;
        if let Some(r) = self.restored.as_mut() {
            r.schemas.retain(|s| &s.key != key);
        }
    }
}
