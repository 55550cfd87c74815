//! The two structural pieces every step shares: a keyed list and a conditional block.
//!
//! Leptos's `<For>` and `<Show>` are generic over their closures and child views, so each use
//! compiles its own copy of the keyed diff or the memoised switch (about 12 KB and 2 KB of wasm
//! each). These wrappers erase the types once — keys are strings, children are `AnyView` — so the
//! whole widget carries one copy of each.

use leptos::prelude::*;

/// One item per key, in order. An item's elements are created when its key appears and kept while
/// the key stays, so values update in place and a focused control keeps focus.
#[component]
pub fn KeyedList(
    /// The keys, in display order; an item is rebuilt only when its key changes.
    #[prop(into)]
    keys: Signal<Vec<String>>,
    /// Builds the item for a key.
    item: Callback<String, AnyView>,
) -> impl IntoView {
    view! { <For each=move || keys.get() key=|key: &String| key.clone() children=move |key| item.run(key) /> }
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
