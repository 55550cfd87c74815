//! Element ids that cannot collide: every mounted widget gets its own prefix (`esw1`, `esw2`, …)
//! from a counter, provided to its components in a context by the root, and each id is that
//! prefix and indices (`esw1-map-0-3`), never schema or field text, which may hold spaces or
//! repeat across widgets.

use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static MOUNTED: AtomicUsize = AtomicUsize::new(0);

/// The id prefix of one mounted widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WidgetIds(usize);

impl WidgetIds {
    /// A prefix no other widget mounted in this page has.
    pub fn next() -> WidgetIds {
        WidgetIds(MOUNTED.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// `esw{n}-{part}`: `part` must be built from fixed words and indices.
    pub fn id(self, part: &str) -> String {
        format!("esw{}-{part}", self.0)
    }
}

/// The widget's ids, from the root's context; `esw0` for a component rendered on its own.
pub fn widget_ids() -> WidgetIds {
    use_context::<WidgetIds>().unwrap_or(WidgetIds(0))
}
