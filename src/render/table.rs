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
                writeln!(out, "{}", table(headers, rows, s))?;
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
        t.add_row(row.iter().map(styled));
    }
    t
}

fn styled(c: &Cell) -> comfy_table::Cell {
    let cell = comfy_table::Cell::new(sanitize(&c.text));
    match c.tone {
        Tone::Plain => cell,
        Tone::Code => cell.fg(Color::Cyan),
        Tone::Figure => cell.fg(Color::Yellow).add_attribute(Attribute::Bold),
        Tone::Dim => cell.fg(Color::DarkGrey),
    }
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
    let kw = fields
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (k, v) in fields {
        let avail = width.map_or(usize::MAX, |w| w.saturating_sub(kw + 2).max(12));
        let key = format!("{k:<kw$}");
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

/// Greedy word wrap to `width` characters; words longer than the width are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if !text.contains('\n') && (text.len() <= width || text.chars().count() <= width) {
        return vec![text.trim_end().to_string()];
    }
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for mut word in para.split(' ').filter(|w| !w.is_empty()) {
            let mut wl = word.chars().count();
            if len > 0 && len + 1 + wl > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            // A word longer than a line is cut at the width.
            while len == 0 && wl > width {
                let cut = word
                    .char_indices()
                    .nth(width)
                    .map_or(word.len(), |(i, _)| i);
                lines.push(word[..cut].to_string());
                word = &word[cut..];
                wl -= width;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            len += wl;
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use proptest::prelude::*;

    /// The first version of `wrap`, one `Vec<char>` per word: the reference.
    fn reference(text: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        if !text.contains('\n') && text.chars().count() <= width {
            return vec![text.trim_end().to_string()];
        }
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            let mut len = 0;
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                let mut word: Vec<char> = word.chars().collect();
                while len == 0 && word.len() > width {
                    lines.push(word.drain(..width).collect());
                }
                let wl = word.len();
                if len > 0 && len + 1 + wl > width {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                    while wl > width && word.len() > width {
                        lines.push(word.drain(..width).collect());
                    }
                }
                if len > 0 {
                    line.push(' ');
                    len += 1;
                }
                len += word.len();
                line.extend(word);
            }
            lines.push(line);
        }
        lines
    }

    proptest! {
        #[test]
        fn wraps_as_the_reference(text in "[a-zé€ \n]{0,60}", width in 0usize..20) {
            prop_assert_eq!(wrap(&text, width), reference(&text, width));
        }
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("x\ny", 10), vec!["x", "y"]);
        assert_eq!(wrap("short", 100), vec!["short"]);
    }
}
