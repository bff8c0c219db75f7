//! Validates `facts.toml` and embeds it pre-parsed: the knowledge base and its search
//! index are baked (databake) into Rust statics in `OUT_DIR/builtin.rs`, so the binary
//! neither parses nor folds them at start. An invalid `facts.toml` fails the build
//! with the validator's messages.

use std::path::PathBuf;

use aimemo_kb::index::SearchIndex;
use aimemo_kb::validate::{self, Workspace};
use databake::{Bake, CrateEnv};

fn main() {
    println!("cargo:rerun-if-changed=facts.toml");
    link_at_fixed_address();
    let text = match std::fs::read_to_string("facts.toml") {
        Ok(t) => t,
        Err(e) => fail(&[format!("facts.toml: cannot be read ({e})")]),
    };
    let mut ws = Workspace::default();
    let mut problems = ws.add_file("facts.toml", text);
    problems.extend(ws.check());
    problems.extend(ws.check_quotes());
    validate::sort(&mut problems);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        fail(&lines);
    }
    let env = CrateEnv::default();
    let kb = ws.kb.bake(&env);
    let index = SearchIndex::build(&ws.kb).bake(&env);
    let code = format!(
        "/// The built-in knowledge base, from facts.toml.\n\
         pub static BUILTIN: aimemo_kb::Kb = {kb};\n\n\
         /// Its search index.\n\
         pub static BUILTIN_INDEX: aimemo_kb::index::SearchIndex = {index};\n"
    );
    let Some(out) = std::env::var_os("OUT_DIR") else {
        fail(&["OUT_DIR is not set: build.rs runs under cargo".into()]);
    };
    if let Err(e) = std::fs::write(PathBuf::from(out).join("builtin.rs"), code) {
        fail(&[format!("cannot write the baked knowledge base: {e}")]);
    }
}

/// The baked knowledge base holds a few thousand pointers. In a position-independent
/// executable each is a relocation that the loader applies at every start, writing
/// (and so copying) every page that holds one. Linked at a fixed address (`-no-pie`,
/// on Linux with the default C compiler as linker), the linker writes them once; the
/// program's code stays position-independent, only its load address is fixed.
fn link_at_fixed_address() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let linux_gnu = var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu";
    let default_linker = !var("CARGO_ENCODED_RUSTFLAGS").contains("linker")
        && std::env::var_os("RUSTC_LINKER").is_none();
    if linux_gnu && default_linker {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

fn fail(lines: &[String]) -> ! {
    eprintln!("facts.toml is invalid:");
    for l in lines {
        eprintln!("  {l}");
    }
    std::process::exit(1);
}
