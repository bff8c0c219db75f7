//! JSON: the result itself, as one pretty-printed document; JSON lines: its records,
//! one compact object a line, with the columns of CSV as keys.

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

pub fn write(out: &mut impl Write, result: &impl Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, result).map_err(io)?;
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
