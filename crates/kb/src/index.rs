//! Each entry's text folded for search, split into its key fields and the rest: once,
//! at build time, into the built-in knowledge base's index; entry by entry, as a
//! search reads them, for other files.

use serde::{Deserialize, Serialize};

use super::fold::fold_into;
use super::model::{EntryRef, Kb, Kind, Seq, Str, Text};

/// One entry's folded text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb::index))]
pub struct SearchDoc {
    pub entry: EntryRef,
    /// Id, code, name or title, amount: where a match counts most. It starts with
    /// the folded id, `id_len` bytes long.
    pub key: Str,
    /// The length of the folded id at the start of `key`, in bytes.
    pub id_len: u32,
    /// Every other text of the entry, both languages.
    pub body: Str,
}

/// Every entry's folded text, in knowledge-base order.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb::index))]
pub struct SearchIndex {
    pub docs: Seq<SearchDoc>,
}

fn both(out: &mut String, t: &Text) {
    fold_into(out, &t.fr);
    fold_into(out, &t.en);
}

fn opt(out: &mut String, t: &Option<Text>) {
    if let Some(t) = t {
        both(out, t);
    }
}

impl SearchDoc {
    /// Its folded text.
    pub fn text(&self) -> DocText<'_> {
        DocText {
            key: &self.key,
            id_len: self.id_len as usize,
            body: &self.body,
        }
    }
}

/// One entry's folded text, as search reads it.
#[derive(Clone, Copy, Debug)]
pub struct DocText<'a> {
    /// The folded id, then the other key texts.
    pub key: &'a str,
    /// The length of the folded id at the start of `key`.
    pub id_len: usize,
    pub body: &'a str,
}

impl SearchIndex {
    /// Folds every entry of `kb`.
    pub fn build(kb: &Kb) -> SearchIndex {
        let mut docs = Vec::new();
        fold_each(kb, |entry, t| {
            docs.push(SearchDoc {
                entry,
                key: Str::from(t.key.to_owned()),
                id_len: u32::try_from(t.id_len).unwrap_or(u32::MAX),
                body: Str::from(t.body.to_owned()),
            })
        });
        SearchIndex {
            docs: Seq::Owned(docs),
        }
    }
}

/// Folds the entries of `kb` one by one, in knowledge-base order, handing each
/// entry's text to `f`; two buffers serve them all.
pub fn fold_each(kb: &Kb, mut f: impl FnMut(EntryRef, DocText<'_>)) {
    // Sources and topics are shared by many figures: each is folded once.
    let folded = |name: &Text| {
        let mut s = String::new();
        both(&mut s, name);
        s
    };
    let shared = Shared {
        sources: kb
            .sources
            .iter()
            .map(|s| {
                let mut t = folded(&s.name);
                opt(&mut t, &s.date);
                t
            })
            .collect(),
        topics: kb.topics.iter().map(|t| folded(&t.name)).collect(),
    };
    let (mut key, mut body) = (String::new(), String::new());
    for (id, entry) in kb.ids() {
        key.clear();
        body.clear();
        fold_into(&mut key, id);
        let id_len = key.len();
        texts(kb, &shared, entry, &mut key, &mut body);
        f(
            entry,
            DocText {
                key: &key,
                id_len,
                body: &body,
            },
        );
    }
}

/// The folded texts of the sources and the topics, in knowledge-base order.
struct Shared {
    sources: Vec<String>,
    topics: Vec<String>,
}

/// Appends already folded text, a space apart.
fn append(out: &mut String, folded: &str) {
    if !out.is_empty() && !folded.is_empty() {
        out.push(' ');
    }
    out.push_str(folded);
}

/// Appends an entry's key texts (after its id) and body texts, folded, to `key` and `body`.
fn texts(kb: &Kb, shared: &Shared, e: EntryRef, key: &mut String, body: &mut String) {
    match e.kind {
        Kind::Figure => {
            let f = &kb.figures[e.idx];
            both(key, &f.label);
            both(key, &f.magnitude);
            both(body, &f.text);
            opt(body, &f.qualifier);
            opt(body, &f.period);
            fold_into(body, &f.unit);
            let mut sources = kb.sources.iter().zip(&shared.sources);
            if let Some((_, folded)) = sources.find(|(s, _)| s.id == f.source_id) {
                append(body, folded);
            }
            let mut topics = kb.topics.iter().zip(&shared.topics);
            if let Some((_, folded)) = topics.find(|(t, _)| t.id == f.topic_id) {
                append(body, folded);
            }
        }
        Kind::List => {
            let l = &kb.lists[e.idx];
            both(key, &l.title);
            for item in l.items.iter() {
                both(body, &item.text);
                opt(body, &item.detail);
            }
        }
        Kind::Actor => {
            let a = &kb.actors[e.idx];
            for c in a.code.iter().chain(&a.code_en).chain(a.aliases.iter()) {
                fold_into(key, c);
            }
            both(key, &a.name);
            opt(body, &a.role);
            for r in a.related.iter() {
                both(body, r);
            }
        }
        Kind::Source => {
            let s = &kb.sources[e.idx];
            both(key, &s.name);
            for a in s.aliases.iter() {
                fold_into(key, a);
            }
            opt(body, &s.date);
        }
        Kind::Event => {
            let ev = &kb.events[e.idx];
            both(key, &ev.name);
            both(body, &ev.place);
            both(body, &ev.description);
            opt(body, &ev.co_chair);
        }
        Kind::Topic => {
            let t = &kb.topics[e.idx];
            both(key, &t.name);
        }
        Kind::Group => {
            let g = &kb.groups[e.idx];
            both(key, &g.name);
        }
        Kind::Section => {
            let s = &kb.sections[e.idx];
            both(key, &s.title);
        }
    }
}
