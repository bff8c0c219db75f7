//! Rendering: one exporter per format, each writing any command's result to an
//! `impl Write`. JSON serializes the result; CSV and TSV its records; the terminal
//! table and Markdown its [`Doc`], a document of blocks.

mod bars;
mod delimited;
mod json;
mod markdown;
pub mod sanitize;
mod table;
pub mod term;

use std::io::Write;

use crate::commands::Report;
use crate::error::Result;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for a terminal, wrapped to its width.
    Table,
    /// One JSON document.
    Json,
    /// Comma-separated values, with a header row.
    Csv,
    /// Tab-separated values, with a header row.
    Tsv,
    /// Markdown, ready to paste into a note.
    Markdown,
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
    pub shown: String,
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
        headers: Vec<String>,
        rows: Vec<Vec<Cell>>,
    },
    /// Proportional bars (drawn in table mode only).
    Bars(Vec<Bar>),
}

/// What a command shows people.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn push(&mut self, b: Block) -> &mut Self {
        self.blocks.push(b);
        self
    }
}

/// How to write: decided once, from flags and the environment.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub format: Format,
    pub color: bool,
    /// The width to fit, when known (a terminal, or `COLUMNS`).
    pub width: Option<usize>,
}

/// Writes a command's result in the chosen format.
pub fn write<R: Report>(out: &mut impl Write, result: &R, s: &Settings) -> Result<()> {
    match s.format {
        Format::Json => json::write(out, result)?,
        Format::Table => table::write(out, &result.doc(), s)?,
        Format::Markdown => markdown::write(out, &result.doc())?,
        Format::Csv => delimited::write(out, &result.records(), b',')?,
        Format::Tsv => delimited::write(out, &result.records(), b'\t')?,
    }
    out.flush()?;
    Ok(())
}
