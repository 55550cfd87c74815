//! The review step: every choice in one summary, each with a Change link back to its step.

use super::{Handler, Reader};
use crate::i18n::Texts;
use leptos::prelude::*;

/// One summary row.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem {
    /// What the row is about, e.g. "Provider" or "Contact".
    pub label: String,
    /// The choices, one line each.
    pub lines: Vec<String>,
    /// The step to go back to for a change, as an index the caller understands.
    pub change_to: Option<usize>,
}

/// The summary list.
#[component]
pub fn ReviewStep(
    /// The rows, in flow order.
    items: impl Reader<Vec<ReviewItem>>,
    /// Receives the `change_to` of the row whose Change link was used.
    on_change: impl Handler<usize>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    view! {
        <dl class="esw-summary">
            {move || items()
                .into_iter()
                .map(|item| {
                    let lines = if item.lines.is_empty() {
                        view! { <dd>{texts.review_none}</dd> }.into_any()
                    } else if item.lines.len() == 1 {
                        view! { <dd>{item.lines[0].clone()}</dd> }.into_any()
                    } else {
                        view! { <dd><ul>{item.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul></dd> }
                            .into_any()
                    };
                    let label = item.label.clone();
                    view! {
                        <div class="esw-summary__row">
                            <dt>{item.label.clone()}</dt>
                            {lines}
                            <dd>
                                {item.change_to.map(|target| view! {
                                    <button
                                        type="button"
                                        class="esw-button esw-button--link"
                                        aria-label=format!("{} — {}", texts.change, label)
                                        on:click=move |_| on_change(target)
                                    >
                                        {texts.change}
                                    </button>
                                })}
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
