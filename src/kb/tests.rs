//! The built-in knowledge base's own consistency, and property tests of the loader,
//! the validator and search against arbitrary and mutated input.

use proptest::prelude::*;

use super::fold::fold;
use super::index::SearchIndex;
use super::search::search;
use super::validate::{Problem, Workspace};
use super::{load, lookup, Kb};

/// The built-in knowledge base's TOML, as written.
const BUILTIN_TOML: &str = include_str!("../../facts.toml");

fn validate(name: &str, text: &str) -> (Workspace, Vec<Problem>) {
    let mut ws = Workspace::default();
    let mut problems = ws.add_file(name, text.to_string());
    problems.extend(ws.check());
    (ws, problems)
}

fn builtin() -> Kb {
    load(&[], true)
        .expect("the built-in knowledge base loads")
        .kb
}

#[test]
fn the_builtin_is_embedded_as_written() {
    // build.rs refuses an invalid facts.toml: only the embedding is checked here.
    let (ws, _) = validate("facts.toml", BUILTIN_TOML);
    assert_eq!(
        ws.kb,
        builtin(),
        "the embedded encoding decodes to what facts.toml says"
    );
}

/// The actors the memo names by code are all there (the build checks references,
/// texts and ids; this checks the knowledge base against the memo).
#[test]
fn every_code_the_memo_names_is_an_actor() {
    let kb = builtin();
    let codes: Vec<&str> = kb.actors.iter().filter_map(|a| a.code.as_deref()).collect();
    for code in [
        "DNUM", "NUMIA", "DDE", "DPS/DEV", "DDC", "MSI", "DGP/ASD", "DGP/NUOI", "RP OCDE",
        "MEFSIN", "COSNIA", "CGDD", "PMIA", "ONU", "PNUE", "UIT", "OCDE",
    ] {
        assert!(codes.contains(&code), "{code}");
    }
}

#[test]
fn every_number_of_every_figure_is_findable() {
    let kb = builtin();
    let index = SearchIndex::build(&kb);
    for f in kb.figures.iter() {
        for text in [&f.magnitude.fr, &f.magnitude.en] {
            let folded = fold(text);
            let Some(number) = folded.split(' ').find(|w| super::fold::is_number(w)) else {
                continue;
            };
            let hits = search(&index, number).hits;
            assert!(
                hits.iter()
                    .any(|h| kb.figures[h.entry.idx].id == f.id
                        && h.entry.kind == super::Kind::Figure),
                "{} by {number}",
                f.id
            );
        }
    }
}

#[test]
fn each_source_backs_the_figures_the_memo_credits_it_with() {
    let kb = builtin();
    let backed = |s: &str| -> Vec<&str> {
        kb.figures
            .iter()
            .filter(|f| f.source_id == s)
            .map(|f| &*f.id)
            .collect()
    };
    assert_eq!(
        backed("deloitte"),
        ["genai-fraud-2023", "deepfake-hong-kong"]
    );
    assert_eq!(backed("aie"), ["chatgpt-energy"]);
    assert_eq!(backed("uc"), ["email-water"]);
    assert_eq!(
        backed("bpifrance"),
        ["genai-market-2023", "genai-market-2027"]
    );
    assert_eq!(backed("ocde"), ["jobs-at-risk"]);
}

/// A variation of `id` with random case and accents: what a user might type.
fn variation(id: &str, flips: &[bool]) -> String {
    id.chars()
        .zip(flips.iter().cycle())
        .map(|(c, &flip)| match (c, flip) {
            ('e', true) => 'é',
            ('a', true) => 'À',
            ('i', true) => 'Î',
            ('-', true) => ' ',
            (c, true) => c.to_ascii_uppercase(),
            (c, false) => c,
        })
        .collect()
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_text_loads_or_is_refused_without_panic(text in "\\PC{0,400}") {
        let (_, problems) = validate("any.toml", &text);
        for p in problems {
            prop_assert!(p.line <= text.lines().count() + 1);
        }
    }

    #[test]
    fn toml_shaped_text_is_checked_without_panic(
        entries in prop::collection::vec(
            (prop::sample::select(vec!["figures", "actors", "lists", "topics", "sections", "sources", "groups", "events", "memo", "bogus"]),
             prop::collection::vec((prop::sample::select(vec!["id", "name", "title", "value", "parent_id", "items", "unit", "group_id", "x"]),
                                    prop::sample::select(vec!["\"a\"", "\"b\"", "1", "nan", "inf", "{ fr = \"x\", en = \"\" }", "[]", "[\"a\"]", "true"])), 0..6)),
            0..8)
    ) {
        let mut text = String::new();
        for (table, keys) in entries {
            text.push_str(&format!("[[{table}]]\n"));
            for (k, v) in keys {
                text.push_str(&format!("{k} = {v}\n"));
            }
        }
        let _ = validate("shaped.toml", &text);
    }

    #[test]
    fn a_mutated_builtin_is_checked_without_panic(
        at in 0usize..BUILTIN_TOML.len(),
        len in 0usize..200,
        insert in "\\PC{0,8}",
        duplicate in any::<bool>(),
    ) {
        let mut at = at;
        while !BUILTIN_TOML.is_char_boundary(at) { at -= 1; }
        let mut end = (at + len).min(BUILTIN_TOML.len());
        while !BUILTIN_TOML.is_char_boundary(end) { end -= 1; }
        let cut = &BUILTIN_TOML[at..end];
        let mutated = if duplicate {
            format!("{}{cut}{}", &BUILTIN_TOML[..end], &BUILTIN_TOML[end..])
        } else {
            format!("{}{insert}{}", &BUILTIN_TOML[..at], &BUILTIN_TOML[end..])
        };
        let (_, problems) = validate("mutated.toml", &mutated);
        for p in problems {
            prop_assert!(p.line >= 1 && p.line <= mutated.lines().count() + 1, "{p}");
        }
    }

    #[test]
    fn any_query_searches_without_panic_best_first(query in "\\PC{0,60}") {
        let kb = builtin();
        let index = SearchIndex::build(&kb);
        let found = search(&index, &query);
        let hits = &found.hits;
        prop_assert!(hits.windows(2).all(|w| (w[0].words, w[0].score) >= (w[1].words, w[1].score)));
        let (all, every) = found.select(&kb, None);
        prop_assert!(!every || all.windows(2).all(|w| w[0].score >= w[1].score), "the hits that match every word, best first");
        prop_assert!(!every || all.iter().all(|h| usize::from(h.words) == found.query.required()));
        for h in all.iter().take(5) {
            let p = super::passage::passage(&kb, h.entry, &found.query, super::index::Side::En, found.fields_of(h));
            prop_assert!(p.is_some(), "a hit has a passage");
        }
        let _ = lookup::actor(&kb, &query);
        let _ = lookup::suggest(&query, kb.ids().map(|(id, _)| id), 3);
    }

    #[test]
    fn an_id_finds_its_entry_whatever_its_case_or_accents(pick in any::<prop::sample::Index>(), flips in prop::collection::vec(any::<bool>(), 1..8)) {
        let kb = builtin();
        let index = SearchIndex::build(&kb);
        let all: Vec<_> = kb.ids().collect();
        let (id, entry) = all[pick.index(all.len())];
        let typed = variation(id, &flips);
        let (hits, _) = search(&index, &typed).select(&kb, None);
        prop_assert_eq!(hits.first().map(|h| h.entry), Some(entry), "{} typed as {}", id, typed);
        prop_assert_eq!(lookup::by_id(&kb, &typed), Some(entry));
    }
}

#[test]
fn the_embedded_index_is_the_one_built_from_the_embedded_knowledge_base() {
    assert_eq!(*super::builtin::index(), SearchIndex::build(&builtin()));
}

#[test]
fn every_reference_is_resolved_before_a_command_sees_it() {
    // The built-in knowledge base, resolved at build time.
    let kb = builtin();
    assert!(kb.resolved());
    let f = kb
        .figures
        .iter()
        .find(|f| f.id == "chatgpt-energy")
        .expect("the figure");
    assert_eq!(kb.get(&f.source_id).id, "aie");
    assert_eq!(kb.get(&f.topic_id).id, f.topic_id.id);
    // A file merged with it: every link of both, resolved by `check`.
    let (ws, problems) = validate("syn.toml", &super::synth::generate(30));
    assert_eq!(problems, vec![]);
    assert!(ws.kb.resolved());
    let a = ws
        .kb
        .actors
        .iter()
        .find(|a| a.id == "syn-actor-2")
        .expect("the actor");
    let parent = a.parent_id.as_ref().expect("a parent");
    assert_eq!(ws.kb.get(parent).id, "syn-actor-0");
    // Read but not checked: nothing is resolved, and `resolve` finds every target.
    let mut raw = Workspace::default();
    assert_eq!(raw.add_file("syn.toml", super::synth::generate(30)), vec![]);
    assert!(!raw.kb.resolved());
    assert_eq!(raw.kb.resolve(), vec![]);
    assert!(raw.kb.resolved());
}
