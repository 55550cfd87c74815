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
use widget_core::options::{OptionsError, WidgetOptions};

/// The Endgrate session widget inside a Leptos app.
///
/// `options` is the JSON a JS host would pass to `mount` without its callbacks: camelCase widget
/// options and `session` with Endgrate's initiate body keys (see the README's options table).
/// They are validated once, when the component is created; an invalid option renders one plain
/// sentence for the end user, logs the detail to the console and sends an `error` event
/// (`config_invalid` or `redirect_not_allowed`, with `message` and `field`) to `on_event`, and no
/// request goes out.
///
/// `on_event` receives every event as JSON, exactly as a JS host's `onEvent` gets it: `ready`,
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
    // serde_json stays at this component's edge, for the Rust host; mount() never reaches it.
    let sink = on_event.map(|on_event| -> RustEventSink {
        Rc::new(move |event| {
            if let Ok(value) = serde_json::to_value(event) {
                // A callback whose owner is gone has nobody left to tell.
                let _ = on_event.try_run(value);
            }
        })
    });
    let host = HostCallbacks::from_rust(sink);
    let parsed = WidgetOptions::parse(&options, &page_origin(), &BrowserUrlParser);
    widget_view(parsed, host, |shell| on_cleanup(move || shell.destroy()))
}

/// What both ways in (`mount()` and `<SessionWidget/>`) render for parsed options: the app, with
/// its shell started and handed to `started`; or, for an invalid option, one plain sentence for
/// the end user (R37), after the host got one `error` event naming the option and the console
/// the detail. No request goes out in that case (R1, R10).
pub(crate) fn widget_view(
    parsed: Result<WidgetOptions, OptionsError>,
    host: HostCallbacks,
    started: impl FnOnce(Shell),
) -> AnyView {
    match parsed {
        Ok(options) => {
            let locale = locale_for(&options);
            let shell = Shell::start(options, host);
            started(shell);
            view! { <App shell=shell locale=locale /> }.into_any()
        }
        Err(error) => {
            host.emit(&error.event());
            console_error(&("endgrate widget: ".to_owned() + error.message()));
            let locale = Locale::from_tag(&browser_language().unwrap_or_default());
            view! { <p class="esw-root esw-alert" role="alert">{locale.texts().error_config}</p> }
                .into_any()
        }
    }
}
