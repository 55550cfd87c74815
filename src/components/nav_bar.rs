//! The footer of a step: Back on the left; Cancel and the forward action on the right. A blocked
//! forward action stays focusable with `aria-disabled` so its reason can be read.

use crate::i18n::Texts;
use leptos::prelude::*;

/// The step's navigation buttons.
#[component]
pub fn NavBar(
    /// Back to the previous step; hidden when `None`.
    on_back: Option<Callback<()>>,
    /// Leave the flow; hidden when `None`.
    on_cancel: Option<Callback<()>>,
    /// The forward button's text ("Continue" or "Connect").
    forward_label: &'static str,
    /// Whether the forward action is blocked (e.g. a required field is unmapped).
    #[prop(into)]
    blocked: Signal<bool>,
    /// Whether a request is in flight (the button shows busy and does nothing).
    #[prop(optional, into)]
    busy: Signal<bool>,
    /// The forward action.
    on_forward: Callback<()>,
    /// Hears a click on the forward button while it is blocked, so the page can say why
    /// instead of dropping the click silently.
    #[prop(optional)]
    on_blocked: Option<Callback<()>>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    view! {
        <div class="esw-nav">
            {on_back.map(|on_back| view! {
                <button type="button" class="esw-button" on:click=move |_| on_back.run(())>{texts.back}</button>
            })}
            <div class="esw-nav__end">
                {on_cancel.map(|on_cancel| view! {
                    <button type="button" class="esw-button esw-button--link" on:click=move |_| on_cancel.run(())>
                        {texts.cancel}
                    </button>
                })}
                <button
                    type="button"
                    class="esw-button esw-button--primary"
                    aria-disabled=move || (blocked.get() || busy.get()).to_string()
                    aria-busy=move || busy.get().to_string()
                    on:click=move |_| {
                        if !blocked.get_untracked() && !busy.get_untracked() {
                            on_forward.run(());
                        } else if let Some(on_blocked) = on_blocked {
                            on_blocked.run(());
                        }
                    }
                >
                    {forward_label}
                </button>
            </div>
        </div>
    }
}
