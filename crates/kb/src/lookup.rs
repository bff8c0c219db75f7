//! Finding one entry by what a user types: ids, actor codes and names, the
//! names of topics and lists; and, on a miss, the closest candidates to suggest.

use super::fold::fold;
use super::model::{EntryRef, Kb, Kind, List, Topic};
use super::stem::stems;

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

/// What a query for one entry of a kind found.
#[derive(Debug, PartialEq)]
pub enum Match<'a, T> {
    One(&'a T),
    /// Several entries match; the query needs narrowing.
    Many(Vec<&'a T>),
    None,
}

pub type TopicMatch<'a> = Match<'a, Topic>;
pub type ListMatch<'a> = Match<'a, List>;

/// The words of a query, folded, each with its French and English stems.
struct Terms(Vec<(String, [Option<String>; 2])>);

impl Terms {
    fn of(folded: &str) -> Terms {
        Terms(
            folded
                .split(' ')
                .map(|w| (w.to_string(), stems(w)))
                .collect(),
        )
    }

    /// Whether every term is the start of a word of `name` (folded), or a light
    /// form of one (`emplois` of "emploi", `verticals` of "verticales"'s stem).
    fn all_in(&self, name: &str) -> bool {
        let words: Vec<(&str, [Option<String>; 2])> =
            name.split(' ').map(|w| (w, stems(w))).collect();
        self.0.iter().all(|(t, t_stems)| {
            words.iter().any(|(w, w_stems)| {
                w.starts_with(t.as_str())
                    || t_stems
                        .iter()
                        .zip(w_stems)
                        .any(|(a, b)| a.is_some() && a == b)
            })
        })
    }
}

/// An entry of `items` by its id, by the start of its id, or by words of its name
/// in either language (each word the start of a word of the French or English
/// name, or a light form of one: `emplois` finds "Emploi et automatisation"),
/// accents optional.
fn named<'a, T>(
    items: &'a [T],
    query: &str,
    id: impl Fn(&T) -> &str,
    names: impl Fn(&T) -> [&str; 2],
) -> Match<'a, T> {
    let q = fold(query);
    if q.is_empty() {
        return Match::None;
    }
    if let Some(t) = items.iter().find(|t| fold(id(t)) == q) {
        return Match::One(t);
    }
    let one_or_many = |found: Vec<&'a T>| match found[..] {
        [] => Match::None,
        [one] => Match::One(one),
        _ => Match::Many(found),
    };
    let by_id: Vec<&T> = items
        .iter()
        .filter(|t| fold(id(t)).starts_with(&q))
        .collect();
    if !by_id.is_empty() {
        return one_or_many(by_id);
    }
    let terms = Terms::of(&q);
    let by_name: Vec<&T> = items
        .iter()
        .filter(|t| names(t).iter().any(|name| terms.all_in(&fold(name))))
        .collect();
    one_or_many(by_name)
}

/// A topic by its id, the start of its id, or words of its name.
pub fn topic<'a>(kb: &'a Kb, query: &str) -> TopicMatch<'a> {
    named(&kb.topics, query, |t| &t.id, |t| [&t.name.fr, &t.name.en])
}

/// A list by its id, the start of its id, or words of its title (`verticales`
/// finds "Les 5 principales verticales du sommet").
pub fn list<'a>(kb: &'a Kb, query: &str) -> ListMatch<'a> {
    named(&kb.lists, query, |l| &l.id, |l| [&l.title.fr, &l.title.en])
}

/// The entries that go by `query` as a code, an English code or an alias (any
/// case, accents optional): `IEA` is the source `aie`, `OECD` the source and the
/// actor. Ids are not looked at ([`by_id`] does).
pub fn by_name(kb: &Kb, query: &str) -> Vec<EntryRef> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let is_q = |n: &str| fold(n) == q;
    let actors = kb.actors.iter().enumerate().filter(|(_, a)| {
        a.code.iter().chain(a.code_en.iter()).any(|c| is_q(c)) || a.aliases.iter().any(|c| is_q(c))
    });
    let sources = kb
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.aliases.iter().any(|c| is_q(c)));
    actors
        .map(|(idx, _)| EntryRef {
            kind: Kind::Actor,
            idx,
        })
        .chain(sources.map(|(idx, _)| EntryRef {
            kind: Kind::Source,
            idx,
        }))
        .collect()
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
    let terms = Terms::of(&q);
    let names: Vec<(usize, bool)> = all
        .filter_map(|i| {
            let a = &kb.actors[i];
            let mut matched = false;
            for name in [fold(&a.name.fr), fold(&a.name.en)] {
                if name == q {
                    return Some((i, true));
                }
                matched |= terms.all_in(&name);
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
    use super::*;
    use crate::model::Text;

    fn topics(names: &[(&'static str, &'static str, &'static str)]) -> Kb {
        Kb {
            topics: names
                .iter()
                .map(|(id, fr, en)| Topic {
                    id: (*id).into(),
                    name: Text {
                        fr: (*fr).into(),
                        en: (*en).into(),
                    },
                    quote: None,
                })
                .collect(),
            ..Kb::default()
        }
    }

    #[test]
    fn names_match_by_words_and_their_light_forms_in_either_language() {
        let kb = topics(&[
            ("jobs", "Emploi et automatisation", "Jobs and automation"),
            (
                "market",
                "Marché mondial de l’IA générative",
                "Global generative AI market",
            ),
        ]);
        let id = |m: TopicMatch| match m {
            Match::One(t) => t.id.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(id(topic(&kb, "emplois")), "jobs", "a plural");
        assert_eq!(id(topic(&kb, "automatisation")), "jobs");
        assert_eq!(id(topic(&kb, "job")), "jobs", "the start of the id");
        assert_eq!(id(topic(&kb, "marche")), "market", "accents optional");
        assert_eq!(id(topic(&kb, "generative markets")), "market");
        assert_eq!(topic(&kb, "emplois marché"), Match::None);
    }

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
