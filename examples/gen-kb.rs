//! Writes a valid knowledge base of N figures (and N/10 actors and lists) to stdout,
//! for benchmarks: `cargo run --release --example gen-kb -- 10000 > big.toml`.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let n = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        Some(Ok(n)) => n,
        _ => {
            eprintln!("usage: gen-kb N   (N figures, N/10 actors and lists)");
            return ExitCode::from(2);
        }
    };
    let text = aimemo::kb::synth::generate(n);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-kb: {e}");
            ExitCode::from(2)
        }
    }
}
