//! Step containers: each reads the wizard through the shell, hands its component plain data, and
//! turns what the user did into wizard events. The glue between `widget-core` and `components`;
//! no rules of its own.

mod mapping;
mod outcome;
mod provider;
mod review;
mod schemas;

pub use mapping::MappingPage;
pub use outcome::{ErrorPage, OutcomePage};
pub use provider::ProviderPage;
pub use review::ReviewPage;
pub use schemas::{ResourcesPage, SchemasPage};

use crate::components::NavBar;
use crate::i18n::Texts;
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::wizard::{Event, Step};

/// The heading and intro of a step.
pub fn step_title(texts: &'static Texts, step: Step) -> (&'static str, Option<&'static str>) {
    match step {
        Step::Provider => (texts.step_provider, None),
        Step::Schemas => (texts.step_schemas, Some(texts.schemas_intro)),
        Step::Resources => (texts.step_resources, Some(texts.resources_intro)),
        Step::Mapping => (texts.step_mapping, Some(texts.mapping_intro)),
        Step::Review => (texts.step_review, Some(texts.review_intro)),
        Step::Submitting => (texts.step_submitting, None),
        Step::Done => (texts.step_done, None),
        Step::Error => (texts.step_error, None),
        Step::Exited => (texts.step_exited, None),
    }
}

/// Back / Cancel / Continue for the choice steps; blocked while the wizard reports issues.
#[component]
pub fn StepNav(shell: Shell) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let first = shell.read_once(|w| w.step_position().is_none_or(|(index, _)| index == 1));
    let blocked =
        Signal::derive(move || shell.with(|w| !w.blocking_issues().is_empty() || w.is_loading()));
    let back = (!first).then(|| Callback::new(move |_| shell.dispatch(Event::BackClicked)));
    view! {
        <NavBar
            on_back=back
            on_cancel=Some(Callback::new(move |_| shell.dispatch(Event::ExitClicked)))
            forward_label=texts.next
            blocked=blocked
            on_forward=Callback::new(move |_| shell.dispatch(Event::NextClicked))
        />
    }
}
