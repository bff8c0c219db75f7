//! Ranked full-text search over folded text (the built-in index, or other files folded
//! as they are read): every word must match somewhere.

use super::fold::{fold, is_number};
use super::index::{fold_each, DocText, SearchIndex};
use super::model::{EntryRef, Kb, Kind};

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub entry: EntryRef,
    pub score: u32,
}

/// How well `term` matches a folded text: a whole word, the start of one, or
/// inside one; numbers match whole numbers only.
fn term_score(term: &str, text: &str, weights: [u32; 3]) -> u32 {
    // Most texts do not hold the term at all: one substring search says so.
    if !text.contains(term) {
        return 0;
    }
    let number = is_number(term);
    let mut best = 0;
    for word in text.split(' ') {
        let s = if word == term {
            weights[0]
        } else if number || term.len() < 2 {
            0
        } else if word.starts_with(term) {
            weights[1]
        } else if term.len() >= 3 && word.contains(term) {
            weights[2]
        } else {
            0
        };
        best = best.max(s);
        if best == weights[0] {
            break;
        }
    }
    best
}

/// A query, folded: the whole of it, and its distinct words.
struct Query {
    phrase: String,
    terms: Vec<String>,
}

impl Query {
    /// `None` when the query folds to no word at all.
    fn new(query: &str) -> Option<Query> {
        let phrase = fold(query);
        let mut terms: Vec<String> = Vec::new();
        for t in phrase.split(' ').filter(|t| !t.is_empty()) {
            if !terms.iter().any(|x| x == t) {
                terms.push(t.to_string());
            }
        }
        (!terms.is_empty()).then_some(Query { phrase, terms })
    }

    /// How well an entry matches: `None` unless every word does.
    fn score(&self, doc: DocText<'_>) -> Option<u32> {
        let mut total = 0;
        for term in &self.terms {
            // Any match in the key outscores every match in the body.
            let s = match term_score(term, doc.key, [30, 20, 10]) {
                0 => term_score(term, doc.body, [6, 4, 2]),
                s => s,
            };
            if s == 0 {
                return None;
            }
            total += s;
        }
        if doc.key.get(..doc.id_len) == Some(self.phrase.as_str()) {
            total += 100;
        }
        if self.terms.len() > 1 && doc.key.contains(&self.phrase) {
            total += 15;
        }
        Some(total)
    }
}

/// Every entry matching all words of `query`, best first (ties in knowledge-base order,
/// figures before lists, actors and the rest).
pub fn search(index: &SearchIndex, query: &str) -> Vec<Hit> {
    let Some(q) = Query::new(query) else {
        return Vec::new();
    };
    let hits = index.docs.iter().filter_map(|d| {
        q.score(d.text()).map(|score| Hit {
            entry: d.entry,
            score,
        })
    });
    ranked(hits.collect())
}

/// The same search on a knowledge base without an index: each entry is folded and
/// scored in turn, and only the hits are kept.
pub fn search_kb(kb: &Kb, query: &str) -> Vec<Hit> {
    let Some(q) = Query::new(query) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    fold_each(kb, |entry, text| {
        if let Some(score) = q.score(text) {
            hits.push(Hit { entry, score });
        }
    });
    ranked(hits)
}

/// `hits`, in knowledge-base order, sorted best first; a stable sort keeps that order
/// among equals of one kind.
fn ranked(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| kind_rank(a.entry.kind).cmp(&kind_rank(b.entry.kind)))
    });
    hits
}

fn kind_rank(k: Kind) -> usize {
    Kind::ALL.iter().position(|x| *x == k).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_words_prefixes_and_numbers() {
        assert_eq!(term_score("energie", "l energie", [30, 20, 10]), 30);
        assert_eq!(term_score("ener", "energetique", [30, 20, 10]), 20);
        assert_eq!(term_score("ergie", "energie", [30, 20, 10]), 10);
        assert_eq!(term_score("10", "109 milliards", [30, 20, 10]), 0);
        assert_eq!(term_score("109", "109 milliards", [30, 20, 10]), 30);
    }
}
