//! `mount()` as a JS host calls it, in Chromium: options cross as JSON text (a nested function is
//! refused, not silently dropped), and events and the request body arrive as plain JS objects
//! with the keys and order the core writes.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::mount;
use std::cell::RefCell;
use std::rc::Rc;
use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn object(json: &str) -> js_sys::Object {
    js_sys::JSON::parse(json).unwrap().unchecked_into()
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    js_sys::Reflect::set(target, &JsValue::from_str(key), value).unwrap();
}

fn stringify(value: &JsValue) -> String {
    String::from(js_sys::JSON::stringify(value).unwrap())
}

/// What a recorder has received, each argument as JSON text.
type Received = Rc<RefCell<Vec<String>>>;

/// A JS callback recording each argument as JSON text.
fn recorder() -> (Closure<dyn FnMut(JsValue)>, Received) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&events);
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        sink.borrow_mut().push(stringify(&event));
    });
    (callback, events)
}

#[wasm_bindgen_test]
async fn a_js_host_gets_plain_event_objects_and_the_request_body() {
    let (on_event, events) = recorder();
    let options = object(
        r#"{"apiBase": "/api/endgrate", "after": "none", "session": {"provider": "hubspot",
            "configuration_webhook": {"endpoint": "https://app.example.com/hook", "metadata": {"user": 7}}}}"#,
    );
    set(&options, "onEvent", on_event.as_ref());
    let mut handle = mount(container().into(), options.into()).expect("valid options mount");
    leptos::task::tick().await;
    assert_eq!(events.borrow()[0], r#"{"type":"ready"}"#);
    let body = stringify(&handle.request_body());
    assert!(
        body.contains(r#""configuration_webhook":{"endpoint":"https://app.example.com/hook","metadata":{"user":7}}"#)
            && body.contains(r#""provider":"hubspot""#),
        "{body}"
    );
    handle.destroy();
    assert_eq!(
        events.borrow().last().map(String::as_str),
        Some(r#"{"type":"exit","reason":"destroyed"}"#)
    );
    assert!(handle.request_body().is_null(), "no body after destroy()");
}

#[wasm_bindgen_test]
fn an_invalid_option_reaches_on_error_as_an_object_naming_the_field() {
    let (on_error, events) = recorder();
    let options = object(r#"{"session": {"default_upsert_setting": "MERGE"}}"#);
    set(&options, "onError", on_error.as_ref());
    assert!(mount(container().into(), options.into()).is_err());
    let events = events.borrow();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0].starts_with(r#"{"type":"error","code":"config_invalid","message":"session.default_upsert_setting is invalid: unknown variant `MERGE`"#)
            && events[0].ends_with(r#","field":"session.default_upsert_setting"}"#),
        "{}",
        events[0]
    );
}

#[wasm_bindgen_test]
fn a_function_below_the_top_level_is_refused_not_dropped() {
    let options = object(r#"{"session": {}}"#);
    let session = js_sys::Reflect::get(&options, &JsValue::from_str("session")).unwrap();
    let label = Closure::<dyn Fn()>::new(|| {});
    set(&session, "label", label.as_ref());
    let Err(error) = mount(container().into(), options.into()) else {
        panic!("a function inside session was accepted");
    };
    let message = String::from(
        JsValue::from(error)
            .unchecked_into::<js_sys::Error>()
            .message(),
    );
    assert!(
        message.starts_with("options must be plain data")
            && message.contains("session.label is not plain data"),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn a_dropped_handle_leaves_the_widget_mounted_until_destroy() {
    // A host may keep no handle; JavaScript then frees it when it is collected.
    let first = container();
    drop(
        mount(first.clone().into(), object(r#"{"after": "none"}"#).into())
            .expect("valid options mount"),
    );
    leptos::task::tick().await;
    assert!(
        first.query_selector(".esw-root").unwrap().is_some(),
        "still mounted after the handle went"
    );
    // The place a destroyed widget leaves is taken by the next without touching this one.
    let second = container();
    let mut handle = mount(second.clone().into(), object(r#"{"after": "none"}"#).into())
        .expect("valid options mount");
    handle.destroy();
    assert!(
        second.query_selector(".esw-root").unwrap().is_none(),
        "destroy() removes it"
    );
    let third = container();
    let _kept = mount(third.clone().into(), object(r#"{"after": "none"}"#).into())
        .expect("valid options mount");
    leptos::task::tick().await;
    assert!(
        first.query_selector(".esw-root").unwrap().is_some()
            && third.query_selector(".esw-root").unwrap().is_some()
    );
}
