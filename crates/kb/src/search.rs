//! Ranked full-text search, by words, through an index ([`SearchIndex`]): the built-in
//! knowledge base's, baked at build time, or that of other files, built when they are
//! searched. One ranking serves both.
//!
//! A query is read as people type it: words that carry no meaning (question words,
//! articles, what elision leaves) are left out, and the phrases the memo writes in
//! several ways are one word (`IA`, `AI`, `intelligence artificielle`). A query word
//! matches a word of an entry's text exactly, by its light forms (the same French or
//! English stem), or as its start (3 letters or more: `cyber` finds `cybersécurité`,
//! `eau` does not find `réseau`); a word that matches nothing at all matches words a
//! small edit distance away (1 from 5 letters, 2 from 9). Numbers match numbers: `511`
//! finds 511.3, `109bn` and `109 milliards` find 109,000,000,000.
//!
//! Each word scores by where it matched (name, code, title or alias; text; a list
//! item's detail, a figure's source or topic) and how (whole word, stem, start, typo),
//! more in a short field than a long one, weighed by how rare it is (BM25's inverse
//! document frequency); a field that is the whole query, and several words in one
//! field, add to it; an entry scores as much as the words it holds weigh of all the
//! query's, more when it is the kind of answer the question asks for. Hits are best
//! first; equal scores go to figures, actors and lists before the rest, then by id.

use std::cell::RefCell;
use std::collections::HashMap;

use super::fold::{equivalents, fold, is_number, phrase_words, phrases_of, SCALES};
use super::index::{kind_rank, Class, Field, SearchIndex, NO_STEM};
use super::model::{EntryRef, Kb, Kind};
use super::stem;

/// The most words a query is read for; the rest are ignored.
pub const MAX_TERMS: usize = 16;

/// How a word matched a query word, from worst to best.
pub const FUZZY: u8 = 1;
pub const PREFIX: u8 = 2;
pub const STEM: u8 = 3;
pub const EXACT: u8 = 4;

/// What each way of matching keeps of a field's points, in hundredths, by the
/// constants above: a word's start or a close spelling is a weaker sign than the word.
const KEPT: [u32; 5] = [0, 50, 60, 90, 100];

/// Words that carry no meaning in a query, folded: articles, prepositions, pronouns,
/// auxiliaries and the words of a question, in French and English, and what elision
/// leaves of them (`l'`, `d'`, `qu'`, the `t` of `a-t-elle`). They are not searched.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "an", "and", "are", "as", "at", "au", "aux", "avec", "be", "been", "but",
    "by", "c", "can", "ce", "ces", "cet", "cette", "co", "combien", "comment", "could", "d",
    "dans", "de", "des", "did", "do", "does", "du", "elle", "elles", "en", "est", "et",
    "etaient", "etait", "ete", "for", "from", "had", "has", "have", "how", "i", "il", "ils",
    "in", "is", "it", "its", "j", "l", "la", "laquelle", "le", "lequel", "les", "lesquelles",
    "lesquels", "leur", "leurs", "lui", "m", "many", "me", "much", "n", "ne", "nos", "notre",
    "nous", "of", "on", "ont", "or", "ou", "our", "par", "pour", "pourquoi", "qu", "quand",
    "que", "quel", "quelle", "quelles", "quels", "qui", "quoi", "s", "sa", "se", "ses", "son",
    "sont", "sur", "t", "the", "their", "them", "there", "these", "they", "this", "those", "to",
    "un", "une", "va", "vont", "was", "we", "were", "what", "when", "where", "which", "who",
    "whom", "whose", "why", "will", "with", "y", "you",
];

/// Phrases of a question that carry no meaning either: the verb of "where did it take
/// place", "où s'est-il tenu".
const FILLERS: &[&[&str]] = &[
    &["take", "place"],
    &["takes", "place"],
    &["took", "place"],
    &["taken", "place"],
    &["eu", "lieu"],
    &["tenu"],
    &["tenue"],
    &["tient"],
];

/// The kind of answer a question asks for, by its first question word: `combien`
/// and `how much` a figure, `qui` an actor, `quand` and `où` an event, `quels` a list.
fn intent(words: &[&str]) -> Option<Kind> {
    let pairs = words.iter().zip(words.iter().skip(1).chain([&""]));
    pairs
        .enumerate()
        .find_map(|(i, (&w, &next))| match (w, next) {
            ("combien", _) | ("how", "much" | "many") => Some(Kind::Figure),
            ("qui" | "who" | "whom", _) => Some(Kind::Actor),
            ("quand" | "when", _) => Some(Kind::Event),
            // `ou` is also "or": "where" only when it opens the question.
            ("ou", _) if i == 0 => Some(Kind::Event),
            ("where", _) => Some(Kind::Event),
            ("quels" | "quelles" | "which", _) | ("what", "are") => Some(Kind::List),
            _ => None,
        })
}

/// One word of a query, folded.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub text: String,
    /// How much a match of it weighs, in hundredths: rare words more than common ones
    /// (its inverse document frequency, set by the search).
    pub weight: u32,
    /// Matches words a small edit distance away (set when it matches nothing else).
    pub fuzzy: bool,
    /// A number: its value as typed, and the scale written after it (1 if none).
    number: Option<(f64, f64)>,
    stems: [Option<String>; 2],
    /// Its first three characters (empty when it has fewer): every word it matches
    /// by stem or as a start begins with them.
    head: String,
}

impl Term {
    fn new(text: &str, scale: Option<f64>) -> Term {
        let number = if is_number(text) {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(|v| (v, scale.unwrap_or(1.0)))
        } else {
            None
        };
        // `eur` is what `€` folds to: the currency, not the start of "europe".
        let head: String = if number.is_none() && text.chars().nth(2).is_some() && text != "eur" {
            text.chars().take(3).collect()
        } else {
            String::new()
        };
        Term {
            text: text.to_string(),
            weight: 100,
            fuzzy: false,
            stems: if number.is_none() {
                stem::stems(text)
            } else {
                [None, None]
            },
            number,
            head,
        }
    }

    /// Whether it may match by a small edit distance.
    fn may_be_fuzzy(&self) -> bool {
        self.number.is_none() && typos_allowed(&self.text) > 0
    }

    /// How `word` (folded) matches: 0 for not at all. `stems` gives the word's stems,
    /// asked only when they can decide.
    fn quality<'s>(&self, word: &str, stems: impl FnOnce() -> [Option<&'s str>; 2]) -> u8 {
        if let Some((value, scale)) = self.number {
            // A scaled number (`200m`) is its value: the digits alone (`200` of
            // "€200 billion") are another number.
            if scale <= 1.0 && word == self.text {
                return EXACT;
            }
            return number_quality(&self.text, value, scale, word);
        }
        if word == self.text {
            return EXACT;
        }
        if word.is_empty() || is_number(word) {
            return 0;
        }
        if !self.head.is_empty() && word.starts_with(&self.head) {
            if stem::stemmable(word) && self.stems.iter().any(Option::is_some) {
                let [fr, en] = stems();
                let same = |a: &Option<String>, b: Option<&str>| a.is_some() && a.as_deref() == b;
                if same(&self.stems[0], fr) || same(&self.stems[1], en) {
                    return STEM;
                }
            }
            if word.starts_with(&self.text) {
                return PREFIX;
            }
        }
        if self.fuzzy && within_typos(&self.text, word) {
            return FUZZY;
        }
        0
    }
}

/// How a number word of a text matches a number of the query.
fn number_quality(text: &str, value: f64, scale: f64, word: &str) -> u8 {
    if !is_number(word) {
        return 0;
    }
    let Ok(v) = word.parse::<f64>() else {
        return 0;
    };
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs());
    if scale > 1.0 && same(v, value * scale) {
        return EXACT;
    }
    if !text.contains('.') {
        // `511` is the start of 511.3, and `511bn` of 511,300,000,000.
        let decimals = word.strip_prefix(text).is_some_and(|r| r.starts_with('.'));
        if decimals || (scale > 1.0 && v >= scale && same((v / scale).trunc(), value)) {
            return PREFIX;
        }
    }
    0
}

/// How many typos a query word may have: none up to 4 letters, 1 up to 8, then 2.
fn typos_allowed(text: &str) -> usize {
    match text.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Whether `word` is a small edit distance (transpositions count one) from `text`.
fn within_typos(text: &str, word: &str) -> bool {
    let k = typos_allowed(text);
    if k == 0 || is_number(word) {
        return false;
    }
    let (a, b) = (text.chars().count(), word.chars().count());
    a.abs_diff(b) <= k && strsim::osa_distance(text, word) <= k
}

/// A query, folded into its distinct words (numbers with their scale).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// The words left out as carrying no meaning (`STOPWORDS`), as folded.
    pub ignored: Vec<String>,
    /// The kind of entry the question asks for, if it is one (`combien`, `who`…).
    pub intent: Option<Kind>,
    /// The words of the phrases its words stand for (`data`, `centres` for
    /// `datacenter`): a passage marks them.
    phrase_words: Vec<&'static str>,
    /// The stems of the words `marks` was asked about.
    stems: StemCache,
}

/// Stems already computed, by word: a cache, so it compares equal to any other.
#[derive(Clone, Default)]
struct StemCache(RefCell<HashMap<String, [Option<String>; 2]>>);

impl PartialEq for StemCache {
    fn eq(&self, _: &StemCache) -> bool {
        true
    }
}

impl std::fmt::Debug for StemCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StemCache")
    }
}

impl Query {
    /// `None` when the query folds to no word at all.
    pub fn new(query: &str) -> Option<Query> {
        Query::parse(query, false)
    }

    /// The query with every word searched, those that carry no meaning too.
    fn with_every_word(query: &str) -> Query {
        Query::parse(query, true).unwrap_or_default()
    }

    fn parse(query: &str, every_word: bool) -> Option<Query> {
        let folded = equivalents(&fold(query));
        let all: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if all.is_empty() {
            return None;
        }
        // A stopword typed in capitals is an acronym: `UN` is the United Nations.
        let acronyms: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 1 && w.chars().all(char::is_uppercase))
            .map(fold)
            .collect();
        let meaningless = |at: usize| {
            let w = all[at];
            if every_word {
                return false;
            }
            (STOPWORDS.contains(&w) && !acronyms.iter().any(|a| a == w))
                || FILLERS.iter().any(|phrase| {
                    let n = phrase.len();
                    (at.saturating_sub(n - 1)..=at)
                        .any(|from| all.get(from..from + n) == Some(phrase))
                })
        };
        let mut terms: Vec<Term> = Vec::new();
        let mut ignored: Vec<String> = Vec::new();
        let mut i = 0;
        while i < all.len() && terms.len() < MAX_TERMS {
            let w = all[i];
            i += 1;
            // A number's scale word is read before stopwords are left out: the `m`
            // of `200 m` is millions, not the elided `m'`.
            let scale = if is_number(w) {
                let s = all
                    .get(i)
                    .and_then(|next| SCALES.iter().find(|(name, _)| name == next));
                if s.is_some() {
                    i += 1;
                }
                s.map(|(_, s)| *s)
            } else {
                None
            };
            if scale.is_none() && meaningless(i - 1) {
                ignored.push(w.to_string());
                continue;
            }
            let term = Term::new(w, scale);
            if !terms
                .iter()
                .any(|t| t.text == term.text && t.number == term.number)
            {
                terms.push(term);
            }
        }
        Some(Query {
            phrase_words: terms.iter().flat_map(|t| phrase_words(&t.text)).collect(),
            terms,
            ignored,
            intent: intent(&all),
            stems: StemCache::default(),
        })
    }

    /// Whether a folded word of a text is one the query asks for: it matches a word
    /// of the query, or it is part of a phrase that a word of the query stands for
    /// (`data` and `centers` for `datacenter`).
    pub fn marks(&self, word: &str) -> bool {
        if self.phrase_words.contains(&word) {
            return true;
        }
        let mut cache = self.stems.0.borrow_mut();
        for t in &self.terms {
            // A word's stems are computed once, and only for a term they can decide.
            let cache = &mut *cache;
            let stems = move || {
                // Taken by value: the closure runs once, and lends what it returns.
                let cache = cache;
                if !cache.contains_key(word) {
                    cache.insert(word.to_string(), stem::stems(word));
                }
                let known = &cache[word];
                [known[0].as_deref(), known[1].as_deref()]
            };
            if t.quality(word, stems) > 0 {
                return true;
            }
        }
        false
    }

    /// Whether one of its words is a number (only those match the number that a
    /// number and its scale word make).
    pub fn has_numbers(&self) -> bool {
        self.terms.iter().any(|t| t.number.is_some())
    }

    /// The words that must match for an entry to match them all.
    pub fn required(&self) -> usize {
        self.terms.len()
    }
}

/// One field of an entry that a query matched: how each word of the query matched it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldHit {
    pub field: Field,
    /// Its place among its entry's pieces (`Piece::at`).
    pub piece: u16,
    /// The number of words the field folds to.
    pub len: u16,
    pub quals: [u8; MAX_TERMS],
    /// It holds the words the query left out too (`at` of `at-dgm`).
    pub holds_ignored: bool,
}

impl FieldHit {
    /// What each query word scores in this field, and what the field adds as a whole
    /// (being the whole query; holding several of its words).
    pub fn score_parts(&self, q: &Query) -> ([u32; MAX_TERMS], u32, u32) {
        let mut out = [0; MAX_TERMS];
        let (whole, together) = self.score_into(q, &mut out);
        (out, whole, together)
    }

    /// `score_parts`, each word's score kept in `best` where it is higher than the
    /// one there (an entry's best field for each word), without a new array a field.
    fn score_into(&self, q: &Query, best: &mut [u32]) -> (u32, u32) {
        let n = q.terms.len();
        let base = match self.field.class() {
            Class::Name => 300,
            Class::Body => 200,
            Class::Context => 100,
        };
        let density = 80 / u32::from(self.len.max(4));
        let (mut matched, mut exact) = (0, true);
        for ((b, &ql), term) in best.iter_mut().zip(&self.quals).zip(&q.terms) {
            let weight = term.weight;
            if ql == 0 {
                exact = false;
                continue;
            }
            matched += 1;
            exact &= ql == EXACT;
            let points = (base + density) * KEPT[usize::from(ql.min(EXACT))] / 100;
            *b = (*b).max(points * weight / 100);
        }
        // A field that is the query's words: an id, only when it is all the words
        // typed (`at-dgm`), not the words left of a question (`where is the summit`).
        let len = usize::from(self.len);
        let whole = match (self.field, self.field.class()) {
            _ if !(exact && matched == n) => 0,
            (Field::Id, _) if self.holds_ignored && len == n + q.ignored.len() => 1000,
            (Field::Id, _) => 0,
            (_, Class::Name) if len == n => 500,
            _ if len == n => 200,
            _ => 0,
        };
        let together = 40 * u32::try_from(matched.max(1) - 1).unwrap_or(0);
        (whole, together)
    }
}

/// The natural logarithm of `x` (positive), without `f64::ln`: that one call would link
/// libm, which the loader would then map at every start of every command.
fn ln(x: f64) -> f64 {
    // x = m · 2^e with m in [√½, √2): ln x = e ln 2 + ln m, and ln m = 2 atanh y
    // with |y| = |m − 1| / (m + 1) below 0.18, where eight terms of the series are
    // exact to double precision (with m in [1, 2), y nears 1/3 and they are not).
    let (mut m, mut e) = (x, 0.0);
    while m >= std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1.0;
    }
    while m < std::f64::consts::FRAC_1_SQRT_2 && m > 0.0 {
        m *= 2.0;
        e -= 1.0;
    }
    let y = (m - 1.0) / (m + 1.0);
    let y2 = y * y;
    let series = [15.0, 13.0, 11.0, 9.0, 7.0, 5.0, 3.0, 1.0]
        .iter()
        .fold(0.0, |acc, k| acc * y2 + 1.0 / k);
    e * std::f64::consts::LN_2 + 2.0 * y * series
}

/// Weighs each word of `q` by how rare it is among the entries of `index` (BM25's
/// inverse document frequency), from `matches` (field, word, quality), sorted.
fn weigh(q: &mut Query, index: &SearchIndex, matches: &[(u32, u8, u8)]) {
    let n = index.entries.len() as f64;
    // A word is as rare as the entries that hold it, or its light forms: the words
    // it only starts (`minister` of `ministère`) or is a typo of say less of it.
    let mut docs = vec![[0u32; 2]; q.terms.len()];
    let mut last = vec![[None; 2]; q.terms.len()];
    for &(f, t, ql) in matches {
        let doc = index.fields.get(f as usize).map(|i| i.doc);
        let t = usize::from(t);
        for strong in [false, true] {
            if (!strong || ql >= STEM) && last[t][usize::from(strong)] != doc {
                last[t][usize::from(strong)] = doc;
                docs[t][usize::from(strong)] += 1;
            }
        }
    }
    let docs = docs
        .iter()
        .map(|[all, strong]| if *strong > 0 { *strong } else { *all });
    for (term, df) in q.terms.iter_mut().zip(docs) {
        let df = f64::from(df);
        let idf = ln(1.0 + (n - df + 0.5) / (df + 0.5));
        term.weight = (idf * 100.0).round() as u32;
    }
}

/// An entry's hit, when the fields a query matched make one; they are kept in `all`.
fn hit(q: &Query, entry: EntryRef, fields: &[FieldHit], all: &mut Vec<FieldHit>) -> Option<Hit> {
    let (mut score, words) = score(q, fields)?;
    // A question's kind of answer first: a boost, not a filter.
    if q.intent == Some(entry.kind) {
        score += score / 2;
    }
    let from = u32::try_from(all.len()).unwrap_or(u32::MAX);
    all.extend_from_slice(fields);
    Some(Hit {
        entry,
        score,
        words,
        from,
        to: u32::try_from(all.len()).unwrap_or(u32::MAX),
    })
}

/// An entry's score from the fields a query matched, and how many of the query's
/// required words it matched; `None` when it matched none.
pub fn score(q: &Query, fields: &[FieldHit]) -> Option<(u32, u16)> {
    if fields.is_empty() {
        return None;
    }
    // Only the query's words have a score (`score_parts` leaves the rest at 0).
    let n = q.terms.len().min(MAX_TERMS);
    let mut best = [0u32; MAX_TERMS];
    let best = &mut best[..n];
    let (mut whole, mut together) = (0, 0);
    for f in fields {
        let (w, t) = f.score_into(q, best);
        whole = whole.max(w);
        together = together.max(t);
    }
    let matched = || q.terms.iter().zip(best.iter()).filter(|(_, b)| **b > 0);
    let words = matched().count();
    if words == 0 {
        return None;
    }
    // The bonuses of a field weigh as the query's words do on average; the sum, as
    // much as the words matched weigh of all the query's (an entry matching the rare
    // words of a question ranks above one matching its common ones).
    let weights: u64 = q.terms.iter().map(|t| u64::from(t.weight)).sum();
    let found: u64 = matched().map(|(t, _)| u64::from(t.weight)).sum();
    let mean = weights / n.max(1) as u64;
    let sum =
        best.iter().map(|&b| u64::from(b)).sum::<u64>() + u64::from(whole + together) * mean / 100;
    let total = sum * found / weights.max(1);
    Some((
        u32::try_from(total).unwrap_or(u32::MAX),
        u16::try_from(words).unwrap_or(u16::MAX),
    ))
}

/// One entry that matches.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub entry: EntryRef,
    pub score: u32,
    /// How many of the query's required words it matched.
    pub words: u16,
    /// Where its fields that matched are in `Found::fields` (for its passage).
    pub from: u32,
    pub to: u32,
}

/// What a search found: every entry matching at least one word, best first (`select`
/// gives them in their final order), and the query as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub query: Query,
    /// The fields each hit matched (`Hit::from..Hit::to`).
    pub fields: Vec<FieldHit>,
}

impl Found {
    /// The fields `h` matched.
    pub fn fields_of(&self, h: &Hit) -> &[FieldHit] {
        self.fields
            .get(h.from as usize..h.to as usize)
            .unwrap_or(&[])
    }

    /// The hits of one kind (or all), best first: a higher score, then by kind
    /// (figures, actors and lists first) and id; and whether any matches every word.
    pub fn select(&self, kb: &Kb, kind: Option<Kind>) -> (Vec<Hit>, bool) {
        let mut hits: Vec<Hit> = self
            .hits
            .iter()
            .filter(|h| kind.is_none_or(|k| h.entry.kind == k))
            .copied()
            .collect();
        let required = u16::try_from(self.query.required().max(1)).unwrap_or(u16::MAX);
        let all = hits.iter().any(|h| h.words >= required);
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| kind_rank(a.entry.kind).cmp(&kind_rank(b.entry.kind)))
                .then_with(|| kb.id_of(a.entry).cmp(kb.id_of(b.entry)))
        });
        (hits, all)
    }
}

/// Sorts hits best first, by score; the sort is stable, so ties keep the order they
/// come in (`select` orders them by kind and id).
fn ranked(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| std::cmp::Reverse(h.score));
    hits
}

/// Every entry matching `query` in the built-in (or any prebuilt) index.
pub fn search(index: &SearchIndex, query: &str) -> Found {
    let Some(mut q) = Query::new(query) else {
        return Found::default();
    };
    // Words that carry no meaning, unless together they are an id (`un`, the UN's).
    if q.terms.is_empty() && is_an_id(index, &q.ignored) {
        q = Query::with_every_word(query);
    }
    // (field, term, quality) for every field a matching word occurs in.
    let mut matches: Vec<(u32, u8, u8)> = Vec::new();
    for t in 0..q.terms.len() {
        let mut words = vocabulary_matches(index, &q.terms[t]);
        if words.is_empty() && q.terms[t].may_be_fuzzy() {
            q.terms[t].fuzzy = true;
            words = vocabulary_matches(index, &q.terms[t]);
        }
        for (w, ql) in words {
            for &f in index.postings(w) {
                matches.push((f, t as u8, ql));
            }
        }
        for f in phrase_matches(index, &q.terms[t].text) {
            matches.push((f, t as u8, EXACT));
        }
    }
    matches.sort_unstable();
    weigh(&mut q, index, &matches);
    // The fields that hold each word the query left out.
    let ignored: Vec<&[u32]> = q
        .ignored
        .iter()
        .map(|w| index.words.find(w).map_or(&[][..], |i| index.postings(i)))
        .collect();
    let mut hits = Vec::new();
    let mut all = Vec::new();
    let mut fields: Vec<FieldHit> = Vec::new();
    let mut doc = None;
    let mut flush = |doc: Option<u32>, fields: &mut Vec<FieldHit>| {
        if let Some(d) = doc {
            if let Some(entry) = index.entries.get(d as usize) {
                if let Some(h) = hit(&q, *entry, fields, &mut all) {
                    hits.push((d, h));
                }
            }
        }
        fields.clear();
    };
    let mut last_field = None;
    for (f, t, ql) in matches {
        let Some(info) = index.fields.get(f as usize) else {
            continue;
        };
        if doc != Some(info.doc) {
            flush(doc, &mut fields);
            doc = Some(info.doc);
        }
        if last_field != Some(f) || fields.is_empty() {
            fields.push(FieldHit {
                field: info.field,
                piece: info.piece,
                len: info.len,
                quals: [0; MAX_TERMS],
                holds_ignored: ignored.iter().all(|p| p.binary_search(&f).is_ok()),
            });
            last_field = Some(f);
        }
        if let Some(cur) = fields.last_mut() {
            let slot = &mut cur.quals[usize::from(t)];
            *slot = (*slot).max(ql);
        }
    }
    flush(doc, &mut fields);
    hits.sort_by_key(|(d, _)| *d);
    Found {
        hits: ranked(hits.into_iter().map(|(_, h)| h).collect()),
        query: q,
        fields: all,
    }
}

/// Whether `words` are the whole id of an entry of `index`.
fn is_an_id(index: &SearchIndex, words: &[String]) -> bool {
    let fields = |w: &String| index.words.find(w).map_or(&[][..], |i| index.postings(i));
    let Some((first, others)) = words.split_first() else {
        return false;
    };
    fields(first).iter().any(|&f| {
        index.fields.get(f as usize).is_some_and(|info| {
            info.field == Field::Id
                && usize::from(info.len) == words.len()
                && others.iter().all(|w| fields(w).binary_search(&f).is_ok())
        })
    })
}

/// The fields that hold a phrase the word `word` stands for (`data centres`, `centres
/// de données` for `datacenter`): each of its words, in one field.
fn phrase_matches(index: &SearchIndex, word: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for phrase in phrases_of(word) {
        let mut fields: Option<Vec<u32>> = None;
        for w in phrase {
            let holding = index.words.find(w).map_or(&[][..], |i| index.postings(i));
            fields = Some(match fields {
                None => holding.to_vec(),
                Some(before) => before
                    .into_iter()
                    .filter(|f| holding.binary_search(f).is_ok())
                    .collect(),
            });
        }
        out.extend(fields.unwrap_or_default());
    }
    out
}

/// The words of the index that `term` matches, and how.
fn vocabulary_matches(index: &SearchIndex, term: &Term) -> Vec<(usize, u8)> {
    let words = &index.words;
    let lower = |s: &str| words.partition_point(0..words.len(), |w| w < s);
    let range = if term.fuzzy {
        0..words.len()
    } else if term.number.is_some() {
        lower("0")..lower(":")
    } else if !term.head.is_empty() {
        // The words starting with its head: up to the first one past them.
        let from = lower(&term.head);
        let to = words.partition_point(from..words.len(), |w| w.starts_with(term.head.as_str()));
        from..to
    } else {
        let at = lower(&term.text);
        at..(at + 1).min(words.len())
    };
    let stem_id = |i: usize| {
        term.stems[i]
            .as_deref()
            .and_then(|s| index.stems.find(s).and_then(|i| u32::try_from(i).ok()))
    };
    let ids = [stem_id(0), stem_id(1)];
    let stem_of = |w: usize, i: usize, table: &[u32]| {
        let id = table.get(w).copied().unwrap_or(NO_STEM);
        // The word's stem, where it is the term's: the only case that decides.
        (ids[i] == Some(id))
            .then(|| term.stems[i].as_deref())
            .flatten()
    };
    let mut out = Vec::new();
    for w in range {
        let ql = term.quality(words.get(w), || {
            [stem_of(w, 0, &index.stem_fr), stem_of(w, 1, &index.stem_en)]
        });
        if ql > 0 {
            out.push((w, ql));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quality(query: &str, word: &str) -> u8 {
        let q = Query::new(query).expect("a query");
        term_quality(&q.terms[0], word)
    }

    fn term_quality(t: &Term, word: &str) -> u8 {
        let st = stem::stems(word);
        t.quality(word, || [st[0].as_deref(), st[1].as_deref()])
    }

    #[test]
    fn words_stems_starts_and_numbers() {
        assert_eq!(quality("energie", "energie"), EXACT);
        assert_eq!(quality("gigafactory", "gigafactories"), STEM);
        assert_eq!(quality("webinaires", "webinaire"), STEM);
        assert_eq!(quality("cyber", "cybersecurite"), PREFIX);
        assert_eq!(quality("eau", "reseau"), 0);
        assert_eq!(quality("ten", "partenaires"), 0);
        assert_eq!(quality("511", "511.3"), PREFIX);
        assert_eq!(quality("109bn", "109000000000"), EXACT);
        // A scaled number is its value: the digits alone are another number.
        assert_eq!(quality("109 milliards", "109"), 0);
        assert_eq!(quality("200m", "200"), 0);
        assert_eq!(quality("200m", "200000000000"), 0);
        assert_eq!(quality("109", "109"), EXACT);
        assert_eq!(quality("400M", "400000000"), EXACT);
        assert_eq!(quality("511bn", "511300000000"), PREFIX);
        assert_eq!(quality("10", "109"), 0);
        assert_eq!(quality("ia", "iaea"), 0);
    }

    #[test]
    fn typos_only_when_asked() {
        let mut q = Query::new("kazakstan").expect("a query");
        assert_eq!(term_quality(&q.terms[0], "kazakhstan"), 0);
        q.terms[0].fuzzy = true;
        assert_eq!(term_quality(&q.terms[0], "kazakhstan"), FUZZY);
        assert!(within_typos("rwnada", "rwanda"));
        assert!(within_typos("cybersecurty", "cybersecurite"));
        assert!(!within_typos("eau", "euu"));
    }

    proptest::proptest! {
        #[test]
        fn ln_is_the_natural_logarithm(x in 1e-6f64..1e9) {
            proptest::prop_assert!((ln(x) - x.ln()).abs() < 1e-12, "{} {} {}", x, ln(x), x.ln());
        }
    }

    #[test]
    fn words_that_carry_no_meaning_are_left_out() {
        let q = Query::new("qui a co-présidé le sommet ?").expect("a query");
        let texts: Vec<&str> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["preside", "sommet"]);
        assert_eq!(q.ignored, ["qui", "a", "co", "le"]);
        assert_eq!(q.intent, Some(Kind::Actor));
        let elided =
            Query::new("combien la France a-t-elle levé d'investissements").expect("a query");
        let texts: Vec<&str> = elided.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["france", "leve", "investissements"]);
        assert_eq!(elided.intent, Some(Kind::Figure));
        let only = Query::new("what is the").expect("a query");
        assert!(only.terms.is_empty());
        assert_eq!(only.intent, None);
        let scaled = Query::new("€109bn").expect("a query");
        let texts: Vec<&str> = scaled.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["eur", "109"]);
        let keywords = Query::new("data centers intelligence artificielle").expect("a query");
        let texts: Vec<&str> = keywords.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["datacenter", "ia"]);
        assert_eq!(keywords.intent, None);
    }
}
