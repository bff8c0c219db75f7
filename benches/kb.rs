//! In-process benchmarks (divan): loading a knowledge base against the toml crate
//! alone parsing the same text, building the search index, and searching.
//! `cargo bench` (the sizes are figures; each has a tenth as many actors and lists).

use aimemo::kb::index::SearchIndex;
use aimemo::kb::search::search;
use aimemo::kb::synth::generate;
use aimemo::kb::validate::Workspace;
use divan::{black_box, Bencher};

const SIZES: &[usize] = &[1_000, 10_000];

fn main() {
    divan::main();
}

/// The baseline: the toml crate parsing the file into its generic document.
#[divan::bench(args = SIZES, sample_count = 10)]
fn toml_parse(b: Bencher, n: usize) {
    let text = generate(n);
    b.bench(|| black_box(text.parse::<toml::Table>().map(|t| t.len()).unwrap_or(0)));
}

/// aimemo reading and validating the same file.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load(b: Bencher, n: usize) {
    let text = generate(n);
    b.bench(|| {
        let mut ws = Workspace::default();
        let mut problems = ws.add_file("bench.toml", text.clone());
        problems.extend(ws.check());
        assert!(problems.is_empty());
        black_box(ws.kb.figures.len())
    });
}

/// Folding every entry into an index (as `build.rs` does for the built-in one).
#[divan::bench(args = SIZES, sample_count = 10)]
fn index(b: Bencher, n: usize) {
    let mut ws = Workspace::default();
    ws.add_file("bench.toml", generate(n));
    b.bench(|| black_box(SearchIndex::build(&ws.kb).fields.len()));
}

/// A search that finds one entry, and one that finds them all.
#[divan::bench(args = SIZES, sample_count = 20)]
fn search_selective(b: Bencher, n: usize) {
    let mut ws = Workspace::default();
    ws.add_file("bench.toml", generate(n));
    let index = SearchIndex::build(&ws.kb);
    b.bench(|| black_box(search(&index, "syn-figure-42").hits.len()));
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn search_broad(b: Bencher, n: usize) {
    let mut ws = Workspace::default();
    ws.add_file("bench.toml", generate(n));
    let index = SearchIndex::build(&ws.kb);
    b.bench(|| black_box(search(&index, "energie").hits.len()));
}

/// What `aimemo search` does on other files: an index built, then searched, for a
/// word every entry holds and one none holds (a typo's suggestions).
#[divan::bench(args = SIZES, sample_count = 10)]
fn index_and_search(b: Bencher, n: usize) {
    let mut ws = Workspace::default();
    ws.add_file("bench.toml", generate(n));
    b.bench(|| black_box(search(&SearchIndex::build(&ws.kb), "energy").hits.len()));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn index_and_miss(b: Bencher, n: usize) {
    let mut ws = Workspace::default();
    ws.add_file("bench.toml", generate(n));
    b.bench(|| black_box(search(&SearchIndex::build(&ws.kb), "zqxjvk").hits.len()));
}

/// The built-in knowledge base: a search, with its embedded index.
#[divan::bench]
fn builtin_search() -> usize {
    let loaded = aimemo::kb::load(&[], true).expect("built-in");
    loaded.search(black_box("energie")).hits.len()
}
