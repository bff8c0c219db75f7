//! The knowledge base's data model: what `facts.toml` holds, as typed records. Its
//! texts, sequences and top-level arrays are of the types of [`super::baked`].

use serde::{Deserialize, Serialize};

pub use super::baked::{set_pools, Pooled, Pools, Seq, Str, Table};
#[cfg(feature = "bake")]
pub use super::baked::{take_baked_seqs, take_baked_text};
pub use super::link::Link;

/// A text in both languages.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: Str,
    pub en: Str,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Memo {
    pub title: Text,
    pub series: Text,
    pub publisher: Text,
    /// The ministry the memo's citations name (« Ministère de l'Europe et des Affaires étrangères »).
    #[serde(default)]
    pub ministry: Option<Text>,
    /// The memo's own French words for this entry, verbatim (passages joined with " … ").
    #[serde(default)]
    pub quote: Option<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Str,
    pub title: Text,
    #[serde(default)]
    pub parent_id: Option<Link<Section>>,
    /// The memo's own French words for this entry, verbatim.
    #[serde(default)]
    pub quote: Option<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Str,
    pub name: Text,
    #[serde(default)]
    pub date: Option<Text>,
    /// The date as ISO 8601, as precise as the memo (`2023-07`).
    #[serde(default)]
    pub date_iso: Option<Str>,
    /// Other names of the same body (acronyms in either language).
    #[serde(default)]
    pub aliases: Seq<Str>,
    /// The memo's own French words for this entry, verbatim (passages joined with " … ").
    #[serde(default)]
    pub quote: Option<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Str,
    pub name: Text,
    /// The memo's own French words for this entry, verbatim.
    #[serde(default)]
    pub quote: Option<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: Str,
    pub name: Text,
    #[serde(default)]
    pub section_id: Option<Link<Section>>,
    /// The memo's own French words for this entry, verbatim.
    #[serde(default)]
    pub quote: Option<Str>,
}

/// Where an investment goes.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    France,
    Europe,
    World,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: Str,
    pub topic_id: Link<Topic>,
    pub value: f64,
    pub unit: Str,
    pub magnitude: Text,
    #[serde(default)]
    pub qualifier: Option<Text>,
    /// The amount as the memo states it, where qualifier and magnitude cannot simply
    /// be joined ("une 60aine de livrables"); else it is the two joined.
    #[serde(default)]
    pub stated: Option<Text>,
    /// The qualifier as a language-neutral code (`more_than`, `nearly`, …).
    #[serde(default)]
    pub qualifier_code: Option<Str>,
    pub label: Text,
    pub text: Text,
    #[serde(default)]
    pub period: Option<Text>,
    /// The period as ISO 8601, as precise as the memo (`2023`, `2024-02`).
    #[serde(default)]
    pub period_iso: Option<Str>,
    pub source_id: Link<Source>,
    pub section_id: Link<Section>,
    #[serde(default)]
    pub actor_ids: Seq<Link<Actor>>,
    #[serde(default)]
    pub headline: bool,
    #[serde(default)]
    pub scope: Option<Scope>,
    #[serde(default)]
    pub under_id: Option<Link<Figure>>,
    /// The memo's own French words for this entry, verbatim (passages joined with " … ").
    #[serde(default)]
    pub quote: Option<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub text: Text,
    #[serde(default)]
    pub detail: Option<Text>,
    #[serde(default)]
    pub ref_ids: Seq<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct List {
    pub id: Str,
    pub title: Text,
    pub section_id: Link<Section>,
    /// The actors the list is about (the paragraph it comes from).
    #[serde(default)]
    pub actor_ids: Seq<Link<Actor>>,
    pub items: Seq<Item>,
    /// The memo's own French words for this entry, verbatim (passages joined with " … ").
    #[serde(default)]
    pub quote: Option<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Str,
    #[serde(default)]
    pub code: Option<Str>,
    /// The English acronym, where the code is a French one with an established English form.
    #[serde(default)]
    pub code_en: Option<Str>,
    /// Other names of the same body (acronyms in either language).
    #[serde(default)]
    pub aliases: Seq<Str>,
    pub name: Text,
    pub group_id: Link<Group>,
    #[serde(default)]
    pub parent_id: Option<Link<Actor>>,
    #[serde(default)]
    pub role: Option<Text>,
    #[serde(default)]
    pub related: Seq<Text>,
    pub section_id: Link<Section>,
    /// The actor whose paragraph of the memo holds this one's sentence (not a parent).
    #[serde(default)]
    pub appears_in_id: Option<Link<Actor>>,
    /// The memo's own French words for this entry, verbatim (passages joined with " … ").
    #[serde(default)]
    pub quote: Option<Str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Str,
    pub name: Text,
    /// ISO dates, when the memo states them.
    #[serde(default)]
    pub start: Option<Str>,
    #[serde(default)]
    pub end: Option<Str>,
    pub place: Text,
    #[serde(default)]
    pub co_chair: Option<Text>,
    pub description: Text,
    #[serde(default)]
    pub topic_id: Option<Link<Topic>>,
    #[serde(default)]
    pub list_ids: Seq<Link<List>>,
    #[serde(default)]
    pub actor_ids: Seq<Link<Actor>>,
    #[serde(default)]
    pub figure_ids: Seq<Link<Figure>>,
    /// The event this one is part of.
    #[serde(default)]
    pub part_of_id: Option<Link<Event>>,
    pub section_id: Link<Section>,
    /// The memo's own French words for this entry, verbatim (passages joined with " … ").
    #[serde(default)]
    pub quote: Option<Str>,
}

/// A whole knowledge base: one file, or several merged.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
pub struct Kb {
    pub memos: Table<Memo>,
    pub sections: Table<Section>,
    pub sources: Table<Source>,
    pub topics: Table<Topic>,
    pub groups: Table<Group>,
    pub figures: Table<Figure>,
    pub lists: Table<List>,
    pub actors: Table<Actor>,
    pub events: Table<Event>,
}

/// The kinds of entry, each a top-level array of the TOML file.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Figure,
    List,
    Actor,
    Source,
    Event,
    Topic,
    Group,
    Section,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Figure,
        Kind::List,
        Kind::Actor,
        Kind::Source,
        Kind::Event,
        Kind::Topic,
        Kind::Group,
        Kind::Section,
    ];

    /// The entry's name in JSON and messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::List => "list",
            Kind::Actor => "actor",
            Kind::Source => "source",
            Kind::Event => "event",
            Kind::Topic => "topic",
            Kind::Group => "group",
            Kind::Section => "section",
        }
    }

    /// The entry's name in French messages.
    pub fn name_fr(self) -> &'static str {
        match self {
            Kind::Figure => "chiffre",
            Kind::List => "liste",
            Kind::Actor => "acteur",
            Kind::Source => "source",
            Kind::Event => "événement",
            Kind::Topic => "thème",
            Kind::Group => "groupe",
            Kind::Section => "partie",
        }
    }

    /// The French name with its definite article: "le chiffre", "l’acteur".
    pub fn the_fr(self) -> &'static str {
        match self {
            Kind::Figure => "le chiffre",
            Kind::List => "la liste",
            Kind::Actor => "l’acteur",
            Kind::Source => "la source",
            Kind::Event => "l’événement",
            Kind::Topic => "le thème",
            Kind::Group => "le groupe",
            Kind::Section => "la partie",
        }
    }

    /// The French name after "de": "du chiffre", "de la liste", "de l’acteur".
    pub fn of_fr(self) -> String {
        let the = self.the_fr();
        match the.strip_prefix("le ") {
            Some(name) => format!("du {name}"),
            None => format!("de {the}"),
        }
    }

    /// The French name with its indefinite article: "un chiffre", "une liste".
    pub fn a_fr(self) -> &'static str {
        match self {
            Kind::Figure => "un chiffre",
            Kind::List => "une liste",
            Kind::Actor => "un acteur",
            Kind::Source => "une source",
            Kind::Event => "un événement",
            Kind::Topic => "un thème",
            Kind::Group => "un groupe",
            Kind::Section => "une partie",
        }
    }

    /// The TOML array that holds entries of this kind.
    pub fn table(self) -> &'static str {
        match self {
            Kind::Figure => "figures",
            Kind::List => "lists",
            Kind::Actor => "actors",
            Kind::Source => "sources",
            Kind::Event => "events",
            Kind::Topic => "topics",
            Kind::Group => "groups",
            Kind::Section => "sections",
        }
    }
}

/// One entry of a knowledge base, by kind and position.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb))]
pub struct EntryRef {
    pub kind: Kind,
    pub idx: usize,
}

impl Kb {
    /// Every entry's id with its reference, kind by kind.
    pub fn ids(&self) -> impl Iterator<Item = (&str, EntryRef)> + '_ {
        fn each<'a, T>(
            v: &'a [T],
            kind: Kind,
            id: fn(&T) -> &str,
        ) -> impl Iterator<Item = (&'a str, EntryRef)> + 'a {
            v.iter()
                .enumerate()
                .map(move |(idx, e)| (id(e), EntryRef { kind, idx }))
        }
        each(&self.figures, Kind::Figure, |e| &e.id)
            .chain(each(&self.lists, Kind::List, |e| &e.id))
            .chain(each(&self.actors, Kind::Actor, |e| &e.id))
            .chain(each(&self.sources, Kind::Source, |e| &e.id))
            .chain(each(&self.events, Kind::Event, |e| &e.id))
            .chain(each(&self.topics, Kind::Topic, |e| &e.id))
            .chain(each(&self.groups, Kind::Group, |e| &e.id))
            .chain(each(&self.sections, Kind::Section, |e| &e.id))
    }

    /// An entry's id.
    pub fn id_of(&self, e: EntryRef) -> &str {
        let id = match e.kind {
            Kind::Figure => self.figures.get(e.idx).map(|x| &x.id),
            Kind::List => self.lists.get(e.idx).map(|x| &x.id),
            Kind::Actor => self.actors.get(e.idx).map(|x| &x.id),
            Kind::Source => self.sources.get(e.idx).map(|x| &x.id),
            Kind::Event => self.events.get(e.idx).map(|x| &x.id),
            Kind::Topic => self.topics.get(e.idx).map(|x| &x.id),
            Kind::Group => self.groups.get(e.idx).map(|x| &x.id),
            Kind::Section => self.sections.get(e.idx).map(|x| &x.id),
        };
        id.map_or("", |id| id)
    }

    /// An entry's quote of the memo, when it has one.
    pub fn quote_of(&self, e: EntryRef) -> Option<&str> {
        let quote = match e.kind {
            Kind::Figure => self.figures.get(e.idx).map(|x| &x.quote),
            Kind::List => self.lists.get(e.idx).map(|x| &x.quote),
            Kind::Actor => self.actors.get(e.idx).map(|x| &x.quote),
            Kind::Source => self.sources.get(e.idx).map(|x| &x.quote),
            Kind::Event => self.events.get(e.idx).map(|x| &x.quote),
            Kind::Topic => self.topics.get(e.idx).map(|x| &x.quote),
            Kind::Group => self.groups.get(e.idx).map(|x| &x.quote),
            Kind::Section => self.sections.get(e.idx).map(|x| &x.quote),
        };
        quote.and_then(|q| q.as_deref())
    }

    /// The section an entry stands in (for a section, the one it is under).
    pub fn section_of(&self, e: EntryRef) -> Option<&Link<Section>> {
        match e.kind {
            Kind::Figure => Some(&self.figures[e.idx].section_id),
            Kind::List => Some(&self.lists[e.idx].section_id),
            Kind::Actor => Some(&self.actors[e.idx].section_id),
            Kind::Event => Some(&self.events[e.idx].section_id),
            Kind::Group => self.groups[e.idx].section_id.as_ref(),
            Kind::Section => self.sections[e.idx].parent_id.as_ref(),
            Kind::Source | Kind::Topic => None,
        }
    }

    /// The number of entries of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Figure => self.figures.len(),
            Kind::List => self.lists.len(),
            Kind::Actor => self.actors.len(),
            Kind::Source => self.sources.len(),
            Kind::Event => self.events.len(),
            Kind::Topic => self.topics.len(),
            Kind::Group => self.groups.len(),
            Kind::Section => self.sections.len(),
        }
    }

    /// Removes from this knowledge base the entries identical (same id, same content)
    /// to one of `merged`'s: loading the same entry twice is not a clash. Returns the
    /// removed entries, by kind and position in this knowledge base. (Memos have no
    /// id: the workspace matches them itself.)
    pub fn drop_copies_of(&mut self, merged: &Kb) -> Vec<EntryRef> {
        fn dedupe<T: PartialEq + Clone>(
            new: &mut Table<T>,
            old: &[T],
            kind: Kind,
            id: fn(&T) -> &str,
            out: &mut Vec<EntryRef>,
        ) {
            if new.is_empty() || old.is_empty() {
                return;
            }
            let old: std::collections::HashMap<&str, &T> = old.iter().map(|e| (id(e), e)).collect();
            let copy = |e: &T| old.get(id(e)).is_some_and(|o| *o == e);
            if !new.iter().any(copy) {
                return;
            }
            let mut kept = Vec::with_capacity(new.len());
            for (idx, e) in new.iter().enumerate() {
                if copy(e) {
                    out.push(EntryRef { kind, idx });
                } else {
                    kept.push(e.clone());
                }
            }
            *new = Table::Owned(kept);
        }
        let mut out = Vec::new();
        dedupe(
            &mut self.sections,
            &merged.sections,
            Kind::Section,
            |e| &e.id,
            &mut out,
        );
        dedupe(
            &mut self.sources,
            &merged.sources,
            Kind::Source,
            |e| &e.id,
            &mut out,
        );
        dedupe(
            &mut self.topics,
            &merged.topics,
            Kind::Topic,
            |e| &e.id,
            &mut out,
        );
        dedupe(
            &mut self.groups,
            &merged.groups,
            Kind::Group,
            |e| &e.id,
            &mut out,
        );
        dedupe(
            &mut self.figures,
            &merged.figures,
            Kind::Figure,
            |e| &e.id,
            &mut out,
        );
        dedupe(
            &mut self.lists,
            &merged.lists,
            Kind::List,
            |e| &e.id,
            &mut out,
        );
        dedupe(
            &mut self.actors,
            &merged.actors,
            Kind::Actor,
            |e| &e.id,
            &mut out,
        );
        dedupe(
            &mut self.events,
            &merged.events,
            Kind::Event,
            |e| &e.id,
            &mut out,
        );
        out
    }

    /// Appends another knowledge base's entries after this one's.
    pub fn extend(&mut self, other: Kb) {
        fn append<T: Clone>(to: &mut Table<T>, more: Table<T>) {
            if !more.is_empty() {
                to.to_mut().extend(more.into_owned());
            }
        }
        append(&mut self.memos, other.memos);
        append(&mut self.sections, other.sections);
        append(&mut self.sources, other.sources);
        append(&mut self.topics, other.topics);
        append(&mut self.groups, other.groups);
        append(&mut self.figures, other.figures);
        append(&mut self.lists, other.lists);
        append(&mut self.actors, other.actors);
        append(&mut self.events, other.events);
    }
}
