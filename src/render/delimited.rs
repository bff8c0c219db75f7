//! CSV (RFC 4180 quoting, by the csv crate) and TSV: a header row, then one record a
//! row; no color, no truncation. Terminal control sequences in the text are shown as
//! visible escapes, as everywhere. A record is a view as JSON serializes it,
//! flattened into the columns it names ([`Row`]); JSON lines writes the same cells.

use std::collections::BTreeMap;
use std::io::Write;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::sanitize::sanitize;
use crate::error::{Error, Result};

/// A record of CSV, TSV and JSON lines: a view, and the columns it gives.
pub trait Row: Serialize {
    /// Its columns, in order, separated by spaces. Each is a key of the view's JSON,
    /// flattened: a nested object's keys are prefixed with its key and `_`
    /// (`topic_id`); an array gives `#key`, how many items it holds, and `key`, its
    /// items space-separated (`refs`, empty when there are none) or, items that are
    /// objects, each of their keys joined with ` | ` (`items_text`). `header=key`
    /// heads a column otherwise than its key (`topic=topic_name`); a key the view
    /// lacks (a missing source's `source_id`) is an empty cell.
    fn columns(&self) -> &'static str;
}

impl<T: Row + ?Sized> Row for &T {
    fn columns(&self) -> &'static str {
        (**self).columns()
    }
}

/// A record's cells: each column's header and value, in order (JSON lines writes
/// them as an object).
pub struct Cells(Vec<(&'static str, Value)>);

impl Cells {
    pub fn of(row: &impl Row) -> Result<Cells> {
        let json = serde_json::to_value(row).map_err(io)?;
        let mut flat = BTreeMap::new();
        flatten(String::new(), json, &mut flat);
        let cell = |c: &'static str| {
            let (header, key) = c.split_once('=').unwrap_or((c, c));
            (header, flat.get(key).cloned().unwrap_or(Value::Null))
        };
        Ok(Cells(row.columns().split_whitespace().map(cell).collect()))
    }
}

impl Serialize for Cells {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (header, value) in &self.0 {
            map.serialize_entry(header, value)?;
        }
        map.end()
    }
}

/// `value`'s columns under `key`, into `out`, as [`Row::columns`] names them.
fn flatten(key: String, value: Value, out: &mut BTreeMap<String, Value>) {
    match value {
        Value::Object(fields) => {
            for (k, v) in fields {
                let k = if key.is_empty() {
                    k
                } else {
                    format!("{key}_{k}")
                };
                flatten(k, v, out);
            }
        }
        Value::Array(items) => {
            out.insert(format!("#{key}"), items.len().into());
            if items.is_empty() {
                out.insert(key.clone(), String::new().into());
            }
            let sep = if items.iter().any(Value::is_object) {
                " | "
            } else {
                " "
            };
            let mut joined: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for item in items {
                let mut columns = BTreeMap::new();
                flatten(key.clone(), item, &mut columns);
                for (k, v) in columns {
                    joined.entry(k).or_default().push(text(&v));
                }
            }
            out.extend(joined.into_iter().map(|(k, v)| (k, v.join(sep).into())));
        }
        scalar => {
            out.insert(key, scalar);
        }
    }
}

/// A cell's text: a string as it is, `null` empty, numbers and booleans as JSON
/// writes them (`109000000000`, `511.3`, `true`).
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Each record's cells. Only this step depends on the kind of record: the writers
/// take cells, so that they are compiled once, not once for each command's record.
pub fn cells(records: &[impl Row]) -> Result<Vec<Cells>> {
    records.iter().map(Cells::of).collect()
}

/// Writes `rows` under their header row; with no row, the header of `columns`
/// (as [`Row::columns`] names them) if given, else nothing.
pub fn write(
    out: &mut dyn Write,
    rows: &[Cells],
    columns: Option<&str>,
    delimiter: u8,
) -> Result<()> {
    let header: Vec<String> = match (rows.first(), columns) {
        (Some(first), _) => first.0.iter().map(|(h, _)| h.to_string()).collect(),
        (None, Some(columns)) => columns
            .split_whitespace()
            .map(|c| c.split('=').next().unwrap_or(c).to_string())
            .collect(),
        (None, None) => return Ok(()),
    };
    let cells = rows
        .iter()
        .map(|r| r.0.iter().map(|(_, v)| text(v)).collect());
    let lines = std::iter::once(header).chain(cells);
    if delimiter == b',' {
        let mut w = csv::Writer::from_writer(Vec::new());
        for line in lines {
            w.write_record(&line).map_err(io)?;
        }
        let bytes = w.into_inner().map_err(|e| Error::Io(e.into_error()))?;
        out.write_all(sanitize(&String::from_utf8_lossy(&bytes)).as_bytes())?;
        return Ok(());
    }
    // TSV: one record a line whatever the fields hold: tabs and line breaks become
    // spaces (as line-based tools expect).
    for line in lines {
        let fields: Vec<String> = line
            .iter()
            .map(|f| sanitize(&f.replace(['\t', '\n', '\r'], " ")).into_owned())
            .collect();
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

fn io(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Io(std::io::Error::other(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item<'a> {
        a: &'a str,
        b: Option<&'a str>,
        n: f64,
    }

    impl Row for Item<'_> {
        fn columns(&self) -> &'static str {
            "a b n"
        }
    }

    fn written(rows: &[impl Row], delimiter: u8) -> String {
        let mut out = Vec::new();
        write(&mut out, &cells(rows).expect("cells"), None, delimiter).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn quotes_what_needs_quoting() {
        let rows = [Item {
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
        let rows = [Item {
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
        let rows = [Item {
            a: "t",
            b: None,
            n: 1.5,
        }];
        assert_eq!(written(&rows, b'\t'), "a\tb\tn\nt\t\t1.5\n");
    }

    #[test]
    fn escapes_are_shown_not_sent() {
        let rows = [Item {
            a: "\u{1b}[31mred",
            b: None,
            n: 0.5,
        }];
        assert_eq!(written(&rows, b','), "a,b,n\n\\e[31mred,,0.5\n");
    }

    #[derive(Serialize)]
    struct Nested<'a> {
        id: &'a str,
        topic: Item<'a>,
        refs: Vec<&'a str>,
        none: Vec<&'a str>,
        items: Vec<Item<'a>>,
        missing: Option<Item<'a>>,
    }

    impl Row for Nested<'_> {
        fn columns(&self) -> &'static str {
            "id topic_a t=topic_n refs none count=#items items_a missing_a"
        }
    }

    fn nested() -> Nested<'static> {
        let item = |a, n| Item { a, b: None, n };
        Nested {
            id: "x",
            topic: item("in", 2.5),
            refs: vec!["r1", "r2"],
            none: Vec::new(),
            items: vec![item("first", 1.0), item("second", 2.0)],
            missing: None,
        }
    }

    #[test]
    fn a_view_is_flattened_into_the_columns_it_names() {
        assert_eq!(
            written(&[nested()], b','),
            "id,topic_a,t,refs,none,count,items_a,missing_a\nx,in,2.5,r1 r2,,2,first | second,\n"
        );
    }

    #[test]
    fn json_lines_get_the_same_cells_typed_in_order() {
        let cells = Cells::of(&nested()).expect("serializes");
        assert_eq!(
            serde_json::to_string(&cells).expect("JSON"),
            r#"{"id":"x","topic_a":"in","t":2.5,"refs":"r1 r2","none":"","count":2,"items_a":"first | second","missing_a":null}"#
        );
    }

    #[test]
    fn no_records_no_header() {
        assert_eq!(written(&[] as &[Item], b','), "");
        assert_eq!(written(&[] as &[Item], b'\t'), "");
    }
}
