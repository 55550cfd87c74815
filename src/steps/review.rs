//! The review step's container: every choice as a summary row with a link back to its step, and
//! the Connect button. Connect is disabled (`aria-disabled`, and looks it) for the first half
//! second after the step appears, so a double click on the previous step's Continue cannot submit
//! (R34); a click in that time is answered with a status line, not dropped silently.

use crate::components::{upsert_label, NavBar, Reveal, ReviewItem, ReviewStep};
use crate::i18n::Texts;
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::text::display_text;
use widget_core::wire::{Field, Method};
use widget_core::wizard::{Event, Step, Wizard};

fn title(field: &Field) -> String {
    display_text(field.title.as_deref().unwrap_or(&field.name)).to_owned()
}

/// Connect is disabled for this long after the step appears.
const SUBMIT_GUARD: std::time::Duration = std::time::Duration::from_millis(500);

fn items(w: &Wizard, texts: &'static Texts) -> Vec<ReviewItem> {
    let steps = w.visible_steps();
    let index_of = |step: Step| steps.iter().position(|s| *s == step);
    let mut items = vec![ReviewItem {
        label: texts.review_provider.to_owned(),
        lines: w
            .selected_provider()
            .map(|p| display_text(&p.provider.display_name).to_owned())
            .into_iter()
            .collect(),
        change_to: index_of(Step::Provider),
    }];
    for schema in w.review() {
        let label = |m: Method| match m {
            Method::Import => texts.direction_pull,
            Method::Export => texts.direction_push,
        };
        // One line per direction, with the integration's display name when resources were
        // offered: "Pull into this app: Get Contacts".
        let mut lines: Vec<String> = schema
            .methods
            .iter()
            .map(|(m, resource)| match resource {
                Some(name) => format!("{}: {}", label(*m), display_text(name)),
                None => label(*m).to_owned(),
            })
            .collect();
        lines.extend(schema.fields.iter().map(|(field, provider_field, upsert)| {
            let upsert = upsert
                .map(|u| format!(" · {}", upsert_label(texts, u)))
                .unwrap_or_default();
            // People read titles ("First Name"), not keys ("first_name"), wherever the catalog has them.
            format!("{} → {}{upsert}", title(field), title(provider_field))
        }));
        if !schema.passthrough.is_empty() {
            let names: Vec<String> = schema.passthrough.iter().map(|f| title(f)).collect();
            lines.push(format!(
                "{}: {}",
                texts.passthrough_heading,
                names.join(", ")
            ));
        }
        items.push(ReviewItem {
            label: display_text(schema.display_name).to_owned(),
            lines,
            change_to: index_of(Step::Mapping)
                .or(index_of(Step::Resources))
                .or(index_of(Step::Schemas)),
        });
    }
    items
}

/// Check and connect.
#[component]
pub fn ReviewPage(shell: Shell) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let guarded = RwSignal::new(true);
    let clicked_early = RwSignal::new(false);
    set_timeout(
        move || {
            // The step may be gone by then.
            let _ = guarded.try_set(false);
        },
        SUBMIT_GUARD,
    );
    view! {
        <ReviewStep
            items=move || shell.with(|w| items(w, texts))
            on_change=move |index: usize| {
                // The same step list the shown rows were built from.
                if let Some(step) = shell.read_once(|w| w.visible_steps().get(index).copied()) {
                    shell.dispatch(Event::StepChosen { step });
                }
            }
        />
        <NavBar
            on_back=Some(Callback::new(move |_| shell.dispatch(Event::BackClicked)))
            on_cancel=Some(Callback::new(move |_| shell.dispatch(Event::ExitClicked)))
            forward_label=texts.submit
            blocked=Signal::derive(move || guarded.get() || shell.with(|w| !w.blocking_issues().is_empty()))
            on_forward=Callback::new(move |_| shell.submit())
            on_blocked=Callback::new(move |_| clicked_early.set(guarded.get_untracked()))
        />
        <div class="esw-wait" role="status">
            <Reveal when=move || clicked_early.get() && guarded.get()>
                <p class="esw-hint">{texts.submit_wait}</p>
            </Reveal>
        </div>
    }
}
