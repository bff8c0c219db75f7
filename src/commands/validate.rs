//! `aimemo validate [FILE...]`: every problem in knowledge-base files, located.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{json_text, Output};
use crate::error::Result;
use crate::kb::validate::{self, Problem, Workspace};
use crate::kb::{self, Kind, BUILTIN_NAME};
use crate::render::{columns, Block, Doc};

#[derive(Serialize)]
struct Json<'a> {
    valid: bool,
    files: Vec<&'a str>,
    problems: &'a [Problem],
}

/// Checks `files` (merged with the built-in knowledge base when `with_builtin`),
/// or the built-in `facts.toml` itself when there are none. Exit 0 valid, 1 invalid;
/// an unreadable file is an error (exit 2).
pub fn run(files: &[&Path], with_builtin: bool) -> Result<(Output, ExitCode)> {
    let mut ws: Workspace;
    let mut problems = Vec::new();
    if files.is_empty() {
        // The embedded knowledge base, checked again as it stands in the binary.
        ws = kb::workspace(true)?;
    } else {
        ws = kb::workspace(with_builtin)?;
        for path in files {
            let text = kb::read_file(path)?;
            problems.extend(ws.add_file(&path.display().to_string(), text));
        }
    }
    problems.extend(ws.check());
    validate::sort(&mut problems);
    let names: Vec<&str> = ws
        .origins
        .iter()
        .map(|o| &*o.name)
        .filter(|n| files.is_empty() || *n != BUILTIN_NAME)
        .collect();
    let mut doc = Doc::default();
    for p in problems.iter() {
        let mut text = p.to_string();
        if let Some(s) = &p.snippet {
            for line in s.lines() {
                text.push_str("\n    ");
                text.push_str(line);
            }
        }
        doc.push(Block::Pre(text));
    }
    let summary = if problems.is_empty() {
        let counts: Vec<String> = Kind::ALL
            .iter()
            .map(|k| (k, ws.kb.count(*k)))
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{n} {}{}", k.name(), if n == 1 { "" } else { "s" }))
            .collect();
        format!("{}: valid ({})", names.join(", "), counts.join(", "))
    } else {
        let n = problems.len();
        format!(
            "{n} problem{} found in {}",
            if n == 1 { "" } else { "s" },
            names.join(", ")
        )
    };
    doc.push(Block::Text(summary));
    doc.records = Some((
        columns(&["file", "line", "column", "message"]),
        problems
            .iter()
            .map(|p| {
                vec![
                    p.file.clone(),
                    p.line.to_string(),
                    p.column.to_string(),
                    p.message.clone(),
                ]
            })
            .collect(),
    ));
    let code = if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    let json = json_text(Json {
        valid: problems.is_empty(),
        files: names,
        problems: &problems,
    });
    Ok((Output { doc, json }, code))
}
