//! The baseline for loading a knowledge base: the toml crate alone parsing a file
//! into its generic document, as `aimemo` parses it before reading the entries.
//! `cargo run --release --example toml-parse -- big.toml`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: toml-parse FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("toml-parse: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match text.parse::<toml::Table>() {
        Ok(table) => {
            println!("{} top-level keys", table.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("toml-parse: {path}: {e}");
            ExitCode::from(2)
        }
    }
}
