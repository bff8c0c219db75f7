//! `aimemo summit`: the Paris AI Action Summit: dates, place, co-chair, its lists
//! (the five verticals) and the summit in figures.

use serde::Serialize;

use super::views::{FigureView, ListView, Named, Viewer};
use super::{Ctx, Output};
use crate::error::{Error, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::{Event, Figure};
use crate::render::{Block, Cell, Doc};

/// The summit's id in the built-in knowledge base; other events are shown when it is absent.
pub const SUMMIT: &str = "paris-summit";

#[derive(Serialize)]
pub struct EventView<'a> {
    pub kind: &'static str,
    pub id: &'a str,
    pub name: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub dates: String,
    pub place: &'a str,
    pub co_chair: Option<&'a str>,
    pub description: &'a str,
    pub section: Named<'a>,
    pub lists: Vec<ListView<'a>>,
    pub figures: Vec<FigureView<'a>>,
}

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    event: EventView<'a>,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `6–11 February 2025`, `6–11 février 2025`; dates as written when they do not parse.
pub fn date_range(start: &str, end: &str, lang: Lang) -> String {
    let parse = |d: &str| -> Option<(u32, usize, u32)> {
        let y = d.get(0..4)?.parse().ok()?;
        let m: usize = d.get(5..7)?.parse().ok()?;
        let day = d.get(8..10)?.parse().ok()?;
        (1..=12).contains(&m).then_some((y, m - 1, day))
    };
    let months = match lang {
        Lang::En => MONTHS_EN,
        Lang::Fr => MONTHS_FR,
    };
    match (parse(start), parse(end)) {
        (Some((y1, m1, d1)), Some((y2, m2, d2))) if (y1, m1) == (y2, m2) => {
            if d1 == d2 {
                format!("{d1} {} {y1}", months[m1])
            } else {
                format!("{d1}–{d2} {} {y1}", months[m1])
            }
        }
        (Some((y1, m1, d1)), Some((y2, m2, d2))) => {
            format!("{d1} {} {y1} – {d2} {} {y2}", months[m1], months[m2])
        }
        _ => format!("{start} – {end}"),
    }
}

/// The view of an event, with its lists and the figures of its topic.
pub fn view<'a>(v: &Viewer<'a>, ev: &'a Event) -> EventView<'a> {
    let l = v.lang;
    EventView {
        kind: "event",
        id: &ev.id,
        name: l.pick(&ev.name),
        start: &ev.start,
        end: &ev.end,
        dates: date_range(&ev.start, &ev.end, l),
        place: l.pick(&ev.place),
        co_chair: ev.co_chair.as_ref().map(|c| l.pick(c)),
        description: l.pick(&ev.description),
        section: v.section(&ev.section_id),
        lists: ev
            .list_ids
            .iter()
            .filter_map(|id| v.kb.lists.iter().find(|x| &x.id == id))
            .map(|x| v.list(x))
            .collect(),
        figures: figures(v, ev).into_iter().map(|f| v.figure(f)).collect(),
    }
}

fn figures<'a>(v: &Viewer<'a>, ev: &Event) -> Vec<&'a Figure> {
    match &ev.topic_id {
        Some(t) => v.kb.figures.iter().filter(|f| &f.topic_id == t).collect(),
        None => Vec::new(),
    }
}

/// The document for an event: facts, description, lists, figures.
pub fn doc(v: &Viewer, ev: &Event) -> Doc {
    let l = v.lang;
    let mut doc = Doc::default();
    doc.push(Block::Heading(l.pick(&ev.name).to_string()));
    let mut fields = vec![
        (
            l.l(L::DATES).to_string(),
            Cell::figure(date_range(&ev.start, &ev.end, l)),
        ),
        (l.l(L::PLACE).to_string(), Cell::plain(l.pick(&ev.place))),
    ];
    if let Some(c) = &ev.co_chair {
        fields.push((l.l(L::CO_CHAIR).to_string(), Cell::plain(l.pick(c))));
    }
    fields.push((
        l.l(L::SECTION).to_string(),
        Cell::dim(v.section(&ev.section_id).name),
    ));
    doc.push(Block::Fields(fields));
    doc.push(Block::Text(l.pick(&ev.description).to_string()));
    for list in ev
        .list_ids
        .iter()
        .filter_map(|id| v.kb.lists.iter().find(|x| &x.id == id))
    {
        doc.push(Block::Subheading(format!(
            "{} ({})",
            l.pick(&list.title),
            list.id
        )));
        doc.push(Block::Numbered(
            list.items
                .iter()
                .map(|i| l.pick(&i.text).to_string())
                .collect(),
        ));
    }
    let figs = figures(v, ev);
    if !figs.is_empty() {
        let topic = ev.topic_id.as_deref().map_or("", |t| v.topic(t).name);
        doc.push(Block::Subheading(topic.to_string()));
        doc.push(super::figures::table(v, &figs));
    }
    doc
}

pub fn run(ctx: &Ctx) -> Result<Output> {
    let kb = ctx.kb();
    let ev = kb
        .events
        .iter()
        .find(|e| e.id == SUMMIT)
        .or_else(|| kb.events.first())
        .ok_or_else(|| {
            Error::NotFound(
                "the knowledge base has no event to show\ntry `aimemo lists` or `aimemo figures`"
                    .into(),
            )
        })?;
    let v = Viewer { kb, lang: ctx.lang };
    let json = || Json {
        lang: ctx.lang.code(),
        event: view(&v, ev),
    };
    Ok(Output {
        doc: doc(&v, ev),
        json: ctx.json_of(json),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges() {
        assert_eq!(
            date_range("2025-02-06", "2025-02-11", Lang::En),
            "6–11 February 2025"
        );
        assert_eq!(
            date_range("2025-02-06", "2025-02-11", Lang::Fr),
            "6–11 février 2025"
        );
        assert_eq!(
            date_range("2025-01-31", "2025-02-01", Lang::En),
            "31 January 2025 – 1 February 2025"
        );
        assert_eq!(date_range("x", "y", Lang::En), "x – y");
    }
}
