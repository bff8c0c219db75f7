//! Validates `facts.toml` and embeds it, pre-parsed: the knowledge base and its
//! search index are written as Rust statics into `OUT_DIR/builtin.rs`, so the binary
//! neither parses nor allocates them at start. An invalid `facts.toml` fails the
//! build with the validator's messages.

#![allow(dead_code)]

#[path = "src/kb/fold.rs"]
mod fold;
#[path = "src/kb/index.rs"]
mod index;
#[path = "src/kb/model.rs"]
mod model;
#[path = "build/rust_literal.rs"]
mod rust_literal;
#[path = "src/kb/validate.rs"]
mod validate;

use std::path::PathBuf;

fn main() {
    for f in [
        "facts.toml",
        "src/kb/fold.rs",
        "src/kb/index.rs",
        "src/kb/model.rs",
        "src/kb/validate.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let text = match std::fs::read_to_string("facts.toml") {
        Ok(t) => t,
        Err(e) => fail(&[format!("facts.toml: cannot be read ({e})")]),
    };
    let mut ws = validate::Workspace::default();
    let mut problems = ws.add_file("facts.toml", text);
    problems.extend(ws.check());
    validate::sort(&mut problems);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        fail(&lines);
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let index = index::SearchIndex::build(&ws.kb);
    let (kb, index) = match (rust_literal::to_rust(&ws.kb), rust_literal::to_rust(&index)) {
        (Ok(kb), Ok(index)) => (kb, index),
        (Err(e), _) | (_, Err(e)) => fail(&[format!("facts.toml cannot be embedded: {e}")]),
    };
    let code = format!(
        "/// The built-in knowledge base, from facts.toml.\npub static BUILTIN: Kb = {kb};\n\n\
         /// Its search index.\npub static BUILTIN_INDEX: SearchIndex = {index};\n"
    );
    std::fs::write(out.join("builtin.rs"), code).expect("OUT_DIR is writable");
}

fn fail(lines: &[String]) -> ! {
    eprintln!("facts.toml is invalid:");
    for l in lines {
        eprintln!("  {l}");
    }
    std::process::exit(1);
}
