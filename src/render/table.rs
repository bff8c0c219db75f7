//! The terminal renderer: headings, wrapped text and comfy-table tables.

use std::io::Write;

use comfy_table::{presets, Attribute, Color, ContentArrangement};

use super::sanitize::sanitize;
use super::term::{paint, Style};
use super::{bars, Block, Cell, Doc, Settings, Tone};
use crate::error::Result;

/// Writes `doc` for a terminal: colors as `s.color` says, fitted to `s.width`.
pub fn write(out: &mut impl Write, doc: &Doc, s: &Settings) -> Result<()> {
    let width = s.width;
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Heading(t) => {
                for line in wrap(&sanitize(t), width.unwrap_or(usize::MAX)) {
                    writeln!(out, "{}", paint(&line, Style::Heading, s.color))?;
                }
            }
            Block::Subheading(t) => {
                for line in wrap(&sanitize(t), width.unwrap_or(usize::MAX)) {
                    writeln!(out, "{}", paint(&line, Style::Strong, s.color))?;
                }
            }
            Block::Text(t) => {
                for line in wrap(&sanitize(t), width.unwrap_or(usize::MAX)) {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Pre(t) => writeln!(out, "{}", sanitize(t))?,
            Block::Fields(fields) => write_fields(out, fields, width, s.color)?,
            Block::Numbered(items) => {
                let w = items.len().to_string().len();
                for (n, item) in items.iter().enumerate() {
                    let prefix = format!("{:>w$}. ", n + 1);
                    let avail =
                        width.map_or(usize::MAX, |x| x.saturating_sub(prefix.len()).max(10));
                    for (j, line) in wrap(&sanitize(item), avail).iter().enumerate() {
                        if j == 0 {
                            writeln!(out, "{}{line}", paint(&prefix, Style::Strong, s.color))?;
                        } else {
                            writeln!(out, "{}{line}", " ".repeat(prefix.len()))?;
                        }
                    }
                }
            }
            Block::Table { headers, rows } => {
                let drawn = table(headers, rows, s).to_string();
                writeln!(out, "{}", highlight(&drawn))?;
            }
            Block::Bars(list) => bars::write(out, list, width, s.color)?,
        }
    }
    Ok(())
}

/// A comfy-table table, styled only when color is on, fitted to the width when known.
pub fn table(headers: &[String], rows: &[Vec<Cell>], s: &Settings) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.force_no_tty();
    if s.color {
        t.enforce_styling();
    }
    match s.width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(u16::try_from(w).unwrap_or(u16::MAX));
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t.set_header(
        headers
            .iter()
            .map(|h| comfy_table::Cell::new(sanitize(h)).add_attribute(Attribute::Bold)),
    );
    for row in rows {
        t.add_row(row.iter().map(|c| styled(c, s.color)));
    }
    t
}

/// Around a highlighted part of a cell while the table is drawn: invisible
/// characters of no width, which sanitized text never holds; `highlight` turns them
/// into reverse video once the table is laid out.
const MARK_ON: char = '\u{2060}';
const MARK_OFF: char = '\u{2061}';

fn styled(c: &Cell, color: bool) -> comfy_table::Cell {
    let cell = if color && !c.marks.is_empty() {
        comfy_table::Cell::new(marked(c))
    } else {
        comfy_table::Cell::new(sanitize(&c.text))
    };
    match c.tone {
        Tone::Plain => cell,
        Tone::Code => cell.fg(Color::Cyan),
        Tone::Figure => cell.fg(Color::Yellow).add_attribute(Attribute::Bold),
        Tone::Dim => cell.fg(Color::DarkGrey),
    }
}

/// A cell's text, sanitized, with its marks around the highlighted parts.
fn marked(c: &Cell) -> String {
    let mut out = String::with_capacity(c.text.len() + 6 * c.marks.len());
    let mut at = 0;
    for r in &c.marks {
        let (Some(before), Some(inside)) = (c.text.get(at..r.start), c.text.get(r.clone())) else {
            continue;
        };
        out.push_str(&sanitize(before));
        out.push(MARK_ON);
        out.push_str(&sanitize(inside));
        out.push(MARK_OFF);
        at = r.end;
    }
    out.push_str(&sanitize(c.text.get(at..).unwrap_or("")));
    out
}

/// A drawn table with its marks turned into reverse video, line by line: each line
/// closes what it opens, so borders are never highlighted.
fn highlight(table: &str) -> std::borrow::Cow<'_, str> {
    if !table.contains(MARK_ON) {
        return std::borrow::Cow::Borrowed(table);
    }
    let mut out = String::with_capacity(table.len() + 64);
    for (i, line) in table.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut open = false;
        for ch in line.chars() {
            match ch {
                MARK_ON => {
                    out.push_str("\x1b[7m");
                    open = true;
                }
                MARK_OFF if open => {
                    out.push_str("\x1b[27m");
                    open = false;
                }
                MARK_OFF => {}
                c => out.push(c),
            }
        }
        if open {
            out.push_str("\x1b[27m");
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A cell's text painted by its tone.
fn tone<'a>(c: &Cell, text: &'a str, color: bool) -> std::borrow::Cow<'a, str> {
    match c.tone {
        Tone::Plain => std::borrow::Cow::Borrowed(text),
        Tone::Code => paint(text, Style::Code, color),
        Tone::Figure => paint(text, Style::Figure, color),
        Tone::Dim => paint(text, Style::Dim, color),
    }
}

fn write_fields(
    out: &mut impl Write,
    fields: &[(String, Cell)],
    width: Option<usize>,
    color: bool,
) -> Result<()> {
    let kw = fields.iter().map(|(k, _)| width_of(k)).max().unwrap_or(0);
    for (k, v) in fields {
        let avail = width.map_or(usize::MAX, |w| w.saturating_sub(kw + 2).max(12));
        let key = pad(k, kw);
        for (j, line) in wrap(&sanitize(&v.text), avail).iter().enumerate() {
            if j == 0 {
                writeln!(
                    out,
                    "{}  {}",
                    paint(&key, Style::Strong, color),
                    tone(v, line, color)
                )?;
            } else {
                writeln!(out, "{}  {}", " ".repeat(kw), tone(v, line, color))?;
            }
        }
    }
    Ok(())
}

/// The columns `text` takes on a terminal (CJK and emoji take two).
pub fn width_of(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` padded with spaces to `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let mut s = text.to_string();
    s.push_str(&" ".repeat(width.saturating_sub(width_of(text))));
    s
}

/// `text` cut to `width` columns, with `…` where it was cut.
pub fn cut(text: &str, width: usize) -> String {
    if width_of(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Word wrap to `width` columns of a terminal (textwrap, by display width), at
/// spaces only (never inside `low-carbon` or an id); words longer than a line are
/// broken.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    if !text.contains('\n') && (text.len() <= width || width_of(text) <= width) {
        return vec![text.trim_end().to_string()];
    }
    let options =
        textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{cut, pad, table, width_of, wrap};
    use crate::render::{Cell, Format, Settings};

    #[test]
    fn marked_words_are_reverse_video_with_color_and_plain_without() {
        let rows = vec![vec![Cell::marked(
            "one Rwanda two".into(),
            std::iter::once(4..10).collect(),
        )]];
        let headers = vec!["H".to_string()];
        let draw = |color| {
            let s = Settings {
                format: Format::Table,
                color,
                width: Some(12),
            };
            super::highlight(&table(&headers, &rows, &s).to_string()).into_owned()
        };
        let plain = draw(false);
        assert!(
            plain.contains("Rwanda") && !plain.contains('\u{1b}'),
            "{plain}"
        );
        let colored = draw(true);
        assert!(colored.contains("\u{1b}[7mRwanda\u{1b}[27m"), "{colored:?}");
        // The marks take no room: the same layout.
        assert_eq!(
            colored.lines().count(),
            plain.lines().count(),
            "{colored:?}"
        );
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("x\ny", 10), vec!["x", "y"]);
        assert_eq!(wrap("short", 100), vec!["short"]);
    }

    #[test]
    fn wraps_and_pads_by_display_width() {
        // Each of these characters takes two columns.
        let lines = wrap("人工知能 の 報告書 🤖🤖 です", 8);
        assert_eq!(lines, vec!["人工知能", "の", "報告書", "🤖🤖", "です"]);
        assert!(lines.iter().all(|l| width_of(l) <= 8), "{lines:?}");
        assert_eq!(pad("人工", 6), "人工  ");
        assert_eq!(cut("人工知能報告", 7), "人工知…");
        assert_eq!(width_of(&cut("人工知能報告", 7)), 7);
    }
}
