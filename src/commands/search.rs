//! `aimemo search WORDS...`: everything that matches, ranked, in both languages.

use serde::Serialize;

use super::views::Viewer;
use super::{miss, Ctx, Output};
use crate::error::Result;
use crate::i18n::labels as L;
use crate::kb::{EntryRef, Kind};
use crate::render::{columns, Block, Cell, Doc};

#[derive(Serialize)]
struct HitJson<'a> {
    /// The kind, for the table's localized label.
    #[serde(skip)]
    of: Kind,
    kind: &'static str,
    id: &'a str,
    score: u32,
    title: String,
    detail: String,
}

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    query: &'a str,
    count: usize,
    hits: Vec<HitJson<'a>>,
}

/// An entry's id, title and a short detail, for a line of results.
pub fn summary<'a>(v: &Viewer<'a>, e: EntryRef) -> (&'a str, String, String) {
    let kb = v.kb;
    let l = v.lang;
    match e.kind {
        Kind::Figure => {
            let f = &kb.figures[e.idx];
            (
                &f.id,
                l.pick(&f.label).to_string(),
                format!("{} — {}", v.stated(f), v.source_cell(&f.source_id)),
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
            let n = kb.figures.iter().filter(|f| f.source_id == s.id).count();
            (
                &s.id,
                v.source_cell(&s.id),
                format!("{}{}{}", l.l(L::FIGURES), l.colon(), l.int(n)),
            )
        }
        Kind::Event => {
            let ev = &kb.events[e.idx];
            (
                &ev.id,
                l.pick(&ev.name).to_string(),
                super::summit::date_range(&ev.start, &ev.end, l),
            )
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

pub fn run(ctx: &Ctx, words: &[String]) -> Result<Output> {
    let query = words.join(" ");
    super::not_empty(&query, "search", "aimemo search énergie")?;
    let kb = ctx.kb();
    let hits = ctx.loaded.search(&query);
    if hits.is_empty() {
        let candidates = kb
            .ids()
            .map(|(id, _)| id)
            .chain(kb.actors.iter().filter_map(|a| a.code.as_deref()))
            .chain(kb.topics.iter().map(|t| &*t.name.en));
        return Err(miss(
            format!("nothing matches `{}`", super::shown(&query)),
            &query,
            candidates,
            "search looks in both languages, accents optional; try fewer or shorter words",
        ));
    }
    let l = ctx.lang;
    let v = Viewer { kb, lang: l };
    let hits: Vec<HitJson> = hits
        .iter()
        .map(|h| {
            let (id, title, detail) = summary(&v, h.entry);
            HitJson {
                of: h.entry.kind,
                kind: h.entry.kind.name(),
                id,
                score: h.score,
                title,
                detail,
            }
        })
        .collect();
    let mut doc = Doc::default();
    doc.push(Block::Table {
        headers: l.labels(&[L::KIND, L::ID, L::MATCH, L::DETAIL]),
        rows: hits
            .iter()
            .map(|h| {
                vec![
                    Cell::dim(super::show::kind_label(ctx, h.of)),
                    Cell::code(h.id),
                    Cell::plain(&h.title),
                    Cell::plain(&h.detail),
                ]
            })
            .collect(),
    });
    doc.records = Some((
        columns(&["kind", "id", "score", "title", "detail"]),
        hits.iter()
            .map(|h| {
                vec![
                    h.kind.to_string(),
                    h.id.to_string(),
                    h.score.to_string(),
                    h.title.clone(),
                    h.detail.clone(),
                ]
            })
            .collect(),
    ));
    let json = || Json {
        lang: l.code(),
        query: &query,
        count: hits.len(),
        hits,
    };
    Ok(Output {
        doc,
        json: ctx.json_of(json),
    })
}
