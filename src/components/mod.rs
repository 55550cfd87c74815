//! The widget's components: each renders state it is given and reports what the user did.
//!
//! Components never perform IO and never touch `window`.

mod provider_list;

pub use provider_list::ProviderList;
