//! aimemo: the French foreign ministry's memo on AI as a command-line knowledge base.
//!
//! `run` takes parsed arguments and settles the run's language, format, color and
//! width; `commands::run` dispatches the command, which reads the knowledge base and
//! hands its result to the chosen exporter; `main.rs` maps the outcome to an exit code.

pub mod cli;
pub mod commands;
pub mod draft;
pub mod error;
pub mod find;
pub mod i18n;
pub mod kb;
pub mod pager;
pub mod render;
mod shell;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use cli::Cli;
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
    // Colors, indented JSON and the pager are for a terminal.
    let tty = std::io::stdout().is_terminal();
    let color = format == Format::Table && term::use_color(g.color(), tty, env);
    term::apply_color(color);
    let settings = Settings {
        format,
        color,
        width: term::width(env),
        lang,
        pretty: tty,
    };
    let files = fact_files(cli);
    let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let run = |out: &mut dyn Write| {
        commands::run(
            cli.command.as_ref(),
            &mut commands::Run {
                files: &files,
                builtin: !g.no_builtin,
                lang,
                settings: &settings,
                out,
            },
        )
    };
    let pager = (tty && !g.no_pager).then(|| pager::command(env)).flatten();
    let Some(pager) = pager else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let outcome = run(&mut out)?;
        out.flush()?;
        return Ok(outcome);
    };
    // On a terminal, the output is kept until it is whole: only then is it known
    // to be taller than the screen.
    let mut kept = Vec::new();
    let outcome = run(&mut kept);
    page(&kept, &pager, env)?;
    outcome
}

/// Shows `text` on the terminal: through `pager` when it is taller than the
/// screen, else (or when the pager cannot be started) directly.
pub fn page(text: &[u8], pager: &str, env: impl Fn(&str) -> Option<String>) -> Result<()> {
    let width = term::width(&env).unwrap_or(80);
    let tall = term::height(&env).is_some_and(|h| pager::rows(text, width) >= h);
    if !(tall && pager::show(text, pager)?) {
        let mut out = std::io::stdout().lock();
        out.write_all(text)?;
        out.flush()?;
    }
    Ok(())
}
