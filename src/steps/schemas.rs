//! The schema and resource steps' containers.

use super::StepNav;
use crate::components::{ResourceDirection, ResourceRow, ResourceStep, SchemaRow, SchemaStep};
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::ids::{ResourceId, SchemaKey};
use widget_core::text::display_text;
use widget_core::wizard::Event;

/// Which schemas to sync, and in which directions.
#[component]
pub fn SchemasPage(shell: Shell) -> impl IntoView {
    let rows = move || {
        shell.with(|w| {
            w.schemas()
                .into_iter()
                .filter(|s| s.supported)
                .map(|s| SchemaRow {
                    key: s.key.as_str().to_owned(),
                    label: display_text(s.display_name).to_owned(),
                    enabled: s.selected,
                    toggleable: s.toggleable,
                    methods: s.directions,
                    chosen: s.methods,
                    custom: s.custom,
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <SchemaStep
            rows=rows
            on_toggle=move |key: String| {
                if let Some(schema) = SchemaKey::new(key) {
                    shell.dispatch(Event::SchemaToggled { schema });
                }
            }
            on_direction=move |(key, method): (String, _)| {
                if let Some(schema) = SchemaKey::new(key) {
                    shell.dispatch(Event::DirectionToggled { schema, method });
                }
            }
        />
        <StepNav shell=shell />
    }
}

/// Which of the provider's integrations each schema uses in each direction.
#[component]
pub fn ResourcesPage(shell: Shell) -> impl IntoView {
    let rows = move || {
        shell.with(|w| {
            w.schemas()
                .into_iter()
                .filter(|s| s.selected)
                .map(|s| ResourceRow {
                    key: s.key.as_str().to_owned(),
                    label: display_text(s.display_name).to_owned(),
                    directions: s
                        .methods
                        .iter()
                        .map(|&method| {
                            let resources = w.resources(s.key, method);
                            ResourceDirection {
                                method,
                                chosen: resources
                                    .iter()
                                    .find(|r| r.chosen)
                                    .map(|r| r.id.as_str().to_owned()),
                                options: resources
                                    .into_iter()
                                    .map(|r| {
                                        (
                                            r.id.as_str().to_owned(),
                                            display_text(&r.display_name).to_owned(),
                                        )
                                    })
                                    .collect(),
                            }
                        })
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ResourceStep
            rows=rows
            on_pick=move |(key, method, id): (String, _, String)| {
                if let (Some(schema), Some(resource)) = (SchemaKey::new(key), ResourceId::new(id)) {
                    shell.dispatch(Event::ResourcePicked { schema, method, resource });
                }
            }
        />
        <StepNav shell=shell />
    }
}
