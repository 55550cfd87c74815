//! The widget's components: each renders the data it is given and reports what the user did
//! through callbacks. They hold no business rules, never perform IO and never touch `window`.

mod error_banner;
mod field_picker;
mod focus;
mod ids;
mod keyed;
mod mapping_row;
mod mapping_step;
mod nav_bar;
mod passthrough;
mod provider_list;
mod provider_logo;
mod provider_step;
mod resource_step;
mod review_step;
mod schema_step;
mod step_header;
mod upsert_select;

pub use error_banner::ErrorBanner;
pub use field_picker::{Choice, FieldPicker, PickerHub, PickerStatus, IN_VIEW, OPTION_PX};
pub use focus::{focus_by_id, focus_when_shown};
pub use ids::{widget_ids, WidgetIds};
pub use keyed::{KeyedList, Reveal};
pub use mapping_row::{row_input_id, MappingRowView};
pub use mapping_step::{
    MappingData, MappingRow, MappingStep, MappingTable, FILTER_FROM_ROWS, FIRST_ROWS,
    ROWS_PER_TASK, SKIP_OFFSCREEN_FROM_ROWS,
};
pub use nav_bar::NavBar;
pub use passthrough::{Passthrough, PASSTHROUGH_STEP};
pub use provider_list::FIRST_SHOWN;
pub use provider_logo::ProviderLogo;
pub use provider_step::{ProviderCard, ProviderStep};
pub use resource_step::{ResourceDirection, ResourceRow, ResourceStep};
pub use review_step::{ReviewItem, ReviewStep};
pub use schema_step::{SchemaRow, SchemaStep};
pub use step_header::StepHeader;
pub use upsert_select::{upsert_label, UpsertSelect};

/// A component's reactive input: a closure returning the current value. Called inside a view or
/// an effect it subscribes that place to what it reads, as a `Signal` does, but without
/// compiling `Signal`'s dispatch over its storage kinds once per value type (about 1 KB of gzip
/// per type). Any `move || signal.get()` or `move || shell.with(...)` closure is one.
pub trait Reader<T>: Fn() -> T + Copy + Send + Sync + 'static {}

impl<T, F: Fn() -> T + Copy + Send + Sync + 'static> Reader<T> for F {}

/// A component's output: a closure that receives what the user did. A plain closure rather than
/// a `Callback<T>` for the same reason as [`Reader`]: no arena handle compiled per argument type.
pub trait Handler<T>: Fn(T) + Copy + Send + Sync + 'static {}

impl<T, F: Fn(T) + Copy + Send + Sync + 'static> Handler<T> for F {}
