//! JSON: the result itself, as one document (indented on a terminal, on one line
//! for a program); JSON lines: its records, one compact object a line, with the
//! columns of CSV as keys.

use std::io::Write;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use super::delimited::Cells;
use crate::error::{Error, Result};

fn io(e: serde_json::Error) -> Error {
    match e.io_error_kind() {
        Some(kind) => Error::Io(std::io::Error::new(kind, e)),
        None => Error::Io(std::io::Error::other(e)),
    }
}

pub fn write(out: &mut impl Write, result: &impl Serialize, pretty: bool) -> Result<()> {
    let layout = match pretty {
        true => Layout::Pretty(PrettyFormatter::new()),
        false => Layout::Compact(CompactFormatter),
    };
    let mut json = serde_json::Serializer::with_formatter(&mut *out, layout);
    result.serialize(&mut json).map_err(io)?;
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

/// serde_json's two layouts as one formatter: with one serializer type, each
/// command's result is compiled into serializing code once, not once a layout.
enum Layout {
    Pretty(PrettyFormatter<'static>),
    Compact(CompactFormatter),
}

/// Each of the methods a pretty layout writes otherwise than a compact one, handed
/// to the layout chosen.
macro_rules! either {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            match self {
                Layout::Pretty(f) => f.$name(w $(, $arg)*),
                Layout::Compact(f) => f.$name(w $(, $arg)*),
            }
        })*
    };
}

impl Formatter for Layout {
    either! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }
}
