//! The `aimemo` binary: parse arguments, run, and map the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use aimemo::cli;
use aimemo::render::term;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let color = term::stderr_color(cli.global.color, |k| std::env::var(k).ok());
    match aimemo::run(cli) {
        Ok(code) => code,
        Err(e) => {
            if !e.is_quiet() {
                let label = term::paint("error:", term::Style::Error, color);
                let _ = writeln!(std::io::stderr(), "aimemo: {label} {e}");
            }
            e.exit_code()
        }
    }
}
