//! The commands: each turns a query into one typed result, which knows nothing of
//! output formats. A result is serializable (the JSON document) and a [`Report`]:
//! it lays itself out as a [`Doc`] for people and as flat records for CSV and TSV;
//! the exporters in `render` do the rest.

pub mod actors;
pub mod brief;
pub mod cite;
pub mod figures;
pub mod investments;
pub mod layout;
pub mod lists;
pub mod overview;
pub mod schema;
pub mod search;
pub mod show;
pub mod sources;
pub mod summit;
pub mod validate;
pub mod views;

use serde::Serialize;

use crate::error::{Error, Msg};
use crate::i18n::Lang;
use crate::kb::{lookup, Kb, Loaded};
use crate::render::{Doc, MemoRef};

/// What a command runs against.
pub struct Ctx<'a> {
    pub loaded: &'a Loaded,
    pub lang: Lang,
}

impl<'a> Ctx<'a> {
    /// The knowledge base.
    pub fn kb(&self) -> &'a Kb {
        &self.loaded.kb
    }

    /// Builds views in the chosen language.
    pub fn viewer(&self) -> views::Viewer<'a> {
        views::Viewer {
            kb: self.kb(),
            lang: self.lang,
        }
    }
}

/// The memo the knowledge base is about, as a printed page's footer names it.
pub fn memo(ctx: &Ctx) -> Option<MemoRef> {
    let l = ctx.lang;
    ctx.kb().memos.first().map(|m| MemoRef {
        ministry: m.ministry.as_ref().map(|t| l.pick(t).to_string()),
        series: l.pick(&m.series).to_string(),
        title: l.pick(&m.title).to_string(),
    })
}

/// A command's result, as every exporter needs it. Serializing it gives the JSON
/// document.
pub trait Report: Serialize {
    /// One row of CSV or TSV: a flat struct whose field names are the columns.
    type Record<'r>: Serialize
    where
        Self: 'r;

    /// What people read: headings, fields, tables (terminal and Markdown).
    fn doc(&self) -> Doc;

    /// One record a row, for CSV and TSV.
    fn records(&self) -> Vec<Self::Record<'_>>;

    /// Notes for the user that are not the result (on stderr): which entry a search
    /// picked, say.
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }

    /// Whether the result is a success (exit 0); `validate` finding problems is not.
    fn success(&self) -> bool {
        true
    }
}

/// "nothing matches" with the closest candidates, as the error a miss gives, in both
/// languages.
pub fn miss<'a>(
    what: Msg,
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    hint: Msg,
) -> Error {
    let close = lookup::suggest(query, candidates, 3);
    let Msg { mut en, mut fr } = what;
    if !close.is_empty() {
        let quoted: Vec<String> = close.iter().map(|c| format!("`{c}`")).collect();
        en.push_str(&format!("; did you mean {}?", or_list(&quoted, "or")));
        fr.push_str(&format!(
            " ; vouliez-vous dire {} ?",
            or_list(&quoted, "ou")
        ));
    }
    Error::NotFound(Msg::new(
        format!("{en}\n{}", hint.en),
        format!("{fr}\n{}", hint.fr),
    ))
}

/// Refuses an empty query (a usage error, exit 2), naming what was expected
/// (`what`: "the topic" / "le thème").
pub fn not_empty(query: &str, what: Msg, example: Msg) -> Result<&str, Error> {
    if query.trim().is_empty() {
        Err(Error::Usage(Msg::new(
            format!("{} is empty: give one, e.g. `{}`", what.en, example.en),
            format!("{} est vide ; exemple : `{}`", what.fr, example.fr),
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

fn or_list(items: &[String], or: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}
