//! CSV (RFC 4180 quoting, by the csv crate) and TSV: a header row from the record
//! type's field names, then one record a row; no color, no truncation. Terminal
//! control sequences in the text are shown as visible escapes, as everywhere.

use std::io::Write;

use serde::Serialize;

use super::sanitize::sanitize;
use crate::error::{Error, Result};

pub fn write(out: &mut impl Write, records: &[impl Serialize], delimiter: u8) -> Result<()> {
    let bytes = csv_bytes(records)?;
    if delimiter == b',' {
        out.write_all(sanitize(&String::from_utf8_lossy(&bytes)).as_bytes())?;
        return Ok(());
    }
    // TSV: one record a line whatever the fields hold, so the CSV is read back and
    // each field's tabs and line breaks become spaces (as line-based tools expect).
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    for row in rd.records() {
        let row = row.map_err(csv_error)?;
        let fields: Vec<String> = row
            .iter()
            .map(|f| sanitize(&f.replace(['\t', '\n', '\r'], " ")).into_owned())
            .collect();
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

/// The records as CSV, with a header row from the record type's field names.
fn csv_bytes(records: &[impl Serialize]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in records {
        w.serialize(r).map_err(csv_error)?;
    }
    w.into_inner()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

fn csv_error(e: csv::Error) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row<'a> {
        a: &'a str,
        b: Option<&'a str>,
        n: f64,
    }

    fn written(rows: &[Row], delimiter: u8) -> String {
        let mut out = Vec::new();
        write(&mut out, rows, delimiter).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn quotes_what_needs_quoting() {
        let rows = [Row {
            a: "x, y",
            b: Some("say \"hi\""),
            n: 511.3,
        }];
        assert_eq!(
            written(&rows, b','),
            "a,b,n\n\"x, y\",\"say \"\"hi\"\"\",511.3\n"
        );
    }

    #[test]
    fn tsv_keeps_one_record_a_line() {
        let rows = [Row {
            a: "two\nlines\tand a tab",
            b: Some("x"),
            n: 2.0,
        }];
        assert_eq!(
            written(&rows, b'\t'),
            "a\tb\tn\ntwo lines and a tab\tx\t2.0\n"
        );
    }

    #[test]
    fn tsv_and_empty_options() {
        let rows = [Row {
            a: "t",
            b: None,
            n: 1.5,
        }];
        assert_eq!(written(&rows, b'\t'), "a\tb\tn\nt\t\t1.5\n");
    }

    #[test]
    fn escapes_are_shown_not_sent() {
        let rows = [Row {
            a: "\u{1b}[31mred",
            b: None,
            n: 0.5,
        }];
        assert_eq!(written(&rows, b','), "a,b,n\n\\e[31mred,,0.5\n");
    }
}
