//! The hand-written codecs against the serde derives: for generated values, each reads what serde
//! writes back to the same value, and each writes what serde reads to the same value (the
//! initiate body, saved state and events byte for byte).

use crate::codes::ErrorCode;
use crate::ids::{FieldName, IdempotencyKey, ProviderName, ResourceId, SchemaKey, SessionId};
use crate::json::read::{Path, Read};
use crate::json::{parse, Json};
use crate::wire::*;
use crate::wizard::{
    ExitReason, HostEvent, Pending, PersistedField, PersistedSchema, PersistedState, Step,
};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::option::of;
use proptest::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;

/// Any JSON value, as serde_json would hand it back (members sorted, numbers in its spelling).
fn json() -> impl Strategy<Value = Json> {
    crate::json::tests::arb_serde_value(4, 32, 6).prop_map(Json::from)
}

fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn reads_what_serde_writes<T>(
    v: &T,
    read: fn(&Json, &Path<'_>) -> Read<T>,
) -> Result<(), TestCaseError>
where
    T: Serialize + PartialEq + Debug,
{
    let bytes = serde_json::to_vec(v).unwrap();
    let parsed = parse(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&read(&parsed, &Path::Root).unwrap(), v);
    Ok(())
}

fn writes_what_serde_writes<T>(v: &T, ours: String) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    prop_assert_eq!(&ours, &serde_json::to_string(v).unwrap());
    prop_assert_eq!(&serde_json::from_str::<T>(&ours).unwrap(), v);
    Ok(())
}

fn integration() -> impl Strategy<Value = Integration> {
    (text(), text(), any::<[bool; 4]>()).prop_map(|(display_name, endgrate_type, b)| Integration {
        display_name,
        endgrate_type,
        supports_push: b[0],
        supports_pull: b[1],
        is_custom_object: b[2],
        supports_associations: b[3],
    })
}

fn provider_entry() -> impl Strategy<Value = ProviderEntry> {
    let info = (
        text(),
        text(),
        of(text()),
        of(text()),
        of(text()),
        of(json()),
        of(text()),
    );
    (info, vec(integration(), 0..4)).prop_map(
        |((name, display_name, url, image, auth_type, specific, t), integrations)| {
            ProviderEntry {
                provider: ProviderInfo {
                    name,
                    display_name,
                    url,
                    image,
                    auth_type,
                    // serde reads a `null` here as absent.
                    specific: specific.filter(|s| !s.is_null()),
                    endgrate_provider_type: t,
                },
                integrations,
            }
        },
    )
}

fn field() -> impl Strategy<Value = Field> {
    (
        text(),
        of(text()),
        text(),
        of(text()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(name, title, field_type, format, required, custom)| Field {
                name,
                title,
                field_type,
                format,
                required,
                custom,
            },
        )
}

fn upsert() -> impl Strategy<Value = UpsertSetting> {
    prop::sample::select(UpsertSetting::ALL.to_vec())
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![Method::Import, Method::Export])
}

fn schema() -> impl Strategy<Value = Schema> {
    let props = of(btree_map(text(), json(), 0..4));
    (
        of(text()),
        of(text()),
        of(text()),
        props,
        of(vec(text(), 0..3)),
        of(any::<bool>()),
    )
        .prop_map(
            |(schema_type, endgrate_type, title, properties, required, associations)| Schema {
                schema_type,
                endgrate_type,
                title,
                properties: properties.map(|p| p.into_iter().collect()),
                required,
                associations,
            },
        )
}

fn end_user_configuration() -> impl Strategy<Value = EndUserConfiguration> {
    let choice = (
        method(),
        of(text()),
        btree_map(text(), (text(), of(upsert())), 0..3),
        vec(text(), 0..3),
    )
        .prop_map(
            |(method, integration, fields, passthrough_fields)| SchemaChoice {
                method,
                integration,
                fields: fields
                    .into_iter()
                    .map(|(k, (provider_field, upsert))| {
                        (
                            k,
                            FieldChoice {
                                provider_field,
                                upsert,
                            },
                        )
                    })
                    .collect(),
                passthrough_fields,
            },
        );
    btree_map(text(), choice, 0..3).prop_map(|schemas| EndUserConfiguration {
        schemas: schemas.into_iter().collect(),
    })
}

fn initiate_body() -> impl Strategy<Value = InitiateBody> {
    let hook = (text(), of(json().prop_filter("not null", |j| !j.is_null())))
        .prop_map(|(endpoint, metadata)| ConfigurationWebhook { endpoint, metadata });
    let flags = any::<[Option<bool>; 10]>();
    let texts = (of(text()), of(text()), of(text()), of(text()), of(text()));
    (
        flags,
        texts,
        of(hook),
        of(upsert()),
        of(vec(schema(), 0..3)),
        of(end_user_configuration()),
    )
        .prop_map(
            |(
                f,
                (label, category, provider, provider_list_id, redirect_url),
                hook,
                up,
                schema,
                euc,
            )| InitiateBody {
                label,
                category,
                configuration_webhook: hook,
                default_upsert_setting: up,
                field_selection: f[0],
                passthrough_fields: f[1],
                passthrough_schemas: f[2],
                sync: f[3],
                provider,
                provider_list_id,
                redirect_url,
                resource_selection: f[4],
                save_session: f[5],
                schema,
                schema_selection: f[6],
                statistics: f[7],
                webhook_concurrency: f[8],
                end_user_configuration: euc,
            },
        )
}

fn plain() -> impl Strategy<Value = String> {
    "[^\\p{Cc}]{1,12}"
}

fn persisted_state() -> impl Strategy<Value = PersistedState> {
    let name = || plain().prop_map(|s| FieldName::new(s).unwrap());
    let field =
        (of(name()), any::<bool>(), upsert()).prop_map(|(provider_field, suggested, upsert)| {
            PersistedField {
                provider_field,
                suggested,
                upsert,
            }
        });
    let schema = (
        plain(),
        any::<bool>(),
        method(),
        of(plain()),
        btree_map(name(), field, 0..3),
        btree_set(name(), 0..3),
    )
        .prop_map(
            |(key, selected, method, resource, fields, passthrough)| PersistedSchema {
                key: SchemaKey::new(key).unwrap(),
                selected,
                method,
                resource: resource.map(|r| ResourceId::new(r).unwrap()),
                fields: fields.into_iter().collect(),
                passthrough: passthrough.into_iter().collect(),
            },
        );
    let pending = (initiate_body(), "[A-Za-z0-9-]{16,64}").prop_map(|(body, key)| Pending {
        body,
        idempotency_key: IdempotencyKey::new(key).unwrap(),
    });
    let steps = [
        Step::Provider,
        Step::Schemas,
        Step::Resources,
        Step::Mapping,
        Step::Review,
        Step::Submitting,
        Step::Done,
        Step::Error,
        Step::Exited,
    ];
    (
        any::<u32>(),
        prop::sample::select(steps.to_vec()),
        of("[A-Za-z0-9_.-]{1,20}"),
        vec(schema, 0..3),
        of(pending),
        any::<bool>(),
    )
        .prop_map(
            |(version, step, provider, schemas, pending, finished)| PersistedState {
                version,
                step,
                provider: provider.map(|p| ProviderName::new(p).unwrap()),
                schemas,
                pending,
                finished,
            },
        )
}

fn host_event() -> impl Strategy<Value = HostEvent> {
    prop_oneof![
        Just(HostEvent::Ready),
        (
            prop::sample::select(vec![Step::Provider, Step::Mapping, Step::Review]),
            any::<usize>(),
            any::<usize>()
        )
            .prop_map(|(step, index, total)| HostEvent::StepChanged { step, index, total }),
        "[A-Za-z0-9_-]{8,128}".prop_map(|s| HostEvent::Success {
            session_id: SessionId::new(s).unwrap()
        }),
        prop::sample::select(vec![ExitReason::UserClosed, ExitReason::Destroyed])
            .prop_map(|reason| HostEvent::Exit { reason }),
        (prop::sample::select(ErrorCode::ALL.to_vec()), of(text()))
            .prop_map(|(code, message)| HostEvent::Error { code, message }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn catalog_reads_what_serde_writes(providers in vec(provider_entry(), 0..4)) {
        reads_what_serde_writes(&IntegrationsResponse { providers }, IntegrationsResponse::read)?;
    }

    #[test]
    fn fields_read_what_serde_writes(schema_fields in vec(field(), 0..4), provider_fields in vec(field(), 0..4)) {
        reads_what_serde_writes(&FieldsResponse { schema_fields, provider_fields }, FieldsResponse::read)?;
    }

    #[test]
    fn initiate_success_and_api_error_read_what_serde_writes(success: bool, session_id in text(), message in text(), errors in of(json())) {
        reads_what_serde_writes(&InitiateSuccess { success, session_id }, InitiateSuccess::read)?;
        let errors = errors.filter(|e| !e.is_null());
        reads_what_serde_writes(&ApiError { message, errors }, ApiError::read)?;
    }

    #[test]
    fn initiate_body_matches_serde_both_ways(body in initiate_body()) {
        reads_what_serde_writes(&body, InitiateBody::read)?;
        writes_what_serde_writes(&body, body.to_json())?;
    }

    #[test]
    fn same_request_is_equality(a in initiate_body(), b in initiate_body()) {
        prop_assert!(a.same_request(&a.clone()));
        prop_assert_eq!(a.same_request(&b), a == b);
        let mut c = a.clone();
        c.sync = Some(!c.sync.unwrap_or(false));
        prop_assert!(!a.same_request(&c));
    }

    #[test]
    fn persisted_state_matches_serde_both_ways(state in persisted_state()) {
        reads_what_serde_writes(&state, PersistedState::read)?;
        writes_what_serde_writes(&state, state.to_json())?;
    }

    #[test]
    fn host_events_match_serde(event in host_event()) {
        prop_assert_eq!(event.to_json(), serde_json::to_string(&event).unwrap());
    }
}

#[test]
fn strict_readers_name_the_unknown_key_and_its_path() {
    let body = parse(br#"{"schema": [{"title": "T"}, {"title": "U", "extra": 1}]}"#).unwrap();
    let e = InitiateBody::read(&body, &Path::Root).unwrap_err();
    assert_eq!(e.path, "schema[1].extra");
    let e = InitiateBody::read(&parse(br#"{"apiKey": "x"}"#).unwrap(), &Path::Root).unwrap_err();
    assert_eq!(e.path, "apiKey");
    assert!(serde_json::from_str::<InitiateBody>(r#"{"apiKey": "x"}"#).is_err());
}

#[test]
fn readers_refuse_what_serde_refuses() {
    let cases: &[&str] = &[
        r#"{"providers": [{"provider": {"name": "a"}}]}"#,
        r#"{"providers": [{"provider": {"name": "a", "display_name": "A"}, "integrations": null}]}"#,
        r#"{"providers": [{"provider": {"name": 1, "display_name": "A"}}]}"#,
        r#"{"providers": {}}"#,
        r#"{}"#,
    ];
    for text in cases {
        assert!(
            serde_json::from_str::<IntegrationsResponse>(text).is_err(),
            "{text}"
        );
        let json = parse(text.as_bytes()).unwrap();
        assert!(
            IntegrationsResponse::read(&json, &Path::Root).is_err(),
            "{text}"
        );
    }
    let states: &[&str] = &[
        r#"{"version": 1, "step": "nowhere", "schemas": [], "finished": false}"#,
        r#"{"version": -1, "step": "review", "schemas": [], "finished": false}"#,
        r#"{"version": 1.0, "step": "review", "schemas": [], "finished": false}"#,
        r#"{"version": 1, "step": "review", "schemas": [], "finished": false, "x": 1}"#,
        r#"{"version": 1, "step": "review", "schemas": [], "pending": {"body": {}, "idempotency_key": "short"}, "finished": false}"#,
        r#"{"version": 1, "step": "review", "schemas": []}"#,
    ];
    for text in states {
        assert!(
            serde_json::from_str::<PersistedState>(text).is_err(),
            "{text}"
        );
        let json = parse(text.as_bytes()).unwrap();
        assert!(PersistedState::read(&json, &Path::Root).is_err(), "{text}");
    }
}
