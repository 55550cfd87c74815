//! What the outcome screens may promise: success leaves the page only for a destination that
//! exists, and the Error step offers Back only when there is a step to go back to.

mod common;

use common::*;
use serde_json::json;
use widget_core::codes::ErrorCode;
use widget_core::decode::Failure;
use widget_core::wizard::{Command, Event, Step, Wizard};

fn succeed(all: serde_json::Value) -> (Wizard, Vec<Command>) {
    let (mut w, _) = started(options_with(all));
    drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    let out = drive(&mut w, Event::SubmitFinished(Ok(session_id())));
    assert_eq!(w.step(), Step::Done);
    (w, out)
}

fn navigates(out: &[Command]) -> bool {
    out.iter().any(|c| matches!(c, Command::Navigate { .. }))
}

#[test]
fn redirect_without_a_redirect_url_stays_and_says_so() {
    let session = json!({"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}]});
    let (w, out) = succeed(json!({ "session": session }));
    assert!(!navigates(&out));
    assert!(
        !w.leaves_after_success(),
        "the done screen must not promise a next page"
    );
    let (w, out) = succeed(json!({"after": "redirect", "session": session}));
    assert!(!navigates(&out) && !w.leaves_after_success());
}

#[test]
fn success_leaves_for_a_redirect_url_or_endgrate_and_stays_for_none() {
    for (all, leaves) in [
        (
            json!({"session": {"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}],
                "redirect_url": "https://app.example.com/done"}}),
            true,
        ),
        (
            json!({"after": "endgrate", "session": {"provider": "hubspot",
                "schema": [{"endgrate_type": "crm-contact"}]}}),
            true,
        ),
        (
            json!({"after": "none", "session": {"provider": "hubspot",
                "schema": [{"endgrate_type": "crm-contact"}], "redirect_url": "https://app.example.com/done"}}),
            false,
        ),
    ] {
        let (w, out) = succeed(all.clone());
        assert_eq!(w.leaves_after_success(), leaves, "{all}");
        assert_eq!(navigates(&out), leaves, "{all}");
    }
}

#[test]
fn an_error_on_the_first_step_offers_no_back_and_one_later_does() {
    let (mut w, _) = Wizard::new(options(json!({})));
    w.update(Event::CatalogFailed(Failure::code(
        ErrorCode::NetworkOffline,
    )));
    assert_eq!(w.step(), Step::Error);
    assert!(
        !w.error_offers_back(),
        "the catalog failed on the provider step"
    );

    let (mut w, _) = started(options(
        json!({"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}], "schema_selection": true}),
    ));
    drive(&mut w, Event::NextClicked);
    drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    drive(
        &mut w,
        Event::SubmitFinished(Err(Failure::code(ErrorCode::ServerError))),
    );
    assert_eq!(w.step(), Step::Error);
    assert!(w.error_offers_back(), "Back returns to Review");
}
