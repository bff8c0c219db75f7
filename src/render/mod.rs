//! Rendering: a command's result as a document of blocks, written in the chosen format.
//!
//! Commands build a [`Doc`] (for people) and a JSON value (for scripts); the
//! renderers here turn the doc into a table, Markdown, CSV or TSV, and write the
//! JSON as it is. Every renderer writes to an `impl Write`.

mod bars;
mod delimited;
mod markdown;
pub mod sanitize;
mod table;
pub mod term;

use std::io::Write;

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

/// One table cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn plain(text: impl AsRef<str>) -> Cell {
        Cell {
            text: text.as_ref().to_string(),
            tone: Tone::Plain,
        }
    }
    pub fn code(text: impl AsRef<str>) -> Cell {
        Cell {
            text: text.as_ref().to_string(),
            tone: Tone::Code,
        }
    }
    pub fn figure(text: impl AsRef<str>) -> Cell {
        Cell {
            text: text.as_ref().to_string(),
            tone: Tone::Figure,
        }
    }
    pub fn dim(text: impl AsRef<str>) -> Cell {
        Cell {
            text: text.as_ref().to_string(),
            tone: Tone::Dim,
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
    /// The records for CSV and TSV, with stable column names, where the command
    /// gives them; otherwise they come from the blocks.
    pub records: Option<Records>,
}

/// Column names for records, as owned strings.
pub fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// A header row and records, for CSV and TSV.
pub type Records = (Vec<String>, Vec<Vec<String>>);

impl Doc {
    pub fn push(&mut self, b: Block) -> &mut Self {
        self.blocks.push(b);
        self
    }

    /// The records of the document for CSV and TSV: the command's own, else its
    /// first table, or its fields as two columns, or its numbered items.
    fn records(&self) -> Option<Records> {
        if self.records.is_some() {
            return self.records.clone();
        }
        let texts = |row: &[Cell]| row.iter().map(|c| c.text.clone()).collect();
        let tables = self.blocks.iter().find_map(|b| match b {
            Block::Table { headers, rows } => {
                Some((headers.clone(), rows.iter().map(|r| texts(r)).collect()))
            }
            _ => None,
        });
        let fields = || {
            self.blocks.iter().find_map(|b| match b {
                Block::Fields(f) => Some((
                    vec!["field".into(), "value".into()],
                    f.iter()
                        .map(|(k, v)| vec![k.clone(), v.text.clone()])
                        .collect(),
                )),
                _ => None,
            })
        };
        let items = || {
            self.blocks.iter().find_map(|b| match b {
                Block::Numbered(items) => Some((
                    vec!["n".into(), "item".into()],
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, t)| vec![(i + 1).to_string(), t.clone()])
                        .collect(),
                )),
                _ => None,
            })
        };
        tables.or_else(fields).or_else(items)
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
pub fn write(out: &mut impl Write, doc: &Doc, json: &str, s: &Settings) -> Result<()> {
    match s.format {
        Format::Json => writeln!(out, "{json}")?,
        Format::Table => table::write(out, doc, s)?,
        Format::Markdown => markdown::write(out, doc)?,
        Format::Csv | Format::Tsv => {
            let (headers, rows) = doc.records().unwrap_or_default();
            delimited::write(out, &headers, &rows, s.format == Format::Tsv)?;
        }
    }
    out.flush()?;
    Ok(())
}
