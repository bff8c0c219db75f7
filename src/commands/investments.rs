//! `aimemo investments`: the pledges, who made them, how much, where, what for,
//! and the headline as the memo states it.

use serde::Serialize;

use super::views::{plain_number, FigureView, Named, Viewer};
use super::{Ctx, Output};
use crate::error::{Error, Result};
use crate::i18n::labels as L;
use crate::kb::Figure;
use crate::render::{columns, Block, Cell, Doc};

/// The topic whose figures are the investment pledges.
pub const TOPIC: &str = "investments";

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    topic: Named<'a>,
    /// The memo's headline figure, as it states it (no computed total).
    headline: Option<FigureView<'a>>,
    /// The amounts pledged, in the memo's order.
    pledges: Vec<FigureView<'a>>,
    /// The topic's other figures (the MGX campus' capacity).
    related: Vec<FigureView<'a>>,
}

pub fn run(ctx: &Ctx) -> Result<Output> {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = Viewer { kb, lang: l };
    let figs: Vec<&Figure> = kb.figures.iter().filter(|f| f.topic_id == TOPIC).collect();
    if figs.is_empty() {
        return Err(Error::NotFound(format!(
            "the knowledge base has no figures in the topic `{TOPIC}`\ntry `aimemo figures` for the topics it has"
        )));
    }
    let headline = figs.iter().copied().find(|f| f.headline);
    let is_money = |f: &Figure| f.unit == "EUR" || f.unit == "USD";
    let pledges: Vec<&Figure> = figs
        .iter()
        .copied()
        .filter(|f| !f.headline && is_money(f))
        .collect();
    let related: Vec<&Figure> = figs
        .iter()
        .copied()
        .filter(|f| !f.headline && !is_money(f))
        .collect();
    let topic = v.topic(TOPIC);

    let mut doc = Doc::default();
    doc.push(Block::Heading(topic.name.to_string()));
    if let Some(h) = headline {
        doc.push(Block::Fields(vec![
            (l.l(L::HEADLINE).to_string(), Cell::figure(v.stated(h))),
            (l.l(L::TEXT).to_string(), Cell::plain(l.pick(&h.text))),
            (
                l.l(L::SOURCE).to_string(),
                Cell::dim(v.source_cell(&h.source_id)),
            ),
        ]));
    }
    let scope = |f: &Figure| -> String {
        let scope = v.scope(f.scope);
        match f
            .under_id
            .as_deref()
            .and_then(|u| kb.figures.iter().find(|x| x.id == u))
        {
            Some(u) if u.headline => format!("{scope} ({})", l.l(L::IN_HEADLINE)),
            Some(u) => format!("{scope} ({} {})", l.l(L::UNDER).to_lowercase(), u.id),
            None => scope.to_string(),
        }
    };
    doc.push(Block::Table {
        headers: l.labels(&[L::ID, L::WHO, L::AMOUNT, L::SCOPE]),
        rows: pledges
            .iter()
            .map(|f| {
                vec![
                    Cell::code(&f.id),
                    Cell::plain(l.pick(&f.label)),
                    Cell::figure(v.stated(f)),
                    Cell::plain(scope(f)),
                ]
            })
            .collect(),
    });
    doc.push(Block::Subheading(l.l(L::FOR).to_string()));
    doc.push(Block::Numbered(
        pledges
            .iter()
            .map(|f| l.pick(&f.text).to_string())
            .collect(),
    ));
    for f in related.iter() {
        doc.push(Block::Text(format!(
            "{}{}{}",
            l.pick(&f.label),
            l.colon(),
            v.stated(f)
        )));
    }
    let money: Vec<&Figure> = figs.iter().copied().filter(|f| is_money(f)).collect();
    if let Some(b) = super::figures::bars(&v, &money) {
        doc.push(b);
    }
    doc.records = Some((
        columns(&[
            "id",
            "who",
            "value",
            "unit",
            "magnitude",
            "qualifier",
            "scope",
            "under",
            "headline",
            "what_for",
            "source",
        ]),
        figs.iter()
            .map(|f| {
                vec![
                    f.id.to_string(),
                    l.pick(&f.label).to_string(),
                    plain_number(f.value),
                    f.unit.to_string(),
                    l.pick(&f.magnitude).to_string(),
                    f.qualifier.as_ref().map_or("", |q| l.pick(q)).to_string(),
                    v.scope(f.scope).to_string(),
                    f.under_id.as_deref().unwrap_or_default().to_string(),
                    f.headline.to_string(),
                    l.pick(&f.text).to_string(),
                    v.source_cell(&f.source_id),
                ]
            })
            .collect(),
    ));
    let json = || Json {
        lang: l.code(),
        topic,
        headline: headline.map(|h| v.figure(h)),
        pledges: pledges.iter().map(|f| v.figure(f)).collect(),
        related: related.iter().map(|f| v.figure(f)).collect(),
    };
    Ok(Output {
        doc,
        json: ctx.json_of(json),
    })
}
