//! The terminal renderer, and the plain-text one: headings, wrapped text and
//! comfy-table tables, boxed for a terminal or aligned with spaces for an e-mail.
//!
//! Tables are laid out for the width: columns empty in every row are dropped, a
//! column with the same value in every row is said once under the table, no column
//! is narrower than its longest word (ids and numbers are never cut), and a table
//! that cannot fit that way is written as one block of `key  value` lines a record.
//! Text wraps at spaces only: a word longer than the line is kept whole. A block of
//! `key  value` lines that leaves a value too little room beside the keys puts
//! every value under its key, indented.

use std::io::Write;

use comfy_table::{presets, Attribute, Color, ContentArrangement};

use super::sanitize::{sanitize, sanitize_for_layout};
use super::term::{paint, Style};
use super::{bars, Block, Cell, Doc, Format, Settings, Tone};
use crate::error::Result;

/// The width plain text is wrapped to when the terminal's is not known.
const TEXT_WIDTH: usize = 100;

/// Writes `doc` for a terminal (colors as `s.color` says, fitted to `s.width`), or as
/// plain text when `s.format` is [`Format::Text`]: no box drawing, no color,
/// headings underlined, wrapped at the width.
pub fn write(out: &mut impl Write, doc: &Doc, s: &Settings) -> Result<()> {
    let plain = s.format == Format::Text;
    let width = if plain {
        Some(s.width.unwrap_or(TEXT_WIDTH))
    } else {
        s.width
    };
    let s = &Settings {
        width,
        color: s.color && !plain,
        ..*s
    };
    // Plain text keeps the amounts, which the tables give, and leaves the charts out.
    let shown = doc
        .blocks
        .iter()
        .filter(|b| !(super::print_only(b) || (plain && matches!(b, Block::Chart(_)))));
    for (i, block) in shown.enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Heading(t) => {
                let lines = wrap(&sanitize_for_layout(t), width.unwrap_or(usize::MAX));
                for line in lines.iter() {
                    writeln!(out, "{}", paint(line, Style::Heading, s.color))?;
                }
                if plain {
                    let w = lines.iter().map(|l| width_of(l)).max().unwrap_or(0);
                    writeln!(out, "{}", "=".repeat(w))?;
                }
            }
            Block::Subheading(t) => {
                let lines = wrap(&sanitize_for_layout(t), width.unwrap_or(usize::MAX));
                for line in lines.iter() {
                    writeln!(out, "{}", paint(line, Style::Strong, s.color))?;
                }
                if plain {
                    let w = lines.iter().map(|l| width_of(l)).max().unwrap_or(0);
                    writeln!(out, "{}", "-".repeat(w))?;
                }
            }
            Block::Text(t) => {
                for line in wrap(&sanitize_for_layout(t), width.unwrap_or(usize::MAX)) {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Pre(t) => writeln!(out, "{}", sanitize(t))?,
            Block::Quote(t) => {
                let avail = width.map_or(usize::MAX, |w| w.saturating_sub(2).max(10));
                for line in wrap(&sanitize_for_layout(t), avail) {
                    writeln!(out, "  {line}")?;
                }
            }
            Block::Rich(spans) => {
                let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                for line in wrap(&sanitize_for_layout(&text), width.unwrap_or(usize::MAX)) {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Fields(fields) => write_fields(out, fields, width, s.color)?,
            Block::Numbered(items) => {
                let w = items.len().to_string().len();
                for (n, item) in items.iter().enumerate() {
                    let prefix = format!("{:>w$}. ", n + 1);
                    let avail =
                        width.map_or(usize::MAX, |x| x.saturating_sub(prefix.len()).max(10));
                    for (j, line) in wrap(&sanitize_for_layout(item), avail).iter().enumerate() {
                        if j == 0 {
                            writeln!(out, "{}{line}", paint(&prefix, Style::Strong, s.color))?;
                        } else {
                            writeln!(out, "{}{line}", " ".repeat(prefix.len()))?;
                        }
                    }
                }
            }
            Block::Table { headers, rows, .. } => write_table(out, headers, rows, s)?,
            Block::Chart(c) => bars::write(out, &c.bars, width, s.color)?,
        }
    }
    Ok(())
}

/// A table laid out for the width (see the module's documentation).
fn write_table(
    out: &mut impl Write,
    headers: &[String],
    rows: &[Vec<Cell>],
    s: &Settings,
) -> Result<()> {
    fn cell(r: &[Cell], c: usize) -> &str {
        r.get(c).map_or("", |x| x.text.as_str())
    }
    // Columns empty in every row go; one with the same value in every row is said once.
    let mut keep = Vec::new();
    let mut once = Vec::new();
    for (c, header) in headers.iter().enumerate() {
        let first = rows.first().map_or("", |r| cell(r, c));
        if rows.iter().all(|r| cell(r, c).trim().is_empty()) && !rows.is_empty() {
            continue;
        }
        if rows.len() > 1 && rows.iter().all(|r| cell(r, c) == first) && !header.is_empty() {
            once.push((header.clone(), Cell::dim(first)));
            continue;
        }
        keep.push(c);
    }
    let headers: Vec<String> = keep.iter().map(|&c| headers[c].clone()).collect();
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            keep.iter()
                .map(|&c| r.get(c).cloned().unwrap_or_else(|| Cell::plain("")))
                .collect()
        })
        .collect();
    let plain = s.format == Format::Text;
    // Each column adds its padding and a border or a gap.
    let frame = if plain {
        2 * headers.len().saturating_sub(1)
    } else {
        3 * headers.len() + 1
    };
    let widths = match s.width {
        None => None,
        Some(w) => match column_widths(&headers, &rows, w.saturating_sub(frame), plain) {
            Some(widths) => Some(widths),
            None => {
                // Too narrow for a table: one block of `key  value` lines a record,
                // all laid out the same way (values beside their keys, or under them).
                let records: Vec<Vec<(String, Cell)>> = rows
                    .iter()
                    .map(|r| {
                        headers
                            .iter()
                            .cloned()
                            .zip(r.iter().cloned())
                            .filter(|(_, c)| !c.text.trim().is_empty())
                            .collect()
                    })
                    .collect();
                let stacked = records.iter().any(|f| fields_stacked(f, s.width));
                for (i, fields) in records.iter().enumerate() {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    write_fields_as(out, fields, s.width, s.color, stacked)?;
                }
                return write_once(out, &once, !rows.is_empty(), s);
            }
        },
    };
    if !headers.is_empty() {
        let drawn = table(&headers, &rows, widths.as_deref(), s).to_string();
        let t = highlight(&drawn);
        for line in t.lines() {
            writeln!(out, "{}", if plain { line.trim_end() } else { line })?;
        }
    }
    write_once(out, &once, !rows.is_empty(), s)
}

/// What every row of a table would repeat, said once under it.
fn write_once(
    out: &mut impl Write,
    once: &[(String, Cell)],
    after: bool,
    s: &Settings,
) -> Result<()> {
    if once.is_empty() {
        return Ok(());
    }
    if after {
        writeln!(out)?;
    }
    write_fields(out, once, s.width, s.color)
}

/// The width of each column so that the table takes at most `room` columns of text:
/// none narrower than its longest word (or than a whole id, code or short amount; in
/// plain text, any whole amount),
/// the rest shared by how much each wants; `None` when even that does not fit.
pub fn column_widths(
    headers: &[String],
    rows: &[Vec<Cell>],
    room: usize,
    whole_amounts: bool,
) -> Option<Vec<usize>> {
    // Each cell measured once, as drawn (sanitized, tabs as spaces): what must stay
    // whole (ids, codes, tree branches and short amounts like "€200 billion"; else
    // its longest word), and its longest line.
    let measure = |c: &Cell| {
        let text = sanitize_for_layout(&c.text);
        let whole = text.lines().map(width_of).max().unwrap_or(0);
        let keep = match c.tone {
            Tone::Code => whole,
            Tone::Figure if whole_amounts || whole <= 14 => whole,
            _ => longest_word(&text),
        };
        (keep, whole)
    };
    let longest_line = |t: &str| {
        sanitize_for_layout(t)
            .lines()
            .map(width_of)
            .max()
            .unwrap_or(0)
    };
    let n = headers.len();
    let mut min: Vec<usize> = headers.iter().map(|h| longest_word(h)).collect();
    let mut max: Vec<usize> = headers.iter().map(|h| longest_line(h)).collect();
    for row in rows {
        for (c, cell) in row.iter().enumerate().take(n) {
            let (keep, whole) = measure(cell);
            min[c] = min[c].max(keep);
            max[c] = max[c].max(whole);
        }
    }
    for c in 0..n {
        min[c] = min[c].max(1);
        max[c] = max[c].max(min[c]);
    }
    let (sum_min, sum_max) = (min.iter().sum::<usize>(), max.iter().sum::<usize>());
    if sum_max <= room {
        return Some(max);
    }
    if sum_min > room {
        return None;
    }
    // Share what is left over the minimums by how much more each column wants.
    let extra = room - sum_min;
    let want: Vec<usize> = max.iter().zip(&min).map(|(a, b)| a - b).collect();
    let total: usize = want.iter().sum();
    let mut widths: Vec<usize> = min
        .iter()
        .zip(&want)
        .map(|(m, w)| m + extra * w / total.max(1))
        .collect();
    // What rounding left over goes to the columns that want more, in order.
    let mut left = room.saturating_sub(widths.iter().sum::<usize>());
    for (w, m) in widths.iter_mut().zip(&max) {
        let more = (m - *w).min(left);
        *w += more;
        left -= more;
    }
    Some(widths)
}

/// A comfy-table table, styled only when color is on, its cells wrapped at spaces to
/// `widths` when given.
pub fn table(
    headers: &[String],
    rows: &[Vec<Cell>],
    widths: Option<&[usize]>,
    s: &Settings,
) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    if s.format == Format::Text {
        t.load_style(comfy_table::TableStyle::new());
    } else {
        t.load_style(presets::UTF8_FULL_CONDENSED);
    }
    t.force_no_tty();
    if s.color {
        t.enforce_styling();
    }
    t.set_content_arrangement(ContentArrangement::Disabled);
    // Sanitized text, wrapped to its column.
    let fit = |c: usize, text: &str| -> String {
        match widths.and_then(|w| w.get(c)) {
            Some(w) => wrap(text, *w).join("\n"),
            None => text.to_string(),
        }
    };
    t.set_header(headers.iter().enumerate().map(|(c, h)| {
        comfy_table::Cell::new(fit(c, &sanitize_for_layout(h))).add_attribute(Attribute::Bold)
    }));
    for row in rows {
        t.add_row(row.iter().enumerate().map(|(c, cell)| {
            // Matched words are marked (when colored) before the cell is wrapped: the
            // marks take no room, and `highlight` paints them once the table is drawn.
            let text = if s.color && !cell.marks.is_empty() {
                marked(cell)
            } else {
                sanitize_for_layout(&cell.text).into_owned()
            };
            styled(cell, fit(c, &text))
        }));
    }
    if s.format == Format::Text {
        // Columns two spaces apart, none before the first.
        for c in t.column_iter_mut() {
            c.set_padding((0, 2));
        }
    }
    t
}

/// Around a highlighted part of a cell while the table is drawn: invisible
/// characters of no width, which sanitized text never holds; `highlight` turns them
/// into reverse video once the table is laid out.
const MARK_ON: char = '\u{2060}';
const MARK_OFF: char = '\u{2061}';

fn styled(c: &Cell, text: String) -> comfy_table::Cell {
    let cell = comfy_table::Cell::new(text);
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
        out.push_str(&sanitize_for_layout(before));
        out.push(MARK_ON);
        out.push_str(&sanitize_for_layout(inside));
        out.push(MARK_OFF);
        at = r.end;
    }
    out.push_str(&sanitize_for_layout(c.text.get(at..).unwrap_or("")));
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

/// A value narrower than this beside its key is written under it instead (when it
/// does not fit on one line there).
const MIN_BESIDE: usize = 12;
/// How far a value written under its key is indented.
const UNDER: usize = 2;

/// The widest word of `text`: what lies between two places a line may break, which
/// are ASCII spaces and line breaks only (as for [`wrap`]): a no-break space holds
/// `5 300` together.
fn longest_word(text: &str) -> usize {
    text.split([' ', '\n']).map(width_of).max().unwrap_or(0)
}

/// Whether a block of fields is written each value under its key, as `width` leaves
/// too little room beside the widest key for one of them: a value goes beside its key
/// when it fits on the line there, or when its words do and the room is not a sliver;
/// when one does not, the whole block goes under, for one layout.
fn fields_stacked(fields: &[(String, Cell)], width: Option<usize>) -> bool {
    let Some(width) = width else {
        return false;
    };
    let kw = fields
        .iter()
        .map(|(k, _)| width_of(&sanitize_for_layout(k)))
        .max()
        .unwrap_or(0);
    let beside = width.saturating_sub(kw + 2);
    fields.iter().any(|(_, v)| {
        let text = sanitize_for_layout(&v.text);
        let line = text.lines().map(width_of).max().unwrap_or(0);
        let word = longest_word(&text);
        !(line <= beside || (word <= beside && beside >= MIN_BESIDE))
    })
}

/// Label-value pairs, one a line, the values aligned and wrapped at spaces beside
/// the widest key; or, when the width leaves too little room beside it, each value
/// under its key, indented (see [`fields_stacked`]).
fn write_fields(
    out: &mut impl Write,
    fields: &[(String, Cell)],
    width: Option<usize>,
    color: bool,
) -> Result<()> {
    let stacked = fields_stacked(fields, width);
    write_fields_as(out, fields, width, color, stacked)
}

fn write_fields_as(
    out: &mut impl Write,
    fields: &[(String, Cell)],
    width: Option<usize>,
    color: bool,
    stacked: bool,
) -> Result<()> {
    if stacked {
        let width = width.unwrap_or(usize::MAX);
        let avail = width.saturating_sub(UNDER).max(1);
        for (k, v) in fields {
            // A key wider than the line wraps at spaces too (the overview's keys are
            // amounts as the memo states them: "64 countries and international
            // organisations").
            for line in wrap(&sanitize_for_layout(k), width) {
                writeln!(out, "{}", paint(&line, Style::Strong, color))?;
            }
            if v.text.trim().is_empty() {
                continue;
            }
            for line in wrap(&sanitize_for_layout(&v.text), avail) {
                // A word wider than the indented line (a long id) is kept whole, and
                // not indented if that lets it fit.
                let indent = if width_of(&line) + UNDER <= width {
                    UNDER
                } else {
                    0
                };
                writeln!(out, "{}{}", " ".repeat(indent), tone(v, &line, color))?;
            }
        }
        return Ok(());
    }
    // Keys can come from a knowledge-base file (the overview's amounts): sanitized.
    let keys: Vec<_> = fields.iter().map(|(k, _)| sanitize_for_layout(k)).collect();
    let kw = keys.iter().map(|k| width_of(k)).max().unwrap_or(0);
    for ((_, v), k) in fields.iter().zip(&keys) {
        let avail = width.map_or(usize::MAX, |w| w.saturating_sub(kw + 2).max(1));
        let key = pad(k, kw);
        for (j, line) in wrap(&sanitize_for_layout(&v.text), avail)
            .iter()
            .enumerate()
        {
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

/// `text` cut to `width` columns, with `…` where it was cut: between two grapheme
/// clusters, so that an emoji sequence (`👩‍👩‍👧‍👦`, a flag) or a letter and its accents
/// are kept whole or left out whole, never split (a dangling zero-width joiner).
pub fn cut(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if width_of(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = width_of(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Word wrap to `width` columns of a terminal (textwrap, by display width), at
/// ASCII spaces only (never inside `low-carbon` or an id, nor at a no-break space:
/// textwrap built without `unicode-linebreak` separates words at ASCII spaces); a
/// word longer than a line is kept whole, on a line of its own, wider than `width`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    if !text.contains('\n') && width_of(text) <= width {
        return vec![text.trim_end().to_string()];
    }
    let options = textwrap::Options::new(width.max(1))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{cut, pad, table, width_of, wrap, write_fields};
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
                lang: crate::i18n::Lang::En,
                pretty: false,
            };
            super::highlight(&table(&headers, &rows, Some(&[12]), &s).to_string()).into_owned()
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
        // A word longer than the line is kept whole, never cut.
        assert_eq!(wrap("abcdefgh", 3), vec!["abcdefgh"]);
        assert_eq!(
            wrap("Id investment-eu-gigafactories now", 12),
            vec!["Id", "investment-eu-gigafactories", "now"]
        );
        assert_eq!(wrap("x\ny", 10), vec!["x", "y"]);
        assert_eq!(wrap("short", 100), vec!["short"]);
        // A no-break space is no place to break: `5 300` and `IA »` stay whole.
        assert_eq!(
            wrap("plus de 5\u{202f}300 agents de l’IA\u{a0}»", 7),
            vec!["plus de", "5\u{202f}300", "agents", "de", "l’IA\u{a0}»"]
        );
        assert_eq!(super::longest_word("l’IA\u{a0}» 5\u{202f}300"), 6);
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

    #[test]
    fn cuts_between_grapheme_clusters() {
        let family = "👩\u{200d}👩\u{200d}👧\u{200d}👦";
        let label = format!("robots 🤖 {family} family");
        // The family (two columns) is kept whole, or left out whole.
        assert_eq!(cut(&label, 13), format!("robots 🤖 {family}…"));
        assert_eq!(cut(&label, 12), "robots 🤖 …");
        for w in 1..=label.len() {
            let c = cut(&label, w);
            assert!(!c.contains("\u{200d}…"), "{w}: {c:?}");
            assert!(width_of(&c) <= w.max(1), "{w}: {c:?}");
        }
        // A flag is two regional indicators; a letter and its combining accent.
        assert_eq!(cut("ab🇫🇷cd", 4), "ab…");
        assert_eq!(cut("ab🇫🇷cd", 5), "ab🇫🇷…");
        assert_eq!(cut("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
    }

    fn fields(pairs: &[(&str, &str)], width: usize) -> String {
        let f: Vec<(String, Cell)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Cell::plain(v)))
            .collect();
        let mut out = Vec::new();
        write_fields(&mut out, &f, Some(width), false).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_go_under_their_keys_when_a_value_has_no_room_beside() {
        let pairs = [
            ("Id", "investment-eu-gigafactories"),
            ("Memo section", "a b"),
        ];
        // Room beside the keys: values aligned beside them.
        assert_eq!(
            fields(&pairs, 60),
            "Id            investment-eu-gigafactories\nMemo section  a b\n"
        );
        // The id is one column too wide beside them: every value goes under its key.
        assert_eq!(
            fields(&pairs, 40),
            "Id\n  investment-eu-gigafactories\nMemo section\n  a b\n"
        );
        // A key wider than the line wraps at spaces, and so does its value.
        assert_eq!(
            fields(
                &[(
                    "64 countries and organisations",
                    "Countries that endorsed it"
                )],
                20
            ),
            "64 countries and\norganisations\n  Countries that\n  endorsed it\n"
        );
        // Keys are sanitized, beside or above their values.
        assert_eq!(fields(&[("a\u{1b}[2J", "b")], 40), "a\\e[2J  b\n");
        // Under, a word wider than the indented line is kept whole, not indented.
        assert_eq!(
            fields(&pairs, 28),
            "Id\ninvestment-eu-gigafactories\nMemo section\n  a b\n"
        );
    }
}
