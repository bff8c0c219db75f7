//! Ranked full-text search over the folded index: every word must match somewhere.

use super::fold::{fold, is_number};
use super::index::{SearchDoc, SearchIndex};
use super::model::{EntryRef, Kind};

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

fn doc_score(doc: &SearchDoc, terms: &[&str], phrase: &str) -> Option<u32> {
    let mut total = 0;
    for term in terms {
        let s =
            term_score(term, &doc.key, [30, 20, 10]).max(term_score(term, &doc.body, [6, 4, 2]));
        if s == 0 {
            return None;
        }
        total += s;
    }
    if fold(&doc.id) == phrase {
        total += 100;
    }
    if terms.len() > 1 && doc.key.contains(phrase) {
        total += 15;
    }
    Some(total)
}

/// Every entry matching all words of `query`, best first (ties in knowledge-base order,
/// figures before lists, actors and the rest).
pub fn search(index: &SearchIndex, query: &str) -> Vec<Hit> {
    let phrase = fold(query);
    let mut terms: Vec<&str> = Vec::new();
    for t in phrase.split(' ').filter(|t| !t.is_empty()) {
        if !terms.contains(&t) {
            terms.push(t);
        }
    }
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(Hit, usize)> = index
        .docs
        .iter()
        .enumerate()
        .filter_map(|(pos, d)| {
            doc_score(d, &terms, &phrase).map(|score| {
                (
                    Hit {
                        entry: d.entry,
                        score,
                    },
                    pos,
                )
            })
        })
        .collect();
    hits.sort_by(|(a, pa), (b, pb)| {
        b.score
            .cmp(&a.score)
            .then_with(|| kind_rank(a.entry.kind).cmp(&kind_rank(b.entry.kind)))
            .then(pa.cmp(pb))
    });
    hits.into_iter().map(|(h, _)| h).collect()
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
