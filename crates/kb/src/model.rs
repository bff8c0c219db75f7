//! The knowledge base's data model: what `facts.toml` holds, as typed records.
//!
//! The built-in knowledge base is baked into statics by `build.rs` (databake): its
//! texts as places in one text ([`Str`]), the sequences inside its entries as runs of
//! baked arrays ([`Seq`]), its top-level arrays borrowed ([`Table`]); a file's are
//! owned.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use super::link::Link;

/// A text: in the built-in knowledge base, a place in the one text that holds all
/// of its texts; owned when read from a file.
#[derive(Clone)]
pub struct Str(Repr);

#[derive(Clone)]
enum Repr {
    /// Offsets, not a pointer: a static that holds no pointer is not relocated (its
    /// pages written) by the loader at each start.
    Baked {
        at: u32,
        len: u32,
    },
    Owned(String),
}

impl Str {
    /// A text as `build.rs` bakes it: `len` bytes from `at` in the baked text.
    pub const fn baked(at: u32, len: u32) -> Str {
        Str(Repr::Baked { at, len })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Baked { at, len } => {
                let (at, len) = (*at as usize, *len as usize);
                let text = POOLS.get().map_or("", |p| p.text);
                debug_assert!(len == 0 || !text.is_empty(), "the pools are not set");
                text.get(at..at + len).unwrap_or_default()
            }
            Repr::Owned(s) => s,
        }
    }
}

impl Default for Str {
    fn default() -> Str {
        Str(Repr::Owned(String::new()))
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::borrow::Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // As `str` formats: a width or a precision given applies.
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str(Repr::Owned(s))
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(Repr::Owned(s.to_string()))
    }
}

impl Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        String::deserialize(d).map(Str::from)
    }
}

/// Texts being baked: each distinct one once, in the order met.
#[cfg(feature = "bake")]
#[derive(Default)]
struct Baking {
    text: String,
    at: std::collections::HashMap<String, (u32, u32)>,
}

#[cfg(feature = "bake")]
thread_local! {
    static BAKING: std::cell::RefCell<Baking> = std::cell::RefCell::default();
}

/// The text of every text baked so far (the text of [`Pools`]), emptied for the next
/// knowledge base.
#[cfg(feature = "bake")]
pub fn take_baked_text() -> String {
    BAKING.with(|b| std::mem::take(&mut *b.borrow_mut()).text)
}

#[cfg(feature = "bake")]
impl databake::Bake for Str {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("aimemo_kb");
        let (at, len) = BAKING.with(|b| {
            let mut b = b.borrow_mut();
            if let Some(&place) = b.at.get(self.as_str()) {
                return place;
            }
            let place = (b.text.len() as u32, self.len() as u32);
            b.text.push_str(self);
            b.at.insert(self.to_string(), place);
            place
        });
        databake::quote! { aimemo_kb::Str::baked(#at, #len) }
    }
}

#[cfg(feature = "bake")]
impl databake::BakeSize for Str {
    fn borrows_size(&self) -> usize {
        0
    }
}

/// A top-level array of entries (or an index's table): borrowed from a static in
/// the built-in knowledge base, owned when read from a file.
pub type Table<T> = Cow<'static, [T]>;

/// A sequence inside an entry (its aliases, items, links): in the built-in
/// knowledge base, a run of the baked array of its kind ([`Pools`]); owned when read
/// from a file.
pub struct Seq<T: 'static>(SeqRepr<T>);

enum SeqRepr<T: 'static> {
    /// Offsets, not a pointer, as for texts ([`Str`]).
    Baked {
        at: u32,
        len: u32,
    },
    Owned(Vec<T>),
}

/// What the built-in knowledge base's texts and sequences are places in: its one text
/// and the baked arrays of each kind of sequence, given once before it is read
/// ([`set_pools`]).
pub struct Pools {
    pub text: &'static str,
    pub strs: &'static [Str],
    pub texts: &'static [Text],
    pub items: &'static [Item],
    pub actor_links: &'static [Link<Actor>],
    pub list_links: &'static [Link<List>],
    pub figure_links: &'static [Link<Figure>],
}

static POOLS: std::sync::OnceLock<Pools> = std::sync::OnceLock::new();

/// Gives what baked texts and sequences are places in (`build.rs` writes them beside
/// the statics); only its first call counts.
pub fn set_pools(pools: Pools) {
    let _ = POOLS.set(pools);
}

/// A kind of element of a sequence, and its baked array.
pub trait Pooled: Sized + 'static {
    /// The name of its array in [`Pools`].
    const POOL: &'static str;
    fn pool(pools: &'static Pools) -> &'static [Self];
}

macro_rules! pooled {
    ($($t:ty => $field:ident;)*) => {$(
        impl Pooled for $t {
            const POOL: &'static str = stringify!($field);
            fn pool(pools: &'static Pools) -> &'static [Self] {
                pools.$field
            }
        }
    )*};
}

pooled! {
    Str => strs;
    Text => texts;
    Item => items;
    Link<Actor> => actor_links;
    Link<List> => list_links;
    Link<Figure> => figure_links;
}

impl<T> Seq<T> {
    /// A sequence as `build.rs` bakes it: `len` elements from `at` in its kind's array.
    pub const fn baked(at: u32, len: u32) -> Seq<T> {
        Seq(SeqRepr::Baked { at, len })
    }
}

impl<T: Pooled + Clone> Seq<T> {
    /// Its elements, owned (copied from the baked array when baked).
    pub fn into_vec(self) -> Vec<T> {
        match self.0 {
            SeqRepr::Owned(v) => v,
            SeqRepr::Baked { at, len } => Seq::<T>::baked(at, len).to_vec(),
        }
    }
}

impl<T: Pooled> std::ops::Deref for Seq<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match &self.0 {
            SeqRepr::Baked { at, len } => {
                let (at, len) = (*at as usize, *len as usize);
                let pool = POOLS.get().map(T::pool).unwrap_or_default();
                debug_assert!(len == 0 || !pool.is_empty(), "the pools are not set");
                pool.get(at..at + len).unwrap_or_default()
            }
            SeqRepr::Owned(v) => v,
        }
    }
}

impl<T> Default for Seq<T> {
    fn default() -> Seq<T> {
        Seq(SeqRepr::Owned(Vec::new()))
    }
}

impl<T> From<Vec<T>> for Seq<T> {
    fn from(v: Vec<T>) -> Seq<T> {
        Seq(SeqRepr::Owned(v))
    }
}

impl<T: Clone> Clone for Seq<T> {
    fn clone(&self) -> Seq<T> {
        Seq(match &self.0 {
            SeqRepr::Baked { at, len } => SeqRepr::Baked { at: *at, len: *len },
            SeqRepr::Owned(v) => SeqRepr::Owned(v.clone()),
        })
    }
}

impl<T: Pooled + PartialEq> PartialEq for Seq<T> {
    fn eq(&self, other: &Seq<T>) -> bool {
        **self == **other
    }
}

impl<T: Pooled + std::fmt::Debug> std::fmt::Debug for Seq<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T: Pooled> IntoIterator for &'a Seq<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Pooled + Serialize> Serialize for Seq<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Seq<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Seq<T>, D::Error> {
        Vec::deserialize(d).map(Seq::from)
    }
}

// Sequences being baked: each kind's elements, in the order met.
#[cfg(feature = "bake")]
thread_local! {
    static BAKING_SEQS: std::cell::RefCell<std::collections::BTreeMap<&'static str, Vec<databake::TokenStream>>> =
        std::cell::RefCell::default();
}

/// Each kind's baked elements so far, by their array's name in [`Pools`], emptied
/// for the next knowledge base.
#[cfg(feature = "bake")]
pub fn take_baked_seqs() -> std::collections::BTreeMap<&'static str, Vec<databake::TokenStream>> {
    BAKING_SEQS.with(|b| std::mem::take(&mut *b.borrow_mut()))
}

#[cfg(feature = "bake")]
impl<T: Pooled + databake::Bake> databake::Bake for Seq<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("aimemo_kb");
        // The elements first: they may hold sequences of their own.
        let elements: Vec<databake::TokenStream> = self.iter().map(|e| e.bake(env)).collect();
        let len = elements.len() as u32;
        let at = BAKING_SEQS.with(|b| {
            let mut b = b.borrow_mut();
            let pool = b.entry(T::POOL).or_default();
            let at = pool.len() as u32;
            pool.extend(elements);
            at
        });
        databake::quote! { aimemo_kb::Seq::baked(#at, #len) }
    }
}

#[cfg(feature = "bake")]
impl<T: Pooled + databake::Bake> databake::BakeSize for Seq<T> {
    fn borrows_size(&self) -> usize {
        0
    }
}

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

#[cfg(test)]
mod tests {
    use super::Str;

    #[test]
    fn a_text_formats_as_a_str_does() {
        let s = Str::from("énergie");
        assert_eq!(
            format!("[{s:<9}] [{s:.3}] [{s:?}]"),
            "[énergie  ] [éne] [\"énergie\"]"
        );
    }
}
