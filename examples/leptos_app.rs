//! A Leptos app embedding the widget with `<SessionWidget/>`: the snippet of the README's
//! "Leptos component" section, built for the browser by
//! `cargo build --target wasm32-unknown-unknown --example leptos_app`.

#[cfg(target_arch = "wasm32")]
mod app {
    use endgrate_session_widget::SessionWidget;
    use leptos::prelude::*;
    use serde_json::json;

    /// The app's integrations page: the widget, and a line that shows the outcome.
    #[component]
    pub fn Integrations() -> impl IntoView {
        let outcome = RwSignal::new(String::new());
        let options = json!({
            "apiBase": "/api/endgrate",
            "initiateUrl": "/api/endgrate/session/initiate",
            "after": "none",
            "session": {
                "schema": [{ "endgrate_type": "crm-contact" }],
                "field_selection": true
            }
        });
        let on_event = Callback::new(move |event: serde_json::Value| {
            if let Some(line) = describe(&event) {
                outcome.set(line);
            }
        });
        view! {
            <h1>"Integrations"</h1>
            <p role="status">{move || outcome.get()}</p>
            <SessionWidget options=options on_event=on_event />
        }
    }

    /// A line for the events that end a flow.
    fn describe(event: &serde_json::Value) -> Option<String> {
        match event["type"].as_str()? {
            "success" => Some(format!("Connected: {}", event["session_id"])),
            "exit" => Some(format!("Closed: {}", event["reason"])),
            "error" => Some(format!("Error: {}", event["message"])),
            _ => None,
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(app::Integrations);
}

/// The widget needs a browser; natively there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
