//! Property tests (R41): URL validators and the wizard under random inputs.
//!
//! Case counts are set per block so the whole suite stays within seconds in debug builds.

mod common;

use common::*;
use proptest::prelude::*;
use serde_json::json;
use widget_core::codes::ErrorCode;
use widget_core::decode::Failure;
use widget_core::ids::FieldName;
use widget_core::options::{Color, WidgetOptions};
use widget_core::url_check::{check_redirect, NativeUrlParser, OriginAllowList, UrlParser};
use widget_core::wire::{Method, UpsertSetting};
use widget_core::wizard::{load_persisted, Command, Event, HostEvent, Step, Wizard};

fn allow_list() -> OriginAllowList {
    OriginAllowList::parse(
        &["https://allowed.example", "https://*.allowed.example"],
        &NativeUrlParser,
    )
    .unwrap()
}

/// URL-shaped strings built from hostile fragments, so the parser sees plausible input.
fn url_like() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        Just("https://".to_owned()),
        Just("http://".to_owned()),
        Just("javascript:".to_owned()),
        Just("//".to_owned()),
        Just("\\".to_owned()),
        Just("allowed.example".to_owned()),
        Just(".allowed.example".to_owned()),
        Just("evil.example".to_owned()),
        Just("@".to_owned()),
        Just(":8443".to_owned()),
        Just("/".to_owned()),
        Just("?".to_owned()),
        Just("#".to_owned()),
        Just("%2e".to_owned()),
        Just("\u{0430}".to_owned()),
        Just("xn--".to_owned()),
        "[a-z]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(part, 0..8).prop_map(|parts| parts.concat())
}

fn origin_allowed(url: &str) -> bool {
    let parsed = url::Url::parse(url).unwrap();
    let host = parsed.host_str().unwrap_or_default();
    parsed.scheme() == "https"
        && parsed.port().is_none()
        && (host == "allowed.example"
            || (host.ends_with(".allowed.example") && host.len() > ".allowed.example".len()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn accepted_redirect_has_an_allowed_origin(input in url_like()) {
        let list = allow_list();
        if let Ok(url) = check_redirect(&input, &list, &NativeUrlParser) {
            prop_assert!(origin_allowed(url.as_str()), "{input:?} -> {}", url.as_str());
            prop_assert!(origin_allowed(&input), "the raw input itself parses to an allowed origin");
        }
    }

    #[test]
    fn arbitrary_strings_never_panic_and_validation_is_deterministic(input in any::<String>()) {
        let list = allow_list();
        let a = check_redirect(&input, &list, &NativeUrlParser);
        let b = check_redirect(&input, &list, &NativeUrlParser);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn backslash_and_c0_controls_are_always_rejected(
        prefix in prop_oneof![Just("https://allowed.example/".to_owned()), url_like()],
        bad in prop_oneof![Just('\\'), Just('\t'), Just('\r'), Just('\n'), (0u8..0x20).prop_map(char::from), Just('\u{7f}')],
        suffix in prop_oneof![Just(String::new()), Just("done".to_owned()), url_like()],
    ) {
        let input = format!("{prefix}{bad}{suffix}");
        prop_assert!(check_redirect(&input, &allow_list(), &NativeUrlParser).is_err(), "{input:?}");
    }

    #[test]
    fn accepted_colour_matches_hex_grammar_or_palette(s in "#?[0-9a-zA-Z;():/ ]{0,12}") {
        if let Some(c) = Color::parse(&s) {
            let hex = c.as_str().len() >= 4 && c.as_str().len() <= 9 && c.as_str().starts_with('#')
                && c.as_str()[1..].chars().all(|ch| ch.is_ascii_hexdigit());
            prop_assert!(hex || widget_core::options::NAMED_COLORS.contains(&c.as_str()));
        }
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i32>().prop_map(serde_json::Value::from),
        prop_oneof![
            url_like(),
            "Bearer [a-z]{3}".prop_map(String::from),
            Just("MERGE".to_owned())
        ]
        .prop_map(serde_json::Value::from),
    ];
    let keys = prop_oneof![
        Just("session".to_owned()),
        Just("redirect_url".to_owned()),
        Just("theme".to_owned()),
        Just("colorPrimary".to_owned()),
        Just("initiateUrl".to_owned()),
        Just("allowedRedirectOrigins".to_owned()),
        Just("schema".to_owned()),
        Just("endgrate_type".to_owned()),
        Just("apiKey".to_owned()),
        "[a-z_]{1,8}",
    ];
    leaf.prop_recursive(4, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(keys.clone(), inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn options_parser_never_panics_and_accepted_redirects_are_same_origin(v in json_value()) {
        if let Ok(o) = WidgetOptions::parse(&v, PAGE, &NativeUrlParser) {
            if let Some(r) = &o.session.redirect_url {
                let parsed = NativeUrlParser.parse(r.as_str()).unwrap();
                prop_assert!(o.allowed_redirect_origins.allows(&parsed));
                if v.get("allowedRedirectOrigins").is_none() {
                    prop_assert_eq!(parsed.origin, PAGE);
                }
            }
        }
    }
}

/// Abstract user and shell actions; the harness turns them into events.
#[derive(Debug, Clone)]
enum Action {
    CatalogLoaded,
    CatalogFailed,
    Pick(usize),
    Toggle(usize),
    Direction(usize, bool),
    AnswerFields,
    FieldsFailed,
    Map(usize, Option<usize>),
    Upsert(usize),
    Passthrough(usize),
    Next,
    Back,
    Jump(usize),
    Submit(u8),
    FinishOk,
    FinishErr,
    Retry,
    StartOver,
    Exit,
    Destroy,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        1 => Just(Action::CatalogLoaded),
        1 => Just(Action::CatalogFailed),
        1 => (0usize..4).prop_map(Action::Pick),
        1 => (0usize..3).prop_map(Action::Toggle),
        1 => (0usize..3, any::<bool>()).prop_map(|(i, b)| Action::Direction(i, b)),
        1 => Just(Action::AnswerFields),
        1 => Just(Action::FieldsFailed),
        1 => (0usize..3, prop::option::of(0usize..6)).prop_map(|(a, b)| Action::Map(a, b)),
        1 => (0usize..3).prop_map(Action::Upsert),
        1 => (0usize..6).prop_map(Action::Passthrough),
        4 => Just(Action::Next),
        1 => Just(Action::Back),
        1 => (0usize..5).prop_map(Action::Jump),
        3 => (0u8..4).prop_map(Action::Submit),
        2 => Just(Action::FinishOk),
        2 => Just(Action::FinishErr),
        1 => Just(Action::Retry),
        1 => Just(Action::StartOver),
        1 => Just(Action::Exit),
        1 => Just(Action::Destroy),
    ]
}

const PROVIDERS: [&str; 4] = ["hubspot", "pipedrive", "quickbooks", "nobody"];
const SCHEMAS: [&str; 3] = ["crm-contact", "crm-company", "Ticket Board"];
const SCHEMA_FIELDS: [&str; 3] = ["email", "first_name", "last_name"];
const PROVIDER_FIELDS: [&str; 6] = [
    "email",
    "firstname",
    "lastname",
    "lifecyclestage",
    "hs_score",
    "missing",
];
const STEPS: [Step; 5] = [
    Step::Provider,
    Step::Schemas,
    Step::Resources,
    Step::Mapping,
    Step::Review,
];

struct Harness {
    w: Wizard,
    fields_requests: Vec<(
        widget_core::ids::ProviderName,
        widget_core::ids::SchemaKey,
        String,
    )>,
    in_flight: usize,
    terminal_events: usize,
}

impl Harness {
    fn apply(&mut self, out: Vec<Command>) -> Result<(), TestCaseError> {
        for c in out {
            match c {
                Command::Submit { .. } => {
                    prop_assert_eq!(
                        self.in_flight,
                        0,
                        "a second submission while one is in flight"
                    );
                    self.in_flight += 1;
                }
                Command::LoadFields {
                    provider,
                    schema,
                    endgrate_type,
                } => self.fields_requests.push((provider, schema, endgrate_type)),
                Command::Emit(HostEvent::Success { .. } | HostEvent::Exit { .. }) => {
                    self.terminal_events += 1
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn event(&mut self, a: &Action) -> Option<Event> {
        let s = |i: usize| schema(SCHEMAS[i]);
        Some(match a {
            Action::CatalogLoaded => Event::CatalogLoaded(catalog()),
            Action::CatalogFailed => Event::CatalogFailed(Failure::code(ErrorCode::NetworkTimeout)),
            Action::Pick(i) => Event::ProviderPicked {
                provider: provider(PROVIDERS[*i]),
            },
            Action::Toggle(i) => Event::SchemaToggled { schema: s(*i) },
            Action::Direction(i, push) => Event::DirectionToggled {
                schema: s(*i),
                method: if *push {
                    Method::Export
                } else {
                    Method::Import
                },
            },
            Action::AnswerFields => {
                let (provider, schema, endgrate_type) = self.fields_requests.pop()?;
                Event::FieldsLoaded {
                    provider,
                    schema,
                    endgrate_type,
                    fields: fields(),
                }
            }
            Action::FieldsFailed => {
                let (_, schema, _) = self.fields_requests.pop()?;
                Event::FieldsFailed {
                    schema,
                    failure: Failure::code(ErrorCode::ServerError),
                }
            }
            Action::Map(f, p) => Event::FieldMapped {
                schema: s(0),
                field: FieldName::new(SCHEMA_FIELDS[*f]).unwrap(),
                provider_field: p.map(|p| FieldName::new(PROVIDER_FIELDS[p]).unwrap()),
            },
            Action::Upsert(f) => Event::UpsertChosen {
                schema: s(0),
                field: FieldName::new(SCHEMA_FIELDS[*f]).unwrap(),
                upsert: UpsertSetting::SetIfNotSet,
            },
            Action::Passthrough(p) => Event::PassthroughToggled {
                schema: s(0),
                provider_field: FieldName::new(PROVIDER_FIELDS[*p]).unwrap(),
            },
            Action::Next => Event::NextClicked,
            Action::Back => Event::BackClicked,
            Action::Jump(i) => Event::StepChosen { step: STEPS[*i] },
            Action::Submit(n) => Event::SubmitClicked {
                candidate_key: key(*n),
            },
            Action::FinishOk | Action::FinishErr => {
                // The shell answers only a request it sent; unanswered finishes model stale ones.
                self.in_flight = self.in_flight.saturating_sub(1);
                if matches!(a, Action::FinishOk) {
                    Event::SubmitFinished(Ok(session_id()))
                } else {
                    Event::SubmitFinished(Err(Failure::code(ErrorCode::ServerError)))
                }
            }
            Action::Retry => Event::RetryClicked,
            Action::StartOver => Event::StartOverClicked,
            Action::Exit => Event::ExitClicked,
            Action::Destroy => Event::Destroyed,
        })
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn random_event_sequences_keep_the_wizard_invariants(
        flags in prop::array::uniform6(any::<bool>()),
        actions in prop::collection::vec(action(), 0..40),
    ) {
        let mut session = json!({
            "schema": [{"endgrate_type": "crm-contact"}],
            "schema_selection": flags[1], "passthrough_schemas": flags[2], "resource_selection": flags[3],
            "field_selection": flags[4], "passthrough_fields": flags[5],
            "redirect_url": "https://app.example.com/done",
        });
        if flags[0] {
            session["provider"] = json!("hubspot");
        }
        let (w, start) = Wizard::new(options(session.clone()));
        let mut h = Harness { w, fields_requests: vec![], in_flight: 0, terminal_events: 0 };
        h.apply(start)?;
        for a in &actions {
            let Some(event) = h.event(a) else { continue };
            let out = h.w.update(event);
            h.apply(out)?;
            prop_assert!(h.terminal_events <= 1, "two terminal outcomes");
            prop_assert_eq!(h.w.step().is_terminal(), h.terminal_events == 1, "terminal step without its outcome or vice versa");
            if !h.w.step().is_terminal() {
                prop_assert_eq!(h.w.is_submitting(), h.in_flight == 1, "busy flag and request in flight disagree");
            }
        }
        let snap = h.w.snapshot();
        let bytes = serde_json::to_string(&snap).unwrap();
        prop_assert_eq!(load_persisted(&bytes, &widget_core::decode::SerdeJson).unwrap(), snap);
        let (restored, _) = Wizard::restore(options(session), &bytes, &widget_core::decode::SerdeJson);
        prop_assert_eq!(restored.step().is_terminal(), h.w.step().is_terminal());
        if let Some(body) = h.w.request_body() {
            let text = serde_json::to_string(&body).unwrap();
            let back: widget_core::wire::InitiateBody = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(back, body);
        }
    }
}
