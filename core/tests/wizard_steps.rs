//! Every combination of the six step-deciding options (2^6, provider preset included), for a
//! provider supporting both directions (with schema selection: pull only, push only and both)
//! and one supporting pull only: the steps visited, and the exact body sent.

mod common;

use common::*;
use serde_json::json;
use widget_core::wire::{InitiateBody, Method};
use widget_core::wizard::{Command, Event, HostEvent, Step};

/// The direction sets a run can end with: every one the user could choose.
fn direction_sets(schema_selection: bool, supported: &[Method]) -> Vec<Vec<Method>> {
    if schema_selection && supported.len() == 2 {
        vec![
            vec![Method::Import],
            vec![Method::Export],
            vec![Method::Import, Method::Export],
        ]
    } else {
        vec![supported.to_vec()]
    }
}

/// The `end_user_configuration` entry the run must send, written out by hand.
fn expected_choice(wanted: &[Method], rs: bool, fs: bool) -> serde_json::Value {
    let pushed = wanted.contains(&Method::Export);
    let mut methods = json!({});
    for m in wanted {
        let integration = match m {
            Method::Import => "get-contacts",
            Method::Export => "create-contacts",
        };
        methods[m.as_str()] = if rs {
            json!({ "integration": integration })
        } else {
            json!({})
        };
    }
    let mut choice = json!({ "methods": methods });
    if fs {
        let field = |provider_field: &str| {
            if pushed {
                json!({"provider_field": provider_field, "upsert": "OVERWRITE"})
            } else {
                json!({ "provider_field": provider_field })
            }
        };
        choice["fields"] = json!({
            "email": field("email"), "first_name": field("firstname"), "last_name": field("lastname")
        });
    }
    choice
}

#[test]
fn every_flag_combination_and_direction_set_visits_its_steps_and_sends_its_exact_body() {
    let mut runs = 0;
    for (name, supported) in [
        ("hubspot", vec![Method::Import, Method::Export]),
        ("pipedrive", vec![Method::Import]),
    ] {
        for mask in 0u32..64 {
            let ss = mask & 2 != 0;
            for wanted in direction_sets(ss, &supported) {
                run(mask, name, &supported, &wanted);
                runs += 1;
            }
        }
    }
    // 64 for pipedrive; for hubspot 32 without schema selection, 32 × 3 with it.
    assert_eq!(runs, 64 + 32 + 96);
}

fn run(mask: u32, name: &str, supported: &[Method], wanted: &[Method]) {
    {
        let bit = |i: u32| mask & (1 << i) != 0;
        let (preset, ss, ps, rs, fs, pf) = (bit(0), bit(1), bit(2), bit(3), bit(4), bit(5));
        let mut session = json!({
            "schema": [{"endgrate_type": "crm-contact"}],
            "schema_selection": ss, "passthrough_schemas": ps, "resource_selection": rs,
            "field_selection": fs, "passthrough_fields": pf,
            "redirect_url": "https://app.example.com/done"
        });
        if preset {
            session["provider"] = json!(name);
        }
        let mask = format!("{name} {wanted:?} {mask:06b}");
        let mut expected = Vec::new();
        if !preset {
            expected.push(Step::Provider);
        }
        if ss || ps {
            expected.push(Step::Schemas);
        }
        if rs {
            expected.push(Step::Resources);
        }
        if fs {
            expected.push(Step::Mapping);
        }
        expected.push(Step::Review);

        let (mut w, _) = started(options(session));
        assert_eq!(w.visible_steps(), expected, "{mask}");
        let mut visited = vec![w.step()];
        while w.step() != Step::Review {
            if w.step() == Step::Provider {
                drive(
                    &mut w,
                    Event::ProviderPicked {
                        provider: provider(name),
                    },
                );
            }
            if w.step() == Step::Schemas {
                assert_eq!(w.schemas()[0].directions, supported, "{mask}");
                assert_eq!(w.schemas()[0].methods, supported, "all start on: {mask}");
                for m in supported.iter().filter(|m| !wanted.contains(m)) {
                    drive(
                        &mut w,
                        Event::DirectionToggled {
                            schema: schema("crm-contact"),
                            method: *m,
                        },
                    );
                }
                assert_eq!(w.schemas()[0].methods, wanted, "{mask}");
            }
            let out = drive(&mut w, Event::NextClicked);
            assert!(
                !out.is_empty(),
                "{mask}: Next did nothing at {:?}: {:?}",
                w.step(),
                w.blocking_issues()
            );
            visited.push(w.step());
        }
        assert_eq!(visited, expected, "{mask}");
        let (index, total) = w.step_position().unwrap();
        assert_eq!((index, total), (expected.len(), expected.len()));

        let out = drive(
            &mut w,
            Event::SubmitClicked {
                candidate_key: key(1),
            },
        );
        let body = out
            .iter()
            .find_map(|c| match c {
                Command::Submit { body, .. } => Some(body.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{mask}: no Submit: {:?}", w.blocking_issues()));
        let json = serde_json::to_string(&body).unwrap();
        let back: InitiateBody = serde_json::from_str(&json).expect("documented keys only");
        assert_eq!(back, body);
        let expected = json!({
            "schema": [{"endgrate_type": "crm-contact"}],
            "schema_selection": ss, "passthrough_schemas": ps, "resource_selection": rs,
            "field_selection": fs, "passthrough_fields": pf,
            "redirect_url": "https://app.example.com/done",
            "provider": name,
            "end_user_configuration": {"schemas": {"crm-contact": expected_choice(wanted, rs, fs)}}
        });
        let sent: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(sent, expected, "{mask}");

        let out = drive(&mut w, Event::SubmitFinished(Ok(session_id())));
        assert_eq!(w.step(), Step::Done);
        let success = out
            .iter()
            .position(|c| matches!(c, Command::Emit(HostEvent::Success { .. })));
        let nav = out
            .iter()
            .position(|c| matches!(c, Command::Navigate { .. }));
        assert!(
            success.unwrap() < nav.unwrap(),
            "success is emitted before navigation"
        );
    }
}
