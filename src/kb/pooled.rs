//! `Str` and `Seq`: texts and sequences that are either owned (read from a file) or
//! stand in the built-in knowledge base's static pools.
//!
//! A static `Str` is an offset and a length into one text blob; a static `Seq<T>` is
//! a range of the static pool of `T`s. Neither holds a pointer, so the built-in
//! knowledge base is plain read-only data: no relocation at load, no parsing and no
//! allocation at start; a page of it is read only when a command looks at it.
//! Shared with `build.rs`, which writes the pools (`super::pools`).

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::index::SearchDoc;
use super::model::*;

/// A text.
#[derive(Clone)]
pub enum Str {
    /// Bytes `.0 .. .0 + .1` of the built-in blob.
    Static(u32, u32),
    /// A text read from a file (a box rather than a `String`: 16 bytes, not 24,
    /// which keeps the built-in pools, made of `Str`s, a third smaller).
    Owned(Box<str>),
}

impl Str {
    /// A static text: a range of the built-in blob.
    pub const fn lit(offset: u32, len: u32) -> Str {
        Str::Static(offset, len)
    }

    pub fn as_str(&self) -> &str {
        match self {
            Str::Static(o, n) => super::pools::BLOB
                .get(*o as usize..(*o + *n) as usize)
                .unwrap_or(""),
            Str::Owned(s) => s,
        }
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Default for Str {
    fn default() -> Str {
        Str::Owned(Box::default())
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str::Owned(s.into_boxed_str())
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str::Owned(s.into())
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

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        String::deserialize(d).map(Str::from)
    }
}

/// The types that have a static pool in the built-in knowledge base.
pub trait Pool: Sized + 'static {
    fn pool() -> &'static [Self];
}

/// A sequence.
pub enum Seq<T: 'static> {
    /// Elements `.0 .. .0 + .1` of `T`'s static pool.
    Static(u32, u32),
    Owned(Vec<T>),
}

impl<T> Seq<T> {
    /// A static sequence: a range of the pool of `T`s.
    pub const fn lit(start: u32, len: u32) -> Seq<T> {
        Seq::Static(start, len)
    }
}

impl<T: Pool + Clone> Seq<T> {
    /// The elements as an owned vector, copied out of the pool if need be.
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        if let Seq::Static(..) = self {
            *self = Seq::Owned(self.to_vec());
        }
        match self {
            Seq::Owned(v) => v,
            Seq::Static(..) => unreachable!("made owned above"),
        }
    }

    pub fn into_owned(self) -> Vec<T> {
        match self {
            Seq::Owned(v) => v,
            Seq::Static(..) => self.to_vec(),
        }
    }
}

impl<T: Pool> Deref for Seq<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match self {
            Seq::Static(s, n) => T::pool()
                .get(*s as usize..(*s + *n) as usize)
                .unwrap_or(&[]),
            Seq::Owned(v) => v,
        }
    }
}

impl<'a, T: Pool> IntoIterator for &'a Seq<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Clone> Clone for Seq<T> {
    fn clone(&self) -> Seq<T> {
        match self {
            Seq::Static(s, n) => Seq::Static(*s, *n),
            Seq::Owned(v) => Seq::Owned(v.clone()),
        }
    }
}

impl<T> Default for Seq<T> {
    fn default() -> Seq<T> {
        Seq::Owned(Vec::new())
    }
}

impl<T> From<Vec<T>> for Seq<T> {
    fn from(v: Vec<T>) -> Seq<T> {
        Seq::Owned(v)
    }
}

impl<T: Pool + PartialEq> PartialEq for Seq<T> {
    fn eq(&self, other: &Seq<T>) -> bool {
        **self == **other
    }
}

impl<T: Pool + fmt::Debug> fmt::Debug for Seq<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Pool + Serialize> Serialize for Seq<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Seq<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Seq<T>, D::Error> {
        Vec::<T>::deserialize(d).map(Seq::Owned)
    }
}

/// Calls `$m!` with every type that has a static pool and the name of its pool: the
/// one list that the `Pool` impls below and the pools `build.rs` writes both follow.
macro_rules! every_pool {
    ($m:ident) => {
        $m!(
            Str => STR_POOL,
            Text => TEXT_POOL,
            Memo => MEMO_POOL,
            Section => SECTION_POOL,
            Source => SOURCE_POOL,
            Topic => TOPIC_POOL,
            Group => GROUP_POOL,
            Figure => FIGURE_POOL,
            Item => ITEM_POOL,
            List => LIST_POOL,
            Actor => ACTOR_POOL,
            Event => EVENT_POOL,
            SearchDoc => SEARCH_DOC_POOL,
        );
    };
}
#[allow(unused_imports)] // build.rs calls it by its path
pub(crate) use every_pool;

macro_rules! impl_pool {
    ($($ty:ident => $pool:ident),* $(,)?) => {
        $(impl Pool for $ty {
            fn pool() -> &'static [$ty] {
                &super::pools::$pool
            }
        })*
    };
}

every_pool!(impl_pool);

#[cfg(test)]
mod tests {
    use super::{Seq, Str};

    #[test]
    fn a_text_takes_16_bytes_and_a_sequence_24() {
        assert_eq!(std::mem::size_of::<Str>(), 16);
        assert_eq!(std::mem::size_of::<Seq<Str>>(), 24);
    }
}
