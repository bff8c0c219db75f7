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

use super::model::{EntryRef, Kb, Kind, Memo, Seq, Text};

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

/// Where an entry stands: which origin, which bytes.
#[derive(Debug, Clone)]
pub struct Loc {
    pub origin: usize,
    pub span: Range<usize>,
}

/// One thing wrong in a knowledge base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the place is not known (the built-in knowledge base).
    pub line: usize,
    pub column: usize,
    pub message: String,
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
}

impl Workspace {
    /// A problem at byte `at` of origin `origin`.
    pub fn problem_at(&self, origin: usize, at: Option<usize>, message: String) -> Problem {
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
                    snippet: Some(snippet),
                    todo: false,
                }
            }
            _ => Problem {
                file: o.name.clone(),
                line: 0,
                column: 0,
                message,
                snippet: None,
                todo: false,
            },
        }
    }

    /// A to-do about `key` of an entry of a draft (see [`DRAFT_MARKER`]); a problem
    /// of any other file.
    fn todo_in(&self, entry: EntryRef, key: &str, message: String) -> Problem {
        let draft = self
            .locs
            .get(&entry)
            .is_some_and(|l| is_draft(&self.origins[l.origin].text));
        Problem {
            todo: draft,
            ..self.problem_in(entry, key, message)
        }
    }

    /// A problem about `key` of an entry, located at that key when it can be found.
    fn problem_in(&self, entry: EntryRef, key: &str, message: String) -> Problem {
        match self.locs.get(&entry) {
            Some(loc) => {
                let at = find_key(&self.origins[loc.origin].text, &loc.span, key)
                    .unwrap_or(loc.span.start);
                self.problem_at(loc.origin, Some(at), message)
            }
            None => self.problem_at(0, None, message),
        }
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
        match o.text.get(..loc.span.start) {
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
        let text = self.origins[origin].text.clone();
        let mut problems = Vec::new();
        let (root, errors) = DeTable::parse_recoverable(&text);
        for e in errors.iter() {
            problems.push(self.problem_at(origin, e.span().map(|s| s.start), e.message().into()));
        }
        if !errors.is_empty() {
            return problems;
        }
        let mut kb = Kb::default();
        let mut locs = Vec::new();
        let mut unread = HashSet::new();
        for (key, value) in root.into_inner() {
            let span = value.span();
            let key_at = key.span().start;
            match key.get_ref().as_ref() {
                "memo" => match decode::<Memo>(value) {
                    Ok(m) => {
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
                            for (lang, s) in [("French", &t.fr), ("English", &t.en)] {
                                if s.trim().is_empty() {
                                    let at = find_key(&text, &span, key).unwrap_or(span.start);
                                    problems.push(self.problem_at(
                                        origin,
                                        Some(at),
                                        format!("[memo] `{key}` has an empty {lang} text"),
                                    ));
                                }
                            }
                        }
                        kb.memos.to_mut().push(m);
                    }
                    Err(e) => problems.push(self.decode_problem(origin, &e, span.start, "memo")),
                },
                "sections" => self.decode_all(
                    origin,
                    value,
                    Kind::Section,
                    kb.sections.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                "sources" => self.decode_all(
                    origin,
                    value,
                    Kind::Source,
                    kb.sources.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                "topics" => self.decode_all(
                    origin,
                    value,
                    Kind::Topic,
                    kb.topics.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                "groups" => self.decode_all(
                    origin,
                    value,
                    Kind::Group,
                    kb.groups.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                "figures" => self.decode_all(
                    origin,
                    value,
                    Kind::Figure,
                    kb.figures.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                "lists" => self.decode_all(
                    origin,
                    value,
                    Kind::List,
                    kb.lists.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                "actors" => self.decode_all(
                    origin,
                    value,
                    Kind::Actor,
                    kb.actors.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                "events" => self.decode_all(
                    origin,
                    value,
                    Kind::Event,
                    kb.events.to_mut(),
                    &mut locs,
                    &mut problems,
                    &mut unread,
                ),
                other => problems.push(self.problem_at(
                    origin,
                    Some(key_at),
                    format!("unknown key `{other}`, expected one of {TOP_KEYS}"),
                )),
            }
        }
        sort(&mut problems);
        // An entry identical to one already merged is that entry again, not a clash.
        let dropped = kb.drop_copies_of(&self.kb);
        if !dropped.is_empty() {
            locs.retain_mut(|(kind, idx, _)| {
                let here = EntryRef {
                    kind: *kind,
                    idx: *idx,
                };
                let before = dropped
                    .iter()
                    .filter(|d| d.kind == *kind && d.idx < *idx)
                    .count();
                *idx -= before;
                !dropped.contains(&here)
            });
        }
        // The file's memo: one already loaded (the same memo again), or its own.
        if let Some(m) = kb.memos.first() {
            let at = match self.kb.memos.iter().position(|x| x == m) {
                Some(at) => {
                    kb.memos = Seq::Owned(Vec::new());
                    at
                }
                None => self.kb.memos.len(),
            };
            self.memo_of_origin.insert(origin, at);
        }
        // Entries are numbered after those already merged.
        for (kind, idx, span) in locs {
            let idx = self.kb.count(kind) + idx;
            self.locs
                .insert(EntryRef { kind, idx }, Loc { origin, span });
        }
        self.kb.extend(kb);
        self.unread.extend(unread);
        problems
    }

    fn decode_problem(
        &self,
        origin: usize,
        e: &toml::de::Error,
        fallback: usize,
        what: &str,
    ) -> Problem {
        let at = e.span().map_or(fallback, |s| s.start);
        let value = self.origins[origin].text.get(at..).unwrap_or_default();
        let message = in_plain_words(e.message(), value);
        self.problem_at(origin, Some(at), format!("in {what}: {message}"))
    }

    #[allow(clippy::too_many_arguments)]
    fn decode_all<T: DeserializeOwned>(
        &self,
        origin: usize,
        value: toml::Spanned<DeValue<'_>>,
        kind: Kind,
        out: &mut Vec<T>,
        locs: &mut Vec<(Kind, usize, Range<usize>)>,
        problems: &mut Vec<Problem>,
        unread: &mut HashSet<String>,
    ) {
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            problems.push(self.problem_at(
                origin,
                Some(span.start),
                format!(
                    "`{}` must be an array of tables: write each entry under [[{}]]",
                    kind.table(),
                    kind.table()
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
            let what = match &id {
                Some(id) => format!("{} `{id}`", kind.name()),
                None => format!("{} #{}", kind.name(), n + 1),
            };
            if !item.get_ref().is_table() {
                problems.push(self.problem_at(
                    origin,
                    Some(span.start),
                    format!(
                        "{what}: expected a table, found {}",
                        item.get_ref().type_str()
                    ),
                ));
                continue;
            }
            match decode::<T>(item) {
                Ok(entry) => {
                    let span =
                        span.start..entry_end(&self.origins[origin].text, span.start, kind.table());
                    locs.push((kind, out.len(), span));
                    out.push(entry);
                }
                Err(e) => {
                    problems.push(self.decode_problem(origin, &e, span.start, &what));
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
        kb.ids()
            .filter(|(_, e)| !quoted(*e))
            .map(|(id, e)| {
                self.problem_in(
                    e,
                    "id",
                    format!("{} `{id}` has no `quote` of the memo", e.kind.name()),
                )
            })
            .collect()
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
            if let Some(msg) = reference(d.key, &d.id, d.found, Some(d.want)) {
                problems.push(self.problem_in(d.entry, d.key, msg));
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
            if let Some(msg) = bad_id(id) {
                problems.push(self.problem_in(
                    entry,
                    "id",
                    format!("{} id `{id}` {msg}", entry.kind.name()),
                ));
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
                let article = |k: Kind| if k == Kind::Actor { "an" } else { "a" };
                let msg = format!(
                    "duplicate id `{id}`: {} {} at {a} and a different {} at {b}",
                    article(earlier.kind),
                    earlier.kind.name(),
                    at.kind.name()
                );
                problems.push(self.problem_in(at, "id", msg));
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
            if let Some(msg) = reference(key, target, found, want) {
                problems.push(self.problem_in(entry, key, msg));
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
                problems.push(self.problem_in(
                    e,
                    "quote",
                    "`quote` is empty: quote the memo's words, or leave the key out".into(),
                ));
            }
            for (key, c) in codes {
                if c.trim().is_empty() {
                    problems.push(self.problem_in(e, key, format!("`{key}` has an empty name")));
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
                problems.push(self.problem_in(
                    e,
                    key,
                    format!("`{key}` names `{target}`, the entry itself"),
                ));
            }
        }
        let texts = |entry: EntryRef, key: &str, t: &Text, problems: &mut Vec<Problem>| {
            if t.fr.trim().is_empty() {
                let message = format!("`{key}` has an empty French text");
                problems.push(self.problem_in(entry, key, message));
            }
            if t.en.trim().is_empty() {
                let message = format!("`{key}` has an empty English text");
                problems.push(self.todo_in(entry, key, message));
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
                problems.push(self.problem_in(
                    e,
                    "date_iso",
                    format!("`date_iso` must be written YYYY, YYYY-MM or YYYY-MM-DD, not `{d}`"),
                ));
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
                problems.push(self.problem_in(
                    e,
                    "value",
                    format!("`value` must be a finite number, not {}", f.value),
                ));
            } else if f.value.abs() > MAX_EXACT {
                problems.push(self.problem_in(
                    e,
                    "value",
                    "`value` is larger than 2^53 (9007199254740992), beyond which a number is not kept exactly".into(),
                ));
            }
            if f.unit.is_empty() {
                problems.push(self.todo_in(
                    e,
                    "unit",
                    format!("`unit` is empty: write one of {}", UNITS.join(", ")),
                ));
            } else if !UNITS.contains(&f.unit.as_ref()) {
                problems.push(self.problem_in(
                    e,
                    "unit",
                    format!(
                        "unknown unit `{}`, expected one of {}",
                        f.unit,
                        UNITS.join(", ")
                    ),
                ));
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
                        problems.push(self.problem_in(
                            e,
                            "magnitude",
                            format!("the {lang} `magnitude` repeats the qualifier `{q}`: the magnitude is the bare amount"),
                        ));
                    }
                }
            }
            if let Some(p) = f.period_iso.as_deref().filter(|p| !is_iso_partial(p)) {
                problems.push(self.problem_in(
                    e,
                    "period_iso",
                    format!("`period_iso` must be written YYYY, YYYY-MM or YYYY-MM-DD, not `{p}`"),
                ));
            }
            match (&f.qualifier_code, &f.qualifier) {
                (Some(c), _) if !QUALIFIER_CODES.contains(&c.as_ref()) => {
                    problems.push(self.problem_in(
                        e,
                        "qualifier_code",
                        format!(
                            "unknown qualifier code `{c}`, expected one of {}",
                            QUALIFIER_CODES.join(", ")
                        ),
                    ));
                }
                (Some(_), None) => problems.push(self.problem_in(
                    e,
                    "qualifier_code",
                    "`qualifier_code` without a `qualifier`".into(),
                )),
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
                problems.push(self.problem_in(e, "items", format!("list `{}` has no items", l.id)));
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
                    problems.push(self.problem_in(
                        e,
                        "code",
                        "`code` is empty: leave it out where there is none".into(),
                    ));
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
                    problems.push(self.problem_in(
                        e,
                        key,
                        format!("`{key}` must be a date written YYYY-MM-DD, not `{d}`"),
                    ));
                }
            }
            if let (Some(start), Some(end)) = (&ev.start, &ev.end) {
                if is_date(start) && is_date(end) && end < start {
                    problems.push(self.problem_in(
                        e,
                        "end",
                        format!("`end` ({end}) is before `start` ({start})"),
                    ));
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
                        problems.push(self.problem_in(
                            start,
                            key,
                            format!("`{key}` makes a cycle: {}", chain.join(" → ")),
                        ));
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
                problems.push(self.problem_in(
                    start,
                    "parent_id",
                    format!(
                        "`{id}` is {} levels under `{}`: a chain of parents is at most {MAX_DEPTH} long",
                        chain.len() - 1,
                        chain[chain.len() - 1]
                    ),
                ));
            }
        }
    }
}

/// serde's words for a value of the wrong type, said as the file's author needs
/// them: what to write instead. `value` is the file from the value on.
fn in_plain_words(message: &str, value: &str) -> String {
    let b = value.as_bytes();
    let is_date = b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit);
    if message.contains("$__toml_private_datetime") {
        return "expected a text in both languages: { fr = \"…\", en = \"…\" }".into();
    }
    if is_date && message.ends_with("expected a string") {
        // TOML reads an unquoted date as a date, which no field of the schema takes.
        let date: String = value
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ',' && *c != '}')
            .collect();
        return format!("a date is written as a quoted string here: \"{date}\"");
    }
    message
        .replace(
            "expected struct Text",
            "expected a text in both languages: { fr = \"…\", en = \"…\" }",
        )
        .replace("expected f64", "expected a number, unquoted")
        .replace("expected struct Memo", "expected a table: [memo]")
}

/// The largest whole number a figure's value keeps exactly (2^53): JSON and CSV
/// write values up to it as integers.
pub const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// The longest chain of parents an actor may have: the map of actors draws them as
/// trees, and no deeper.
pub const MAX_DEPTH: usize = 32;

/// What is wrong with `key` naming `target`: no entry has that id, or one of
/// another kind than `want` (any kind will do when `want` is `None`).
fn reference(key: &str, target: &str, found: Option<Kind>, want: Option<Kind>) -> Option<String> {
    match (found, want) {
        (None, _) => {
            let what = want.map_or("entry", Kind::name);
            Some(format!(
                "`{key}` names `{target}`, but there is no {what} with that id"
            ))
        }
        (Some(k), Some(w)) if k != w => Some(format!(
            "`{key}` names `{target}`, which is {} {}, not {} {}",
            article(k.name()),
            k.name(),
            article(w.name()),
            w.name()
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

/// Why an id is malformed, if it is.
fn bad_id(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id.len() > 64 {
        Some("is longer than 64 characters")
    } else if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        Some("must start with a lowercase letter")
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Some("may hold only lowercase letters, digits and `-`")
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
                "kb.toml:8:1: in topic `t`: unknown field `extra`, expected one of `id`, `name`, `quote`"
                    .to_string(),
                "kb.toml:12:8: in group `Bad`: missing field `en`".to_string(),
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
        assert_eq!(
            figure("123456789012345678"),
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
            ["kb.toml:11:9: in event `ev`: a date is written as a quoted string here: \"2025-02-06\""]
        );
        assert_eq!(
            event("\"2025-02-06\"", "\"plain\""),
            ["kb.toml:7:8: in event `ev`: invalid type: string \"plain\", expected a text in both languages: { fr = \"…\", en = \"…\" }"]
        );
        assert_eq!(
            event("\"2025-02-06\"", "2025-02-06"),
            ["kb.toml:7:8: in event `ev`: expected a text in both languages: { fr = \"…\", en = \"…\" }"]
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
