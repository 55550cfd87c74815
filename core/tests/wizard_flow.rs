//! Wizard transitions: narrowing, Back and jumps, mapping rules, one submission in flight,
//! idempotency-key reuse, terminal outcomes and navigation.

mod common;

use common::*;
use serde_json::json;
use widget_core::codes::ErrorCode;
use widget_core::decode::Failure;
use widget_core::ids::{FieldName, ProviderName, ResourceId};
use widget_core::wire::{Method, UpsertSetting};
use widget_core::wizard::{Command, Event, ExitReason, HostEvent, MappingIssue, Step, Wizard};

fn full_session() -> serde_json::Value {
    json!({"schema": [{"endgrate_type": "crm-contact"}], "schema_selection": true, "resource_selection": true,
           "field_selection": true, "passthrough_fields": true, "redirect_url": "https://app.example.com/done?x=1"})
}

/// Provider → Schemas → Resources → Mapping, hubspot picked.
fn at_mapping(session: serde_json::Value) -> Wizard {
    let (mut w, _) = started(options(session));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    while w.step() != Step::Mapping {
        drive(&mut w, Event::NextClicked);
    }
    w
}

fn submits(out: &[Command]) -> Vec<String> {
    out.iter()
        .filter_map(|c| match c {
            Command::Submit {
                idempotency_key, ..
            } => Some(idempotency_key.to_string()),
            _ => None,
        })
        .collect()
}

fn fail(code: ErrorCode) -> Event {
    Event::SubmitFinished(Err(Failure {
        code,
        message: None,
    }))
}

#[test]
fn start_emits_ready_and_loads_catalog_with_list_and_category() {
    let (_, out) = Wizard::new(options(
        json!({"category": "CRM", "provider_list_id": "list_1"}),
    ));
    assert_eq!(out[0], Command::Emit(HostEvent::Ready));
    assert!(
        matches!(&out[1], Command::LoadCatalog { category: Some(c), provider_list_id: Some(l), .. } if c == "CRM" && l == "list_1")
    );
}

#[test]
fn catalog_is_narrowed_to_category_and_providers_supporting_every_schema_type() {
    let names = |w: &Wizard| {
        w.catalog_providers()
            .iter()
            .map(|p| p.provider.name.clone())
            .collect::<Vec<_>>()
    };
    let (w, _) = started(options(json!({"category": "ACCOUNTING"})));
    assert_eq!(names(&w), ["quickbooks"]);
    let (w, _) = started(options(
        json!({"schema": [{"endgrate_type": "crm-contact"}, {"endgrate_type": "crm-company"}]}),
    ));
    assert_eq!(names(&w), ["hubspot"]);
    let (w, _) = started(options(
        json!({"schema": [{"endgrate_type": "crm-contact"}]}),
    ));
    assert_eq!(names(&w), ["hubspot", "pipedrive"]);
}

#[test]
fn search_and_category_chip_narrow_visible_providers() {
    let (mut w, _) = started(options(json!({})));
    drive(
        &mut w,
        Event::SearchChanged {
            query: "quikbooks".into(),
        },
    );
    let names: Vec<_> = w
        .visible_providers()
        .iter()
        .map(|p| p.provider.name.as_str())
        .collect();
    assert_eq!(names, ["quickbooks"]);
    drive(
        &mut w,
        Event::SearchChanged {
            query: String::new(),
        },
    );
    drive(
        &mut w,
        Event::CategoryFilterChosen {
            category: Some("CRM".into()),
        },
    );
    assert_eq!(w.visible_providers().len(), 2);
    assert_eq!(w.categories(), ["ACCOUNTING", "CRM"]);
}

#[test]
fn visible_provider_indices_point_into_the_catalog_in_the_ranked_order() {
    let (mut w, _) = started(options(json!({})));
    for query in ["", "quikbooks", "o", "zzzz"] {
        drive(
            &mut w,
            Event::SearchChanged {
                query: query.into(),
            },
        );
        let by_index: Vec<&str> = w
            .visible_provider_indices()
            .into_iter()
            .map(|i| w.catalog_providers()[i].provider.name.as_str())
            .collect();
        let ranked: Vec<&str> = w
            .visible_providers()
            .iter()
            .map(|p| p.provider.name.as_str())
            .collect();
        assert_eq!(by_index, ranked, "query {query:?}");
    }
}

#[test]
fn provider_outside_the_narrowed_catalog_cannot_be_picked() {
    let (mut w, _) = started(options(json!({"category": "ACCOUNTING"})));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    assert!(w.selected_provider().is_none());
    assert_eq!(w.blocking_issues(), [MappingIssue::NoProvider]);
}

#[test]
fn preset_provider_missing_from_catalog_is_a_config_error() {
    let (w, out) = started(options(json!({"provider": "salesforce"})));
    assert_eq!(w.step(), Step::Error);
    assert_eq!(w.error().unwrap().code, ErrorCode::ConfigInvalid);
    assert!(out.iter().any(|c| matches!(
        c,
        Command::Emit(HostEvent::Error {
            code: ErrorCode::ConfigInvalid,
            ..
        })
    )));
}

#[test]
fn schemas_offer_the_provider_directions_and_custom_objects_with_passthrough_schemas() {
    let (mut w, _) = started(options(
        json!({"schema": [{"endgrate_type": "crm-contact"}], "passthrough_schemas": true}),
    ));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    drive(&mut w, Event::NextClicked);
    let views = w.schemas();
    assert_eq!(views[0].directions, [Method::Import, Method::Export]);
    assert!(
        !views[0].toggleable,
        "session schemas are fixed without schema_selection"
    );
    assert!(views[1].custom && views[1].toggleable && !views[1].selected);
    drive(
        &mut w,
        Event::SchemaToggled {
            schema: schema("Ticket Board"),
        },
    );
    drive(
        &mut w,
        Event::SchemaToggled {
            schema: schema("crm-contact"),
        },
    );
    let selected: Vec<_> = w.selected_schemas().iter().map(|k| k.to_string()).collect();
    assert_eq!(selected, ["crm-contact", "Ticket Board"]);
}

#[test]
fn direction_outside_provider_support_is_ignored() {
    let (mut w, _) = started(options(
        json!({"schema": [{"endgrate_type": "crm-contact"}], "schema_selection": true}),
    ));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("pipedrive"),
        },
    );
    drive(&mut w, Event::NextClicked);
    let out = drive(
        &mut w,
        Event::DirectionToggled {
            schema: schema("crm-contact"),
            method: Method::Export,
        },
    );
    assert!(out.is_empty(), "{out:?}");
    assert_eq!(w.schemas()[0].methods, [Method::Import]);
}

fn toggle(w: &mut Wizard, method: Method) {
    drive(
        w,
        Event::DirectionToggled {
            schema: schema("crm-contact"),
            method,
        },
    );
}

#[test]
fn directions_are_a_set_and_a_schema_with_none_is_not_selected() {
    let (mut w, _) = started(options(full_session()));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    drive(&mut w, Event::NextClicked);
    assert_eq!(w.schemas()[0].methods, [Method::Import, Method::Export]);
    assert!(w.schemas()[0].pushed);
    toggle(&mut w, Method::Import);
    assert_eq!(w.schemas()[0].methods, [Method::Export]);
    toggle(&mut w, Method::Export);
    assert!(w.schemas()[0].methods.is_empty() && !w.schemas()[0].selected);
    assert_eq!(w.blocking_issues(), [MappingIssue::NoSchemaSelected]);
    toggle(&mut w, Method::Export);
    assert_eq!(w.schemas()[0].methods, [Method::Export]);
    assert!(w.schemas()[0].selected && w.blocking_issues().is_empty());
}

#[test]
fn without_schema_selection_directions_are_fixed_to_every_supported_one() {
    let (mut w, _) = started(options(
        json!({"schema": [{"endgrate_type": "crm-contact"}], "passthrough_schemas": true}),
    ));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    drive(&mut w, Event::NextClicked);
    toggle(&mut w, Method::Export);
    assert_eq!(w.schemas()[0].methods, [Method::Import, Method::Export]);
}

#[test]
fn each_direction_has_its_resource_shown_by_display_name() {
    let (mut w, _) = started(options(full_session()));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    drive(&mut w, Event::NextClicked);
    drive(&mut w, Event::NextClicked);
    assert_eq!(w.step(), Step::Resources);
    let key = schema("crm-contact");
    let pull = w.resources(&key, Method::Import);
    let push = w.resources(&key, Method::Export);
    assert_eq!(
        (
            pull[0].id.as_str(),
            pull[0].display_name.as_str(),
            pull[0].chosen
        ),
        ("get-contacts", "Get Contacts", true)
    );
    assert_eq!(
        (
            push[0].id.as_str(),
            push[0].display_name.as_str(),
            push[0].chosen
        ),
        ("create-contacts", "Create Contacts", true)
    );
    // The pull integration cannot be named for the push direction.
    let out = drive(
        &mut w,
        Event::ResourcePicked {
            schema: key.clone(),
            method: Method::Export,
            resource: pull[0].id.clone(),
        },
    );
    assert!(out.is_empty(), "{out:?}");
    let review: Vec<_> = w.review()[0].methods.clone();
    assert_eq!(
        review,
        [
            (Method::Import, Some("Get Contacts".to_owned())),
            (Method::Export, Some("Create Contacts".to_owned()))
        ]
    );
}

#[test]
fn a_schema_given_by_title_is_matched_to_a_provider_resource_per_direction() {
    let session = json!({"schema": [{"title": "Person", "properties": {"email": {"type": "string"}}}],
        "provider": "hubspot", "resource_selection": true, "field_selection": true});
    let (mut w, _) = started(options(session));
    assert_eq!(w.step(), Step::Resources);
    let key = schema("Person");
    let names = |m| {
        w.resources(&key, m)
            .into_iter()
            .map(|r| r.display_name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(Method::Import), ["Get Contacts", "Get Companies"]);
    assert_eq!(
        names(Method::Export),
        ["Create Contacts", "Create Companies"]
    );
    assert_eq!(
        w.blocking_issues(),
        [
            MappingIssue::NoResource {
                schema: key.clone(),
                method: Method::Import
            },
            MappingIssue::NoResource {
                schema: key.clone(),
                method: Method::Export
            }
        ]
    );
    for (method, id) in [
        (Method::Import, "get-companies"),
        (Method::Export, "create-companies"),
    ] {
        drive(
            &mut w,
            Event::ResourcePicked {
                schema: key.clone(),
                method,
                resource: ResourceId::new(id).unwrap(),
            },
        );
    }
    let out = drive(&mut w, Event::NextClicked);
    let loads: Vec<_> = out
        .iter()
        .filter_map(|c| match c {
            Command::LoadFields { endgrate_type, .. } => Some(endgrate_type.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(loads, ["crm-company"], "the fields of the resource picked");
    let body = serde_json::to_value(w.request_body().unwrap()).unwrap();
    assert_eq!(
        body["end_user_configuration"]["schemas"]["Person"]["methods"],
        json!({"IMPORT": {"integration": "get-companies"}, "EXPORT": {"integration": "create-companies"}})
    );
}

#[test]
fn a_late_field_answer_for_a_resource_the_user_has_since_changed_is_dropped() {
    let session = json!({"schema": [{"title": "Person", "properties": {"email": {"type": "string"}}}],
        "provider": "hubspot", "resource_selection": true, "field_selection": true});
    let (mut w, _) = started(options(session));
    let key = schema("Person");
    let pick = |w: &mut Wizard, object: &str| {
        for (method, verb) in [(Method::Import, "get"), (Method::Export, "create")] {
            drive(
                w,
                Event::ResourcePicked {
                    schema: schema("Person"),
                    method,
                    resource: ResourceId::new(format!("{verb}-{object}")).unwrap(),
                },
            );
        }
    };
    pick(&mut w, "companies");
    // Commands are not answered here: the company fields are still on their way.
    let loads = w.update(Event::NextClicked);
    assert!(loads.iter().any(
        |c| matches!(c, Command::LoadFields { endgrate_type, .. } if endgrate_type == "crm-company")
    ));
    // Back to the resource step before the company fields arrive, and contacts instead.
    drive(&mut w, Event::BackClicked);
    pick(&mut w, "contacts");
    let stale = Event::FieldsLoaded {
        provider: ProviderName::new("hubspot").unwrap(),
        schema: key.clone(),
        endgrate_type: "crm-company".into(),
        fields: serde_json::from_value(json!({"schema_fields": [], "provider_fields": [
            {"name": "domain", "title": "Domain", "type": "string"}]}))
        .unwrap(),
    };
    drive(&mut w, stale);
    let loads = w.update(Event::NextClicked);
    assert!(loads.iter().any(
        |c| matches!(c, Command::LoadFields { endgrate_type, .. } if endgrate_type == "crm-contact")
    ));
    assert_eq!(w.step(), Step::Mapping);
    assert!(
        w.blocking_issues()
            .contains(&MappingIssue::FieldsNotLoaded {
                schema: key.clone()
            }),
        "the company fields were not installed for a schema now matched to contacts: {:?}",
        w.blocking_issues()
    );
}

#[test]
fn mapping_is_suggested_and_upsert_exists_exactly_when_pushed() {
    let mut w = at_mapping(full_session());
    let rows = w.mapping_states(&schema("crm-contact"));
    let mapped: Vec<_> = rows
        .iter()
        .map(|r| r.provider_field.map(|f| f.name.clone()))
        .collect();
    assert_eq!(
        mapped,
        [
            Some("email".into()),
            Some("firstname".into()),
            Some("lastname".into())
        ]
    );
    assert!(rows[0].required);
    assert!(
        rows.iter()
            .all(|r| r.suggested && r.upsert == Some(UpsertSetting::Overwrite)),
        "pulled and pushed: one mapping, upsert on every field"
    );

    for (off, upsert_shown) in [(Method::Export, false), (Method::Import, true)] {
        drive(
            &mut w,
            Event::StepChosen {
                step: Step::Schemas,
            },
        );
        for m in [Method::Import, Method::Export] {
            if !w.schemas()[0].methods.contains(&m) {
                toggle(&mut w, m);
            }
        }
        toggle(&mut w, off);
        drive(&mut w, Event::NextClicked);
        drive(&mut w, Event::NextClicked);
        let rows = w.mapping_states(&schema("crm-contact"));
        assert!(
            rows.iter().all(|r| r.upsert.is_some() == upsert_shown),
            "{off:?} off"
        );
    }
}

#[test]
fn upsert_starts_at_the_default_upsert_setting() {
    let mut session = full_session();
    session["default_upsert_setting"] = json!("SET_IF_NOT_SET");
    session["schema_selection"] = json!(true);
    let (mut w, _) = started(options(session));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    drive(&mut w, Event::NextClicked);
    toggle(&mut w, Method::Import);
    drive(&mut w, Event::NextClicked);
    drive(&mut w, Event::NextClicked);
    assert_eq!(w.step(), Step::Mapping);
    let field = FieldName::new("email").unwrap();
    drive(
        &mut w,
        Event::UpsertChosen {
            schema: schema("crm-contact"),
            field,
            upsert: UpsertSetting::DoNotUpdate,
        },
    );
    let ups: Vec<_> = w
        .mapping_states(&schema("crm-contact"))
        .iter()
        .map(|r| r.upsert.unwrap())
        .collect();
    assert_eq!(
        ups,
        [
            UpsertSetting::DoNotUpdate,
            UpsertSetting::SetIfNotSet,
            UpsertSetting::SetIfNotSet
        ]
    );
}

#[test]
fn required_field_unmapped_blocks_review() {
    let mut w = at_mapping(full_session());
    let email = FieldName::new("email").unwrap();
    drive(
        &mut w,
        Event::FieldMapped {
            schema: schema("crm-contact"),
            field: email.clone(),
            provider_field: None,
        },
    );
    drive(&mut w, Event::NextClicked);
    assert_eq!(w.step(), Step::Mapping);
    assert_eq!(
        w.blocking_issues(),
        [MappingIssue::RequiredFieldUnmapped {
            schema: schema("crm-contact"),
            field: email
        }]
    );
}

#[test]
fn passthrough_candidates_are_unmapped_custom_fields() {
    let mut w = at_mapping(full_session());
    let s = schema("crm-contact");
    let names: Vec<_> = w
        .passthrough_candidates(&s)
        .iter()
        .map(|(f, on)| (f.name.clone(), *on))
        .collect();
    assert_eq!(
        names,
        [
            ("lifecyclestage".to_owned(), false),
            ("hs_score".to_owned(), false)
        ]
    );
    drive(
        &mut w,
        Event::PassthroughToggled {
            schema: s.clone(),
            provider_field: FieldName::new("lifecyclestage").unwrap(),
        },
    );
    drive(
        &mut w,
        Event::PassthroughToggled {
            schema: s.clone(),
            provider_field: FieldName::new("email").unwrap(),
        },
    );
    drive(&mut w, Event::NextClicked);
    let out = drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    let Some(Command::Submit { body, .. }) =
        out.iter().find(|c| matches!(c, Command::Submit { .. }))
    else {
        panic!()
    };
    let choice = &body
        .end_user_configuration
        .as_ref()
        .unwrap()
        .schemas
        .get("crm-contact")
        .unwrap();
    assert_eq!(choice.passthrough_fields, ["lifecyclestage"]);
    assert_eq!(
        choice.fields.get("first_name").unwrap().provider_field,
        "firstname"
    );
}

#[test]
fn back_and_jump_keep_choices_and_forward_jumps_are_refused() {
    let mut w = at_mapping(full_session());
    let s = schema("crm-contact");
    drive(
        &mut w,
        Event::FieldMapped {
            schema: s.clone(),
            field: FieldName::new("last_name").unwrap(),
            provider_field: None,
        },
    );
    drive(&mut w, Event::NextClicked);
    assert_eq!(w.step(), Step::Review);
    drive(
        &mut w,
        Event::StepChosen {
            step: Step::Provider,
        },
    );
    assert_eq!(w.step(), Step::Provider);
    drive(&mut w, Event::StepChosen { step: Step::Review });
    assert_eq!(w.step(), Step::Provider, "no jumping forward");
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    for _ in 0..3 {
        drive(&mut w, Event::NextClicked);
    }
    assert_eq!(w.step(), Step::Mapping);
    assert_eq!(
        w.mapping_states(&s)[2].provider_field,
        None,
        "the cleared mapping survived"
    );
    drive(&mut w, Event::BackClicked);
    assert_eq!(w.step(), Step::Resources);
}

#[test]
fn double_submit_sends_one_request() {
    let mut w = at_mapping(full_session());
    drive(&mut w, Event::NextClicked);
    let mut out = drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    out.extend(drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(2),
        },
    ));
    assert_eq!(submits(&out), [key(1).to_string()]);
    assert!(w.is_submitting());
    assert!(
        drive(&mut w, Event::ExitClicked).is_empty(),
        "no exit while in flight"
    );
}

#[test]
fn retry_reuses_the_key_and_a_changed_body_gets_a_new_one() {
    let mut w = at_mapping(full_session());
    drive(&mut w, Event::NextClicked);
    let mut keys = submits(&drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    ));
    drive(&mut w, fail(ErrorCode::NetworkTimeout));
    assert_eq!(w.step(), Step::Error);
    keys.extend(submits(&drive(&mut w, Event::RetryClicked)));
    drive(&mut w, fail(ErrorCode::ServerError));
    drive(&mut w, Event::BackClicked);
    assert_eq!(w.step(), Step::Review);
    keys.extend(submits(&drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(2),
        },
    )));
    drive(&mut w, fail(ErrorCode::ServerError));
    drive(&mut w, Event::BackClicked);
    drive(
        &mut w,
        Event::StepChosen {
            step: Step::Mapping,
        },
    );
    drive(
        &mut w,
        Event::FieldMapped {
            schema: schema("crm-contact"),
            field: FieldName::new("last_name").unwrap(),
            provider_field: None,
        },
    );
    drive(&mut w, Event::NextClicked);
    keys.extend(submits(&drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(3),
        },
    )));
    assert_eq!(
        keys,
        [key(1), key(1), key(1), key(3)].map(|k| k.to_string())
    );
}

#[test]
fn start_over_discards_the_key_and_keeps_choices() {
    let mut w = at_mapping(full_session());
    drive(&mut w, Event::NextClicked);
    drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    let out = drive(&mut w, fail(ErrorCode::SessionExpired));
    assert!(out.contains(&Command::Emit(HostEvent::Error {
        code: ErrorCode::SessionExpired,
        message: None,
        field: None
    })));
    drive(&mut w, Event::StartOverClicked);
    assert_eq!(w.step(), Step::Provider);
    assert_eq!(w.selected_provider().unwrap().provider.name, "hubspot");
    for _ in 0..4 {
        drive(&mut w, Event::NextClicked);
    }
    assert_eq!(
        submits(&drive(
            &mut w,
            Event::SubmitClicked {
                candidate_key: key(2)
            }
        )),
        [key(2).to_string()]
    );
}

#[test]
fn success_navigates_to_redirect_with_session_id_after_the_success_event() {
    let mut w = at_mapping(full_session());
    drive(&mut w, Event::NextClicked);
    drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    let out = drive(&mut w, Event::SubmitFinished(Ok(session_id())));
    let tail: Vec<_> = out
        .iter()
        .filter(|c| {
            !matches!(
                c,
                Command::Persist | Command::Emit(HostEvent::StepChanged { .. })
            )
        })
        .collect();
    assert_eq!(
        tail,
        [
            &Command::Emit(HostEvent::Success {
                session_id: session_id()
            }),
            &Command::Navigate {
                url: "https://app.example.com/done?x=1&session_id=6566e85e7cf20dca9cef0c0a".into()
            },
        ]
    );
    assert!(w.snapshot().finished);
    assert!(
        !serde_json::to_string(&w.snapshot())
            .unwrap()
            .contains("6566e85e"),
        "session id never persisted"
    );
}

#[test]
fn after_endgrate_goes_to_hosted_page_and_after_none_stays() {
    for (after, want) in [
        (
            "endgrate",
            Some("https://endgrate.test/session?session_id=6566e85e7cf20dca9cef0c0a"),
        ),
        ("none", None),
    ] {
        let (mut w, _) = started(options_with(
            json!({"after": after, "endgrateOrigin": "https://endgrate.test",
            "session": {"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}]}}),
        ));
        drive(
            &mut w,
            Event::SubmitClicked {
                candidate_key: key(1),
            },
        );
        let out = drive(&mut w, Event::SubmitFinished(Ok(session_id())));
        let nav = out.iter().find_map(|c| match c {
            Command::Navigate { url } => Some(url.as_str()),
            _ => None,
        });
        assert_eq!(nav, want);
    }
}

#[test]
fn exit_is_terminal_and_later_events_are_dropped() {
    let (mut w, _) = started(options(full_session()));
    let out = drive(&mut w, Event::ExitClicked);
    assert!(out.contains(&Command::Emit(HostEvent::Exit {
        reason: ExitReason::UserClosed
    })));
    assert!(drive(&mut w, Event::Destroyed).is_empty());
    assert!(drive(&mut w, Event::SubmitFinished(Ok(session_id()))).is_empty());
}

#[test]
fn catalog_failure_is_retryable_and_stale_answers_are_ignored() {
    let (mut w, _) = Wizard::new(options(json!({})));
    let out = w.update(Event::CatalogFailed(Failure::code(
        ErrorCode::NetworkOffline,
    )));
    assert!(out.contains(&Command::Emit(HostEvent::Error {
        code: ErrorCode::NetworkOffline,
        message: None,
        field: None
    })));
    assert!(w
        .update(Event::CatalogLoaded(catalog()))
        .iter()
        .all(|c| !matches!(c, Command::Persist)));
    assert!(
        w.catalog_providers().is_empty(),
        "answer without a request in flight is ignored"
    );
    drive(&mut w, Event::RetryClicked);
    assert_eq!(w.step(), Step::Provider);
    assert_eq!(w.catalog_providers().len(), 3);
}

#[test]
fn step_changed_reports_position_in_visible_steps() {
    let (mut w, _) = started(options(full_session()));
    drive(
        &mut w,
        Event::ProviderPicked {
            provider: provider("hubspot"),
        },
    );
    let out = drive(&mut w, Event::NextClicked);
    assert!(out.contains(&Command::Emit(HostEvent::StepChanged {
        step: Step::Schemas,
        index: 2,
        total: 5
    })));
}

#[test]
fn submit_before_the_catalog_arrives_is_refused_and_a_catalog_failure_never_abandons_a_submission()
{
    // Shrunk from the property test: a preset provider makes Review the first step.
    let (mut w, _) = Wizard::new(options(
        json!({"provider": "hubspot", "schema": [{"endgrate_type": "crm-contact"}]}),
    ));
    assert!(submits(&w.update(Event::SubmitClicked {
        candidate_key: key(0)
    }))
    .is_empty());
    assert_eq!(w.blocking_issues(), [MappingIssue::CatalogNotLoaded]);
    drive(&mut w, Event::CatalogLoaded(catalog()));
    assert_eq!(
        submits(&w.update(Event::SubmitClicked {
            candidate_key: key(0)
        }))
        .len(),
        1
    );
    w.update(Event::CatalogFailed(Failure::code(
        ErrorCode::NetworkTimeout,
    )));
    assert!(w.is_submitting());
}

/// The host events among `out`, in order.
fn host_events(out: &[Command]) -> Vec<&HostEvent> {
    out.iter()
        .filter_map(|c| match c {
            Command::Emit(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn the_terminal_event_is_the_last_host_event_of_success_exit_and_destroy() {
    let mut w = at_mapping(full_session());
    drive(&mut w, Event::NextClicked);
    drive(
        &mut w,
        Event::SubmitClicked {
            candidate_key: key(1),
        },
    );
    let out = drive(&mut w, Event::SubmitFinished(Ok(session_id())));
    let events = host_events(&out);
    assert!(matches!(
        events.first(),
        Some(HostEvent::StepChanged {
            step: Step::Done,
            ..
        })
    ));
    assert!(matches!(events.last(), Some(HostEvent::Success { .. })));

    for event in [Event::ExitClicked, Event::Destroyed] {
        let mut w = at_mapping(full_session());
        let out = drive(&mut w, event);
        let events = host_events(&out);
        assert_eq!(events.len(), 2, "{events:?}");
        assert!(matches!(
            events[0],
            HostEvent::StepChanged {
                step: Step::Exited,
                ..
            }
        ));
        assert!(matches!(events[1], HostEvent::Exit { .. }));
    }
}
