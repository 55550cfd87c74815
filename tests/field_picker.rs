//! The field picker in Chromium: the WAI-ARIA 1.2 combobox attributes closed and open, typing
//! filters (the query reaches `choices`) and the count is announced, the keyboard per the
//! pattern (Down/Up/Home/End/Enter/Escape/Tab), a pointer pick, "Not mapped" as a choice, the
//! suggestion and custom fields marked, only the entries in view in the DOM, and one popup at
//! a time.
#![cfg(target_arch = "wasm32")]

mod support;

use endgrate_session_widget::components::{Choice, FieldPicker, PickerHub, PickerStatus, IN_VIEW};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn choices(n: usize) -> Vec<Choice> {
    let mut out = vec![
        Choice {
            value: "firstname".into(),
            label: "First Name".into(),
            kind: "string".into(),
            custom: false,
            suggested: true,
        },
        Choice {
            value: "first_deal".into(),
            label: "First deal".into(),
            kind: "string".into(),
            custom: true,
            suggested: false,
        },
        Choice {
            value: "lastname".into(),
            label: "Last Name — used by Surname".into(),
            kind: "string".into(),
            custom: false,
            suggested: false,
        },
    ];
    out.extend((0..n).map(|i| Choice {
        value: format!("cf_{i}"),
        label: format!("Custom {i}"),
        kind: "number".into(),
        custom: true,
        suggested: false,
    }));
    out
}

struct Picker {
    root: web_sys::HtmlElement,
    picks: Spy<Option<String>>,
    queries: Arc<Mutex<Vec<String>>>,
    value: RwSignal<Option<(String, String)>>,
}

/// `pickers` pickers over the same choices (`extra` generated ones after three named ones).
async fn mount_pickers(pickers: usize, extra: usize) -> (Picker, impl Drop) {
    let picks = Spy::default();
    let on_pick = picks.handler();
    let queries = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&queries);
    let all = Arc::new(choices(extra));
    let value = RwSignal::new(Some(("lastname".to_owned(), "Last Name".to_owned())));
    let list = StoredValue::new((all, log));
    let choices = move |query: &str| {
        list.with_value(|(all, log)| {
            log.lock().unwrap().push(query.to_owned());
            let q = query.to_lowercase();
            all.iter()
                .filter(|c| c.label.to_lowercase().contains(&q))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let (root, handle) = mount(move || {
        provide_context(PickerHub::new());
        view! {
            <PickerStatus />
            {(0..pickers)
                .map(|i| view! {
                    <label for=format!("p{i}")>"Field"</label>
                    <FieldPicker
                        id=format!("p{i}")
                        value=move || value.get()
                        choices=choices
                        on_pick=on_pick
                        invalid=|| false
                        describedby=|| None
                    />
                })
                .collect_view()}
        }
    })
    .await;
    (
        Picker {
            root,
            picks,
            queries,
            value,
        },
        handle,
    )
}

fn input(root: &web_sys::HtmlElement, i: usize) -> web_sys::HtmlElement {
    one(root, &format!("#p{i}"))
}

fn attr(element: &web_sys::Element, name: &str) -> Option<String> {
    element.get_attribute(name)
}

/// The active option's text.
fn active_text(root: &web_sys::HtmlElement, input: &web_sys::HtmlElement) -> String {
    let id = attr(input, "aria-activedescendant").expect("an active option");
    text(&one(root, &format!("#{id}")))
}

#[wasm_bindgen_test]
async fn closed_it_is_a_collapsed_editable_combobox_showing_the_choice() {
    let (p, _h) = mount_pickers(1, 0).await;
    let input = input(&p.root, 0);
    assert_eq!(attr(&input, "role").as_deref(), Some("combobox"));
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&input, "aria-autocomplete").as_deref(), Some("list"));
    assert_eq!(attr(&input, "aria-controls"), None);
    assert_eq!(attr(&input, "aria-activedescendant"), None);
    assert_eq!(value(&input), "Last Name");
    assert!(all(&p.root, "[role=listbox]").is_empty());
    assert!(all(&p.root, "[role=option]").is_empty());
    // Not mapped: the input is empty and says so.
    p.value.set(None);
    settle().await;
    assert_eq!(value(&input), "");
    assert_eq!(
        attr(&input, "placeholder").as_deref(),
        Some("— Not mapped —")
    );
}

#[wasm_bindgen_test]
async fn arrow_down_opens_on_the_current_choice_with_the_suggestion_first_and_marks() {
    let (p, _h) = mount_pickers(1, 0).await;
    let input = input(&p.root, 0);
    assert!(key(&input, "ArrowDown"), "the page does not scroll");
    settle().await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    let list = one(&p.root, "[role=listbox]");
    assert_eq!(attr(&input, "aria-controls"), Some(list.id()));
    assert_eq!(list.id(), "p0-list");
    let options = all(&list, "[role=option]");
    let texts: Vec<String> = options.iter().map(|o| text(o)).collect();
    assert_eq!(
        texts,
        [
            "First NameSuggestedstring",
            "— Not mapped —",
            "First dealCustomstring",
            "Last Name — used by Surnamestring",
        ]
    );
    assert_eq!(attr(&options[0], "aria-setsize").as_deref(), Some("4"));
    assert_eq!(attr(&options[3], "aria-posinset").as_deref(), Some("4"));
    // The current choice is the active entry.
    assert_eq!(attr(&input, "aria-activedescendant"), Some(options[3].id()));
    assert_eq!(attr(&options[3], "aria-selected").as_deref(), Some("true"));
    assert_eq!(attr(&options[0], "aria-selected").as_deref(), Some("false"));
    assert_eq!(p.queries.lock().unwrap().as_slice(), [""]);
    assert_eq!(
        text(&one(&p.root, "[role=status]")),
        "3 fields match",
        "the count is announced (not counting Not mapped)"
    );
}

#[wasm_bindgen_test]
async fn typing_filters_with_the_query_and_enter_picks_the_first_match() {
    let (p, _h) = mount_pickers(1, 0).await;
    let input = input(&p.root, 0);
    set_value(&input, "fir", "input");
    settle().await;
    assert_eq!(
        p.queries.lock().unwrap().last().map(String::as_str),
        Some("fir")
    );
    let options = all(&p.root, "[role=option]");
    assert_eq!(options.len(), 2, "no Not mapped while a query is typed");
    assert_eq!(active_text(&p.root, &input), "First NameSuggestedstring");
    assert_eq!(text(&one(&p.root, "[role=status]")), "2 fields match");
    assert_eq!(value(&input), "fir", "the input keeps what was typed");
    assert!(key(&input, "Enter"));
    settle().await;
    assert_eq!(p.picks.calls(), [Some("firstname".to_owned())]);
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert!(all(&p.root, "[role=listbox]").is_empty());
    set_value(&input, "zzz", "input");
    settle().await;
    assert_eq!(text(&one(&p.root, "[role=status]")), "No field matches");
    assert_eq!(
        text(&one(&p.root, ".esw-picker__empty")),
        "No field matches"
    );
}

#[wasm_bindgen_test]
async fn home_end_up_down_move_escape_closes_without_picking_and_tab_takes_the_entry() {
    let (p, _h) = mount_pickers(1, 0).await;
    let input = input(&p.root, 0);
    key(&input, "ArrowDown");
    settle().await;
    assert!(key(&input, "Home"));
    settle().await;
    assert_eq!(active_text(&p.root, &input), "First NameSuggestedstring");
    key(&input, "ArrowDown");
    settle().await;
    assert_eq!(active_text(&p.root, &input), "— Not mapped —");
    assert!(key(&input, "End"));
    settle().await;
    assert!(active_text(&p.root, &input).starts_with("Last Name"));
    key(&input, "ArrowUp");
    settle().await;
    assert!(active_text(&p.root, &input).starts_with("First deal"));
    assert!(key(&input, "Escape"));
    settle().await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("false"));
    assert!(p.picks.calls().is_empty(), "Escape picks nothing");
    assert_eq!(value(&input), "Last Name");
    // Tab takes the entry moved to and does not hold focus back.
    key(&input, "ArrowDown");
    settle().await;
    key(&input, "Home");
    key(&input, "ArrowDown");
    settle().await;
    assert!(!key(&input, "Tab"), "Tab moves on as usual");
    settle().await;
    assert_eq!(p.picks.calls(), [None], "Not mapped is a choice");
    // Reopening on the current choice and tabbing away changes nothing.
    key(&input, "ArrowDown");
    settle().await;
    key(&input, "Tab");
    settle().await;
    assert_eq!(p.picks.calls().len(), 1);
}

#[wasm_bindgen_test]
async fn a_pointer_picks_and_pressing_in_the_popup_keeps_focus_in_the_input() {
    let (p, _h) = mount_pickers(1, 0).await;
    let input = input(&p.root, 0);
    input.focus().unwrap();
    input.click();
    settle().await;
    assert_eq!(attr(&input, "aria-expanded").as_deref(), Some("true"));
    let popup = one(&p.root, ".esw-picker__popup");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let down = web_sys::Event::new_with_event_init_dict("mousedown", &init).unwrap();
    let options = all(&p.root, "[role=option]");
    assert!(
        !options[2].dispatch_event(&down).unwrap(),
        "default prevented"
    );
    options[2].click();
    settle().await;
    assert_eq!(p.picks.calls(), [Some("first_deal".to_owned())]);
    assert!(is_focused(&input));
    assert!(all(&p.root, "[role=listbox]").is_empty());
    drop(popup);
}

#[wasm_bindgen_test]
async fn only_the_entries_in_view_are_in_the_dom_and_end_reaches_the_last() {
    let (p, _h) = mount_pickers(1, 2_000).await;
    let input = input(&p.root, 0);
    key(&input, "ArrowDown");
    settle().await;
    let options = all(&p.root, "[role=option]");
    assert!(
        options.len() <= IN_VIEW + 6,
        "{} options rendered for 2,004 entries",
        options.len()
    );
    assert_eq!(attr(&options[0], "aria-setsize").as_deref(), Some("2004"));
    key(&input, "End");
    settle().await;
    let last = active_text(&p.root, &input);
    assert!(last.starts_with("Custom 1999"), "{last}");
    let id = attr(&input, "aria-activedescendant").unwrap();
    assert_eq!(
        attr(&one(&p.root, &format!("#{id}")), "aria-posinset").as_deref(),
        Some("2004")
    );
    assert!(all(&p.root, "[role=option]").len() <= IN_VIEW + 6);
}

#[wasm_bindgen_test]
async fn only_one_popup_is_open_at_a_time() {
    let (p, _h) = mount_pickers(3, 0).await;
    let (first, second) = (input(&p.root, 0), input(&p.root, 1));
    key(&first, "ArrowDown");
    settle().await;
    assert_eq!(all(&p.root, "[role=listbox]").len(), 1);
    key(&second, "ArrowDown");
    settle().await;
    let lists = all(&p.root, "[role=listbox]");
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].id(), "p1-list");
    assert_eq!(attr(&first, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&second, "aria-expanded").as_deref(), Some("true"));
    fire(&second, "blur");
    settle().await;
    assert!(
        all(&p.root, "[role=listbox]").is_empty(),
        "leaving closes it"
    );
}
