//! The two structural pieces every step shares: a keyed list and a conditional block.
//!
//! Leptos's `<For>` and `<Show>` are generic over their closures and child views, so each use
//! compiles its own copy of the keyed diff or the memoised switch. These erase the types once —
//! keys are strings, children are `AnyView` — so the widget carries one copy of each. The list
//! does without `<For>`'s keyed diff (about 5 KB of gzip) because no step's keys change while the
//! user works in it: a step's schemas, resources, tables and fields are fixed once shown.

use leptos::prelude::*;

/// One item per key, in order. Items are built when the keys change, and kept while they stay:
/// values inside an item follow its readers in place, so a focused control keeps focus. A change
/// of keys builds every item again, so keys must stay fixed while the user works in the list
/// (a part that appears later, such as a table's fields, switches inside its item).
#[component]
pub fn KeyedList(
    /// The keys, in display order.
    #[prop(into)]
    keys: Signal<Vec<String>>,
    /// Builds the item for a key.
    item: Callback<String, AnyView>,
) -> impl IntoView {
    let keys = Memo::new(move |_| keys.get());
    move || {
        keys.get()
            .into_iter()
            .map(|key| item.run(key))
            .collect::<Vec<_>>()
    }
}

/// `children` while `when` is true, else `fallback`; rebuilt only when the answer changes.
#[component]
pub fn Reveal(
    /// Whether to show the children.
    #[prop(into)]
    when: Signal<bool>,
    /// Shown while `when` is false.
    #[prop(optional, into)]
    fallback: ViewFn,
    children: ChildrenFn,
) -> impl IntoView {
    let shown = Memo::new(move |_| when.get());
    move || {
        if shown.get() {
            children()
        } else {
            fallback.run()
        }
    }
}
