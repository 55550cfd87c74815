//! Entry point of the reference server.
fn main() {}
