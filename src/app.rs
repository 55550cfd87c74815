//! The widget's root: the themed container, the notices, the current step's header and page.
//!
//! It holds no business rules: the step, the position and every choice come from the wizard.

use crate::boundary::platform;
use crate::components::{Reveal, StepHeader, WidgetIds};
use crate::i18n::{Locale, Texts};
use crate::shell::Shell;
use crate::steps::{
    step_title, ErrorPage, MappingPage, OutcomePage, ProviderPage, ResourcesPage, ReviewPage,
    SchemasPage,
};
use leptos::prelude::*;
use leptos::tachys::renderer::types::Element;
use widget_core::options::{After, Color, ThemeMode, WidgetOptions};
use widget_core::wizard::Step;

/// The locale for these options: the `locale` option, else the browser's language.
pub fn locale_for(options: &WidgetOptions) -> Locale {
    let tag = options
        .locale
        .as_ref()
        .map(|l| l.as_str().to_owned())
        .or_else(platform::browser_language)
        .unwrap_or_default();
    Locale::from_tag(&tag)
}

/// `use:theme_colors=colors`: the colours the core checked (R8), set on the root as custom
/// properties when it is created, never as CSS text.
fn theme_colors(element: Element, colors: Vec<(&'static str, Color)>) {
    if let Some(element) = crate::boundary::dom::as_html(&element) {
        platform::set_custom_properties(
            element,
            colors.iter().map(|(name, color)| (*name, color.as_str())),
        );
    }
}

/// The whole widget for a running flow.
#[component]
pub fn App(shell: Shell, locale: Locale) -> impl IntoView {
    let texts: &'static Texts = locale.texts();
    provide_context(texts);
    // Every id inside this widget starts with its own prefix, so two widgets never share one.
    provide_context(WidgetIds::next());
    let (mode, colors) =
        shell.read_once(|w| (w.options().theme.mode, w.options().theme.colors.clone()));
    let mode = match mode {
        ThemeMode::Light => "light",
        ThemeMode::Dark => "dark",
        ThemeMode::Auto => "auto",
    };
    let step = Memo::new(move |_| shell.with(|w| w.step()));
    // Focus moves only in answer to the user's own action inside the widget: until they press
    // a key or a pointer in it, no page takes focus (the widget appearing, a restored step, a
    // catalog failure at mount), so typing in the host page goes on undisturbed.
    let acted = StoredValue::new(false);
    if shell.read_once(|w| w.options().after == After::Redirect && !w.leaves_after_success()) {
        leptos::logging::warn!(
            "endgrate-session-widget: `after` is \"redirect\" but `session.redirect_url` is not \
             set, so the widget stays on its done screen after success (as with after: \"none\"); \
             the `success` event is the page's cue"
        );
    }
    view! {
        <section class="esw-root" data-mode=mode lang=locale.tag() aria-label=texts.title use:theme_colors=colors
            on:keydown=move |_| acted.set_value(true) on:pointerdown=move |_| acted.set_value(true)>
            <Reveal when=move || shell.with(|w| w.restore_notice())>
                <p class="esw-notice" role="status">{texts.restore_failed}</p>
            </Reveal>
            <Reveal when=move || !shell.storage_ok()>
                <p class="esw-notice" role="status">{texts.storage_unavailable}</p>
            </Reveal>
            {move || {
                let step = step.get();
                let (heading, intro) = step_title(texts, step);
                // Only a new step rebuilds the page: the position is read without subscribing.
                let (index, total) = shell.read_once(|w| w.step_position()).unwrap_or((0, 0));
                let take_focus = acted.get_value();
                let page = match step {
                    Step::Provider => view! { <ProviderPage shell=shell /> }.into_any(),
                    Step::Schemas => view! { <SchemasPage shell=shell /> }.into_any(),
                    Step::Resources => view! { <ResourcesPage shell=shell /> }.into_any(),
                    Step::Mapping => view! { <MappingPage shell=shell /> }.into_any(),
                    Step::Review => view! { <ReviewPage shell=shell /> }.into_any(),
                    Step::Error => view! { <ErrorPage shell=shell take_focus=take_focus /> }.into_any(),
                    Step::Submitting | Step::Done | Step::Exited => view! { <OutcomePage shell=shell step=step /> }.into_any(),
                };
                view! {
                    <StepHeader heading=heading intro=intro index=index total=total take_focus=take_focus && step != Step::Error />
                    {page}
                }
            }}
        </section>
    }
}
