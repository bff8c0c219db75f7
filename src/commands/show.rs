//! `aimemo show ID`: any single entry, whatever its kind, with all its fields.

use serde::Serialize;

use super::views::{
    ActorRef, ActorView, EventView, FigureView, ListView, Named, SourceView, Viewer,
};
use super::{layout, miss, Ctx, Report};
use crate::error::{Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::{lookup, EntryRef, Kb, Kind};
use crate::render::{Block, Cell, Doc, Row};

/// One entry, and its kind.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Show<'a> {
    pub lang: Lang,
    pub kind: Kind,
    pub entry: Entry<'a>,
}

/// One entry of any kind, serialized as that kind's own object.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Entry<'a> {
    Figure(FigureView<'a>),
    List(ListView<'a>),
    Actor(ActorView<'a>),
    Event(EventView<'a>),
    Source(SourceView<'a>),
    Topic(TopicView<'a>),
    Group(GroupView<'a>),
    Section(SectionView<'a>),
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct TopicView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a str,
    pub figures: Vec<FigureView<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GroupView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub name: &'a str,
    pub section: Option<Named<'a>>,
    pub actors: Vec<ActorRef<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct EntryId<'a> {
    pub kind: Kind,
    pub id: &'a str,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SectionView<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub title: &'a str,
    pub parent: Option<Named<'a>>,
    pub entries: Vec<EntryId<'a>>,
}

/// An entry as one row of CSV or TSV: the columns of its kind; a source, topic,
/// group or section gives what it is and how many entries it holds (figures backed,
/// figures, actors, entries), and its `context`: its date (a source's), section (a
/// group's) or parent (a section's).
impl Row for Entry<'_> {
    fn columns(&self) -> &'static str {
        match self {
            Entry::Figure(f) => f.columns(),
            Entry::List(x) => x.columns(),
            Entry::Actor(a) => a.columns(),
            Entry::Event(ev) => ev.columns(),
            Entry::Source(_) => "kind id name context=date count=#figures",
            Entry::Topic(_) => "kind id name context count=#figures",
            Entry::Group(_) => "kind id name context=section_id count=#actors",
            Entry::Section(_) => "kind id name=title context=parent_id count=#entries",
        }
    }
}

/// The entries that stand in a section, and the sections under it.
fn in_section<'a>(kb: &'a Kb, id: &str) -> Vec<EntryId<'a>> {
    kb.ids()
        .filter(|(_, e)| kb.section_of(*e).is_some_and(|s| s.id == id))
        .map(|(entry_id, e)| EntryId {
            kind: e.kind,
            id: entry_id,
        })
        .collect()
}

/// Any entry, by reference.
pub fn entry<'a>(ctx: &Ctx<'a>, e: EntryRef) -> Show<'a> {
    entry_of(&ctx.viewer(), e)
}

/// Any entry, by reference, as a viewer builds it.
pub fn entry_of<'a>(v: &Viewer<'a>, e: EntryRef) -> Show<'a> {
    let kb = v.kb;
    let l = v.lang;
    let entry = match e.kind {
        Kind::Figure => Entry::Figure(v.figure(&kb.figures[e.idx])),
        Kind::List => Entry::List(v.list(&kb.lists[e.idx])),
        Kind::Actor => Entry::Actor(v.actor(&kb.actors[e.idx])),
        Kind::Event => Entry::Event(v.event(&kb.events[e.idx])),
        Kind::Source => Entry::Source(v.source_view(&kb.sources[e.idx])),
        Kind::Topic => {
            let t = &kb.topics[e.idx];
            Entry::Topic(TopicView {
                kind: Kind::Topic,
                id: &t.id,
                name: l.pick(&t.name),
                figures: v.figures(&v.of_topic(&t.id)),
            })
        }
        Kind::Group => {
            let g = &kb.groups[e.idx];
            Entry::Group(GroupView {
                kind: Kind::Group,
                id: &g.id,
                name: l.pick(&g.name),
                section: g.section_id.as_ref().map(|s| v.section(s)),
                actors: kb
                    .actors
                    .iter()
                    .filter(|a| a.group_id == g.id)
                    .map(|a| v.actor_ref(a))
                    .collect(),
            })
        }
        Kind::Section => {
            let s = &kb.sections[e.idx];
            Entry::Section(SectionView {
                kind: Kind::Section,
                id: &s.id,
                title: l.pick(&s.title),
                parent: s.parent_id.as_ref().map(|p| v.section(p)),
                entries: in_section(kb, &s.id),
            })
        }
    };
    Show {
        lang: l,
        kind: e.kind,
        entry,
    }
}

pub fn run<'a>(ctx: &Ctx<'a>, id: &str) -> Result<Show<'a>> {
    let id = super::not_empty(
        id,
        Msg::new("the id", "l’identifiant"),
        Msg::new("aimemo show jobs-at-risk", "aimemo fiche jobs-at-risk"),
    )?;
    let kb = ctx.kb();
    // An id first; else a code or an alias (`IEA`, the source `aie`; `DNUM`).
    let by_name = || match lookup::by_name(kb, id)[..] {
        [] => Ok(None),
        [one] => Ok(Some(one)),
        ref several => Err(super::several(
            id,
            Msg::new("entries", "fiches"),
            several
                .iter()
                .map(|e| (kb.id_of(*e), layout::kind_label(ctx.lang, e.kind))),
            Msg::new("give its id", "indiquez son identifiant"),
        )),
    };
    let found = match lookup::by_id(kb, id) {
        Some(e) => Some(e),
        None => by_name()?,
    };
    match found {
        Some(e) => Ok(entry(ctx, e)),
        None => {
            let shown = super::shown(id);
            Err(miss(
                Msg::new(
                    format!("no entry has the id `{shown}`"),
                    format!("aucune fiche n’a l’identifiant `{shown}`"),
                ),
                id,
                ctx.kb().ids().map(|(id, _)| id),
                Msg::new(
                    "try `aimemo search WORDS` to find an entry's id",
                    "essayez `aimemo recherche MOTS` pour trouver l’identifiant d’une fiche",
                ),
            ))
        }
    }
}

impl Report for Show<'_> {
    type Record<'r>
        = &'r Entry<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        match &self.entry {
            Entry::Figure(f) => layout::figure(l, f),
            Entry::List(x) => layout::list(l, x),
            Entry::Actor(a) => layout::actor(l, a),
            Entry::Event(ev) => layout::event(l, ev),
            Entry::Source(s) => layout::source(l, s),
            Entry::Topic(t) => {
                let mut doc = Doc::default();
                doc.push(Block::Heading(t.name.to_string()));
                doc.push(Block::Fields(vec![layout::field(
                    l,
                    L::ID,
                    Cell::code(t.id),
                )]));
                if !t.figures.is_empty() {
                    doc.push(layout::figure_table(l, &t.figures));
                }
                layout::cite(&mut doc, &t.figures);
                doc
            }
            Entry::Group(g) => {
                let mut doc = Doc::default();
                doc.push(Block::Heading(g.name.to_string()));
                doc.push(Block::Fields(vec![layout::field(
                    l,
                    L::ID,
                    Cell::code(g.id),
                )]));
                doc.push(Block::Table {
                    caption: None,
                    headers: l.labels(&[L::CODE, L::NAME]),
                    rows: g
                        .actors
                        .iter()
                        .map(|a| vec![Cell::code(a.code.unwrap_or(a.id)), Cell::plain(a.name)])
                        .collect(),
                });
                doc
            }
            Entry::Section(s) => {
                let mut doc = Doc::default();
                doc.push(Block::Heading(s.title.to_string()));
                let mut fields = vec![layout::field(l, L::ID, Cell::code(s.id))];
                if let Some(p) = &s.parent {
                    fields.push(layout::field(l, L::PARENT, Cell::plain(p.name)));
                }
                doc.push(Block::Fields(fields));
                if s.entries.is_empty() {
                    // A heading with nothing under it (the memo's last page): say so,
                    // rather than draw an empty table.
                    doc.push(Block::Text(l.l(L::ONLY_HEADING).to_string()));
                    return doc;
                }
                doc.push(Block::Table {
                    caption: None,
                    headers: l.labels(&[L::KIND, L::ID]),
                    rows: s
                        .entries
                        .iter()
                        .map(|e| vec![Cell::plain(layout::kind_label(l, e.kind)), Cell::code(e.id)])
                        .collect(),
                });
                doc
            }
        }
    }

    fn records(&self) -> Vec<&Entry<'_>> {
        vec![&self.entry]
    }
}
