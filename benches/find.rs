//! The finder's speed (divan, in-process): the first frame with the built-in base
//! (bound 50 ms), and re-ranking plus redrawing after a keystroke with a
//! 10,000-figure `--facts` file (bound 16 ms). `cargo bench --bench find`.

use aimemo::find::{screen, Finder, Key};
use aimemo::i18n::Lang;
use aimemo::kb::synth::generate;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// Loading the built-in base, building the finder and drawing its first frame.
#[divan::bench(sample_count = 20)]
fn first_frame(b: Bencher) {
    b.bench(|| {
        let loaded = aimemo::kb::load(&[], true).unwrap();
        let mut f = Finder::new(&loaded, Lang::En, "");
        let g = f.frame(120, 40, true);
        black_box(screen::ansi(&g, None, true).len())
    });
}

/// One key typed into a query on a 10,000-figure file: search, rank, draw.
#[divan::bench(sample_count = 20)]
fn keystroke_10k(b: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("facts.toml");
    std::fs::write(&path, generate(10_000)).unwrap();
    let loaded = aimemo::kb::load(&[path.as_path()], false).unwrap();
    let mut f = Finder::new(&loaded, Lang::En, "energi");
    let last = f.frame(120, 40, true);
    // Each sample one key: `e` typed, then taken back, in turn.
    let mut typed = false;
    b.bench_local(|| {
        f.key(if typed {
            Key::Backspace
        } else {
            Key::Char('e')
        });
        typed = !typed;
        let g = f.frame(120, 40, true);
        black_box(screen::ansi(&g, Some(&last), true).len())
    });
}
