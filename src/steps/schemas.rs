//! The schema and resource steps' containers.

use super::StepNav;
use crate::components::{ResourceRow, ResourceStep, SchemaRow, SchemaStep};
use crate::shell::Shell;
use leptos::prelude::*;
use widget_core::ids::{ResourceId, SchemaKey};
use widget_core::text::display_text;
use widget_core::wizard::Event;

/// Which schemas to sync, and in which direction.
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
                    method: s.method,
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
                    shell.dispatch(Event::DirectionChosen { schema, method });
                }
            }
        />
        <StepNav shell=shell />
    }
}

/// Which of the provider's integrations each schema uses.
#[component]
pub fn ResourcesPage(shell: Shell) -> impl IntoView {
    let rows = move || {
        shell.with(|w| {
            let schemas = w.schemas();
            w.selected_schemas()
                .into_iter()
                .map(|key| {
                    let resources = w.resources(key);
                    ResourceRow {
                        key: key.as_str().to_owned(),
                        label: schemas
                            .iter()
                            .find(|s| s.key == key)
                            .map(|s| display_text(s.display_name).to_owned())
                            .unwrap_or_default(),
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
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ResourceStep
            rows=rows
            on_pick=move |(key, id): (String, String)| {
                if let (Some(schema), Some(resource)) = (SchemaKey::new(key), ResourceId::new(id)) {
                    shell.dispatch(Event::ResourcePicked { schema, resource });
                }
            }
        />
        <StepNav shell=shell />
    }
}
