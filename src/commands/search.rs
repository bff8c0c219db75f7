//! `aimemo search WORDS...`: everything that matches, ranked, in both languages.

use serde::Serialize;

use super::views::{event_dates, Viewer};
use super::{layout, miss, Ctx, Report};
use crate::error::{Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::{EntryRef, Kind};
use crate::render::{Block, Cell, Doc};

/// One entry that matches; also its CSV record.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Hit<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub score: u32,
    pub title: String,
    pub detail: String,
}

/// The entries that match a query, best first.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Search<'a> {
    pub lang: Lang,
    pub query: String,
    pub count: usize,
    pub hits: Vec<Hit<'a>>,
}

/// An entry's id, title and a short detail, for a line of results.
fn summary<'a>(v: &Viewer<'a>, e: EntryRef) -> (&'a str, String, String) {
    let kb = v.kb;
    let l = v.lang;
    match e.kind {
        Kind::Figure => {
            let f = v.figure(&kb.figures[e.idx]);
            (
                f.id,
                f.label.to_string(),
                format!("{} — {}", f.stated.clone(), f.source.cell()),
            )
        }
        Kind::List => {
            let x = &kb.lists[e.idx];
            let items: Vec<&str> = x.items.iter().take(3).map(|i| l.pick(&i.text)).collect();
            let more = if x.items.len() > 3 { ", …" } else { "" };
            (
                &x.id,
                l.pick(&x.title).to_string(),
                format!("{}{more}", items.join(", ")),
            )
        }
        Kind::Actor => {
            let a = &kb.actors[e.idx];
            let title = match &a.code {
                Some(c) => format!("{c} — {}", l.pick(&a.name)),
                None => l.pick(&a.name).to_string(),
            };
            (&a.id, title, v.group(&a.group_id).name.to_string())
        }
        Kind::Source => {
            let s = &kb.sources[e.idx];
            let n = v.backed(s).len();
            (
                &s.id,
                v.source(&s.id).cell(),
                format!("{}{}{}", l.l(L::FIGURES), l.colon(), l.int(n)),
            )
        }
        Kind::Event => {
            let ev = &kb.events[e.idx];
            let dates = event_dates(ev, l).unwrap_or_else(|| l.pick(&ev.place).to_string());
            (&ev.id, l.pick(&ev.name).to_string(), dates)
        }
        Kind::Topic => {
            let t = &kb.topics[e.idx];
            (&t.id, l.pick(&t.name).to_string(), String::new())
        }
        Kind::Group => {
            let g = &kb.groups[e.idx];
            (&g.id, l.pick(&g.name).to_string(), String::new())
        }
        Kind::Section => {
            let s = &kb.sections[e.idx];
            (&s.id, l.pick(&s.title).to_string(), String::new())
        }
    }
}

pub fn run<'a>(ctx: &Ctx<'a>, words: &[String]) -> Result<Search<'a>> {
    let query = words.join(" ");
    super::not_empty(
        &query,
        Msg::new("the search", "la recherche"),
        "aimemo search énergie",
    )?;
    let kb = ctx.kb();
    let found = ctx.loaded.search(&query);
    if found.is_empty() {
        let candidates = kb
            .ids()
            .map(|(id, _)| id)
            .chain(kb.actors.iter().filter_map(|a| a.code.as_deref()))
            .chain(kb.topics.iter().map(|t| &*t.name.en));
        let q = super::shown(&query);
        return Err(miss(
            Msg::new(
                format!("nothing matches `{q}`"),
                format!("rien ne correspond à `{q}`"),
            ),
            &query,
            candidates,
            Msg::new(
                "search looks in both languages, accents optional; try fewer or shorter words",
                "la recherche porte sur les deux langues, accents facultatifs ; essayez des mots moins nombreux ou plus courts",
            ),
        ));
    }
    let v = ctx.viewer();
    let hits: Vec<Hit> = found
        .iter()
        .map(|h| {
            let (id, title, detail) = summary(&v, h.entry);
            Hit {
                kind: h.entry.kind,
                id,
                score: h.score,
                title,
                detail,
            }
        })
        .collect();
    Ok(Search {
        lang: ctx.lang,
        query,
        count: hits.len(),
        hits,
    })
}

impl Report for Search<'_> {
    type Record<'r>
        = &'r Hit<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        doc.push(Block::Table {
            caption: Some(format!(
                "{}{}{}",
                l.l(L::MATCHES_FOR),
                l.colon(),
                self.query
            )),
            headers: l.labels(&[L::KIND, L::ID, L::MATCH, L::DETAIL]),
            rows: self
                .hits
                .iter()
                .map(|h| {
                    vec![
                        Cell::dim(layout::kind_label(l, h.kind)),
                        Cell::code(h.id),
                        Cell::plain(&h.title),
                        Cell::plain(&h.detail),
                    ]
                })
                .collect(),
        });
        doc
    }

    fn records(&self) -> Vec<&Hit<'_>> {
        self.hits.iter().collect()
    }
}
