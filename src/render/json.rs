//! JSON: the result itself, as one document (indented on a terminal, on one line
//! for a program); JSON lines: its records, one compact object a line, with the
//! columns of CSV as keys.

use std::io::Write;

use serde::Serialize;

use super::delimited::Cells;
use crate::error::{Error, Result};

fn io(e: serde_json::Error) -> Error {
    match e.io_error_kind() {
        Some(kind) => Error::Io(std::io::Error::new(kind, e)),
        None => Error::Io(std::io::Error::other(e)),
    }
}

pub fn write(out: &mut impl Write, result: &impl Serialize, pretty: bool) -> Result<()> {
    match pretty {
        true => serde_json::to_writer_pretty(&mut *out, result),
        false => serde_json::to_writer(&mut *out, result),
    }
    .map_err(io)?;
    writeln!(out)?;
    Ok(())
}

pub fn write_lines(out: &mut dyn Write, rows: &[Cells]) -> Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *out, r).map_err(io)?;
        writeln!(out)?;
    }
    Ok(())
}
