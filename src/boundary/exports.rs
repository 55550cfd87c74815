//! The functions a host page calls: `mount(element, options)` and the handle it returns
//! (`destroy()`, and `requestBody()` for tools such as the demo's live request view).
//!
//! Options are validated once, here, before anything renders or any request goes out (R1, R10):
//! an invalid option is thrown from `mount`, shown in the widget and sent to `onError`.

use super::host::{console_error, split_options};
use super::platform::{browser_language, page_origin, BrowserUrlParser};
use crate::app::{locale_for, App};
use crate::i18n::Locale;
use crate::shell::Shell;
use leptos::prelude::*;
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use widget_core::options::WidgetOptions;

/// What `mount` returns to the host: `destroy()` removes the widget from the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    /// Leptos's mount handle; dropping it removes the view. Kept only to be dropped, so its
    /// type is erased.
    view: Option<Box<dyn Any>>,
    shell: Rc<Cell<Option<Shell>>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and stops every later event. Calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(shell) = self.shell.take() {
            shell.destroy();
        }
        self.view = None;
    }

    /// The initiate body the user's current choices would send (the same JSON the widget posts,
    /// without the idempotency key); `null` before a provider is chosen and after `destroy()`.
    #[wasm_bindgen(js_name = requestBody)]
    pub fn request_body(&self) -> JsValue {
        let body = self.shell.get().and_then(|shell| shell.request_body_json());
        body.and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or(JsValue::NULL)
    }
}

/// Mounts the widget into `element` with the host's `options`.
///
/// # Errors
/// Throws when `element` is not an HTML element or an option is invalid; the message names the
/// option and the expected form.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsError> {
    let parent: web_sys::HtmlElement = element
        .dyn_into()
        .map_err(|_| JsError::new("mount(element, options): element must be an HTML element"))?;
    let (json, host) = split_options(&options).map_err(|message| JsError::new(&message))?;
    let parsed = WidgetOptions::parse(&json, &page_origin(), &BrowserUrlParser);
    let options = match parsed {
        Ok(options) => options,
        Err(error) => {
            let message = error.to_string();
            host.emit(&error.event_json());
            console_error(&("endgrate widget: ".to_owned() + &message));
            show_config_error(&parent);
            return Err(JsError::new(&message));
        }
    };
    let locale = locale_for(&options);
    let started = Rc::new(Cell::new(None::<Shell>));
    let handle = {
        let started = Rc::clone(&started);
        leptos::mount::mount_to(parent, move || {
            let shell = Shell::start(options, host);
            started.set(Some(shell));
            view! { <App shell=shell locale=locale /> }
        })
    };
    Ok(WidgetHandle {
        view: Some(Box::new(handle)),
        shell: started,
    })
}

/// The end user's side of a configuration error: one plain sentence (R37); the detail goes to
/// the developer through the thrown error, `onError` and the console.
fn show_config_error(parent: &web_sys::HtmlElement) {
    let Some(document) = parent.owner_document() else {
        return;
    };
    let Ok(note) = document.create_element("p") else {
        return;
    };
    note.set_class_name("esw-root esw-alert");
    let _ = note.set_attribute("role", "alert");
    let locale = Locale::from_tag(&browser_language().unwrap_or_default());
    note.set_text_content(Some(locale.texts().error_config));
    parent.replace_children_with_node_1(&note);
}
