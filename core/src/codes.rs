//! The stable error codes the widget reports to the host (security.md R36).
//!
//! A code is a contract with host developers: spellings never change once published. This file
//! holds only the codes, no messages for people (those live with the widget's locale tables).

/// Why something failed, as the host sees it in `onError` / `onExit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// An option is missing, malformed, unknown or secret-looking.
    ConfigInvalid,
    /// `session.redirect_url` is not on the allowed origins.
    RedirectNotAllowed,
    /// A request did not finish in time.
    NetworkTimeout,
    /// The browser is offline.
    NetworkOffline,
    /// The backend answered 5xx.
    ServerError,
    /// The backend answered 429.
    RateLimited,
    /// The backend answered 401/410: the session has to be started again.
    SessionExpired,
    /// A response was too large, malformed or failed validation.
    ResponseInvalid,
    /// The widget's code or assets could not load.
    LoadFailed,
    /// Session storage is unavailable; progress lives in memory only.
    StorageUnavailable,
    /// A popup was blocked.
    PopupBlocked,
    /// Top-level navigation was blocked (sandboxed iframe).
    NavigationBlocked,
    /// A second submission was refused while one is in flight.
    DuplicateSubmissionBlocked,
    /// The backend refused the request (4xx other than 401, 410, 429).
    RequestRejected,
}

impl ErrorCode {
    /// Every code, for exhaustive tests and documentation tables.
    pub const ALL: [ErrorCode; 14] = [
        Self::ConfigInvalid,
        Self::RedirectNotAllowed,
        Self::NetworkTimeout,
        Self::NetworkOffline,
        Self::ServerError,
        Self::RateLimited,
        Self::SessionExpired,
        Self::ResponseInvalid,
        Self::LoadFailed,
        Self::StorageUnavailable,
        Self::PopupBlocked,
        Self::NavigationBlocked,
        Self::DuplicateSubmissionBlocked,
        Self::RequestRejected,
    ];

    /// The code for an HTTP status that is not a success, so every caller maps statuses alike.
    pub fn from_http_status(status: u16) -> ErrorCode {
        match status {
            401 | 410 => Self::SessionExpired,
            408 => Self::NetworkTimeout,
            429 => Self::RateLimited,
            400..=499 => Self::RequestRejected,
            _ => Self::ServerError,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_documented_codes() {
        assert_eq!(ErrorCode::from_http_status(401), ErrorCode::SessionExpired);
        assert_eq!(ErrorCode::from_http_status(410), ErrorCode::SessionExpired);
        assert_eq!(ErrorCode::from_http_status(429), ErrorCode::RateLimited);
        assert_eq!(ErrorCode::from_http_status(422), ErrorCode::RequestRejected);
        assert_eq!(ErrorCode::from_http_status(503), ErrorCode::ServerError);
    }
}
