//! `aimemo validate [FILE...]`: every problem in knowledge-base files, located.

use std::path::Path;

use serde::Serialize;

use super::Report;
use crate::error::{Error, Msg, Result};
use crate::kb::validate::{self, Problem, Workspace};
use crate::kb::{self, Kind, BUILTIN_NAME};
use crate::render::sanitize::sanitize;
use crate::render::{width_of, Block, Doc, Row};

/// What validation found: no `lang`, since problems are written in English.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Validation {
    pub valid: bool,
    pub files: Vec<String>,
    pub problems: Vec<Problem>,
    /// Fields of a draft (a file `aimemo draft` wrote) left for a person to write:
    /// not problems, unless `--strict`.
    pub todos: Vec<Problem>,
    /// How many entries of each kind the files hold, when valid.
    #[serde(skip)]
    counts: Vec<(Kind, usize)>,
}

/// Checks `files` (merged with the built-in knowledge base when `with_builtin`),
/// or the built-in `facts.toml` itself when there are none. An unreadable file is
/// an error (exit 2); problems are the result (exit 1). A draft's to-dos are
/// listed apart, and are problems when `strict`.
pub fn run(files: &[&Path], with_builtin: bool, strict: bool) -> Result<Validation> {
    let mut ws: Workspace;
    let mut problems = Vec::new();
    if files.is_empty() && !with_builtin {
        return Err(Error::Usage(Msg::new(
            "--no-builtin leaves nothing to validate: name a FILE, or add one with --facts FILE",
            "--no-builtin ne laisse rien à valider : indiquez un FICHIER, ou ajoutez-en un avec --facts FICHIER",
        )));
    }
    if files.is_empty() {
        // The embedded knowledge base, checked again as it stands in the binary,
        // quotes of the memo included.
        ws = kb::workspace(true)?;
        problems.extend(ws.check_quotes());
    } else {
        ws = kb::workspace(with_builtin)?;
        for path in files {
            let text = kb::read_file(path)?;
            problems.extend(ws.add_file(&path.display().to_string(), text));
        }
    }
    problems.extend(ws.check());
    validate::sort(&mut problems);
    let (todos, problems): (Vec<Problem>, Vec<Problem>) =
        problems.into_iter().partition(|p| p.todo && !strict);
    let files = ws
        .origins
        .iter()
        .map(|o| o.name.clone())
        .filter(|n| files.is_empty() || n != BUILTIN_NAME)
        .collect();
    Ok(Validation {
        valid: problems.is_empty(),
        files,
        problems,
        todos,
        counts: Kind::ALL
            .iter()
            .map(|k| (*k, ws.kb.count(*k)))
            .filter(|(_, n)| *n > 0)
            .collect(),
    })
}

impl Row for Problem {
    fn columns(&self) -> &'static str {
        "file line column message"
    }
}

impl Report for Validation {
    type Record<'r> = &'r Problem;

    fn doc(&self) -> Doc {
        let mut doc = Doc::default();
        for p in self.problems.iter() {
            let mut text = p.to_string();
            if p.todo {
                text = format!("{text} (a draft's to-do: --strict refuses it)");
            }
            if let Some(s) = &p.snippet {
                // The line as it will show (escapes, tabs as spaces), and the caret
                // under the problem's column as it shows: escapes and wide
                // characters take more than one column.
                let shown = |t: &str| sanitize(t).replace('\t', " ");
                let before = s.line.get(..s.at).unwrap_or(&s.line);
                text.push_str(&format!(
                    "\n    {}\n    {}^",
                    shown(&s.line),
                    " ".repeat(width_of(&shown(before)))
                ));
            }
            doc.push(Block::Pre(text));
        }
        if !self.todos.is_empty() {
            // One line each, located, for an editor's quickfix list.
            let lines: Vec<String> = self.todos.iter().map(|t| format!("to do: {t}")).collect();
            doc.push(Block::Pre(lines.join("\n")));
        }
        let names = self.files.join(", ");
        let todos = match self.todos.len() {
            0 => String::new(),
            1 => "; 1 to-do left to write (a draft)".to_string(),
            n => format!("; {n} to-dos left to write (a draft)"),
        };
        doc.push(Block::Text(if self.valid {
            let counts: Vec<String> = self
                .counts
                .iter()
                .map(|(k, n)| format!("{n} {}{}", k.name(), if *n == 1 { "" } else { "s" }))
                .collect();
            format!("{names}: valid ({}){todos}", counts.join(", "))
        } else {
            let n = self.problems.len();
            format!(
                "{n} problem{} found in {names}{todos}",
                if n == 1 { "" } else { "s" }
            )
        }));
        doc
    }

    fn records(&self) -> Vec<&Problem> {
        self.problems.iter().collect()
    }

    fn success(&self) -> bool {
        self.valid
    }
}
