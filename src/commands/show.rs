//! `aimemo show ID`: any single entry, whatever its kind, with all its fields.

use serde::Serialize;

use super::views::{plain_number, ActorRef, Named, Viewer};
use super::{miss, Ctx, Output};
use crate::error::Result;
use crate::i18n::labels as L;
use crate::kb::{lookup, EntryRef, Figure, Kb, Kind};
use crate::render::{Block, Cell, Doc};

#[derive(Serialize)]
struct Json<'a> {
    lang: &'static str,
    kind: &'static str,
    entry: Entry<'a>,
}

/// One entry of any kind, serialized as that kind's own object.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Figure(super::views::FigureView<'a>),
    List(super::views::ListView<'a>),
    Actor(super::views::ActorView<'a>),
    Event(super::summit::EventView<'a>),
    Source(super::sources::SourceView<'a>),
    Topic(TopicView<'a>),
    Group(GroupView<'a>),
    Section(SectionView<'a>),
}

#[derive(Serialize)]
struct TopicView<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    figures: Vec<super::views::FigureView<'a>>,
}

#[derive(Serialize)]
struct GroupView<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    section: Option<Named<'a>>,
    actors: Vec<ActorRef<'a>>,
}

#[derive(Serialize)]
struct EntryId<'a> {
    kind: &'static str,
    id: &'a str,
}

#[derive(Serialize)]
struct SectionView<'a> {
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    parent: Option<Named<'a>>,
    entries: Vec<EntryId<'a>>,
}

/// The document for one figure: every field.
pub fn figure_doc(v: &Viewer, f: &Figure) -> Doc {
    let l = v.lang;
    let mut fields = vec![
        (l.l(L::ID).to_string(), Cell::code(&f.id)),
        (l.l(L::FIGURE).to_string(), Cell::plain(l.pick(&f.label))),
        (
            l.l(L::AMOUNT).to_string(),
            Cell::figure(l.pick(&f.magnitude)),
        ),
        (
            l.l(L::VALUE).to_string(),
            Cell::plain(format!("{} {}", plain_number(f.value), f.unit)),
        ),
    ];
    if let Some(q) = &f.qualifier {
        fields.push((l.l(L::QUALIFIER).to_string(), Cell::plain(l.pick(q))));
    }
    if let Some(p) = &f.period {
        fields.push((l.l(L::PERIOD).to_string(), Cell::plain(l.pick(p))));
    }
    fields.push((
        l.l(L::TOPIC).to_string(),
        Cell::plain(format!("{} ({})", v.topic(&f.topic_id).name, f.topic_id)),
    ));
    fields.push((
        l.l(L::SOURCE).to_string(),
        Cell::plain(v.source_cell(&f.source_id)),
    ));
    fields.push((
        l.l(L::SECTION).to_string(),
        Cell::dim(v.section(&f.section_id).name),
    ));
    if f.scope.is_some() {
        fields.push((l.l(L::SCOPE).to_string(), Cell::plain(v.scope(f.scope))));
    }
    if let Some(u) = &f.under_id {
        fields.push((l.l(L::UNDER).to_string(), Cell::code(u)));
    }
    let actors: Vec<&str> = f
        .actor_ids
        .iter()
        .filter_map(|id| v.actor_by_id(id))
        .map(|a| v.actor_label(a))
        .collect();
    if !actors.is_empty() {
        fields.push((l.l(L::ACTORS).to_string(), Cell::plain(actors.join(", "))));
    }
    let mut doc = Doc::default();
    doc.push(Block::Heading(l.pick(&f.label).to_string()));
    doc.push(Block::Fields(fields));
    doc.push(Block::Text(l.pick(&f.text).to_string()));
    doc
}

/// The entries that stand in a section, and the sections under it.
fn in_section<'a>(kb: &'a Kb, id: &str) -> Vec<(Kind, &'a str)> {
    kb.ids()
        .filter(|(_, e)| kb.section_of(*e) == Some(id))
        .map(|(entry_id, e)| (e.kind, entry_id))
        .collect()
}

/// The document and JSON of any entry.
pub fn entry(ctx: &Ctx, e: EntryRef) -> Output {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = Viewer { kb, lang: l };
    let (doc, entry) = match e.kind {
        Kind::Figure => {
            let f = &kb.figures[e.idx];
            (figure_doc(&v, f), Entry::Figure(v.figure(f)))
        }
        Kind::List => {
            let x = &kb.lists[e.idx];
            (super::lists::doc(&v, x), Entry::List(v.list(x)))
        }
        Kind::Actor => {
            let a = &kb.actors[e.idx];
            (super::actors::doc(&v, a), Entry::Actor(v.actor(a)))
        }
        Kind::Event => {
            let ev = &kb.events[e.idx];
            (
                super::summit::doc(&v, ev),
                Entry::Event(super::summit::view(&v, ev)),
            )
        }
        Kind::Source => {
            let s = &kb.sources[e.idx];
            let mut doc = Doc::default();
            doc.push(Block::Heading(l.pick(&s.name).to_string()));
            let mut fields = vec![(l.l(L::ID).to_string(), Cell::code(&s.id))];
            if let Some(d) = &s.date {
                fields.push((l.l(L::DATE).to_string(), Cell::plain(l.pick(d))));
            }
            doc.push(Block::Fields(fields));
            let figs = super::sources::backed(&v, s);
            if !figs.is_empty() {
                doc.push(Block::Subheading(l.l(L::FIGURES).to_string()));
                doc.push(super::figures::table(&v, &figs));
            }
            (doc, Entry::Source(super::sources::view(&v, s)))
        }
        Kind::Topic => {
            let t = &kb.topics[e.idx];
            let figs: Vec<&Figure> = kb.figures.iter().filter(|f| f.topic_id == t.id).collect();
            let mut doc = Doc::default();
            doc.push(Block::Heading(l.pick(&t.name).to_string()));
            doc.push(Block::Fields(vec![(
                l.l(L::ID).to_string(),
                Cell::code(&t.id),
            )]));
            if !figs.is_empty() {
                doc.push(super::figures::table(&v, &figs));
            }
            let view = TopicView {
                kind: "topic",
                id: &t.id,
                name: l.pick(&t.name),
                figures: figs.iter().map(|f| v.figure(f)).collect(),
            };
            (doc, Entry::Topic(view))
        }
        Kind::Group => {
            let g = &kb.groups[e.idx];
            let actors: Vec<_> = kb.actors.iter().filter(|a| a.group_id == g.id).collect();
            let mut doc = Doc::default();
            doc.push(Block::Heading(l.pick(&g.name).to_string()));
            doc.push(Block::Fields(vec![(
                l.l(L::ID).to_string(),
                Cell::code(&g.id),
            )]));
            doc.push(Block::Table {
                headers: l.labels(&[L::CODE, L::NAME]),
                rows: actors
                    .iter()
                    .map(|a| {
                        vec![
                            Cell::code(a.code.as_deref().unwrap_or(&a.id)),
                            Cell::plain(l.pick(&a.name)),
                        ]
                    })
                    .collect(),
            });
            let view = GroupView {
                kind: "group",
                id: &g.id,
                name: l.pick(&g.name),
                section: g.section_id.as_deref().map(|s| v.section(s)),
                actors: actors.iter().map(|a| v.actor_ref(a)).collect(),
            };
            (doc, Entry::Group(view))
        }
        Kind::Section => {
            let s = &kb.sections[e.idx];
            let entries = in_section(kb, &s.id);
            let mut doc = Doc::default();
            doc.push(Block::Heading(l.pick(&s.title).to_string()));
            let mut fields = vec![(l.l(L::ID).to_string(), Cell::code(&s.id))];
            if let Some(p) = &s.parent_id {
                fields.push((l.l(L::PARENT).to_string(), Cell::plain(v.section(p).name)));
            }
            doc.push(Block::Fields(fields));
            doc.push(Block::Table {
                headers: l.labels(&[L::KIND, L::ID]),
                rows: entries
                    .iter()
                    .map(|(k, id)| vec![Cell::plain(kind_label(ctx, *k)), Cell::code(id)])
                    .collect(),
            });
            let view = SectionView {
                kind: "section",
                id: &s.id,
                title: l.pick(&s.title),
                parent: s.parent_id.as_deref().map(|p| v.section(p)),
                entries: entries
                    .iter()
                    .map(|(k, id)| EntryId { kind: k.name(), id })
                    .collect(),
            };
            (doc, Entry::Section(view))
        }
    };
    let json = || Json {
        lang: l.code(),
        kind: e.kind.name(),
        entry,
    };
    Output {
        doc,
        json: ctx.json_of(json),
    }
}

/// A kind's name in the chosen language.
pub fn kind_label(ctx: &Ctx, k: Kind) -> &'static str {
    ctx.lang.l(match k {
        Kind::Figure => L::FIGURE_KIND,
        Kind::List => L::LIST_KIND,
        Kind::Actor => L::ACTOR_KIND,
        Kind::Source => L::SOURCE_KIND,
        Kind::Event => L::EVENT_KIND,
        Kind::Topic => L::TOPIC_KIND,
        Kind::Group => L::GROUP_KIND,
        Kind::Section => L::SECTION_KIND,
    })
}

pub fn run(ctx: &Ctx, id: &str) -> Result<Output> {
    let id = super::not_empty(id, "id", "aimemo show jobs-at-risk")?;
    match lookup::by_id(ctx.kb(), id) {
        Some(e) => Ok(entry(ctx, e)),
        None => Err(miss(
            format!("no entry has the id `{}`", super::shown(id)),
            id,
            ctx.kb().ids().map(|(id, _)| id),
            "try `aimemo search WORDS` to find an entry's id",
        )),
    }
}
