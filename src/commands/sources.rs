//! `aimemo sources`: each cited source with the figures it backs.

use serde::Serialize;

use super::views::{FigureView, SourceView};
use super::{Ctx, Report};
use crate::error::{Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::render::{Block, Cell, Doc};

/// Every source, with the figures it backs.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Sources<'a> {
    pub lang: Lang,
    pub sources: Vec<SourceView<'a>>,
}

pub fn run<'a>(ctx: &Ctx<'a>) -> Result<Sources<'a>> {
    let v = ctx.viewer();
    let sources: Vec<SourceView> = ctx.kb().sources.iter().map(|s| v.source_view(s)).collect();
    // The command lists each source by the figures it backs.
    if sources.iter().all(|s| s.figures.is_empty()) {
        return Err(super::nothing(Msg::new(
            "no source that backs a figure",
            "aucune source à l’appui d’un chiffre",
        )));
    }
    Ok(Sources {
        lang: ctx.lang,
        sources,
    })
}

impl Report for Sources<'_> {
    type Record<'r>
        = &'r FigureView<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut rows = Vec::new();
        for s in self.sources.iter() {
            for (i, f) in s.figures.iter().enumerate() {
                let name = if i == 0 {
                    f.source.cell()
                } else {
                    String::new()
                };
                rows.push(vec![
                    Cell::plain(name),
                    Cell::code(f.id),
                    Cell::plain(f.label),
                    Cell::figure(f.stated.clone()),
                ]);
            }
        }
        let mut doc = Doc::default();
        doc.push(Block::Heading(l.l(L::SOURCES).to_string()));
        doc.push(Block::Table {
            caption: None,
            headers: l.labels(&[L::SOURCE, L::ID, L::FIGURE, L::AMOUNT]),
            rows,
        });
        for s in self.sources.iter() {
            super::layout::cite(&mut doc, &s.figures);
        }
        doc
    }

    /// One row a figure, source by source (the figure's record names its source).
    fn records(&self) -> Vec<&FigureView<'_>> {
        self.sources.iter().flat_map(|s| &s.figures).collect()
    }
}
