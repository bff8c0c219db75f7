//! The commands: each turns a query into one typed result, which knows nothing of
//! output formats. A result is serializable (the JSON document) and a [`Report`]:
//! it lays itself out as a [`Doc`] for people and as flat records for CSV and TSV;
//! the exporters in `render` do the rest.

pub mod actors;
pub mod brief;
pub mod cite;
pub mod draft;
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

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::cli::{
    ActorArgs, CiteArgs, Command, CompletionsArgs, DraftArgs, FiguresArgs, FindArgs, ListArgs,
    SchemaArgs, SearchArgs, ShowArgs, ValidateArgs,
};
use crate::error::{Error, Msg, Outcome, Result};
use crate::i18n::Lang;
use crate::kb::{self, lookup, Kb, Loaded};
use crate::render::{self, Doc, Format, MemoRef, Row, Settings};

/// One run of a command: where the knowledge base comes from, and where its result
/// goes, in what format.
pub struct Run<'r> {
    /// Files to load (`AIMEMO_FACTS`, `--facts`), with the built-in one or not.
    pub files: &'r [&'r Path],
    pub builtin: bool,
    pub lang: Lang,
    pub settings: &'r Settings,
    pub out: &'r mut dyn Write,
}

impl Run<'_> {
    /// Runs `f` against the knowledge base, loaded and validated.
    fn with_kb(
        &mut self,
        f: &mut dyn FnMut(&Ctx, &mut Self) -> Result<Outcome>,
    ) -> Result<Outcome> {
        let loaded = kb::load(self.files, self.builtin)?;
        let ctx = Ctx {
            loaded: &loaded,
            lang: self.lang,
        };
        f(&ctx, self)
    }

    /// Writes a command's result in the chosen format, and tells how the run ended;
    /// `ctx`, when the command read a knowledge base, names the memo on a printed page.
    /// A result that found nothing (`Report::miss`) is still a document for scripts
    /// (JSON, JSON lines, CSV, TSV), and nothing for people: its message is the error.
    fn emit<R: Report>(&mut self, result: &R, ctx: Option<&Ctx>) -> Result<Outcome> {
        for note in result.notes() {
            let note = render::sanitize::sanitize(&note);
            let _ = writeln!(std::io::stderr(), "aimemo: {note}");
        }
        if let Some(miss) = result.miss() {
            if self.settings.format.is_for_scripts() {
                render::write(&mut self.out, result, self.settings, None)?;
            }
            return Err(Error::NotFound(miss.clone()));
        }
        // Only a printed page names the memo: other formats need not build its reference.
        let memo = ctx
            .filter(|_| self.settings.format == Format::Html)
            .and_then(memo);
        render::write(&mut self.out, result, self.settings, memo.as_ref())?;
        Ok(if result.success() {
            Outcome::Found
        } else {
            Outcome::NotFound
        })
    }
}

impl Run<'_> {
    /// A command that found nothing, or failed: in JSON, a lookup that found nothing
    /// is the document `null` (its schema allows it), so that a script reads one
    /// document whatever happens.
    fn nothing(&mut self, e: Error) -> Result<Outcome> {
        if matches!(e, Error::NotFound(_)) && self.settings.format == Format::Json {
            writeln!(self.out, "null")?;
        }
        Err(e)
    }
}

/// Runs `command` (none: the overview): the one place a command is dispatched.
pub fn run(command: Option<&Command>, r: &mut Run) -> Result<Outcome> {
    // A command that reads the knowledge base: its result written out.
    macro_rules! report {
        ($c:ident => $result:expr) => {
            r.with_kb(&mut |$c, r| match $result {
                Ok(result) => r.emit(&result, Some($c)),
                Err(e) => r.nothing(e),
            })
        };
    }
    match command {
        Some(Command::Man) => {
            crate::shell::man(r.lang, &mut r.out)?;
            Ok(Outcome::Found)
        }
        Some(Command::Schema(SchemaArgs { command })) => {
            writeln!(r.out, "{}", schema::run(command)?.trim_end())?;
            Ok(Outcome::Found)
        }
        Some(Command::Validate(ValidateArgs {
            files: given,
            strict,
        })) => {
            let mut all: Vec<&Path> = r.files.to_vec();
            all.extend(given.iter().map(std::path::PathBuf::as_path));
            let validation = validate::run(&all, r.builtin, r.lang, *strict)?;
            let outcome = r.emit(&validation, None)?;
            // A file that could not be read is reported with the others' problems,
            // and the run fails as any unreadable file makes it (exit 2).
            Ok(if validation.unreadable {
                Outcome::Failed
            } else {
                outcome
            })
        }
        Some(Command::Draft(DraftArgs {
            memo,
            output,
            against,
        })) => draft::run(
            memo,
            output.as_deref(),
            against.as_deref(),
            r.builtin,
            r.out,
        ),
        Some(Command::Completions(CompletionsArgs { shell })) => r.with_kb(&mut |c, r| {
            crate::shell::completions(*shell, c.kb(), c.lang, &mut r.out)?;
            Ok(Outcome::Found)
        }),
        None => report!(c => overview::run(c)),
        Some(Command::Investments) => report!(c => investments::run(c)),
        Some(Command::Summit) => report!(c => summit::run(c)),
        Some(Command::Figures(FiguresArgs { topic })) => {
            let topic = (!topic.is_empty()).then(|| topic.join(" "));
            report!(c => figures::run(c, topic.as_deref()))
        }
        Some(Command::Actors) => report!(c => actors::map(c)),
        Some(Command::Actor(ActorArgs { query })) => report!(c => actors::one(c, &query.join(" "))),
        Some(Command::Lists) => report!(c => lists::all(c)),
        Some(Command::List(ListArgs { id })) => report!(c => lists::one(c, &id.join(" "))),
        Some(Command::Sources) => report!(c => sources::run(c)),
        Some(Command::Show(ShowArgs { id })) => report!(c => show::run(c, id)),
        Some(Command::Search(SearchArgs { words, limit, kind })) => {
            // A table shows the first ten unless told; other formats all.
            let limit = match (limit, r.settings.format) {
                (Some(0), _) => None,
                (Some(n), _) => Some(*n),
                (None, Format::Table) => Some(10),
                (None, _) => None,
            };
            let opts = search::Options { limit, kind: *kind };
            report!(c => search::run(c, words, opts))
        }
        Some(Command::Brief) => report!(c => brief::run(c)),
        Some(Command::Cite(CiteArgs { words })) => report!(c => cite::run(c, words)),
        Some(Command::Find(FindArgs { words })) => {
            r.with_kb(&mut |c, r| crate::find::run(c, words, r))
        }
    }
}

/// Each command's JSON Schema, generated from its result type (`null` too for those
/// that may find nothing: a lookup, or a knowledge base without such entries), by the
/// name `aimemo schema` takes:
/// `schema`'s tests write them to `docs/schema/`, which the binary embeds.
#[cfg(test)]
pub fn schemas() -> Vec<(&'static str, schemars::Schema)> {
    use schemars::schema_for;
    vec![
        ("overview", schema_for!(overview::Overview<'static>)),
        (
            "investments",
            schema_for!(Option<investments::Investments<'static>>),
        ),
        ("summit", schema_for!(Option<summit::Summit<'static>>)),
        ("figures", schema_for!(Option<figures::Figures<'static>>)),
        ("actors", schema_for!(Option<actors::Map<'static>>)),
        ("actor", schema_for!(Option<actors::OneActor<'static>>)),
        ("lists", schema_for!(Option<lists::Lists<'static>>)),
        ("list", schema_for!(Option<lists::OneList<'static>>)),
        ("sources", schema_for!(Option<sources::Sources<'static>>)),
        ("show", schema_for!(Option<show::Show<'static>>)),
        ("search", schema_for!(search::Search<'static>)),
        ("brief", schema_for!(Option<brief::Brief<'static>>)),
        ("cite", schema_for!(Option<cite::Cite<'static>>)),
        ("validate", schema_for!(validate::Validation)),
    ]
}

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
    /// One row of CSV, TSV or JSON lines: a view, and the columns it gives.
    type Record<'r>: Row
    where
        Self: 'r;

    /// What people read: headings, fields, tables (terminal and Markdown).
    fn doc(&self) -> Doc;

    /// One record a row, for CSV, TSV and JSON lines.
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

    /// What to tell when the result is empty: it found nothing (exit 1), and only the
    /// formats for scripts write it (a search's empty `hits`).
    fn miss(&self) -> Option<&Msg> {
        None
    }

    /// The header row of CSV and TSV when there is no record to take it from.
    fn columns(&self) -> Option<&'static str> {
        None
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
    Error::NotFound(missed(what, query, candidates, hint))
}

/// The message of `miss`.
pub fn missed<'a>(
    what: Msg,
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    hint: Msg,
) -> Msg {
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
    Msg::new(format!("{en}\n{}", hint.en), format!("{fr}\n{}", hint.fr))
}

/// The error of a query that names several entries (exit 1): the first eight, each
/// by its key (code or id) and name, and how to narrow it.
pub fn several<'a>(
    query: &str,
    what: Msg,
    found: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
    hint: Msg,
) -> Error {
    let n = found.len();
    // Escaped before it is padded, so that the names line up; a line break in a
    // file's text is escaped too, so that it cannot start a line of its own.
    let one_line = |t: &str| render::sanitize::sanitize(t).replace('\n', "\\n");
    let rows: Vec<String> = found
        .take(8)
        .map(|(key, name)| format!("  {} {}", render::pad(&one_line(key), 20), one_line(name)))
        .collect();
    let (q, rows) = (shown(query), rows.join("\n"));
    Error::NotFound(Msg::new(
        format!("`{q}` matches {n} {}:\n{rows}\n{}", what.en, hint.en),
        format!("`{q}` correspond à {n} {} :\n{rows}\n{}", what.fr, hint.fr),
    ))
}

/// The error of a command with nothing to show: the knowledge base has `what`
/// ("no lists" / "aucune liste") and no more (exit 1, nothing on stdout).
pub fn nothing(what: Msg) -> Error {
    Error::NotFound(Msg::new(
        format!(
            "the knowledge base has {}\nadd some with --facts FILE (docs/SCHEMA.md gives the format)",
            what.en
        ),
        format!(
            "la base ne contient {}\najoutez-en avec --facts FICHIER (format : docs/SCHEMA.md)",
            what.fr
        ),
    ))
}

/// Refuses an empty query (a usage error, exit 2), naming what was expected
/// (`what`: "the topic" / "le thème").
pub fn not_empty(query: &str, what: Msg, example: Msg) -> Result<&str> {
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
