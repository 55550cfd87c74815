//! An error the user can act on: a sentence in an alert region, focused when it appears so screen
//! readers and keyboard users land on it (R39), and one action button when there is one.

use super::focus_when_shown;
use leptos::prelude::*;

/// The alert, with `action_label` on its button when `on_action` is given.
#[component]
pub fn ErrorBanner(
    /// What went wrong, in the user's language.
    message: String,
    /// The button's text, e.g. "Retry".
    #[prop(optional, into)]
    action_label: Option<String>,
    /// What the button does.
    #[prop(optional, into)]
    on_action: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="esw-alert" role="alert" tabindex="-1" use:focus_when_shown=true>
            <p class="esw-alert__text">{message}</p>
            {on_action.map(|on_action| view! {
                <button type="button" class="esw-button" on:click=move |_| on_action.run(())>
                    {action_label.clone().unwrap_or_default()}
                </button>
            })}
        </div>
    }
}
