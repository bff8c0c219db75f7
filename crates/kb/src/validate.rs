//! Reading knowledge-base TOML into the model, and checking it whole.
//!
//! Every problem is reported, not just the first, each located at
//! `FILE:LINE:COLUMN`. `build.rs` runs the same checks on the built-in
//! `facts.toml` before it embeds it.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::Serialize;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::keys::{self, Whose};
use super::model::{EntryRef, Kb, Kind, Memo, Table, Text};

/// The largest knowledge-base file read: 64 MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The units a figure may have.
pub const UNITS: &[&str] = &[
    "EUR",
    "USD",
    "percent",
    "GW",
    "cl",
    "times",
    "people",
    "countries",
    "signatories",
    "governments",
    "partners",
    "companies",
    "events",
    "deliverables",
    "states",
    "actors",
    "endorsers",
];

/// The language-neutral codes of qualifiers.
pub const QUALIFIER_CODES: &[&str] = &[
    "more_than",
    "nearly",
    "about",
    "up_to",
    "at_least",
    "estimated",
    "projected",
    "could_reach",
    "reported",
];

/// The first line of a draft knowledge base, as `aimemo draft` writes it. In such a
/// file, an empty English text and an empty unit are to-dos for a person (reported,
/// marked [`Problem::todo`]), not errors: the draft loads and can be browsed.
pub const DRAFT_MARKER: &str = "# aimemo-draft";

/// True for a draft knowledge base's text: its first line is [`DRAFT_MARKER`].
pub fn is_draft(text: &str) -> bool {
    text.starts_with(DRAFT_MARKER)
}

const TOP_KEYS: &str = "memo, sections, sources, topics, groups, figures, lists, actors, events";

/// A knowledge-base file's name and text, kept to locate problems.
#[derive(Debug, Clone)]
pub struct Origin {
    pub name: String,
    pub text: String,
}

/// Where an entry stands: which origin, and the byte its table starts at (where
/// it ends is worked out only for an entry with a problem, to find a key in it).
#[derive(Debug, Clone)]
pub struct Loc {
    pub origin: usize,
    pub start: usize,
}

/// One thing wrong in a knowledge base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the place is not known (the built-in knowledge base).
    pub line: usize,
    pub column: usize,
    /// What is wrong, in the language of the output.
    pub message: String,
    /// What is wrong in the other language: French until [`Problem::in_french`]
    /// swaps the two.
    #[serde(skip)]
    pub message_fr: String,
    /// The line of TOML at fault, for human output.
    #[serde(skip)]
    pub snippet: Option<Snippet>,
    /// A field of a draft left for a person to write (see [`DRAFT_MARKER`]).
    #[serde(skip)]
    pub todo: bool,
}

/// A line of a file, and where in it a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub line: String,
    /// The byte of `line` the problem is at.
    pub at: usize,
}

impl Problem {
    /// The problem in French: its `message` is the French one.
    pub fn in_french(mut self) -> Problem {
        std::mem::swap(&mut self.message, &mut self.message_fr);
        self
    }
}

/// `FILE:LINE:COLUMN: message`, or `FILE: message` when the place is not known.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// Files read so far, merged into one knowledge base, with where each entry came from.
#[derive(Debug, Default)]
pub struct Workspace {
    pub origins: Vec<Origin>,
    pub kb: Kb,
    pub locs: HashMap<EntryRef, Loc>,
    /// Ids of entries that could not be read: references to them are not reported again.
    pub unread: HashSet<String>,
    /// The `[memo]` each file gives (by origin, its index in `kb.memos`): the memo its
    /// entries come from.
    pub memo_of_origin: HashMap<usize, usize>,
    /// Keys of entries that were missing or wrong, reported as such and blanked so
    /// that the rest of the entry could be read and checked: the checks of the whole
    /// knowledge base do not report their blank values again.
    pub blanked: Vec<(EntryRef, &'static str)>,
}

impl Workspace {
    /// A problem at byte `at` of origin `origin`, said in English and French.
    pub fn problem_at(
        &self,
        origin: usize,
        at: Option<usize>,
        message: String,
        message_fr: String,
    ) -> Problem {
        let o = &self.origins[origin];
        match at {
            Some(at) if !o.text.is_empty() => {
                let at = floor_char_boundary(&o.text, at.min(o.text.len()));
                let line_start = o.text[..at].rfind('\n').map_or(0, |i| i + 1);
                let line_end = o.text[at..].find('\n').map_or(o.text.len(), |i| at + i);
                let line = o.text[..at].matches('\n').count() + 1;
                let column = o.text[line_start..at].chars().count() + 1;
                let snippet = Snippet {
                    line: o.text[line_start..line_end].to_string(),
                    at: at - line_start,
                };
                Problem {
                    file: o.name.clone(),
                    line,
                    column,
                    message,
                    message_fr,
                    snippet: Some(snippet),
                    todo: false,
                }
            }
            _ => Problem {
                file: o.name.clone(),
                line: 0,
                column: 0,
                message,
                message_fr,
                snippet: None,
                todo: false,
            },
        }
    }

    /// A to-do about `key` of an entry of a draft (see [`DRAFT_MARKER`]): a field left
    /// for a person to write; a problem of any other file.
    fn todo_in(
        &self,
        problems: &mut Vec<Problem>,
        entry: EntryRef,
        key: &str,
        message: String,
        message_fr: String,
    ) {
        let draft = self
            .locs
            .get(&entry)
            .is_some_and(|l| is_draft(&self.origins[l.origin].text));
        let before = problems.len();
        self.problem_in(problems, entry, key, message, message_fr);
        for p in &mut problems[before..] {
            p.todo = draft;
        }
    }

    /// A problem about `key` of an entry, located at that key when it can be found,
    /// added to `problems` unless that key was blanked (its own problem is reported).
    fn problem_in(
        &self,
        problems: &mut Vec<Problem>,
        entry: EntryRef,
        key: &str,
        message: String,
        message_fr: String,
    ) {
        if self.blanked.iter().any(|(e, k)| *e == entry && *k == key) {
            return;
        }
        problems.push(match self.locs.get(&entry) {
            Some(loc) => {
                let text = &self.origins[loc.origin].text;
                let span = loc.start..entry_end(text, loc.start, entry.kind.table());
                let at = find_key(text, &span, key).unwrap_or(loc.start);
                self.problem_at(loc.origin, Some(at), message, message_fr)
            }
            None => self.problem_at(0, None, message, message_fr),
        });
    }

    /// Where an entry stands: `FILE:LINE`, or the file's name when the line is not
    /// known (the built-in knowledge base).
    fn place_of(&self, entry: EntryRef) -> String {
        let Some(loc) = self.locs.get(&entry) else {
            return self
                .origins
                .first()
                .map_or_else(String::new, |o| o.name.clone());
        };
        let o = &self.origins[loc.origin];
        match o.text.get(..loc.start) {
            Some(before) if !o.text.is_empty() => {
                format!("{}:{}", o.name, before.matches('\n').count() + 1)
            }
            _ => o.name.clone(),
        }
    }

    /// Reads `text` as a knowledge-base file named `name`, adding what it can to
    /// the workspace; returns the problems of syntax and type.
    pub fn add_file(&mut self, name: &str, text: String) -> Vec<Problem> {
        let origin = self.origins.len();
        self.origins.push(Origin {
            name: name.to_string(),
            text,
        });
        let text = &self.origins[origin].text;
        let mut problems = Vec::new();
        // Blank lines and comments only: no entry, whether or not it says something.
        // A file that can be read but holds nothing is invalid, not unreadable.
        let no_entry = text.lines().all(|l| {
            let l = l.trim();
            l.is_empty() || l.starts_with('#')
        });
        if no_entry {
            problems.push(self.problem_at(
                origin,
                None,
                "is empty: a knowledge base needs at least one entry".into(),
                "est vide : une base de connaissances compte au moins une entrée".into(),
            ));
            return problems;
        }
        let (root, errors) = DeTable::parse_recoverable(text);
        for e in errors.iter() {
            problems.push(self.problem_at(
                origin,
                e.span().map(|s| s.start),
                e.message().into(),
                syntax_fr(e.message()),
            ));
        }
        if !errors.is_empty() {
            return problems;
        }
        let mut kb = Kb::default();
        let mut locs = Vec::new();
        let mut unread = HashSet::new();
        let mut blanked = Vec::new();
        for (key, value) in root.into_inner() {
            let span = value.span();
            let key_at = key.span().start;
            match key.get_ref().as_ref() {
                "memo" => {
                    if let Some((m, memo_blanked)) = self.read_memo(origin, value, &mut problems) {
                        let ministry = m.ministry.clone().unwrap_or_else(|| Text {
                            fr: "-".into(),
                            en: "-".into(),
                        });
                        for (key, t) in [
                            ("title", &m.title),
                            ("series", &m.series),
                            ("publisher", &m.publisher),
                            ("ministry", &ministry),
                        ] {
                            if memo_blanked.contains(&key) {
                                continue;
                            }
                            for (lang, s) in [("French", &t.fr), ("English", &t.en)] {
                                if s.trim().is_empty() {
                                    let at = find_key(text, &span, key).unwrap_or(span.start);
                                    problems.push(self.problem_at(
                                        origin,
                                        Some(at),
                                        format!("[memo] `{key}` has an empty {lang} text"),
                                        format!("[memo] `{key}` a un texte {} vide", lang_fr(lang)),
                                    ));
                                }
                            }
                        }
                        kb.memos.to_mut().push(m);
                    }
                }
                "sections" => self.decode_all(
                    origin,
                    value,
                    Kind::Section,
                    kb.sections.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                "sources" => self.decode_all(
                    origin,
                    value,
                    Kind::Source,
                    kb.sources.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                "topics" => self.decode_all(
                    origin,
                    value,
                    Kind::Topic,
                    kb.topics.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                "groups" => self.decode_all(
                    origin,
                    value,
                    Kind::Group,
                    kb.groups.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                "figures" => self.decode_all(
                    origin,
                    value,
                    Kind::Figure,
                    kb.figures.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                "lists" => self.decode_all(
                    origin,
                    value,
                    Kind::List,
                    kb.lists.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                "actors" => self.decode_all(
                    origin,
                    value,
                    Kind::Actor,
                    kb.actors.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                "events" => self.decode_all(
                    origin,
                    value,
                    Kind::Event,
                    kb.events.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                    &mut blanked,
                ),
                other => problems.push(self.problem_at(
                    origin,
                    Some(key_at),
                    format!("unknown key `{other}`, expected one of {TOP_KEYS}"),
                    format!("clé inconnue `{other}` ; clés possibles : {TOP_KEYS}"),
                )),
            }
        }
        sort(&mut problems);
        // An entry identical to one already merged is that entry again, not a clash.
        let dropped = kb.drop_copies_of(&self.kb);
        if !dropped.is_empty() {
            let renumber = |kind: Kind, idx: &mut usize| {
                let here = EntryRef { kind, idx: *idx };
                *idx -= dropped
                    .iter()
                    .filter(|d| d.kind == kind && d.idx < *idx)
                    .count();
                !dropped.contains(&here)
            };
            locs.retain_mut(|(kind, idx, _)| renumber(*kind, idx));
            blanked.retain_mut(|(kind, idx, _)| renumber(*kind, idx));
        }
        // The file's memo: one already loaded (the same memo again), or its own.
        if let Some(m) = kb.memos.first() {
            let at = match self.kb.memos.iter().position(|x| x == m) {
                Some(at) => {
                    kb.memos = Table::Owned(Vec::new());
                    at
                }
                None => self.kb.memos.len(),
            };
            self.memo_of_origin.insert(origin, at);
        }
        // Entries are numbered after those already merged.
        for (kind, idx, start) in locs {
            let idx = self.kb.count(kind) + idx;
            self.locs
                .insert(EntryRef { kind, idx }, Loc { origin, start });
        }
        for (kind, idx, key) in blanked {
            let idx = self.kb.count(kind) + idx;
            self.blanked.push((EntryRef { kind, idx }, key));
        }
        self.kb.extend(kb);
        self.unread.extend(unread);
        problems
    }

    /// A value serde refuses though its shape was checked (a number out of range,
    /// say): serde's message, where no better one is known.
    fn decode_problem(
        &self,
        origin: usize,
        e: &toml::de::Error,
        fallback: usize,
        whose: &Whose<'_>,
    ) -> Problem {
        let at = e.span().map_or(fallback, |s| s.start);
        let message = e.message();
        self.problem_at(
            origin,
            Some(at),
            format!("in {}: {message}", whose.en()),
            format!("dans {} : {message}", whose.fr()),
        )
    }

    /// Reads a file's `[memo]`, reporting each missing or wrong key; returns it
    /// with the keys blanked to read it, or nothing when it is not a table.
    fn read_memo(
        &self,
        origin: usize,
        value: toml::Spanned<DeValue<'_>>,
        problems: &mut Vec<Problem>,
    ) -> Option<(Memo, Vec<&'static str>)> {
        let span = value.span();
        let DeValue::Table(table) = value.into_inner() else {
            problems.push(self.problem_at(
                origin,
                Some(span.start),
                "`memo` is a table: write it under [memo]".into(),
                "`memo` est une table : écrivez-la sous [memo]".into(),
            ));
            return None;
        };
        let whose = Whose::Memo;
        let wrong = keys::check(&table, span.start, keys::MEMO, &whose, "memo");
        let (table, changed) = keys::repair(table, keys::MEMO, &wrong);
        for w in wrong {
            problems.push(self.problem_at(origin, Some(w.at), w.en, w.fr));
        }
        match decode::<Memo>(toml::Spanned::new(span.clone(), DeValue::Table(table))) {
            Ok(m) => Some((m, changed)),
            Err(e) => {
                problems.push(self.decode_problem(origin, &e, span.start, &whose));
                None
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn decode_all<T: DeserializeOwned>(
        &self,
        origin: usize,
        value: toml::Spanned<DeValue<'_>>,
        kind: Kind,
        out: &mut Vec<T>,
        locs: &mut Vec<(Kind, usize, usize)>,
        problems: &mut Vec<Problem>,
        unread: &mut HashSet<String>,
        blanked: &mut Vec<(Kind, usize, &'static str)>,
    ) {
        let span = value.span();
        let table = kind.table();
        let DeValue::Array(items) = value.into_inner() else {
            problems.push(self.problem_at(
                origin,
                Some(span.start),
                format!("`{table}` must be an array of tables: write each entry under [[{table}]]"),
                format!(
                    "`{table}` doit être un tableau de tables : écrivez chaque entrée sous [[{table}]]"
                ),
            ));
            return;
        };
        for (n, item) in items.into_iter().enumerate() {
            let span = item.span();
            let id = item
                .get_ref()
                .get("id")
                .and_then(|v| v.get_ref().as_str())
                .map(str::to_string);
            let whose = Whose::Entry {
                kind,
                id: id.as_deref(),
                n,
            };
            let DeValue::Table(entry) = item.into_inner() else {
                problems.push(self.problem_at(
                    origin,
                    Some(span.start),
                    format!(
                        "{}: an entry is a table: write it under [[{table}]]",
                        whose.en()
                    ),
                    format!(
                        "{} : une entrée est une table : écrivez-la sous [[{table}]]",
                        whose.fr()
                    ),
                ));
                continue;
            };
            // Every missing or wrong key is reported; the entry is then read with
            // those keys blanked, so that the checks of its other keys still run.
            let wrong = keys::check(&entry, span.start, keys::of(kind), &whose, table);
            let (entry, changed) = keys::repair(entry, keys::of(kind), &wrong);
            for w in wrong {
                problems.push(self.problem_at(origin, Some(w.at), w.en, w.fr));
            }
            match decode::<T>(toml::Spanned::new(span.clone(), DeValue::Table(entry))) {
                Ok(entry) => {
                    blanked.extend(changed.into_iter().map(|k| (kind, out.len(), k)));
                    locs.push((kind, out.len(), span.start));
                    out.push(entry);
                }
                Err(e) => {
                    problems.push(self.decode_problem(origin, &e, span.start, &whose));
                    unread.extend(id);
                }
            }
        }
    }

    /// The entries that must quote the memo and do not: every figure, list, actor
    /// and event of the built-in knowledge base does (other files may leave quotes out).
    pub fn check_quotes(&self) -> Vec<Problem> {
        let kb = &self.kb;
        let quoted = |e: EntryRef| {
            !matches!(
                e.kind,
                Kind::Figure | Kind::List | Kind::Actor | Kind::Event
            ) || kb.quote_of(e).is_some()
        };
        let mut problems = Vec::new();
        for (id, e) in kb.ids().filter(|(_, e)| !quoted(*e)) {
            self.problem_in(
                &mut problems,
                e,
                "id",
                format!("{} `{id}` has no `quote` of the memo", e.kind.name()),
                format!("{} `{id}` n’a pas de `quote` du mémo", e.kind.the_fr()),
            );
        }
        problems
    }

    /// Checks the merged knowledge base as a whole (ids, texts, references, cycles,
    /// numbers, dates), resolving its references (`Kb::resolve`) as it checks them:
    /// once it finds no problem, every link of `self.kb` names its entry and views
    /// follow it without searching.
    pub fn check(&mut self) -> Vec<Problem> {
        let (mut problems, shared) = self.problems();
        // An id two entries have is reported once, as such: not again at every link
        // to it (which one a link finds is no problem of its own).
        for d in self.kb.resolve() {
            if d.found.is_none() && self.unread.contains(&d.id) {
                continue; // its own problem is reported where it stands
            }
            if shared.contains(&*d.id) {
                continue;
            }
            if let Some((en, fr)) = reference(d.key, &d.id, d.found, Some(d.want)) {
                self.problem_in(&mut problems, d.entry, d.key, en, fr);
            }
        }
        sort(&mut problems);
        problems
    }

    /// Every problem of the knowledge base as merged so far but its links (which
    /// `check` finds as it resolves them): ids, texts, the ids of list items,
    /// cycles.
    fn problems(&self) -> (Vec<Problem>, HashSet<String>) {
        let kb = &self.kb;
        let mut problems = Vec::new();
        let mut seen: HashMap<&str, EntryRef> = HashMap::new();
        let mut shared: HashSet<String> = HashSet::new();
        for (id, entry) in kb.ids() {
            if let Some((en, fr)) = bad_id(id) {
                self.problem_in(
                    &mut problems,
                    entry,
                    "id",
                    format!("{} id `{id}` {en}", entry.kind.name()),
                    format!("l’identifiant `{id}` {} {fr}", entry.kind.of_fr()),
                );
            }
            if let Some(&first) = seen.get(id) {
                // Reported where a file can be changed: at the second entry, or at the
                // first when the second is the built-in one's.
                let (earlier, at) =
                    if !self.locs.contains_key(&entry) && self.locs.contains_key(&first) {
                        (entry, first)
                    } else {
                        (first, entry)
                    };
                let (a, b) = (self.place_of(earlier), self.place_of(at));
                let en = format!(
                    "duplicate id `{id}`: {} {} at {a} and a different {} at {b}",
                    article(earlier.kind.name()),
                    earlier.kind.name(),
                    at.kind.name()
                );
                let fr = format!(
                    "identifiant `{id}` en double : {} à {a} et {} différent{} à {b}",
                    earlier.kind.a_fr(),
                    at.kind.a_fr(),
                    if at.kind.a_fr().starts_with("une") {
                        "e"
                    } else {
                        ""
                    }
                );
                self.problem_in(&mut problems, at, "id", en, fr);
                shared.insert(id.to_string());
            } else {
                seen.insert(id, entry);
            }
        }
        let kind_of = |id: &str| seen.get(id).map(|e| e.kind);
        let refer = |entry: EntryRef,
                     key: &str,
                     target: &str,
                     want: Option<Kind>,
                     problems: &mut Vec<Problem>| {
            let found = kind_of(target);
            if found.is_none() && self.unread.contains(target) {
                return; // its own problem is reported where it stands
            }
            if let Some((en, fr)) = reference(key, target, found, want) {
                self.problem_in(problems, entry, key, en, fr);
            }
        };
        // Quotes, codes and aliases are texts too: none may be blank.
        for (id, e) in kb.ids() {
            let quote = kb.quote_of(e);
            let codes: Vec<(&str, &str)> = match e.kind {
                Kind::Actor => {
                    let a = &kb.actors[e.idx];
                    let codes = a.code_en.iter().map(|c| ("code_en", &**c));
                    codes
                        .chain(a.aliases.iter().map(|c| ("aliases", &**c)))
                        .collect()
                }
                Kind::Source => kb.sources[e.idx]
                    .aliases
                    .iter()
                    .map(|c| ("aliases", &**c))
                    .collect(),
                _ => Vec::new(),
            };
            if quote.is_some_and(|q| q.trim().is_empty()) {
                self.problem_in(
                    &mut problems,
                    e,
                    "quote",
                    "`quote` is empty: quote the memo's words, or leave the key out".into(),
                    "`quote` est vide : citez les mots du mémo, ou retirez la clé".into(),
                );
            }
            for (key, c) in codes {
                if c.trim().is_empty() {
                    self.problem_in(
                        &mut problems,
                        e,
                        key,
                        format!("`{key}` has an empty name"),
                        format!("`{key}` contient un nom vide"),
                    );
                }
            }
            let own = match e.kind {
                Kind::Event => kb.events[e.idx]
                    .part_of_id
                    .as_deref()
                    .map(|p| ("part_of_id", p)),
                Kind::Actor => kb.actors[e.idx]
                    .appears_in_id
                    .as_deref()
                    .map(|p| ("appears_in_id", p)),
                _ => None,
            };
            if let Some((key, target)) = own.filter(|(_, t)| *t == id) {
                self.problem_in(
                    &mut problems,
                    e,
                    key,
                    format!("`{key}` names `{target}`, the entry itself"),
                    format!("`{key}` désigne `{target}`, l’entrée elle-même"),
                );
            }
        }
        let texts = |entry: EntryRef, key: &str, t: &Text, problems: &mut Vec<Problem>| {
            for (lang, s) in [("French", &t.fr), ("English", &t.en)] {
                if s.trim().is_empty() {
                    let en = format!("`{key}` has an empty {lang} text");
                    let fr = format!("`{key}` a un texte {} vide", lang_fr(lang));
                    // A draft leaves its English for a person to write.
                    if lang == "English" {
                        self.todo_in(problems, entry, key, en, fr);
                    } else {
                        self.problem_in(problems, entry, key, en, fr);
                    }
                }
            }
        };
        for (idx, s) in kb.sections.iter().enumerate() {
            let e = EntryRef {
                kind: Kind::Section,
                idx,
            };
            texts(e, "title", &s.title, &mut problems);
        }
        for (idx, s) in kb.sources.iter().enumerate() {
            let e = EntryRef {
                kind: Kind::Source,
                idx,
            };
            texts(e, "name", &s.name, &mut problems);
            if let Some(d) = &s.date {
                texts(e, "date", d, &mut problems);
            }
            if let Some(d) = s.date_iso.as_deref().filter(|d| !is_iso_partial(d)) {
                self.problem_in(
                    &mut problems,
                    e,
                    "date_iso",
                    format!("`date_iso` must be written YYYY, YYYY-MM or YYYY-MM-DD, not `{d}`"),
                    format!("`date_iso` s’écrit AAAA, AAAA-MM ou AAAA-MM-JJ, pas `{d}`"),
                );
            }
        }
        for (idx, t) in kb.topics.iter().enumerate() {
            texts(
                EntryRef {
                    kind: Kind::Topic,
                    idx,
                },
                "name",
                &t.name,
                &mut problems,
            );
        }
        for (idx, g) in kb.groups.iter().enumerate() {
            let e = EntryRef {
                kind: Kind::Group,
                idx,
            };
            texts(e, "name", &g.name, &mut problems);
        }
        for (idx, f) in kb.figures.iter().enumerate() {
            let e = EntryRef {
                kind: Kind::Figure,
                idx,
            };
            if !f.value.is_finite() {
                self.problem_in(
                    &mut problems,
                    e,
                    "value",
                    format!("`value` must be a finite number, not {}", f.value),
                    format!("`value` doit être un nombre fini, pas {}", f.value),
                );
            } else if f.value.abs() > MAX_EXACT {
                self.problem_in(
                    &mut problems,
                    e,
                    "value",
                    "`value` is larger than 2^53 (9007199254740992), beyond which a number is not kept exactly".into(),
                    "`value` dépasse 2^53 (9007199254740992), au-delà duquel un nombre n’est pas gardé exactement".into(),
                );
            }
            let units = UNITS.join(", ");
            if f.unit.is_empty() {
                self.todo_in(
                    &mut problems,
                    e,
                    "unit",
                    format!("`unit` is empty: write one of {units}"),
                    format!("`unit` est vide : écrivez l’une de ces unités : {units}"),
                );
            } else if !UNITS.contains(&f.unit.as_ref()) {
                self.problem_in(
                    &mut problems,
                    e,
                    "unit",
                    format!("unknown unit `{}`, expected one of {units}", f.unit),
                    format!("unité inconnue `{}` ; unités possibles : {units}", f.unit),
                );
            }
            for (key, t) in [
                ("magnitude", &f.magnitude),
                ("label", &f.label),
                ("text", &f.text),
            ] {
                texts(e, key, t, &mut problems);
            }
            for (key, t) in [
                ("qualifier", &f.qualifier),
                ("period", &f.period),
                ("stated", &f.stated),
            ] {
                if let Some(t) = t {
                    texts(e, key, t, &mut problems);
                }
            }
            if let Some(q) = &f.qualifier {
                for (lang, q, m) in [
                    ("French", &q.fr, &f.magnitude.fr),
                    ("English", &q.en, &f.magnitude.en),
                ] {
                    let (q, m) = (q.trim().to_lowercase(), m.to_lowercase());
                    if !q.is_empty() && m.contains(&q) {
                        self.problem_in(
                            &mut problems,
                            e,
                            "magnitude",
                            format!("the {lang} `magnitude` repeats the qualifier `{q}`: the magnitude is the bare amount"),
                            format!("le texte {} de `magnitude` répète la précision `{q}` : `magnitude` est le montant seul", lang_fr(lang)),
                        );
                    }
                }
            }
            if let Some(p) = f.period_iso.as_deref().filter(|p| !is_iso_partial(p)) {
                self.problem_in(
                    &mut problems,
                    e,
                    "period_iso",
                    format!("`period_iso` must be written YYYY, YYYY-MM or YYYY-MM-DD, not `{p}`"),
                    format!("`period_iso` s’écrit AAAA, AAAA-MM ou AAAA-MM-JJ, pas `{p}`"),
                );
            }
            match (&f.qualifier_code, &f.qualifier) {
                (Some(c), _) if !QUALIFIER_CODES.contains(&c.as_ref()) => {
                    let codes = QUALIFIER_CODES.join(", ");
                    self.problem_in(
                        &mut problems,
                        e,
                        "qualifier_code",
                        format!("unknown qualifier code `{c}`, expected one of {codes}"),
                        format!("code de précision inconnu `{c}` ; codes possibles : {codes}"),
                    );
                }
                (Some(_), None) => self.problem_in(
                    &mut problems,
                    e,
                    "qualifier_code",
                    "`qualifier_code` without a `qualifier`".into(),
                    "`qualifier_code` sans `qualifier`".into(),
                ),
                _ => {}
            }
        }
        for (idx, l) in kb.lists.iter().enumerate() {
            let e = EntryRef {
                kind: Kind::List,
                idx,
            };
            texts(e, "title", &l.title, &mut problems);
            if l.items.is_empty() {
                self.problem_in(
                    &mut problems,
                    e,
                    "items",
                    format!("list `{}` has no items", l.id),
                    format!("la liste `{}` n’a aucun élément", l.id),
                );
            }
            for item in l.items.iter() {
                texts(e, "text", &item.text, &mut problems);
                if let Some(d) = &item.detail {
                    texts(e, "detail", d, &mut problems);
                }
                for r in item.ref_ids.iter() {
                    refer(e, "ref_ids", r, None, &mut problems);
                }
            }
        }
        for (idx, a) in kb.actors.iter().enumerate() {
            let e = EntryRef {
                kind: Kind::Actor,
                idx,
            };
            texts(e, "name", &a.name, &mut problems);
            if let Some(code) = &a.code {
                if code.trim().is_empty() {
                    self.problem_in(
                        &mut problems,
                        e,
                        "code",
                        "`code` is empty: leave it out where there is none".into(),
                        "`code` est vide : retirez la clé quand il n’y en a pas".into(),
                    );
                }
            }
            if let Some(r) = &a.role {
                texts(e, "role", r, &mut problems);
            }
            for r in a.related.iter() {
                texts(e, "related", r, &mut problems);
            }
        }
        for (idx, ev) in kb.events.iter().enumerate() {
            let e = EntryRef {
                kind: Kind::Event,
                idx,
            };
            for (key, t) in [
                ("name", &ev.name),
                ("place", &ev.place),
                ("description", &ev.description),
            ] {
                texts(e, key, t, &mut problems);
            }
            if let Some(c) = &ev.co_chair {
                texts(e, "co_chair", c, &mut problems);
            }
            for (key, d) in [("start", &ev.start), ("end", &ev.end)] {
                if let Some(d) = d.as_deref().filter(|d| !is_date(d)) {
                    self.problem_in(
                        &mut problems,
                        e,
                        key,
                        format!("`{key}` must be a date written YYYY-MM-DD, not `{d}`"),
                        format!("`{key}` doit être une date écrite AAAA-MM-JJ, pas `{d}`"),
                    );
                }
            }
            if let (Some(start), Some(end)) = (&ev.start, &ev.end) {
                if is_date(start) && is_date(end) && end < start {
                    self.problem_in(
                        &mut problems,
                        e,
                        "end",
                        format!("`end` ({end}) is before `start` ({start})"),
                        format!("`end` ({end}) précède `start` ({start})"),
                    );
                }
            }
        }
        self.check_cycles(&seen, &mut problems);
        (problems, shared)
    }

    /// Parent chains (sections, actors) and `under_id` chains (figures) must end.
    fn check_cycles(&self, seen: &HashMap<&str, EntryRef>, problems: &mut Vec<Problem>) {
        let kb = &self.kb;
        let parent = |e: EntryRef| -> Option<&str> {
            match e.kind {
                Kind::Section => kb.sections[e.idx].parent_id.as_deref(),
                Kind::Actor => kb.actors[e.idx].parent_id.as_deref(),
                Kind::Figure => kb.figures[e.idx].under_id.as_deref(),
                _ => None,
            }
        };
        let mut reported: HashSet<EntryRef> = HashSet::new();
        for (id, start) in kb.ids() {
            let mut chain = vec![id];
            let mut cur = start;
            let mut ended = false;
            loop {
                let Some(p) = parent(cur) else {
                    ended = true;
                    break;
                };
                let Some(&next) = seen.get(p) else { break };
                if next.kind != start.kind {
                    break;
                }
                chain.push(p);
                if next == start {
                    if chain
                        .iter()
                        .all(|c| seen.get(c).is_none_or(|e| !reported.contains(e)))
                    {
                        let key = if start.kind == Kind::Figure {
                            "under_id"
                        } else {
                            "parent_id"
                        };
                        let cycle = chain.join(" → ");
                        self.problem_in(
                            problems,
                            start,
                            key,
                            format!("`{key}` makes a cycle: {cycle}"),
                            format!("`{key}` forme un cycle : {cycle}"),
                        );
                        reported.extend(chain.iter().filter_map(|c| seen.get(c).copied()));
                    }
                    break;
                }
                if chain.len() > kb.count(start.kind) + 1 {
                    break; // a cycle further up, reported from its own members
                }
                cur = next;
            }
            // The map of actors draws each chain of parents as a tree: one that would
            // be cut is refused, reported once, at the first actor too deep.
            if ended && start.kind == Kind::Actor && chain.len() == MAX_DEPTH + 2 {
                let (levels, top) = (chain.len() - 1, chain[chain.len() - 1]);
                self.problem_in(
                    problems,
                    start,
                    "parent_id",
                    format!(
                        "`{id}` is {levels} levels under `{top}`: a chain of parents is at most {MAX_DEPTH} long"
                    ),
                    format!(
                        "`{id}` est {levels} niveaux sous `{top}` : une chaîne de rattachements compte au plus {MAX_DEPTH} niveaux"
                    ),
                );
            }
        }
    }
}

/// "French" or "English" in French.
fn lang_fr(lang: &str) -> &'static str {
    if lang == "French" {
        "français"
    } else {
        "anglais"
    }
}

/// The TOML parser's words in French: every message it gives (`toml_parser`, then
/// `toml` while it builds the tables, then `toml_datetime`); the kinds of value a
/// dotted key cannot extend; and what it says it expected. Code (`=`, `]]`,
/// `true`) is not translated: it is what to write.
const SYNTAX_FR: &[(&str, &str)] = &[
    // What is wrong.
    (
        "`_` may only go between digits",
        "`_` ne peut se trouver qu’entre deux chiffres",
    ),
    (
        "cannot recurse further; max recursion depth met",
        "imbrication trop profonde : la profondeur maximale est atteinte",
    ),
    (
        "carriage return must be followed by newline",
        "un retour chariot doit être suivi d’une fin de ligne",
    ),
    (
        "could not allocate for string",
        "mémoire insuffisante pour la chaîne",
    ),
    ("duplicate key", "clé en double"),
    ("extra `=`", "`=` en trop"),
    (
        "extra assignment between key-value pairs",
        "`=` en trop entre les paires clé-valeur",
    ),
    ("extra comma in array", "virgule en trop dans le tableau"),
    (
        "extra comma in inline table",
        "virgule en trop dans la table en ligne",
    ),
    (
        "integers with a radix cannot be signed",
        "un entier écrit dans une autre base (0x, 0o, 0b) ne peut pas avoir de signe",
    ),
    ("invalid basic string", "chaîne basique invalide"),
    ("invalid binary number", "nombre binaire invalide"),
    ("invalid boolean", "booléen invalide"),
    (
        "invalid comment character",
        "caractère invalide dans un commentaire",
    ),
    ("invalid date", "date invalide"),
    ("invalid date-time", "date-heure invalide"),
    ("invalid datetime", "date-heure invalide"),
    ("invalid exponent", "exposant invalide"),
    ("invalid float", "nombre à virgule invalide"),
    ("invalid fraction", "partie décimale invalide"),
    ("invalid hexadecimal number", "nombre hexadécimal invalide"),
    (
        "invalid inline table element",
        "élément de table en ligne invalide",
    ),
    ("invalid integer number", "nombre entier invalide"),
    ("invalid key", "clé invalide"),
    ("invalid key-value pair", "paire clé-valeur invalide"),
    ("invalid literal string", "chaîne littérale invalide"),
    ("invalid mantissa", "mantisse invalide"),
    (
        "invalid multi-line basic string",
        "chaîne basique multiligne invalide",
    ),
    (
        "invalid multi-line literal string",
        "chaîne littérale multiligne invalide",
    ),
    ("invalid octal number", "nombre octal invalide"),
    ("invalid offset", "décalage horaire invalide"),
    ("invalid string", "chaîne invalide"),
    ("invalid table", "en-tête de table invalide"),
    ("invalid time", "heure invalide"),
    ("invalid unquoted key", "clé sans guillemets invalide"),
    ("invalid value", "valeur invalide"),
    ("key with no value", "clé sans valeur"),
    (
        "keys cannot be multi-line basic strings",
        "une clé ne peut pas être une chaîne basique multiligne",
    ),
    (
        "keys cannot be multi-line literal strings",
        "une clé ne peut pas être une chaîne littérale multiligne",
    ),
    ("missing array opening", "ouverture de tableau manquante"),
    (
        "missing assignment between key-value pairs",
        "signe `=` manquant entre la clé et la valeur",
    ),
    (
        "missing comma between array elements",
        "virgule manquante entre les éléments du tableau",
    ),
    (
        "missing comma between key-value pairs",
        "virgule manquante entre les paires clé-valeur",
    ),
    ("missing comment start", "début de commentaire manquant"),
    ("missing escaped value", "séquence d’échappement manquante"),
    (
        "missing inline table opening",
        "ouverture de table en ligne manquante",
    ),
    (
        "missing key for inline table element",
        "clé manquante pour un élément de table en ligne",
    ),
    ("missing opening quote", "guillemet ouvrant manquant"),
    ("missing table open", "ouverture de table manquante"),
    ("missing value", "valeur manquante"),
    ("missing value for key", "valeur manquante pour la clé"),
    (
        "radix must be lowercase",
        "le préfixe de base s’écrit en minuscules",
    ),
    ("recursion limit", "limite d’imbrication atteinte"),
    (
        "redundant integer number prefix",
        "préfixe de nombre entier superflu",
    ),
    ("redundant numeric sign", "signe superflu"),
    (
        "string values must be quoted",
        "les chaînes s’écrivent entre guillemets",
    ),
    (
        "too few unicode value digits",
        "trop peu de chiffres pour un code Unicode",
    ),
    ("unclosed array", "tableau non fermé"),
    ("unclosed array table", "tableau de tables non fermé"),
    ("unclosed inline table", "table en ligne non fermée"),
    ("unclosed table", "table non fermée"),
    ("unexpected `=` in array", "`=` inattendu dans un tableau"),
    ("unexpected content", "contenu inattendu"),
    (
        "unexpected content between comment and newline",
        "contenu inattendu entre le commentaire et la fin de ligne",
    ),
    ("unexpected key or value", "clé ou valeur inattendue"),
    ("unexpected leading zero", "zéro initial inattendu"),
    ("unexpected sign", "signe inattendu"),
    (
        "unquoted keys cannot be empty",
        "une clé sans guillemets ne peut pas être vide",
    ),
    // The kinds of value a dotted key cannot extend.
    ("array", "tableau"),
    ("boolean", "booléen"),
    ("datetime", "date-heure"),
    ("float", "nombre à virgule"),
    ("inline table", "table en ligne"),
    ("integer", "nombre entier"),
    ("string", "chaîne"),
    ("table", "table"),
    // What was expected.
    ("basic string", "chaîne basique"),
    ("characters", "caractères"),
    ("digits", "chiffres"),
    ("key", "clé"),
    ("letters", "lettres"),
    ("literal string", "chaîne littérale"),
    ("multi-line basic string", "chaîne basique multiligne"),
    ("newline", "fin de ligne"),
    (
        "non-double-quote visible characters",
        "caractères visibles autres que `\"`",
    ),
    ("non-single-quote characters", "caractères autres que `'`"),
    (
        "non-single-quote visible characters",
        "caractères visibles autres que `'`",
    ),
    ("nothing", "rien"),
    ("numbers", "chiffres"),
    ("printable characters", "caractères imprimables"),
    ("unicode hexadecimal value", "code Unicode hexadécimal"),
    ("unquoted string", "chaîne sans guillemets"),
    ("value", "valeur"),
    // What a date or a time was expected to hold.
    ("`-` (MM-DD)", "`-` (MM-JJ)"),
    (
        "`-` (YYYY-MM) or `:` (HH:MM)",
        "`-` (AAAA-MM) ou `:` (HH:MM)",
    ),
    ("`T` between date and time", "`T` entre la date et l’heure"),
    ("+OFFSET", "+DÉCALAGE"),
    ("-OFFSET", "-DÉCALAGE"),
    (
        "a four-digit year (YYYY)",
        "une année en quatre chiffres (AAAA)",
    ),
    ("a two-digit day (DD)", "un jour en deux chiffres (JJ)"),
    ("a two-digit hour (HH)", "une heure en deux chiffres (HH)"),
    (
        "a two-digit minute (MM)",
        "des minutes en deux chiffres (MM)",
    ),
    ("a two-digit month (MM)", "un mois en deux chiffres (MM)"),
    (
        "a two-digit second (SS)",
        "des secondes en deux chiffres (SS)",
    ),
    ("day", "jour"),
    ("day between 01 and 28", "jour entre 01 et 28"),
    ("day between 01 and 29", "jour entre 01 et 29"),
    ("day between 01 and 30", "jour entre 01 et 30"),
    ("day between 01 and 31", "jour entre 01 et 31"),
    ("hour", "heure"),
    ("hour between 00 and 23", "heure entre 00 et 23"),
    ("hours between 00 and 23", "heures entre 00 et 23"),
    ("minute", "minute"),
    ("minute between 00 and 59", "minute entre 00 et 59"),
    ("minutes between 00 and 59", "minutes entre 00 et 59"),
    ("month", "mois"),
    ("month between 01 and 12", "mois entre 01 et 12"),
    ("nanosecond", "nanosecondes"),
    (
        "nanoseconds overflowed",
        "nanosecondes sans dépassement de capacité",
    ),
    ("second", "seconde"),
    ("second between 00 and 60", "seconde entre 00 et 60"),
    ("year or hour", "année ou heure"),
];

/// A TOML syntax error in French: what is wrong, then what was expected, each
/// item of it in French; words the table does not know stay the parser's.
fn syntax_fr(message: &str) -> String {
    let fr = |en: &str| -> String {
        SYNTAX_FR
            .iter()
            .find(|(e, _)| *e == en)
            .map_or(en, |(_, fr)| *fr)
            .to_string()
    };
    let (head, expected) = match message.split_once(", expected ") {
        Some((h, e)) => (h, Some(e)),
        None => (message.trim_end(), None),
    };
    let head = head.trim();
    // The one message with a word of its own: the kind of the value.
    let kind = head
        .strip_prefix("cannot extend value of type ")
        .and_then(|h| h.strip_suffix(" with a dotted key"));
    let said = match kind {
        Some(kind) => format!(
            "une clé pointée ne peut pas prolonger une valeur de type {}",
            fr(kind)
        ),
        None => fr(head),
    };
    match expected {
        Some(e) => {
            let items: Vec<String> = e.trim().split(", ").map(fr).collect();
            format!(
                "erreur de syntaxe TOML : {said} ; attendu : {}",
                items.join(", ")
            )
        }
        None => format!("erreur de syntaxe TOML : {said}"),
    }
}

/// The largest whole number a figure's value keeps exactly (2^53): JSON and CSV
/// write values up to it as integers.
pub const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// The longest chain of parents an actor may have: the map of actors draws them as
/// trees, and no deeper.
pub const MAX_DEPTH: usize = 32;

/// What is wrong with `key` naming `target`, in English and French: no entry has
/// that id, or one of another kind than `want` (any kind will do when `want` is
/// `None`).
fn reference(
    key: &str,
    target: &str,
    found: Option<Kind>,
    want: Option<Kind>,
) -> Option<(String, String)> {
    match (found, want) {
        (None, _) => {
            let what = want.map_or("entry", Kind::name);
            let what_fr = want.map_or("aucune entrée", |w| {
                if w.a_fr().starts_with("une") {
                    "aucune"
                } else {
                    "aucun"
                }
            });
            let none = match want {
                Some(w) => format!("{what_fr} {}", w.name_fr()),
                None => what_fr.to_string(),
            };
            Some((
                format!("`{key}` names `{target}`, but there is no {what} with that id"),
                format!("`{key}` désigne `{target}`, mais {none} n’a cet identifiant"),
            ))
        }
        (Some(k), Some(w)) if k != w => Some((
            format!(
                "`{key}` names `{target}`, which is {} {}, not {} {}",
                article(k.name()),
                k.name(),
                article(w.name()),
                w.name()
            ),
            format!(
                "`{key}` désigne `{target}`, qui est {}, pas {}",
                k.a_fr(),
                w.a_fr()
            ),
        )),
        _ => None,
    }
}

/// Problems in the order of the files, then of their lines.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
}

fn decode<T: DeserializeOwned>(value: toml::Spanned<DeValue<'_>>) -> Result<T, toml::de::Error> {
    T::deserialize(ValueDeserializer::from(value))
}

/// Why an id is malformed, if it is, in English and French.
fn bad_id(id: &str) -> Option<(&'static str, &'static str)> {
    if id.is_empty() {
        Some(("is empty", "est vide"))
    } else if id.len() > 64 {
        Some(("is longer than 64 characters", "dépasse 64 caractères"))
    } else if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        Some((
            "must start with a lowercase letter",
            "doit commencer par une lettre minuscule",
        ))
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Some((
            "may hold only lowercase letters, digits and `-`",
            "ne peut contenir que des minuscules, des chiffres et `-`",
        ))
    } else {
        None
    }
}

/// True for a real calendar date written `YYYY-MM-DD`.
/// "a" or "an", for a kind's name.
fn article(name: &str) -> &'static str {
    if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// An ISO 8601 date as precise as a source gives it: `2023`, `2023-07` or `2023-07-14`.
fn is_iso_partial(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => {
            digits(0..4)
                && b[4] == b'-'
                && s[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        }
        _ => is_date(s),
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
}

/// Where an entry that starts at `start` ends: at the next table header that is
/// not one of its own sub-tables (`[[lists.items]]` belongs to its list).
fn entry_end(text: &str, start: usize, table: &str) -> usize {
    let own = [format!("[[{table}."), format!("[{table}.")];
    let mut at = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let line = text[at..line_end].trim_start();
        if line.starts_with('[') && !own.iter().any(|o| line.starts_with(o.as_str())) {
            return at;
        }
        at = line_end;
    }
    text.len()
}

/// Where `key = ` stands inside `span` of `text`.
fn find_key(text: &str, span: &Range<usize>, key: &str) -> Option<usize> {
    let slice = text.get(span.clone())?;
    let mut from = 0;
    while let Some(i) = slice[from..].find(key) {
        let at = from + i;
        let before = slice[..at].chars().next_back();
        let after = slice[at + key.len()..].trim_start_matches([' ', '\t']);
        if before.is_none_or(|c| c.is_whitespace() || c == '{' || c == ',')
            && after.starts_with('=')
        {
            return Some(span.start + at);
        }
        from = at + key.len();
    }
    None
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let mut ws = Workspace::default();
        let mut p = ws.add_file("kb.toml", text.to_string());
        p.extend(ws.check());
        sort(&mut p);
        p.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn dates() {
        assert!(is_date("2025-02-06"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2025-02-29"));
        assert!(!is_date("2025-13-01"));
        assert!(!is_date("25-02-06"));
    }

    #[test]
    fn reports_syntax_error_with_position() {
        let p = problems("[[topics]]\nid = \n");
        assert_eq!(p.len(), 1, "{p:#?}");
        assert!(p[0].starts_with("kb.toml:2:"), "{p:#?}");
    }

    #[test]
    fn reports_every_problem() {
        let p = problems(
            "[[topics]]\nid = \"t\"\nname = { fr = \"\", en = \"x\" }\n\n[[topics]]\nid = \"t\"\nname = { fr = \"a\", en = \"b\" }\nextra = 1\n\n[[groups]]\nid = \"Bad\"\nname = { fr = \"a\" }\n",
        );
        assert_eq!(
            p,
            vec![
                "kb.toml:3:1: `name` has an empty French text".to_string(),
                "kb.toml:6:1: duplicate id `t`: a topic at kb.toml:1 and a different topic at kb.toml:5"
                    .to_string(),
                "kb.toml:8:1: in topic `t`: unknown key `extra`, expected one of `id`, `name`, `quote`"
                    .to_string(),
                "kb.toml:11:1: group id `Bad` must start with a lowercase letter".to_string(),
                "kb.toml:12:8: in group `Bad`: `name` has no English text (`en`): write name = { fr = \"…\", en = \"…\" }"
                    .to_string(),
            ]
        );
    }

    #[test]
    fn no_blank_quote_ministry_code_or_alias_and_no_entry_part_of_itself() {
        let p = problems(concat!(
            "[memo]\ntitle = { fr = \"t\", en = \"t\" }\nseries = { fr = \"s\", en = \"s\" }\n",
            "publisher = { fr = \"p\", en = \"p\" }\nministry = { fr = \" \", en = \"M\" }\n\n",
            "[[sections]]\nid = \"s\"\ntitle = { fr = \"s\", en = \"s\" }\nquote = \"  \"\n\n",
            "[[events]]\nid = \"e\"\nname = { fr = \"e\", en = \"e\" }\nplace = { fr = \"p\", en = \"p\" }\n",
            "description = { fr = \"d\", en = \"d\" }\nsection_id = \"s\"\npart_of_id = \"e\"\n",
        ));
        assert_eq!(
            p,
            vec![
                "kb.toml:1:1: [memo] `ministry` has an empty French text".to_string(),
                "kb.toml:10:1: `quote` is empty: quote the memo's words, or leave the key out"
                    .to_string(),
                "kb.toml:18:1: `part_of_id` names `e`, the entry itself".to_string(),
            ]
        );
    }

    #[test]
    fn in_a_draft_an_empty_english_text_or_unit_is_a_to_do() {
        let entries = "[[sections]]\nid = \"s\"\ntitle = { fr = \"Titre\", en = \"\" }\n[[sources]]\nid = \"src\"\nname = { fr = \"\", en = \"\" }\n[[topics]]\nid = \"t\"\nname = { fr = \"t\", en = \"t\" }\n[[figures]]\nid = \"f\"\ntopic_id = \"t\"\nvalue = 3\nunit = \"\"\nmagnitude = { fr = \"3 mots\", en = \"\" }\nlabel = { fr = \"l\", en = \"l\" }\ntext = { fr = \"x\", en = \"x\" }\nsource_id = \"src\"\nsection_id = \"s\"\n";
        let check = |text: String| {
            let mut ws = Workspace::default();
            let mut p = ws.add_file("kb.toml", text);
            p.extend(ws.check());
            sort(&mut p);
            p.iter()
                .map(|p| (p.to_string(), p.todo))
                .collect::<Vec<_>>()
        };
        let draft = check(format!("{DRAFT_MARKER}: from memo.txt\n{entries}"));
        let plain = check(entries.to_string());
        let todo = |p: &[(String, bool)]| p.iter().filter(|p| p.1).count();
        assert_eq!(draft.len(), 5, "{draft:#?}");
        assert_eq!(todo(&draft), 4, "{draft:#?}");
        // A French side left empty stays an error, in a draft too.
        assert!(draft
            .iter()
            .any(|p| !p.1 && p.0.ends_with("`name` has an empty French text")));
        assert!(draft.iter().any(|p| p.1 && p.0 == "kb.toml:15:1: `unit` is empty: write one of EUR, USD, percent, GW, cl, times, people, countries, signatories, governments, partners, companies, events, deliverables, states, actors, endorsers"));
        // Without the marker, the same fields are errors.
        assert_eq!(plain.len(), 5);
        assert_eq!(todo(&plain), 0);
    }

    #[test]
    fn a_value_beyond_2_53_is_refused() {
        let figure = |value: &str| {
            problems(&format!(
                "[[sections]]\nid = \"s\"\ntitle = {{ fr = \"s\", en = \"s\" }}\n[[sources]]\nid = \"src\"\nname = {{ fr = \"s\", en = \"s\" }}\n[[topics]]\nid = \"t\"\nname = {{ fr = \"t\", en = \"t\" }}\n[[figures]]\nid = \"f\"\ntopic_id = \"t\"\nvalue = {value}\nunit = \"EUR\"\nmagnitude = {{ fr = \"1\", en = \"1\" }}\nlabel = {{ fr = \"l\", en = \"l\" }}\ntext = {{ fr = \"x\", en = \"x\" }}\nsource_id = \"src\"\nsection_id = \"s\"\n"
            ))
        };
        assert_eq!(figure("9007199254740992"), Vec::<String>::new());
        assert_eq!(figure("-9007199254740992"), Vec::<String>::new());
        // A whole number just beyond would be read rounded, and `1e999` as no number.
        for value in [
            "9007199254740993",
            "-9007199254740993",
            "123456789012345678",
            "1e999",
            "1_000e999",
        ] {
            assert_eq!(
                figure(value),
                ["kb.toml:13:9: in figure `f`: `value` is too large a number: at most 2^53 (9007199254740992) is kept exactly"],
                "{value}"
            );
        }
        assert_eq!(
            figure("1.5e17"),
            ["kb.toml:13:1: `value` is larger than 2^53 (9007199254740992), beyond which a number is not kept exactly"]
        );
    }

    #[test]
    fn a_value_of_the_wrong_type_says_what_to_write() {
        let event = |start: &str, name: &str| {
            problems(&format!(
                "[[sections]]\nid = \"s\"\ntitle = {{ fr = \"s\", en = \"s\" }}\n\n[[events]]\nid = \"ev\"\nname = {name}\nplace = {{ fr = \"a\", en = \"b\" }}\ndescription = {{ fr = \"a\", en = \"b\" }}\nsection_id = \"s\"\nstart = {start}\n"
            ))
        };
        let text = "{ fr = \"a\", en = \"b\" }";
        assert_eq!(
            event("2025-02-06", text),
            ["kb.toml:11:9: in event `ev`: `start` must be a quoted string, not an unquoted date: write start = \"2025-02-06\""]
        );
        assert_eq!(
            event("\"2025-02-06\"", "\"plain\""),
            ["kb.toml:7:8: in event `ev`: `name` must be a text in both languages, not a string: write name = { fr = \"…\", en = \"…\" }"]
        );
        assert_eq!(
            event("\"2025-02-06\"", "2025-02-06"),
            ["kb.toml:7:8: in event `ev`: `name` must be a text in both languages, not an unquoted date: write name = { fr = \"…\", en = \"…\" }"]
        );
        // No word of serde's is left: what to write, never what it expected.
        for p in event("[1]", "3")
            .iter()
            .chain(&event("{ a = 1 }", "[\"x\"]"))
        {
            for serde in [
                "expected a sequence",
                "invalid type",
                "expected struct",
                "expected f64",
            ] {
                assert!(!p.contains(serde), "{p}");
            }
            assert!(p.contains(": write "), "{p}");
        }
    }

    #[test]
    fn every_missing_and_wrong_key_of_an_entry_at_once() {
        let p = problems(concat!(
            "[[sections]]\nid = \"s\"\ntitle = { fr = \"s\", en = \"s\" }\n",
            "[[sources]]\nid = \"src\"\nname = { fr = \"s\", en = \"s\" }\n",
            "[[figures]]\nid = \"f\"\nmagnitude = { fr = \"1\", en = \"1\" }\n",
            "label = { fr = \"l\", en = \"l\" }\ntext = { fr = \"x\", en = \"\" }\n",
            "source_id = \"src\"\nsection_id = \"s\"\nperiod_iso = \"27\"\nheadline = \"yes\"\n",
            "[[figures]]\nid = \"g\"\ntopic_id = \"nowhere\"\nvalue = \"27\"\nunit = \"EURO\"\n",
            "magnitude = { fr = \"1\", en = \"1\" }\nlabel = { fr = \"l\", en = \"l\" }\n",
            "text = { fr = \"x\", en = \"x\" }\nsource_id = \"src\"\nsection_id = \"s\"\n",
        ));
        assert_eq!(
            p,
            [
                "kb.toml:7:1: in figure `f`: missing key `topic_id`: write topic_id = \"…\"",
                "kb.toml:7:1: in figure `f`: missing key `value`: write value = 27",
                "kb.toml:7:1: in figure `f`: missing key `unit`: write unit = \"…\"",
                "kb.toml:11:1: `text` has an empty English text",
                "kb.toml:14:1: `period_iso` must be written YYYY, YYYY-MM or YYYY-MM-DD, not `27`",
                "kb.toml:15:12: in figure `f`: `headline` must be true or false, not a string: write headline = true",
                "kb.toml:18:1: `topic_id` names `nowhere`, but there is no topic with that id",
                "kb.toml:19:9: in figure `g`: `value` must be a number, unquoted, not a string: write value = 27",
                "kb.toml:20:1: unknown unit `EURO`, expected one of EUR, USD, percent, GW, cl, times, people, countries, signatories, governments, partners, companies, events, deliverables, states, actors, endorsers",
            ]
        );
    }

    #[test]
    fn a_number_beyond_64_bits_and_an_item_of_a_text_array_say_what_to_write() {
        let p = problems(concat!(
            "[[actors]]\nid = \"a\"\nname = { fr = \"a\", en = \"a\" }\ngroup_id = \"g\"\n",
            "section_id = \"s\"\nrelated = [\"x\", { fr = \"y\" }]\n",
            "[[figures]]\nid = \"f\"\nvalue = 99999999999999999999\n",
        ));
        for line in [
            "kb.toml:6:12: in actor `a`: item 1 of `related` must be a text in both languages, not a string: write related = [{ fr = \"…\", en = \"…\" }]",
            "kb.toml:6:17: in actor `a`: item 2 of `related` has no English text (`en`): write related = [{ fr = \"…\", en = \"…\" }]",
            "kb.toml:9:9: in figure `f`: `value` is too large a number: at most 2^53 (9007199254740992) is kept exactly",
        ] {
            assert!(p.contains(&line.to_string()), "{line}\n{p:#?}");
        }
        assert!(
            p.iter()
                .all(|p| !p.contains("i128") && !p.contains("expected f64")),
            "{p:#?}"
        );
    }

    #[test]
    fn toml_syntax_errors_are_said_in_french_word_for_word() {
        // One broken text for each family of the parser's messages.
        let deep = format!("a = {}{}\n", "[".repeat(200), "]".repeat(200));
        let broken = [
            "a = hello\n",
            "a\n",
            "a = [1\n",
            "a = [1 2]\n",
            "a = [1,,2]\n",
            "a = [=]\n",
            "a = { b = 1 c = 2 }\n",
            "a = { b 1 }\n",
            "a = { b = 1,, }\n",
            "a = { b = 1\n",
            "a = { b = 1 ] }\n",
            "a = { ] }\n",
            "[a\n",
            "[[a]\n",
            "[[a\n",
            "]\n",
            "a = ]\n",
            "a = }\n",
            "a = = 1\n",
            ",\n",
            "= 1\n",
            "\"\"\"a\"\"\" = 1\n",
            "'''a''' = 1\n",
            "a = 'abc\n",
            "a = \"abc\n",
            "a = \"a\rb\"\n",
            "a = '''abc\n",
            "a = \"\"\"x\u{7}\"\"\"\n",
            "a = \"\"\"\\ x\"\"\"\n",
            "a = '''x\u{7}'''\n",
            "a = 'x\u{7}'\n",
            "a = \"\\q\"\n",
            "a = \"\\u12\"\n",
            "a = \"\\uD800\"\n",
            "a = 1 # x\u{1}\n",
            "a = 1 \r b\n",
            "a = 1_\n",
            "a = -0x1F\n",
            "a = 0X1F\n",
            "a = 0x+1\n",
            "a = ++1\n",
            "a = 01\n",
            "a = 0xG\n",
            "a = 0o9\n",
            "a = 0b2\n",
            "a = 1e\n",
            "a = 1.e5\n",
            "a = .\n",
            "a = 1.5x\n",
            "a = nan1\n",
            "a = tru\n",
            "a = 1\na = 2\n",
            "[a]\n[a]\n",
            "a = 1\na.b = 2\n",
            "a = [1]\na.b = 2\n",
            "a = {b = 1}\na.c = 2\n",
            "a = 'x'\na.b = 1\n",
            "a = 1.5\na.b = 1\n",
            "a = true\na.b = 1\n",
            "a = 1979-05-27\na.b = 1\n",
            "a = 1979-13-01\n",
            "a = 1979-02-30\n",
            "a = 197-05-27\n",
            "a = 1979-5-27\n",
            "a = 1979-05\n",
            "a = 1979-\n",
            "a = 1979-05-27X07:32:00\n",
            "a = -1979-05-27\n",
            "a = 1979x\n",
            "a = 1979-05-27T25:00:00\n",
            "a = 1979-05-27T07:61:00\n",
            "a = 1979-05-27T07:32:61\n",
            "a = 1979-05-27T07:32:00.\n",
            "a = 1979-05-27T\n",
            "a = 07:3:00\n",
            "a = 07:32:0\n",
            "a = 07:\n",
            "a = 07:32:\n",
            "a = 1979-05-27T07:32:00Q\n",
            "a = 1979-05-27T07:32:00+\n",
            "a = 1979-05-27T07:32:00+07\n",
            "a = 1979-05-27T07:32:00+25:00\n",
            "a = 1979-05-27T07:32:00+07:60\n",
            "a = 1979-05-27T07:32:00+7:00\n",
            &deep,
        ];
        // The parser's English words, none of which is French (it writes them in
        // lowercase; `Unicode` is French too).
        let english = [
            "and",
            "array",
            "assignment",
            "be",
            "between",
            "boolean",
            "cannot",
            "character",
            "characters",
            "comma",
            "comment",
            "day",
            "digit",
            "digits",
            "dotted",
            "duplicate",
            "element",
            "empty",
            "escaped",
            "expected",
            "extend",
            "extra",
            "few",
            "float",
            "followed",
            "for",
            "four",
            "go",
            "hexadecimal",
            "hour",
            "hours",
            "in",
            "inline",
            "integer",
            "integers",
            "invalid",
            "key",
            "keys",
            "leading",
            "letters",
            "line",
            "lowercase",
            "max",
            "may",
            "met",
            "missing",
            "month",
            "must",
            "newline",
            "no",
            "single",
            "nothing",
            "number",
            "numbers",
            "numeric",
            "of",
            "offset",
            "only",
            "open",
            "opening",
            "or",
            "pair",
            "pairs",
            "printable",
            "quote",
            "quoted",
            "radix",
            "recurse",
            "recursion",
            "redundant",
            "return",
            "second",
            "sign",
            "signed",
            "start",
            "string",
            "strings",
            "the",
            "time",
            "too",
            "two",
            "unclosed",
            "unexpected",
            "unicode",
            "unquoted",
            "value",
            "values",
            "visible",
            "with",
            "year",
            "zero",
        ];
        let mut said = HashSet::new();
        for text in broken {
            let mut ws = Workspace::default();
            let problems = ws.add_file("kb.toml", text.to_string());
            assert!(!problems.is_empty(), "{text:?}");
            for p in problems {
                let english_message = p.message.clone();
                let fr = p.in_french().message;
                assert!(fr.starts_with("erreur de syntaxe TOML : "), "{fr}");
                let left: Vec<&str> = fr
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| english.contains(w))
                    .collect();
                assert!(
                    left.is_empty(),
                    "{text:?}: {english_message}\n{fr}\nstill English: {left:?}"
                );
                said.insert(english_message);
            }
        }
        assert!(said.len() >= 60, "{} messages: {said:#?}", said.len());
        let fr = |text: &str| -> Vec<String> {
            let mut ws = Workspace::default();
            let p = ws.add_file("kb.toml", text.to_string());
            p.into_iter().map(|p| p.in_french().to_string()).collect()
        };
        assert_eq!(
            fr("a = [1\n"),
            ["kb.toml:1:7: erreur de syntaxe TOML : tableau non fermé ; attendu : `]`"]
        );
        assert_eq!(
            fr("a = 1\na.b = 2\n"),
            ["kb.toml:2:1: erreur de syntaxe TOML : une clé pointée ne peut pas prolonger une valeur de type nombre entier"]
        );
        assert_eq!(
            fr("= 1\n"),
            ["kb.toml:1:1: erreur de syntaxe TOML : une clé sans guillemets ne peut pas être vide ; attendu : lettres, chiffres, `-`, `_`"]
        );
        assert_eq!(
            fr("a = 1979-02-30\n"),
            ["kb.toml:1:5: erreur de syntaxe TOML : date invalide ; attendu : jour entre 01 et 28"]
        );
    }

    #[test]
    fn problems_are_said_in_french_too() {
        let mut ws = Workspace::default();
        let text = "[[topics]]\nid = \"T\"\nname = { fr = \"\", en = \"x\" }\n[[groups]]\nid = \"g\"\nname = 3\nsection_id = \"nowhere\"\n[[figures]]\nid = \n";
        let mut p = ws.add_file("kb.toml", text.into());
        p.extend(ws.check());
        let fr: Vec<String> = p.into_iter().map(|p| p.in_french().to_string()).collect();
        assert_eq!(
            fr,
            ["kb.toml:9:6: erreur de syntaxe TOML : les chaînes s’écrivent entre guillemets ; attendu : chaîne littérale"]
        );
        let mut ws = Workspace::default();
        let mut p = ws.add_file("kb.toml", text.replace("[[figures]]\nid = \n", ""));
        p.extend(ws.check());
        sort(&mut p);
        let fr: Vec<String> = p.into_iter().map(|p| p.in_french().to_string()).collect();
        assert_eq!(
            fr,
            [
                "kb.toml:2:1: l’identifiant `T` du thème doit commencer par une lettre minuscule",
                "kb.toml:3:1: `name` a un texte français vide",
                "kb.toml:6:8: dans le groupe `g` : `name` doit être un texte dans les deux langues, pas un nombre entier : écrivez name = { fr = \"…\", en = \"…\" }",
                "kb.toml:7:1: `section_id` désigne `nowhere`, mais aucune partie n’a cet identifiant",
            ]
        );
    }

    #[test]
    fn an_actor_deeper_than_the_map_draws_is_refused_once() {
        let mut text = String::from(
            "[[sections]]\nid = \"s\"\ntitle = { fr = \"s\", en = \"s\" }\n\n[[groups]]\nid = \"g\"\nname = { fr = \"g\", en = \"g\" }\n",
        );
        for i in 0..=MAX_DEPTH + 2 {
            let parent = if i == 0 {
                String::new()
            } else {
                format!("parent_id = \"a{}\"\n", i - 1)
            };
            text.push_str(&format!(
                "\n[[actors]]\nid = \"a{i}\"\nname = {{ fr = \"a\", en = \"a\" }}\ngroup_id = \"g\"\nsection_id = \"s\"\n{parent}"
            ));
        }
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].ends_with("`a33` is 33 levels under `a0`: a chain of parents is at most 32 long"),
            "{p:?}"
        );
        // One level less is a valid map.
        let cut = text
            .split("\n[[actors]]\nid = \"a33\"")
            .next()
            .unwrap_or_default();
        assert_eq!(problems(cut), Vec::<String>::new());
    }

    #[test]
    fn finds_cycles_and_dangling_references() {
        let p = problems(
            "[[sections]]\nid = \"a\"\ntitle = { fr = \"a\", en = \"a\" }\nparent_id = \"b\"\n\n[[sections]]\nid = \"b\"\ntitle = { fr = \"b\", en = \"b\" }\nparent_id = \"a\"\n\n[[groups]]\nid = \"g\"\nname = { fr = \"g\", en = \"g\" }\nsection_id = \"nowhere\"\n",
        );
        assert_eq!(
            p,
            vec![
                "kb.toml:4:1: `parent_id` makes a cycle: a → b → a".to_string(),
                "kb.toml:14:1: `section_id` names `nowhere`, but there is no section with that id"
                    .to_string(),
            ]
        );
    }

    #[test]
    fn a_link_to_an_entry_of_another_kind_or_one_that_could_not_be_read() {
        let p = problems(concat!(
            "[[sections]]\nid = \"s\"\ntitle = { fr = \"s\", en = \"s\" }\n\n",
            "[[groups]]\nid = \"g\"\nname = { fr = \"g\", en = \"g\" }\nsection_id = \"g\"\n\n",
            "[[groups]]\nid = \"h\"\nname = { fr = \"h\", en = \"h\" }\nsection_id = \"broken\"\n\n",
            "[[sections]]\nid = \"broken\"\ntitle = 3\n",
        ));
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(
            p[0],
            "kb.toml:8:1: `section_id` names `g`, which is a group, not a section"
        );
        // `broken` could not be read: its own problem stands, not the link's.
        assert!(p[1].starts_with("kb.toml:17:"), "{p:?}");
        assert!(!p[1].contains("`section_id` names"), "{p:?}");
    }
}
