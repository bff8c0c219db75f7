//! aimemo: the French foreign ministry's memo on AI as a command-line knowledge base.
//!
//! `run` takes parsed arguments, loads the knowledge base, runs one command and
//! writes its result through the chosen exporter; `main.rs` maps the outcome to an
//! exit code.

pub mod cli;
pub mod commands;
pub mod error;
pub mod i18n;
pub mod kb;
pub mod render;
mod shell;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use cli::{Cli, Command};
use commands::Ctx;
pub use error::Outcome;
use error::Result;
use i18n::Lang;
use render::{term, Format, Settings};

/// An environment for tests: the variables in `pairs`, and no others.
#[cfg(test)]
pub(crate) fn fake_env<'a>(
    pairs: &'a [(&'a str, &'a str)],
) -> impl Fn(&str) -> Option<String> + 'a {
    move |k| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.to_string())
    }
}

/// Knowledge-base files from `AIMEMO_FACTS` (separated like `PATH`), then `--facts`.
fn fact_files(cli: &Cli) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::env::var_os("AIMEMO_FACTS")
        .map(|v| {
            std::env::split_paths(&v)
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    files.extend(cli.global.facts.iter().cloned());
    files
}

/// The language of a run: `--lang`, else the environment.
pub fn lang(cli: &Cli) -> Lang {
    cli.global
        .lang
        .unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()))
}

/// Runs the command the arguments name, writing to stdout: whether it found what
/// it was asked (exit 0) or not (exit 1).
pub fn run(cli: &Cli) -> Result<Outcome> {
    let env = |k: &str| std::env::var(k).ok();
    let g = &cli.global;
    let lang = lang(cli);
    let format = if g.json {
        Format::Json
    } else {
        g.format.unwrap_or(Format::Table)
    };
    let color =
        format == Format::Table && term::use_color(g.color, std::io::stdout().is_terminal(), env);
    term::apply_color(color);
    let settings = Settings {
        format,
        color,
        width: term::width(env),
        lang,
    };
    let files = fact_files(cli);
    let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());

    // The commands that read the knowledge base run through this, which loads it.
    let with_kb = |f: &mut dyn FnMut(&Ctx) -> Result<Outcome>| -> Result<Outcome> {
        let loaded = kb::load(&files, !g.no_builtin)?;
        f(&Ctx {
            loaded: &loaded,
            lang,
        })
    };
    let s = &settings;
    // A command that reads the knowledge base: its result written out, a printed
    // page naming the memo.
    macro_rules! report {
        ($c:ident => $result:expr) => {
            with_kb(&mut |$c| emit(&$result?, &mut out, s, Some($c)))
        };
    }
    match &cli.command {
        Some(Command::Man) => {
            shell::man(&mut out)?;
            out.flush()?;
            Ok(Outcome::Found)
        }
        Some(Command::Schema { command }) => {
            writeln!(out, "{}", commands::schema::run(command)?.trim_end())?;
            out.flush()?;
            Ok(Outcome::Found)
        }
        Some(Command::Validate { files: given }) => {
            let mut all: Vec<&Path> = files.clone();
            all.extend(given.iter().map(PathBuf::as_path));
            let validation = commands::validate::run(&all, !g.no_builtin)?;
            emit(&validation, &mut out, s, None)
        }
        Some(Command::Completions { shell }) => with_kb(&mut |c| {
            shell::completions(*shell, c.kb(), &mut out)?;
            out.flush()?;
            Ok(Outcome::Found)
        }),
        None => report!(c => commands::overview::run(c)),
        Some(Command::Investments) => report!(c => commands::investments::run(c)),
        Some(Command::Summit) => report!(c => commands::summit::run(c)),
        Some(Command::Figures { topic }) => {
            report!(c => commands::figures::run(c, topic.as_deref()))
        }
        Some(Command::Actors) => report!(c => commands::actors::map(c)),
        Some(Command::Actor { query }) => report!(c => commands::actors::one(c, &query.join(" "))),
        Some(Command::Lists) => report!(c => commands::lists::all(c)),
        Some(Command::List { id }) => report!(c => commands::lists::one(c, id)),
        Some(Command::Sources) => report!(c => commands::sources::run(c)),
        Some(Command::Show { id }) => report!(c => commands::show::run(c, id)),
        Some(Command::Search { words, limit, kind }) => {
            // A table shows the first ten unless told; other formats all.
            let limit = match (limit, format) {
                (Some(0), _) => None,
                (Some(n), _) => Some(*n),
                (None, Format::Table) => Some(10),
                (None, _) => None,
            };
            let opts = commands::search::Options { limit, kind: *kind };
            report!(c => commands::search::run(c, words, opts))
        }
        Some(Command::Brief) => report!(c => commands::brief::run(c)),
        Some(Command::Cite { words }) => report!(c => commands::cite::run(c, words)),
    }
}

/// Writes a command's result in the chosen format, and tells how the run ended;
/// `ctx`, when the command read a knowledge base, names the memo on a printed page.
fn emit<R: commands::Report>(
    result: &R,
    out: &mut impl Write,
    s: &Settings,
    ctx: Option<&Ctx>,
) -> Result<Outcome> {
    for note in result.notes() {
        let _ = writeln!(std::io::stderr(), "aimemo: {note}");
    }
    // Only a printed page names the memo: other formats need not build its reference.
    let memo = ctx
        .filter(|_| s.format == Format::Html)
        .and_then(commands::memo);
    render::write(out, result, s, memo.as_ref())?;
    Ok(if result.success() {
        Outcome::Found
    } else {
        Outcome::NotFound
    })
}
