//! Proportional bars drawn with Unicode blocks, scaled to the width.

use std::io::Write;

use super::sanitize::sanitize_for_layout;
use super::table::{cut, pad, width_of, wrap};
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

/// The widest a label gets, and the narrowest it is cut to before the amounts go
/// under their bars.
const MAX_LABEL: usize = 36;
const MIN_LABEL: usize = 8;
/// The longest a bar gets, and the shortest it is shrunk to.
const MAX_BAR: usize = 60;
const MIN_BAR: usize = 8;

/// How bars are laid out for a width: the label's width, the bar's, and whether the
/// amounts go on lines of their own.
#[derive(Debug, PartialEq)]
struct Layout {
    label: usize,
    bar: usize,
    amount_under: bool,
}

/// Fits `label  bar  amount` to `width`: the bar shrinks first (down to
/// [`MIN_BAR`]), then the label (down to [`MIN_LABEL`]); the amount, as the memo
/// states it, is never cut: when even that does not fit, each amount goes on a line
/// of its own, under its label and bar.
fn layout(label: usize, amount: usize, width: Option<usize>) -> Layout {
    let natural = label.min(MAX_LABEL);
    let Some(w) = width else {
        return Layout {
            label: natural,
            bar: 40,
            amount_under: false,
        };
    };
    // label, two spaces, bar, two spaces, amount
    let room = w.saturating_sub(amount + 4);
    if room >= natural + MIN_BAR {
        return Layout {
            label: natural,
            bar: (room - natural).min(MAX_BAR),
            amount_under: false,
        };
    }
    if room >= natural.min(MIN_LABEL) + MIN_BAR {
        return Layout {
            label: room - MIN_BAR,
            bar: MIN_BAR,
            amount_under: false,
        };
    }
    // label, two spaces, bar; the amount on the next line
    let label = natural.min(w.saturating_sub(2 + MIN_BAR));
    Layout {
        label,
        bar: w.saturating_sub(label + 2).clamp(1, MAX_BAR),
        amount_under: true,
    }
}

/// Writes one line a bar: label, bar, amount; or, when the amounts do not fit
/// beside, label and bar, then the amount indented on the next line (wrapped at
/// spaces if it is wider than a line, never cut).
pub fn write(out: &mut impl Write, bars: &[Bar], width: Option<usize>, color: bool) -> Result<()> {
    let labels: Vec<String> = bars
        .iter()
        .map(|b| sanitize_for_layout(&b.label).into_owned())
        .collect();
    let shown: Vec<String> = bars
        .iter()
        .map(|b| sanitize_for_layout(&b.shown).into_owned())
        .collect();
    let lw = labels.iter().map(|l| width_of(l)).max().unwrap_or(0);
    let sw = shown.iter().map(|s| width_of(s)).max().unwrap_or(0);
    let fit = layout(lw, sw, width);
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    for ((b, label), shown) in bars.iter().zip(&labels).zip(&shown) {
        let bar = blocks(b.value, max, fit.bar);
        if fit.amount_under {
            writeln!(
                out,
                "{}  {}",
                pad(&cut(label, fit.label), fit.label),
                paint(&bar, Style::Code, color)
            )?;
            // Indented; never cut, but wrapped at spaces when wider than a line
            // ("pourrait atteindre 511,3 milliards de dollars" at 40 columns).
            for line in wrap(shown, width.map_or(usize::MAX, |w| w.saturating_sub(2))) {
                writeln!(out, "  {}", paint(&line, Style::Figure, color))?;
            }
        } else {
            writeln!(
                out,
                "{}  {}  {}",
                pad(&cut(label, fit.label), fit.label),
                paint(&pad(&bar, fit.bar), Style::Code, color),
                paint(shown, Style::Figure, color),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{blocks, layout, Layout};

    #[test]
    fn the_bar_gives_way_then_the_label_then_the_amount_goes_under() {
        let one = |label, bar| Layout {
            label,
            bar,
            amount_under: false,
        };
        // Room for all: the label whole, the bar as long as it may be.
        assert_eq!(layout(20, 12, Some(200)), one(20, 60));
        assert_eq!(layout(50, 12, Some(200)), one(36, 60));
        // The bar shrinks first, to 8 …
        assert_eq!(layout(20, 12, Some(60)), one(20, 24));
        assert_eq!(layout(20, 12, Some(44)), one(20, 8));
        // … then the label, to 8 …
        assert_eq!(layout(20, 12, Some(40)), one(16, 8));
        assert_eq!(layout(20, 22, Some(42)), one(8, 8));
        // … then the amount goes on a line of its own, the bar beside the label.
        let under = layout(20, 22, Some(40));
        assert!(under.amount_under, "{under:?}");
        assert_eq!((under.label, under.bar), (20, 18));
        let under = layout(7, 26, Some(40));
        assert_eq!((under.label, under.bar, under.amount_under), (7, 31, true));
        assert_eq!(layout(36, 22, Some(20)).label, 10);
        // Piped, nothing to fit.
        assert_eq!(layout(20, 12, None), one(20, 40));
    }

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
