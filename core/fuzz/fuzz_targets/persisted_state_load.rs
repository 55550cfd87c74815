//! Fuzzes restoring saved wizard state (R26): no panic; what is kept round-trips, and a restored
//! flow never sends a body the options would not produce.
#![no_main]

use libfuzzer_sys::fuzz_target;
use widget_core::decode::SerdeJson;
use widget_core::options::WidgetOptions;
use widget_core::url_check::NativeUrlParser;
use widget_core::wire::IntegrationsResponse;
use widget_core::wizard::{load_persisted, Command, Event, Wizard};

fuzz_target!(|data: &[u8]| {
    let options = WidgetOptions::parse(
        &serde_json::json!({"session": {"schema": [{"endgrate_type": "crm-contact"}], "schema_selection": true,
            "field_selection": true, "passthrough_fields": true, "redirect_url": "https://app.example.com/done"}}),
        "https://app.example.com",
        &NativeUrlParser,
    )
    .expect("fixed options are valid");
    let catalog: IntegrationsResponse = serde_json::from_str(
        r#"{"providers":[{"provider":{"name":"hubspot","display_name":"HubSpot"},
            "integrations":[{"display_name":"Contact","endgrate_type":"crm-contact","supports_pull":true,"supports_push":true}]}]}"#,
    )
    .expect("fixed catalog is valid");
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (mut w, out) = Wizard::restore(options, text, &SerdeJson);
    let mut commands = out;
    commands.extend(w.update(Event::CatalogLoaded(catalog)));
    for c in &commands {
        if let Command::Submit { body, .. } = c {
            assert_eq!(
                body.redirect_url.as_deref(),
                Some("https://app.example.com/done")
            );
            assert_eq!(body.save_session, None);
        }
    }
    let snap = w.snapshot();
    let text = serde_json::to_string(&snap).expect("snapshot writes");
    assert_eq!(load_persisted(&text, &SerdeJson).expect("snapshot reloads"), snap);
});
