//! `aimemo lists` (every enumeration) and `aimemo list ID` (one, in order).

use serde::Serialize;

use super::views::{ListView, Named, Viewer};
use super::{miss, Ctx, Output};
use crate::error::Result;
use crate::i18n::labels as L;
use crate::kb::List;
use crate::kb::{lookup, Kind};
use crate::render::{columns, Block, Cell, Doc};

#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    title: &'a str,
    section: Named<'a>,
    count: usize,
}

#[derive(Serialize)]
struct AllJson<'a> {
    lang: &'static str,
    lists: Vec<Summary<'a>>,
}

#[derive(Serialize)]
struct OneJson<'a> {
    lang: &'static str,
    list: ListView<'a>,
}

pub fn all(ctx: &Ctx) -> Result<Output> {
    let l = ctx.lang;
    let v = Viewer {
        kb: ctx.kb(),
        lang: l,
    };
    let summaries: Vec<Summary> = ctx
        .kb()
        .lists
        .iter()
        .map(|x| Summary {
            id: &x.id,
            title: l.pick(&x.title),
            section: v.section(&x.section_id),
            count: x.items.len(),
        })
        .collect();
    let mut doc = Doc::default();
    doc.push(Block::Heading(l.l(L::LISTS).to_string()));
    doc.push(Block::Table {
        headers: l.labels(&[L::ID, L::TITLE, L::COUNT, L::SECTION]),
        rows: summaries
            .iter()
            .map(|s| {
                vec![
                    Cell::code(s.id),
                    Cell::plain(s.title),
                    Cell::figure(l.int(s.count)),
                    Cell::dim(s.section.name),
                ]
            })
            .collect(),
    });
    doc.records = Some((
        columns(&["id", "title", "count", "section"]),
        summaries
            .iter()
            .map(|s| {
                vec![
                    s.id.to_string(),
                    s.title.to_string(),
                    s.count.to_string(),
                    s.section.id.to_string(),
                ]
            })
            .collect(),
    ));
    Ok(Output {
        doc,
        json: ctx.json_of(|| AllJson {
            lang: l.code(),
            lists: summaries,
        }),
    })
}

/// The document for one list: its title, then its items in order.
pub fn doc(v: &Viewer, list: &List) -> Doc {
    let l = v.lang;
    let view = v.list(list);
    let mut doc = Doc::default();
    doc.push(Block::Heading(view.title.to_string()));
    doc.push(Block::Fields(vec![
        (l.l(L::ID).to_string(), Cell::code(view.id)),
        (l.l(L::SECTION).to_string(), Cell::dim(view.section.name)),
    ]));
    let details = view.items.iter().any(|i| i.detail.is_some());
    let mut headers = vec!["#".to_string(), l.l(L::ITEM).to_string()];
    if details {
        headers.push(l.l(L::DETAIL).to_string());
    }
    doc.push(Block::Table {
        headers,
        rows: view
            .items
            .iter()
            .map(|i| {
                let mut row = vec![Cell::figure(i.n.to_string()), Cell::plain(i.text)];
                if details {
                    row.push(Cell::plain(i.detail.unwrap_or("")));
                }
                row
            })
            .collect(),
    });
    doc.records = Some((
        columns(&["n", "item", "detail", "refs"]),
        view.items
            .iter()
            .map(|i| {
                vec![
                    i.n.to_string(),
                    i.text.to_string(),
                    i.detail.unwrap_or("").to_string(),
                    i.refs.join(" "),
                ]
            })
            .collect(),
    ));
    doc
}

pub fn one(ctx: &Ctx, id: &str) -> Result<Output> {
    let id = super::not_empty(id, "list id", "aimemo list summit-verticals")?;
    let kb = ctx.kb();
    let list = lookup::by_id(kb, id)
        .filter(|e| e.kind == Kind::List)
        .map(|e| &kb.lists[e.idx])
        .ok_or_else(|| {
            miss(
                format!("no list has the id `{}`", super::shown(id)),
                id,
                kb.lists.iter().map(|x| &*x.id),
                "try `aimemo lists` for their ids",
            )
        })?;
    let v = Viewer { kb, lang: ctx.lang };
    Ok(Output {
        doc: doc(&v, list),
        json: ctx.json_of(|| OneJson {
            lang: ctx.lang.code(),
            list: v.list(list),
        }),
    })
}
