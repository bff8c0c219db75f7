//! The finder drawn into a grid of cells: the query line, the list, the preview,
//! the status line; then the grid as escape sequences (only the rows that changed).

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use super::Finder;
use crate::commands::layout::kind_label;
use crate::commands::search::summary;
use crate::i18n::Lang;
use crate::kb::Kind;

/// The smallest terminal the finder fits.
pub const MIN: (usize, usize) = (60, 15);

/// How a cell is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub dim: bool,
    /// A matched word.
    pub mark: bool,
    /// The selected row.
    pub selected: bool,
}

const PLAIN: Style = Style {
    bold: false,
    dim: false,
    mark: false,
    selected: false,
};
const BOLD: Style = Style {
    bold: true,
    ..PLAIN
};
const DIM: Style = Style { dim: true, ..PLAIN };

/// A screen of cells; the cell after a wide character holds `'\0'`.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub w: usize,
    pub h: usize,
    cells: Vec<(char, Style)>,
    /// Where the cursor stands (the query line), if shown.
    pub cursor: Option<(usize, usize)>,
}

impl Grid {
    fn new(w: usize, h: usize) -> Grid {
        Grid {
            w,
            h,
            cells: vec![(' ', PLAIN); w * h],
            cursor: None,
        }
    }

    /// Row `y` as text (trailing spaces kept off).
    pub fn line(&self, y: usize) -> String {
        let row = &self.cells[y * self.w..(y + 1) * self.w];
        let s: String = row.iter().map(|c| c.0).filter(|c| *c != '\0').collect();
        s.trim_end().to_string()
    }

    /// The whole screen as text, a line a row.
    pub fn text(&self) -> String {
        (0..self.h)
            .map(|y| self.line(y))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The style of the cell at column `x` of row `y`.
    pub fn style(&self, x: usize, y: usize) -> Style {
        self.cells[y * self.w + x].1
    }

    /// The words of row `y` drawn as matched: each run of marked cells.
    pub fn marked(&self, y: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut run = String::new();
        for &(c, s) in &self.cells[y * self.w..(y + 1) * self.w] {
            if s.mark {
                if c != '\0' {
                    run.push(c);
                }
            } else if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
        out
    }

    /// Fills row `y` from `x0` to `x1` with `style` (spaces).
    fn fill(&mut self, y: usize, x0: usize, x1: usize, style: Style) {
        for x in x0..x1.min(self.w) {
            self.cells[y * self.w + x] = (' ', style);
        }
    }

    /// Writes `text` at (`x`, `y`), up to column `end`, the characters of `marks`
    /// (character ranges) marked; returns the column after it. Control characters
    /// are shown as escapes; a text cut short ends with `…`.
    fn put(
        &mut self,
        x: usize,
        y: usize,
        end: usize,
        text: &str,
        style: Style,
        marks: &[(usize, usize)],
    ) -> usize {
        let end = end.min(self.w);
        let mut x = x;
        if y >= self.h {
            return x;
        }
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let c = if c.is_control() { '?' } else { c };
            let cw = c.width().unwrap_or(0);
            if cw == 0 {
                continue;
            }
            let room = end.saturating_sub(x);
            let more = i + 1 < chars.len();
            if cw > room || (more && cw == room && rest_width(&chars[i + 1..]) > 0) {
                if room >= 1 {
                    self.cells[y * self.w + x] = ('…', style);
                    x += 1;
                }
                return x;
            }
            let s = Style {
                mark: style.mark || marks.iter().any(|&(a, b)| a <= i && i < b),
                ..style
            };
            self.cells[y * self.w + x] = (c, s);
            if cw == 2 {
                self.cells[y * self.w + x + 1] = ('\0', s);
            }
            x += cw;
        }
        x
    }
}

fn rest_width(chars: &[char]) -> usize {
    chars.iter().map(|c| c.width().unwrap_or(0)).sum()
}

/// Lines of at most `width` columns that `text` wraps into, as character ranges.
fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let (mut start, mut col, mut last_space) = (0, 0, None);
    let mut i = 0;
    while i < chars.len() {
        let cw = chars[i].width().unwrap_or(0);
        if col + cw > width && i > start {
            if chars[i] == ' ' {
                lines.push((start, i));
                (start, col, last_space) = (i + 1, 0, None);
                i += 1;
                continue;
            }
            let cut = match last_space {
                Some(s) if s > start => s,
                _ => i,
            };
            lines.push((start, cut));
            start = if cut < i { cut + 1 } else { cut };
            col = chars[start..i].iter().map(|c| c.width().unwrap_or(0)).sum();
            last_space = None;
        }
        if chars[i] == ' ' {
            last_space = Some(i);
        }
        col += cw;
        i += 1;
    }
    if start < chars.len() || lines.is_empty() {
        lines.push((start, chars.len()));
    }
    lines
}

/// A text for one line: control characters escaped, line breaks as spaces.
fn one_line(text: &str) -> String {
    crate::render::sanitize::sanitize_for_layout(text).replace('\n', " ")
}

/// The finder's words, in its language.
fn say(l: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match l {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// The keys, as the help shows them.
fn keys(l: Lang) -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "←/→",
            say(l, "move in the query", "se déplacer dans la requête"),
        ),
        (
            "⌫ Ctrl-U Ctrl-W",
            say(
                l,
                "erase a letter, the start, a word",
                "effacer une lettre, le début, un mot",
            ),
        ),
        (
            "↑/↓ Ctrl-P/N",
            say(l, "previous, next", "précédente, suivante"),
        ),
        (
            "PgUp/PgDn",
            say(l, "a page up, down", "une page plus haut, bas"),
        ),
        ("Home/End", say(l, "first, last", "première, dernière")),
        (
            "Enter",
            say(
                l,
                "print the citation and quit",
                "imprimer la citation et quitter",
            ),
        ),
        (
            "Ctrl-O",
            say(
                l,
                "print the id and quit",
                "imprimer l’identifiant et quitter",
            ),
        ),
        (
            "Ctrl-Y",
            say(
                l,
                "copy the citation (OSC 52)",
                "copier la citation (OSC 52)",
            ),
        ),
        ("Tab", say(l, "French / English", "français / anglais")),
        ("? F1", say(l, "these keys", "ces touches")),
        (
            "Esc Ctrl-C",
            say(l, "quit, printing nothing", "quitter sans rien imprimer"),
        ),
    ]
}

/// The finder drawn for a terminal of `w` × `h` (scrolling its list to show the
/// selection).
pub fn render(f: &mut Finder, w: usize, h: usize, _color: bool) -> Grid {
    let l = f.lang;
    let mut g = Grid::new(w, h);
    if w < MIN.0 || h < MIN.1 {
        let msg = match l {
            Lang::En => format!("Terminal too small ({w}×{h}): 60×15 at least. Esc quits."),
            Lang::Fr => {
                format!("Terminal trop petit ({w}×{h}) : 60×15 au moins. Échap pour quitter.")
            }
        };
        let lines = wrap(&msg, w.max(1));
        for (row, (a, b)) in lines.iter().enumerate() {
            let text: String = msg.chars().skip(*a).take(b - a).collect();
            g.put(
                0,
                row + h.saturating_sub(lines.len()) / 2,
                w,
                &text,
                BOLD,
                &[],
            );
        }
        return g;
    }
    // The query line.
    let prompt = "› ";
    let query = f.query();
    let count = match f.rows.len() {
        0 => say(l, "no match", "aucun résultat").to_string(),
        n => format!("{}/{}", l.int(f.selected + 1), l.int(n)),
    };
    let count_x = w - count.chars().count() - 1;
    g.put(0, 0, 2, prompt, BOLD, &[]);
    g.put(2, 0, count_x.saturating_sub(1), &query, PLAIN, &[]);
    g.put(count_x, 0, w, &count, DIM, &[]);
    let before: usize = query
        .chars()
        .take(f.cursor())
        .map(|c| c.width().unwrap_or(0))
        .sum();
    g.cursor = Some(((2 + before).min(count_x.saturating_sub(1)), 0));
    let rule: String = "─".repeat(w);
    g.put(0, 1, w, &rule, DIM, &[]);
    // The list, then the preview beside it.
    let list_w = (w * 2 / 5).max(24);
    let body = 2..h - 1;
    let rows = body.len();
    f.scroll(rows);
    for (row, y) in body.clone().enumerate() {
        g.put(list_w, y, list_w + 1, "│", DIM, &[]);
        let i = f.top + row;
        let Some(r) = f.rows.get(i) else { continue };
        let (_, title, detail) = summary(&f.ctx().viewer(), r.entry);
        let title = one_line(&title);
        let marks = f.marks(&title);
        let style = Style {
            selected: i == f.selected,
            ..PLAIN
        };
        if style.selected {
            g.fill(y, 0, list_w, style);
        }
        let x = g.put(0, y, 1, if style.selected { "▌" } else { " " }, style, &[]);
        let x = g.put(
            x,
            y,
            list_w - 1,
            &title,
            Style {
                bold: style.selected,
                ..style
            },
            &marks,
        );
        if x + 4 < list_w - 1 && !detail.is_empty() {
            let detail = one_line(&detail);
            let x = g.put(x, y, list_w - 1, " · ", Style { dim: true, ..style }, &[]);
            g.put(x, y, list_w - 1, &detail, Style { dim: true, ..style }, &[]);
        }
    }
    let px = list_w + 2;
    if f.help {
        let title = say(l, "Keys", "Touches");
        g.put(px, 2, w, title, BOLD, &[]);
        let col = 16;
        for (n, (k, what)) in keys(l).into_iter().enumerate() {
            let y = 3 + n;
            if y >= h - 1 {
                break;
            }
            g.put(px, y, px + col, k, BOLD, &[]);
            g.put(px + col, y, w, what, PLAIN, &[]);
        }
    } else {
        preview(f, &mut g, px, body.start, w, h - 1);
    }
    // The status line.
    let status = match &f.message {
        Some(m) => m.clone(),
        None => say(
            l,
            "Enter cite · Ctrl-O id · Ctrl-Y copy · Tab FR/EN · ? keys · Esc quit",
            "Entrée citer · Ctrl-O id · Ctrl-Y copier · Tab FR/EN · ? touches · Échap quitter",
        )
        .to_string(),
    };
    let style = if f.message.is_some() { BOLD } else { DIM };
    g.put(0, h - 1, w, &one_line(&status), style, &[]);
    g
}

/// The selected entry as `show` sums it up: its title, kind and id, the amount with
/// its hedge and the source (a figure), what answers (another entry), the memo's own
/// words, and the passage that matched; wrapped in columns `x0..x1`, rows `y0..y1`.
fn preview(f: &Finder, g: &mut Grid, x0: usize, y0: usize, x1: usize, y1: usize) {
    let Some(e) = f.current() else {
        return;
    };
    let l = f.lang;
    let kb = &f.loaded.kb;
    let v = f.ctx().viewer();
    let (id, title, detail) = summary(&v, e);
    // Paragraphs: a text and its style; an empty text is a blank line.
    let mut paras: Vec<(String, Style)> = vec![
        (one_line(&title), BOLD),
        (format!("{} · {}", kind_label(l, e.kind), id), DIM),
        (String::new(), PLAIN),
    ];
    if e.kind == Kind::Figure {
        let fig = v.figure(&kb.figures[e.idx]);
        let period = fig.period.map(|p| format!(", {p}")).unwrap_or_default();
        paras.push((format!("{}{period}", fig.stated), BOLD));
        paras.push((
            format!(
                "{}{}{}",
                say(l, "Source", "Source"),
                l.colon(),
                fig.source.cell()
            ),
            PLAIN,
        ));
        paras.push((fig.text.to_string(), PLAIN));
    } else if !detail.is_empty() {
        paras.push((detail, PLAIN));
    }
    if let Some(q) = kb.quote_of(e) {
        paras.push((String::new(), PLAIN));
        paras.push((say(l, "In the memo:", "Dans le mémo :").into(), DIM));
        paras.push((Lang::Fr.quoted(q), PLAIN));
    }
    if let Some(p) = f.passage(f.selected) {
        let shown = paras.iter().any(|(t, _)| t.contains(&p.text));
        if !shown {
            paras.push((String::new(), PLAIN));
            paras.push((say(l, "Matched:", "Trouvé :").into(), DIM));
            paras.push((p.text, PLAIN));
        }
    }
    let width = x1.saturating_sub(x0).max(1);
    let mut y = y0;
    for (text, style) in paras {
        let text = one_line(&text);
        let marks = f.marks(&text);
        for (a, b) in wrap(&text, width) {
            if y >= y1 {
                return;
            }
            let piece: String = text.chars().skip(a).take(b - a).collect();
            let shifted: Vec<(usize, usize)> = marks
                .iter()
                .filter(|(s, t)| *t > a && *s < b)
                .map(|&(s, t)| (s.saturating_sub(a), t.min(b) - a))
                .collect();
            g.put(x0, y, x1, &piece, style, &shifted);
            y += 1;
        }
    }
}

/// The escape sequence that sets `s`, from a reset.
fn sgr(s: Style, color: bool) -> String {
    let mut codes: Vec<&str> = vec!["0"];
    if s.bold {
        codes.push("1");
    }
    if s.dim && !s.mark {
        codes.push("2");
    }
    if s.selected {
        codes.push("7");
    }
    if s.mark {
        if color {
            codes.extend(["1", "33"]);
        } else {
            codes.extend(["1", "4"]);
        }
    }
    format!("\x1b[{}m", codes.join(";"))
}

/// `grid` as escape sequences: the rows that differ from `last` (all when the size
/// changed), then the cursor.
pub fn ansi(grid: &Grid, last: Option<&Grid>, color: bool) -> Vec<u8> {
    let mut out = String::from("\x1b[?25l");
    let same_size = last.is_some_and(|p| p.w == grid.w && p.h == grid.h);
    if !same_size {
        out.push_str("\x1b[0m\x1b[2J");
    }
    for y in 0..grid.h {
        let row = &grid.cells[y * grid.w..(y + 1) * grid.w];
        if same_size {
            let prev = last.map(|p| &p.cells[y * p.w..(y + 1) * p.w]);
            if prev == Some(row) {
                continue;
            }
        }
        let _ = write!(out, "\x1b[{};1H", y + 1);
        let mut current: Option<Style> = None;
        for &(c, s) in row {
            if c == '\0' {
                continue;
            }
            if current != Some(s) {
                out.push_str(&sgr(s, color));
                current = Some(s);
            }
            out.push(c);
        }
        out.push_str("\x1b[0m");
    }
    if let Some((x, y)) = grid.cursor {
        let _ = write!(out, "\x1b[{};{}H\x1b[?25h", y + 1, x + 1);
    }
    out.into_bytes()
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = b"\x1b]52;c;".to_vec();
    for chunk in text.as_bytes().chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    out.push(0x07);
    out
}
