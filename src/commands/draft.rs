//! `aimemo draft MEMO.txt [-o FILE] [--against KB]`: a draft knowledge base from a
//! memo's plain text (the drafting itself is `crate::draft`).
//!
//! The draft is TOML in the schema of `facts.toml`, written to stdout or to `-o
//! FILE`. Its ids avoid the built-in knowledge base's (unless `--no-builtin`), so
//! that it loads beside it with `--facts`. With `--against KB` (a curated knowledge
//! base), the comparison goes to stdout instead, and the draft only to `-o FILE`
//! when given.

use std::io::Write;
use std::path::Path;

use crate::draft::{self, compare};
use crate::error::{Error, Msg, Outcome, Result};
use crate::kb::{self, validate::Workspace};

/// Drafts `memo`; see the module's documentation.
pub fn run(
    memo: &Path,
    output: Option<&Path>,
    against: Option<&Path>,
    builtin: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let text = read_text(memo)?;
    let mut taken: Vec<String> = Vec::new();
    if builtin {
        // A plain loop over `ids()`: the iterator `validate` walks, no second copy.
        for (id, _) in kb::workspace(true)?.kb.ids() {
            taken.push(id.to_string());
        }
    }
    let drafted = draft::draft(&text, &taken);
    let name = memo.file_name().map_or_else(
        || memo.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let toml = drafted.to_toml(&name);
    match output {
        Some(path) => std::fs::write(path, &toml).map_err(|e| Error::File {
            path: path.display().to_string(),
            message: Msg::new(
                format!("cannot be written ({e})"),
                format!("ne peut pas être écrit ({e})"),
            ),
        })?,
        None if against.is_none() => out.write_all(toml.as_bytes())?,
        None => {}
    }
    if let Some(key_path) = against {
        let key = read_key(key_path)?;
        let tallies = compare::compare(&drafted.key(), &key);
        out.write_all(compare::report(&tallies, &key_path.display().to_string()).as_bytes())?;
    }
    Ok(Outcome::Found)
}

/// A memo's text: UTF-8, a byte-order mark and carriage returns dropped.
fn read_text(path: &Path) -> Result<String> {
    let fail = |en: String, fr: String| Error::File {
        path: path.display().to_string(),
        message: Msg::new(en, fr),
    };
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => fail("no such file".into(), "fichier introuvable".into()),
        _ => fail(
            format!("cannot be read ({e})"),
            format!("ne peut pas être lu ({e})"),
        ),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        fail(
            format!("is not UTF-8 text (invalid byte at offset {at})"),
            format!("n’est pas du texte UTF-8 (octet invalide à la position {at})"),
        )
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace('\r', "");
    if text.trim().is_empty() {
        return Err(Error::Usage(Msg::new(
            format!("{} is empty: there is nothing to draft", path.display()),
            format!("{} est vide : rien à rédiger", path.display()),
        )));
    }
    Ok(text)
}

/// The answer key a knowledge-base file makes. (The tests' TSV keys are read by
/// the tests: `compare::Key::from_tsv`.)
fn read_key(path: &Path) -> Result<compare::Key> {
    let text = kb::read_file(path)?;
    let mut ws = Workspace::default();
    let problems = ws.add_file(&path.display().to_string(), text);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(compare::Key::from_kb(&ws.kb))
}
