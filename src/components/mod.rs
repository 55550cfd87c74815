//! The widget's components: each renders state it is given and reports what the user did.
//!
//! Components never perform IO and never touch `window`.

mod error_banner;
mod provider_list;
mod provider_logo;
mod upsert_select;

pub use error_banner::ErrorBanner;
pub use provider_list::ProviderList;
pub use provider_logo::ProviderLogo;
pub use upsert_select::UpsertSelect;
