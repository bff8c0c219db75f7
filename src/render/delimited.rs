//! CSV (RFC 4180 quoting) and TSV: a header row, then one record a row; no color, no truncation.

use std::io::Write;

use super::sanitize::sanitize;
use crate::error::Result;

fn csv_field(s: &str) -> String {
    let s = sanitize(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

fn tsv_field(s: &str) -> String {
    sanitize(s).replace(['\t', '\n'], " ")
}

pub fn write(
    out: &mut impl Write,
    headers: &[String],
    rows: &[Vec<String>],
    tsv: bool,
) -> Result<()> {
    let (field, sep): (fn(&str) -> String, &str) = if tsv {
        (tsv_field, "\t")
    } else {
        (csv_field, ",")
    };
    for row in std::iter::once(headers).chain(rows.iter().map(Vec::as_slice)) {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        writeln!(out, "{}", fields.join(sep))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting() {
        let mut out = Vec::new();
        let h = vec!["a".to_string(), "b".to_string()];
        let rows = vec![vec!["x, y".to_string(), "say \"hi\"".to_string()]];
        write(&mut out, &h, &rows, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n"
        );
        let mut out = Vec::new();
        write(&mut out, &h, &[vec!["t\tab".into(), "n\nl".into()]], true).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a\tb\nt ab\tn l\n");
    }
}
