//! Proportional bars drawn with Unicode blocks, scaled to the width.

use std::io::Write;

use super::sanitize::sanitize;
use super::table::{cut, pad, width_of};
use super::term::{paint, Style};
use super::Bar;
use crate::error::Result;

const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// The bar for `value` out of `max`, `cells` characters at most, in eighths.
pub fn blocks(value: f64, max: f64, cells: usize) -> String {
    if !(value.is_finite() && max.is_finite()) || max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    let eighths = ((value / max).min(1.0) * cells as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8]);
    }
    if s.is_empty() {
        s.push('▏'); // too small to see, but there
    }
    s
}

/// Writes one line a bar: label, bar, amount.
pub fn write(out: &mut impl Write, bars: &[Bar], width: Option<usize>, color: bool) -> Result<()> {
    let labels: Vec<String> = bars
        .iter()
        .map(|b| sanitize(&b.label).into_owned())
        .collect();
    const MAX_LABEL: usize = 36;
    let sw = bars.iter().map(|b| width_of(&b.shown)).max().unwrap_or(0);
    // Labels give way first on a narrow terminal, down to 8 characters.
    let room = width.map_or(MAX_LABEL, |w| w.saturating_sub(sw + 4 + 8).max(8));
    let lw = labels
        .iter()
        .map(|l| width_of(l))
        .max()
        .unwrap_or(0)
        .min(MAX_LABEL)
        .min(room);
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let cells = width.map_or(40, |w| w.saturating_sub(lw + sw + 4).clamp(8, 60));
    for (b, label) in bars.iter().zip(&labels) {
        let bar = blocks(b.value, max, cells);
        writeln!(
            out,
            "{}  {}  {}",
            pad(&cut(label, lw), lw),
            paint(&pad(&bar, cells), Style::Code, color),
            paint(&sanitize(&b.shown), Style::Figure, color)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::blocks;

    #[test]
    fn scales_in_eighths() {
        assert_eq!(blocks(200.0, 200.0, 10), "██████████");
        assert_eq!(blocks(50.0, 200.0, 10), "██▌");
        assert_eq!(blocks(6.0, 200.0, 10), "▎");
        assert_eq!(blocks(0.001, 200.0, 10), "▏");
        assert_eq!(blocks(0.0, 200.0, 10), "");
        assert_eq!(blocks(1.0, f64::NAN, 10), "");
    }
}
