//! The states after Connect: submitting (busy), done, exited, and the error state with its one
//! action (Retry, or Start again for an expired session).

use crate::components::{ErrorBanner, NavBar};
use crate::i18n::Texts;
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::codes::ErrorCode;
use widget_core::spelling::spelling;
use widget_core::wizard::{Event, Step};

/// Submitting, done or exited.
#[component]
pub fn OutcomePage(shell: Shell, step: Step) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    match step {
        Step::Submitting => view! {
            <p class="esw-status" role="status" aria-busy="true"><span class="esw-spinner"></span>{texts.submitting}</p>
            <NavBar on_back=None on_cancel=None forward_label=texts.submit blocked=true busy=true on_forward=Callback::new(|_| {}) />
        }
        .into_any(),
        Step::Done => {
            // Only a destination that exists is promised: `after: "redirect"` without a
            // `redirect_url` stays here.
            let leaving = shell.read_once(|w| w.leaves_after_success());
            // The URL was validated by the core (R10–R12); a new tab without opener or referrer.
            let leaving_status = move || match shell.blocked_navigation() {
                Some(url) => view! {
                    <p class="esw-notice" role="alert">
                        {texts.navigation_blocked}" "
                        <a class="esw-button esw-button--primary" href=url target="_blank" rel="noopener noreferrer">
                            {texts.continue_link}
                        </a>
                    </p>
                }
                .into_any(),
                None => leaving.then(|| view! { <p class="esw-status">{texts.redirecting}</p> }).into_any(),
            };
            view! {
                <p class="esw-success" role="status">{texts.done}</p>
                {leaving_status}
            }
            .into_any()
        }
        _ => view! { <p class="esw-status" role="status">{texts.exited}</p> }.into_any(),
    }
}

/// The sentence an end user reads for each code (R37).
fn message(texts: &'static Texts, code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::NetworkOffline => texts.error_offline,
        ErrorCode::NetworkTimeout => texts.error_timeout,
        ErrorCode::RateLimited => texts.error_rate_limited,
        ErrorCode::SessionExpired => texts.error_session_expired,
        ErrorCode::ResponseInvalid => texts.error_response_invalid,
        ErrorCode::RequestRejected => texts.error_rejected,
        ErrorCode::ConfigInvalid | ErrorCode::RedirectNotAllowed => texts.error_config,
        _ => texts.error_server,
    }
}

/// A failed request: what happened, its code and the backend's message (R37), and what to do.
#[component]
pub fn ErrorPage(
    shell: Shell,
    /// Whether the alert takes focus: not when the failure is the first thing the widget shows.
    take_focus: bool,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let (failure, offers_back) = shell.read_once(|w| (w.error().cloned(), w.error_offers_back()));
    let code = failure.as_ref().map_or(ErrorCode::ServerError, |f| f.code);
    let detail = (texts.error_detail)(
        spelling(&code),
        failure.as_ref().and_then(|f| f.message.as_deref()),
    );
    let action = |code| match code {
        ErrorCode::SessionExpired => Some((texts.start_again, Event::StartOverClicked)),
        ErrorCode::ConfigInvalid | ErrorCode::RedirectNotAllowed => None,
        _ => Some((texts.retry, Event::RetryClicked)),
    };
    let label = action(code).map(|(label, _)| label);
    let on_action = move |_| {
        if let Some((_, event)) = action(code) {
            shell.dispatch(event);
        }
    };
    view! {
        <ErrorBanner message=message(texts, code).to_owned() detail=Some(detail) action_label=label on_action=on_action take_focus=take_focus />
        <div class="esw-nav">
            {offers_back.then(|| view! {
                <button type="button" class="esw-button" on:click=move |_| shell.dispatch(Event::BackClicked)>{texts.back}</button>
            })}
            <div class="esw-nav__end">
                <button type="button" class="esw-button esw-button--link" on:click=move |_| shell.dispatch(Event::ExitClicked)>
                    {texts.cancel}
                </button>
            </div>
        </div>
    }
}
