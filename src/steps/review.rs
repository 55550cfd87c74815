//! The review step's container: every choice as a summary row with a link back to its step, and
//! the Connect button. Connect ignores clicks in the first half second after the step appears, so
//! a double click on the previous step's Continue cannot submit (R34).

use crate::boundary::platform;
use crate::components::{upsert_label, NavBar, ReviewItem, ReviewStep};
use crate::i18n::Texts;
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::text::display_text;
use widget_core::wire::{Field, Method};
use widget_core::wizard::{Event, Step, Wizard};

fn title(field: &Field) -> String {
    display_text(field.title.as_deref().unwrap_or(&field.name)).to_owned()
}

/// Clicks on Connect closer than this to the step's appearance are ignored.
const SUBMIT_GUARD_MS: f64 = 500.0;

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
        let direction = match schema.method {
            Method::Import => texts.direction_pull,
            Method::Export => texts.direction_push,
        };
        // People read titles ("First Name"), not keys ("first_name"), wherever the catalog has them.
        let rows = w.mapping_rows(schema.key);
        let app_title = |name: &str| {
            rows.iter()
                .find(|r| r.field.name == name)
                .map_or_else(|| name.to_owned(), |r| title(r.field))
        };
        let provider_title = |name: &str| {
            rows.iter()
                .flat_map(|r| r.options.iter())
                .find(|f| f.name == name)
                .map_or_else(|| name.to_owned(), |f| title(f))
        };
        let mut lines = vec![direction.to_owned()];
        lines.extend(
            schema
                .resource
                .map(|r| format!("{}: {}", texts.resource_label, r.as_str())),
        );
        lines.extend(schema.fields.iter().map(|(field, provider_field, upsert)| {
            let upsert = upsert
                .map(|u| format!(" · {}", upsert_label(texts, u)))
                .unwrap_or_default();
            let (from, to) = (
                app_title(field.as_str()),
                provider_title(provider_field.as_str()),
            );
            format!("{from} → {to}{upsert}")
        }));
        if !schema.passthrough.is_empty() {
            let names: Vec<String> = schema
                .passthrough
                .iter()
                .map(|f| provider_title(f.as_str()))
                .collect();
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
    let shown_at = platform::now_ms();
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
            blocked=Signal::derive(move || shell.with(|w| !w.blocking_issues().is_empty()))
            on_forward=Callback::new(move |_| {
                if platform::now_ms() - shown_at >= SUBMIT_GUARD_MS {
                    shell.submit();
                }
            })
        />
    }
}
