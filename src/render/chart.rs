//! Bar charts as inline SVG, for a printed page: each bar under its label, the
//! amount as the memo states it after the bar (or inside it, or under it, where it
//! fits), series told apart in grayscale (solid, hatched, light), a legend when there
//! are several, and the chart in words (`<title>`, `<desc>`) for screen readers.
//! No axis and no total: the stated amounts are the only numbers shown.

use std::fmt::Write;

use super::html::esc;
use super::Chart;

/// The drawing's width, in CSS pixels (about 90 mm: half an A4 page).
const WIDTH: f64 = 340.0;
/// Font sizes of the labels, the amounts and the legend.
const LABEL: f64 = 11.0;
const AMOUNT: f64 = 11.0;
const LEGEND: f64 = 9.5;
/// A line of text, a bar, and the space after a bar.
const LINE: f64 = 13.5;
const BAR: f64 = 13.0;
const GAP: f64 = 8.0;

const INK: &str = "#1a1a1a";
const LIGHT: &str = "#c4c4c4";

/// How a series is drawn: its fill, and whether an amount can be written inside it
/// (and in which color).
struct Look {
    fill: String,
    inside: Option<&'static str>,
}

fn look(series: usize, id: &str) -> Look {
    match series % 3 {
        0 => Look {
            fill: INK.to_string(),
            inside: Some("#fff"),
        },
        1 => Look {
            fill: format!("url(#{id}-hatch)"),
            inside: None,
        },
        _ => Look {
            fill: LIGHT.to_string(),
            inside: Some("#000"),
        },
    }
}

/// The width of `text` in Arial (or its metric twin, Liberation Sans) at `size`
/// pixels, a little generous: per-character advances, in thousandths of an em.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    // Advances of ASCII 32..=126, regular and bold.
    const REGULAR: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
        556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
        722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
        667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
        556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
        500, 334, 260, 334, 584,
    ];
    const BOLD: [u16; 95] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
        556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722,
        722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722,
        667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
        611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556,
        500, 389, 280, 389, 584,
    ];
    let table = if bold { &BOLD } else { &REGULAR };
    let units: u32 = text
        .chars()
        .map(|c| {
            let ascii = match c {
                'à' | 'â' | 'ä' | 'á' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' | 'í' => 'i',
                'ô' | 'ö' | 'ó' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'ç' => 'c',
                'À' | 'Â' => 'A',
                'É' | 'È' | 'Ê' => 'E',
                'Î' => 'I',
                'Ô' => 'O',
                'Ç' => 'C',
                '’' | '‘' => '\'',
                '\u{a0}' | '\u{202f}' => ' ',
                c => c,
            };
            match ascii {
                ' '..='~' => u32::from(table[ascii as usize - 32]),
                '«' | '»' | '–' | '€' | '“' | '”' => 556,
                '—' | '…' => 1000,
                c if unicode_width::UnicodeWidthChar::width(c) == Some(2) => 1000,
                _ => 667,
            }
        })
        .sum();
    f64::from(units) / 1000.0 * size * 1.04
}

/// `text` broken into lines of at most `width` pixels, at ASCII spaces, never at a
/// no-break space (a word longer than a line is broken where it must).
pub fn lines(text: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    let space = text_width(" ", size, bold);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for word in text
        .split(' ')
        .filter(|w| !w.is_empty())
        .flat_map(|w| pieces(w, size, bold, width))
    {
        let w = text_width(&word, size, bold);
        if !line.is_empty() && used + space + w > width {
            out.push(std::mem::take(&mut line));
            used = 0.0;
        }
        if !line.is_empty() {
            line.push(' ');
            used += space;
        }
        line.push_str(&word);
        used += w;
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// A word in pieces that each fit `width` (most words: one piece).
fn pieces(word: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    if text_width(word, size, bold) <= width {
        return vec![word.to_string()];
    }
    let mut out = vec![String::new()];
    for c in word.chars() {
        let last = out.last_mut().expect("one piece at least");
        let mut longer = last.clone();
        longer.push(c);
        if !last.is_empty() && text_width(&longer, size, bold) > width {
            out.push(c.to_string());
        } else {
            *last = longer;
        }
    }
    out
}

/// A number for SVG: one decimal at most.
fn n(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Writes `chart` as one `<svg>` element; `id` makes its ids unique in the page.
pub fn svg(out: &mut String, chart: &Chart, id: &str) {
    let mut body = String::new();
    let mut y = 0.0;
    // The legend, when there are several series: swatches and names, flowing.
    if chart.series.len() > 1 {
        let mut x = 0.0;
        y += 1.0;
        for (i, name) in chart.series.iter().enumerate() {
            let w = 14.0 + text_width(name, LEGEND, false);
            if x > 0.0 && x + w > WIDTH {
                x = 0.0;
                y += LINE + 2.0;
            }
            let _ = write!(
                body,
                r##"<rect x="{}" y="{}" width="10" height="10" fill="{}" stroke="{INK}" stroke-width="0.75"/><text x="{}" y="{}" font-size="{LEGEND}">{}</text>"##,
                n(x + 0.5),
                n(y + 0.5),
                look(i, id).fill,
                n(x + 14.0),
                n(y + 8.5),
                esc(name)
            );
            x += w + 12.0;
        }
        y += LINE + 8.0;
    }
    let max = chart
        .bars
        .iter()
        .map(|b| b.value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    for bar in chart.bars.iter() {
        let len = if max > 0.0 && bar.value.is_finite() && bar.value > 0.0 {
            (bar.value / max * (WIDTH - 1.0)).max(2.0)
        } else {
            0.0
        };
        let l = look(bar.series, id);
        let amount = text_width(&bar.shown, AMOUNT, true);
        let label = lines(&bar.label, LABEL, false, WIDTH);
        let last = label.last().map_or(0.0, |t| text_width(t, LABEL, false));
        // Where the amount goes: after the bar, else inside it, else after the label,
        // else under the bar.
        let beside = len + 5.0 + amount <= WIDTH;
        let inside = l.inside.filter(|_| !beside && amount + 8.0 <= len);
        let after_label = !beside && inside.is_none() && last + 10.0 + amount <= WIDTH;
        for (i, line) in label.iter().enumerate() {
            y += LINE;
            let _ = write!(body, r##"<text x="0" y="{}">{}"##, n(y - 3.0), esc(line));
            if after_label && i + 1 == label.len() {
                let _ = write!(
                    body,
                    r##"<tspan x="{}" font-weight="bold">{}</tspan>"##,
                    n(last + 10.0),
                    esc(&bar.shown)
                );
            }
            body.push_str("</text>");
        }
        y += 1.5;
        let _ = write!(
            body,
            r##"<rect class="bar" x="0.5" y="{}" width="{}" height="{BAR}" fill="{}" stroke="{INK}" stroke-width="0.75"/>"##,
            n(y),
            n(len),
            l.fill
        );
        let base = n(y + BAR - 3.2);
        y += BAR;
        if beside {
            let _ = write!(
                body,
                r##"<text x="{}" y="{base}" font-weight="bold">{}</text>"##,
                n(len + 5.0),
                esc(&bar.shown)
            );
        } else if let Some(color) = inside {
            let _ = write!(
                body,
                r##"<text x="{}" y="{base}" font-weight="bold" fill="{color}" text-anchor="end">{}</text>"##,
                n(len - 4.0),
                esc(&bar.shown)
            );
        } else if !after_label {
            for line in lines(&bar.shown, AMOUNT, true, WIDTH) {
                y += LINE;
                let _ = write!(
                    body,
                    r##"<text x="0" y="{}" font-weight="bold">{}</text>"##,
                    n(y - 3.0),
                    esc(&line)
                );
            }
        }
        y += GAP;
    }
    let height = (y - GAP + 2.0).max(1.0);
    let _ = write!(
        out,
        r##"<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-title {id}-desc" font-size="{LABEL}" fill="#000"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"##,
        w = n(WIDTH),
        h = n(height),
        title = esc(&chart.title),
        desc = esc(&chart.description),
    );
    if chart.bars.iter().any(|b| b.series % 3 == 1) || chart.series.len() > 1 {
        let _ = write!(
            out,
            r##"<defs><pattern id="{id}-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><rect width="1.7" height="4" fill="{INK}"/></pattern></defs>"##
        );
    }
    out.push_str(&body);
    out.push_str("</svg>");
}

#[cfg(test)]
mod tests {
    use super::{lines, text_width};

    #[test]
    fn measures_and_breaks_text() {
        let w = text_width("more than €109 billion", 10.0, false);
        assert!((95.0..125.0).contains(&w), "{w}");
        assert!(text_width("abc", 10.0, true) > text_width("abc", 10.0, false));
        let l = lines(
            "United Arab Emirates – MGX: campus and data centre in France",
            10.0,
            false,
            150.0,
        );
        assert!(l.len() >= 2, "{l:?}");
        assert!(l.iter().all(|x| text_width(x, 10.0, false) <= 150.0));
        assert_eq!(
            l.join(" "),
            "United Arab Emirates – MGX: campus and data centre in France"
        );
        let long = "x".repeat(200);
        let l = lines(&long, 10.0, false, 150.0);
        assert!(l.len() > 1 && l.iter().all(|x| text_width(x, 10.0, false) <= 150.0));
        assert_eq!(l.concat(), long);
    }
}
