//! The R11 table of `redirect_url` inputs, shared by the native tests and the widget's browser
//! tests so both parsers are held to the same answers. Data only; no checking happens here.

/// The allow-list every case is checked against.
pub const CASE_ALLOWED_ORIGINS: &[&str] = &["https://allowed.example", "https://*.allowed.example"];

/// The page origin every case assumes (not on the list, so same-origin cannot rescue a case).
pub const CASE_PAGE_ORIGIN: &str = "https://host.example";

/// One input and the verdict R11 requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedirectCase {
    /// The raw `redirect_url`.
    pub input: &'static str,
    /// Whether it must be accepted.
    pub accept: bool,
    /// For accepted inputs, the exact URL navigation goes to (the parser's serialisation).
    pub href: &'static str,
}

const fn bad(input: &'static str) -> RedirectCase {
    RedirectCase {
        input,
        accept: false,
        href: "",
    }
}

const fn good(input: &'static str, href: &'static str) -> RedirectCase {
    RedirectCase {
        input,
        accept: true,
        href,
    }
}

/// Every bad and good input of security.md R11 (the 2 MiB string is [`long_redirect_case`]).
pub const REDIRECT_CASES: &[RedirectCase] = &[
    bad("javascript:alert(1)"),
    bad("JAVASCRIPT:alert(1)"),
    bad(" javascript:alert(1)"),
    bad("java\tscript:alert(1)"),
    bad("java%0d%0ascript:alert(1)"),
    bad("data:text/html,<script>alert(1)</script>"),
    bad("vbscript:msgbox(1)"),
    bad("file:///etc/passwd"),
    bad("blob:https://allowed.example/uuid"),
    bad("x:<svg onload=alert(1)>"),
    bad("//evil.example"),
    bad("/\\evil.example"),
    bad("\\\\evil.example"),
    bad("/%09/evil.example"),
    bad("/\t/evil.example"),
    bad("https:evil.example"),
    bad("https:\\\\evil.example"),
    bad("https://allowed.example@evil.example"),
    bad("https://allowed.example.evil.example"),
    bad("https://evil.example/?https://allowed.example"),
    bad("https://evil-allowed.example"),
    bad("https://\u{0430}llowed.example"),
    bad("http://allowed.example"),
    bad("https://allowed.example:8443"),
    bad(""),
    bad("https://allowed.example/done\n"),
    bad("https://allowed.example/\r\nx"),
    bad("https://user:pw@allowed.example/"),
    bad("https://allowed.example\u{0}/x"),
    bad("https://allowed.example/\u{7f}"),
    bad("https://allowed.example/\u{a0}"),
    bad("https://allowed.example/a b"),
    good(
        "https://allowed.example/done",
        "https://allowed.example/done",
    ),
    good(
        "https://allowed.example/done?x=1#y",
        "https://allowed.example/done?x=1#y",
    ),
    good(
        "https://app.allowed.example/cb",
        "https://app.allowed.example/cb",
    ),
    good(
        "HTTPS://ALLOWED.EXAMPLE/done",
        "https://allowed.example/done",
    ),
    good(
        "https://allowed.example:443/done",
        "https://allowed.example/done",
    ),
    good("https://allowed.example", "https://allowed.example/"),
];

/// The 2 MiB input of R11, built at run time because it is too large for a constant.
pub fn long_redirect_case() -> String {
    let mut s = String::from("https://allowed.example/");
    s.push_str(&"a".repeat(2 * 1024 * 1024));
    s
}
