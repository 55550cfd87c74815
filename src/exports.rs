//! The functions a host page calls: `mount(element, options)` and the handle it returns
//! (`destroy()`, and `requestBody()` for tools such as the demo's live request view). With
//! `boundary/`, the only code that touches `wasm_bindgen`; it starts and refuses exactly as
//! `<SessionWidget/>` does ([`widget_view`]).
//!
//! Options are validated once, here, before anything renders or any request goes out (R1, R10):
//! an invalid option is thrown from `mount`, shown in the widget and sent to `onError`.

use crate::boundary::host::split_options;
use crate::boundary::json::to_js;
use crate::boundary::platform::{page_origin, BrowserUrlParser};
use crate::session_widget::widget_view;
use crate::shell::Shell;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use widget_core::options::WidgetOptions;

thread_local! {
    /// Each mounted widget's view (Leptos's mount handle, whose drop removes it), by mount
    /// number, until `destroy()`. Held here rather than in the handle: a host may drop its
    /// handle, and JavaScript frees a dropped handle when it is collected, which must not take
    /// the widget off the page.
    static MOUNTED: RefCell<Vec<Option<Box<dyn Any>>>> = const { RefCell::new(Vec::new()) };
}

/// What `mount` returns to the host: `destroy()` removes the widget from the page. Dropping
/// the handle leaves the widget where it is.
#[wasm_bindgen]
pub struct WidgetHandle {
    /// The view's place in `MOUNTED`; `None` once destroyed.
    view: Option<usize>,
    shell: Rc<Cell<Option<Shell>>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and stops every later event. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(shell) = self.shell.take() {
            shell.destroy();
        }
        if let Some(at) = self.view.take() {
            // Taken out first: removing the view runs its cleanups, outside the borrow.
            let view = MOUNTED.with(|mounted| mounted.borrow_mut()[at].take());
            drop(view);
        }
    }

    /// The initiate body the user's current choices would send (the same JSON the widget posts,
    /// without the idempotency key); `null` before a provider is chosen and after `destroy()`.
    #[wasm_bindgen(js_name = requestBody)]
    pub fn request_body(&self) -> JsValue {
        let body = self.shell.get().and_then(|shell| shell.request_body());
        body.map_or(JsValue::NULL, |body| to_js(&body))
    }
}

/// Mounts the widget into `element` with the host's `options`.
///
/// # Errors
/// Throws when `element` is not an HTML element or an option is invalid; the message names the
/// option and the expected form. The widget then shows one plain sentence in `element`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsError> {
    let parent: web_sys::HtmlElement = element
        .dyn_into()
        .map_err(|_| JsError::new("mount(element, options): element must be an HTML element"))?;
    let (plain, host) = split_options(&options).map_err(|message| JsError::new(&message))?;
    let parsed = WidgetOptions::parse(&plain, &page_origin(), &BrowserUrlParser);
    let refused = parsed.as_ref().err().map(|e| e.message().to_owned());
    let started = Rc::new(Cell::new(None::<Shell>));
    let handle = {
        let started = Rc::clone(&started);
        leptos::mount::mount_to(parent, move || {
            widget_view(parsed, host, |shell| started.set(Some(shell)))
        })
    };
    if let Some(message) = refused {
        // The sentence stays on the page; there is no flow for a handle to end.
        handle.forget();
        return Err(JsError::new(&message));
    }
    let at = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let view = Some(Box::new(handle) as Box<dyn Any>);
        // A destroyed widget's place is taken again.
        match mounted.iter().position(Option::is_none) {
            Some(free) => {
                mounted[free] = view;
                free
            }
            None => {
                mounted.push(view);
                mounted.len() - 1
            }
        }
    });
    Ok(WidgetHandle {
        view: Some(at),
        shell: started,
    })
}
