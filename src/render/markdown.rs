//! Markdown: headings, lists and pipe tables, ready to paste into a note.

use std::io::Write;

use super::sanitize::sanitize;
use super::{Block, Doc};
use crate::error::Result;

fn cell(text: &str) -> String {
    sanitize(text).replace('|', "\\|").replace('\n', "<br>")
}

pub fn write(out: &mut impl Write, doc: &Doc) -> Result<()> {
    let shown = doc.blocks.iter().filter(|b| !super::print_only(b));
    for (i, block) in shown.enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Heading(t) => writeln!(out, "# {}", sanitize(t))?,
            Block::Subheading(t) => writeln!(out, "## {}", sanitize(t))?,
            Block::Text(t) => writeln!(out, "{}", sanitize(t))?,
            Block::Pre(t) => writeln!(out, "```\n{}\n```", sanitize(t))?,
            Block::Quote(t) => {
                for line in sanitize(t).lines() {
                    writeln!(out, "> {line}")?;
                }
            }
            Block::Rich(spans) => {
                let text: String = spans
                    .iter()
                    .map(|s| {
                        let t = sanitize(&s.text).replace('*', "\\*");
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
                    writeln!(out, "- **{}**: {}", sanitize(k), cell(&v.text))?;
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
                    writeln!(out, "- {}: **{}**", cell(&b.label), cell(&b.shown))?;
                }
            }
        }
    }
    Ok(())
}
