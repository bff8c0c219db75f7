//! References between entries: a `Link<T>` holds the id a file gives and, once the
//! knowledge base is validated (`Workspace::check`), the place of the entry it names
//! in its array, so that a view follows it in one step (`Kb::get`).

use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::{
    Actor, EntryRef, Event, Figure, Group, Kb, Kind, List, Pooled, Section, Seq, Source, Str, Topic,
};

/// Not resolved yet: as read from a file, before validation.
const UNRESOLVED: u32 = u32::MAX;

/// A reference to an entry of kind `T`, by id.
pub struct Link<T> {
    pub id: Str,
    at: u32,
    to: PhantomData<fn() -> T>,
}

/// The kinds of entry a link can name.
pub trait Target: Sized {
    const KIND: Kind;
    fn all(kb: &Kb) -> &[Self];
}

macro_rules! target {
    ($($t:ty => $kind:ident, $field:ident;)*) => {$(
        impl Target for $t {
            const KIND: Kind = Kind::$kind;
            fn all(kb: &Kb) -> &[Self] {
                &kb.$field
            }
        }
    )*};
}

target! {
    Figure => Figure, figures;
    List => List, lists;
    Actor => Actor, actors;
    Source => Source, sources;
    Event => Event, events;
    Topic => Topic, topics;
    Group => Group, groups;
    Section => Section, sections;
}

impl<T> Link<T> {
    /// A link as `build.rs` bakes it: resolved.
    pub const fn baked(id: Str, at: u32) -> Link<T> {
        Link {
            id,
            at,
            to: PhantomData,
        }
    }

    /// A link to `id`, not resolved yet.
    pub fn to(id: impl Into<Str>) -> Link<T> {
        Link {
            id: id.into(),
            at: UNRESOLVED,
            to: PhantomData,
        }
    }

    /// The place of the entry it names in its array, once resolved.
    pub fn at(&self) -> Option<usize> {
        (self.at != UNRESOLVED).then_some(self.at as usize)
    }

    /// Points it at `at`, the place of the entry named `id`.
    pub(crate) fn resolve_to(&mut self, at: usize) -> bool {
        match u32::try_from(at) {
            Ok(at) if at != UNRESOLVED => {
                self.at = at;
                true
            }
            _ => false,
        }
    }
}

impl Kb {
    /// The entry a link names. Every link of a knowledge base that a command sees
    /// is resolved: the built-in one at build time, others by `Workspace::check`,
    /// which refuses a file whose references do not resolve.
    pub fn get<T: Target>(&self, link: &Link<T>) -> &T {
        &T::all(self)[link.at as usize]
    }
}

impl<T> std::ops::Deref for Link<T> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.id
    }
}

impl<T> Clone for Link<T> {
    fn clone(&self) -> Self {
        Link {
            id: self.id.clone(),
            at: self.at,
            to: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Link<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Link({:?})", self.id)
    }
}

/// Two links are equal when they name the same id, resolved or not (a file's copy
/// of a built-in entry is the same entry).
impl<T> PartialEq for Link<T> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl<T> PartialEq<str> for Link<T> {
    fn eq(&self, other: &str) -> bool {
        self.id == other
    }
}

impl<T> PartialEq<&str> for Link<T> {
    fn eq(&self, other: &&str) -> bool {
        self.id == *other
    }
}

impl<T> PartialEq<Str> for Link<T> {
    fn eq(&self, other: &Str) -> bool {
        self.id == *other
    }
}

impl<T> PartialEq<Link<T>> for Str {
    fn eq(&self, other: &Link<T>) -> bool {
        *self == other.id
    }
}

impl<T> Serialize for Link<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.id)
    }
}

impl<'de, T> Deserialize<'de> for Link<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Str::deserialize(d).map(Link::to)
    }
}

#[cfg(feature = "bake")]
impl<T> databake::Bake for Link<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("aimemo_kb");
        let id = self.id.bake(env);
        let at = self.at;
        databake::quote! { aimemo_kb::link::Link::baked(#id, #at) }
    }
}

#[cfg(feature = "bake")]
impl<T> databake::BakeSize for Link<T> {
    fn borrows_size(&self) -> usize {
        self.id.borrows_size()
    }
}

/// A link that names no entry of its kind: the entry holding it, its key, the id,
/// the kind it wants and the kind of the entry with that id, if any.
#[derive(Debug, PartialEq)]
pub struct Dangling {
    pub entry: EntryRef,
    pub key: &'static str,
    pub id: String,
    pub want: Kind,
    pub found: Option<Kind>,
}

/// Resolves links against the ids of a knowledge base, noting those that dangle.
struct Resolver {
    places: std::collections::HashMap<String, EntryRef>,
    dangling: Vec<Dangling>,
}

impl Resolver {
    fn link<T: Target>(&mut self, l: &mut Link<T>, entry: EntryRef, key: &'static str) {
        let place = self.places.get(&*l.id);
        let resolved = place
            .filter(|e| e.kind == T::KIND)
            .is_some_and(|e| l.resolve_to(e.idx));
        if !resolved {
            self.dangling.push(Dangling {
                entry,
                key,
                id: l.id.to_string(),
                want: T::KIND,
                found: place.map(|e| e.kind),
            });
        }
    }

    fn opt<T: Target>(&mut self, l: &mut Option<Link<T>>, entry: EntryRef, key: &'static str) {
        if let Some(l) = l {
            self.link(l, entry, key);
        }
    }

    fn all<T: Target>(&mut self, ls: &mut Seq<Link<T>>, entry: EntryRef, key: &'static str)
    where
        Link<T>: Pooled,
    {
        if !ls.is_empty() {
            let mut links = std::mem::take(ls).into_vec();
            for l in &mut links {
                self.link(l, entry, key);
            }
            *ls = links.into();
        }
    }
}

impl Kb {
    /// Points every link at the entry it names; returns those that name none, or an
    /// entry of another kind (`Workspace::check` reports them, as problems of the file).
    pub fn resolve(&mut self) -> Vec<Dangling> {
        let mut r = Resolver {
            places: std::collections::HashMap::new(),
            dangling: Vec::new(),
        };
        // An id given twice names its first entry (the second is a problem of its own).
        for (id, e) in self.ids() {
            r.places.entry(id.to_string()).or_insert(e);
        }
        let e = |kind, idx| EntryRef { kind, idx };
        if self.sections.iter().any(|s| s.parent_id.is_some()) {
            for (i, s) in self.sections.to_mut().iter_mut().enumerate() {
                r.opt(&mut s.parent_id, e(Kind::Section, i), "parent_id");
            }
        }
        if self.groups.iter().any(|g| g.section_id.is_some()) {
            for (i, g) in self.groups.to_mut().iter_mut().enumerate() {
                r.opt(&mut g.section_id, e(Kind::Group, i), "section_id");
            }
        }
        for (i, f) in self.figures.to_mut().iter_mut().enumerate() {
            let at = e(Kind::Figure, i);
            r.link(&mut f.topic_id, at, "topic_id");
            r.link(&mut f.source_id, at, "source_id");
            r.link(&mut f.section_id, at, "section_id");
            r.all(&mut f.actor_ids, at, "actor_ids");
            r.opt(&mut f.under_id, at, "under_id");
        }
        for (i, l) in self.lists.to_mut().iter_mut().enumerate() {
            let at = e(Kind::List, i);
            r.link(&mut l.section_id, at, "section_id");
            r.all(&mut l.actor_ids, at, "actor_ids");
        }
        for (i, a) in self.actors.to_mut().iter_mut().enumerate() {
            let at = e(Kind::Actor, i);
            r.link(&mut a.group_id, at, "group_id");
            r.link(&mut a.section_id, at, "section_id");
            r.opt(&mut a.parent_id, at, "parent_id");
            r.opt(&mut a.appears_in_id, at, "appears_in_id");
        }
        for (i, ev) in self.events.to_mut().iter_mut().enumerate() {
            let at = e(Kind::Event, i);
            r.link(&mut ev.section_id, at, "section_id");
            r.opt(&mut ev.topic_id, at, "topic_id");
            r.opt(&mut ev.part_of_id, at, "part_of_id");
            r.all(&mut ev.list_ids, at, "list_ids");
            r.all(&mut ev.actor_ids, at, "actor_ids");
            r.all(&mut ev.figure_ids, at, "figure_ids");
        }
        r.dangling
    }

    /// Whether every link is resolved (true of any knowledge base a command sees).
    pub fn resolved(&self) -> bool {
        fn ok<T>(l: &Link<T>) -> bool {
            l.at().is_some()
        }
        self.sections
            .iter()
            .all(|s| s.parent_id.as_ref().is_none_or(ok))
            && self
                .groups
                .iter()
                .all(|g| g.section_id.as_ref().is_none_or(ok))
            && self.figures.iter().all(|f| {
                ok(&f.topic_id)
                    && ok(&f.source_id)
                    && ok(&f.section_id)
                    && f.actor_ids.iter().all(ok)
                    && f.under_id.as_ref().is_none_or(ok)
            })
            && self
                .lists
                .iter()
                .all(|l| ok(&l.section_id) && l.actor_ids.iter().all(ok))
            && self.actors.iter().all(|a| {
                ok(&a.group_id)
                    && ok(&a.section_id)
                    && a.parent_id.as_ref().is_none_or(ok)
                    && a.appears_in_id.as_ref().is_none_or(ok)
            })
            && self.events.iter().all(|ev| {
                ok(&ev.section_id)
                    && ev.topic_id.as_ref().is_none_or(ok)
                    && ev.part_of_id.as_ref().is_none_or(ok)
                    && ev.list_ids.iter().all(ok)
                    && ev.actor_ids.iter().all(ok)
                    && ev.figure_ids.iter().all(ok)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_name_entries_by_id_and_resolve_to_their_place() {
        let text = r#"
[[sections]]
id = "s"
title = { fr = "S", en = "S" }

[[sections]]
id = "t"
title = { fr = "T", en = "T" }
parent_id = "s"

[[groups]]
id = "g"
name = { fr = "G", en = "G" }
section_id = "nowhere"
"#;
        let mut ws = crate::validate::Workspace::default();
        assert_eq!(ws.add_file("kb.toml", text.into()), vec![]);
        let parent = ws.kb.sections[1].parent_id.clone().expect("a parent");
        assert_eq!(parent.at(), None);
        // Equal to the same id resolved or not: a copy of an entry is the same entry.
        let mut resolved = Link::<Section>::to("s");
        assert!(resolved.resolve_to(0));
        assert_eq!(parent, resolved);
        assert!(parent == "s");
        let dangling = ws.kb.resolve();
        assert_eq!(
            dangling,
            vec![Dangling {
                entry: EntryRef {
                    kind: Kind::Group,
                    idx: 0
                },
                key: "section_id",
                id: "nowhere".into(),
                want: Kind::Section,
                found: None,
            }]
        );
        let parent = ws.kb.sections[1].parent_id.clone().expect("a parent");
        assert_eq!(parent.at(), Some(0));
        assert_eq!(ws.kb.get(&parent).id, "s");
        // `check` reports the dangling one as a problem of the file.
        let mut ws = crate::validate::Workspace::default();
        assert_eq!(ws.add_file("kb.toml", text.into()), vec![]);
        let problems = ws.check();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("`section_id` names `nowhere`"));
        assert!(!ws.kb.resolved());
    }
}
