//! The top of every step: where the user is ("Step 2 of 5" and a progress bar) and the step's
//! heading, which takes focus when the step appears so keyboard and screen-reader users start there.

use super::focus_when_shown;
use crate::i18n::Texts;
use leptos::prelude::*;

/// The step indicator and heading.
#[component]
pub fn StepHeader(
    /// The step's heading.
    heading: &'static str,
    /// One sentence under the heading.
    intro: Option<&'static str>,
    /// 1-based position of this step among the visible steps (0 hides the indicator).
    index: usize,
    /// How many steps the flow shows.
    total: usize,
    /// Whether the heading takes focus; false where something more urgent (an alert) takes it.
    #[prop(default = true)]
    take_focus: bool,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let indicator = (index > 0).then(|| {
        view! {
            <p class="esw-eyebrow">{(texts.step_of)(index, total)}</p>
            <ol class="esw-progress" aria-hidden="true">
                {(1..=total)
                    .map(|n| {
                        let class = match n.cmp(&index) {
                            std::cmp::Ordering::Less => "esw-progress__item esw-progress__item--done",
                            std::cmp::Ordering::Equal => "esw-progress__item esw-progress__item--current",
                            std::cmp::Ordering::Greater => "esw-progress__item",
                        };
                        view! { <li class=class></li> }
                    })
                    .collect_view()}
            </ol>
        }
    });
    view! {
        <header class="esw-header">
            {indicator}
            <h2 class="esw-heading" tabindex="-1" use:focus_when_shown=take_focus>{heading}</h2>
            {intro.map(|intro| view! { <p class="esw-intro">{intro}</p> })}
        </header>
    }
}
