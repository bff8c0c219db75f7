//! aimemo: the French foreign ministry's memo on AI as a command-line knowledge base.
//!
//! `run` takes parsed arguments, loads the knowledge base, runs one command and
//! writes its output; `main.rs` only maps the result to an exit code.

pub mod cli;
pub mod commands;
pub mod error;
pub mod i18n;
pub mod kb;
pub mod render;
mod shell;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cli::{Cli, Command};
use commands::Ctx;
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

/// Runs the command the arguments name, writing to stdout.
pub fn run(cli: Cli) -> Result<ExitCode> {
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
    let files = fact_files(&cli);
    let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());

    match &cli.command {
        Some(Command::Man) => {
            shell::man(&mut out)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Validate { files: given }) => {
            let mut all: Vec<&Path> = files.clone();
            all.extend(given.iter().map(PathBuf::as_path));
            let (output, code) = commands::validate::run(&all, !g.no_builtin)?;
            render::write(&mut out, &output.doc, &output.json, &settings)?;
            return Ok(code);
        }
        _ => {}
    }

    let loaded = kb::load(&files, !g.no_builtin)?;
    let ctx = Ctx {
        loaded: &loaded,
        lang,
        json: format == Format::Json,
    };
    let output = match &cli.command {
        None => commands::overview::run(&ctx)?,
        Some(Command::Investments) => commands::investments::run(&ctx)?,
        Some(Command::Summit) => commands::summit::run(&ctx)?,
        Some(Command::Figures { topic }) => commands::figures::run(&ctx, topic.as_deref())?,
        Some(Command::Actors) => commands::actors::map(&ctx)?,
        Some(Command::Actor { query }) => commands::actors::one(&ctx, &query.join(" "))?,
        Some(Command::Lists) => commands::lists::all(&ctx)?,
        Some(Command::List { id }) => commands::lists::one(&ctx, id)?,
        Some(Command::Sources) => commands::sources::run(&ctx)?,
        Some(Command::Show { id }) => commands::show::run(&ctx, id)?,
        Some(Command::Search { words }) => commands::search::run(&ctx, words)?,
        Some(Command::Brief) => commands::brief::run(&ctx)?,
        Some(Command::Completions { shell }) => {
            shell::completions(*shell, &loaded.kb, &mut out)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man | Command::Validate { .. }) => unreachable!("handled above"),
    };
    render::write(&mut out, &output.doc, &output.json, &settings)?;
    // The process ends here and its memory goes back to the system whole: the output
    // and the knowledge base (large when read from files) are not freed piece by piece.
    std::mem::forget(output);
    std::mem::forget(loaded);
    Ok(ExitCode::SUCCESS)
}
