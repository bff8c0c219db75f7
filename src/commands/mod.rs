//! The commands: each turns a query into records (a [`Doc`] for people, JSON for scripts).

pub mod actors;
pub mod brief;
pub mod figures;
pub mod investments;
pub mod lists;
pub mod overview;
pub mod search;
pub mod show;
pub mod sources;
pub mod summit;
pub mod validate;
pub mod views;

use crate::error::Error;
use crate::i18n::Lang;
use crate::kb::{lookup, Kb, Loaded};
use crate::render::Doc;

/// What a command runs against.
pub struct Ctx<'a> {
    pub loaded: &'a Loaded,
    pub lang: Lang,
    /// Whether the output is JSON (else the JSON is not made at all).
    pub json: bool,
}

impl<'a> Ctx<'a> {
    /// The knowledge base.
    pub fn kb(&self) -> &'a Kb {
        &self.loaded.kb
    }

    /// The JSON document of a command, when JSON is asked for.
    /// (The views are made only then: `view` is called only for JSON output.)
    pub fn json_of<S: serde::Serialize>(&self, view: impl FnOnce() -> S) -> String {
        if self.json {
            json_text(view())
        } else {
            String::new()
        }
    }
}

/// What a command produces.
pub struct Output {
    pub doc: Doc,
    /// The JSON document, written out (empty unless JSON was asked for).
    pub json: String,
}

/// "nothing matches" with the closest candidates, as the error a miss gives.
pub fn miss<'a>(
    what: String,
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    hint: &str,
) -> Error {
    let close = lookup::suggest(query, candidates, 3);
    let mut msg = what;
    if !close.is_empty() {
        let quoted: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        msg.push_str(&format!("; did you mean {}?", or_list(&quoted)));
    }
    msg.push('\n');
    msg.push_str(hint);
    Error::NotFound(msg)
}

/// Refuses an empty query (a usage error, exit 2), naming what was expected.
pub fn not_empty<'q>(query: &'q str, what: &str, example: &str) -> Result<&'q str, Error> {
    if query.trim().is_empty() {
        Err(Error::Usage(format!(
            "the {what} is empty: give one, e.g. `{example}`"
        )))
    } else {
        Ok(query)
    }
}

/// A user's query as messages show it: cut after 60 characters.
pub fn shown(query: &str) -> String {
    if query.chars().count() > 60 {
        format!("{}…", query.chars().take(60).collect::<String>())
    } else {
        query.to_string()
    }
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Serializes a view as pretty JSON text.
pub fn json_text(v: impl serde::Serialize) -> String {
    serde_json::to_string_pretty(&v).unwrap_or_else(|_| "null".into())
}
