//! `aimemo investments`: the pledges, who made them, how much, where, what for,
//! and the headline as the memo states it.

use serde::Serialize;

use super::layout::{self, field};
use super::views::{FigureView, Named};
use super::{Ctx, Report};
use crate::error::{Error, Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::Figure;
use crate::render::{Block, Cell, Doc};

/// The topic whose figures are the investment pledges.
pub const TOPIC: &str = "investments";

/// The investment pledges.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Investments<'a> {
    pub lang: Lang,
    pub topic: Named<'a>,
    /// The memo's headline figure, as it states it (no computed total).
    pub headline: Option<FigureView<'a>>,
    /// The amounts pledged, in the memo's order.
    pub pledges: Vec<FigureView<'a>>,
    /// The topic's other figures (the MGX campus' capacity).
    pub related: Vec<FigureView<'a>>,
}

pub fn run<'a>(ctx: &Ctx<'a>) -> Result<Investments<'a>> {
    let v = ctx.viewer();
    let figs = v.of_topic(TOPIC);
    let Some(first) = figs.first() else {
        return Err(Error::NotFound(Msg::new(
            format!("the knowledge base has no figures in the topic `{TOPIC}`\ntry `aimemo figures` for the topics it has"),
            format!("la base ne contient aucun chiffre du thème `{TOPIC}`\nessayez `aimemo chiffres` pour ses thèmes"),
        )));
    };
    let is_money = |f: &Figure| f.unit == "EUR" || f.unit == "USD";
    let pick = |keep: &dyn Fn(&Figure) -> bool| -> Vec<FigureView<'a>> {
        figs.iter()
            .filter(|f| keep(f))
            .map(|f| v.figure(f))
            .collect()
    };
    Ok(Investments {
        lang: ctx.lang,
        topic: v.topic(&first.topic_id),
        headline: figs.iter().find(|f| f.headline).map(|h| v.figure(h)),
        pledges: pick(&|f| !f.headline && is_money(f)),
        related: pick(&|f| !f.headline && !is_money(f)),
    })
}

impl Report for Investments<'_> {
    type Record<'r>
        = &'r FigureView<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        doc.push(Block::Heading(self.topic.name.to_string()));
        if let Some(h) = &self.headline {
            doc.push(Block::Fields(vec![
                field(l, L::HEADLINE, Cell::figure(h.stated.clone())),
                field(l, L::TEXT, Cell::plain(h.text)),
                field(l, L::SOURCE, Cell::dim(h.source.cell())),
            ]));
        }
        let scope = |f: &FigureView| -> String {
            let scope = layout::scope(l, f.scope);
            let scope = if scope.is_empty() {
                l.l(L::NOT_STATED)
            } else {
                scope
            };
            match f.under {
                Some(u) if self.headline.as_ref().is_some_and(|h| h.id == u) => {
                    format!("{scope} ({})", l.l(L::IN_HEADLINE))
                }
                Some(u) => format!("{scope} ({} {u})", l.l(L::UNDER).to_lowercase()),
                None => scope.to_string(),
            }
        };
        doc.push(Block::Table {
            caption: Some(l.l(L::PLEDGES).to_string()),
            headers: l.labels(&[L::ID, L::WHO, L::AMOUNT, L::SCOPE]),
            rows: self
                .pledges
                .iter()
                .map(|f| {
                    vec![
                        Cell::code(f.id),
                        Cell::plain(f.label),
                        Cell::figure(f.stated.clone()),
                        Cell::plain(scope(f)),
                    ]
                })
                .collect(),
        });
        doc.push(Block::Subheading(l.l(L::FOR).to_string()));
        doc.push(Block::Numbered(
            self.pledges.iter().map(|f| f.text.to_string()).collect(),
        ));
        for f in self.related.iter() {
            doc.push(Block::Text(format!(
                "{}{}{}",
                f.label,
                l.colon(),
                f.stated.clone()
            )));
        }
        let money: Vec<&FigureView> = self.headline.iter().chain(&self.pledges).collect();
        if let Some(b) = layout::chart(l, self.topic.name, &money, false) {
            doc.push(b);
        }
        layout::cite(
            &mut doc,
            self.headline
                .iter()
                .chain(&self.pledges)
                .chain(&self.related),
        );
        doc
    }

    fn records(&self) -> Vec<&FigureView<'_>> {
        self.headline
            .iter()
            .chain(&self.pledges)
            .chain(&self.related)
            .collect()
    }
}
