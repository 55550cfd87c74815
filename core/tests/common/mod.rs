//! Shared fixtures for the wizard tests: a small catalog, field lists and a driver that answers
//! the wizard's load commands like the shell would.
#![allow(dead_code)]

use serde_json::{json, Value};
use widget_core::ids::{IdempotencyKey, ProviderName, SchemaKey, SessionId};
use widget_core::options::WidgetOptions;
use widget_core::url_check::NativeUrlParser;
use widget_core::wire::{FieldsResponse, IntegrationsResponse};
use widget_core::wizard::{Command, Event, Wizard};

pub const PAGE: &str = "https://app.example.com";

pub fn options(session: Value) -> WidgetOptions {
    options_with(json!({ "session": session }))
}

pub fn options_with(all: Value) -> WidgetOptions {
    WidgetOptions::parse(&all, PAGE, &NativeUrlParser).expect("fixture options are valid")
}

pub fn catalog() -> IntegrationsResponse {
    serde_json::from_value(json!({"providers": [
        {"provider": {"name": "hubspot", "display_name": "HubSpot", "endgrate_provider_type": "CRM"},
         "integrations": [
            {"display_name": "Contact", "endgrate_type": "crm-contact", "supports_push": true, "supports_pull": true},
            {"display_name": "Company", "endgrate_type": "crm-company", "supports_push": true, "supports_pull": true},
            {"display_name": "Ticket Board", "endgrate_type": "hubspot-ticket-board", "supports_pull": true, "is_custom_object": true}]},
        {"provider": {"name": "pipedrive", "display_name": "Pipedrive", "endgrate_provider_type": "CRM"},
         "integrations": [{"display_name": "Contact", "endgrate_type": "crm-contact", "supports_pull": true}]},
        {"provider": {"name": "quickbooks", "display_name": "QuickBooks", "endgrate_provider_type": "ACCOUNTING"},
         "integrations": [{"display_name": "Invoice", "endgrate_type": "accounting-invoice", "supports_push": true, "supports_pull": true}]}
    ]}))
    .unwrap()
}

pub fn fields() -> FieldsResponse {
    serde_json::from_value(json!({
        "schema_fields": [
            {"name": "email", "type": "string", "format": "email", "required": true},
            {"name": "first_name", "type": "string"},
            {"name": "last_name", "type": "string"}],
        "provider_fields": [
            {"name": "email", "type": "string", "format": "email"},
            {"name": "firstname", "title": "First Name", "type": "string"},
            {"name": "lastname", "title": "Last Name", "type": "string"},
            {"name": "lifecyclestage", "title": "Lifecycle Stage", "type": "string", "custom": true},
            {"name": "hs_score", "type": "number", "custom": true}]
    }))
    .unwrap()
}

pub fn key(n: u8) -> IdempotencyKey {
    IdempotencyKey::new(format!("00000000-0000-4000-8000-0000000000{n:02}")).unwrap()
}

pub fn provider(name: &str) -> ProviderName {
    ProviderName::new(name).unwrap()
}

pub fn schema(name: &str) -> SchemaKey {
    SchemaKey::new(name).unwrap()
}

pub fn session_id() -> SessionId {
    SessionId::new("6566e85e7cf20dca9cef0c0a").unwrap()
}

/// Applies an event and answers every load command with the fixtures, as a shell would.
pub fn drive(w: &mut Wizard, event: Event) -> Vec<Command> {
    let mut all = Vec::new();
    let mut queue = vec![event];
    while let Some(e) = queue.pop() {
        let out = w.update(e);
        for c in &out {
            match c {
                Command::LoadCatalog { .. } => queue.push(Event::CatalogLoaded(catalog())),
                Command::LoadFields {
                    provider,
                    schema,
                    endgrate_type,
                } => queue.push(Event::FieldsLoaded {
                    provider: provider.clone(),
                    schema: schema.clone(),
                    endgrate_type: endgrate_type.clone(),
                    fields: fields(),
                }),
                _ => {}
            }
        }
        all.extend(out);
    }
    all
}

/// A started wizard with its start-up loads answered.
pub fn started(opts: WidgetOptions) -> (Wizard, Vec<Command>) {
    let (mut w, start) = Wizard::new(opts);
    let mut all = start.clone();
    for c in start {
        if let Command::LoadCatalog { .. } = c {
            all.extend(drive(&mut w, Event::CatalogLoaded(catalog())));
        }
    }
    (w, all)
}

/// Starts a wizard for `session` and answers its load commands, the field catalogs with
/// `fields`, until nothing is left to load.
pub fn started_with_fields(session: Value, fields: impl Fn() -> FieldsResponse) -> Wizard {
    let (mut w, start) = Wizard::new(options(session));
    let mut queue: Vec<Command> = start;
    while let Some(c) = queue.pop() {
        let next = match c {
            Command::LoadCatalog { .. } => Event::CatalogLoaded(catalog()),
            Command::LoadFields {
                provider,
                schema,
                endgrate_type,
            } => Event::FieldsLoaded {
                provider,
                schema,
                endgrate_type,
                fields: fields(),
            },
            _ => continue,
        };
        queue.extend(w.update(next));
    }
    w
}
