//! Host events as JSON text: `{"type": "step_changed", ...}`, the shape `onEvent` receives.

use crate::json::Obj;
use crate::wizard::{ExitReason, HostEvent};

impl ExitReason {
    /// The snake_case spelling, e.g. `user_closed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExitReason::UserClosed => "user_closed",
            ExitReason::Destroyed => "destroyed",
        }
    }
}

impl HostEvent {
    /// The event as compact JSON text, tagged by `type`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let mut o = Obj::new(&mut out);
        match self {
            HostEvent::Ready => o.str("type", "ready"),
            HostEvent::StepChanged { step, index, total } => o
                .str("type", "step_changed")
                .str("step", step.as_str())
                .uint("index", *index as u64)
                .uint("total", *total as u64),
            HostEvent::Success { session_id } => o
                .str("type", "success")
                .str("session_id", session_id.as_str()),
            HostEvent::Exit { reason } => o.str("type", "exit").str("reason", reason.as_str()),
            HostEvent::Error { code, message } => o
                .str("type", "error")
                .str("code", code.as_str())
                .str_or_null("message", message.as_deref()),
        }
        .end();
        out
    }
}

impl crate::options::OptionsError {
    /// The `error` event for an option that failed validation:
    /// `{"type": "error", "code": …, "message": …, "field": "session.redirect_url"}`.
    pub fn event_json(&self) -> String {
        let mut out = String::new();
        Obj::new(&mut out)
            .str("type", "error")
            .str("code", self.code().as_str())
            .str("message", self.message())
            .str("field", self.path())
            .end();
        out
    }
}
