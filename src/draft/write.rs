//! The draft as TOML, written by hand: the schema's inline texts (`{ fr = "…",
//! en = "" }`) as `facts.toml` writes them, which the toml crate's serializer (not
//! built here: aimemo only reads TOML) would not lay out so.

use std::fmt::Write as _;

use super::{Draft, Figure, Text};
use crate::kb::validate::DRAFT_MARKER;

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn text(t: &Text) -> String {
    format!("{{ fr = {}, en = {} }}", string(&t.fr), string(&t.en))
}

/// A number as TOML writes it: an integer when it is one (`12000000000`,
/// `511.3`).
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Appends `key = value` and a line break; `value` is TOML already.
fn kv(o: &mut String, key: &str, value: &str) {
    o.push_str(key);
    o.push_str(" = ");
    o.push_str(value);
    o.push('\n');
}

/// Appends a table header, after a blank line.
fn table(o: &mut String, name: &str) {
    o.push_str("\n[[");
    o.push_str(name);
    o.push_str("]]\n");
}

/// The draft as a knowledge-base file; `origin` names the text it comes from.
pub fn toml(d: &Draft, origin: &str) -> String {
    let mut o = String::new();
    let origin = origin.replace(['\n', '\r'], " ");
    let _ = writeln!(
        o,
        "{DRAFT_MARKER}: written by `aimemo draft` from {origin}.\n\
         # Every `en = \"\"` (and `unit = \"\"`) is for a person to write: `aimemo validate`\n\
         # lists them as to-dos. Check each entry against the text, then delete these lines:\n\
         # `aimemo validate --strict` (or without them) accepts no to-do left."
    );
    for s in &d.sections {
        table(&mut o, "sections");
        kv(&mut o, "id", &string(&s.id));
        kv(&mut o, "title", &text(&s.title));
        kv(&mut o, "quote", &string(&s.quote));
    }
    for s in &d.sources {
        table(&mut o, "sources");
        kv(&mut o, "id", &string(&s.id));
        kv(&mut o, "name", &text(&s.name));
        if let Some((date, iso)) = &s.date {
            kv(&mut o, "date", &text(date));
            kv(&mut o, "date_iso", &string(iso));
        }
        if let Some(q) = &s.quote {
            kv(&mut o, "quote", &string(q));
        }
    }
    for t in &d.topics {
        table(&mut o, "topics");
        kv(&mut o, "id", &string(&t.id));
        kv(&mut o, "name", &text(&t.name));
    }
    for g in &d.groups {
        table(&mut o, "groups");
        kv(&mut o, "id", &string(&g.id));
        kv(&mut o, "name", &text(&g.name));
        kv(&mut o, "section_id", &string(&g.section_id));
    }
    for f in &d.figures {
        figure(&mut o, f);
    }
    for l in &d.lists {
        table(&mut o, "lists");
        kv(&mut o, "id", &string(&l.id));
        kv(&mut o, "title", &text(&l.title));
        kv(&mut o, "section_id", &string(&l.section_id));
        kv(&mut o, "quote", &string(&l.quote));
        for item in &l.items {
            o.push_str("[[lists.items]]\n");
            kv(&mut o, "text", &text(item));
        }
    }
    for a in &d.actors {
        table(&mut o, "actors");
        kv(&mut o, "id", &string(&a.id));
        if let Some(c) = &a.code {
            kv(&mut o, "code", &string(c));
        }
        kv(&mut o, "name", &text(&a.name));
        kv(&mut o, "group_id", &string(&a.group_id));
        if let Some(p) = &a.parent_id {
            kv(&mut o, "parent_id", &string(p));
        }
        kv(&mut o, "section_id", &string(&a.section_id));
        kv(&mut o, "quote", &string(&a.quote));
    }
    o
}

fn figure(o: &mut String, f: &Figure) {
    table(o, "figures");
    kv(o, "id", &string(&f.id));
    kv(o, "topic_id", &string(&f.topic_id));
    kv(o, "value", &number(f.value));
    kv(o, "unit", &string(f.unit));
    kv(o, "magnitude", &text(&f.magnitude));
    if let Some(q) = &f.qualifier {
        kv(o, "qualifier", &text(q));
    }
    if let Some(c) = f.qualifier_code {
        kv(o, "qualifier_code", &string(c));
    }
    if let Some(s) = &f.stated {
        kv(o, "stated", &text(s));
    }
    kv(o, "label", &text(&f.label));
    kv(o, "text", &text(&f.text));
    if let Some(p) = &f.period {
        kv(o, "period", &text(p));
    }
    if let Some(p) = &f.period_iso {
        kv(o, "period_iso", &string(p));
    }
    kv(o, "source_id", &string(&f.source_id));
    kv(o, "section_id", &string(&f.section_id));
    kv(o, "quote", &string(&f.quote));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(
            string("a \"b\" \\ c\nd\u{1b}"),
            "\"a \\\"b\\\" \\\\ c\\nd\\u001B\""
        );
        assert_eq!(number(12e9), "12000000000");
        assert_eq!(number(511.3e9), "511300000000");
        assert_eq!(number(0.5), "0.5");
    }
}
