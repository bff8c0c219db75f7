//! Finding one entry by what a user types: ids, actor codes and names, topics;
//! and, on a miss, the closest candidates to suggest.

use super::fold::fold;
use super::model::{EntryRef, Kb, Topic};

/// The entry with this id: exactly, or ignoring case, accents and punctuation.
pub fn by_id(kb: &Kb, query: &str) -> Option<EntryRef> {
    let q = query.trim();
    kb.ids()
        .find(|(id, _)| *id == q)
        .map(|(_, e)| e)
        .or_else(|| {
            let f = fold(q);
            kb.ids().find(|(id, _)| fold(id) == f).map(|(_, e)| e)
        })
}

/// What a topic query found.
#[derive(Debug, PartialEq)]
pub enum TopicMatch<'a> {
    One(&'a Topic),
    /// Several topics match; the query needs narrowing.
    Many(Vec<&'a Topic>),
    None,
}

/// A topic by its id, by the start of its id, or by words of its name (each word
/// the start of a word of the French or English name, accents optional).
pub fn topic<'a>(kb: &'a Kb, query: &str) -> TopicMatch<'a> {
    let q = fold(query);
    if q.is_empty() {
        return TopicMatch::None;
    }
    let topics = &kb.topics;
    if let Some(t) = topics.iter().find(|t| fold(&t.id) == q) {
        return TopicMatch::One(t);
    }
    let one_or_many = |found: Vec<&'a Topic>| match found[..] {
        [] => TopicMatch::None,
        [one] => TopicMatch::One(one),
        _ => TopicMatch::Many(found),
    };
    let by_id: Vec<&Topic> = topics
        .iter()
        .filter(|t| fold(&t.id).starts_with(&q))
        .collect();
    if !by_id.is_empty() {
        return one_or_many(by_id);
    }
    let terms: Vec<&str> = q.split(' ').collect();
    let by_name: Vec<&Topic> = topics
        .iter()
        .filter(|t| {
            [fold(&t.name.fr), fold(&t.name.en)].iter().any(|name| {
                let words: Vec<&str> = name.split(' ').collect();
                terms.iter().all(|t| words.iter().any(|w| w.starts_with(t)))
            })
        })
        .collect();
    one_or_many(by_name)
}

/// What an actor query found.
#[derive(Debug, PartialEq)]
pub enum ActorMatch {
    One(usize),
    /// Several actors match the words; the query needs narrowing.
    Many(Vec<usize>),
    None,
}

/// An actor by code (any case; `NUOI` finds `DGP/NUOI`), English code, alias
/// (`UNSC`, `Group of Seven`), id, or the words of its name (accents optional, each
/// word the start of a word of the name).
pub fn actor(kb: &Kb, query: &str) -> ActorMatch {
    let q = fold(query);
    if q.is_empty() {
        return ActorMatch::None;
    }
    let code = |i: usize| kb.actors[i].code.as_deref().map(fold);
    let all = 0..kb.actors.len();
    let exact: Vec<usize> = all
        .clone()
        .filter(|&i| {
            let a = &kb.actors[i];
            a.code
                .iter()
                .chain([&a.id])
                .chain(a.code_en.iter())
                .chain(a.aliases.iter())
                .any(|n| fold(n) == q)
        })
        .collect();
    if let [one] = exact[..] {
        return ActorMatch::One(one);
    }
    let last_part: Vec<usize> = all
        .clone()
        .filter(|&i| code(i).is_some_and(|c| c.rsplit(' ').next() == Some(q.as_str())))
        .collect();
    if let [one] = last_part[..] {
        return ActorMatch::One(one);
    }
    let terms: Vec<&str> = q.split(' ').collect();
    let names: Vec<(usize, bool)> = all
        .filter_map(|i| {
            let a = &kb.actors[i];
            let mut matched = false;
            for name in [fold(&a.name.fr), fold(&a.name.en)] {
                if name == q {
                    return Some((i, true));
                }
                let words: Vec<&str> = name.split(' ').collect();
                matched |= terms.iter().all(|t| words.iter().any(|w| w.starts_with(t)));
            }
            matched.then_some((i, false))
        })
        .collect();
    let full: Vec<usize> = names
        .iter()
        .filter(|(_, full)| *full)
        .map(|(i, _)| *i)
        .collect();
    match (&names[..], &full[..]) {
        (_, [one]) | ([(one, _)], _) => ActorMatch::One(*one),
        ([], _) => ActorMatch::None,
        _ => ActorMatch::Many(names.iter().map(|(i, _)| *i).collect()),
    }
}

/// Queries longer than this get no suggestions (edit distance grows with the product of lengths).
const MAX_SUGGEST_LEN: usize = 200;

/// The candidates closest to `query`, best first, at most `max`.
pub fn suggest<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let q = fold(query);
    if q.is_empty() || q.len() > MAX_SUGGEST_LEN {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let f = fold(c);
            if q.len() >= 3 && (f.starts_with(&q) || f.split(' ').any(|w| w == q)) {
                return Some((strsim::normalized_damerau_levenshtein(&q, &f).max(0.8), c));
            }
            // The distance is at least the difference of the lengths: most candidates
            // of a large file are too long or too short to be close, and are not measured.
            let (a, b) = (q.chars().count(), f.chars().count());
            if a.abs_diff(b) as f64 > 0.4 * a.max(b) as f64 {
                return None;
            }
            let s = strsim::normalized_damerau_levenshtein(&q, &f);
            (s >= 0.6).then_some((s, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut out: Vec<&str> = Vec::new();
    for (_, c) in scored {
        if !out.iter().any(|o| fold(o) == fold(c)) {
            out.push(c);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn suggests_close_names() {
        assert_eq!(suggest("DNUN", ["DNUM", "NUMIA", "DDE"], 3), vec!["DNUM"]);
        assert_eq!(
            suggest("invesments", ["investments", "summit"], 3),
            vec!["investments"]
        );
        assert!(suggest("zzzz", ["DNUM"], 3).is_empty());
    }
}
