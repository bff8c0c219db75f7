//! `aimemo brief`: a one-screen briefing sheet of the memo's key messages and figures.

use serde::Serialize;

use super::views::{FigureView, ListView, Viewer};
use super::{Ctx, Output};
use crate::error::Result;
use crate::i18n::labels as L;
use crate::kb::Figure;
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

/// The source that stands for the memo itself, shown short on the sheet.
const MEMO_SOURCE: &str = "memo";

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    title: Option<&'a str>,
    series: Option<&'a str>,
    position: Option<ListView<'a>>,
    messages: Option<ListView<'a>>,
    figures: Vec<FigureView<'a>>,
}

/// The figures of the sheet: the key ones present, else every headline figure.
pub fn key_figures(kb: &crate::kb::Kb) -> Vec<&Figure> {
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

pub fn run(ctx: &Ctx) -> Result<Output> {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = Viewer { kb, lang: l };
    let memo = kb.memos.first();
    let position = kb.lists.iter().find(|x| x.id == POSITION);
    let messages = kb.lists.iter().find(|x| x.id == MESSAGES);
    let figs = key_figures(kb);

    let mut doc = Doc::default();
    let title = match memo {
        Some(m) => format!("{} — {}", l.pick(&m.series), l.pick(&m.title)),
        None => "aimemo".to_string(),
    };
    doc.push(Block::Heading(title));
    if let Some(p) = position {
        let words: Vec<&str> = p.items.iter().map(|i| l.pick(&i.text)).collect();
        doc.push(Block::Text(format!(
            "{}{}{}.",
            l.pick(&p.title),
            l.colon(),
            words.join(", ")
        )));
    }
    if let Some(ev) = kb
        .events
        .iter()
        .find(|e| e.id == super::summit::SUMMIT)
        .or(kb.events.first())
    {
        let mut line = format!(
            "{} — {}, {}",
            l.pick(&ev.name),
            super::summit::date_range(&ev.start, &ev.end, l),
            l.pick(&ev.place)
        );
        if let Some(c) = &ev.co_chair {
            line.push_str(&format!(
                " ({}{}{})",
                l.l(L::CO_CHAIR).to_lowercase(),
                l.colon(),
                l.pick(c)
            ));
        }
        doc.push(Block::Text(line));
    }
    if let Some(m) = messages {
        doc.push(Block::Subheading(format!(
            "{} ({})",
            l.l(L::PARIS_ACTIONS),
            m.id
        )));
        doc.push(Block::Numbered(
            m.items
                .iter()
                .map(|i| l.pick(&i.text).to_string())
                .collect(),
        ));
    }
    if !figs.is_empty() {
        doc.push(Block::Table {
            headers: l.labels(&[L::AMOUNT, L::FIGURE, L::SOURCE]),
            rows: figs
                .iter()
                .map(|f| {
                    let source = if f.source_id == MEMO_SOURCE {
                        l.l(L::MEMO).to_string()
                    } else {
                        v.source_cell(&f.source_id)
                    };
                    vec![
                        Cell::figure(v.stated(f)),
                        Cell::plain(l.pick(&f.label)),
                        Cell::dim(source),
                    ]
                })
                .collect(),
        });
    }
    let json = || Json {
        lang: l.code(),
        title: memo.map(|m| l.pick(&m.title)),
        series: memo.map(|m| l.pick(&m.series)),
        position: position.map(|p| v.list(p)),
        messages: messages.map(|m| v.list(m)),
        figures: figs.iter().map(|f| v.figure(f)).collect(),
    };
    Ok(Output {
        doc,
        json: ctx.json_of(json),
    })
}
