//! Persistence: saved state round-trips, reloads resume where the user was, and restored state is
//! treated as untrusted (R24–R28).

mod common;

use common::*;
use serde_json::json;
use widget_core::decode::SerdeJson;
use widget_core::ids::FieldName;
use widget_core::wire::Method;
use widget_core::wizard::{load_persisted, Command, Event, Step, Wizard};

fn session() -> serde_json::Value {
    json!({"schema": [{"endgrate_type": "crm-contact"}], "schema_selection": true, "field_selection": true,
           "passthrough_fields": true})
}

fn mapped_wizard() -> Wizard {
    let (mut w, _) = started(options(session()));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    drive(&mut w, Event::NextClicked);
    drive(&mut w, Event::NextClicked);
    let s = schema("crm-contact");
    drive(
        &mut w,
        Event::FieldMapped {
            schema: s.clone(),
            field: FieldName::new("last_name").unwrap(),
            provider_field: None,
        },
    );
    drive(
        &mut w,
        Event::PassthroughToggled {
            schema: s,
            provider_field: FieldName::new("lifecyclestage").unwrap(),
        },
    );
    w
}

fn restore(text: &str) -> (Wizard, Vec<Command>) {
    let (mut w, start) = Wizard::restore(options(session()), text, &SerdeJson);
    let mut all = start.clone();
    if start
        .iter()
        .any(|c| matches!(c, Command::LoadCatalog { .. }))
    {
        all.extend(drive(&mut w, Event::CatalogLoaded(catalog())));
    }
    (w, all)
}

#[test]
fn reload_at_mapping_restores_step_and_every_choice() {
    let w = mapped_wizard();
    let saved = serde_json::to_string(&w.snapshot()).unwrap();
    let (back, _) = restore(&saved);
    assert_eq!(back.step(), Step::Mapping);
    assert!(!back.restore_notice());
    assert_eq!(back.snapshot(), w.snapshot());
    assert_eq!(back.request_body(), w.request_body());
}

#[test]
fn snapshot_round_trips_through_json() {
    let snap = mapped_wizard().snapshot();
    let bytes = serde_json::to_string(&snap).unwrap();
    assert_eq!(load_persisted(&bytes, &SerdeJson).unwrap(), snap);
}

#[test]
fn reload_during_submission_resends_the_same_body_and_key() {
    let mut w = mapped_wizard();
    drive(&mut w, Event::NextClicked);
    let sent = drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(7),
        },
    );
    let saved = serde_json::to_string(&w.snapshot()).unwrap();
    let (back, out) = restore(&saved);
    assert_eq!(back.step(), Step::Submitting);
    let first = |cs: &[Command]| {
        cs.iter()
            .find(|c| matches!(c, Command::Submit { .. }))
            .cloned()
    };
    assert_eq!(first(&out), first(&sent));
}

#[test]
fn tampered_pending_body_is_dropped_with_notice() {
    let mut w = mapped_wizard();
    drive(&mut w, Event::NextClicked);
    drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(7),
        },
    );
    let mut snap = serde_json::to_value(w.snapshot()).unwrap();
    snap["pending"]["body"]["redirect_url"] = json!("https://evil.example/");
    let (back, out) = restore(&serde_json::to_string(&snap).unwrap());
    assert!(back.restore_notice());
    assert!(!out.iter().any(|c| matches!(c, Command::Submit { .. })));
}

#[test]
fn untrusted_stored_values_are_discarded_with_notice_and_no_panic() {
    let good = serde_json::to_value(mapped_wizard().snapshot()).unwrap();
    let mut cases: Vec<String> = vec![
        "not json".to_owned(),
        r#"{"version":999}"#.to_owned(),
        "\"".repeat(5 * 1024 * 1024),
    ];
    for (path, value) in [
        ("/provider", json!("<img src=x onerror=alert(1)>")),
        ("/schemas/0/fields/email/upsert", json!("DELETE_ALL")),
    ] {
        let mut v = good.clone();
        *v.pointer_mut(path).unwrap() = value;
        cases.push(serde_json::to_string(&v).unwrap());
    }
    for bytes in cases {
        let (w, _) = restore(&bytes);
        assert!(w.restore_notice());
        assert_eq!(w.step(), Step::Provider, "fresh start");
    }
}

#[test]
fn mapping_to_a_field_that_no_longer_exists_is_dropped_with_notice() {
    let mut v = serde_json::to_value(mapped_wizard().snapshot()).unwrap();
    v["schemas"][0]["fields"]["email"]["provider_field"] = json!("gone_field");
    let (w, _) = restore(&serde_json::to_string(&v).unwrap());
    assert_eq!(w.step(), Step::Mapping);
    assert!(w.restore_notice());
    let rows = w.mapping_states(&schema("crm-contact"));
    assert_eq!(
        rows[0].provider_field.map(|f| f.name.as_str()),
        Some("email"),
        "suggestion kept instead"
    );
}

#[test]
fn finished_flow_restores_as_done_without_any_request() {
    let mut w = mapped_wizard();
    drive(&mut w, Event::NextClicked);
    drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    drive(&mut w, Event::SubmitFinished(Ok(session_id())));
    let (back, out) = Wizard::restore(
        options(session()),
        &serde_json::to_string(&w.snapshot()).unwrap(),
        &SerdeJson,
    );
    assert_eq!(back.step(), Step::Done);
    assert!(out
        .iter()
        .all(|c| !matches!(c, Command::LoadCatalog { .. } | Command::Submit { .. })));
}

#[test]
fn a_push_only_choice_survives_a_reload() {
    let (mut w, _) = started(options(session()));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    drive(&mut w, Event::NextClicked);
    drive(
        &mut w,
        Event::DirectionToggled {
            schema: schema("crm-contact"),
            method: Method::Import,
        },
    );
    let saved = serde_json::to_string(&w.snapshot()).unwrap();
    let (back, _) = restore(&saved);
    assert!(!back.restore_notice());
    assert_eq!(back.schemas()[0].methods, [Method::Export]);
    assert_eq!(back.request_body(), w.request_body());
}

#[test]
fn state_saved_by_the_one_direction_version_is_refused_by_its_version() {
    // What version 1 wrote: one `method` and one `resource` per schema.
    let v1 = r#"{"version":1,"step":"mapping","provider":"hubspot","schemas":[{"key":"crm-contact",
        "selected":true,"method":"EXPORT","resource":null,"fields":{},"passthrough":[]}],
        "pending":null,"finished":false}"#;
    let err = load_persisted(v1, &SerdeJson).unwrap_err();
    assert!(
        err.to_string().contains("state version 1"),
        "refused by its version, not misread by its shape: {err}"
    );
    let (w, _) = restore(v1);
    assert!(w.restore_notice());
    assert_eq!(w.step(), Step::Provider, "starts fresh");
}

#[test]
fn a_saved_direction_the_provider_lacks_is_dropped_with_notice() {
    let (mut w, _) = started(options(session()));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("pipedrive"),
        },
    );
    drive(&mut w, Event::NextClicked);
    let mut saved = serde_json::to_value(w.snapshot()).unwrap();
    saved["schemas"][0]["methods"]
        .as_array_mut()
        .unwrap()
        .push(json!({"method": "EXPORT", "resource": "create-contacts"}));
    let (back, _) = restore(&saved.to_string());
    assert!(back.restore_notice());
    assert_eq!(back.schemas()[0].methods, [Method::Import]);
    assert!(!back.schemas()[0].pushed);
}

#[test]
fn the_fuzz_seeds_hold_the_current_shape_and_the_old_version() {
    let valid = include_str!("../fuzz/corpus/persisted_state_load/valid");
    let state = load_persisted(valid, &SerdeJson).expect("the valid seed is a version 2 state");
    assert_eq!(state.schemas[0].methods.len(), 2);
    let old = include_str!("../fuzz/corpus/persisted_state_load/version_1");
    assert!(load_persisted(old, &SerdeJson).is_err());
}
