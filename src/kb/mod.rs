//! The knowledge base a command works on: the built-in copy (baked by `build.rs`),
//! other files read, merged and validated. The model itself is the `aimemo-kb` crate.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

pub use aimemo_kb::*;

use crate::error::{Error, Msg, Result};
use validate::{Origin, Workspace, MAX_FILE_BYTES};

/// The name the built-in knowledge base goes by in messages.
pub const BUILTIN_NAME: &str = "facts.toml (built-in)";

/// The built-in knowledge base and its search index, baked by `build.rs`.
mod builtin {
    extern crate alloc;
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

    /// The built-in knowledge base, its texts and sequences readable.
    pub fn kb() -> &'static aimemo_kb::Kb {
        set_pools();
        &BUILTIN
    }

    /// Its search index, its texts readable.
    pub fn index() -> &'static aimemo_kb::index::SearchIndex {
        set_pools();
        &BUILTIN_INDEX
    }

    /// Gives what the statics name by place (built here, so that no static holds a
    /// pointer to them).
    fn set_pools() {
        aimemo_kb::set_pools(aimemo_kb::Pools {
            text: TEXT,
            strs: &STRS,
            texts: &TEXTS,
            items: &ITEMS,
            actor_links: &ACTOR_LINKS,
            list_links: &LIST_LINKS,
            figure_links: &FIGURE_LINKS,
        });
    }
}

/// The knowledge base a command works on.
pub struct Loaded {
    pub kb: Kb,
    /// The built-in knowledge base is part of it (no `--no-builtin`).
    pub with_builtin: bool,
    builtin_only: bool,
    /// The file each entry comes from (by origin), for entries read from files.
    origin_of: HashMap<EntryRef, usize>,
    /// The memo each file gives (by origin, its index in `kb.memos`).
    memo_of_origin: HashMap<usize, usize>,
}

impl Loaded {
    /// The memo an entry comes from: the `[memo]` of its file (the built-in one for
    /// the built-in entries), if the file gives one.
    pub fn memo_of(&self, e: EntryRef) -> Option<&Memo> {
        if self.builtin_only {
            return self.kb.memos.first();
        }
        let origin = self.origin_of.get(&e).copied().unwrap_or(0);
        self.memo_of_origin
            .get(&origin)
            .and_then(|i| self.kb.memos.get(*i))
    }

    /// Every entry matching `query`, best first: through the built-in index, embedded
    /// ready-folded, or an index of the files read, built for the search.
    pub fn search(&self, query: &str) -> search::Found {
        if self.builtin_only {
            search::search(builtin::index(), query)
        } else {
            search::search(&index::SearchIndex::build(&self.kb), query)
        }
    }
}

/// The built-in knowledge base: a shallow copy of the static (its top-level arrays
/// borrowed, its texts and sequences places in the baked pools).
fn builtin() -> Kb {
    builtin::kb().clone()
}

/// The built-in knowledge base plus `files` (or `files` alone), merged and validated.
pub fn load(files: &[&Path], with_builtin: bool) -> Result<Loaded> {
    if files.is_empty() {
        if !with_builtin {
            return Err(Error::Usage(Msg::new(
                "--no-builtin leaves no knowledge base: add one with --facts FILE",
                "--no-builtin ne laisse aucune base : ajoutez-en une avec --facts FICHIER",
            )));
        }
        return Ok(Loaded {
            kb: builtin(),
            with_builtin: true,
            builtin_only: true,
            origin_of: HashMap::new(),
            memo_of_origin: HashMap::new(),
        });
    }
    let mut ws = workspace(with_builtin)?;
    let mut problems = Vec::new();
    for path in files {
        let text = read_file(path)?;
        problems.extend(ws.add_file(&path.display().to_string(), text));
    }
    problems.extend(ws.check());
    // A draft's to-dos (English left to write) do not keep it from loading.
    problems.retain(|p| !p.todo);
    validate::sort(&mut problems);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(Loaded {
        origin_of: ws.locs.iter().map(|(e, l)| (*e, l.origin)).collect(),
        memo_of_origin: ws.memo_of_origin,
        kb: ws.kb,
        with_builtin,
        builtin_only: false,
    })
}

/// A workspace holding the built-in knowledge base (as origin 0), or nothing.
pub fn workspace(with_builtin: bool) -> Result<Workspace> {
    let mut ws = Workspace::default();
    if with_builtin {
        ws.origins.push(Origin {
            name: BUILTIN_NAME.into(),
            text: String::new(),
        });
        ws.kb = builtin();
        if !ws.kb.memos.is_empty() {
            ws.memo_of_origin.insert(0, 0);
        }
    }
    Ok(ws)
}

/// Reads a knowledge-base file, refusing what cannot be one with a clear message.
pub fn read_file(path: &Path) -> Result<String> {
    let fail = |message: Msg| Error::File {
        path: path.display().to_string(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(fail(Msg::new(
            "is a directory, not a knowledge-base file",
            "est un dossier, pas un fichier de base de connaissances",
        )));
    }
    let limit = MAX_FILE_BYTES / 1048576;
    if meta.len() > MAX_FILE_BYTES {
        let size = meta.len() as f64 / 1048576.0;
        return Err(fail(Msg::new(
            format!("is {size:.1} MiB; knowledge-base files are limited to {limit} MiB"),
            format!("fait {size:.1} Mio ; un fichier de base est limité à {limit} Mio"),
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(Msg::new(
            format!("is larger than the {limit} MiB limit"),
            format!("dépasse la limite de {limit} Mio"),
        )));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(fail(Msg::new(
            format!("is binary (a NUL byte at offset {at}), not TOML"),
            format!("est binaire (un octet nul à la position {at}), pas du TOML"),
        )));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        fail(Msg::new(
            format!("is not UTF-8 text (invalid byte at offset {at})"),
            format!("n’est pas du texte UTF-8 (octet invalide à la position {at})"),
        ))
    })?;
    // A byte-order mark is no part of the text: columns count from after it.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

fn io_reason(e: &std::io::Error) -> Msg {
    match e.kind() {
        std::io::ErrorKind::NotFound => Msg::new("no such file", "fichier introuvable"),
        std::io::ErrorKind::PermissionDenied => Msg::new("permission denied", "permission refusée"),
        _ => Msg::new(
            format!("cannot be read ({e})"),
            format!("ne peut pas être lu ({e})"),
        ),
    }
}

#[cfg(test)]
mod tests;
