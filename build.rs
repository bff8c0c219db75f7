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
    pack_relocations();
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

/// The baked knowledge base holds a few thousand pointers, each a relative relocation:
/// 24 bytes of `.rela.dyn` apiece, read at every start. Where the binary is linked by
/// rust-lld (x86-64 Linux, rustc 1.90 or later, no other linker asked for) and will be
/// loaded by a glibc that reads packed relocations (2.36 or later, checked on this
/// machine, which builds for itself), they are packed (DT_RELR): a bit apiece.
fn pack_relocations() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let native = var("TARGET") == "x86_64-unknown-linux-gnu" && var("HOST") == var("TARGET");
    let default_linker = !var("CARGO_ENCODED_RUSTFLAGS").contains("linker")
        && std::env::var_os("RUSTC_LINKER").is_none();
    if native && default_linker && rustc_minor().is_some_and(|m| m >= 90) && glibc_at_least(2, 36) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// The first line of what `program args` prints, when it runs.
fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .ok()?;
    String::from_utf8(out.stdout)
        .ok()?
        .lines()
        .next()
        .map(str::to_string)
}

/// The minor version of the rustc cargo runs (`rustc 1.95.0 (…)` gives 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var("RUSTC").ok()?;
    let line = first_line(&rustc, &["-V"])?;
    line.split_whitespace()
        .nth(1)?
        .split('.')
        .nth(1)?
        .parse()
        .ok()
}

/// Whether this machine's C library is glibc `major.minor` or later (`getconf
/// GNU_LIBC_VERSION` prints `glibc 2.36`).
fn glibc_at_least(major: u32, minor: u32) -> bool {
    let Some(line) = first_line("getconf", &["GNU_LIBC_VERSION"]) else {
        return false;
    };
    let mut version = line.trim_start_matches("glibc").trim().split('.');
    let num = |v: Option<&str>| v.and_then(|x| x.parse::<u32>().ok());
    match (num(version.next()), num(version.next())) {
        (Some(a), Some(b)) => (a, b) >= (major, minor),
        _ => false,
    }
}

fn fail(lines: &[String]) -> ! {
    eprintln!("facts.toml is invalid:");
    for l in lines {
        eprintln!("  {l}");
    }
    std::process::exit(1);
}
