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

/// Runs the command the arguments name, writing to stdout: whether it found what
/// it was asked (exit 0) or not (exit 1).
pub fn run(cli: &Cli) -> Result<Outcome> {
    let env = |k: &str| std::env::var(k).ok();
    let g = &cli.global;
    let lang = g.lang.unwrap_or_else(|| Lang::from_env(env));
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
    match &cli.command {
        Some(Command::Man) => {
            shell::man(&mut out)?;
            out.flush()?;
            Ok(Outcome::Found)
        }
        Some(Command::Validate { files: given }) => {
            let mut all: Vec<&Path> = files.clone();
            all.extend(given.iter().map(PathBuf::as_path));
            emit(&commands::validate::run(&all, !g.no_builtin)?, &mut out, s)
        }
        Some(Command::Completions { shell }) => with_kb(&mut |c| {
            shell::completions(*shell, c.kb(), &mut out)?;
            out.flush()?;
            Ok(Outcome::Found)
        }),
        None => with_kb(&mut |c| emit(&commands::overview::run(c)?, &mut out, s)),
        Some(Command::Investments) => {
            with_kb(&mut |c| emit(&commands::investments::run(c)?, &mut out, s))
        }
        Some(Command::Summit) => with_kb(&mut |c| emit(&commands::summit::run(c)?, &mut out, s)),
        Some(Command::Figures { topic }) => {
            with_kb(&mut |c| emit(&commands::figures::run(c, topic.as_deref())?, &mut out, s))
        }
        Some(Command::Actors) => with_kb(&mut |c| emit(&commands::actors::map(c)?, &mut out, s)),
        Some(Command::Actor { query }) => {
            with_kb(&mut |c| emit(&commands::actors::one(c, &query.join(" "))?, &mut out, s))
        }
        Some(Command::Lists) => with_kb(&mut |c| emit(&commands::lists::all(c)?, &mut out, s)),
        Some(Command::List { id }) => {
            with_kb(&mut |c| emit(&commands::lists::one(c, id)?, &mut out, s))
        }
        Some(Command::Sources) => with_kb(&mut |c| emit(&commands::sources::run(c)?, &mut out, s)),
        Some(Command::Show { id }) => {
            with_kb(&mut |c| emit(&commands::show::run(c, id)?, &mut out, s))
        }
        Some(Command::Search { words, limit, kind }) => {
            // A table shows the first ten unless told; other formats all.
            let limit = match (limit, format) {
                (Some(0), _) => None,
                (Some(n), _) => Some(*n),
                (None, Format::Table) => Some(10),
                (None, _) => None,
            };
            let opts = commands::search::Options { limit, kind: *kind };
            with_kb(&mut |c| emit(&commands::search::run(c, words, opts)?, &mut out, s))
        }
        Some(Command::Brief) => with_kb(&mut |c| emit(&commands::brief::run(c)?, &mut out, s)),
    }
}

/// Writes a command's result in the chosen format, and tells how the run ended.
fn emit<R: commands::Report>(result: &R, out: &mut impl Write, s: &Settings) -> Result<Outcome> {
    render::write(out, result, s)?;
    Ok(if result.success() {
        Outcome::Found
    } else {
        Outcome::NotFound
    })
}
