//! The field picker: an editable combobox with a listbox popup (the WAI-ARIA 1.2 combobox
//! pattern). Typing filters (the ranking is the core's, through `choices`); Down/Up open it and
//! move, Home/End go to the first and last entry, Enter picks, Escape closes, Tab picks the
//! entry the user moved to and moves on; a pointer or a tap picks too. Focus stays in the input
//! (`aria-activedescendant` names the active entry).
//!
//! One step has one [`PickerHub`]: it holds which picker is open and what its popup lists, so
//! only one popup exists at a time and one live region announces the number of matches. The
//! popup renders only the entries in view (fixed-height entries, positioned in a track as tall
//! as the whole list), so a provider with 2,000 fields puts about a dozen in the DOM.

use super::{Handler, Reader};
use crate::boundary::dom;
use crate::i18n::Texts;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// The height of one entry, in CSS pixels (the stylesheet's `.esw-picker__option` agrees).
pub const OPTION_PX: usize = 48;
/// How many entries the popup shows at once.
pub const IN_VIEW: usize = 7;
/// Entries rendered beyond each edge of the view, so a quick scroll shows no gap.
const OVERSCAN: usize = 3;

/// One entry of a picker's list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Choice {
    /// The provider field's key; empty for "Not mapped".
    pub value: String,
    /// The name shown, with what holds it ("— used by Last name", "— passed through").
    pub label: String,
    /// The field's type as shown ("string · email").
    pub kind: String,
    /// A provider custom field.
    pub custom: bool,
    /// The row's suggestion.
    pub suggested: bool,
}

/// Which picker of the step is open, and its popup's state; provided once per step.
#[derive(Clone, Copy)]
pub struct PickerHub {
    /// The open picker's input id.
    open: RwSignal<Option<String>>,
    /// What the open popup lists.
    list: RwSignal<Vec<Choice>>,
    /// The entry the keyboard is on.
    active: RwSignal<Option<usize>>,
    /// The first entry in view.
    top: RwSignal<usize>,
    /// What the user typed since opening; `None` while the input shows the current choice.
    typed: RwSignal<Option<String>>,
}

impl PickerHub {
    /// A hub with nothing open; provide it as a context for the pickers of one step.
    pub fn new() -> PickerHub {
        PickerHub {
            open: RwSignal::new(None),
            list: RwSignal::new(Vec::new()),
            active: RwSignal::new(None),
            top: RwSignal::new(0),
            typed: RwSignal::new(None),
        }
    }

    /// The open picker's input id.
    pub fn open_id(&self) -> Option<String> {
        self.open.get()
    }

    fn close(&self) {
        self.open.set(None);
        self.typed.set(None);
        self.active.set(None);
        self.list.set(Vec::new());
    }
}

impl Default for PickerHub {
    fn default() -> Self {
        Self::new()
    }
}

/// The polite live region that says how many fields the open picker lists; one per step,
/// present before anything opens, so what appears in it is announced.
#[component]
pub fn PickerStatus() -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let hub = expect_context::<PickerHub>();
    view! {
        <p class="esw-visually-hidden" role="status" aria-live="polite">
            {move || {
                hub.open
                    .with(Option::is_some)
                    .then(|| (texts.fields_match)(hub.list.with(|l| l.iter().filter(|c| !c.value.is_empty()).count())))
            }}
        </p>
    }
}

/// One row's picker.
#[component]
pub fn FieldPicker(
    /// The input's id; the popup's is `{id}-list`, its entries' `{id}-list-{n}`.
    id: String,
    /// The current choice as `(key, name shown)`; `None` when not mapped.
    value: impl Reader<Option<(String, String)>>,
    /// The entries for a query, best first (the core's ranking).
    choices: impl Fn(&str) -> Vec<Choice> + Copy + Send + Sync + 'static,
    /// Receives the chosen key, or `None` for "Not mapped"; only when it differs.
    on_pick: impl Handler<Option<String>>,
    /// The row is required and unmapped.
    invalid: impl Reader<bool>,
    /// The id of what describes the input now.
    describedby: impl Reader<Option<String>>,
) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let hub = expect_context::<PickerHub>();
    let list_id = format!("{id}-list");
    let ids = StoredValue::new((id.clone(), list_id.clone()));
    let is_open = Memo::new(move |_| {
        hub.open
            .with(|o| ids.with_value(|(id, _)| o.as_deref() == Some(id.as_str())))
    });
    let entries = move |query: &str| {
        let mut list = choices(query);
        if query.trim().is_empty() {
            // "Not mapped" is a choice like any other, right after the suggestion.
            let at = usize::from(list.first().is_some_and(|c| c.suggested));
            list.insert(
                at,
                Choice {
                    label: texts.not_mapped.to_owned(),
                    ..Choice::default()
                },
            );
        }
        list
    };
    // Brings entry `i` into view: the window moves at once (so the active entry is in the DOM
    // for `aria-activedescendant`), the scroll position on the next frame.
    let reveal = move |i: usize| {
        let top = hub.top.get_untracked();
        let top = if i < top {
            i
        } else if i >= top + IN_VIEW {
            i + 1 - IN_VIEW
        } else {
            top
        };
        hub.top.set(top);
        hub.active.set(Some(i));
        let list_id = ids.with_value(|(_, l)| l.clone());
        request_animation_frame(move || dom::scroll_to(&list_id, (top * OPTION_PX) as i32));
    };
    let open_at_current = move || {
        let list = entries("");
        let current = untrack(value).map(|v| v.0).unwrap_or_default();
        let at = list.iter().position(|c| c.value == current).unwrap_or(0);
        hub.typed.set(None);
        hub.list.set(list);
        hub.top.set(0);
        hub.open.set(Some(ids.with_value(|(id, _)| id.clone())));
        reveal(at);
    };
    let pick = move |i: usize| {
        let Some(chosen) = hub.list.with_untracked(|l| l.get(i).cloned()) else {
            return;
        };
        hub.close();
        let current = untrack(value).map(|v| v.0).unwrap_or_default();
        if chosen.value != current {
            on_pick((!chosen.value.is_empty()).then_some(chosen.value));
        }
    };
    let focused_by_press = StoredValue::new(false);
    let on_keydown = move |event: KeyboardEvent| {
        let open = is_open.get_untracked();
        let n = hub.list.with_untracked(Vec::len);
        let active = hub.active.get_untracked();
        let last = n.saturating_sub(1);
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if !open => {
                event.prevent_default();
                open_at_current();
            }
            "ArrowDown" if n > 0 && !event.alt_key() => {
                event.prevent_default();
                reveal(active.map_or(0, |a| (a + 1).min(last)));
            }
            "ArrowUp" if n > 0 => {
                event.prevent_default();
                reveal(active.map_or(last, |a| a.saturating_sub(1)));
            }
            "PageDown" if open && n > 0 => {
                event.prevent_default();
                reveal(active.map_or(0, |a| (a + IN_VIEW).min(last)));
            }
            "PageUp" if open && n > 0 => {
                event.prevent_default();
                reveal(active.map_or(0, |a| a.saturating_sub(IN_VIEW)));
            }
            "Home" if open && n > 0 => {
                event.prevent_default();
                reveal(0);
            }
            "End" if open && n > 0 => {
                event.prevent_default();
                reveal(last);
            }
            "Enter" if open => {
                event.prevent_default();
                match active {
                    Some(a) => pick(a),
                    None => hub.close(),
                }
            }
            "Escape" if open => {
                event.prevent_default();
                hub.close();
            }
            // Tab takes the entry the user moved to and lets focus go on.
            "Tab" if open => match active {
                Some(a) => pick(a),
                None => hub.close(),
            },
            _ => {}
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        let query = event_target_value(&event);
        let list = entries(&query);
        let any = !list.is_empty();
        hub.list.set(list);
        hub.typed.set(Some(query));
        hub.top.set(0);
        hub.active.set(any.then_some(0));
        if !is_open.get_untracked() {
            hub.open.set(Some(ids.with_value(|(id, _)| id.clone())));
        }
        let list_id = ids.with_value(|(_, l)| l.clone());
        request_animation_frame(move || dom::scroll_to(&list_id, 0));
    };
    // A memo, so the input's value is written only when its text changes (a write moves the caret).
    let shown_value = Memo::new(move |_| {
        if is_open.get() {
            if let Some(typed) = hub.typed.get() {
                return typed;
            }
        }
        value().map(|v| v.1).unwrap_or_default()
    });
    let active_id = move || {
        is_open
            .get()
            .then(|| hub.active.get())
            .flatten()
            .map(|i| ids.with_value(|(_, l)| format!("{l}-{i}")))
    };
    view! {
        <div class="esw-picker">
            <input
                id=id
                type="text"
                class="esw-input esw-picker__input"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-expanded=move || is_open.get().to_string()
                aria-controls=move || is_open.get().then(|| ids.with_value(|(_, l)| l.clone()))
                aria-activedescendant=active_id
                aria-invalid=move || invalid().to_string()
                aria-describedby=describedby
                placeholder=texts.not_mapped
                prop:value=shown_value
                on:focus=move |event| {
                    dom::select_text(&event);
                    focused_by_press.set_value(true);
                }
                // The press that focused the input keeps the selection focus made: WebKit's
                // mouseup would put the caret at the end of the current choice, and typing
                // would then add to it instead of replacing it.
                on:mouseup=move |event| {
                    if focused_by_press.get_value() {
                        focused_by_press.set_value(false);
                        event.prevent_default();
                    }
                }
                on:click=move |_| {
                    if !is_open.get_untracked() {
                        open_at_current();
                    }
                }
                on:input=on_input
                on:keydown=move |event| {
                    focused_by_press.set_value(false);
                    on_keydown(event);
                }
                on:blur=move |_| {
                    if is_open.get_untracked() {
                        hub.close();
                    }
                }
            />
            {move || is_open.get().then(|| view! { <Popup list_id=list_id.clone() pick=pick /> })}
        </div>
    }
}

/// The open picker's listbox: only the entries in view, in a track as tall as them all.
#[component]
fn Popup(list_id: String, pick: impl Handler<usize>) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let hub = expect_context::<PickerHub>();
    let n = move || hub.list.with(Vec::len);
    let option_prefix = StoredValue::new(list_id.clone());
    let window = move || {
        let (n, top, active) = (n(), hub.top.get(), hub.active.get());
        let start = top.saturating_sub(OVERSCAN);
        let end = (top + IN_VIEW + OVERSCAN).min(n);
        hub.list.with(|list| {
            (start..end)
                .filter_map(|i| list.get(i).map(|c| (i, c.clone())))
                .map(|(i, c)| {
                    let id = option_prefix.with_value(|p| format!("{p}-{i}"));
                    let meta = (!c.value.is_empty()).then(|| {
                        view! {
                            <span class="esw-picker__meta">
                                {c.suggested.then(|| view! { <span class="esw-tag esw-tag--suggested">{texts.suggested}</span> })}
                                {c.custom.then(|| view! { <span class="esw-tag esw-tag--custom">{texts.custom_field}</span> })}
                                <span class="esw-picker__kind">{c.kind.clone()}</span>
                            </span>
                        }
                    });
                    view! {
                        <div
                            id=id
                            role="option"
                            class="esw-picker__option"
                            aria-selected=(active == Some(i)).to_string()
                            aria-setsize=n.to_string()
                            aria-posinset=(i + 1).to_string()
                            style:top=format!("{}px", i * OPTION_PX)
                            on:click=move |_| pick(i)
                        >
                            <span class="esw-picker__name">{c.label.clone()}</span>
                            {meta}
                        </div>
                    }
                })
                .collect_view()
        })
    };
    view! {
        // Pressing in the popup keeps focus in the input (so the blur does not close it first).
        <div class="esw-picker__popup" on:mousedown=|event| event.prevent_default()>
            <div
                id=list_id
                role="listbox"
                class="esw-picker__list"
                aria-label=texts.column_provider_field
                hidden=move || n() == 0
                style:height=move || format!("{}px", n().min(IN_VIEW) * OPTION_PX)
                on:scroll=move |event| hub.top.set(dom::scroll_top_of(&event).max(0) as usize / OPTION_PX)
            >
                <div role="presentation" class="esw-picker__track" style:height=move || format!("{}px", n() * OPTION_PX)>
                    {window}
                </div>
            </div>
            {move || (n() == 0).then(|| view! { <p class="esw-picker__empty">{(texts.fields_match)(0)}</p> })}
        </div>
    }
}
