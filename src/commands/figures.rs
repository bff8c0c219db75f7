//! `aimemo figures [TOPIC]`: every figure with its qualifier and source, by topic.

use serde::Serialize;

use super::views::{plain_number, FigureView, Named, Viewer};
use super::{miss, Ctx, Output};
use crate::error::Result;
use crate::i18n::labels as L;
use crate::kb::lookup;
use crate::kb::Figure;
use crate::render::{columns, Bar, Block, Cell, Doc};

#[derive(Serialize)]
struct TopicFigures<'a> {
    id: &'a str,
    name: &'a str,
    figures: Vec<FigureView<'a>>,
}

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    topic: Option<Named<'a>>,
    topics: Vec<TopicFigures<'a>>,
}

/// The table of figures shared by the commands that show figures.
pub fn table(v: &Viewer, figs: &[&Figure]) -> Block {
    let l = v.lang;
    Block::Table {
        headers: l.labels(&[
            L::ID,
            L::FIGURE,
            L::AMOUNT,
            L::QUALIFIER,
            L::PERIOD,
            L::SOURCE,
        ]),
        rows: figs
            .iter()
            .map(|f| {
                vec![
                    Cell::code(&f.id),
                    Cell::plain(l.pick(&f.label)),
                    Cell::figure(l.pick(&f.magnitude)),
                    Cell::dim(f.qualifier.as_ref().map_or("", |q| l.pick(q))),
                    Cell::plain(f.period.as_ref().map_or("", |p| l.pick(p))),
                    Cell::dim(v.source_cell(&f.source_id)),
                ]
            })
            .collect(),
    }
}

/// Bars for figures that share one currency, when there are several to compare.
pub fn bars(v: &Viewer, figs: &[&Figure]) -> Option<Block> {
    let unit = &figs.first()?.unit;
    let currency = unit == "EUR" || unit == "USD";
    (currency && figs.len() > 1 && figs.iter().all(|f| &f.unit == unit)).then(|| {
        Block::Bars(
            figs.iter()
                .map(|f| Bar {
                    label: match &f.period {
                        Some(p) => format!("{} ({})", v.lang.pick(&f.label), v.lang.pick(p)),
                        None => v.lang.pick(&f.label).to_string(),
                    },
                    value: f.value,
                    shown: v.stated(f),
                })
                .collect(),
        )
    })
}

pub fn run(ctx: &Ctx, topic: Option<&str>) -> Result<Output> {
    let topic = topic
        .map(|t| super::not_empty(t, "topic", "aimemo figures market"))
        .transpose()?;
    let kb = ctx.kb();
    let v = Viewer { kb, lang: ctx.lang };
    let l = ctx.lang;
    let chosen = match topic {
        Some(q) => Some(lookup::topic(kb, q).ok_or_else(|| {
            miss(
                format!("no topic matches `{}`", super::shown(q)),
                q,
                kb.topics.iter().map(|t| &*t.id),
                &format!(
                    "topics: {}",
                    kb.topics
                        .iter()
                        .map(|t| &*t.id)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })?),
        None => None,
    };
    let mut doc = Doc::default();
    let mut json = Json {
        lang: l.code(),
        topic: chosen.map(|t| Named {
            id: &t.id,
            name: l.pick(&t.name),
        }),
        topics: Vec::new(),
    };
    let mut records = Vec::new();
    for t in kb
        .topics
        .iter()
        .filter(|t| chosen.is_none_or(|c| c.id == t.id))
    {
        let figs: Vec<&Figure> = kb.figures.iter().filter(|f| f.topic_id == t.id).collect();
        if figs.is_empty() {
            continue;
        }
        doc.push(Block::Subheading(format!("{} ({})", l.pick(&t.name), t.id)));
        doc.push(table(&v, &figs));
        if let Some(b) = bars(&v, &figs) {
            doc.push(b);
        }
        for f in figs.iter() {
            records.push(vec![
                t.id.to_string(),
                f.id.to_string(),
                l.pick(&f.label).to_string(),
                plain_number(f.value),
                f.unit.to_string(),
                l.pick(&f.magnitude).to_string(),
                f.qualifier.as_ref().map_or("", |q| l.pick(q)).to_string(),
                f.period.as_ref().map_or("", |p| l.pick(p)).to_string(),
                v.source_cell(&f.source_id),
            ]);
        }
        json.topics.push(TopicFigures {
            id: &t.id,
            name: l.pick(&t.name),
            figures: figs.iter().map(|f| v.figure(f)).collect(),
        });
    }
    doc.records = Some((
        columns(&[
            "topic",
            "id",
            "label",
            "value",
            "unit",
            "magnitude",
            "qualifier",
            "period",
            "source",
        ]),
        records,
    ));
    Ok(Output {
        doc,
        json: ctx.json_of(|| json),
    })
}
