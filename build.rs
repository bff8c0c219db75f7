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
#[path = "src/kb/pooled.rs"]
mod pooled;
#[path = "build/rust_literal.rs"]
mod rust_literal;
#[path = "src/kb/validate.rs"]
mod validate;

use std::path::PathBuf;

/// From the list of pooled types (`pooled::every_pool`): the list the generated pools
/// follow, and the build script's own empty pools (it only reads `facts.toml`).
macro_rules! pools {
    ($($ty:ident => $pool:ident),* $(,)?) => {
        const POOLS: &[(&str, &str)] = &[$((stringify!($ty), stringify!($pool))),*];

        mod pools {
            use super::index::SearchDoc;
            use super::model::*;

            pub const BLOB: &str = "";
            $(pub static $pool: [$ty; 0] = [];)*
        }
    };
}

pooled::every_pool!(pools);

fn main() {
    for f in [
        "facts.toml",
        "build/rust_literal.rs",
        "src/kb/fold.rs",
        "src/kb/index.rs",
        "src/kb/model.rs",
        "src/kb/pooled.rs",
        "src/kb/validate.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    link_order();
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
    let mut pools = rust_literal::Pools::default();
    let (kb, index) = match (pools.value(&ws.kb), pools.value(&index)) {
        (Ok(kb), Ok(index)) => (kb, index),
        (Err(e), _) | (_, Err(e)) => fail(&[format!("facts.toml cannot be embedded: {e}")]),
    };
    let code = format!(
        "{}\n/// The built-in knowledge base, from facts.toml.\npub static BUILTIN: Kb = {kb};\n\n\
         /// Its search index.\npub static BUILTIN_INDEX: SearchIndex = {index};\n",
        pools.finish(POOLS)
    );
    std::fs::write(out.join("pools.rs"), code).expect("OUT_DIR is writable");
}

/// Release builds for x86-64 Linux, which rustc links with rust-lld, place the
/// functions and data that the usual commands run and read side by side, in the order
/// of `build/hot-symbols.txt` (written by `bench/order.sh`). A run then maps a few
/// blocks of the binary instead of most of it: less resident memory and fewer page
/// faults at start. Symbols the list names but the build lacks are skipped, so a stale
/// list costs only that gain. `AIMEMO_LINK_MAP=FILE` also writes the linker's map,
/// which `bench/order.sh` reads.
fn link_order() {
    const LIST: &str = "build/hot-symbols.txt";
    println!("cargo:rerun-if-changed={LIST}");
    println!("cargo:rerun-if-env-changed=AIMEMO_LINK_MAP");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    // rustc links x86-64 Linux programs with rust-lld since 1.90; another linker (an
    // older rustc's, or one set through the flags) may not know lld's options.
    let lld = || {
        var("TARGET") == "x86_64-unknown-linux-gnu"
            && !var("CARGO_ENCODED_RUSTFLAGS").contains("linker")
            && std::env::var_os("RUSTC_LINKER").is_none()
            && rustc_minor().is_some_and(|minor| minor >= 90)
    };
    if var("PROFILE") != "release" || !lld() {
        return;
    }
    let list = PathBuf::from(var("CARGO_MANIFEST_DIR")).join(LIST);
    if list.is_file() {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    let map = var("AIMEMO_LINK_MAP");
    if !map.is_empty() {
        println!("cargo:rustc-link-arg-bins=-Wl,-Map={map}");
    }
}

/// The minor version of the rustc that cargo runs (`rustc 1.95.0 (…)` gives 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var_os("RUSTC")?;
    let out = std::process::Command::new(rustc).arg("-V").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    version.split('.').nth(1)?.parse().ok()
}

fn fail(lines: &[String]) -> ! {
    eprintln!("facts.toml is invalid:");
    for l in lines {
        eprintln!("  {l}");
    }
    std::process::exit(1);
}
