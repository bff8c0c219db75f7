//! What search reads of each entry: its texts, field by field ([`pieces`]), and the
//! built-in knowledge base's inverted index of them, folded and stemmed once, at
//! build time ([`SearchIndex`]). Other files are read piece by piece as a search
//! goes (`search::search_kb`); both ways score the same fields the same way.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::fold::{each_word_and_scaled, fold};
use super::model::{EntryRef, Kb, Kind, Seq, Source, Str, Text, Topic};
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

    /// Its bit in a set of fields (`pieces_with`'s `skip`).
    pub fn bit(self) -> u32 {
        1 << (self as u32)
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
            Field::Source | Field::Topic => Class::Context,
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
    /// Its place among its entry's pieces, from 0 (left 0 by `source_pieces` and
    /// `topic_pieces`, which stand for the last pieces of a figure).
    pub at: u16,
}

#[cfg(test)]
mod tests {
    use super::plain_number;

    #[test]
    fn plain_numbers() {
        for v in [0.0f64, 7.0, -42.0, 109e9, 511.3, -0.5, 8.9e15, 1e300] {
            let expected = if v.fract() == 0.0 && v.abs() <= crate::validate::MAX_EXACT {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            };
            assert_eq!(plain_number(v), expected);
        }
    }
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
    match plain_whole(v, &mut [0; 21]) {
        Some(whole) => whole.to_string(),
        None => format!("{v}"),
    }
}

/// `plain_number` for a whole number, written digit by digit into `buf` rather than
/// a new string: this runs for every figure a number is searched in. `None` for
/// other numbers.
fn plain_whole(v: f64, buf: &mut [u8; 21]) -> Option<&str> {
    if !(v.fract() == 0.0 && v.abs() <= crate::validate::MAX_EXACT) {
        return None;
    }
    let mut n = (v as i64).unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0.0 {
        at -= 1;
        buf[at] = b'-';
    }
    std::str::from_utf8(&buf[at..]).ok()
}

/// Hands every text of entry `e` to `f`, field by field, in a fixed order.
pub fn pieces(kb: &Kb, e: EntryRef, f: &mut dyn FnMut(Piece<'_>)) {
    let _ = pieces_with(kb, e, 0, f);
}

/// The texts a figure borrows from its source: its name and aliases.
pub fn source_pieces(s: &Source, f: &mut dyn FnMut(Piece<'_>)) {
    for (side, text) in [(Side::Fr, &s.name.fr), (Side::En, &s.name.en)] {
        f(Piece {
            field: Field::Source,
            n: 0,
            side: Some(side),
            text,
            at: 0,
        });
    }
    for (i, a) in s.aliases.iter().enumerate() {
        f(Piece {
            field: Field::Source,
            n: u16::try_from(i + 1).unwrap_or(u16::MAX),
            side: None,
            text: a,
            at: 0,
        });
    }
}

/// The texts a figure borrows from its topic: its name.
pub fn topic_pieces(t: &Topic, f: &mut dyn FnMut(Piece<'_>)) {
    for (side, text) in [(Side::Fr, &t.name.fr), (Side::En, &t.name.en)] {
        f(Piece {
            field: Field::Topic,
            n: 0,
            side: Some(side),
            text,
            at: 0,
        });
    }
}

/// `pieces`, leaving out the fields in `skip` (a set of `Field::bit`s) without
/// computing them; a figure's source and topic, when left out, are left out whole.
/// Returns the place after the last piece handed (or left out).
pub fn pieces_with(kb: &Kb, e: EntryRef, skip: u32, f: &mut dyn FnMut(Piece<'_>)) -> u16 {
    let wanted = |field: Field| skip & field.bit() == 0;
    let mut next: u16 = 0;
    let f = &mut |mut p: Piece<'_>| {
        p.at = next;
        next = next.saturating_add(1);
        if wanted(p.field) {
            f(p);
        }
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
            if wanted(Field::Value) {
                match plain_whole(x.value, &mut [0; 21]) {
                    Some(whole) => one(f, Field::Value, 0, whole),
                    None => one(f, Field::Value, 0, &plain_number(x.value)),
                }
            } else {
                one(f, Field::Value, 0, ""); // its place, kept
            }
            opt(f, Field::Stated, &x.stated);
            opt(f, Field::Qualifier, &x.qualifier);
            opt(f, Field::Period, &x.period);
            one(f, Field::Unit, 0, &x.unit);
            both(f, Field::Text, 0, &x.text);
            quote(f, &x.quote);
            if wanted(Field::Source) {
                source_pieces(kb.get(&x.source_id), f);
            }
            if wanted(Field::Topic) {
                topic_pieces(kb.get(&x.topic_id), f);
            }
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
    next
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
    pub ends: Seq<u32>,
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
            ends: Seq::Owned(ends),
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
    pub entries: Seq<EntryRef>,
    /// Every field that folds to at least one word, entry by entry.
    pub fields: Seq<FieldRef>,
    /// Every distinct folded word, sorted.
    pub words: StrTable,
    /// Each word's French and English stems, as indices into `stems` (or `NO_STEM`).
    pub stem_fr: Seq<u32>,
    pub stem_en: Seq<u32>,
    /// Every distinct stem, sorted.
    pub stems: StrTable,
    /// Where each word's fields start in `postings`; one more than `words`.
    pub starts: Seq<u32>,
    /// The fields (indices into `fields`) of each word, word after word, ascending.
    pub postings: Seq<u32>,
}

impl SearchIndex {
    /// Folds and stems every entry of `kb`.
    pub fn build(kb: &Kb) -> SearchIndex {
        let entries = ranked_entries(kb);
        let mut fields: Vec<FieldRef> = Vec::new();
        let mut words: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (doc, (_, e)) in entries.iter().enumerate() {
            pieces(kb, *e, &mut |p| {
                let folded = fold(p.text);
                let len = folded.split(' ').filter(|w| !w.is_empty()).count();
                if len == 0 {
                    return;
                }
                let at = u32::try_from(fields.len()).unwrap_or(u32::MAX);
                fields.push(FieldRef {
                    doc: u32::try_from(doc).unwrap_or(u32::MAX),
                    field: p.field,
                    piece: p.at,
                    len: u16::try_from(len).unwrap_or(u16::MAX),
                });
                each_word_and_scaled(&folded, |w| {
                    let list = words.entry(w.to_string()).or_default();
                    if list.last() != Some(&at) {
                        list.push(at);
                    }
                });
            });
        }
        let stemmed: Vec<[Option<String>; 2]> = words.keys().map(|w| stem::stems(w)).collect();
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
        for list in words.values() {
            starts.push(u32::try_from(postings.len()).unwrap_or(u32::MAX));
            postings.extend_from_slice(list);
        }
        starts.push(u32::try_from(postings.len()).unwrap_or(u32::MAX));
        SearchIndex {
            entries: Seq::Owned(entries.into_iter().map(|(_, e)| e).collect()),
            fields: Seq::Owned(fields),
            words: StrTable::new(words.into_keys()),
            stem_fr: Seq::Owned(stem_fr),
            stem_en: Seq::Owned(stem_en),
            stems: StrTable::new(stems),
            starts: Seq::Owned(starts),
            postings: Seq::Owned(postings),
        }
    }

    /// The fields word `w` occurs in.
    pub fn postings(&self, w: usize) -> &[u32] {
        let from = self.starts.get(w).copied().unwrap_or(0) as usize;
        let to = self.starts.get(w + 1).copied().unwrap_or(0) as usize;
        self.postings.get(from..to).unwrap_or(&[])
    }
}
