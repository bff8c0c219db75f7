//! `aimemo draft`'s speed (divan): a memo of 500 lines, bound 100 ms, and a text of
//! 10,000 lines, bound 2 s (issue 24). The texts are the test texts
//! (`tests/fixtures/draft/`, the memo first) one after the other, over again, cut
//! at that many lines. `cargo bench --bench draft`.

use aimemo::draft;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// `lines` lines of the test texts.
fn text(lines: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/draft");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the test texts")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    // The memo first: the 500 lines are the memo's 443 and the start of another.
    names.sort_by_key(|n| (!n.starts_with("dgm-memo"), n.clone()));
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(format!("{dir}/{n}")).expect("a test text"))
        .collect();
    let mut out: Vec<&str> = Vec::with_capacity(lines);
    for t in texts.iter().cycle() {
        for line in t.lines().chain([""]) {
            if out.len() == lines {
                return out.join("\n");
            }
            out.push(line);
        }
    }
    unreachable!("the texts cycle")
}

#[divan::bench(args = [500, 10_000], sample_count = 10)]
fn draft(b: Bencher, lines: usize) {
    let text = text(lines);
    b.bench(|| black_box(draft::draft(&text, &[]).figures.len()));
}

/// The same, written out as TOML: what `aimemo draft` does.
#[divan::bench(args = [500, 10_000], sample_count = 10)]
fn draft_and_write(b: Bencher, lines: usize) {
    let text = text(lines);
    b.bench(|| black_box(draft::draft(&text, &[]).to_toml("bench.txt").len()));
}
