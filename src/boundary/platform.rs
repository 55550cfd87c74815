//! Browser services as plain Rust functions: timers, randomness, online status, session storage
//! and navigation. Each failure of the browser (storage blocked, no window) is a value, not a panic.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Resolves after `ms` milliseconds (a `setTimeout`, so a test's fake clock controls it).
pub async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u32) as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Aborts `controller` after `ms` milliseconds unless dropped first.
pub struct AbortTimer {
    id: i32,
}

impl AbortTimer {
    /// Arms the timer.
    pub fn arm(controller: &web_sys::AbortController, ms: u32) -> Option<Self> {
        let controller = controller.clone();
        // A one-shot JS function owns the Rust closure, so the timer can never call into freed
        // memory, whichever of "timer fires" and "request ends" comes first.
        let callback = Closure::once_into_js(move || controller.abort());
        let id = window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                ms as i32,
            )
            .ok()?;
        Some(Self { id })
    }
}

impl Drop for AbortTimer {
    fn drop(&mut self) {
        if let Some(window) = window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}

/// A uniformly distributed number in `[0, 1)`, for retry jitter.
pub fn random_unit() -> f64 {
    js_sys::Math::random()
}

/// A random UUIDv4 from `crypto.getRandomValues`, for idempotency keys.
pub fn uuid_v4() -> Option<String> {
    let crypto = window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut uuid = String::with_capacity(36);
    for (group, range) in [0..4, 4..6, 6..8, 8..10, 10..16].into_iter().enumerate() {
        if group > 0 {
            uuid.push('-');
        }
        for byte in &bytes[range] {
            uuid.push_str(&format!("{byte:02x}"));
        }
    }
    Some(uuid)
}

/// Milliseconds since the epoch, from the page's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whether the browser believes it is online.
pub fn is_online() -> bool {
    window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Why session storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageUnavailable;

fn session_storage() -> Result<web_sys::Storage, StorageUnavailable> {
    window()
        .ok_or(StorageUnavailable)?
        .session_storage()
        .map_err(|_| StorageUnavailable)?
        .ok_or(StorageUnavailable)
}

/// Reads `key` from session storage.
///
/// # Errors
/// When storage is blocked (privacy settings, sandboxed frames) or throws.
pub fn storage_get(key: &str) -> Result<Option<String>, StorageUnavailable> {
    session_storage()?
        .get_item(key)
        .map_err(|_| StorageUnavailable)
}

/// Writes `key` to session storage.
///
/// # Errors
/// When storage is blocked or full.
pub fn storage_set(key: &str, value: &str) -> Result<(), StorageUnavailable> {
    session_storage()?
        .set_item(key, value)
        .map_err(|_| StorageUnavailable)
}

/// Removes `key` from session storage; a blocked storage has nothing to remove.
pub fn storage_remove(key: &str) {
    if let Ok(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

/// The page's origin, e.g. `https://app.example.com`.
pub fn page_origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The browser's preferred language, e.g. `de-DE`.
pub fn browser_language() -> Option<String> {
    window()?.navigator().language()
}

/// Sends the top-level page to `url`, which the core has already validated (R14: the whole tab
/// leaves, also when the widget's page is framed).
///
/// # Errors
/// When the browser refuses: a sandboxed frame without top navigation, or a cross-origin top.
pub fn navigate(url: &str) -> Result<(), JsValue> {
    let own = window().ok_or_else(|| JsValue::from_str("no window"))?;
    let top = own.top()?.unwrap_or(own);
    top.location().assign(url)
}

/// Removes Endgrate's return parameters (`session_id`, `state`) from the page's address without
/// a navigation (R4), so no request the widget or the page makes later sends them as `Referer`.
pub fn strip_return_params() {
    let Some(window) = window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let names = widget_core::url_check::RETURN_PARAMS;
    if let Some(clean) = widget_core::url_check::remove_query_params(&href, &names) {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
        }
    }
}

/// The browser's own WHATWG URL parser, for the core's URL rules.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserUrlParser;

impl widget_core::url_check::UrlParser for BrowserUrlParser {
    fn parse(&self, input: &str) -> Option<widget_core::url_check::ParsedUrl> {
        let url = web_sys::Url::new(input).ok()?;
        Some(widget_core::url_check::ParsedUrl {
            href: url.href(),
            protocol: url.protocol(),
            username: url.username(),
            password: url.password(),
            hostname: url.hostname(),
            port: url.port(),
            origin: url.origin(),
        })
    }
}

/// Sets CSS custom properties on `element` through the CSSOM (no `style` attribute text, so a
/// strict CSP without `'unsafe-inline'` allows it, R30).
pub fn set_custom_properties<'a>(
    element: &web_sys::HtmlElement,
    properties: impl IntoIterator<Item = (&'a str, &'a str)>,
) {
    let style = element.style();
    for (name, value) in properties {
        let _ = style.set_property(name, value);
    }
}
