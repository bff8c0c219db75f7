//! What search reads of each entry: its texts, field by field ([`pieces`]), and the
//! inverted index of them, folded and stemmed ([`SearchIndex`]): the built-in knowledge
//! base's once, at build time; that of other files when they are searched.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::fold::{each_word_and_scaled, fold, fold_into};
use super::model::{EntryRef, Kb, Kind, Str, Table, Text};
use super::stem;

/// Where a field's words count in ranking: names above texts above what an entry
/// borrows from another (a figure's source and topic).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Context,
    Body,
    Name,
}

/// A field of an entry, as search reads it and JSON names it (`matched.field`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb::index))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    Code,
    Alias,
    Name,
    Title,
    Label,
    Magnitude,
    Value,
    Stated,
    Qualifier,
    Period,
    Unit,
    Text,
    Role,
    Related,
    Item,
    Detail,
    Place,
    CoChair,
    Description,
    Date,
    Quote,
    Source,
    Topic,
}

impl Field {
    /// Its name in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Code => "code",
            Field::Alias => "alias",
            Field::Name => "name",
            Field::Title => "title",
            Field::Label => "label",
            Field::Magnitude => "magnitude",
            Field::Value => "value",
            Field::Stated => "stated",
            Field::Qualifier => "qualifier",
            Field::Period => "period",
            Field::Unit => "unit",
            Field::Text => "text",
            Field::Role => "role",
            Field::Related => "related",
            Field::Item => "item",
            Field::Detail => "detail",
            Field::Place => "place",
            Field::CoChair => "co_chair",
            Field::Description => "description",
            Field::Date => "date",
            Field::Quote => "quote",
            Field::Source => "source",
            Field::Topic => "topic",
        }
    }

    /// Where its words count.
    pub fn class(self) -> Class {
        match self {
            Field::Id
            | Field::Code
            | Field::Alias
            | Field::Name
            | Field::Title
            | Field::Label
            | Field::Magnitude
            | Field::Value => Class::Name,
            Field::Source | Field::Topic | Field::Detail => Class::Context,
            _ => Class::Body,
        }
    }
}

/// The side of a bilingual text a piece comes from (`None` for codes, ids, numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Fr,
    En,
}

/// One text of an entry: its field, which one of them (a list's item, an alias),
/// its side, and the text as written.
#[derive(Clone, Copy, Debug)]
pub struct Piece<'a> {
    pub field: Field,
    pub n: u16,
    pub side: Option<Side>,
    pub text: &'a str,
    /// Its place among its entry's pieces, from 0.
    pub at: u16,
}

/// The rank of a kind when entries match equally: figures, actors and lists first.
pub fn kind_rank(k: Kind) -> u8 {
    match k {
        Kind::Figure => 0,
        Kind::Actor => 1,
        Kind::List => 2,
        Kind::Event => 3,
        Kind::Source => 4,
        Kind::Topic => 5,
        Kind::Group => 6,
        Kind::Section => 7,
    }
}

/// A number as plain text: `109000000000`, `511.3`.
pub fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() <= crate::validate::MAX_EXACT {
        (v as i64).to_string()
    } else {
        v.to_string()
    }
}

/// Hands every text of entry `e` to `f`, field by field, in a fixed order; a
/// figure's last pieces are its source's and its topic's names.
pub fn pieces(kb: &Kb, e: EntryRef, f: &mut dyn FnMut(Piece<'_>)) {
    let mut next: u16 = 0;
    let f = &mut |mut p: Piece<'_>| {
        p.at = next;
        next = next.saturating_add(1);
        f(p);
    };
    fn one(f: &mut dyn FnMut(Piece<'_>), field: Field, n: usize, text: &str) {
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        f(Piece {
            field,
            n,
            side: None,
            text,
            at: 0,
        });
    }
    fn both(f: &mut dyn FnMut(Piece<'_>), field: Field, n: usize, t: &Text) {
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        for (side, text) in [(Side::Fr, &t.fr), (Side::En, &t.en)] {
            f(Piece {
                field,
                n,
                side: Some(side),
                text,
                at: 0,
            });
        }
    }
    fn opt(f: &mut dyn FnMut(Piece<'_>), field: Field, t: &Option<Text>) {
        if let Some(t) = t {
            both(f, field, 0, t);
        }
    }
    fn quote(f: &mut dyn FnMut(Piece<'_>), q: &Option<Str>) {
        if let Some(q) = q {
            f(Piece {
                field: Field::Quote,
                n: 0,
                side: Some(Side::Fr),
                text: q,
                at: 0,
            });
        }
    }
    match e.kind {
        Kind::Figure => {
            let x = &kb.figures[e.idx];
            one(f, Field::Id, 0, &x.id);
            both(f, Field::Label, 0, &x.label);
            both(f, Field::Magnitude, 0, &x.magnitude);
            one(f, Field::Value, 0, &plain_number(x.value));
            opt(f, Field::Stated, &x.stated);
            opt(f, Field::Qualifier, &x.qualifier);
            opt(f, Field::Period, &x.period);
            one(f, Field::Unit, 0, &x.unit);
            both(f, Field::Text, 0, &x.text);
            quote(f, &x.quote);
            let source = kb.get(&x.source_id);
            both(f, Field::Source, 0, &source.name);
            for (i, a) in source.aliases.iter().enumerate() {
                one(f, Field::Source, i + 1, a);
            }
            both(f, Field::Topic, 0, &kb.get(&x.topic_id).name);
        }
        Kind::List => {
            let x = &kb.lists[e.idx];
            one(f, Field::Id, 0, &x.id);
            both(f, Field::Title, 0, &x.title);
            for (i, item) in x.items.iter().enumerate() {
                both(f, Field::Item, i, &item.text);
                if let Some(d) = &item.detail {
                    both(f, Field::Detail, i, d);
                }
            }
            quote(f, &x.quote);
        }
        Kind::Actor => {
            let x = &kb.actors[e.idx];
            one(f, Field::Id, 0, &x.id);
            if let Some(c) = &x.code {
                one(f, Field::Code, 0, c);
            }
            if let Some(c) = &x.code_en {
                one(f, Field::Code, 1, c);
            }
            for (i, a) in x.aliases.iter().enumerate() {
                one(f, Field::Alias, i, a);
            }
            both(f, Field::Name, 0, &x.name);
            opt(f, Field::Role, &x.role);
            for (i, r) in x.related.iter().enumerate() {
                both(f, Field::Related, i, r);
            }
            quote(f, &x.quote);
        }
        Kind::Source => {
            let x = &kb.sources[e.idx];
            one(f, Field::Id, 0, &x.id);
            both(f, Field::Name, 0, &x.name);
            for (i, a) in x.aliases.iter().enumerate() {
                one(f, Field::Alias, i, a);
            }
            opt(f, Field::Date, &x.date);
            quote(f, &x.quote);
        }
        Kind::Event => {
            let x = &kb.events[e.idx];
            one(f, Field::Id, 0, &x.id);
            both(f, Field::Name, 0, &x.name);
            both(f, Field::Place, 0, &x.place);
            opt(f, Field::CoChair, &x.co_chair);
            both(f, Field::Description, 0, &x.description);
            quote(f, &x.quote);
            if let Some(t) = &x.topic_id {
                both(f, Field::Topic, 0, &kb.get(t).name);
            }
        }
        Kind::Topic => {
            let x = &kb.topics[e.idx];
            one(f, Field::Id, 0, &x.id);
            both(f, Field::Name, 0, &x.name);
            quote(f, &x.quote);
        }
        Kind::Group => {
            let x = &kb.groups[e.idx];
            one(f, Field::Id, 0, &x.id);
            both(f, Field::Name, 0, &x.name);
            quote(f, &x.quote);
        }
        Kind::Section => {
            let x = &kb.sections[e.idx];
            one(f, Field::Id, 0, &x.id);
            both(f, Field::Title, 0, &x.title);
            quote(f, &x.quote);
        }
    }
}

/// Every entry of `kb` in the order ties are ranked: by kind (figures, actors and
/// lists first), then by id.
pub fn ranked_entries(kb: &Kb) -> Vec<(&str, EntryRef)> {
    let mut all: Vec<(&str, EntryRef)> = kb.ids().collect();
    all.sort_by(|a, b| {
        kind_rank(a.1.kind)
            .cmp(&kind_rank(b.1.kind))
            .then_with(|| a.0.cmp(b.0))
    });
    all
}

/// One field of one entry in the index.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb::index))]
pub struct FieldRef {
    /// The entry, as an index into `SearchIndex::entries`.
    pub doc: u32,
    pub field: Field,
    /// Its place among its entry's pieces (`Piece::at`).
    pub piece: u16,
    /// The number of words it folds to.
    pub len: u16,
}

/// Sorted strings in one text, each ending where `ends` says: the index's words and
/// stems without a pointer each (the built-in index is baked into statics, where each
/// pointer costs a relocation at start).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb::index))]
pub struct StrTable {
    pub text: Str,
    pub ends: Table<u32>,
}

impl StrTable {
    /// The table of `strings`, in their order.
    pub fn new(strings: impl IntoIterator<Item = String>) -> StrTable {
        let (mut text, mut ends) = (String::new(), Vec::new());
        for s in strings {
            text.push_str(&s);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        StrTable {
            text: Str::from(text),
            ends: Table::Owned(ends),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i` (empty past the end).
    pub fn get(&self, i: usize) -> &str {
        let from = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        let to = self.ends.get(i).copied().unwrap_or(0) as usize;
        self.text.get(from..to).unwrap_or("")
    }

    /// The first index in `range` whose string is not `below` (they are sorted so that
    /// those that are come first), as `slice::partition_point` gives it.
    pub fn partition_point(
        &self,
        range: std::ops::Range<usize>,
        below: impl Fn(&str) -> bool,
    ) -> usize {
        let (mut lo, mut hi) = (range.start, range.end.min(self.len()));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if below(self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Where `s` stands, when it is there.
    pub fn find(&self, s: &str) -> Option<usize> {
        let at = self.partition_point(0..self.len(), |x| x < s);
        (at < self.len() && self.get(at) == s).then_some(at)
    }
}

/// No stem: a number, or a word too short or not plain ASCII letters.
pub const NO_STEM: u32 = u32::MAX;

/// The inverted index of a knowledge base: every distinct folded word, its stems,
/// and the fields it occurs in.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = aimemo_kb::index))]
pub struct SearchIndex {
    /// The entries, in the order ties are ranked (kind, then id).
    pub entries: Table<EntryRef>,
    /// Every field that folds to at least one word, entry by entry.
    pub fields: Table<FieldRef>,
    /// Every distinct folded word, sorted.
    pub words: StrTable,
    /// Each word's French and English stems, as indices into `stems` (or `NO_STEM`).
    pub stem_fr: Table<u32>,
    pub stem_en: Table<u32>,
    /// Every distinct stem, sorted.
    pub stems: StrTable,
    /// Where each word's fields start in `postings`; one more than `words`.
    pub starts: Table<u32>,
    /// The fields (indices into `fields`) of each word, word after word, ascending.
    pub postings: Table<u32>,
}

impl SearchIndex {
    /// Folds and stems every entry of `kb`.
    pub fn build(kb: &Kb) -> SearchIndex {
        let entries = ranked_entries(kb);
        let mut fields: Vec<FieldRef> = Vec::new();
        let mut words: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        // A figure's source and topic are shared by many figures: they are folded once
        // (known by the place of their text in the knowledge base).
        let mut shared: FxHashMap<(usize, usize), String> = FxHashMap::default();
        let mut buf = String::new();
        for (doc, (_, e)) in entries.iter().enumerate() {
            pieces(kb, *e, &mut |p| {
                let folded: &str = if matches!(p.field, Field::Source | Field::Topic) {
                    shared
                        .entry((p.text.as_ptr() as usize, p.text.len()))
                        .or_insert_with(|| fold(p.text))
                } else {
                    buf.clear();
                    fold_into(&mut buf, p.text);
                    &buf
                };
                if folded.is_empty() {
                    return;
                }
                // Folded words are parted by single spaces.
                let len = folded.matches(' ').count() + 1;
                let at = u32::try_from(fields.len()).unwrap_or(u32::MAX);
                fields.push(FieldRef {
                    doc: u32::try_from(doc).unwrap_or(u32::MAX),
                    field: p.field,
                    piece: p.at,
                    len: u16::try_from(len).unwrap_or(u16::MAX),
                });
                each_word_and_scaled(folded, |w| match words.get_mut(w) {
                    Some(list) if list.last() == Some(&at) => {}
                    Some(list) => list.push(at),
                    None => {
                        words.insert(w.to_string(), vec![at]);
                    }
                });
            });
        }
        let mut words: Vec<(String, Vec<u32>)> = words.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let stemmed: Vec<[Option<String>; 2]> = words.iter().map(|(w, _)| stem::stems(w)).collect();
        let mut stems: Vec<String> = stemmed.iter().flatten().flatten().cloned().collect();
        stems.sort();
        stems.dedup();
        let id = |s: &Option<String>| {
            s.as_ref()
                .and_then(|s| stems.binary_search(s).ok())
                .map_or(NO_STEM, |i| u32::try_from(i).unwrap_or(NO_STEM))
        };
        let stem_fr = stemmed.iter().map(|s| id(&s[0])).collect();
        let stem_en = stemmed.iter().map(|s| id(&s[1])).collect();
        let mut starts = Vec::with_capacity(words.len() + 1);
        let mut postings = Vec::new();
        for (_, list) in &words {
            starts.push(u32::try_from(postings.len()).unwrap_or(u32::MAX));
            postings.extend_from_slice(list);
        }
        starts.push(u32::try_from(postings.len()).unwrap_or(u32::MAX));
        SearchIndex {
            entries: Table::Owned(entries.into_iter().map(|(_, e)| e).collect()),
            fields: Table::Owned(fields),
            words: StrTable::new(words.into_iter().map(|(w, _)| w)),
            stem_fr: Table::Owned(stem_fr),
            stem_en: Table::Owned(stem_en),
            stems: StrTable::new(stems),
            starts: Table::Owned(starts),
            postings: Table::Owned(postings),
        }
    }

    /// The fields word `w` occurs in.
    pub fn postings(&self, w: usize) -> &[u32] {
        let from = self.starts.get(w).copied().unwrap_or(0) as usize;
        let to = self.starts.get(w + 1).copied().unwrap_or(0) as usize;
        self.postings.get(from..to).unwrap_or(&[])
    }
}
