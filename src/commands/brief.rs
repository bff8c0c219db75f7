//! `aimemo brief`: a one-screen briefing sheet of the memo's key messages and figures.

use serde::Serialize;

use super::figures::TopicFigures;
use super::views::{event_dates, FigureView, ListView};
use super::{Ctx, Report};
use crate::error::{Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::{Figure, Kb};
use crate::render::{Block, Cell, Doc};

/// The figures the sheet leads with, where the knowledge base has them.
pub const KEY_FIGURES: &[&str] = &[
    "investments-france-total",
    "declaration-endorsers",
    "current-ai-initial-investment",
    "coalition-partners",
    "gpai-members",
    "genai-fraud-2023",
    "chatgpt-energy",
    "email-water",
    "genai-market-2027",
    "jobs-at-risk",
];

/// The lists the sheet opens with: France's position, then the three axes of the
/// Paris actions as its key messages.
const POSITION: &str = "france-position";
const MESSAGES: &str = "paris-actions-axes";

/// The topics whose amounts the printed sheet charts: the investment pledges, and
/// the generative-AI market (2023 and 2027).
pub const CHART_TOPICS: &[&str] = &[super::investments::TOPIC, "market"];

/// The source that stands for the memo itself, shown short on the sheet.
const MEMO_SOURCE: &str = "memo";

/// The briefing sheet.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Brief<'a> {
    pub lang: Lang,
    pub title: Option<&'a str>,
    pub series: Option<&'a str>,
    pub position: Option<ListView<'a>>,
    pub summit: Option<SummitLine<'a>>,
    pub messages: Option<ListView<'a>>,
    pub figures: Vec<FigureView<'a>>,
    /// The amounts the printed sheet charts, by topic: each topic's amounts in one
    /// currency, as the memo states them.
    pub charts: Vec<TopicFigures<'a>>,
}

/// The summit in one line: what, when, where, with whom.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SummitLine<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub dates: Option<String>,
    pub place: &'a str,
    pub co_chair: Option<&'a str>,
}

/// The figures of the sheet: the key ones present, else every headline figure.
pub fn key_figures(kb: &Kb) -> Vec<&Figure> {
    let key: Vec<&Figure> = KEY_FIGURES
        .iter()
        .filter_map(|id| kb.figures.iter().find(|f| f.id == *id))
        .collect();
    if key.is_empty() {
        kb.figures.iter().filter(|f| f.headline).collect()
    } else {
        key
    }
}

pub fn run<'a>(ctx: &Ctx<'a>) -> Result<Brief<'a>> {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = ctx.viewer();
    let memo = kb.memos.first();
    let summit = kb
        .events
        .iter()
        .find(|e| e.id == super::summit::SUMMIT)
        .or(kb.events.first());
    let brief = Brief {
        lang: l,
        title: memo.map(|m| l.pick(&m.title)),
        series: memo.map(|m| l.pick(&m.series)),
        position: v.list_by_id(POSITION).map(|p| v.list(p)),
        summit: summit.map(|ev| SummitLine {
            id: &ev.id,
            name: l.pick(&ev.name),
            dates: event_dates(ev, l),
            place: l.pick(&ev.place),
            co_chair: ev.co_chair.as_ref().map(|c| l.pick(c)),
        }),
        messages: v.list_by_id(MESSAGES).map(|m| v.list(m)),
        figures: v.figures(&key_figures(kb)),
        charts: CHART_TOPICS
            .iter()
            .filter_map(|t| {
                let figs = v.of_topic(t);
                let unit = figs
                    .iter()
                    .map(|f| &*f.unit)
                    .find(|u| *u == "EUR" || *u == "USD")?;
                let topic = v.topic(&figs.first()?.topic_id);
                Some(TopicFigures {
                    id: topic.id,
                    name: topic.name,
                    figures: figs
                        .into_iter()
                        .filter(|f| f.unit == unit)
                        .map(|f| v.figure(f))
                        .collect(),
                })
            })
            .collect(),
    };
    if brief.position.is_none()
        && brief.summit.is_none()
        && brief.messages.is_none()
        && brief.figures.is_empty()
        && brief.charts.is_empty()
    {
        return Err(super::nothing(Msg::new(
            "nothing a brief shows (no headline figures, no event, none of the memo's lists)",
            "rien de ce qu’une synthèse montre (ni chiffres clés, ni événement, ni les listes du mémo)",
        )));
    }
    Ok(brief)
}

impl Report for Brief<'_> {
    type Record<'r>
        = &'r FigureView<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        doc.push(Block::Heading(match (self.series, self.title) {
            (Some(s), Some(t)) => format!("{s} — {t}"),
            _ => "aimemo".to_string(),
        }));
        if let Some(p) = &self.position {
            let words: Vec<&str> = p.items.iter().map(|i| i.text).collect();
            doc.push(Block::Text(format!(
                "{}{}{}.",
                p.title,
                l.colon(),
                words.join(", ")
            )));
        }
        if let Some(ev) = &self.summit {
            let mut line = match &ev.dates {
                Some(d) => format!("{} — {d}, {}", ev.name, ev.place),
                None => format!("{} — {}", ev.name, ev.place),
            };
            if let Some(c) = ev.co_chair {
                line.push_str(&format!(
                    " ({}{}{c})",
                    l.l(L::CO_CHAIR).to_lowercase(),
                    l.colon()
                ));
            }
            doc.push(Block::Text(line));
        }
        if let Some(m) = &self.messages {
            doc.push(Block::Subheading(l.l(L::PARIS_ACTIONS).to_string()));
            doc.push(Block::Numbered(
                m.items.iter().map(|i| i.text.to_string()).collect(),
            ));
        }
        if !self.figures.is_empty() {
            doc.push(Block::Table {
                caption: Some(l.l(L::KEY_FIGURES).to_string()),
                headers: l.labels(&[L::AMOUNT, L::FIGURE, L::SOURCE]),
                rows: self
                    .figures
                    .iter()
                    .map(|f| {
                        let source = if f.source.id == MEMO_SOURCE {
                            l.l(L::MEMO).to_string()
                        } else {
                            f.source.cell()
                        };
                        vec![
                            Cell::figure(super::layout::whole(l, f)),
                            Cell::plain(f.label),
                            Cell::dim(source),
                        ]
                    })
                    .collect(),
            });
        }
        for c in self.charts.iter() {
            let figs: Vec<&FigureView> = c.figures.iter().collect();
            if let Some(chart) = super::layout::chart(l, c.name, &figs, true) {
                doc.push(chart);
            }
        }
        super::layout::cite(
            &mut doc,
            self.figures
                .iter()
                .chain(self.charts.iter().flat_map(|c| &c.figures)),
        );
        doc
    }

    /// The sheet's key figures.
    fn records(&self) -> Vec<&FigureView<'_>> {
        self.figures.iter().collect()
    }
}
