//! The draft as TOML, written by hand: the schema's inline texts (`{ fr = "…",
//! en = "" }`) as `facts.toml` writes them, which the toml crate's serializer (not
//! built here: aimemo only reads TOML) would not lay out so.

use std::fmt::Write as _;

use super::{Draft, Figure, Text};
use crate::validate::DRAFT_MARKER;

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

/// A number as TOML writes it: an integer when it is one.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
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
        let _ = write!(
            o,
            "\n[[sections]]\nid = {}\ntitle = {}\n",
            string(&s.id),
            text(&s.title)
        );
        let _ = writeln!(o, "quote = {}", string(&s.quote));
    }
    for s in &d.sources {
        let _ = write!(
            o,
            "\n[[sources]]\nid = {}\nname = {}\n",
            string(&s.id),
            text(&s.name)
        );
        if let Some((date, iso)) = &s.date {
            let _ = write!(o, "date = {}\ndate_iso = {}\n", text(date), string(iso));
        }
        if let Some(q) = &s.quote {
            let _ = writeln!(o, "quote = {}", string(q));
        }
    }
    for t in &d.topics {
        let _ = write!(
            o,
            "\n[[topics]]\nid = {}\nname = {}\n",
            string(&t.id),
            text(&t.name)
        );
    }
    for g in &d.groups {
        let _ = write!(
            o,
            "\n[[groups]]\nid = {}\nname = {}\nsection_id = {}\n",
            string(&g.id),
            text(&g.name),
            string(&g.section_id)
        );
    }
    for f in &d.figures {
        figure(&mut o, f);
    }
    for l in &d.lists {
        let _ = write!(
            o,
            "\n[[lists]]\nid = {}\ntitle = {}\nsection_id = {}\nquote = {}\n",
            string(&l.id),
            text(&l.title),
            string(&l.section_id),
            string(&l.quote)
        );
        for item in &l.items {
            let _ = writeln!(o, "[[lists.items]]\ntext = {}", text(item));
        }
    }
    for a in &d.actors {
        let _ = write!(o, "\n[[actors]]\nid = {}\n", string(&a.id));
        if let Some(c) = &a.code {
            let _ = writeln!(o, "code = {}", string(c));
        }
        let _ = write!(
            o,
            "name = {}\ngroup_id = {}\n",
            text(&a.name),
            string(&a.group_id)
        );
        if let Some(p) = &a.parent_id {
            let _ = writeln!(o, "parent_id = {}", string(p));
        }
        let _ = write!(
            o,
            "section_id = {}\nquote = {}\n",
            string(&a.section_id),
            string(&a.quote)
        );
    }
    o
}

fn figure(o: &mut String, f: &Figure) {
    let _ = write!(
        o,
        "\n[[figures]]\nid = {}\ntopic_id = {}\nvalue = {}\nunit = {}\nmagnitude = {}\n",
        string(&f.id),
        string(&f.topic_id),
        number(f.value),
        string(f.unit),
        text(&f.magnitude)
    );
    if let Some(q) = &f.qualifier {
        let _ = writeln!(o, "qualifier = {}", text(q));
    }
    if let Some(c) = f.qualifier_code {
        let _ = writeln!(o, "qualifier_code = {}", string(c));
    }
    if let Some(s) = &f.stated {
        let _ = writeln!(o, "stated = {}", text(s));
    }
    let _ = write!(o, "label = {}\ntext = {}\n", text(&f.label), text(&f.text));
    if let Some(p) = &f.period {
        let _ = writeln!(o, "period = {}", text(p));
    }
    if let Some(p) = &f.period_iso {
        let _ = writeln!(o, "period_iso = {}", string(p));
    }
    let _ = write!(
        o,
        "source_id = {}\nsection_id = {}\nquote = {}\n",
        string(&f.source_id),
        string(&f.section_id),
        string(&f.quote)
    );
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
