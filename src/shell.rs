//! The shell: the one place the core's commands become effects. It feeds every event to the
//! wizard, runs the commands that come back (HTTP through `http`, storage, navigation and host
//! events through `boundary`), and turns each outcome into the next event.
//!
//! It decides nothing about the flow; every rule is the wizard's.

use crate::boundary::host::HostCallbacks;
use crate::boundary::json::{to_json_text, BrowserJson};
use crate::boundary::platform::{self, StorageUnavailable};
use crate::http::{self, FetchError, RawResponse};
use leptos::prelude::*;
use leptos::task::spawn_local;
use widget_core::codes::ErrorCode;
use widget_core::decode::{self, Failure};
use widget_core::ids::{IdempotencyKey, ProviderName, SchemaKey};
use widget_core::options::{Credentials, WidgetOptions};
use widget_core::url_check::set_query_param;
use widget_core::wire::InitiateBody;
use widget_core::wizard::{Command, Event, HostEvent, Wizard};

/// How long the page may stay after a navigation before the user is offered a link (R14).
const NAVIGATION_GRACE_MS: u32 = 2_000;

/// Everything the shell needs besides the wizard; fixed for the widget's life.
struct Context {
    host: HostCallbacks,
    api_base: String,
    initiate_url: String,
    /// `credentials`: whether requests carry the page's own cookies.
    credentials: Credentials,
    storage_key: String,
}

/// A handle to the running flow; cheap to copy into event handlers.
#[derive(Clone, Copy)]
pub struct Shell {
    wizard: RwSignal<Wizard, LocalStorage>,
    context: StoredValue<Context, LocalStorage>,
    storage_ok: RwSignal<bool>,
    /// A validated URL the browser did not go to (R14): the page offers it as a link.
    blocked_navigation: RwSignal<Option<String>>,
}

impl Shell {
    /// Starts the flow: restores saved progress for these options when there is any (R24), then
    /// runs the wizard's first commands.
    pub fn start(options: WidgetOptions, host: HostCallbacks) -> Shell {
        // Before the first request, so none carries Endgrate's return parameters as Referer (R4).
        platform::strip_return_params();
        let storage_key = storage_key(&options);
        let context = Context {
            host,
            api_base: options.api_base.as_str().trim_end_matches('/').to_owned(),
            initiate_url: options.initiate_url.as_str().to_owned(),
            credentials: options.credentials,
            storage_key,
        };
        let saved = platform::storage_get(&context.storage_key);
        let storage_ok = saved.is_ok();
        let (wizard, commands) = match saved {
            Ok(Some(saved)) => Wizard::restore(options, &saved, &BrowserJson),
            _ => Wizard::new(options),
        };
        let shell = Shell {
            wizard: RwSignal::new_local(wizard),
            context: StoredValue::new_local(context),
            storage_ok: RwSignal::new(storage_ok),
            blocked_navigation: RwSignal::new(None),
        };
        if !storage_ok {
            shell.emit(&HostEvent::StorageUnavailable);
        }
        shell.run_all(commands);
        shell
    }

    /// Reads the wizard, re-running the caller (a view or a derived signal) when it changes.
    pub fn with<R>(&self, read: impl FnOnce(&Wizard) -> R) -> R {
        self.wizard.track();
        read(&self.wizard.read_untracked())
    }

    /// Reads the wizard once, without subscribing the caller to later changes.
    pub fn read_once<R>(&self, read: impl FnOnce(&Wizard) -> R) -> R {
        // One guard type for every reader, so the signal's read path is compiled once.
        read(&self.wizard.read_untracked())
    }

    /// The initiate body the current choices would send; `None` until a provider is chosen, and
    /// once the widget is gone.
    pub fn request_body(&self) -> Option<InitiateBody> {
        self.wizard
            .try_with_untracked(|w| w.request_body())
            .flatten()
    }

    /// Whether progress is being saved (false: "won't survive a refresh", R27).
    pub fn storage_ok(&self) -> bool {
        self.storage_ok.get()
    }

    /// The URL to offer as a link when the browser did not leave for it (R14).
    pub fn blocked_navigation(&self) -> Option<String> {
        self.blocked_navigation.get()
    }

    /// Feeds one event to the wizard and runs what it asks for.
    pub fn dispatch(self, event: Event) {
        let commands = self
            .wizard
            .try_update(|wizard| wizard.update(event))
            .unwrap_or_default();
        self.run_all(commands);
    }

    /// Submit with a fresh candidate key; the wizard keeps the pending key for the same intent.
    pub fn submit(self) {
        let Some(candidate_key) = platform::uuid_v4().and_then(IdempotencyKey::new) else {
            return;
        };
        self.dispatch(Event::SubmitClicked { candidate_key });
    }

    /// The host called `destroy()`: the flow ends (one `exit` event unless it had already ended),
    /// nothing follows, and the saved progress is cleared (R28).
    pub fn destroy(self) {
        self.dispatch(Event::Destroyed);
        self.context.with_value(|c| {
            c.host.destroy();
            platform::storage_remove(&c.storage_key);
        });
    }

    fn run_all(self, commands: Vec<Command>) {
        for command in commands {
            self.run(command);
        }
    }

    fn run(self, command: Command) {
        match command {
            Command::LoadCatalog {
                provider,
                category,
                provider_list_id,
            } => {
                let mut url = self.api_url("/api/integrations");
                let query = [
                    ("provider", provider.map(|p| p.as_str().to_owned())),
                    ("category", category),
                    ("provider_list_id", provider_list_id),
                ];
                for (key, value) in query {
                    if let Some(value) = value {
                        url = set_query_param(&url, key, &value);
                    }
                }
                self.request(url, Request::Catalog);
            }
            Command::LoadFields {
                provider,
                endgrate_type,
                schema,
            } => {
                let base = self.api_url("/api/fields");
                let url = set_query_param(
                    &set_query_param(&base, "provider", provider.as_str()),
                    "endgrate_type",
                    &endgrate_type,
                );
                self.request(
                    url,
                    Request::Fields {
                        provider,
                        schema,
                        endgrate_type,
                    },
                );
            }
            Command::Submit {
                body,
                idempotency_key,
            } => {
                let url = self.context.with_value(|c| c.initiate_url.clone());
                let body = to_json_text(&body);
                self.request(
                    url,
                    Request::Submit {
                        body,
                        idempotency_key,
                    },
                );
            }
            Command::Persist => self.persist(),
            Command::Navigate { url } => {
                // Saved first so a reload after leaving shows "done" and never resubmits (R28).
                self.persist();
                if platform::navigate(&url).is_err() {
                    self.navigation_blocked(url);
                    return;
                }
                // A navigation that neither fails nor happens (blocked without an error) leaves the
                // page here: after 2 s the user gets the link too (R14).
                spawn_local(async move {
                    platform::sleep_ms(NAVIGATION_GRACE_MS).await;
                    self.navigation_blocked(url);
                });
            }
            Command::Emit(event) => self.emit(&event),
        }
    }

    /// Sends `event` to the host.
    fn emit(self, event: &HostEvent) {
        self.context.with_value(|c| c.host.emit(event));
    }

    /// `path` under the API base.
    fn api_url(self, path: &str) -> String {
        self.context.with_value(|c| c.api_base.clone() + path)
    }

    /// Sends `request` to `url` and feeds its outcome back as the next event. Every request runs
    /// as this one future type, so the async machinery is compiled once, not once per kind.
    fn request(self, url: String, request: Request) {
        let credentials = self.context.with_value(|c| c.credentials);
        spawn_local(async move {
            let event = request.send(&url, credentials).await;
            self.dispatch(event);
        });
    }

    /// Offers `url` as a link and tells the host, once.
    fn navigation_blocked(self, url: String) {
        // Looked at in place: a clone of the URL only to test for one is wasted code.
        let offered = self.blocked_navigation.try_with_untracked(Option::is_some);
        if offered == Some(true) {
            return;
        }
        if self.blocked_navigation.try_set(Some(url)).is_none() {
            self.context
                .try_with_value(|c| c.host.emit(&HostEvent::NavigationBlocked));
        }
    }

    fn persist(self) {
        let snapshot = self.wizard.with_untracked(|w| to_json_text(&w.snapshot()));
        let saved = self
            .context
            .with_value(|c| platform::storage_set(&c.storage_key, &snapshot));
        if let Err(StorageUnavailable) = saved {
            if self.storage_ok.get_untracked() {
                self.storage_ok.set(false);
                self.emit(&HostEvent::StorageUnavailable);
            }
        }
    }
}

/// A request a command asked for, with what its answer needs to become an event.
enum Request {
    Catalog,
    Fields {
        provider: ProviderName,
        schema: SchemaKey,
        endgrate_type: String,
    },
    Submit {
        body: String,
        idempotency_key: IdempotencyKey,
    },
}

impl Request {
    /// Performs the request and turns its outcome into the event the wizard expects.
    async fn send(self, url: &str, credentials: Credentials) -> Event {
        let answer = match &self {
            Request::Submit {
                body,
                idempotency_key,
            } => {
                http::post_initiate(
                    url,
                    credentials,
                    body,
                    idempotency_key.as_str(),
                    decode::MAX_INITIATE_BYTES,
                )
                .await
            }
            Request::Catalog | Request::Fields { .. } => {
                http::get(url, credentials, decode::MAX_CATALOG_BYTES).await
            }
        };
        self.answered(answer)
    }

    /// The event for an answer: a GET's 2xx body or the initiate response of any status.
    fn answered(self, answer: Result<RawResponse, FetchError>) -> Event {
        let answer = answer.map_err(failure);
        let invalid = |_| Failure::code(ErrorCode::ResponseInvalid);
        match self {
            Request::Catalog => {
                match answer.and_then(|raw| {
                    decode::decode_catalog(&raw.body, &BrowserJson).map_err(invalid)
                }) {
                    Ok(catalog) => Event::CatalogLoaded(catalog),
                    Err(failure) => Event::CatalogFailed(failure),
                }
            }
            Request::Fields {
                provider,
                schema,
                endgrate_type,
            } => {
                match answer
                    .and_then(|raw| decode::decode_fields(&raw.body, &BrowserJson).map_err(invalid))
                {
                    Ok(fields) => Event::FieldsLoaded {
                        provider,
                        schema,
                        endgrate_type,
                        fields,
                    },
                    Err(failure) => Event::FieldsFailed { schema, failure },
                }
            }
            Request::Submit { .. } => Event::SubmitFinished(answer.and_then(|raw| {
                decode::decode_initiate_response(raw.status, &raw.body, &BrowserJson)
            })),
        }
    }
}

/// What a failed request means for the flow (R36 codes).
fn failure(error: FetchError) -> Failure {
    match error {
        FetchError::Offline => Failure::code(ErrorCode::NetworkOffline),
        FetchError::Timeout => Failure::code(ErrorCode::NetworkTimeout),
        FetchError::Network => Failure::code(ErrorCode::ServerError),
        FetchError::Status {
            status, message, ..
        } => Failure {
            code: ErrorCode::from_http_status(status),
            message,
        },
        FetchError::TooLarge => Failure::code(ErrorCode::ResponseInvalid),
    }
}

/// Progress is saved per configuration: another set of options on the same page starts afresh
/// instead of restoring choices made for a different session (R24).
fn storage_key(options: &WidgetOptions) -> String {
    let identity = [
        options.api_base.as_str(),
        "|",
        options.initiate_url.as_str(),
        "|",
        &options.session_identity,
    ];
    // FNV-1a: stable across reloads and builds, which a randomly seeded hasher is not.
    let hash = identity
        .iter()
        .flat_map(|part| part.bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    format!("endgrate-session-widget:{hash:016x}")
}
