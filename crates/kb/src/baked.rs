//! Texts and sequences that the built-in knowledge base holds without a pointer.
//!
//! `build.rs` bakes the built-in knowledge base into statics (databake). In a
//! position-independent executable each pointer of a static is a relocation the loader
//! applies at every start, writing (so copying) the page it is on: its texts are
//! therefore places in one text ([`Str`]), the sequences inside its entries runs of
//! baked arrays ([`Seq`]), given once at first use ([`set_pools`]); only its top-level
//! arrays are borrowed ([`Table`]). A file's are owned.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::model::{Actor, Figure, Item, Link, List, Text};

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
