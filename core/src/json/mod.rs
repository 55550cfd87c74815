//! A small JSON codec for exactly what the widget reads and writes, so the widget's wasm carries
//! no general-purpose (de)serialisation framework.
//!
//! - [`Json`]: the value. Objects keep their members in document order; numbers keep their
//!   validated source text (the widget never does arithmetic on a JSON number it did not write).
//! - [`parse`]: strict RFC 8259, iterative, depth-bounded; errors name the byte offset.
//! - [`write`]: compact text, escaping as `serde_json` does, so encoders can match it byte for byte.
//! - [`read`]: typed readers for hand-written decoders; errors name the path (`providers[3].name`).

mod parse;
pub mod read;
mod value;
mod write;

pub use parse::{parse, parse_with_depth, ParseError};
pub use value::Json;
pub use write::{write_str, Obj};

#[cfg(test)]
pub(crate) mod tests;
