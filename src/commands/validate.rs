//! `aimemo validate [FILE...]`: every problem in knowledge-base files, located.

use std::path::Path;

use serde::Serialize;

use super::Report;
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::kb::validate::{self, Problem, Workspace};
use crate::kb::{self, Kind};
use crate::render::sanitize::sanitize;
use crate::render::{width_of, Block, Doc, Row};

/// What validation found, its messages in the chosen language.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Validation {
    pub lang: Lang,
    pub valid: bool,
    pub files: Vec<String>,
    pub problems: Vec<Problem>,
    /// Fields of a draft (a file `aimemo draft` wrote) left for a person to write:
    /// not problems, unless `--strict`.
    pub todos: Vec<Problem>,
    /// How many entries of each kind the files hold, when valid.
    #[serde(skip)]
    counts: Vec<(Kind, usize)>,
    /// A file could not be read at all (exit 2, once the others are checked).
    #[serde(skip)]
    pub unreadable: bool,
}

/// Checks `files` (merged with the built-in knowledge base when `with_builtin`),
/// or the built-in `facts.toml` itself when there are none. Every file is checked:
/// one that cannot be read is a problem of its own (`FILE: no such file`) and makes
/// the run exit 2 once the others are checked; problems are the result (exit 1). A
/// draft's to-dos are listed apart, and are problems when `strict`.
pub fn run(files: &[&Path], with_builtin: bool, lang: Lang, strict: bool) -> Result<Validation> {
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
    }
    let mut names = Vec::new();
    let mut unreadable = false;
    for path in files {
        let name = path.display().to_string();
        match kb::read_file(path) {
            Ok(text) => problems.extend(ws.add_file(&name, text)),
            Err(Error::File { message, .. }) => {
                unreadable = true;
                problems.push(Problem {
                    file: name.clone(),
                    line: 0,
                    column: 0,
                    message: message.en,
                    message_fr: message.fr,
                    snippet: None,
                    todo: false,
                });
            }
            Err(e) => return Err(e),
        }
        names.push(name);
    }
    problems.extend(ws.check());
    validate::sort(&mut problems);
    let (todos, problems): (Vec<Problem>, Vec<Problem>) =
        problems.into_iter().partition(|p| p.todo && !strict);
    let in_lang = |ps: Vec<Problem>| -> Vec<Problem> {
        match lang {
            Lang::En => ps,
            Lang::Fr => ps.into_iter().map(Problem::in_french).collect(),
        }
    };
    let (todos, problems) = (in_lang(todos), in_lang(problems));
    if files.is_empty() {
        names = ws.origins.iter().map(|o| o.name.clone()).collect();
    }
    Ok(Validation {
        lang,
        valid: problems.is_empty(),
        unreadable,
        files: names,
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
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let todos = match (self.todos.len(), self.lang) {
            (0, _) => String::new(),
            (n, Lang::En) => format!("; {n} to-do{} left to write (a draft)", plural(n)),
            (n, Lang::Fr) => format!(" ; {n} champ{} à écrire (un brouillon)", plural(n)),
        };
        doc.push(Block::Text(if self.valid {
            let counts: Vec<String> = self
                .counts
                .iter()
                .map(|(k, n)| match self.lang {
                    Lang::En => format!("{n} {}{}", k.name(), plural(*n)),
                    Lang::Fr => format!("{n} {}{}", k.name_fr(), plural(*n)),
                })
                .collect();
            let counts = counts.join(", ");
            match self.lang {
                Lang::En => format!("{names}: valid ({counts}){todos}"),
                Lang::Fr => format!("{names} : valide ({counts}){todos}"),
            }
        } else {
            let n = self.problems.len();
            let s = plural(n);
            // The files the problems are in, not every file checked.
            let wrong: Vec<&str> = self
                .files
                .iter()
                .filter(|f| self.problems.iter().any(|p| p.file == **f))
                .map(String::as_str)
                .collect();
            let names = if wrong.is_empty() {
                names
            } else {
                wrong.join(", ")
            };
            match self.lang {
                Lang::En => format!("{n} problem{s} found in {names}{todos}"),
                Lang::Fr => format!("{n} problème{s} trouvé{s} dans {names}{todos}"),
            }
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
