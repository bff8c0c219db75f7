//! JSON: the result itself, serialized as one pretty-printed document.

use std::io::Write;

use serde::Serialize;

use crate::error::{Error, Result};

pub fn write(out: &mut impl Write, result: &impl Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, result).map_err(|e| match e.io_error_kind() {
        Some(kind) => Error::Io(std::io::Error::new(kind, e)),
        None => Error::Io(std::io::Error::other(e)),
    })?;
    writeln!(out)?;
    Ok(())
}
