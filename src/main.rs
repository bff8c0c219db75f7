//! The `aimemo` binary: parse arguments, run, and map the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use aimemo::error::{clap_exit, exit_code};
use aimemo::{cli, render::sanitize::sanitize, render::term};

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e, cli::lang_of_args(), cli::pager_of_args().as_deref()),
    };
    let run = aimemo::run(&cli);
    if let Err(e) = &run {
        if !e.is_quiet() {
            let lang = aimemo::lang(&cli);
            let color = term::stderr_color(cli.global.color(), |k| std::env::var(k).ok());
            let label = match lang {
                aimemo::i18n::Lang::En => "error:",
                aimemo::i18n::Lang::Fr => "erreur :",
            };
            let label = term::paint(label, term::Style::Error, color);
            // The message may quote the user's words or a knowledge base's text:
            // control characters are shown as escapes, as on stdout.
            let message = e.message(lang);
            let _ = writeln!(std::io::stderr(), "aimemo: {label} {}", sanitize(&message));
        }
    }
    exit_code(&run)
}
