//! Every combination of the six step-deciding options (2^6, provider preset included): the steps
//! visited, and a body that only holds documented keys.

mod common;

use common::*;
use serde_json::json;
use widget_core::wire::InitiateBody;
use widget_core::wizard::{Command, Event, HostEvent, Step};

#[test]
fn every_flag_combination_visits_exactly_its_steps_and_builds_a_strict_body() {
    for mask in 0u32..64 {
        let bit = |i: u32| mask & (1 << i) != 0;
        let (preset, ss, ps, rs, fs, pf) = (bit(0), bit(1), bit(2), bit(3), bit(4), bit(5));
        let mut session = json!({
            "schema": [{"endgrate_type": "crm-contact"}],
            "schema_selection": ss, "passthrough_schemas": ps, "resource_selection": rs,
            "field_selection": fs, "passthrough_fields": pf,
            "redirect_url": "https://app.example.com/done"
        });
        if preset {
            session["provider"] = json!("hubspot");
        }
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
        assert_eq!(w.visible_steps(), expected, "mask {mask:06b}");
        let mut visited = vec![w.step()];
        while w.step() != Step::Review {
            if w.step() == Step::Provider {
                drive(
                    &mut w,
                    Event::ProviderPicked {
                        provider: provider("hubspot"),
                    },
                );
            }
            let out = drive(&mut w, Event::NextClicked);
            assert!(
                !out.is_empty(),
                "mask {mask:06b}: Next did nothing at {:?}: {:?}",
                w.step(),
                w.blocking_issues()
            );
            visited.push(w.step());
        }
        assert_eq!(visited, expected, "mask {mask:06b}");
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
            .unwrap_or_else(|| panic!("mask {mask:06b}: no Submit: {:?}", w.blocking_issues()));
        let json = serde_json::to_string(&body).unwrap();
        let back: InitiateBody = serde_json::from_str(&json).expect("documented keys only");
        assert_eq!(back, body);
        let choice = &body
            .end_user_configuration
            .as_ref()
            .unwrap()
            .schemas
            .get("crm-contact")
            .unwrap();
        assert_eq!(choice.integration.is_some(), rs, "mask {mask:06b}");
        assert_eq!(!choice.fields.is_empty(), fs, "mask {mask:06b}");
        assert_eq!(body.provider.as_deref(), Some("hubspot"));

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
