//! `aimemo sources`: each cited source with the figures it backs.

use serde::Serialize;

use super::views::{FigureView, Viewer};
use super::{Ctx, Output};
use crate::error::Result;
use crate::i18n::labels as L;
use crate::kb::{Figure, Source};
use crate::render::{columns, Block, Cell, Doc};

#[derive(Serialize)]
pub struct SourceView<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub name: &'a str,
    pub date: Option<&'a str>,
    pub figures: Vec<FigureView<'a>>,
}

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    sources: Vec<SourceView<'a>>,
}

pub fn backed<'a>(v: &Viewer<'a>, s: &Source) -> Vec<&'a Figure> {
    v.kb.figures
        .iter()
        .filter(|f| f.source_id == s.id)
        .collect()
}

pub fn view<'a>(v: &Viewer<'a>, s: &'a Source) -> SourceView<'a> {
    SourceView {
        kind: "source",
        id: &s.id,
        name: v.lang.pick(&s.name),
        date: s.date.as_ref().map(|d| v.lang.pick(d)),
        figures: backed(v, s).into_iter().map(|f| v.figure(f)).collect(),
    }
}

pub fn run(ctx: &Ctx) -> Result<Output> {
    let l = ctx.lang;
    let v = Viewer {
        kb: ctx.kb(),
        lang: l,
    };
    let mut rows = Vec::new();
    let mut records = Vec::new();
    for s in ctx.kb().sources.iter() {
        for (i, f) in backed(&v, s).into_iter().enumerate() {
            let name = if i == 0 {
                v.source_cell(&s.id)
            } else {
                String::new()
            };
            rows.push(vec![
                Cell::plain(name),
                Cell::code(&f.id),
                Cell::plain(l.pick(&f.label)),
                Cell::figure(l.pick(&f.magnitude)),
            ]);
            records.push(vec![
                s.id.to_string(),
                l.pick(&s.name).to_string(),
                s.date.as_ref().map_or("", |d| l.pick(d)).to_string(),
                f.id.to_string(),
                l.pick(&f.label).to_string(),
                l.pick(&f.magnitude).to_string(),
            ]);
        }
    }
    let mut doc = Doc::default();
    doc.push(Block::Heading(l.l(L::SOURCES).to_string()));
    doc.push(Block::Table {
        headers: l.labels(&[L::SOURCE, L::ID, L::FIGURE, L::AMOUNT]),
        rows,
    });
    doc.records = Some((
        columns(&[
            "source_id",
            "source",
            "date",
            "figure_id",
            "figure",
            "magnitude",
        ]),
        records,
    ));
    let json = || Json {
        lang: l.code(),
        sources: ctx.kb().sources.iter().map(|s| view(&v, s)).collect(),
    };
    Ok(Output {
        doc,
        json: ctx.json_of(json),
    })
}
