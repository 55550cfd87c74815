//! The only module that performs network IO. Every request has a timeout (R15), GETs retry with
//! backoff on transient failures (R16), the initiate POST carries its idempotency key (R17), bodies
//! are size-checked (R21) and every body is decoded by the core before anything else sees it.
//!
//! It holds no state and decides nothing about the flow: callers get a value or a [`FetchError`].

use crate::boundary::json::BrowserJson;
use crate::boundary::platform::{self, AbortTimer};
use gloo_net::http::{Request, Response};
use web_sys::{AbortController, AbortSignal, Headers, RequestCredentials, RequestInit};
use widget_core::options::Credentials;

/// GET requests give up after this long (R15).
const GET_TIMEOUT_MS: u32 = 10_000;
/// The initiate POST gives up after this long (R15).
const POST_TIMEOUT_MS: u32 = 20_000;
/// Attempts for a GET, the first included (R16).
const GET_ATTEMPTS: u32 = 3;

/// Why a request produced no usable value.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The browser is offline.
    Offline,
    /// No answer within the timeout.
    Timeout,
    /// The request failed before a response (reset, DNS, CORS).
    Network,
    /// A non-2xx answer; `message` is the server's `message` when it sent one.
    Status {
        /// The HTTP status.
        status: u16,
        /// Endgrate's `message`, if the body had one.
        message: Option<String>,
        /// `Retry-After` in seconds, when sent.
        retry_after: Option<u32>,
    },
    /// The body was larger than the caller accepts. The flow reports only the code, so no message
    /// is built.
    TooLarge,
}

/// Whether a failed GET attempt is worth another try, and after how long (R16: network errors,
/// timeouts, 408, 429 and 5xx are transient; other statuses are answers).
fn retry_delay_ms(error: &FetchError, attempt: u32) -> Option<u32> {
    let transient = match error {
        FetchError::Network | FetchError::Timeout => true,
        FetchError::Status { status, .. } => matches!(status, 408 | 429 | 500..=504),
        FetchError::Offline | FetchError::TooLarge => false,
    };
    if !transient || attempt >= GET_ATTEMPTS {
        return None;
    }
    let base = (500u32 << (attempt - 1).min(4)).min(5_000);
    let jittered = (f64::from(base) * (0.5 + platform::random_unit() / 2.0)) as u32;
    let retry_after = match error {
        FetchError::Status {
            retry_after: Some(seconds),
            ..
        } if *seconds <= 60 => seconds * 1_000,
        _ => 0,
    };
    Some(jittered.max(retry_after))
}

/// A response of any status, its body within the size limit.
pub struct RawResponse {
    /// The HTTP status.
    pub status: u16,
    /// The body, as text for the core's decoders.
    pub body: String,
}

/// GETs `url` and returns its 2xx response, retrying transient failures. The caller decodes the
/// body, so this loop is compiled once for every kind of GET.
pub async fn get(
    url: &str,
    credentials: Credentials,
    max_bytes: usize,
) -> Result<RawResponse, FetchError> {
    let mut attempt = 1;
    loop {
        let outcome = match send(url, credentials, None, GET_TIMEOUT_MS, max_bytes).await {
            Ok(raw) if (200..300).contains(&raw.status) => {
                return Ok(RawResponse {
                    status: raw.status,
                    body: raw.body,
                })
            }
            Ok(raw) => FetchError::Status {
                status: raw.status,
                message: widget_core::decode::error_message(&raw.body, &BrowserJson),
                retry_after: raw.retry_after,
            },
            Err(error) => error,
        };
        match retry_delay_ms(&outcome, attempt) {
            Some(delay) => platform::sleep_ms(delay).await,
            None => return Err(outcome),
        }
        attempt += 1;
    }
}

/// POSTs the initiate `body` (JSON text) with its idempotency key and returns the response of
/// whatever status, for the core to judge. Never retried automatically: a retry is the user's,
/// with the same key (R18).
pub async fn post_initiate(
    url: &str,
    credentials: Credentials,
    body: &str,
    idempotency_key: &str,
    max_bytes: usize,
) -> Result<RawResponse, FetchError> {
    let post = Post {
        body,
        idempotency_key,
    };
    let received = send(url, credentials, Some(post), POST_TIMEOUT_MS, max_bytes).await?;
    Ok(RawResponse {
        status: received.status,
        body: received.body,
    })
}

/// What came back, before anyone judged it.
struct Received {
    status: u16,
    body: String,
    retry_after: Option<u32>,
}

/// What a POST adds to a request.
struct Post<'a> {
    /// JSON text.
    body: &'a str,
    idempotency_key: &'a str,
}

async fn send(
    url: &str,
    credentials: Credentials,
    post: Option<Post<'_>>,
    timeout_ms: u32,
    max_bytes: usize,
) -> Result<Received, FetchError> {
    if !platform::is_online() {
        return Err(FetchError::Offline);
    }
    let controller = AbortController::new().map_err(|_| FetchError::Network)?;
    let _timer = AbortTimer::arm(&controller, timeout_ms);
    let request = build(url, credentials, post, &controller.signal()).ok_or(FetchError::Network)?;
    let aborted = || controller.signal().aborted();
    let response = request.send().await.map_err(|_| {
        if aborted() {
            FetchError::Timeout
        } else if platform::is_online() {
            FetchError::Network
        } else {
            FetchError::Offline
        }
    })?;
    check_declared_length(&response, max_bytes)?;
    let body = response.text().await.map_err(|_| {
        if aborted() {
            FetchError::Timeout
        } else {
            FetchError::Network
        }
    })?;
    if body.len() > max_bytes {
        return Err(FetchError::TooLarge);
    }
    Ok(Received {
        status: response.status(),
        body,
        retry_after: response
            .headers()
            .get("Retry-After")
            .and_then(|v| v.trim().parse().ok()),
    })
}

/// The fetch request: no cookies or credentials unless the host chose same-origin ones (R32),
/// cancelled through `signal`, and for the initiate POST its JSON body and idempotency key. Built from a `RequestInit` rather than gloo-net's
/// `RequestBuilder`, whose query merging the widget never uses; gloo-net still sends it.
fn build(
    url: &str,
    credentials: Credentials,
    post: Option<Post<'_>>,
    signal: &AbortSignal,
) -> Option<Request> {
    let init = RequestInit::new();
    init.set_credentials(match credentials {
        Credentials::Omit => RequestCredentials::Omit,
        Credentials::SameOrigin => RequestCredentials::SameOrigin,
    });
    init.set_signal(Some(signal));
    if let Some(post) = post {
        let headers = Headers::new().ok()?;
        headers.set("Content-Type", "application/json").ok()?;
        headers.set("Idempotency-Key", post.idempotency_key).ok()?;
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&post.body.into());
    }
    let request = web_sys::Request::new_with_str_and_init(without_empty_query(url), &init).ok()?;
    Some(Request::from(request))
}

/// `url` as the request goes out: an empty query's `?` is dropped, as gloo-net's
/// `RequestBuilder` did when it re-serialised the query (the fragment is never sent either way).
fn without_empty_query(url: &str) -> &str {
    let before_fragment = url.split('#').next().unwrap_or(url);
    before_fragment.strip_suffix('?').unwrap_or(url)
}

fn check_declared_length(response: &Response, max_bytes: usize) -> Result<(), FetchError> {
    let declared = response
        .headers()
        .get("Content-Length")
        .and_then(|v| v.trim().parse::<usize>().ok());
    match declared {
        Some(length) if length > max_bytes => Err(FetchError::TooLarge),
        _ => Ok(()),
    }
}
