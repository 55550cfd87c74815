//! Hand-written JSON codecs for exactly the types the widget reads and writes, built on
//! [`crate::json`]. Each decoder is `Type::read(&Json, &Path)`, mirroring the type's serde
//! attributes (required, `default`, `deny_unknown_fields`); each encoder writes the keys in the
//! order and with the omissions of the serde derive. `tests.rs` holds the two to the same JSON.

mod catalog;
mod event;
mod initiate;
mod persist;

#[cfg(all(test, feature = "serde"))]
mod tests;
