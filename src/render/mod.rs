//! Rendering: one exporter per format, each writing any command's result to an
//! `impl Write`. JSON serializes the result; JSON lines, CSV and TSV its records, each
//! a view flattened into columns ([`Row`]); the terminal table, Markdown and HTML its
//! [`Doc`], a document of blocks.

mod bars;
mod chart;
mod delimited;
pub mod html;
mod json;
mod markdown;
pub mod sanitize;
mod table;
pub mod typo;

/// Text padded to a number of terminal columns, and the columns text takes (CJK
/// and emoji take two).
pub use table::{pad, width_of, wrap};
pub mod term;

pub use delimited::Row;

use std::io::Write;

use crate::commands::Report;
use crate::error::Result;
use crate::i18n::Lang;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for a terminal, wrapped to its width.
    Table,
    /// One JSON document.
    Json,
    /// JSON lines: one record a line, as a JSON object (the CSV columns, typed).
    Jsonl,
    /// Comma-separated values, with a header row.
    Csv,
    /// Tab-separated values, with a header row.
    Tsv,
    /// Markdown, ready to paste into a note.
    Markdown,
    /// Plain text for e-mail and notes: no box drawing, no color, aligned with spaces.
    Text,
    /// One self-contained HTML page (inline CSS, inline SVG charts, nothing to
    /// fetch), to open offline, print or attach to an e-mail.
    Html,
}

impl Format {
    /// A format for scripts, which reads a document even when nothing is found.
    pub fn is_for_scripts(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Jsonl | Format::Csv | Format::Tsv
        )
    }
}

/// How a cell stands out in a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Ids and codes.
    Code,
    /// Amounts and counts.
    Figure,
    /// Secondary text (sources, qualifiers).
    Dim,
}

/// One table cell: its text, its tone, and the parts of it to highlight (byte
/// ranges: the words a search matched), which only a terminal with color shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    pub marks: Vec<std::ops::Range<usize>>,
}

impl Cell {
    fn toned(text: impl AsRef<str>, tone: Tone) -> Cell {
        Cell {
            text: text.as_ref().to_string(),
            tone,
            marks: Vec::new(),
        }
    }
    pub fn plain(text: impl AsRef<str>) -> Cell {
        Cell::toned(text, Tone::Plain)
    }
    pub fn code(text: impl AsRef<str>) -> Cell {
        Cell::toned(text, Tone::Code)
    }
    pub fn figure(text: impl AsRef<str>) -> Cell {
        Cell::toned(text, Tone::Figure)
    }
    pub fn dim(text: impl AsRef<str>) -> Cell {
        Cell::toned(text, Tone::Dim)
    }
    /// Plain text with parts highlighted: `marks` are byte ranges of `text`, in
    /// order; those that do not fall on its characters are left out.
    pub fn marked(text: String, marks: Vec<std::ops::Range<usize>>) -> Cell {
        let marks = marks
            .into_iter()
            .filter(|r| r.start < r.end && text.get(r.clone()).is_some())
            .collect();
        Cell {
            text,
            tone: Tone::Plain,
            marks,
        }
    }
}

/// A proportional bar: what, how much, and the amount as people read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The amount as the memo states it ("more than €109 billion").
    pub shown: String,
    /// Its series, an index into [`Chart::series`].
    pub series: usize,
}

/// A bar chart: amounts of one unit, each labelled as stated, in series told apart
/// (a headline, the amounts listed under it, the amounts outside it). It adds nothing up.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    /// The chart in words, for who cannot see it (an SVG's `<desc>`).
    pub description: String,
    /// The series' names, shown as a legend when there are several.
    pub series: Vec<String>,
    pub bars: Vec<Bar>,
    /// How to read it and where it comes from, under the chart.
    pub note: Option<String>,
    /// Drawn on a printed page only (HTML): the terminal and Markdown leave it out,
    /// as a one-screen sheet has no room for it.
    pub print_only: bool,
}

/// A piece of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(String),
    Subheading(String),
    /// A paragraph, wrapped to the width.
    Text(String),
    /// Lines shown as they are (code, snippets).
    Pre(String),
    /// Label-value pairs about one thing.
    Fields(Vec<(String, Cell)>),
    /// Items in order, numbered.
    Numbered(Vec<String>),
    Table {
        /// What the table holds, when no heading just above says it (HTML shows it;
        /// the terminal and Markdown do not).
        caption: Option<String>,
        headers: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
    /// A bar chart: Unicode bars on a terminal, a list in Markdown, SVG in HTML.
    Chart(Chart),
    /// Quoted words, set apart (a block quote in Markdown).
    Quote(String),
    /// A paragraph whose parts may be emphasized (a title in italics).
    Rich(Vec<Span>),
}

/// A part of a [`Block::Rich`] paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub emphasis: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            emphasis: false,
        }
    }
    pub fn emphasis(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            emphasis: true,
        }
    }
}

/// What a command shows people, and what a printed page says it comes from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// The sources the page cites, as a table shows them ("OECD (July 2023)"), in
    /// the order they are first cited (a printed page's footer).
    pub sources: Vec<String>,
    /// The memo the knowledge base is about (a printed page's footer); the runner
    /// sets it, as it is the same for every command.
    pub memo: Option<MemoRef>,
}

impl Doc {
    pub fn push(&mut self, b: Block) -> &mut Self {
        self.blocks.push(b);
        self
    }

    /// Notes that the page cites `source` (once).
    pub fn cite(&mut self, source: String) {
        if !self.sources.contains(&source) {
            self.sources.push(source);
        }
    }
}

/// Whether a block is for a printed page only (the terminal and Markdown skip it).
fn print_only(b: &Block) -> bool {
    matches!(b, Block::Chart(c) if c.print_only)
}

/// The memo, as a page's footer names it: ministry, series, title.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoRef {
    pub ministry: Option<String>,
    pub series: String,
    pub title: String,
}

/// How to write: decided once, from flags and the environment.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub format: Format,
    pub color: bool,
    /// The width to fit, when known (a terminal, or `COLUMNS`).
    pub width: Option<usize>,
    /// The language of the page (HTML's `lang`, its footer's labels).
    pub lang: Lang,
    /// JSON indented for people (a terminal), else on one line for programs, as gh
    /// writes it: a third of the bytes to write and to read again.
    pub pretty: bool,
}

/// Writes a command's result in the chosen format; `memo` is the memo the knowledge
/// base is about, for a printed page's footer.
pub fn write<R: Report>(
    out: &mut impl Write,
    result: &R,
    s: &Settings,
    memo: Option<&MemoRef>,
) -> Result<()> {
    // What people read, set in the language's typography (French no-break spaces).
    let doc = || {
        let mut doc = result.doc();
        doc.memo = memo.cloned();
        typo::set(doc, s.lang)
    };
    match s.format {
        Format::Json => json::write(out, result, s.pretty)?,
        Format::Jsonl => json::write_lines(out, &delimited::cells(&result.records())?)?,
        Format::Table | Format::Text => table::write(out, &doc(), s)?,
        Format::Markdown => markdown::write(out, &doc(), s.lang)?,
        Format::Csv | Format::Tsv => {
            let delimiter = if s.format == Format::Csv { b',' } else { b'\t' };
            let rows = delimited::cells(&result.records())?;
            delimited::write(out, &rows, result.columns(), delimiter)?
        }
        Format::Html => html::write(out, &doc(), s.lang)?,
    }
    out.flush()?;
    Ok(())
}
