//! Markdown: headings, lists and pipe tables, ready to paste into a note.

use std::io::Write;

use super::sanitize::sanitize;
use super::{Block, Doc};
use crate::error::Result;
use crate::i18n::Lang;

/// Text from a knowledge base as Markdown text, never markup: control characters
/// escaped (`sanitize`), then a backslash before each character that could start
/// markup (emphasis, code, links, HTML, table cells) and before a heading, quote or
/// list marker that starts a line.
fn text(t: &str) -> String {
    let t = sanitize(t);
    let mut out = String::with_capacity(t.len() + 8);
    let mut at_line_start = true;
    let mut digits = 0;
    for c in t.chars() {
        let marker = at_line_start && matches!(c, '#' | '>' | '-' | '+' | '=');
        let ordered = digits > 0 && matches!(c, '.' | ')');
        if marker
            || ordered
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '&'
            )
        {
            out.push('\\');
        }
        out.push(c);
        digits = if (at_line_start || digits > 0) && c.is_ascii_digit() {
            digits + 1
        } else {
            0
        };
        at_line_start = c == '\n' || (at_line_start && c == ' ');
    }
    out
}

/// A cell of a table or list: text on one line.
fn cell(t: &str) -> String {
    text(t).replace('\n', "<br>")
}

/// A heading: text on one line.
fn heading(t: &str) -> String {
    text(t).replace('\n', " ")
}

/// Writes `doc` as Markdown; `lang` writes the colons it adds (`**Source** : …` in
/// French).
pub fn write(out: &mut impl Write, doc: &Doc, lang: Lang) -> Result<()> {
    let colon = lang.colon();
    let shown = doc.blocks.iter().filter(|b| !super::print_only(b));
    for (i, block) in shown.enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Heading(t) => writeln!(out, "# {}", heading(t))?,
            Block::Subheading(t) => writeln!(out, "## {}", heading(t))?,
            Block::Text(t) => writeln!(out, "{}", text(t))?,
            Block::Pre(t) => {
                // A fence longer than any run of backticks inside, so none closes it.
                let t = sanitize(t);
                let longest = t.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                writeln!(out, "{fence}\n{t}\n{fence}")?;
            }
            Block::Quote(t) => {
                for line in text(t).lines() {
                    writeln!(out, "> {line}")?;
                }
            }
            Block::Rich(spans) => {
                let text: String = spans
                    .iter()
                    .map(|s| {
                        let t = cell(&s.text);
                        if s.emphasis {
                            format!("*{t}*")
                        } else {
                            t
                        }
                    })
                    .collect();
                writeln!(out, "{text}")?;
            }
            Block::Fields(fields) => {
                for (k, v) in fields {
                    writeln!(out, "- **{}**{colon}{}", cell(k), cell(&v.text))?;
                }
            }
            Block::Numbered(items) => {
                for (n, item) in items.iter().enumerate() {
                    writeln!(out, "{}. {}", n + 1, cell(item))?;
                }
            }
            Block::Table { headers, rows, .. } => {
                let h: Vec<String> = headers.iter().map(|h| cell(h)).collect();
                writeln!(out, "| {} |", h.join(" | "))?;
                writeln!(out, "|{}|", vec!["---"; headers.len()].join("|"))?;
                for row in rows {
                    let r: Vec<String> = row.iter().map(|c| cell(&c.text)).collect();
                    writeln!(out, "| {} |", r.join(" | "))?;
                }
            }
            Block::Chart(c) => {
                for b in c.bars.iter() {
                    writeln!(out, "- {}{colon}**{}**", cell(&b.label), cell(&b.shown))?;
                }
            }
        }
    }
    Ok(())
}
