//! aimemo's knowledge base: the model, TOML read into it and validated, text folding,
//! the search index, lookup and search. Shared by the binary and its build script,
//! which validates `facts.toml` and embeds it with this crate's types.

pub mod baked;
pub mod fold;
pub mod index;
pub mod keys;
pub mod link;
pub mod lookup;
pub mod model;
pub mod passage;
pub mod search;
pub mod stem;
pub mod synth;
pub mod validate;

pub use model::*;
