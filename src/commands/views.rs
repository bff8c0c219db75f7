//! Entries as the commands return them: one view per kind of entry, in the chosen
//! language (the JSON shapes), and the columns each gives as a row of CSV and TSV.
//!
//! The JSON shapes are a contract (README, "JSON output"): keys are only ever added.

use serde::{Serialize, Serializer};

use crate::i18n::Lang;
use crate::kb::{
    Actor, Event, Figure, Group, Kb, Kind, Link, List, Scope, Section, Source, Text, Topic,
};
use crate::render::Row;

/// A number as JSON (and CSV) writes it best: an integer when it is whole.
pub fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() <= crate::kb::validate::MAX_EXACT {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

#[derive(Serialize, Clone, Copy)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Named<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

#[derive(Serialize, Clone, Copy)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SourceRef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub date: Option<&'a str>,
    /// The date as ISO 8601 (`2023-07`).
    pub date_iso: Option<&'a str>,
}

impl SourceRef<'_> {
    /// Its name and date, as a table shows them.
    pub fn cell(&self) -> String {
        match self.date {
            Some(d) => format!("{} ({d})", self.name),
            None => self.name.to_string(),
        }
    }
}

#[derive(Serialize, Clone, Copy)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ActorRef<'a> {
    pub id: &'a str,
    /// The code the memo gives (often a French acronym).
    pub code: Option<&'a str>,
    /// The English acronym, where there is an established one.
    pub code_en: Option<&'a str>,
    pub name: &'a str,
}

impl ActorRef<'_> {
    /// As people name it in `lang`: its code (the English one in English), or its name.
    pub fn label(&self, lang: Lang) -> &str {
        code_in(lang, self.code, self.code_en).unwrap_or(self.name)
    }
}

/// The code an actor goes by in `lang`: the English acronym in English when there is
/// one, the memo's code otherwise.
pub fn code_in<'a>(lang: Lang, code: Option<&'a str>, code_en: Option<&'a str>) -> Option<&'a str> {
    match lang {
        Lang::En => code_en.or(code),
        Lang::Fr => code.or(code_en),
    }
}

/// A code with the other language's beside it: `OECD (OCDE)` in English, `OCDE (OECD)`
/// in French.
pub fn both_codes(lang: Lang, code: Option<&str>, code_en: Option<&str>) -> Option<String> {
    match (code, code_en) {
        (Some(c), Some(e)) if c != e => Some(match lang {
            Lang::En => format!("{e} ({c})"),
            Lang::Fr => format!("{c} ({e})"),
        }),
        (c, e) => c.or(e).map(str::to_string),
    }
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct FigureView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub topic: Named<'a>,
    pub label: &'a str,
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub unit: &'a str,
    pub magnitude: &'a str,
    pub qualifier: Option<&'a str>,
    pub qualifier_code: Option<&'a str>,
    /// The amount as the memo states it, as one phrase with its hedge ([`stated`]).
    pub stated: String,
    pub text: &'a str,
    pub period: Option<&'a str>,
    pub period_iso: Option<&'a str>,
    pub source: SourceRef<'a>,
    pub section: Named<'a>,
    pub actors: Vec<ActorRef<'a>>,
    pub headline: bool,
    pub scope: Option<Scope>,
    pub under: Option<&'a str>,
    pub quote: Option<&'a str>,
}

/// A figure's columns, wherever figures are rows.
impl Row for FigureView<'_> {
    fn columns(&self) -> &'static str {
        "id topic_id topic=topic_name label value unit magnitude qualifier qualifier_code stated \
         period period_iso source_id source=source_name source_date source_date_iso scope under \
         headline text"
    }
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ItemView<'a> {
    pub n: usize,
    pub text: &'a str,
    pub detail: Option<&'a str>,
    pub refs: Vec<&'a str>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ListView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub title: &'a str,
    pub section: Named<'a>,
    pub items: Vec<ItemView<'a>>,
    pub quote: Option<&'a str>,
}

/// A list as one row: its items' texts joined with ` | `.
impl Row for ListView<'_> {
    fn columns(&self) -> &'static str {
        "id title section_id section=section_name count=#items items=items_text"
    }
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ActorView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub code: Option<&'a str>,
    pub code_en: Option<&'a str>,
    pub name: &'a str,
    pub group: Named<'a>,
    /// The nearest parent's id, or null.
    pub parent: Option<&'a str>,
    /// From the nearest parent up.
    pub parents: Vec<ActorRef<'a>>,
    pub role: Option<&'a str>,
    pub related: Vec<&'a str>,
    pub children: Vec<ActorRef<'a>>,
    /// The actor whose paragraph of the memo holds this one's sentence (not a parent).
    pub appears_in: Option<ActorRef<'a>>,
    /// That paragraph, in the memo's words.
    pub paragraph: Option<&'a str>,
    pub section: Named<'a>,
    pub figures: Vec<FigureView<'a>>,
    pub lists: Vec<Named<'a>>,
    pub quote: Option<&'a str>,
}

impl Row for ActorView<'_> {
    fn columns(&self) -> &'static str {
        "id code code_en name group_id group=group_name parent role section_id"
    }
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SourceView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a str,
    pub date: Option<&'a str>,
    pub date_iso: Option<&'a str>,
    pub figures: Vec<FigureView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct EventView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a str,
    pub start: Option<&'a str>,
    pub end: Option<&'a str>,
    /// The dates as people write them (`6–11 February 2025`), when the memo gives them.
    pub dates: Option<String>,
    pub place: &'a str,
    pub co_chair: Option<&'a str>,
    pub description: &'a str,
    pub section: Named<'a>,
    pub part_of: Option<Named<'a>>,
    pub topic: Option<Named<'a>>,
    pub lists: Vec<ListView<'a>>,
    pub figures: Vec<FigureView<'a>>,
    pub quote: Option<&'a str>,
}

impl Row for EventView<'_> {
    fn columns(&self) -> &'static str {
        "id name start end place co_chair description section_id"
    }
}

/// A figure's amount as the memo states it, as one phrase: its hedge, the amount and
/// what is counted ("plus de 109 milliards d’euros", "une 60aine de livrables"). The
/// knowledge base's `stated` where the memo's phrase is not the qualifier and the
/// magnitude joined ("aurait contribué à 12 milliards de dollars de fraude"); else
/// the two joined. Every view of a figure shows this phrase, never the qualifier
/// apart from its amount, which a reader copying one cell would misquote.
pub fn stated(lang: Lang, f: &Figure) -> String {
    match (&f.stated, &f.qualifier) {
        (Some(s), _) => lang.pick(s).to_string(),
        (None, Some(q)) => format!("{} {}", lang.pick(q), lang.pick(&f.magnitude)),
        (None, None) => lang.pick(&f.magnitude).to_string(),
    }
}

/// Builds the views of entries, in one language. The knowledge base it reads is
/// validated and its references resolved: each link leads to its entry in one step.
#[derive(Clone, Copy)]
pub struct Viewer<'a> {
    pub kb: &'a Kb,
    pub lang: Lang,
}

impl<'a> Viewer<'a> {
    fn pick(&self, t: &'a Text) -> &'a str {
        self.lang.pick(t)
    }

    fn pick_opt(&self, t: &'a Option<Text>) -> Option<&'a str> {
        t.as_ref().map(|t| self.lang.pick(t))
    }

    fn named(&self, id: &'a str, name: &'a Text) -> Named<'a> {
        Named {
            id,
            name: self.pick(name),
        }
    }

    /// The topic a link names. Links are resolved when the knowledge base is
    /// validated, so views follow them without searching (`Kb::get`).
    pub fn topic(&self, l: &Link<Topic>) -> Named<'a> {
        let t = self.kb.get(l);
        self.named(&t.id, &t.name)
    }

    pub fn section(&self, l: &Link<Section>) -> Named<'a> {
        let s = self.kb.get(l);
        self.named(&s.id, &s.title)
    }

    pub fn group(&self, l: &Link<Group>) -> Named<'a> {
        let g = self.kb.get(l);
        self.named(&g.id, &g.name)
    }

    pub fn source(&self, l: &Link<Source>) -> SourceRef<'a> {
        self.source_ref(self.kb.get(l))
    }

    pub fn source_ref(&self, s: &'a Source) -> SourceRef<'a> {
        SourceRef {
            id: &s.id,
            name: self.pick(&s.name),
            date: self.pick_opt(&s.date),
            date_iso: s.date_iso.as_deref(),
        }
    }

    /// A list by an id the code names (the brief's), when the knowledge base has it.
    pub fn list_by_id(&self, id: &str) -> Option<&'a List> {
        self.kb.lists.iter().find(|l| l.id == id)
    }

    pub fn actor_ref(&self, a: &'a Actor) -> ActorRef<'a> {
        ActorRef {
            id: &a.id,
            code: a.code.as_deref(),
            code_en: a.code_en.as_deref(),
            name: self.pick(&a.name),
        }
    }

    pub fn figure(&self, f: &'a Figure) -> FigureView<'a> {
        FigureView {
            kind: Kind::Figure,
            id: &f.id,
            topic: self.topic(&f.topic_id),
            label: self.pick(&f.label),
            value: f.value,
            unit: &f.unit,
            magnitude: self.pick(&f.magnitude),
            qualifier: self.pick_opt(&f.qualifier),
            qualifier_code: f.qualifier_code.as_deref(),
            stated: stated(self.lang, f),
            text: self.pick(&f.text),
            period: self.pick_opt(&f.period),
            period_iso: f.period_iso.as_deref(),
            source: self.source(&f.source_id),
            section: self.section(&f.section_id),
            actors: f
                .actor_ids
                .iter()
                .map(|a| self.actor_ref(self.kb.get(a)))
                .collect(),
            headline: f.headline,
            scope: f.scope,
            under: f.under_id.as_deref(),
            quote: f.quote.as_deref(),
        }
    }

    pub fn figures(&self, figs: &[&'a Figure]) -> Vec<FigureView<'a>> {
        figs.iter().map(|f| self.figure(f)).collect()
    }

    pub fn list(&self, l: &'a List) -> ListView<'a> {
        ListView {
            kind: Kind::List,
            id: &l.id,
            title: self.pick(&l.title),
            section: self.section(&l.section_id),
            items: l
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| ItemView {
                    n: i + 1,
                    text: self.pick(&it.text),
                    detail: self.pick_opt(&it.detail),
                    refs: it.ref_ids.iter().map(|r| &**r).collect(),
                })
                .collect(),
            quote: l.quote.as_deref(),
        }
    }

    /// The chain of parents of an actor, nearest first (stops on a cycle).
    pub fn parents(&self, a: &'a Actor) -> Vec<&'a Actor> {
        let mut out: Vec<&Actor> = Vec::new();
        let mut cur = a;
        while let Some(p) = cur.parent_id.as_ref().map(|p| self.kb.get(p)) {
            if p.id == a.id || out.iter().any(|x| x.id == p.id) {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }

    pub fn children(&self, a: &Actor) -> Vec<&'a Actor> {
        self.kb
            .actors
            .iter()
            .filter(|c| c.parent_id.as_ref().is_some_and(|p| p.id == a.id))
            .collect()
    }

    pub fn actor(&self, a: &'a Actor) -> ActorView<'a> {
        let figures = self
            .kb
            .figures
            .iter()
            .filter(|f| f.actor_ids.iter().any(|x| x.id == a.id))
            .map(|f| self.figure(f))
            .collect();
        let lists = self
            .kb
            .lists
            .iter()
            .filter(|l| {
                l.actor_ids.iter().any(|x| x.id == a.id)
                    || l.items.iter().any(|i| i.ref_ids.contains(&a.id))
            })
            .map(|l| Named {
                id: &l.id,
                name: self.pick(&l.title),
            })
            .collect();
        ActorView {
            kind: Kind::Actor,
            id: &a.id,
            code: a.code.as_deref(),
            code_en: a.code_en.as_deref(),
            name: self.pick(&a.name),
            group: self.group(&a.group_id),
            parent: a.parent_id.as_deref(),
            parents: self
                .parents(a)
                .into_iter()
                .map(|p| self.actor_ref(p))
                .collect(),
            role: self.pick_opt(&a.role),
            related: a.related.iter().map(|r| self.pick(r)).collect(),
            children: self
                .children(a)
                .into_iter()
                .map(|c| self.actor_ref(c))
                .collect(),
            appears_in: a
                .appears_in_id
                .as_ref()
                .map(|p| self.actor_ref(self.kb.get(p))),
            paragraph: a
                .appears_in_id
                .as_ref()
                .and_then(|p| self.kb.get(p).quote.as_deref()),
            section: self.section(&a.section_id),
            figures,
            lists,
            quote: a.quote.as_deref(),
        }
    }

    /// The figures a source backs.
    pub fn backed(&self, s: &Source) -> Vec<&'a Figure> {
        self.kb
            .figures
            .iter()
            .filter(|f| f.source_id.id == s.id)
            .collect()
    }

    pub fn source_view(&self, s: &'a Source) -> SourceView<'a> {
        SourceView {
            kind: Kind::Source,
            id: &s.id,
            name: self.pick(&s.name),
            date: self.pick_opt(&s.date),
            date_iso: s.date_iso.as_deref(),
            figures: self.figures(&self.backed(s)),
        }
    }

    /// The figures of a topic, in knowledge-base order.
    pub fn of_topic(&self, topic: &str) -> Vec<&'a Figure> {
        self.kb
            .figures
            .iter()
            .filter(|f| f.topic_id.id == topic)
            .collect()
    }

    /// An event, with its lists, and its figures: those it names, else its topic's.
    pub fn event(&self, ev: &'a Event) -> EventView<'a> {
        let l = self.lang;
        let figures: Vec<&Figure> = if ev.figure_ids.is_empty() {
            ev.topic_id
                .as_deref()
                .map_or_else(Vec::new, |t| self.of_topic(t))
        } else {
            ev.figure_ids.iter().map(|f| self.kb.get(f)).collect()
        };
        EventView {
            kind: Kind::Event,
            id: &ev.id,
            name: self.pick(&ev.name),
            start: ev.start.as_deref(),
            end: ev.end.as_deref(),
            dates: event_dates(ev, l),
            place: self.pick(&ev.place),
            co_chair: self.pick_opt(&ev.co_chair),
            description: self.pick(&ev.description),
            section: self.section(&ev.section_id),
            part_of: ev.part_of_id.as_ref().map(|p| {
                let e = self.kb.get(p);
                self.named(&e.id, &e.name)
            }),
            topic: ev.topic_id.as_ref().map(|t| self.topic(t)),
            lists: ev
                .list_ids
                .iter()
                .map(|l| self.list(self.kb.get(l)))
                .collect(),
            figures: self.figures(&figures),
            quote: ev.quote.as_deref(),
        }
    }
}

/// The months, as dates are written in English and in French.
pub const MONTHS_EN: [&str; 12] = [
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
pub const MONTHS_FR: [&str; 12] = [
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

/// An event's dates as people write them, when the memo gives them.
pub fn event_dates(ev: &Event, lang: Lang) -> Option<String> {
    match (&ev.start, &ev.end) {
        (Some(s), Some(e)) => Some(date_range(s, e, lang)),
        (Some(d), None) | (None, Some(d)) => Some(date_range(d, d, lang)),
        (None, None) => None,
    }
}

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
        _ if start == end => start.to_string(),
        _ => format!("{start} – {end}"),
    }
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
