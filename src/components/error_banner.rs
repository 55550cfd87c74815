//! An error the user can act on: a sentence in an alert region, focused when it appears after a
//! user's action so screen readers and keyboard users land on it (R39), a detail line (the code
//! and the backend's message, for support: R37), and one action button when there is one.

use super::{focus_when_shown, Handler};
use leptos::prelude::*;

/// The alert, with a button labelled `action_label` when there is one; `on_action` hears its
/// clicks.
#[component]
pub fn ErrorBanner(
    /// What went wrong, in the user's language.
    message: String,
    /// A second, smaller line: the code and the backend's message.
    #[prop(optional_no_strip)]
    detail: Option<String>,
    /// The button's text, e.g. "Retry"; no button when `None`.
    #[prop(optional_no_strip)]
    action_label: Option<&'static str>,
    /// What the button does.
    on_action: impl Handler<()>,
    /// Whether the alert takes focus when shown (not when it is the first thing the widget shows).
    #[prop(default = true)]
    take_focus: bool,
) -> impl IntoView {
    view! {
        <div class="esw-alert" role="alert" tabindex="-1" use:focus_when_shown=take_focus>
            <p class="esw-alert__text">
                {message}
                {detail.map(|detail| view! { <span class="esw-alert__detail">{detail}</span> })}
            </p>
            {action_label.map(|label| view! {
                <button type="button" class="esw-button" on:click=move |_| on_action(())>
                    {label}
                </button>
            })}
        </div>
    }
}
