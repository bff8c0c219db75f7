//! Relevance, measured against the built-in knowledge base: the judged keyword queries
//! (`judged.tsv`) and the judged questions, typed as people ask them (`questions.tsv`).
//! A query succeeds at k when one of the entries a reader expects is among the first k
//! hits. `bench/relevance.sh` prints the figures.

use aimemo_kb::index::SearchIndex;
use aimemo_kb::search::search;
use aimemo_kb::validate::Workspace;
use aimemo_kb::Kb;

fn builtin() -> Kb {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../facts.toml");
    let text = std::fs::read_to_string(path).expect("facts.toml is readable");
    let mut ws = Workspace::default();
    let mut problems = ws.add_file("facts.toml", text);
    problems.extend(ws.check());
    assert!(problems.is_empty(), "{problems:?}");
    ws.kb
}

/// Judged queries: each with the ids a reader expects first.
fn judged(text: &str) -> Vec<(String, Vec<String>)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (query, ids) = l.split_once('\t').expect("a tab after the query");
            (
                query.to_string(),
                ids.split_whitespace().map(str::to_string).collect(),
            )
        })
        .collect()
}

/// Success@3 and mean reciprocal rank of a judged set, printed with its misses.
fn measure(name: &str, queries: &[(String, Vec<String>)]) -> (f64, f64, Vec<String>) {
    let kb = builtin();
    let index = SearchIndex::build(&kb);
    let ids: Vec<(&str, aimemo_kb::EntryRef)> = kb.ids().collect();
    let id_of = |e: aimemo_kb::EntryRef| {
        ids.iter()
            .find(|(_, x)| *x == e)
            .map(|(id, _)| *id)
            .unwrap_or("?")
    };
    let (mut at1, mut at3, mut rr) = (0usize, 0usize, 0f64);
    let mut misses = Vec::new();
    for (query, expected) in queries {
        for id in expected {
            assert!(ids.iter().any(|(x, _)| x == id), "{query}: no entry `{id}`");
        }
        let (hits, _) = search(&index, query).select(&kb, None);
        let found: Vec<&str> = hits.iter().map(|h| id_of(h.entry)).collect();
        let rank = found.iter().position(|id| expected.iter().any(|e| e == id));
        if rank == Some(0) {
            at1 += 1;
        }
        if std::env::var_os("RELEVANCE_VERBOSE").is_some() {
            let top: Vec<String> = hits
                .iter()
                .take(4)
                .map(|h| format!("{}:{}/{}", id_of(h.entry), h.score, h.words))
                .collect();
            println!("{query:?} rank {rank:?}: {}", top.join("  "));
        }
        if rank.is_some_and(|r| r < 3) {
            at3 += 1;
        } else {
            let top: Vec<&str> = found.iter().take(3).copied().collect();
            misses.push(format!("{query:?}: expected {expected:?}, got {top:?}"));
        }
        rr += rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
    }
    let n = queries.len() as f64;
    let (s1, s3, mrr) = (at1 as f64 / n, at3 as f64 / n, rr / n);
    println!(
        "{} {name}: success@1 {:.1}%, success@3 {:.1}%, MRR {:.3}",
        queries.len(),
        s1 * 100.0,
        s3 * 100.0,
        mrr
    );
    for m in &misses {
        println!("  not in the first 3: {m}");
    }
    (s3, mrr, misses)
}

#[test]
fn the_judged_queries_find_what_a_reader_expects() {
    let queries = judged(include_str!("judged.tsv"));
    assert!(queries.len() >= 60, "{} judged queries", queries.len());
    let (s3, _, misses) = measure("judged queries", &queries);
    assert!(
        s3 >= 0.95,
        "success@3 {:.1}% < 95%:\n{}",
        s3 * 100.0,
        misses.join("\n")
    );
}

#[test]
fn questions_as_people_ask_them_find_their_answer_first() {
    let queries = judged(include_str!("questions.tsv"));
    assert!(queries.len() >= 80, "{} judged questions", queries.len());
    let (s3, mrr, misses) = measure("judged questions", &queries);
    assert!(
        s3 >= 0.95 && mrr >= 0.9,
        "success@3 {:.1}% (≥ 95%), MRR {mrr:.3} (≥ 0.9):\n{}",
        s3 * 100.0,
        misses.join("\n")
    );
}
