//! The widget as a Leptos component, for Rust apps: `<SessionWidget options=… on_event=… />`.
//!
//! It takes the same options object a JS host passes to `mount` (minus the callbacks), validates
//! it the same way, and runs the same shell and views; events arrive on one Rust callback.

use crate::app::{locale_for, App};
use crate::boundary::host::{console_error, HostCallbacks, RustEventSink};
use crate::boundary::platform::{browser_language, page_origin, BrowserUrlParser};
use crate::i18n::Locale;
use crate::shell::Shell;
use leptos::prelude::*;
use std::rc::Rc;
use widget_core::options::WidgetOptions;

/// The Endgrate session widget inside a Leptos app.
///
/// `options` is the JSON a JS host would pass to `mount` without its callbacks: camelCase widget
/// options and `session` with Endgrate's initiate body keys (see the README's options table).
/// They are validated once, when the component is created; an invalid option renders one plain
/// sentence for the end user, logs the detail to the console and sends an `error` event
/// (`config_invalid` or `redirect_not_allowed`, with `message` and `field`) to `on_event`, and no
/// request goes out.
///
/// `on_event` receives every event as JSON, exactly as a JS host's `onEvent` does: `ready`,
/// `step_changed`, `success` (with `session_id`), `exit` (with `reason`), `error` (with `code` and
/// `message`). Unmounting the component ends the flow like `destroy()`: one `exit` with reason
/// `destroyed` unless the flow had already ended, and nothing afterwards.
///
/// ```no_run
/// use endgrate_session_widget::SessionWidget;
/// use leptos::prelude::*;
/// use serde_json::json;
///
/// #[component]
/// fn Integrations() -> impl IntoView {
///     let options = json!({
///         "apiBase": "/api/endgrate",
///         "initiateUrl": "/api/endgrate/session/initiate",
///         "session": {
///             "schema": [{ "endgrate_type": "crm-contact" }],
///             "field_selection": true,
///             "redirect_url": "https://app.example.com/integrations/done"
///         }
///     });
///     let on_event = Callback::new(|event: serde_json::Value| {
///         if event["type"] == "success" {
///             leptos::logging::log!("connected: {}", event["session_id"]);
///         }
///     });
///     view! { <SessionWidget options=options on_event=on_event /> }
/// }
///
/// fn main() {
///     leptos::mount::mount_to_body(Integrations);
/// }
/// ```
#[component]
pub fn SessionWidget(
    /// The widget's options, as JSON (the same object a JS host passes, minus callbacks).
    options: serde_json::Value,
    /// Receives every event the widget sends to a host.
    #[prop(optional, into)]
    on_event: Option<Callback<serde_json::Value>>,
) -> impl IntoView {
    // The core speaks JSON text; serde_json stays at this component's edge, for the Rust host.
    let sink = on_event.map(|on_event| -> RustEventSink {
        Rc::new(move |event: &str| {
            if let Ok(value) = serde_json::from_str(event) {
                // A callback whose owner is gone has nobody left to tell.
                let _ = on_event.try_run(value);
            }
        })
    });
    let host = HostCallbacks::from_rust(sink);
    let text = options.to_string();
    match WidgetOptions::parse_text(&text, &page_origin(), &BrowserUrlParser) {
        Ok(options) => {
            let locale = locale_for(&options);
            let shell = Shell::start(options, host);
            on_cleanup(move || shell.destroy());
            view! { <App shell=shell locale=locale /> }.into_any()
        }
        Err(error) => {
            let message = error.to_string();
            host.emit(&error.event_json());
            console_error(&("endgrate widget: ".to_owned() + &message));
            let locale = Locale::from_tag(&browser_language().unwrap_or_default());
            view! { <p class="esw-root esw-alert" role="alert">{locale.texts().error_config}</p> }
                .into_any()
        }
    }
}
