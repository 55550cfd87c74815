//! The Leptos component `<SessionWidget/>` in Chromium: valid options render the flow and send
//! `ready` to `on_event`; invalid options render one plain sentence and send one `error` naming
//! the option; unmounting ends the flow with one `exit` and nothing after it.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::SessionWidget;
use leptos::prelude::*;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `<SessionWidget options=… on_event=…/>` and returns the container, the unmount
/// handle and the events received so far.
async fn mount_widget(options: Value) -> (web_sys::HtmlElement, impl Drop, Arc<Mutex<Vec<Value>>>) {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&events);
    let on_event = Callback::new(move |event: Value| sink.lock().unwrap().push(event));
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <SessionWidget options=options on_event=on_event /> }
    });
    leptos::task::tick().await;
    (root, handle, events)
}

#[wasm_bindgen_test]
async fn valid_options_render_the_first_step_and_send_ready() {
    let options = json!({
        "apiBase": "/api/endgrate",
        "after": "none",
        "locale": "en",
        "theme": { "mode": "dark", "colorPrimary": "#0f766e" },
        "session": { "schema": [{ "endgrate_type": "crm-contact" }] }
    });
    let (root, handle, events) = mount_widget(options).await;
    let widget = one(&root, "section.esw-root");
    assert_eq!(widget.get_attribute("data-mode").as_deref(), Some("dark"));
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        widget
            .style()
            .get_property_value("--esw-color-primary")
            .unwrap(),
        "#0f766e"
    );
    assert_eq!(text(&one(&root, "h2")), "Choose a provider");
    assert_eq!(events.lock().unwrap()[0], json!({ "type": "ready" }));

    drop(handle);
    let after_unmount = events.lock().unwrap().clone();
    assert_eq!(
        after_unmount.last(),
        Some(&json!({ "type": "exit", "reason": "destroyed" })),
        "unmounting ends the flow like destroy(): {after_unmount:?}"
    );
    assert!(root.query_selector(".esw-root").unwrap().is_none());
    leptos::task::tick().await;
    assert_eq!(
        *events.lock().unwrap(),
        after_unmount,
        "nothing after unmount"
    );
}

#[wasm_bindgen_test]
async fn invalid_options_show_one_sentence_and_send_one_error_naming_the_option() {
    let options = json!({ "session": { "default_upsert_setting": "MERGE" } });
    let (root, _handle, events) = mount_widget(options).await;
    let alert = one(&root, "[role=alert]");
    assert!(
        text(&alert).contains("isn't configured correctly"),
        "{}",
        text(&alert)
    );
    assert!(
        root.query_selector("h2").unwrap().is_none(),
        "no step renders"
    );
    let events = events.lock().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["type"], "error");
    assert_eq!(events[0]["code"], "config_invalid");
    assert_eq!(events[0]["field"], "session.default_upsert_setting");
    assert!(events[0]["message"]
        .as_str()
        .unwrap()
        .contains("session.default_upsert_setting"));
}
