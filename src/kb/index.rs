//! The search index: each entry's text folded once (at build time for the built-in
//! knowledge base), split into its key fields and the rest. Shared with `build.rs`.

use serde::{Deserialize, Serialize};

use super::fold::fold_into;
use super::model::{EntryRef, Kb, Kind, Seq, Str, Text};
use super::pooled::Pool;

/// One entry's folded text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SearchDoc {
    pub entry: EntryRef,
    /// The entry's id, as written.
    pub id: Str,
    /// Id, code, name or title, amount: where a match counts most.
    pub key: Str,
    /// Every other text of the entry, both languages.
    pub body: Str,
}

impl Pool for SearchDoc {
    fn pool() -> &'static [SearchDoc] {
        &super::pools::SEARCH_DOC_POOL
    }
}

/// Every entry's folded text, in knowledge-base order.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
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

impl SearchIndex {
    /// Folds every entry of `kb`.
    pub fn build(kb: &Kb) -> SearchIndex {
        let docs = kb
            .ids()
            .map(|(id, entry)| {
                let (key, body) = texts(kb, entry);
                SearchDoc {
                    entry,
                    id: Str::Owned(id.to_string()),
                    key: Str::Owned(key),
                    body: Str::Owned(body),
                }
            })
            .collect::<Vec<_>>();
        SearchIndex {
            docs: Seq::Owned(docs),
        }
    }
}

/// An entry's key texts and body texts, folded.
fn texts(kb: &Kb, e: EntryRef) -> (String, String) {
    let (mut key, mut body) = (String::new(), String::new());
    match e.kind {
        Kind::Figure => {
            let f = &kb.figures[e.idx];
            fold_into(&mut key, &f.id);
            both(&mut key, &f.label);
            both(&mut key, &f.magnitude);
            both(&mut body, &f.text);
            opt(&mut body, &f.qualifier);
            opt(&mut body, &f.period);
            fold_into(&mut body, &f.unit);
            if let Some(s) = kb.sources.iter().find(|s| s.id == f.source_id) {
                both(&mut body, &s.name);
                opt(&mut body, &s.date);
            }
            if let Some(t) = kb.topics.iter().find(|t| t.id == f.topic_id) {
                both(&mut body, &t.name);
            }
        }
        Kind::List => {
            let l = &kb.lists[e.idx];
            fold_into(&mut key, &l.id);
            both(&mut key, &l.title);
            for item in l.items.iter() {
                both(&mut body, &item.text);
                opt(&mut body, &item.detail);
            }
        }
        Kind::Actor => {
            let a = &kb.actors[e.idx];
            fold_into(&mut key, &a.id);
            if let Some(c) = &a.code {
                fold_into(&mut key, c);
            }
            both(&mut key, &a.name);
            opt(&mut body, &a.role);
            for r in a.related.iter() {
                both(&mut body, r);
            }
        }
        Kind::Source => {
            let s = &kb.sources[e.idx];
            fold_into(&mut key, &s.id);
            both(&mut key, &s.name);
            opt(&mut body, &s.date);
        }
        Kind::Event => {
            let ev = &kb.events[e.idx];
            fold_into(&mut key, &ev.id);
            both(&mut key, &ev.name);
            both(&mut body, &ev.place);
            both(&mut body, &ev.description);
            opt(&mut body, &ev.co_chair);
        }
        Kind::Topic => {
            let t = &kb.topics[e.idx];
            fold_into(&mut key, &t.id);
            both(&mut key, &t.name);
        }
        Kind::Group => {
            let g = &kb.groups[e.idx];
            fold_into(&mut key, &g.id);
            both(&mut key, &g.name);
        }
        Kind::Section => {
            let s = &kb.sections[e.idx];
            fold_into(&mut key, &s.id);
            both(&mut key, &s.title);
        }
    }
    (key, body)
}
