//! The browser's URL parser gives the core's redirect rule the same answers as the native parser:
//! every case of the shared R11 table, checked in headless Chromium.
#![cfg(target_arch = "wasm32")]

use endgrate_session_widget::BrowserUrlParser;
use wasm_bindgen_test::*;
use widget_core::url_check::cases::{CASE_ALLOWED_ORIGINS, CASE_PAGE_ORIGIN};
use widget_core::url_check::{check_redirect, OriginAllowList, REDIRECT_CASES};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn browser_parser_agrees_with_every_redirect_case() {
    let parser = BrowserUrlParser;
    let allowed = OriginAllowList::parse(CASE_ALLOWED_ORIGINS, &parser).expect("allow-list parses");
    let _ = CASE_PAGE_ORIGIN;
    for case in REDIRECT_CASES {
        let verdict = check_redirect(case.input, &allowed, &parser);
        match (case.accept, verdict) {
            (true, Ok(url)) => assert_eq!(url.as_str(), case.href, "{:?}", case.input),
            (false, Err(_)) => {}
            (expected, got) => panic!("{:?}: expected accept={expected}, got {got:?}", case.input),
        }
    }
}
