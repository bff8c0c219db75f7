//! Integration tests: they drive the real `aimemo` binary, in a scrubbed environment.

// The JSON shape structs name every field so that `deny_unknown_fields` checks the
// documented shapes; not every field is read.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde::Deserialize;
use serde_json::Value;

// ───────────────────────── the builder ─────────────────────────

/// `aimemo` with an empty environment (no locale, no NO_COLOR, no AIMEMO_*),
/// tables fitted to 100 columns.
fn aimemo() -> Command {
    let mut cmd = Command::cargo_bin("aimemo").expect("the binary is built");
    cmd.env_clear().env("COLUMNS", "100");
    cmd
}

/// Runs `aimemo ARGS` and returns stdout, asserting exit 0.
fn stdout(args: &[&str]) -> String {
    let out = aimemo().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "aimemo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `aimemo ARGS`, asserting exit `code` and `message` in stderr.
fn fails(args: &[&str], code: i32, message: &str) {
    aimemo()
        .args(args)
        .assert()
        .code(code)
        .stderr(predicate::str::contains(message));
}

/// Runs `aimemo ARGS --json` and parses the one JSON document it prints.
fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&stdout(&all)).expect("one valid JSON document")
}

/// The built-in knowledge base, read through the library: the one source of the
/// counts the tests expect.
fn builtin() -> aimemo::kb::Kb {
    aimemo::kb::load(&[], true).expect("the built-in loads").kb
}

/// A file in a fresh temporary directory.
fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("write");
    (dir, path)
}

// ───────────────────────── JSON shapes (deny_unknown_fields: a changed shape fails) ─────────────────────────

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Named {
    id: String,
    name: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct SourceRef {
    id: String,
    name: String,
    date: Option<String>,
    date_iso: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ActorRef {
    id: String,
    code: Option<String>,
    code_en: Option<String>,
    name: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Figure {
    kind: String,
    id: String,
    topic: Named,
    label: String,
    value: serde_json::Number,
    unit: String,
    magnitude: String,
    qualifier: Option<String>,
    qualifier_code: Option<String>,
    stated: String,
    text: String,
    period: Option<String>,
    period_iso: Option<String>,
    source: SourceRef,
    section: Named,
    actors: Vec<ActorRef>,
    headline: bool,
    scope: Option<String>,
    under: Option<String>,
    quote: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Investments {
    lang: String,
    topic: Named,
    headline: Option<Figure>,
    pledges: Vec<Figure>,
    related: Vec<Figure>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Item {
    n: usize,
    text: String,
    detail: Option<String>,
    refs: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct List {
    kind: String,
    id: String,
    title: String,
    section: Named,
    items: Vec<Item>,
    quote: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct OneList {
    lang: String,
    list: List,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Actor {
    kind: String,
    id: String,
    code: Option<String>,
    code_en: Option<String>,
    name: String,
    group: Named,
    parent: Option<String>,
    parents: Vec<ActorRef>,
    role: Option<String>,
    related: Vec<String>,
    children: Vec<ActorRef>,
    appears_in: Option<ActorRef>,
    paragraph: Option<String>,
    section: Named,
    figures: Vec<Figure>,
    lists: Vec<Named>,
    quote: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct OneActor {
    lang: String,
    actor: Actor,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Span {
    start: usize,
    end: usize,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Matched {
    field: String,
    text: String,
    spans: Vec<Span>,
}

impl Matched {
    /// The matched words, as the spans cut them out of the text.
    fn words(&self) -> Vec<String> {
        self.spans
            .iter()
            .map(|s| {
                self.text
                    .chars()
                    .skip(s.start)
                    .take(s.end - s.start)
                    .collect()
            })
            .collect()
    }
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Hit {
    kind: String,
    id: String,
    score: u32,
    title: String,
    detail: String,
    matched: Matched,
    /// The entry as `show --json` gives it.
    entry: Value,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Search {
    lang: String,
    query: String,
    count: usize,
    all_words: bool,
    hits: Vec<Hit>,
}

impl Search {
    fn ids(&self) -> Vec<&str> {
        self.hits.iter().map(|h| h.id.as_str()).collect()
    }
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Event {
    kind: String,
    id: String,
    name: String,
    start: Option<String>,
    end: Option<String>,
    dates: Option<String>,
    place: String,
    co_chair: Option<String>,
    description: String,
    section: Named,
    part_of: Option<Named>,
    topic: Option<Named>,
    lists: Vec<List>,
    figures: Vec<Figure>,
    quote: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Summit {
    lang: String,
    event: Event,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct TopicFigures {
    id: String,
    name: String,
    figures: Vec<Figure>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Figures {
    lang: String,
    topic: Option<Named>,
    topics: Vec<TopicFigures>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Source {
    kind: String,
    id: String,
    name: String,
    date: Option<String>,
    date_iso: Option<String>,
    figures: Vec<Figure>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Sources {
    lang: String,
    sources: Vec<Source>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Problem {
    file: String,
    line: usize,
    column: usize,
    message: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Validation {
    lang: String,
    valid: bool,
    files: Vec<String>,
    problems: Vec<Problem>,
    todos: Vec<Problem>,
}

fn ids(figs: &[Figure]) -> Vec<&str> {
    figs.iter().map(|f| f.id.as_str()).collect()
}

// ───────────────────────── investments ─────────────────────────

#[test]
fn investments_table_shows_every_pledge_and_the_headline() {
    let out = stdout(&["investments"]);
    for s in [
        "more than €109 billion",
        "€50 billion",
        "€6 billion",
        "€20 billion",
        "€200 billion",
        "up to one gigawatt",
    ] {
        assert!(out.contains(s), "missing {s:?} in\n{out}");
    }
    // All four pledges are listed under the headline, as in the memo (the cell wraps).
    assert_eq!(out.matches("(under").count(), 4, "{out}");
    assert!(out.contains("Europe (under"), "{out}");
    assert!(out.contains('█'), "bars are drawn in table mode:\n{out}");
    assert!(!out.contains('\u{1b}'), "no color when piped");
}

#[test]
fn investments_json_states_the_headline_and_each_scope_the_memo_states() {
    let inv: Investments =
        serde_json::from_value(json(&["investments"])).expect("the documented shape");
    assert_eq!(inv.lang, "en");
    assert_eq!(inv.topic.id, "investments");
    let h = inv.headline.expect("a headline");
    assert_eq!(h.id, "investments-france-total");
    assert_eq!(h.value.as_u64(), Some(109_000_000_000), "a JSON integer");
    assert_eq!(h.qualifier.as_deref(), Some("more than"));
    assert_eq!(h.scope.as_deref(), Some("france"));
    assert_eq!(h.source.id, "memo");
    assert_eq!(
        ids(&inv.pledges),
        [
            "investment-mgx",
            "investment-amazon",
            "investment-eu-gigafactories",
            "investment-eu-invest-ai"
        ]
    );
    let by_id = |id: &str| inv.pledges.iter().find(|f| f.id == id).expect("pledge");
    assert_eq!(by_id("investment-mgx").value.as_u64(), Some(50_000_000_000));
    assert_eq!(
        by_id("investment-mgx").under.as_deref(),
        Some("investments-france-total")
    );
    assert_eq!(
        by_id("investment-amazon").value.as_u64(),
        Some(6_000_000_000)
    );
    assert_eq!(
        by_id("investment-eu-gigafactories").scope,
        None,
        "the memo does not state where the gigafactories are"
    );
    assert_eq!(
        by_id("investment-eu-invest-ai").scope.as_deref(),
        Some("europe")
    );
    // The memo lists all four under its France headline, the €200 billion "en Europe"
    // included: both are kept, neither is inferred away.
    for id in ids(&inv.pledges) {
        assert_eq!(
            by_id(id).under.as_deref(),
            Some("investments-france-total"),
            "{id}"
        );
    }
    assert_eq!(
        by_id("investment-eu-invest-ai").value.as_u64(),
        Some(200_000_000_000)
    );
    assert_eq!(ids(&inv.related), ["investment-mgx-capacity"]);
    assert_eq!(inv.related[0].unit, "GW");
    assert_eq!(inv.related[0].value.as_u64(), Some(1));
}

#[test]
fn investments_in_french() {
    let out = stdout(&["investments", "--lang", "fr"]);
    assert!(out.contains("plus de 109 milliards d’euros"), "{out}");
    assert!(out.contains("50 milliards d’euros"), "{out}");
    let inv: Investments = serde_json::from_value(json(&["investments", "--lang", "fr"])).unwrap();
    assert_eq!(inv.lang, "fr");
    assert_eq!(inv.headline.unwrap().magnitude, "109 milliards d’euros");
}

// ───────────────────────── summit, figures, sources, lists ─────────────────────────

#[test]
fn summit_has_dates_place_co_chair_verticals_and_figures() {
    let out = stdout(&["summit"]);
    assert!(out.contains("6–11 February 2025"), "{out}");
    assert!(out.contains("India"), "{out}");
    assert!(out.contains("5. the future of work"), "{out}");
    let s: Summit = serde_json::from_value(json(&["summit"])).expect("the documented shape");
    assert_eq!(
        (s.event.start.as_deref(), s.event.end.as_deref()),
        (Some("2025-02-06"), Some("2025-02-11"))
    );
    assert_eq!(s.event.co_chair.as_deref(), Some("India"));
    let verticals = s
        .event
        .lists
        .iter()
        .find(|l| l.id == "summit-verticals")
        .expect("the verticals");
    let texts: Vec<&str> = verticals.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "AI in the service of the public interest",
            "the international governance of AI",
            "trustworthy AI",
            "innovation and culture",
            "the future of work"
        ]
    );
    let value = |id: &str| {
        s.event
            .figures
            .iter()
            .find(|f| f.id == id)
            .and_then(|f| f.value.as_u64())
    };
    assert_eq!(value("summit-citizens"), Some(11_000));
    assert_eq!(value("summit-heads-of-state"), Some(28));
    assert_eq!(value("summit-business-leaders"), Some(468));
    assert_eq!(value("summit-civil-society"), Some(500));
    assert_eq!(value("business-day-actors"), Some(4_200));
    let fr = stdout(&["summit", "--lang", "fr"]);
    assert!(
        fr.contains("6–11 février 2025") && fr.contains("11\u{202f}000 citoyens"),
        "{fr}"
    );
}

#[test]
fn figures_cover_every_topic_with_qualifiers_and_sources() {
    let f: Figures = serde_json::from_value(json(&["figures"])).expect("the documented shape");
    assert!(f.topic.is_none());
    let all: Vec<&Figure> = f.topics.iter().flat_map(|t| &t.figures).collect();
    assert_eq!(all.len(), builtin().figures.len());
    let fig = |id: &str| {
        *all.iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(fig("genai-fraud-2023").value.as_u64(), Some(12_000_000_000));
    assert_eq!(fig("genai-fraud-2023").source.name, "Deloitte");
    assert_eq!(fig("deepfake-hong-kong").value.as_u64(), Some(26_000_000));
    assert_eq!(
        fig("genai-market-2027").value.as_f64(),
        Some(511_300_000_000.0)
    );
    assert_eq!(
        fig("genai-market-2027").qualifier.as_deref(),
        Some("could reach")
    );
    assert_eq!(
        fig("jobs-at-risk").source.date.as_deref(),
        Some("July 2023")
    );
    assert_eq!(
        fig("coalition-partners").qualifier.as_deref(),
        Some("nearly")
    );
    assert_eq!(fig("business-day-governments").value.as_u64(), Some(20));
    assert_eq!(fig("chatgpt-energy").source.id, "aie");
    assert_eq!(fig("email-water").unit, "cl");
    assert_eq!(fig("gpai-members").value.as_u64(), Some(44));
    assert_eq!(fig("declaration-endorsers").value.as_u64(), Some(64));
}

#[test]
fn figures_by_topic_with_the_facts_alias() {
    let out = stdout(&["facts", "market"]);
    assert!(
        out.contains("$241 billion") && out.contains("$511.3 billion"),
        "{out}"
    );
    assert!(out.contains("BPI France"), "{out}");
    assert!(out.contains('█'), "the market gets bars:\n{out}");
    let f: Figures = serde_json::from_value(json(&["figures", "market"])).unwrap();
    assert_eq!(f.topic.map(|t| t.id), Some("market".into()));
    assert_eq!(
        ids(&f.topics[0].figures),
        ["genai-market-2023", "genai-market-2027"]
    );
}

#[test]
fn unknown_topic_exits_1_and_suggests() {
    aimemo()
        .args(["figures", "markt"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "no topic matches `markt`; did you mean `market`?",
        ));
}

#[test]
fn a_topic_is_its_id_the_start_of_it_or_words_of_its_name() {
    let topic_of = |q: &str| json(&["figures", q])["topic"]["id"].clone();
    assert_eq!(topic_of("market"), "market");
    assert_eq!(topic_of("summit"), "summit-numbers", "the start of an id");
    assert_eq!(
        topic_of("marche"),
        "market",
        "a word of the name, accents optional"
    );
    assert_eq!(topic_of("ia generative"), "market");
    // Pieces of words are not words.
    for q in ["ments", "ee"] {
        fails(&["figures", q], 1, &format!("no topic matches `{q}`"));
    }
    // Words that name several topics list them, and nothing is shown.
    aimemo()
        .args(["figures", "sommet"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "aimemo: error: `sommet` matches 2 topics:\n  summit-numbers       The AI Action Summit\n  declaration          Summit declaration\ngive its id or more words of its name\n",
        );
}

#[test]
fn a_command_with_nothing_to_show_says_so_and_exits_1() {
    let (_d, path) = temp_file(
        "empty-topic.toml",
        b"[[topics]]\nid = \"empty-topic\"\nname = { fr = \"Vide\", en = \"Empty\" }\n",
    );
    let file = path.to_str().unwrap();
    for (args, message) in [
        (
            vec!["figures", "empty-topic"],
            "the topic `empty-topic` has no figures",
        ),
        (
            vec!["--no-builtin", "figures"],
            "the knowledge base has no figures",
        ),
        (
            vec!["--no-builtin", "lists"],
            "the knowledge base has no lists",
        ),
        (
            vec!["--no-builtin", "sources"],
            "the knowledge base has no source that backs a figure",
        ),
        (
            vec!["--no-builtin", "brief"],
            "the knowledge base has nothing a brief shows",
        ),
        (
            vec!["--no-builtin", "actors"],
            "the knowledge base has no actors",
        ),
    ] {
        // JSON is still one document: `null`, which each schema allows.
        for (format, out) in [("table", ""), ("json", "null\n"), ("csv", "")] {
            aimemo()
                .args(["--facts", file, "--format", format])
                .args(&args)
                .assert()
                .code(1)
                .stdout(out)
                .stderr(predicate::str::contains(message));
        }
    }
}

#[test]
fn sources_with_the_figures_they_back() {
    let s: Sources = serde_json::from_value(json(&["sources"])).expect("the documented shape");
    let src = |id: &str| {
        s.sources
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(
        ids(&src("deloitte").figures),
        ["genai-fraud-2023", "deepfake-hong-kong"]
    );
    assert_eq!(
        ids(&src("bpifrance").figures),
        ["genai-market-2023", "genai-market-2027"]
    );
    assert_eq!(ids(&src("uc").figures), ["email-water"]);
    assert_eq!(src("ocde").date.as_deref(), Some("July 2023"));
    let out = aimemo()
        .arg("sources")
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("International Energy Agency") && out.contains("University of California"),
        "{out}"
    );
}

#[test]
fn lists_and_one_list() {
    let all = json(&["lists"]);
    let lists = all["lists"].as_array().expect("lists");
    assert_eq!(lists.len(), builtin().lists.len());
    let l: OneList = serde_json::from_value(json(&["list", "gpai-candidate-states"]))
        .expect("the documented shape");
    let texts: Vec<&str> = l.list.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Cambodia",
            "Croatia",
            "Kazakhstan",
            "Malta",
            "Morocco",
            "Romania",
            "Rwanda"
        ]
    );
    let out = stdout(&["list", "france-position", "--lang", "fr"]);
    assert!(
        out.contains("inclusive") && out.contains("durable") && out.contains("de confiance"),
        "{out}"
    );
    fails(
        &["list", "sumit-verticals"],
        1,
        "no list matches `sumit-verticals`; did you mean `summit-verticals`",
    );
}

#[test]
fn lists_and_topics_by_the_words_of_their_names_in_either_language() {
    let verticals = json(&["liste", "verticales"]);
    assert_eq!(verticals["list"]["id"], "summit-verticals");
    assert_eq!(
        json(&["list", "verticals"])["list"]["id"],
        "summit-verticals"
    );
    assert_eq!(
        json(&["list", "summit", "verticals"])["list"]["id"],
        "summit-verticals",
        "several words"
    );
    assert_eq!(
        json(&["list", "summit-vert"])["list"]["id"],
        "summit-verticals"
    );
    let jobs = json(&["chiffres", "emplois"]);
    assert_eq!(
        jobs["topic"]["id"], "jobs",
        "a plural finds the topic Emploi"
    );
    assert_eq!(json(&["figures", "job"])["topic"]["id"], "jobs");
    assert_eq!(
        json(&["figures", "cout", "environnemental"])["topic"]["id"],
        "environment"
    );
    // Words several lists share list them all (exit 1).
    aimemo().args(["list", "summit"]).assert().code(1).stderr(
        predicate::str::contains("matches").and(predicate::str::contains("summit-verticals")),
    );
}

#[test]
fn values_take_their_french_names_too() {
    let kinds = |args: &[&str]| -> Vec<String> {
        let out = json(args);
        out["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["kind"].as_str().unwrap().to_string())
            .collect()
    };
    for (fr, en) in [
        ("acteur", "actor"),
        ("chiffre", "figure"),
        ("liste", "list"),
        ("SOURCE", "source"),
        ("événement", "event"),
        ("evenement", "event"),
        ("EVENEMENT", "event"),
        // Capitals with accents are the same names: clap's own case-folding knows
        // only ASCII letters.
        ("ÉVÉNEMENT", "event"),
        ("Événement", "event"),
        ("evénement", "event"),
        ("THÈME", "topic"),
        ("ACTEUR", "actor"),
        ("thème", "topic"),
        ("groupe", "group"),
        ("partie", "section"),
        ("section", "section"),
    ] {
        let words = match en {
            "source" => "energie",
            "group" => "dgm",
            _ => "ia",
        };
        let found = kinds(&["search", words, "--kind", fr]);
        assert!(
            !found.is_empty() && found.iter().all(|k| k == en),
            "--kind {fr}: {found:?}"
        );
    }
    let (code, out, err) = in_french(&["recherche", "ia", "--kind", "ÉVÉNEMENT", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"kind\":\"event\""), "{out}");
    let (code, _, err) = in_french(&["recherche", "ia", "--kind", "zz"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("[valeurs possibles\u{a0}: chiffre, liste, acteur, source, événement, thème, groupe, partie]"),
        "{err}"
    );
    // schema takes every command's French name, and gives the English one's schema.
    for (fr, en) in [
        ("recherche", "search"),
        ("investissements", "investments"),
        ("chiffres", "figures"),
        ("acteur", "actor"),
        ("acteurs", "actors"),
        ("liste", "list"),
        ("listes", "lists"),
        ("fiche", "show"),
        ("note", "brief"),
        ("synthèse", "brief"),
        ("citer", "cite"),
        ("valider", "validate"),
        ("sommet", "summit"),
        ("apercu", "overview"),
        ("APERÇU", "overview"),
        ("Aperçu", "overview"),
        ("SYNTHÈSE", "brief"),
        ("Recherche", "search"),
        ("FIGURES", "figures"),
        ("facts", "figures"),
    ] {
        assert_eq!(
            stdout(&["schema", fr]),
            stdout(&["schema", en]),
            "schema {fr}"
        );
    }
    // English acronyms are ids too: what show AIE finds, show IEA finds.
    let aie = stdout(&["show", "AIE"]);
    assert_eq!(stdout(&["show", "IEA"]), aie);
    assert_eq!(stdout(&["show", "iea"]), aie);
    assert_eq!(
        json(&["show", "UNSC"])["entry"]["id"],
        json(&["show", "CSNU"])["entry"]["id"]
    );
    // A name several entries go by lists them (exit 1): the OECD is a source and an actor.
    let name = "Organisation for Economic Co-operation and Development";
    aimemo()
        .args(["show", name])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "`{name}` matches 2 entries"
        )));
}

// ───────────────────────── actors ─────────────────────────

#[test]
fn actor_by_code_shows_parents_role_and_ties() {
    let a: OneActor =
        serde_json::from_value(json(&["actor", "DNUM"])).expect("the documented shape");
    assert_eq!(a.actor.code.as_deref(), Some("DNUM"));
    assert_eq!(a.actor.name, "Digital Directorate");
    let parents: Vec<&str> = a.actor.parents.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(parents, ["meae"]);
    assert!(
        a.actor.related[0].starts_with("DiploIA"),
        "{:?}",
        a.actor.related
    );
    let n: OneActor = serde_json::from_value(json(&["actor", "numia"])).unwrap();
    let chain: Vec<&str> = n.actor.parents.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(chain, ["dde", "dgm", "meae"]);
    let out = stdout(&["actor", "NUMIA"]);
    assert!(out.contains("DDE → DGM → MEAE"), "{out}");
}

#[test]
fn actor_codes_match_by_last_part_and_names_without_accents() {
    let code = |args: &[&str]| -> String {
        let a: OneActor = serde_json::from_value(json(args)).unwrap();
        a.actor.code.unwrap_or(a.actor.id)
    };
    assert_eq!(code(&["actor", "nuoi"]), "DGP/NUOI");
    assert_eq!(code(&["actor", "dgp/asd"]), "DGP/ASD");
    assert_eq!(code(&["actor", "direction", "du", "numerique"]), "DNUM");
    assert_eq!(code(&["actor", "rp-ocde"]), "RP OCDE");
    assert_eq!(code(&["actor", "RP", "OCDE"]), "RP OCDE");
}

#[test]
fn actor_miss_suggests_and_ambiguity_lists() {
    aimemo()
        .args(["actor", "DNUN"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "no actor matches `DNUN`; did you mean `DNUM`?",
        ));
    aimemo()
        .args(["actor", "numerique"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("`numerique` matches 5 actors:")
                .and(predicate::str::contains("DNUM")),
        );
}

#[test]
fn actors_map_is_a_tree_by_group() {
    let map = json(&["actors"]);
    let groups = map["groups"].as_array().expect("groups");
    let dgm_group = groups
        .iter()
        .find(|g| g["id"] == "at-dgm")
        .expect("À la DGM");
    let dgm = &dgm_group["actors"][0];
    assert_eq!(dgm["code"], "DGM");
    let dde = dgm["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "DDE")
        .expect("DDE under DGM");
    assert_eq!(dde["children"][0]["code"], "NUMIA");
    let out = stdout(&["actors"]);
    assert!(
        out.contains("└─ NUMIA") || out.contains("├─ NUMIA"),
        "{out}"
    );
}

// ───────────────────────── show and search ─────────────────────────

#[test]
fn show_any_entry() {
    let v = json(&["show", "jobs-at-risk"]);
    assert_eq!(v["kind"], "figure");
    let f: Figure = serde_json::from_value(v["entry"].clone()).expect("a figure");
    assert_eq!(
        (f.value.as_u64(), f.unit.as_str(), f.source.name.as_str()),
        (Some(27), "percent", "OECD")
    );
    assert_eq!(json(&["show", "deloitte"])["kind"], "source");
    assert_eq!(json(&["show", "summit-verticals"])["kind"], "list");
    assert_eq!(json(&["show", "paris-summit"])["kind"], "event");
    let section = json(&["show", "summit"]);
    assert_eq!(section["kind"], "section");
    let entries: Vec<String> = section["entry"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}:{}", e["kind"], e["id"]))
        .collect();
    for e in [
        r#""list":"paris-actions-axes""#,
        r#""section":"axis-1""#,
        r#""section":"axis-3""#,
    ] {
        assert!(entries.contains(&e.to_string()), "{e} in {entries:?}");
    }
    assert_eq!(json(&["show", "DNUM"])["entry"]["code"], "DNUM");
    let out = stdout(&["show", "email-water"]);
    assert!(
        out.contains("50 cl") && out.contains("University of California"),
        "{out}"
    );
    fails(&["show", "jobs-at-rsik"], 1, "did you mean `jobs-at-risk`?");
}

fn search(words: &[&str]) -> Search {
    let mut args = vec!["search"];
    args.extend(words);
    serde_json::from_value(json(&args)).expect("the documented shape")
}

#[test]
fn search_is_accent_and_case_insensitive() {
    let plain = search(&["energie"]);
    let accented = search(&["ÉNERGIE"]);
    let a: Vec<&str> = plain.hits.iter().map(|h| h.id.as_str()).collect();
    let b: Vec<&str> = accented.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(a, b);
    assert!(a.contains(&"aie"), "{a:?}");
    assert!(a.contains(&"chatgpt-energy"), "{a:?}");
    // Accents typed apart from their letters (decomposed, as macOS writes them).
    let decomposed = search(&["E\u{301}NERGIE"]);
    let c: Vec<&str> = decomposed.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(a, c);
    assert_eq!(
        stdout(&["actor", "direction du nume\u{301}rique", "--format", "tsv"])
            .lines()
            .nth(1)
            .and_then(|l| l.split('\t').next()),
        Some("dnum")
    );
}

#[test]
fn search_is_bilingual_and_says_what_each_hit_is() {
    let en = search(&["water"]);
    assert_eq!(en.hits[0].id, "email-water");
    assert_eq!(en.hits[0].kind, "figure");
    let fr = search(&["eau"]);
    assert!(fr.hits.iter().any(|h| h.id == "email-water"), "{fr:?}");
    // DiploIA is an entry of its own, and the DNUM, whose tool it is, comes next.
    let diploia = search(&["DiploIA"]);
    assert_eq!(
        diploia
            .hits
            .iter()
            .take(2)
            .map(|h| (h.kind.as_str(), h.id.as_str()))
            .collect::<Vec<_>>(),
        [("actor", "diploia"), ("actor", "dnum")]
    );
}

#[test]
fn search_by_number_ranks_the_headline_first() {
    let s = search(&["109"]);
    assert_eq!(s.hits[0].id, "investments-france-total");
    assert_eq!(s.query, "109");
    assert_eq!(s.count, s.hits.len());
    assert_eq!(search(&["11000"]).hits[0].id, "summit-citizens");
    assert_eq!(search(&["11", "000"]).hits[0].id, "summit-citizens");
    assert_eq!(search(&["511,3"]).hits[0].id, "genai-market-2027");
    assert_eq!(search(&["Deloitte"]).hits[0].id, "deloitte");
}

#[test]
fn numbers_match_as_people_type_them() {
    for (query, id) in [
        ("511", "genai-market-2027"),
        ("109bn", "investments-france-total"),
        ("€109bn", "investments-france-total"),
        ("109 milliards", "investments-france-total"),
        ("400M", "current-ai-initial-investment"),
        ("400 millions", "current-ai-initial-investment"),
        ("1 GW", "investment-mgx-capacity"),
        ("27 %", "jobs-at-risk"),
        ("$12bn", "genai-fraud-2023"),
    ] {
        let s = search(&[query]);
        assert_eq!(s.hits[0].id, id, "{query}: {:?}", s.ids());
        assert!(s.all_words, "{query}");
    }
    // 511 is the start of 511.3, and highlighted whole.
    let m = &search(&["511"]).hits[0].matched;
    assert_eq!(
        (m.field.as_str(), m.words()),
        ("magnitude", vec!["511.3".to_string()])
    );
    assert!(search(&["10"])
        .ids()
        .iter()
        .all(|id| *id != "investments-france-total"));
    // A scaled number is its value: the number and its scale word are highlighted
    // together, in a figure's amount and in the memo's words alike.
    let s = search(&["400M"]);
    let words: Vec<Vec<String>> = s.hits.iter().map(|h| h.matched.words()).collect();
    assert_eq!(s.hits[0].matched.field, "magnitude");
    assert_eq!(words[0], ["400 million"]);
    assert!(
        words.contains(&vec!["400 millions".to_string()]),
        "{words:?}"
    );
    // A full value finds a number and its scale word in texts, whether the knowledge
    // base is the built-in one (its index) or a file (read as it is searched).
    let facts = concat!(env!("CARGO_MANIFEST_DIR"), "/facts.toml");
    for query in ["109000000000", "400000000"] {
        let builtin = search(&[query]);
        let file = search(&["--no-builtin", "--facts", facts, query]);
        assert_eq!(builtin.ids(), file.ids(), "{query}");
        assert!(builtin.ids().len() >= 2, "{query}: {:?}", builtin.ids());
    }
    // `€` is the currency, not the start of "Europe".
    for h in search(&["€"]).hits {
        assert!(
            h.matched.words().iter().all(|w| w == "€" || w == "EUR"),
            "{}: {:?}",
            h.id,
            h.matched.words()
        );
    }
    // ... and the same digits with another scale are another number.
    for query in ["200m", "1bn", "6 millions", "50m"] {
        fails(&["search", query], 1, "nothing matches");
    }
}

#[test]
fn search_shows_the_passage_that_matched() {
    let s = search(&["rwanda"]);
    let first = &s.hits[0];
    assert_eq!(
        (
            first.kind.as_str(),
            first.id.as_str(),
            first.detail.as_str()
        ),
        ("list", "gpai-candidate-states", "7 items")
    );
    assert_eq!(
        first.title,
        "Seven states that announced their interest in joining the GPAI"
    );
    assert_eq!(
        (first.matched.field.as_str(), first.matched.text.as_str()),
        ("item", "Rwanda")
    );
    assert_eq!(first.matched.spans, [Span { start: 0, end: 6 }]);
    assert_eq!(s.hits[1].id, "gpai-candidates");
    assert_eq!(
        s.hits[1].matched.text,
        "…Malta, Morocco, Romania, Rwanda) announced their interest in joining this inclusive…"
    );
    assert_eq!(s.hits[1].matched.words(), ["Rwanda"]);
    let table = stdout(&["search", "rwanda"]);
    assert!(
        table.contains("Seven states that announced their") && table.contains("┆ Rwanda "),
        "{table}"
    );
    // The role sentence about webinars, in the language that matched.
    let w = search(&["webinaires"]);
    assert_eq!(w.ids(), ["labour-ministry"]);
    assert_eq!(w.hits[0].detail, "Interministerial");
    assert_eq!(w.hits[0].matched.field, "role");
    assert_eq!(
        w.hits[0].matched.text,
        "…sur l’avenir du travail et anime des webinaires sur l’impact de l’IA dans le monde du travail."
    );
    assert_eq!(w.hits[0].matched.words(), ["webinaires"]);
    let en = search(&["webinars"]);
    assert_eq!(en.hits[0].matched.words(), ["webinars"]);
    // An actor's parents answer where it sits.
    let c = search(&["cybersécurité"]);
    assert_eq!(c.hits[0].id, "cyber-subdirectorate");
    assert_eq!(c.hits[0].detail, "DGP/ASD → MEAE");
    let e = search(&["Ecolab"]);
    assert_eq!(
        (e.hits[0].id.as_str(), e.hits[0].detail.as_str()),
        ("ecolab", "CGDD → Ministry of Ecological Transition")
    );
    // A figure's amount, period and source.
    let m = search(&["511"]);
    assert_eq!(
        m.hits[0].detail,
        "could reach $511.3 billion, by 2027 — BPI France"
    );
    // Long texts are cut around the match, never before it.
    for h in search(&["PMIA"]).hits.iter().chain(&search(&["AI"]).hits) {
        assert!(
            h.matched.text.chars().count() <= 102,
            "{}: {}",
            h.id,
            h.matched.text
        );
    }
}

#[test]
fn search_hits_carry_their_whole_entry() {
    let s = search(&["AI", "--limit", "3"]);
    assert_eq!(s.hits.len(), 3);
    assert!(s.count > 50, "{}", s.count);
    for h in &s.hits {
        let show = json(&["show", &h.id]);
        assert_eq!(h.entry, show["entry"], "{}", h.id);
    }
    let s = search(&["511"]);
    assert_eq!(s.hits[0].entry["value"], 511300000000u64);
    assert_eq!(s.hits[0].entry["source"]["name"], "BPI France");
}

#[test]
fn words_match_words_and_their_forms_not_pieces_of_words() {
    let eau = search(&["eau"]);
    assert!(eau.ids().contains(&"email-water"), "{:?}", eau.ids());
    assert!(
        !eau.ids().contains(&"dgm-network-staff"),
        "réseau is not eau"
    );
    let ten = search(&["ten"]);
    assert!(
        !ten.ids().contains(&"coalition-partners"),
        "partenaires is not ten"
    );
    assert_eq!(search(&["cyber"]).hits[0].id, "cyber-subdirectorate");
    assert_eq!(
        search(&["gigafactory"]).hits[0].id,
        "investment-eu-gigafactories"
    );
    assert_eq!(
        search(&["gigafactories"]).hits[0].id,
        "investment-eu-gigafactories"
    );
}

#[test]
fn typos_match_close_words_below_exact_ones() {
    for (query, id) in [
        ("cybersecurty", "cyber-subdirectorate"),
        ("Kazakstan", "gpai-candidate-states"),
        ("Rwnada", "gpai-candidate-states"),
    ] {
        let s = search(&[query]);
        assert_eq!(s.hits[0].id, id, "{query}: {:?}", s.ids());
    }
    let typo = search(&["Rwnada"]).hits[0].score;
    let exact = search(&["Rwanda"]).hits[0].score;
    assert!(typo < exact, "{typo} < {exact}");
}

#[test]
fn acronyms_and_names_in_both_languages() {
    let iea = search(&["IEA"]);
    assert_eq!(iea.ids()[..2], ["aie", "chatgpt-energy"]);
    assert_eq!(search(&["AIE"]).hits[0].id, "aie");
    assert_eq!(search(&["GPAI"]).hits[0].id, "gpai");
    assert_eq!(search(&["PMIA"]).hits[0].id, "gpai");
    assert_eq!(search(&["UNSC"]).hits[0].id, "un-security-council");
    let code = |q: &str| -> String {
        let a: OneActor = serde_json::from_value(json(&["actor", q])).unwrap();
        a.actor.id
    };
    assert_eq!(code("GPAI"), "gpai");
    assert_eq!(code("UNSC"), "un-security-council");
    assert_eq!(code("Group of Seven"), "g7");
    assert_eq!(code("DGE"), "dge");
}

#[test]
fn several_words_match_all_first_then_most() {
    let both = search(&["water", "bottle"]);
    assert!(both.all_words);
    assert_eq!(both.ids(), ["email-water"]);
    let some = search(&["eau", "énergie"]);
    assert!(!some.all_words);
    assert!(
        some.ids()[..3].contains(&"email-water") && some.ids()[..3].contains(&"chatgpt-energy"),
        "{:?}",
        some.ids()
    );
    let table = stdout(&["search", "eau", "énergie"]);
    assert!(
        table.starts_with(
            "No entry matches all of eau, énergie; showing entries that match some.\n"
        ),
        "{table}"
    );
    let fr = stdout(&["search", "eau", "énergie", "--lang", "fr"]);
    assert!(
        fr.starts_with("Aucune entrée ne contient tous les mots eau, énergie"),
        "{fr}"
    );
}

#[test]
fn ranking_is_predictable() {
    // A name above a text; figures, actors and lists above sources when equal; no plateau.
    let s = search(&["deloitte"]);
    // The two figures match alike (by their source): the stable rule orders them.
    assert_eq!(
        s.ids(),
        ["deloitte", "deepfake-hong-kong", "genai-fraud-2023"]
    );
    let r = search(&["rwanda"]);
    let scores: Vec<u32> = r.hits.iter().map(|h| h.score).collect();
    assert!(scores[0] > scores[1] && scores[1] > scores[2], "{scores:?}");
    // The same order on every run and in both languages.
    assert_eq!(search(&["AI"]).ids(), search(&["AI", "--lang", "fr"]).ids());
}

#[test]
fn limit_and_kind() {
    let table = stdout(&["search", "AI"]);
    let total = search(&["AI"]).count;
    assert!(
        table.ends_with(&format!("\n{} more: --limit 0 for all\n", total - 10)),
        "{table}"
    );
    assert!(!stdout(&["search", "AI", "--limit", "0"]).contains("--limit 0 for all"));
    assert_eq!(search(&["AI"]).hits.len(), total, "JSON gives every hit");
    let figures = search(&["AI", "--kind", "figure"]);
    assert!(figures.hits.iter().all(|h| h.kind == "figure"));
    assert!(figures.count > 10);
    let lists = search(&["rwanda", "--kind", "LIST", "--limit", "1"]);
    assert_eq!(lists.ids(), ["gpai-candidate-states"]);
    let (header, rows) = csv_of(&["search", "AI", "--limit", "2"]);
    assert_eq!((header.len(), rows.len()), (7, 2));
    fails(
        &["search", "rwanda", "--kind", "source"],
        1,
        "no source matches `rwanda`",
    );
    fails(
        &["search", "webinaires", "--kind", "event"],
        1,
        "no event matches `webinaires` (1 entry of another kind does)",
    );
    fails(
        &["search", "dnum", "--kind", "event"],
        1,
        "no event matches `dnum` (2 entries of other kinds do)",
    );
    fails(
        &["search", "AI", "--kind", "person"],
        2,
        "invalid value 'person'",
    );
    // A name with punctuation around it is no name, though it folds to one.
    fails(
        &["search", "ia", "--kind", "figure!"],
        2,
        "error: invalid value 'figure!' for '--kind <KIND>'\n  \
         [possible values: figure, list, actor, source, event, topic, group, section]",
    );
    fails(
        &["schema", "ÉTAT"],
        2,
        "  [possible values: actor, actors, brief,",
    );
    fails(
        &["search", "AI", "--limit", "-1"],
        2,
        "unexpected argument '-1'",
    );
    fails(
        &["search", "AI", "--limit", "many"],
        2,
        "invalid value 'many' for '--limit <N>'",
    );
}

#[test]
fn search_miss_exits_1_with_a_message() {
    aimemo()
        .args(["search", "zzyzx"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("nothing matches `zzyzx`"));
    aimemo().args(["search", "inclusiv"]).assert().success();
}

// ───────────────────────── usage and exit codes ─────────────────────────

#[test]
fn usage_errors_exit_2() {
    fails(&["frobnicate"], 2, "unrecognized subcommand");
    aimemo().arg("list").assert().code(2);
    aimemo()
        .args(["investments", "--format", "xml"])
        .assert()
        .code(2);
    aimemo()
        .args(["investments", "--json", "--format", "csv"])
        .assert()
        .code(2);
    fails(&["search", " "], 2, "the search is empty");
}

#[test]
fn empty_queries_are_usage_errors() {
    for (args, message) in [
        (
            &["actor", ""][..],
            "the actor query is empty: give one, e.g. `aimemo actor DNUM`",
        ),
        (
            &["list", " "],
            "the list id is empty: give one, e.g. `aimemo list summit-verticals`",
        ),
        (
            &["show", ""],
            "the id is empty: give one, e.g. `aimemo show jobs-at-risk`",
        ),
        (
            &["figures", ""],
            "the topic is empty: give one, e.g. `aimemo figures market`",
        ),
        (
            &["search", "", " "],
            "the search is empty: give one, e.g. `aimemo search énergie`",
        ),
    ] {
        aimemo()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("aimemo: error: {message}\n"));
    }
}

#[test]
fn options_anywhere_on_the_line() {
    let a = stdout(&["--json", "investments"]);
    let b = stdout(&["investments", "--json"]);
    assert_eq!(a, b);
    // After `--`, an option is a word to search for.
    aimemo().args(["search", "--", "--json"]).assert().code(1);
}

#[test]
fn no_arguments_gives_an_overview() {
    let out = stdout(&[]);
    assert!(
        out.contains("aimemo investments") && out.contains("aimemo actor DNUM"),
        "{out}"
    );
    assert!(out.contains("more than €109 billion"), "{out}");
}

#[test]
fn help_shows_examples_and_exit_status() {
    let out = stdout(&["--help"]);
    assert!(out.contains("Exit status:"), "{out}");
    for (code, meaning) in aimemo::cli::EXIT_STATUS {
        assert!(
            out.lines()
                .any(|l| l.trim_start().starts_with(code) && l.ends_with(meaning.0)),
            "{code} {meaning:?}:\n{out}"
        );
    }
    for (name, _) in aimemo::cli::ENVIRONMENT {
        assert!(out.contains(name), "{name}:\n{out}");
    }
    for cmd in ["investments", "actor", "search", "brief", "validate"] {
        let help = stdout(&[cmd, "--help"]);
        assert!(help.contains("Examples:"), "{cmd}: {help}");
    }
}

// ───────────────────────── output conventions ─────────────────────────

#[test]
fn color_follows_the_flag_and_no_color() {
    let esc = |args: &[&str], env: &[(&str, &str)]| {
        let out = aimemo()
            .args(args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}')
    };
    assert!(!esc(&["investments"], &[]), "auto: not a terminal");
    assert!(esc(&["investments", "--color", "always"], &[]));
    assert!(
        esc(&["investments", "--color", "always"], &[("NO_COLOR", "1")]),
        "--color wins over NO_COLOR"
    );
    assert!(!esc(&["investments", "--color", "never"], &[]));
    assert!(
        !esc(
            &["investments", "--color", "always", "--format", "csv"],
            &[]
        ),
        "CSV is never colored"
    );
}

/// What `aimemo ARGS` writes when its stdout is a pseudo-terminal.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    on_a_terminal_with_status(args, env).1
}

/// The exit status of `aimemo ARGS` when its stdout is a pseudo-terminal of 100
/// columns and 24 lines, what it writes there, and its stderr. Unless `env` names a
/// pager, there is none (`AIMEMO_PAGER=`): tests of other things are not paged.
fn on_a_terminal_with_status(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let size = nix::pty::Winsize {
        ws_row: 24,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pty = nix::pty::openpty(Some(&size), None).expect("a pseudo-terminal");
    let names_a_pager = env
        .iter()
        .any(|(k, _)| *k == "AIMEMO_PAGER" || *k == "PAGER");
    let mut child = {
        let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("aimemo"));
        cmd.args(args)
            .env_clear()
            .env("COLUMNS", "100")
            .env("TERM", "xterm")
            .env("PATH", "/usr/bin:/bin");
        if !names_a_pager {
            cmd.env("AIMEMO_PAGER", "");
        }
        cmd.envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::from(pty.slave))
            .stderr(Stdio::piped());
        cmd.spawn().expect("runs")
        // The command, and with it this side's copy of the terminal, ends here.
    };
    let mut out = Vec::new();
    // The read ends with an error (EIO) once the program has closed the terminal.
    let _ = std::fs::File::from(pty.master).read_to_end(&mut out);
    let mut err = String::new();
    let _ = child.stderr.take().expect("piped").read_to_string(&mut err);
    let status = child.wait().expect("exits");
    (
        status.code(),
        String::from_utf8_lossy(&out).into_owned(),
        err,
    )
}

#[test]
fn json_is_indented_on_a_terminal_and_on_one_line_for_a_program() {
    let tty = on_a_terminal(&["show", "genai-market-2027", "--json"], &[]);
    assert!(tty.starts_with("{\r\n  \"lang\": \"en\",\r\n"), "{tty:?}");
    let piped = stdout(&["show", "genai-market-2027", "--json"]);
    assert!(
        piped.starts_with("{\"lang\":\"en\",\"kind\":\"figure\","),
        "{piped}"
    );
    assert_eq!(piped.lines().count(), 1, "{piped}");
    let same = |t: &str| serde_json::from_str::<Value>(&t.replace("\r\n", "\n")).unwrap();
    assert_eq!(same(&tty), same(&piped));
}

#[test]
fn matched_words_are_highlighted_on_a_terminal_only() {
    let tty = on_a_terminal(&["search", "rwanda"], &[]);
    assert!(tty.contains("\u{1b}[7mRwanda\u{1b}[27m"), "{tty:?}");
    let piped = stdout(&["search", "rwanda"]);
    assert!(!piped.contains('\u{1b}'), "{piped}");
    let never = on_a_terminal(&["search", "rwanda", "--color", "never"], &[]);
    assert!(!never.contains("\u{1b}[7m"), "{never:?}");
}

#[test]
fn auto_color_on_a_terminal_unless_no_color_or_dumb() {
    let colored = on_a_terminal(&["investments"], &[]);
    assert!(colored.contains("€109 billion"), "{colored}");
    assert!(colored.contains("\u{1b}["), "a terminal gets color");
    let no_color = on_a_terminal(&["investments"], &[("NO_COLOR", "1")]);
    assert!(no_color.contains("€109 billion") && !no_color.contains("\u{1b}["));
    let dumb = on_a_terminal(&["investments"], &[("TERM", "dumb")]);
    assert!(dumb.contains("€109 billion") && !dumb.contains("\u{1b}["));
}

#[test]
fn tables_fit_the_width_and_are_not_squeezed_when_piped() {
    for cols in ["60", "100"] {
        let out = aimemo()
            .args(["figures"])
            .env("COLUMNS", cols)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            widest <= cols.parse().unwrap(),
            "COLUMNS={cols}: a line of {widest}"
        );
    }
    let widest = piped_width(&[], None);
    assert!(
        widest > 100,
        "piped without COLUMNS nor a terminal, cells are not wrapped ({widest})"
    );
}

/// The columns of a figure's CSV record, in every command that lists figures.
const FIGURE_COLUMNS: &[&str] = &[
    "id",
    "topic_id",
    "topic",
    "label",
    "value",
    "unit",
    "magnitude",
    "qualifier",
    "qualifier_code",
    "stated",
    "period",
    "period_iso",
    "source_id",
    "source",
    "source_date",
    "source_date_iso",
    "scope",
    "under",
    "headline",
    "text",
];

/// The header and records of `aimemo ARGS --format csv`.
fn csv_of(args: &[&str]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let out = stdout(&all);
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    let headers = rd.headers().unwrap().iter().map(String::from).collect();
    let rows = rd.records().map(Result::unwrap).collect();
    (headers, rows)
}

#[test]
fn every_command_has_csv_with_the_same_columns_in_both_languages() {
    let commands: &[(&[&str], &[&str])] = &[
        (&[], &["command", "about"]),
        (&["investments"], FIGURE_COLUMNS),
        (&["summit"], FIGURE_COLUMNS),
        (&["figures"], FIGURE_COLUMNS),
        (&["sources"], FIGURE_COLUMNS),
        (&["brief"], FIGURE_COLUMNS),
        (&["show", "jobs-at-risk"], FIGURE_COLUMNS),
        (
            &["actors"],
            &[
                "group_id", "group", "id", "code", "code_en", "name", "parent", "role",
            ],
        ),
        (
            &["actor", "DNUM"],
            &[
                "id",
                "code",
                "code_en",
                "name",
                "group_id",
                "group",
                "parent",
                "role",
                "section_id",
            ],
        ),
        (
            &["show", "dnum"],
            &[
                "id",
                "code",
                "code_en",
                "name",
                "group_id",
                "group",
                "parent",
                "role",
                "section_id",
            ],
        ),
        (
            &["lists"],
            &["id", "title", "count", "section_id", "section"],
        ),
        (
            &["list", "summit-verticals"],
            &["list_id", "n", "text", "detail", "refs"],
        ),
        (
            &["show", "summit-verticals"],
            &["id", "title", "section_id", "section", "count", "items"],
        ),
        (
            &["show", "paris-summit"],
            &[
                "id",
                "name",
                "start",
                "end",
                "place",
                "co_chair",
                "description",
                "section_id",
            ],
        ),
        (
            &["show", "ocde"],
            &["kind", "id", "name", "context", "count"],
        ),
        (
            &["search", "énergie"],
            &["kind", "id", "score", "title", "detail", "field", "passage"],
        ),
        (&["validate"], &[]),
    ];
    for (args, columns) in commands {
        let (en, en_rows) = csv_of(&[args, &["--lang", "en"][..]].concat());
        let (fr, fr_rows) = csv_of(&[args, &["--lang", "fr"][..]].concat());
        assert_eq!(en, *columns, "aimemo {args:?}");
        assert_eq!(fr, *columns, "aimemo {args:?} --lang fr");
        assert_eq!(en_rows.len(), fr_rows.len(), "aimemo {args:?}");
        assert!(
            columns.is_empty() || !en_rows.is_empty(),
            "aimemo {args:?} has records"
        );
        assert!(
            en_rows.iter().all(|r| r.len() == columns.len()),
            "one record a row: aimemo {args:?}"
        );
    }
}

#[test]
fn csv_figures_carry_a_number_their_unit_and_their_qualifier() {
    let (headers, rows) = csv_of(&["sources"]);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[col("id")] == id)
            .unwrap_or_else(|| panic!("{id}"))
            .clone()
    };
    let total = row("investments-france-total");
    assert_eq!(
        (
            &total[col("value")],
            &total[col("unit")],
            &total[col("qualifier")],
            &total[col("stated")],
            &total[col("headline")],
        ),
        (
            "109000000000",
            "EUR",
            "more than",
            "more than €109 billion",
            "true"
        )
    );
    assert_eq!(&row("genai-market-2027")[col("value")], "511300000000");
    let kb = builtin();
    assert_eq!(
        rows.len(),
        kb.figures.len(),
        "every figure once, source by source"
    );
    let tsv = stdout(&["figures", "--format", "tsv"]);
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some(FIGURE_COLUMNS.join("\t").as_str()));
    assert_eq!(lines.count(), kb.figures.len());
    let (_, actors) = csv_of(&["actors"]);
    assert_eq!(actors.len(), kb.actors.len());
}

#[test]
fn markdown_is_ready_to_paste() {
    let md = stdout(&["investments", "--format", "markdown"]);
    assert!(md.starts_with("# Investments\n"), "{md}");
    assert!(
        md.contains("| Id | Who | Amount | Scope |\n|---|---|---|---|\n"),
        "{md}"
    );
    assert!(!md.contains('█') && !md.contains('\u{1b}'), "{md}");
}

#[test]
fn markdown_shows_a_files_text_as_text_never_as_markup() {
    let toml = concat!(
        "[[topics]]\nid = \"t\"\n",
        "name = { fr = \"x\", en = \"Label\\n# heading <img src=x> **bold** [link](http://e.example) `code` a|b\" }\n",
    );
    let (_d, path) = temp_file("md.toml", toml.as_bytes());
    let md = stdout(&[
        "--no-builtin",
        "--facts",
        path.to_str().unwrap(),
        "show",
        "t",
        "--format",
        "markdown",
    ]);
    let escaped = r"\# heading \<img src=x> \*\*bold\*\* \[link\](http://e.example) \`code\` a\|b";
    assert!(
        md.starts_with(&format!("# Label {escaped}\n")),
        "one heading, its text escaped:\n{md}"
    );
    let table = stdout(&[
        "--no-builtin",
        "--facts",
        path.to_str().unwrap(),
        "search",
        "heading",
        "--format",
        "markdown",
    ]);
    assert!(
        table.contains(&format!("| topic | t | Label<br>{escaped} | Figures: 0 |")),
        "one row, its cell escaped:\n{table}"
    );
}

#[test]
fn language_from_flag_environment_and_locale() {
    let fr = "plus de 109 milliards d’euros";
    let has = |args: &[&str], env: &[(&str, &str)]| {
        let out = aimemo()
            .args(args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().contains(fr)
    };
    assert!(has(&["investments", "--lang", "fr"], &[]));
    assert!(has(&["investments"], &[("AIMEMO_LANG", "fr")]));
    assert!(has(&["investments"], &[("LANG", "fr_FR.UTF-8")]));
    assert!(!has(
        &["investments"],
        &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")]
    ));
    assert!(!has(
        &["investments", "--lang", "en"],
        &[("AIMEMO_LANG", "fr")]
    ));
    let out = stdout(&["summit", "--lang", "fr"]);
    assert!(
        out.contains("Co-présidence") && out.contains("11\u{202f}000"),
        "labels and numbers in French:\n{out}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let (_dir, big) = temp_file("big.toml", aimemo::kb::synth::generate(3000).as_bytes());
    let bin = assert_cmd::cargo::cargo_bin("aimemo");
    let mut child = StdCommand::new(bin)
        .args(["--facts", big.to_str().unwrap(), "figures"])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert_eq!(err, "");
}

#[test]
fn a_full_device_is_an_error_for_help_too() {
    let Ok(full) = std::fs::File::options().write(true).open("/dev/full") else {
        eprintln!("SKIPPED a_full_device_is_an_error_for_help_too: no /dev/full here");
        return;
    };
    for args in [&["--help"][..], &["figures"][..]] {
        let out = StdCommand::new(assert_cmd::cargo::cargo_bin("aimemo"))
            .args(args)
            .env_clear()
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("aimemo: error: cannot write the output: No space left on device"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn no_builtin_validate_needs_a_file() {
    fails(
        &["--no-builtin", "validate"],
        2,
        "--no-builtin leaves nothing to validate: name a FILE, or add one with --facts FILE",
    );
}

#[test]
fn brief_fits_one_screen() {
    for lang in ["en", "fr"] {
        let out = stdout(&["brief", "--lang", lang]);
        assert!(
            out.lines().count() <= 40,
            "{lang}: {} lines\n{out}",
            out.lines().count()
        );
        assert!(
            out.contains("Deloitte") && (out.contains("OECD") || out.contains("OCDE")),
            "{out}"
        );
    }
    let md = stdout(&["brief", "--format", "markdown"]);
    assert!(
        md.starts_with("# The DGM memos — Artificial intelligence: where do we stand?"),
        "{md}"
    );
    assert!(md.contains("| more than €109 billion |"), "{md}");
}

// ───────────────────────── shell integration ─────────────────────────

#[test]
fn completions_know_codes_and_ids() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = stdout(&["completions", shell]);
        assert!(out.contains("DNUM"), "{shell}");
        assert!(out.contains("summit-verticals"), "{shell}");
        assert!(out.contains("investments"), "{shell}");
    }
    // Described in the language of the run.
    let fish = stdout(&["completions", "fish", "--lang", "fr"]);
    assert!(
        fish.contains("Chercher dans les chiffres") && fish.contains("recherche"),
        "{fish}"
    );
    // `help`, and the commands it takes, too.
    for line in fish
        .lines()
        .filter(|l| l.contains("-a \"help\"") || l.contains("subcommand help"))
    {
        assert!(!line.contains("Print") && line.contains("-d '"), "{line}");
    }
    assert!(fish.contains("-a \"help\" -d 'Afficher cette aide, ou celle des commandes données'"));
    // `cite` completes the ids of the entries that quote the memo.
    let bash = stdout(&["completions", "bash"]);
    let cite = bash
        .split("aimemo__subcmd__cite)")
        .nth(1)
        .and_then(|s| s.lines().nth(1))
        .unwrap_or_default();
    assert!(
        cite.contains(" jobs-at-risk ") && !cite.contains(" market "),
        "{cite}"
    );
}

#[test]
fn man_page_has_exit_status_and_environment() {
    let out = stdout(&["man"]);
    assert!(
        out.starts_with(".TH AIMEMO 1 "),
        "{}",
        &out[..200.min(out.len())]
    );
    for section in [
        ".SH \"COMMANDS\"",
        ".SH \"EXIT STATUS\"",
        ".SH \"ENVIRONMENT\"",
    ] {
        assert_eq!(out.matches(section).count(), 1, "{section} once:\n{out}");
    }
    assert!(
        !out.contains(".SH EXTRA"),
        "no second copy of the help's sections"
    );
    assert!(!out.contains("(1)"), "no pointers to per-command pages");
    assert!(out.contains("\\fBaimemo actor CODE|NAME\\fR"), "{out}");
    for (name, _) in aimemo::cli::ENVIRONMENT {
        assert!(out.contains(&name.replace('-', "\\-")), "{name}");
    }
}

#[test]
fn man_page_names_every_command_option_and_example_in_both_languages() {
    let en = stdout(&["man"]);
    for said in [
        "\\fBaimemo search WORDS\\fR",
        "Also: recherche",
        "Also: facts, chiffres",
        "\\fB\\-\\-limit\\fR \\fIN\\fR",
        "\\fB\\-\\-kind\\fR \\fIKIND\\fR",
        "\\fB\\-\\-no\\-pager\\fR",
        "aimemo search 109bn",
        "aimemo actor DNUM",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(en.contains(said), "{said}:\n{en}");
    }
    let fr = stdout(&["man", "--lang", "fr"]);
    for said in [
        ".SH NOM",
        ".SH \"COMMANDES\"",
        ".SH \"CODE DE RETOUR\"",
        ".SH \"ENVIRONNEMENT\"",
        "\\fBaimemo recherche MOTS\\fR",
        "Aussi : search",
        "\\fB\\-\\-limit\\fR \\fIN\\fR",
        "\\fB\\-\\-kind\\fR \\fITYPE\\fR",
        "aimemo recherche 109 milliards",
        "aimemo investissements",
        "Exemples",
    ] {
        assert!(fr.contains(said), "{said}:\n{fr}");
    }
    for english in ["Examples:", "Print help", "COMMANDS", "Possible values"] {
        assert!(!fr.contains(english), "{english} in the French page");
    }
    // Every option of every command, in both pages.
    let cmd = {
        let mut c = aimemo::cli::command();
        c.build();
        c
    };
    for s in cmd.get_subcommands() {
        for a in s.get_arguments().filter_map(|a| a.get_long()) {
            let flag = format!("\\fB\\-\\-{}\\fR", a.replace('-', "\\-"));
            assert!(
                en.contains(&flag) && fr.contains(&flag),
                "{} {flag}",
                s.get_name()
            );
        }
    }
}

// ───────────────────────── other knowledge bases ─────────────────────────

fn example() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example.toml")
}

#[test]
fn the_overview_of_another_knowledge_base_suggests_only_what_it_has() {
    let out = stdout(&["--no-builtin", "--facts", example()]);
    assert!(
        out.starts_with("aimemo — Robotics: an example (Example notes)\n\nYour knowledge base"),
        "{out}"
    );
    assert!(
        !out.contains("foreign ministry") && !out.contains("DNUM"),
        "{out}"
    );
    assert!(out.contains("aimemo search WORDS"), "{out}");
    let builtin = stdout(&[]);
    assert!(
        builtin.contains("The French foreign ministry's memo")
            && builtin.contains("aimemo actor DNUM")
    );
}

/// A knowledge base whose texts are Chinese, Japanese and emoji: two columns a character.
const WIDE: &str = r#"
[[sections]]
id = "s"
title = { fr = "人工知能", en = "人工知能" }

[[sources]]
id = "src"
name = { fr = "報告書 🤖", en = "報告書 🤖" }

[[topics]]
id = "t"
name = { fr = "人工知能の市場", en = "人工知能の市場" }

[[figures]]
id = "wide"
topic_id = "t"
value = 12
unit = "companies"
magnitude = { fr = "12 社", en = "12 社" }
label = { fr = "人工知能の会社 🤖🤖 人工知能の会社 人工知能の会社", en = "人工知能の会社 🤖🤖 人工知能の会社 人工知能の会社" }
text = { fr = "人工知能の会社は十二社です。 🤖 人工知能の会社は十二社です。", en = "人工知能の会社は十二社です。 🤖 人工知能の会社は十二社です。" }
source_id = "src"
section_id = "s"
"#;

#[test]
fn wide_characters_are_wrapped_and_padded_by_display_width() {
    let (_dir, path) = temp_file("wide.toml", WIDE.as_bytes());
    for (args, cols) in [(&["figures"][..], 60), (&["show", "wide"][..], 40)] {
        let out = aimemo()
            .env("COLUMNS", cols.to_string())
            .args(["--no-builtin", "--facts"])
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let widths: Vec<usize> = text
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(
            widths.iter().all(|w| *w <= cols),
            "every line fits {cols} columns:\n{text}"
        );
        let table: Vec<usize> = text
            .lines()
            .filter(|l| l.starts_with(['│', '┌', '└', '╞']))
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(
            table.windows(2).all(|w| w[0] == w[1]),
            "the table's lines are aligned:\n{text}"
        );
        assert!(text.contains("人工知能"), "{text}");
    }
}

/// Two figures, one whose label and amount hold a tab.
const TAB: &str = "
[[sections]]
id = \"s\"
title = { fr = \"S\", en = \"S\" }
[[sources]]
id = \"src\"
name = { fr = \"src\", en = \"src\" }
[[topics]]
id = \"tp\"
name = { fr = \"T\", en = \"T\" }
[[figures]]
id = \"f-tab\"
topic_id = \"tp\"
value = 4
unit = \"EUR\"
magnitude = { fr = \"4\", en = \"4\\t4\" }
label = { fr = \"avec\\ttab\", en = \"with\\ttab\" }
text = { fr = \"T\", en = \"T\" }
source_id = \"src\"
section_id = \"s\"
[[figures]]
id = \"f-two\"
topic_id = \"tp\"
value = 5
unit = \"EUR\"
magnitude = { fr = \"5\", en = \"5\" }
label = { fr = \"normal label here\", en = \"normal label here\" }
text = { fr = \"T\", en = \"T\" }
source_id = \"src\"
section_id = \"s\"
";

#[test]
fn a_tab_in_a_cell_is_a_space_and_the_table_stays_aligned() {
    let (_dir, path) = temp_file("tab.toml", TAB.as_bytes());
    for (format, args) in [
        ("table", &["figures", "tp"][..]),
        ("text", &["figures", "tp"]),
        ("table", &["show", "f-tab"]),
        ("table", &["search", "tab"]),
    ] {
        let out = aimemo()
            .args(["--no-builtin", "--facts"])
            .arg(&path)
            .args(["--format", format, "--color", "never"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains('\t'), "{format} {args:?}: no tab:\n{text}");
        assert!(text.contains("with tab"), "{format} {args:?}:\n{text}");
        let table: Vec<usize> = text
            .lines()
            .filter(|l| l.starts_with(['│', '┌', '└', '╞']))
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(
            table.windows(2).all(|w| w[0] == w[1]),
            "the table's lines are aligned:\n{text}"
        );
    }
}

#[test]
fn bar_labels_are_cut_between_grapheme_clusters() {
    let family = "👩\u{200d}👩\u{200d}👧\u{200d}👦";
    let figure = |id: &str, value: u32, label: &str| {
        format!(
            r#"
[[figures]]
id = "{id}"
topic_id = "t"
value = {value}
unit = "EUR"
magnitude = {{ fr = "{value} €", en = "€{value}" }}
label = {{ fr = "{label}", en = "{label}" }}
text = {{ fr = "T", en = "T" }}
source_id = "src"
section_id = "s"
"#
        )
    };
    let facts = r#"
[[sections]]
id = "s"
title = { fr = "S", en = "S" }
[[sources]]
id = "src"
name = { fr = "src", en = "src" }
[[topics]]
id = "t"
name = { fr = "T", en = "T" }
"#
    .to_string()
        + &figure(
            "emoji",
            2,
            &format!("robots 🤖 {family} family 🇫🇷 flag e\\u0301e\\u0301"),
        )
        + &figure(
            "wide",
            12,
            "人工知能の会社 🤖🤖 人工知能の会社 人工知能の会社",
        );
    let (_dir, path) = temp_file("emoji.toml", facts.as_bytes());
    let mut cut_in_family = 0;
    for cols in 20..=70 {
        let out = aimemo()
            .env("COLUMNS", cols.to_string())
            .args(["--no-builtin", "--facts"])
            .arg(&path)
            .args(["figures", "t"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let bar = text
            .lines()
            .find(|l| l.starts_with("robots") && l.contains('█'))
            .unwrap_or_else(|| panic!("the bar at {cols}:\n{text}"));
        assert!(!bar.contains("\u{200d}…"), "{cols}: {bar:?}");
        // The family is whole or left out whole; so is the flag.
        if bar.contains('👩') {
            assert!(bar.contains(family), "{cols}: {bar:?}");
        } else {
            cut_in_family += 1;
        }
        if bar.contains('\u{1f1eb}') {
            assert!(bar.contains("🇫🇷"), "{cols}: {bar:?}");
        }
    }
    assert!(
        cut_in_family > 0,
        "some widths cut the label before the family"
    );
}

#[test]
fn an_added_file_is_merged_with_the_builtin() {
    let s: Search =
        serde_json::from_value(json(&["--facts", example(), "search", "robotics"])).unwrap();
    assert_eq!(
        s.ids()[..2],
        ["example-robotics", "example-robots"],
        "the topic by its whole name, then its figure"
    );
    let both = json(&["--facts", example(), "figures"]);
    let count: usize = both["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["figures"].as_array().unwrap().len())
        .sum();
    assert_eq!(count, 34);
    let alone = json(&["--no-builtin", "--facts", example(), "figures"]);
    assert_eq!(alone["topics"].as_array().unwrap().len(), 1);
    let env_added = aimemo()
        .args(["show", "example-robots"])
        .env("AIMEMO_FACTS", example())
        .assert()
        .success();
    env_added.stdout(
        predicate::str::contains("nearly").and(predicate::str::contains("1,200 companies")),
    );
    fails(
        &["--no-builtin", "--facts", example(), "investments"],
        1,
        "no figures in the topic `investments`",
    );
    fails(
        &["--no-builtin", "figures"],
        2,
        "--no-builtin leaves no knowledge base",
    );
}

#[test]
fn a_clash_names_the_id_and_both_files() {
    let (_d, path) = temp_file(
        "clash.toml",
        b"[[topics]]\nid = \"market\"\nname = { fr = \"March\xc3\xa9\", en = \"Market\" }\n",
    );
    aimemo()
        .args(["--facts", path.to_str().unwrap(), "figures"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{}:2:1: duplicate id `market`: a topic at facts.toml (built-in) and a different topic at {}:1",
            path.display(),
            path.display()
        )));
}

#[test]
fn a_clash_with_a_built_in_entry_of_another_kind_is_the_files_one_problem() {
    let (_d, path) = temp_file(
        "clash.toml",
        b"[[actors]]\nid = \"investments\"\nname = { fr = \"a\", en = \"b\" }\ngroup_id = \"at-dgm\"\nsection_id = \"intro\"\n",
    );
    let out = aimemo()
        .args(["validate", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.starts_with(&format!(
            "{}:2:1: duplicate id `investments`: a topic at facts.toml (built-in) and a different actor at {}:1\n",
            path.display(),
            path.display()
        )),
        "{out}"
    );
    assert!(out.contains("\n1 problem found in"), "{out}");
}

#[test]
fn the_same_entry_loaded_twice_is_no_clash() {
    let facts = concat!(env!("CARGO_MANIFEST_DIR"), "/facts.toml");
    aimemo()
        .args(["validate", facts])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(": valid ("));
    aimemo()
        .args([
            "--facts",
            facts,
            "--facts",
            facts,
            "show",
            "jobs-at-risk",
            "--json",
        ])
        .assert()
        .code(0);
    // Two files that each define `t`, differently: both places are named.
    let topic = |name: &str| {
        format!("[[topics]]\nid = \"t\"\nname = {{ fr = \"{name}\", en = \"{name}\" }}\n")
    };
    let (_a, a) = temp_file("a.toml", topic("A").as_bytes());
    let (_b, b) = temp_file("b.toml", format!("\n\n{}", topic("B")).as_bytes());
    aimemo()
        .args(["validate", "--no-builtin"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "duplicate id `t`: a topic at {}:1 and a different topic at {}:3",
            a.display(),
            b.display()
        )));
}

#[test]
fn validate_lists_every_problem_located() {
    let text = "[[topics]]\nid = \"t\"\nname = { fr = \"\", en = \"x\" }\n\n[[topics]]\nid = \"t\"\nname = { fr = \"a\", en = \"b\" }\nextra = 1\n\n[[groups]]\nid = \"g\"\nname = { fr = \"a\" }\n\n[[figures]]\nid = \"f\"\ntopic_id = \"nowhere\"\nvalue = nan\nunit = \"EUR\"\nmagnitude = { fr = \"a\", en = \"b\" }\nlabel = { fr = \"a\", en = \"b\" }\ntext = { fr = \"a\", en = \"b\" }\nsource_id = \"s\"\nsection_id = \"s\"\n";
    let (_d, path) = temp_file("bad.toml", text.as_bytes());
    let p = path.to_str().unwrap();
    let out = aimemo()
        .args(["validate", "--no-builtin", p])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    for line in [
        format!("{p}:3:1: `name` has an empty French text"),
        format!("{p}:6:1: duplicate id `t`: a topic at {p}:1 and a different topic at {p}:5"),
        format!(
            "{p}:8:1: in topic `t`: unknown key `extra`, expected one of `id`, `name`, `quote`"
        ),
        format!("{p}:12:8: in group `g`: `name` has no English text (`en`): write name = {{ fr = \"…\", en = \"…\" }}"),
        format!("{p}:16:1: `topic_id` names `nowhere`, but there is no topic with that id"),
        format!("{p}:17:1: `value` must be a finite number, not NaN"),
        format!("{p}:22:1: `source_id` names `s`, but there is no source with that id"),
        format!("{p}:23:1: `section_id` names `s`, but there is no section with that id"),
    ] {
        assert!(report.contains(&line), "missing {line:?} in\n{report}");
    }
    assert!(
        report.contains("    name = { fr = \"a\" }\n           ^"),
        "a snippet with a caret:\n{report}"
    );
    let out = aimemo()
        .args(["validate", "--no-builtin", p, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Validation = serde_json::from_slice(&out.stdout).expect("the documented shape");
    assert!(!v.valid);
    assert_eq!(v.files, [p]);
    assert_eq!(v.problems.len(), 8, "{:#?}", v.problems);
    assert_eq!(
        v.problems[5].message,
        "`value` must be a finite number, not NaN"
    );
    assert_eq!(
        (
            v.problems[0].file.as_str(),
            v.problems[0].line,
            v.problems[0].column
        ),
        (p, 3, 1)
    );
    // Every other command refuses the file with the same messages, and exit 2.
    aimemo()
        .args(["--facts", p, "figures"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{p}:17:1: `value` must be a finite number, not NaN"
        )));
}

#[test]
fn validate_points_at_the_column_as_it_shows() {
    // Wide characters, an escaped control character, a tab, a byte-order mark.
    for (text, shown) in [
        (
            "[[topics]]\nid = \"t\"\nname = { fr = \"日本語\", en = \"b\" }, bad = 1\n",
            "    name = { fr = \"日本語\", en = \"b\" }, bad = 1\n                                      ^\n",
        ),
        (
            "x = \"a\u{7}b\"\n",
            "    x = \"a\\x07b\"\n          ^\n",
        ),
        (
            "[[topics]]\nid = \"t\"\n\tname = { fr = \"a\", en = \"b\" }, bad = 1\n",
            "     name = { fr = \"a\", en = \"b\" }, bad = 1\n                                  ^\n",
        ),
        ("\u{feff}bad line\n", "    bad line\n        ^\n"),
    ] {
        let (_d, path) = temp_file("kb.toml", text.as_bytes());
        let out = aimemo()
            .args(["validate", path.to_str().unwrap()])
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(out.contains(shown), "{text:?}:\n{out}");
    }
}

#[test]
fn validate_says_toml_syntax_errors_in_french() {
    let (_d, path) = temp_file("kb.toml", b"x = { a = 1,, }\ny = 1979-13-01\n");
    let p = path.to_str().unwrap();
    let out = aimemo()
        .args(["--lang", "fr", "validate", "--no-builtin", p])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).unwrap().replace(p, "kb.toml");
    for line in [
        "kb.toml:1:13: erreur de syntaxe TOML : virgule en trop dans la table en ligne ; attendu : clé\n",
        "kb.toml:2:5: erreur de syntaxe TOML : date invalide ; attendu : mois entre 01 et 12\n",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    let words: Vec<&str> = out.split(|c: char| !c.is_alphabetic()).collect();
    for english in [
        "expected", "extra", "comma", "inline", "key", "invalid", "month",
    ] {
        assert!(!words.contains(&english), "{english}:\n{out}");
    }
}

#[test]
fn validate_the_builtin_and_the_example() {
    aimemo()
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "facts.toml (built-in): valid ({} figures",
            builtin().figures.len()
        )));
    aimemo()
        .args(["validate", "--no-builtin", example()])
        .assert()
        .success()
        .stdout(predicate::str::contains("valid (1 figure, 1 list, 1 actor"));
}

#[test]
fn a_cycle_of_parents_is_reported() {
    let text = "[[groups]]\nid = \"g\"\nname = { fr = \"g\", en = \"g\" }\n[[sections]]\nid = \"s\"\ntitle = { fr = \"s\", en = \"s\" }\n[[actors]]\nid = \"a\"\nname = { fr = \"a\", en = \"a\" }\ngroup_id = \"g\"\nparent_id = \"b\"\nsection_id = \"s\"\n[[actors]]\nid = \"b\"\nname = { fr = \"b\", en = \"b\" }\ngroup_id = \"g\"\nparent_id = \"a\"\nsection_id = \"s\"\n";
    let (_d, path) = temp_file("cycle.toml", text.as_bytes());
    aimemo()
        .args(["validate", "--no-builtin", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            ":11:1: `parent_id` makes a cycle: a → b → a",
        ));
}

// ───────────────────────── hostile input ─────────────────────────

/// `aimemo --facts FILE figures` fails with exit 2 and this one line on stderr.
fn refused(path: &Path, message: &str) {
    let out = aimemo()
        .args(["--facts", path.to_str().unwrap(), "figures"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, b"");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("aimemo: error: {}: {message}\n", path.display())
    );
}

#[test]
fn a_file_without_entries_is_invalid_not_unreadable() {
    for (name, text) in [
        ("empty.toml", &b""[..]),
        ("blank.toml", b"  \n"),
        ("comments.toml", b"# a comment\n\n  # another\n"),
    ] {
        let (_f, path) = temp_file(name, text);
        let p = path.to_str().unwrap();
        let out = aimemo().args(["validate", p]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: invalid, exit 1");
        assert!(
            String::from_utf8(out.stdout).unwrap().starts_with(&format!(
                "{p}: is empty: a knowledge base needs at least one entry\n"
            )),
            "{name}"
        );
        fails(
            &["--facts", p, "figures"],
            2,
            &format!("{p}: is empty: a knowledge base needs at least one entry"),
        );
    }
}

#[test]
fn unreadable_files_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    refused(&dir.path().join("missing.toml"), "no such file");
    refused(dir.path(), "is a directory, not a knowledge-base file");
    let (_b, latin1) = temp_file("latin1.toml", b"[[topics]]\nid = \"caf\xe9\"\n");
    refused(&latin1, "is not UTF-8 text (invalid byte at offset 20)");
    let (_c, binary) = temp_file("binary.toml", b"\x7fELF\x02\x01\x01\x00\x00");
    refused(&binary, "is binary (a NUL byte at offset 7), not TOML");
    let (_d, huge) = temp_file("huge.toml", b"");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(64 * 1024 * 1024 + 1)
        .unwrap();
    refused(
        &huge,
        "is 64.0 MiB; knowledge-base files are limited to 64 MiB",
    );
}

#[test]
fn validate_checks_every_file_even_after_one_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let (_b, bad) = temp_file("bad.toml", b"[[topics]]\nid = \"t\"\nname = 3\n");
    let (_g, good) = temp_file(
        "good.toml",
        b"[[topics]]\nid = \"u\"\nname = { fr = \"u\", en = \"u\" }\n",
    );
    let (m, b, g) = (
        missing.to_str().unwrap(),
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    );
    let out = aimemo().args(["validate", m, b, g]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a file it cannot read: exit 2");
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains(&format!("{m}: no such file\n")), "{report}");
    assert!(
        report.contains(&format!("{b}:3:8: in topic `t`: `name` must be")),
        "the next file is checked too:\n{report}"
    );
    assert!(
        // Only the files with problems are named.
        report.ends_with(&format!("2 problems found in {m}, {b}\n")),
        "{report}"
    );
    let json = aimemo()
        .args(["validate", b, "--lang", "fr", "--json"])
        .output()
        .unwrap();
    let v: Validation = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v.lang, "fr");
    assert!(
        v.problems[0]
            .message
            .starts_with("dans le thème `t` : `name` doit être"),
        "{:?}",
        v.problems
    );
    let fr = aimemo()
        .args(["validate", m, "--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(fr.stdout).unwrap(),
        format!("{m}: fichier introuvable\n\n1 problème trouvé dans {m}\n")
    );
}

#[test]
fn a_truncated_file_is_a_located_syntax_error() {
    let full = std::fs::read_to_string(example()).unwrap();
    let cut = &full[..full.find("unit = \"companies\"").unwrap() + 9];
    let (_d, path) = temp_file("cut.toml", cut.as_bytes());
    let out = aimemo()
        .args(["--facts", path.to_str().unwrap(), "figures"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "aimemo: error: {}:41:10: invalid basic string",
            path.display()
        )),
        "{err}"
    );
    assert!(err.contains("1 problem in the knowledge base"), "{err}");
}

#[test]
fn error_messages_show_control_characters_as_escapes_too() {
    let text = concat!(
        "[[sections]]\nid = \"s\"\ntitle = { fr = \"s\", en = \"s\" }\n",
        "[[groups]]\nid = \"g\"\nname = { fr = \"g\", en = \"g\" }\n",
        "[[actors]]\nid = \"act-one\"\nname = { fr = \"x\", en = \"Actor \\u001b]0;PWNED\\u0007 one\" }\ngroup_id = \"g\"\nsection_id = \"s\"\n",
        "[[actors]]\nid = \"act-two\"\ncode = \"A\\u001b[31mB\"\nname = { fr = \"x\", en = \"Actor two\" }\ngroup_id = \"g\"\nsection_id = \"s\"\n",
    );
    let (_d, path) = temp_file("evil.toml", text.as_bytes());
    let file = path.to_str().unwrap();
    // The knowledge base's names, listed when a query matches several actors.
    let out = aimemo()
        .args(["--no-builtin", "--facts", file, "actor", "actor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "aimemo: error: `actor` matches 2 actors:\n  act-one              Actor \\e]0;PWNED\\x07 one\n  A\\e[31mB             Actor two\ngive a code or more words of the name\n"
    );
    // A code suggested, and the user's own words.
    let out = aimemo()
        .args(["--no-builtin", "--facts", file, "actor", "A\u{1b}[31mC"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("aimemo: error: no actor matches `A\\e[31mC`; did you mean `A\\e[31mB`?"),
        "{err:?}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn an_actor_map_too_deep_to_draw_is_refused_not_cut() {
    let mut text = String::from(concat!(
        "[[sections]]\nid = \"s\"\ntitle = { fr = \"s\", en = \"s\" }\n",
        "[[groups]]\nid = \"g\"\nname = { fr = \"g\", en = \"g\" }\n",
    ));
    for i in 0..40 {
        let parent = match i {
            0 => String::new(),
            _ => format!("parent_id = \"a{}\"\n", i - 1),
        };
        text.push_str(&format!("[[actors]]\nid = \"a{i}\"\nname = {{ fr = \"a\", en = \"a\" }}\ngroup_id = \"g\"\nsection_id = \"s\"\n{parent}"));
    }
    let (_d, path) = temp_file("deep.toml", text.as_bytes());
    let file = path.to_str().unwrap();
    fails(
        &["--no-builtin", "--facts", file, "actors"],
        2,
        "`a33` is 33 levels under `a0`: a chain of parents is at most 32 long",
    );
    aimemo()
        .args(["--no-builtin", "validate", file])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "deep.toml:209:1: `a33` is 33 levels under `a0`",
        ));
}

#[test]
fn control_characters_are_shown_as_escapes() {
    let text = "[[topics]]\nid = \"evil\"\nname = { fr = \"x\", en = \"a\\u001b[2Jb\\u0007c\\u202ed\\re\\u009bf\" }\n";
    let (_d, path) = temp_file("evil.toml", text.as_bytes());
    let out = aimemo()
        .args([
            "--facts",
            path.to_str().unwrap(),
            "show",
            "evil",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.contains("a\\e[2Jb\\x07c\\u{202e}d\\re\\u{9b}f"),
        "{shown}"
    );
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n'),
        "{shown:?}"
    );
    for format in ["markdown", "csv", "tsv"] {
        let out = aimemo()
            .args([
                "--facts",
                path.to_str().unwrap(),
                "show",
                "evil",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{format}: {s:?}"
        );
    }
    let v = json(&["--facts", path.to_str().unwrap(), "show", "evil"]);
    assert_eq!(
        v["entry"]["name"], "a\u{1b}[2Jb\u{7}c\u{202e}d\re\u{9b}f",
        "JSON stays exact"
    );
}

#[test]
fn hostile_arguments() {
    let long = "é".repeat(50_000); // 100 KB, under the kernel's limit for one argument
    let args: Vec<&str> = std::iter::once("search")
        .chain(std::iter::repeat_n(long.as_str(), 10))
        .collect();
    fails(&args, 1, "nothing matches");
    aimemo().args(["actor", &long]).assert().code(1);
    aimemo().args(["show", "🦀"]).assert().code(1);
    aimemo()
        .args(["search", "🦀", "漢字", "\u{202e}"])
        .assert()
        .code(1);
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"caf\xe9");
        aimemo()
            .arg("search")
            .arg(bad)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid UTF-8"));
        aimemo()
            .arg("--facts")
            .arg(bad)
            .arg("figures")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no such file"));
    }
}

// ───────────────────────── snapshots of the rendered tables (a layout change shows in review) ─────────────────────────

/// A test that renders `aimemo ARGS` and compares it with its snapshot, `NAME.snap`.
macro_rules! snapshot {
    ($test:ident, $name:literal, [$($arg:literal),*]) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!($name, stdout(&[$($arg),*]));
        }
    };
}

snapshot!(snapshot_investments, "investments", ["investments"]);
snapshot!(
    snapshot_investments_fr,
    "investments_fr",
    ["investments", "--lang", "fr"]
);
snapshot!(
    snapshot_investments_markdown,
    "investments_markdown",
    ["investments", "--format", "markdown"]
);
snapshot!(snapshot_summit, "summit", ["summit"]);
snapshot!(
    snapshot_figures_market,
    "figures_market",
    ["figures", "market"]
);
snapshot!(snapshot_actors, "actors", ["actors"]);
snapshot!(snapshot_actor_dnum, "actor_dnum", ["actor", "DNUM"]);
snapshot!(
    snapshot_list_verticals_fr,
    "list_verticals_fr",
    ["list", "summit-verticals", "--lang", "fr"]
);
snapshot!(snapshot_search_109, "search_109", ["search", "109"]);
snapshot!(snapshot_brief, "brief", ["brief"]);
snapshot!(snapshot_overview, "overview", []);

// ───────────────────────── the README's examples are the binary's real output ─────────────────────────

/// What `aimemo ARGS` prints for a README example: stdout when it succeeds, else
/// stderr and a last line `[exit N]`; `| head -N` keeps the first N lines.
fn readme_output(command: &str) -> String {
    let (args, head) = match command.split_once(" | head -") {
        Some((args, n)) => (args, n.trim().parse::<usize>().ok()),
        None => (command, None),
    };
    let out = aimemo().args(args.split_whitespace()).output().unwrap();
    let mut text = String::from_utf8(if out.status.success() {
        out.stdout
    } else {
        out.stderr
    })
    .unwrap();
    if let Some(n) = head {
        text = text.lines().take(n).map(|l| format!("{l}\n")).collect();
    }
    if !out.status.success() {
        text.push_str(&format!("[exit {}]\n", out.status.code().unwrap_or(-1)));
    }
    text
}

/// Every README example (a ```console block that runs `$ aimemo …`) is the binary's
/// whole output and exit status. `AIMEMO_BLESS=1 cargo test readme` rewrites them.
#[test]
fn readme_examples_match_the_binary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let bless = std::env::var_os("AIMEMO_BLESS").is_some();
    let mut rewritten = String::new();
    let mut rest = readme.as_str();
    let mut checked = 0;
    while let Some(at) = rest.find("```console\n") {
        let (before, block) = rest.split_at(at + "```console\n".len());
        rewritten.push_str(before);
        let end = block.find("```").expect("a closed block");
        let (body, after) = block.split_at(end);
        rest = after;
        let mut lines = body.lines();
        let first = lines.next().unwrap_or_default();
        let Some(command) = first.strip_prefix("$ aimemo") else {
            rewritten.push_str(body);
            continue;
        };
        if lines.clone().any(|l| l.starts_with("$ ")) || command.contains(".toml") {
            rewritten.push_str(body); // a session of several commands, or the reader's own file
            continue;
        }
        let actual = readme_output(command);
        checked += 1;
        if bless {
            rewritten.push_str(&format!("{first}\n{actual}"));
        } else {
            let shown: String = lines.map(|l| format!("{l}\n")).collect();
            assert_eq!(shown, actual, "README: $ aimemo{command}");
        }
    }
    rewritten.push_str(rest);
    if bless {
        std::fs::write(path, rewritten).unwrap();
    }
    assert!(checked >= 10, "the README's examples are found ({checked})");
}

// ───────────────────────── the JSON schemas are the contract ─────────────────────────

#[test]
fn every_command_s_json_output_validates_against_its_schema() {
    let runs: &[(&str, &[&str])] = &[
        ("overview", &[]),
        ("investments", &["investments"]),
        ("summit", &["summit"]),
        ("figures", &["figures"]),
        ("figures", &["figures", "market"]),
        ("actors", &["actors"]),
        ("actor", &["actor", "DNUM"]),
        ("actor", &["actor", "cosnia"]),
        ("lists", &["lists"]),
        ("list", &["list", "summit-verticals"]),
        ("sources", &["sources"]),
        ("show", &["show", "jobs-at-risk"]),
        ("show", &["show", "summit-verticals"]),
        ("show", &["show", "dnum"]),
        ("show", &["show", "business-day"]),
        ("show", &["show", "ocde"]),
        ("show", &["show", "market"]),
        ("show", &["show", "at-dgm"]),
        ("show", &["show", "summit"]),
        ("search", &["search", "énergie"]),
        ("brief", &["brief"]),
        ("cite", &["cite", "jobs-at-risk", "cosnia"]),
        ("validate", &["validate"]),
    ];
    for (name, args) in runs {
        let schema: Value = serde_json::from_str(&stdout(&["schema", name])).expect("a schema");
        let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
        for lang in ["en", "fr"] {
            let doc = json(&[args, &["--lang", lang][..]].concat());
            let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(
                errors.is_empty(),
                "aimemo {args:?} --lang {lang}: {errors:?}"
            );
        }
    }
    // A schema that would accept anything would prove nothing.
    let schema: Value = serde_json::from_str(&stdout(&["schema", "figures"])).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(!validator.is_valid(&serde_json::json!({"lang": "en", "topics": [{"id": 1}]})));
    fails(&["schema", "frobnicate"], 2, "invalid value 'frobnicate'");
}

// ───────────────────────── citations ─────────────────────────

const MEMO_REF_FR: &str = "— Ministère de l’Europe et des Affaires étrangères, Les mémos de la DGM, «\u{a0}L’intelligence artificielle\u{a0}: où en sommes-nous\u{202f}?\u{a0}»";

#[test]
fn cite_gives_the_memo_s_words_its_reference_and_the_source_it_credits() {
    // Piped without COLUMNS: the lines as they are, not wrapped.
    let out = aimemo()
        .env_remove("COLUMNS")
        .args(["cite", "jobs-at-risk", "--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "  «\u{a0}27% des emplois se situent dans des professions à haut risque d’automatisation.\u{a0}»\n\n\
             {MEMO_REF_FR}, «\u{a0}À savoir\u{a0}». Source citée\u{a0}: OCDE (juillet 2023).\n"
        )
    );
    let en = stdout(&["cite", "jobs-at-risk", "--lang", "en"]);
    assert!(
        en.starts_with("  “27% of jobs are in occupations at high risk of automation.” (translation)\n\n  Original: «\u{a0}27% des emplois"),
        "{en}"
    );
    assert!(
        en.ends_with("“Good to know”. Source cited: OECD (July 2023).\n"),
        "{en}"
    );
    let md = stdout(&[
        "cite",
        "jobs-at-risk",
        "--lang",
        "fr",
        "--format",
        "markdown",
    ]);
    assert!(md.starts_with("> «\u{a0}27% des emplois"), "{md}");
    assert!(md.contains("*Les mémos de la DGM*"), "{md}");
    // An actor's sentence sits in another's paragraph: the citation is that sentence.
    let c = json(&["cite", "cosnia"]);
    let c = &c["citations"][0];
    assert_eq!(c["kind"], "actor");
    assert!(c["quote"]
        .as_str()
        .unwrap()
        .starts_with("La coordination nationale pour l’intelligence artificielle (COSNIA)"));
    assert_eq!(
        c["source"],
        Value::Null,
        "the memo credits no source for it"
    );
    assert_eq!(c["reference"]["series"], "The DGM memos");
    let (headers, rows) = csv_of(&["cite", "jobs-at-risk", "genai-market-2027"]);
    assert_eq!(headers[..3], ["kind", "id", "quote"]);
    assert_eq!(rows.len(), 2);
}

#[test]
fn a_citation_names_the_memo_its_entry_comes_from() {
    // Piped without COLUMNS: the reference on one line.
    let cite = |id: &str| {
        let out = aimemo()
            .env_remove("COLUMNS")
            .args(["--facts", example(), "cite", id, "--lang", "fr"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let out = cite("example-robots");
    assert!(
        out.contains("— un ministère d’exemple, Notes d’exemple, «\u{a0}La robotique\u{a0}: un exemple\u{a0}»"),
        "{out}"
    );
    let out = cite("jobs-at-risk");
    assert!(out.contains(MEMO_REF_FR), "{out}");
}

#[test]
fn cite_by_words_says_which_entry_it_cited_and_a_wrong_id_suggests() {
    aimemo()
        .args(["cite", "emplois", "automatisation", "--lang", "fr"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("«\u{a0}27% des emplois"))
        .stderr("aimemo: cité : `jobs-at-risk`, la meilleure correspondance ; `aimemo citer jobs-at-risk` le cite directement\n");
    aimemo()
        .args(["cite", "jobs", "automation"])
        .assert()
        .code(0)
        .stderr("aimemo: cited `jobs-at-risk`, the best match; `aimemo cite jobs-at-risk` cites it directly\n");
    fails(
        &["cite", "jobs-at-rsk"],
        1,
        "no entry has the id `jobs-at-rsk`; did you mean `jobs-at-risk`?",
    );
    fails(&["cite", "zzzqqq"], 1, "nothing to cite matches `zzzqqq`");
    // Two mistyped ids are no search words.
    fails(
        &["cite", "jobs-at-rsk", "genai-market-2072"],
        1,
        "no entry has the id `jobs-at-rsk`; did you mean `jobs-at-risk`?",
    );
    // A mistyped id beside a good one is not dropped: nothing is cited.
    aimemo()
        .args(["cite", "jobs-at-risk", "genai-market-2072"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "aimemo: error: no entry has the id `genai-market-2072`; did you mean `genai-market-2027`",
        ));
}

// ───────────────────────── French first, plain text, narrow terminals ─────────────────────────

/// `aimemo ARGS` under a French locale: its exit code, stdout and stderr.
fn in_french(args: &[&str]) -> (i32, String, String) {
    let out = aimemo()
        .env("LANG", "fr_FR.UTF-8")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn french_commands_answer_in_french() {
    let (code, out, _) = in_french(&["sommet"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Le sommet de Paris sur l’IA\n"), "{out}");
    let (_, out, _) = in_french(&["acteur", "dnum"]);
    assert!(out.starts_with("DNUM — direction du numérique\n"), "{out}");
    let (_, out, _) = in_french(&["recherche", "eau"]);
    assert!(
        out.contains("Correspondance") && out.contains("email-water"),
        "{out}"
    );
    let (_, out, _) = in_french(&["chiffres", "marché"]);
    assert!(
        out.starts_with("Marché mondial de l’IA générative (market)"),
        "{out}"
    );
    let help = stdout(&["--help"]);
    for alias in [
        "investissements",
        "fiche",
        "note",
        "citer",
        "valider",
        "listes",
    ] {
        assert!(help.contains(alias), "{alias}:\n{help}");
    }
    assert!(stdout(&["completions", "bash"]).contains("sommet"));
}

#[test]
fn aimemo_s_messages_follow_the_language() {
    let (code, _, err) = in_french(&["acteur", "DNUN"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "aimemo: erreur : aucun acteur ne correspond à `DNUN` ; vouliez-vous dire `DNUM` ?\n\
         essayez `aimemo acteurs` pour la cartographie, ou `aimemo recherche MOTS`\n"
    );
    let (code, _, err) = in_french(&["chiffres", " "]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "aimemo: erreur : le thème est vide ; exemple : `aimemo chiffres marché`\n"
    );
    fails(
        &["actor", "DNUN", "--lang", "en"],
        1,
        "did you mean `DNUM`?",
    );
    let (_, help, _) = in_french(&["--help"]);
    assert!(
        help.contains("Exemples\u{a0}:\n  aimemo investissements"),
        "{help}"
    );
}

#[test]
fn plain_text_pastes_into_an_e_mail() {
    let (code, out, _) = in_french(&["note", "--format", "text"]);
    assert_eq!(code, 0);
    assert!(
        !out.contains(['│', '┌', '═', '╞', '\u{1b}']),
        "no box drawing, no color:\n{out}"
    );
    assert!(
        out.contains("pourrait atteindre 511,3 milliards de dollars d’ici 2027"),
        "{out}"
    );
    assert!(
        has_words(
            &out,
            "aurait contribué à 12 milliards de dollars de fraude en 2023"
        ),
        "{out}"
    );
    let mut lines = out.lines();
    let title = lines.next().unwrap();
    assert_eq!(
        lines.next().unwrap(),
        "=".repeat(unicode_width::UnicodeWidthStr::width(title)),
        "the title is underlined"
    );
    assert!(out
        .lines()
        .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100));
}

#[test]
fn narrow_terminals_cut_no_id_and_no_line_is_too_wide() {
    let kb = builtin();
    for cols in [60usize, 80] {
        for args in [
            &["figures"][..],
            &["investments"],
            &["sources"],
            &["actors"],
            &["summit"],
            &["search", "ia"],
        ] {
            let out = aimemo()
                .env("COLUMNS", cols.to_string())
                .args(args)
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            for line in text.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= cols,
                    "{args:?} at {cols}: {line:?}"
                );
            }
            if args == ["figures"] {
                for f in kb.figures.iter() {
                    assert!(
                        text.contains(&*f.id),
                        "{} whole at {cols} columns:\n{text}",
                        f.id
                    );
                }
                assert!(
                    !text
                        .lines()
                        .any(|l| l.contains('│') && l.contains("the memo (no source")),
                    "a column every row repeats is said once, under the table:\n{text}"
                );
            }
        }
    }
}

/// `aimemo ARGS` at `cols` columns (`COLUMNS`), in `--format` `format`: stdout, asserting
/// exit 0.
fn at_width(cols: usize, format: &str, args: &[&str]) -> String {
    let out = aimemo()
        .env("COLUMNS", cols.to_string())
        .args(["--format", format])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?} at {cols}");
    String::from_utf8(out.stdout).unwrap()
}

/// Every line of `text` fits `cols` columns, but for a word wider than the line,
/// which is kept whole on a line of its own (not indented, not cut).
fn assert_fits(text: &str, cols: usize, what: &str) {
    for line in text.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(
            w <= cols || !line.contains(' '),
            "{what} at {cols}: a line of {w} that is not one word: {line:?}\n{text}"
        );
    }
}

/// Whether `words`, split at spaces, follow each other whole in `text` (a word cut
/// by a line break would not be found).
fn has_words(text: &str, words: &str) -> bool {
    let all: Vec<&str> = text.split_whitespace().collect();
    let want: Vec<&str> = words.split_whitespace().collect();
    all.windows(want.len()).any(|w| w == want)
}

#[test]
fn fields_wrap_at_spaces_and_cut_no_word_on_narrow_terminals() {
    for format in ["table", "text"] {
        // At 40 columns the id does not fit beside the keys: the values go under them.
        let out = at_width(40, format, &["show", "investment-eu-gigafactories"]);
        assert_fits(&out, 40, "show");
        assert!(
            out.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40),
            "{out}"
        );
        assert!(
            out.lines()
                .any(|l| l.trim() == "investment-eu-gigafactories"),
            "the id whole:\n{out}"
        );
        assert!(
            has_words(&out, "European Commission: AI gigafactories"),
            "{out}"
        );
        // At 20, every list's id and title, and the actor's role, word for word.
        let out = at_width(20, format, &["lists"]);
        assert_fits(&out, 20, "lists");
        let lists = json(&["lists"]);
        for l in lists["lists"].as_array().unwrap() {
            let (id, title) = (l["id"].as_str().unwrap(), l["title"].as_str().unwrap());
            assert!(
                out.lines().any(|x| x.trim() == id),
                "{id} whole, on its line:\n{out}"
            );
            assert!(has_words(&out, title), "{title}:\n{out}");
        }
        let out = at_width(20, format, &["actor", "DNUM"]);
        assert_fits(&out, 20, "actor DNUM");
        assert!(
            out.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 20),
            "{out}"
        );
        let role = json(&["actor", "DNUM"])["actor"]["role"].clone();
        assert!(has_words(&out, role.as_str().unwrap()), "{out}");
    }
    // Where there is room, values stay beside their keys.
    let out = at_width(100, "table", &["show", "investment-eu-gigafactories"]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("Id ") && l.ends_with(" investment-eu-gigafactories")),
        "{out}"
    );
}

#[test]
fn the_overview_s_key_figures_fit_narrow_terminals() {
    let overview = json(&[]);
    let figures = overview["figures"].as_array().unwrap();
    assert!(figures.len() >= 2);
    for format in ["table", "text"] {
        for cols in [20, 40, 60] {
            let out = at_width(cols, format, &[]);
            assert!(
                out.lines()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l) <= cols),
                "every line fits {cols} columns ({format}):\n{out}"
            );
            for f in figures {
                let (stated, label) = (f["stated"].as_str().unwrap(), f["label"].as_str().unwrap());
                assert!(has_words(&out, stated), "{stated} at {cols}:\n{out}");
                assert!(has_words(&out, label), "{label} at {cols}:\n{out}");
                // The label goes under its amount, indented.
                let first = label.split_whitespace().next().unwrap();
                assert!(
                    out.lines().any(|l| l.starts_with(&format!("  {first}"))),
                    "{label} under its amount at {cols}:\n{out}"
                );
            }
        }
    }
    // With room, amounts and labels side by side, as before.
    let out = at_width(200, "table", &[]);
    let f = &figures[0];
    assert!(
        out.lines()
            .any(|l| l.starts_with(f["stated"].as_str().unwrap())
                && l.ends_with(f["label"].as_str().unwrap())),
        "{out}"
    );
}

#[test]
fn the_overview_s_amounts_are_sanitized() {
    let facts = r#"
[[sections]]
id = "s"
title = { fr = "S", en = "S" }
[[sources]]
id = "src"
name = { fr = "src", en = "src" }
[[topics]]
id = "tp"
name = { fr = "T", en = "T" }
[[figures]]
id = "f-esc"
topic_id = "tp"
value = 4
unit = "EUR"
magnitude = { fr = "4", en = "4\u001b]0;pwned\u0007" }
headline = true
label = { fr = "L", en = "label" }
text = { fr = "T", en = "T" }
source_id = "src"
section_id = "s"
"#;
    let (_dir, path) = temp_file("esc.toml", facts.as_bytes());
    for format in ["table", "text"] {
        let out = aimemo()
            .args(["--no-builtin", "--facts"])
            .arg(&path)
            .args(["--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("4\\e]0;pwned\\x07  label"), "{text}");
    }
}

#[test]
fn bar_charts_fit_narrow_terminals_and_keep_their_amounts_whole() {
    for lang in ["en", "fr"] {
        let market = json(&["--lang", lang, "figures", "market"]);
        let stated: Vec<String> = market["topics"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["figures"].as_array().unwrap().iter())
            .map(|f| f["stated"].as_str().unwrap().to_string())
            .collect();
        for cols in [20, 30, 40, 60, 100] {
            let out = at_width(cols, "table", &["--lang", lang, "figures", "market"]);
            let bars: Vec<&str> = out.lines().filter(|l| l.contains('█')).collect();
            assert_eq!(bars.len(), stated.len(), "{lang} at {cols}:\n{out}");
            assert!(
                out.lines()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l) <= cols),
                "{lang}: every line fits {cols} columns:\n{out}"
            );
            for s in &stated {
                // Never shortened: whole on one line when it fits, else wrapped at spaces.
                assert!(has_words(&out, s), "{s} at {cols}:\n{out}");
                if unicode_width::UnicodeWidthStr::width(s.as_str()) + 2 <= cols {
                    assert!(
                        out.lines().any(|l| l.contains(s.as_str())),
                        "{s} at {cols}:\n{out}"
                    );
                }
            }
        }
        // Where there is room, label, bar and amount share a line, as before.
        let out = at_width(100, "table", &["--lang", lang, "figures", "market"]);
        for s in &stated {
            assert!(
                out.lines()
                    .any(|l| l.contains('█') && l.ends_with(s.as_str())),
                "{s}:\n{out}"
            );
        }
        // The investments' chart: the bar lines fit (the pledges' ids above may not, at
        // 20 columns: they are kept whole).
        for cols in [20, 30, 40] {
            let out = at_width(cols, "table", &["--lang", lang, "investments"]);
            assert_fits(&out, cols, "investments");
            let bars = out.lines().filter(|l| l.contains(['█', '▏', '▎', '▊']));
            assert_eq!(bars.count(), 5, "{out}");
            assert!(
                has_words(
                    &out,
                    if lang == "en" {
                        "more than €109 billion"
                    } else {
                        "plus de 109 milliards d’euros"
                    }
                ),
                "{out}"
            );
        }
    }
}

#[test]
fn english_first_acronyms_and_actor_pages_link_their_lists() {
    let out = stdout(&["actor", "OECD", "--lang", "en"]);
    // Its name is its acronym: said once (audit #21, 8).
    assert!(out.starts_with("OECD (OCDE)\n\nCode"), "{out}");
    let out = stdout(&["actor", "OCDE", "--lang", "fr"]);
    assert!(out.starts_with("OCDE (OECD)\n\nSigle"), "{out}");
    let out = stdout(&["actor", "DNUM", "--lang", "en"]);
    assert!(out.starts_with("DNUM — Digital Directorate\n"), "{out}");
    let a = json(&["actor", "current-ai"]);
    let lists: Vec<&str> = a["actor"]["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    for id in ["current-ai-domains", "current-ai-named-governments"] {
        assert!(lists.contains(&id), "{id} in {lists:?}");
    }
    let map = stdout(&["actors"]);
    assert!(
        map.contains("├─ dps") && !map.contains('·'),
        "codeless actors show their id:\n{map}"
    );
}

#[test]
fn cosnia_shows_its_sentence_and_the_mefsin_paragraph_it_sits_in() {
    let out = stdout(&["actor", "COSNIA"]);
    assert!(out.contains("In the paragraph of  MEFSIN"), "{out}");
    assert!(
        out.contains("In the memo\n\n«\u{a0}La coordination nationale pour l’intelligence artificielle (COSNIA) articule et pilote la\nstratégie nationale pour l’IA.\u{a0}»"),
        "{out}"
    );
    assert!(
        out.contains("In the paragraph of MEFSIN\n\n«\u{a0}Le ministère de l’Économie"),
        "{out}"
    );
    let a = json(&["actor", "cosnia"]);
    assert_eq!(a["actor"]["appears_in"]["id"], "mefsin");
    assert_eq!(
        a["actor"]["parent"],
        Value::Null,
        "a paragraph, not a parent"
    );
}

#[test]
fn language_neutral_fields_are_the_same_in_both_languages() {
    let neutral = |lang: &str| -> Vec<Value> {
        json(&["figures", "--lang", lang])["topics"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["figures"].as_array().unwrap().clone())
            .map(|f| {
                serde_json::json!([
                    f["id"],
                    f["value"],
                    f["unit"],
                    f["qualifier_code"],
                    f["period_iso"],
                    f["source"]["id"],
                    f["source"]["date_iso"],
                    f["scope"],
                    f["headline"]
                ])
            })
            .collect()
    };
    let (en, fr) = (neutral("en"), neutral("fr"));
    assert_eq!(en, fr);
    let market = en.iter().find(|f| f[0] == "genai-market-2027").unwrap();
    assert_eq!(market[3], "could_reach");
    assert_eq!(market[4], "2027");
    let jobs = en.iter().find(|f| f[0] == "jobs-at-risk").unwrap();
    assert_eq!(jobs[6], "2023-07");
    assert_eq!(
        stdout(&["--lang", "fr", "--lang", "en", "summit"])
            .lines()
            .next(),
        Some("The Paris summit on AI")
    );
    let dgm: Vec<String> = stdout(&["actors", "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("one JSON object a line"))
        .filter(|a| a["parent"] == "dgm")
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dgm, ["msi", "dde", "dps", "ddc"]);
}

// ───────────────────────── HTML pages (parsed by html5ever, through scraper) ─────────────────────────

fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).expect("a valid selector")
}

/// The text of an element, its parts joined.
fn text_of(e: scraper::ElementRef) -> String {
    e.text().collect()
}

/// `aimemo ARGS --format html`: the page, and the page parsed.
fn html_page(args: &[&str]) -> (String, scraper::Html) {
    let mut all = args.to_vec();
    all.extend(["--format", "html"]);
    let page = stdout(&all);
    let doc = scraper::Html::parse_document(&page);
    (page, doc)
}

/// Attributes that make a browser fetch something, or run something.
const FETCHING: &[&str] = &[
    "src",
    "srcset",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "ping",
];

/// A page is well-formed HTML5 (html5ever reports no parse error), in `lang`, with
/// a title, and self-contained: no script, nothing that fetches (no `src`, `href`,
/// link, image or frame; CSS without `url(` or `@import`; SVG references only to
/// its own patterns), every table with a caption and header cells, and a footer.
fn assert_self_contained(what: &str, page: &str, doc: &scraper::Html, lang: &str) {
    assert!(
        doc.errors.is_empty(),
        "{what}: parse errors {:?}",
        doc.errors
    );
    assert!(page.starts_with("<!DOCTYPE html>\n"), "{what}");
    let root = doc.select(&sel("html")).next().expect("an html element");
    assert_eq!(root.value().attr("lang"), Some(lang), "{what}");
    let titles: Vec<String> = doc.select(&sel("head > title")).map(text_of).collect();
    assert!(
        titles.len() == 1 && !titles[0].trim().is_empty(),
        "{what}: {titles:?}"
    );
    assert_eq!(doc.select(&sel("meta[charset=utf-8]")).count(), 1, "{what}");
    for tag in [
        "script",
        "link",
        "img",
        "image",
        "iframe",
        "frame",
        "object",
        "embed",
        "base",
        "audio",
        "video",
        "source",
        "picture",
        "use",
        "foreignObject",
        "form",
        "input",
    ] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "{what}: a <{tag}>");
    }
    for e in doc.root_element().descendent_elements() {
        for (name, value) in e.value().attrs() {
            assert!(
                !FETCHING.contains(&name) || value.starts_with('#'),
                "{what}: <{} {name}=\"{value}\">",
                e.value().name()
            );
            assert!(
                !name.starts_with("on"),
                "{what}: an event handler <{} {name}>",
                e.value().name()
            );
            if value.contains("url(") {
                assert!(
                    value.starts_with("url(#"),
                    "{what}: {name}=\"{value}\" outside the page"
                );
            }
        }
    }
    let css: String = doc.select(&sel("style")).map(text_of).collect();
    for bad in ["url(", "@import", "@font-face"] {
        assert!(!css.contains(bad), "{what}: {bad} in the CSS");
    }
    assert!(!page.contains("://"), "{what}: an address in the page");
    for table in doc.select(&sel("table")) {
        let caption = table
            .select(&sel("caption"))
            .next()
            .map(text_of)
            .unwrap_or_default();
        assert!(
            !caption.trim().is_empty(),
            "{what}: a table without caption"
        );
        assert!(
            table.select(&sel("thead th")).count() > 0,
            "{what}: a table without header cells"
        );
    }
    assert_eq!(doc.select(&sel("body > footer")).count(), 1, "{what}");
}

#[test]
fn html_every_command_is_one_well_formed_self_contained_page() {
    // The parser does report what is not well-formed.
    for bad in [
        "<!DOCTYPE html><html><body><p>a</div></body></html>",
        "<!DOCTYPE html><html><body><p a=\"1\" a=\"2\">x</p></body></html>",
        "<html><body></body></html>",
    ] {
        assert!(
            !scraper::Html::parse_document(bad).errors.is_empty(),
            "{bad}"
        );
    }
    let commands: &[&[&str]] = &[
        &[],
        &["investments"],
        &["summit"],
        &["figures"],
        &["figures", "market"],
        &["actors"],
        &["actor", "DNUM"],
        &["lists"],
        &["list", "summit-verticals"],
        &["sources"],
        &["show", "jobs-at-risk"],
        &["show", "paris-summit"],
        &["show", "ocde"],
        &["search", "énergie"],
        &["brief"],
        &["cite", "jobs-at-risk"],
        &["validate"],
    ];
    for args in commands {
        for lang in ["en", "fr"] {
            let all = [args, &["--lang", lang][..]].concat();
            let (page, doc) = html_page(&all);
            assert_self_contained(&format!("aimemo {all:?}"), &page, &doc, lang);
            if args.first() != Some(&"validate") {
                let footer = text_of(doc.select(&sel("footer")).next().unwrap());
                let series = if lang == "fr" {
                    "Les mémos de la DGM"
                } else {
                    "The DGM memos"
                };
                assert!(footer.contains(series), "{all:?}: {footer}");
            }
        }
    }
}

/// The stated amounts of the figures `aimemo brief --json` charts, chart by chart.
fn charted(lang: &str) -> Vec<Vec<String>> {
    let v = json(&["brief", "--lang", lang]);
    v["charts"]
        .as_array()
        .expect("charts")
        .iter()
        .map(|c| {
            c["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["stated"].as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// The amounts a chart writes (its bold texts), in order.
fn amounts_of(svg: scraper::ElementRef) -> Vec<String> {
    svg.select(&sel("text[font-weight=bold], tspan[font-weight=bold]"))
        .map(text_of)
        .collect()
}

#[test]
fn html_brief_holds_the_sheet_its_hedged_figures_and_two_charts() {
    for (lang, words, hedged, sources) in [
        (
            "fr",
            "inclusive, durable, de confiance",
            &[
                "plus de 109 milliards d’euros",
                "pourrait atteindre 511,3 milliards de dollars d’ici 2027",
                "aurait contribué à 12 milliards de dollars de fraude en 2023",
            ],
            &["cabinet Deloitte", "BPI France", "OCDE (juillet 2023)"],
        ),
        (
            "en",
            "inclusive, sustainable, trustworthy",
            &[
                "more than €109 billion",
                "could reach $511.3 billion by 2027",
                "reportedly contributed to $12 billion of fraud in 2023",
            ],
            &["Deloitte", "BPI France", "OECD (July 2023)"],
        ),
    ] {
        let (page, doc) = html_page(&["brief", "--lang", lang]);
        assert_self_contained(&format!("brief {lang}"), &page, &doc, lang);
        let body = text_of(doc.select(&sel("main")).next().unwrap()).replace('\u{a0}', " ");
        assert!(body.contains(words), "{lang}: the position in 3 words");
        assert!(
            body.contains("2025") && body.contains("Paris"),
            "the summit"
        );
        let cells: Vec<String> = doc.select(&sel("td")).map(text_of).collect();
        for h in hedged {
            assert!(cells.iter().any(|c| c == h), "{lang}: {h} in {cells:?}");
        }
        for s in sources {
            assert!(cells.iter().any(|c| c == s), "{lang}: {s} as a source");
        }
        let footer = text_of(doc.select(&sel("footer")).next().unwrap());
        for s in sources {
            assert!(footer.contains(s), "{lang}: {s} in the footer: {footer}");
        }
        // Printed on A4, nothing split across pages.
        let css: String = doc.select(&sel("style")).map(text_of).collect();
        assert!(css.contains("@page{size:A4;margin:"), "{css}");
        assert!(css.contains("break-inside:avoid"), "{css}");
        // Two charts, one SVG each, each with its text alternative; every bar
        // labelled with the amount as the memo states it, and nothing else (no total).
        let figures: Vec<_> = doc.select(&sel("figure")).collect();
        assert_eq!(figures.len(), 2, "{lang}");
        assert_eq!(doc.select(&sel("svg")).count(), 2, "{lang}");
        for (fig, stated) in figures.iter().zip(charted(lang)) {
            let svgs: Vec<_> = fig.select(&sel("svg")).collect();
            assert_eq!(svgs.len(), 1, "one SVG a chart");
            let svg = svgs[0];
            assert_eq!(svg.value().attr("role"), Some("img"));
            let title = text_of(svg.select(&sel("title")).next().expect("a <title>"));
            let desc = text_of(svg.select(&sel("desc")).next().expect("a <desc>"));
            assert!(!title.is_empty() && !desc.is_empty());
            let ids = svg.value().attr("aria-labelledby").unwrap();
            for id in ids.split(' ') {
                assert_eq!(doc.select(&sel(&format!("#{id}"))).count(), 1, "{id}");
            }
            assert_eq!(amounts_of(svg), stated, "{lang}: {title}");
            for s in stated.iter() {
                assert!(desc.contains(s.as_str()), "{lang}: {s} in the <desc>");
            }
            assert_eq!(svg.select(&sel("rect.bar")).count(), stated.len());
        }
    }
}

#[test]
fn html_charts_tell_the_france_headline_from_the_european_amounts() {
    let (page, doc) = html_page(&["investments"]);
    assert_self_contained("investments", &page, &doc, "en");
    assert_eq!(doc.select(&sel("svg")).count(), 1);
    let svg = doc.select(&sel("svg")).next().unwrap();
    let fills: Vec<&str> = svg
        .select(&sel("rect.bar"))
        .map(|r| r.value().attr("fill").unwrap())
        .collect();
    // In the memo's order: the France headline, then the four pledges it lists under
    // it: MGX, Amazon and the Commission's €20 billion hatched alike, the €200 billion
    // the memo states for Europe apart.
    assert_eq!(fills.len(), 5, "{fills:?}");
    assert!(
        fills[1].starts_with("url(#") && fills[1] == fills[2] && fills[2] == fills[3],
        "{fills:?}"
    );
    assert!(fills[0] != fills[1] && fills[0] != fills[4] && fills[1] != fills[4]);
    let svg_text = text_of(svg);
    for legend in [
        "Headline (France)",
        "Listed under the headline",
        "Listed under the headline (Europe)",
    ] {
        assert!(svg_text.contains(legend), "{legend}");
    }
    assert!(!svg_text.contains("Outside the headline"), "{svg_text}");
    assert_eq!(
        amounts_of(svg),
        [
            "more than €109 billion",
            "€50 billion",
            "€6 billion",
            "€20 billion",
            "€200 billion"
        ]
    );
    let note = text_of(doc.select(&sel("figure .note")).next().unwrap());
    assert!(
        note.contains("without saying whether they make it up"),
        "{note}"
    );

    let (page, doc) = html_page(&["figures", "market", "--lang", "fr"]);
    assert_self_contained("figures market", &page, &doc, "fr");
    let svgs: Vec<_> = doc.select(&sel("svg")).collect();
    assert_eq!(svgs.len(), 1);
    assert_eq!(
        amounts_of(svgs[0]),
        [
            "estimé à 241 milliards de dollars",
            "pourrait atteindre 511,3 milliards de dollars"
        ]
    );
    let labels = text_of(svgs[0]);
    assert!(
        labels.contains("2023") && labels.contains("d’ici 2027"),
        "{labels}"
    );
}

#[test]
fn html_charts_are_for_paper_the_screen_brief_stays_one_screen() {
    let md = stdout(&["brief", "--format", "markdown"]);
    assert!(!md.contains("€200 billion"), "no chart in Markdown:\n{md}");
    let table = stdout(&["brief"]);
    assert!(!table.contains('█'), "no bars on the one screen:\n{table}");
    assert!(
        stdout(&["investments"]).contains('█'),
        "investments keeps its bars"
    );
}

/// A knowledge base whose texts are markup, quotes and ampersands.
const HOSTILE: &str = r#"
[memo]
title = { fr = '<script>alert("t")</script> & "q"', en = '<script>alert("t")</script> & "q"' }
series = { fr = "</title><script>alert(1)</script>", en = "</title><script>alert(1)</script>" }
publisher = { fr = "p", en = "p" }

[[sections]]
id = "s"
title = { fr = "<b>s</b>", en = "<b>s</b>" }

[[sources]]
id = "src"
name = { fr = "<img src=x onerror=alert(1)>", en = "<img src=x onerror=alert(1)>" }

[[topics]]
id = "market"
name = { fr = "</svg><script>alert(2)</script>", en = "</svg><script>alert(2)</script>" }

[[figures]]
id = "evil-a"
topic_id = "market"
value = 10
unit = "USD"
magnitude = { fr = "10 <i>$</i>", en = "10 <i>$</i>" }
label = { fr = '<script>alert("x")</script> & "q"', en = '<script>alert("x")</script> & "q"' }
text = { fr = "a' onmouseover='alert(3)", en = "a' onmouseover='alert(3)" }
source_id = "src"
section_id = "s"
headline = true

[[figures]]
id = "evil-b"
topic_id = "market"
value = 20
unit = "USD"
magnitude = { fr = "20 &amp; 30", en = "20 &amp; 30" }
label = { fr = "\" onload=\"alert(4)", en = "\" onload=\"alert(4)" }
text = { fr = "b\u001b[2J", en = "b\u001b[2J" }
source_id = "src"
section_id = "s"
"#;

#[test]
fn html_shows_hostile_text_from_a_facts_file_as_text() {
    let (_dir, path) = temp_file("hostile.toml", HOSTILE.as_bytes());
    let label = r#"<script>alert("x")</script> & "q""#;
    for args in [
        &["figures"][..],
        &["brief"],
        &["show", "evil-a"],
        &["show", "evil-b"],
        &["sources"],
        &["search", "alert"],
    ] {
        let out = aimemo()
            .args(["--no-builtin", "--facts"])
            .arg(&path)
            .args(args)
            .args(["--format", "html"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        let page = String::from_utf8(out.stdout).unwrap();
        let doc = scraper::Html::parse_document(&page);
        assert!(doc.errors.is_empty(), "{args:?}: {:?}", doc.errors);
        for tag in ["script", "img", "b", "i"] {
            assert_eq!(
                doc.select(&sel(tag)).count(),
                0,
                "{args:?}: a <{tag}>\n{page}"
            );
        }
        for e in doc.root_element().descendent_elements() {
            for (name, _) in e.value().attrs() {
                assert!(
                    !name.starts_with("on") && name != "src",
                    "{args:?}: <{} {name}>",
                    e.value().name()
                );
            }
        }
        let text = text_of(doc.root_element());
        assert!(!text.contains('\u{1b}'), "{args:?}: a control character");
        if args[0] != "sources" && args[0] != "search" && args != ["show", "evil-b"] {
            assert!(
                text.contains(label),
                "{args:?}: the label as written\n{page}"
            );
        }
        assert!(!page.contains("<script"), "{args:?}");
    }
    // In a chart too: the labels and amounts are SVG text, as written.
    let out = aimemo()
        .args(["--no-builtin", "--facts"])
        .arg(&path)
        .args(["figures", "--format", "html"])
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let svgs: Vec<_> = doc.select(&sel("svg")).collect();
    assert_eq!(svgs.len(), 1, "{page}");
    let svg = text_of(svgs[0]);
    assert!(svg.contains(label), "{svg}");
    assert!(
        svg.contains("20 &amp; 30") && svg.contains("10 <i>$</i>"),
        "{svg}"
    );
    let title = text_of(doc.select(&sel("head > title")).next().unwrap());
    assert!(title.contains("</svg><script>alert(2)</script>"), "{title}");
}

// ───────────────────────── fidelity to the memo (audit, issue 21) ─────────────────────────

/// One actor's page, as `aimemo actor ID --json` gives it.
fn actor_page(id: &str) -> Actor {
    let a: OneActor = serde_json::from_value(json(&["actor", id])).expect("the documented shape");
    a.actor
}

/// `aimemo show ID --json`: the entry, whatever its kind.
fn shown(id: &str) -> Value {
    json(&["show", id])["entry"].clone()
}

#[test]
fn the_headline_total_is_no_pledger_s_own_figure() {
    // The memo names no actor in "Plus de 109 milliards d'euros d'investissements … en
    // France :"; it lists the pledges under it without saying they are part of it.
    let total: Figure = serde_json::from_value(shown("investments-france-total")).unwrap();
    assert!(total.actors.is_empty(), "{:?}", total.actors);
    for (actor, pledges) in [
        (
            "european-commission",
            &["investment-eu-gigafactories", "investment-eu-invest-ai"][..],
        ),
        ("amazon", &["investment-amazon"][..]),
        ("mgx", &["investment-mgx", "investment-mgx-capacity"][..]),
    ] {
        let page = actor_page(actor);
        let figures: Vec<&str> = page.figures.iter().map(|f| f.id.as_str()).collect();
        assert!(
            !figures.contains(&"investments-france-total"),
            "{actor}: {figures:?}"
        );
        for p in pledges {
            assert!(
                figures.contains(p),
                "{actor} keeps its pledge {p}: {figures:?}"
            );
        }
        let out = stdout(&["actor", actor]);
        assert!(!out.contains("investments-france-total"), "{actor}:\n{out}");
    }
    // The pledges keep their place under the headline.
    for p in [
        "investment-mgx",
        "investment-amazon",
        "investment-eu-gigafactories",
        "investment-eu-invest-ai",
    ] {
        let f: Figure = serde_json::from_value(shown(p)).unwrap();
        assert_eq!(f.under.as_deref(), Some("investments-france-total"), "{p}");
    }
}

#[test]
fn the_boxes_beside_the_sustainable_ai_axis_are_the_section_s_facts_not_its_deliverables() {
    // The ChatGPT, e-mail and Green Algorithms boxes stand beside the axis's text in the
    // memo: they are facts of its section, not what the axis produced.
    let boxes = ["chatgpt-energy", "email-water", "green-algorithms"];
    for lang in ["en", "fr"] {
        let l: OneList =
            serde_json::from_value(json(&["list", "paris-actions-axes", "--lang", lang])).unwrap();
        let axis = &l.list.items[1];
        for b in boxes {
            assert!(!axis.refs.iter().any(|r| r == b), "{b} in {:?}", axis.refs);
        }
        let detail = axis.detail.as_deref().unwrap_or_default();
        assert!(!detail.contains("Green Algorithms"), "{detail}");
        assert!(detail.contains("140"), "the Coalition stays: {detail}");
    }
    let section: Vec<String> = shown("axis-2")["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    for b in boxes {
        assert!(section.contains(&b.to_string()), "{b} in {section:?}");
    }
    let page = actor_page("green-algorithms");
    assert!(
        page.lists.iter().all(|l| l.id != "paris-actions-axes"),
        "{:?}",
        page.lists
    );
}

#[test]
fn groups_the_memo_s_map_does_not_have_say_they_are_aimemo_s() {
    // The memo's "Cartographie des acteurs" has three groups; every other group is
    // aimemo's own, and says so in both languages.
    let map_groups = [
        ("at-dgm", "At the DGM", "À la DGM"),
        ("at-meae", "Within the MEAE", "Au sein du MEAE"),
        (
            "interministerial",
            "Interministerial",
            "En interministériel",
        ),
    ];
    for (lang, mark) in [
        ("en", "(aimemo’s grouping)"),
        ("fr", "(regroupement d’aimemo)"),
    ] {
        let map = json(&["actors", "--lang", lang]);
        let groups = map["groups"].as_array().expect("groups");
        assert!(groups.len() > map_groups.len());
        for g in groups {
            let (id, name) = (g["id"].as_str().unwrap(), g["name"].as_str().unwrap());
            match map_groups.iter().find(|m| m.0 == id) {
                Some((_, en, fr)) => assert_eq!(name, if lang == "en" { *en } else { *fr }),
                None => assert!(name.contains(mark), "{id}: {name}"),
            }
        }
        let out = stdout(&["actors", "--lang", lang]);
        assert!(out.contains(mark), "{out}");
    }
    // The memo does not call MGX, Amazon or Google companies; nor does aimemo.
    for id in ["mgx", "amazon", "google"] {
        let group = actor_page(id).group;
        assert!(
            !group.name.to_lowercase().contains("compan"),
            "{id}: {}",
            group.name
        );
        let fr: OneActor = serde_json::from_value(json(&["actor", id, "--lang", "fr"])).unwrap();
        assert!(
            !fr.actor.group.name.contains("ntreprise"),
            "{id}: {}",
            fr.actor.group.name
        );
    }
    assert_eq!(
        actor_page("mgx").group.name,
        "Named with the investment pledges (aimemo’s grouping)"
    );
}

#[test]
fn google_the_network_abroad_and_the_paris_actions_as_the_memo_has_them() {
    // "Une seule requête sur ChatGPT consomme autant de ressources que dix requêtes sur
    // Google": Google is only compared with, not an actor of the figure.
    let chatgpt: Figure = serde_json::from_value(shown("chatgpt-energy")).unwrap();
    assert!(chatgpt.actors.is_empty(), "{:?}", chatgpt.actors);
    assert!(actor_page("google").figures.is_empty());
    // "les près de 450 agents de la DGM, et les plus de 5 300 au sein du réseau à
    // l'étranger": the 5,300 are not called DGM staff.
    for lang in ["en", "fr"] {
        let network: Figure = serde_json::from_value(
            json(&["show", "dgm-network-staff", "--lang", lang])["entry"].clone(),
        )
        .unwrap();
        assert!(network.actors.is_empty(), "{:?}", network.actors);
        assert!(!network.topic.id.contains("dgm"), "{}", network.topic.id);
        let (dgm, abroad) = if lang == "en" {
            ("DGM staff", "network abroad")
        } else {
            ("agents de la DGM", "réseau à l’étranger")
        };
        assert!(
            network.topic.name.contains(abroad) && network.topic.name != dgm,
            "{}",
            network.topic.name
        );
    }
    let staff = json(&["figures", "staff"]).to_string();
    assert!(
        staff.contains("dgm-staff") && staff.contains("dgm-network-staff"),
        "{staff}"
    );
    // « les actions de Paris pour l'IA » is a phrase of the memo's summit text, not a heading.
    fails(&["show", "paris-actions"], 1, "paris-actions-axes");
    let axes: OneList = serde_json::from_value(json(&["list", "paris-actions-axes"])).unwrap();
    assert_eq!(axes.list.section.id, "summit");
    for axis in ["axis-1", "axis-2", "axis-3"] {
        assert_eq!(shown(axis)["parent"]["id"], "summit", "{axis}");
    }
}

#[test]
fn english_renders_calculateurs_operateurs_articule_and_the_champions_faithfully() {
    let item = |list: &str, n: usize| -> String {
        let l: OneList = serde_json::from_value(json(&["list", list])).unwrap();
        l.list.items[n].text.clone()
    };
    // "calculateurs et centres de données": supercomputers, not "computers".
    assert_eq!(
        item("value-chain-bricks", 1),
        "supercomputers and data centres"
    );
    // "opérateurs de l'État": public agencies.
    assert_eq!(item("ecosystem-actors", 5), "public agencies");
    assert!(item("economic-diplomacy-priorities", 0).ends_with("public agencies)"));
    // "articule et pilote la stratégie nationale pour l'IA".
    assert_eq!(
        actor_page("cosnia").role.as_deref(),
        Some("Coordinates and steers the national AI strategy.")
    );
    // "dans le cadre des champions de l'IA" names something, not champions at large.
    let invest: Figure = serde_json::from_value(shown("investment-eu-invest-ai")).unwrap();
    assert!(
        invest
            .text
            .ends_with("within the framework of the “AI Champions”."),
        "{}",
        invest.text
    );
    let out = stdout(&["investments"]);
    assert!(
        has_words(&out, "within the framework of the “AI Champions”."),
        "{out}"
    );
    assert!(!has_words(&out, "the AI champions"), "{out}");
}

#[test]
fn the_economic_diplomacy_definition_and_france_s_wider_scope_have_english() {
    // Each statement the memo's French quote holds has its English rendering.
    let english = |id: &str| -> (String, String) {
        let c = &json(&["cite", id])["citations"][0];
        (
            c["english"].as_str().unwrap_or_default().to_string(),
            c["quote"].as_str().unwrap_or_default().to_string(),
        )
    };
    let (en, quote) = english("economic-diplomacy");
    assert!(
        quote.starts_with("La diplomatie économique de l’IA, c’est l’accompagnement"),
        "{quote}"
    );
    assert_eq!(
        en,
        "The economic diplomacy of AI means supporting French companies internationally in order \
         to: promote French excellence; be able to compete with the world champions of this \
         sector, which is crucial to our competitiveness"
    );
    // The priorities' quote is the priorities, which their English renders.
    let (en, quote) = english("economic-diplomacy-priorities");
    assert!(quote.starts_with("Il s’agit en priorité de"), "{quote}");
    assert!(
        en.starts_with("The priorities of the economic diplomacy of AI:"),
        "{en}"
    );
    let (en, quote) = english("paris-actions-axes");
    assert!(
        quote.starts_with("La France a cherché à élargir le périmètre de l’IA au-delà des risques"),
        "{quote}"
    );
    assert!(
        en.starts_with(
            "France sought to broaden the scope of AI beyond risks, and produced several \
             deliverables, grouped in the “Paris actions for AI”, around three axes: Giving \
             everyone"
        ),
        "{en}"
    );
    let out = stdout(&["list", "economic-diplomacy", "--lang", "fr"]);
    assert!(out.contains("promouvoir l’excellence française"), "{out}");
}

#[test]
fn diploia_and_the_ai_champions_have_entries_of_their_own() {
    // DiploIA: the DNUM's tool, found by id and by name, in the DNUM's paragraph.
    let v = json(&["show", "diploia"]);
    assert_eq!(v["kind"], "actor");
    let d: Actor = serde_json::from_value(v["entry"].clone()).unwrap();
    assert_eq!(d.name, "DiploIA");
    assert_eq!(d.appears_in.as_ref().map(|a| a.id.as_str()), Some("dnum"));
    let quote = d.quote.expect("a quote");
    assert!(
        quote.contains("à l’image de DiploIA, service de transcription et de traduction souverain et sécurisé développé en interne, au service de la diplomatie."),
        "{quote}"
    );
    assert_eq!(actor_page("DiploIA").id, "diploia");
    assert!(stdout(&["cite", "diploia"]).contains("«\u{a0}Elle élabore des outils"));
    // The champions de l'IA: the framework of the private funding of the €200 billion line.
    let v = json(&["show", "ai-champions"]);
    assert_eq!(v["kind"], "actor");
    let c: Actor = serde_json::from_value(v["entry"].clone()).unwrap();
    assert_eq!(c.name, "AI Champions");
    let quote = c.quote.expect("a quote");
    assert!(
        quote.ends_with("et des financements privés annoncés dans le cadre des champions de l’IA."),
        "{quote}"
    );
    let figures: Vec<&str> = c.figures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(figures, ["investment-eu-invest-ai"]);
    let fr: OneActor =
        serde_json::from_value(json(&["actor", "ai-champions", "--lang", "fr"])).unwrap();
    assert_eq!(fr.actor.name, "champions de l’IA");
}

// ───────────────────────── say it as the memo says it (issue 21) ─────────────────────────

/// Every figure's amount as the memo states it, French and English: (id, fr, en).
/// Each line was read against the memo. "plus de 5 300 agents" names the noun the memo
/// leaves understood ("les près de 450 agents de la DGM, et les plus de 5 300 au sein
/// du réseau à l'étranger").
const STATED: &[(&str, &str, &str)] = &[
    ("dgm-staff", "près de 450 agents", "nearly 450 staff"),
    (
        "dgm-network-staff",
        "plus de 5 300 agents",
        "more than 5,300 staff",
    ),
    (
        "genai-fraud-2023",
        "aurait contribué à 12 milliards de dollars de fraude",
        "reportedly contributed to $12 billion of fraud",
    ),
    (
        "deepfake-hong-kong",
        "26 millions de dollars",
        "$26 million",
    ),
    ("summit-citizens", "11 000 citoyens", "11,000 citizens"),
    (
        "summit-contributors",
        "plus de 800 chercheurs, entrepreneurs et créateurs",
        "more than 800 researchers, entrepreneurs and creators",
    ),
    (
        "summit-worldwide-events",
        "près de 100 événements",
        "nearly 100 events",
    ),
    (
        "summit-heads-of-state",
        "28 chefs d’État et de gouvernement",
        "28 heads of state and government",
    ),
    (
        "summit-business-leaders",
        "468 dirigeantes et dirigeants",
        "468 business leaders",
    ),
    (
        "summit-civil-society",
        "500 représentants",
        "500 representatives",
    ),
    (
        "summit-deliverables",
        "une 60aine de livrables",
        "some 60 deliverables",
    ),
    (
        "summit-side-events",
        "une 100aine d’événements parallèles",
        "some 100 side events",
    ),
    (
        "business-day-actors",
        "4 200 acteurs mondiaux du domaine de l’IA",
        "4,200 global players in the field of AI",
    ),
    (
        "business-day-governments",
        "une 20aine de représentants de gouvernements",
        "some 20 government representatives",
    ),
    (
        "investments-france-total",
        "plus de 109 milliards d’euros",
        "more than €109 billion",
    ),
    ("investment-mgx", "50 milliards d’euros", "€50 billion"),
    (
        "investment-mgx-capacity",
        "pouvant aller jusqu’à un gigawatt",
        "up to one gigawatt",
    ),
    ("investment-amazon", "6 milliards d’euros", "€6 billion"),
    (
        "investment-eu-gigafactories",
        "20 milliards d’euros",
        "€20 billion",
    ),
    (
        "investment-eu-invest-ai",
        "200 milliards d’euros",
        "€200 billion",
    ),
    (
        "current-ai-initial-investment",
        "400 millions d’euros",
        "€400 million",
    ),
    (
        "current-ai-governments",
        "dix gouvernements",
        "ten governments",
    ),
    (
        "coalition-partners",
        "près de 140 partenaires",
        "nearly 140 partners",
    ),
    (
        "coalition-companies",
        "37 grandes entreprises",
        "37 large companies",
    ),
    ("coalition-countries", "14 pays", "14 countries"),
    (
        "chatgpt-energy",
        "autant de ressources que dix requêtes sur Google",
        "as many resources as ten Google searches",
    ),
    (
        "email-water",
        "une bouteille d’eau de 50 cl",
        "a 50 cl bottle of water",
    ),
    ("gpai-members", "44 pays membres", "44 member countries"),
    ("gpai-candidates", "sept États", "seven states"),
    (
        "genai-market-2023",
        "estimé à 241 milliards de dollars",
        "estimated at $241 billion",
    ),
    (
        "genai-market-2027",
        "pourrait atteindre 511,3 milliards de dollars",
        "could reach $511.3 billion",
    ),
    ("jobs-at-risk", "27% des emplois", "27% of jobs"),
    (
        "declaration-endorsers",
        "64 pays et organisations internationales",
        "64 countries and international organisations",
    ),
];

#[test]
fn every_figure_is_stated_as_the_memo_states_it() {
    for (lang, pick) in [("fr", 1), ("en", 2)] {
        let f: Figures =
            serde_json::from_value(json(&["figures", "--lang", lang])).expect("the shape");
        let stated: Vec<(String, String)> = f
            .topics
            .iter()
            .flat_map(|t| &t.figures)
            .map(|f| (f.id.clone(), f.stated.clone()))
            .collect();
        let want: Vec<(String, String)> = STATED
            .iter()
            .map(|s| {
                (
                    s.0.to_string(),
                    if pick == 1 { s.1 } else { s.2 }.to_string(),
                )
            })
            .collect();
        assert_eq!(stated, want, "{lang}: every figure, in order");
    }
}

#[test]
fn the_amount_and_its_hedge_are_one_phrase_wherever_a_figure_is_shown() {
    // A table of figures: the amount with its hedge in one cell, no column of hedges.
    let out = stdout(&["chiffres", "summit-numbers", "--lang", "fr"]);
    assert!(out.contains("┆ une 60aine de livrables "), "{out}");
    assert!(
        !out.contains("Précision") && !out.contains("soixantaine"),
        "{out}"
    );
    let out = stdout(&["figures", "summit-numbers"]);
    assert!(out.contains("┆ some 60 deliverables "), "{out}");
    assert!(!out.contains("Qualifier"), "{out}");
    // A figure's page: its amount as one phrase, its value in the language's words.
    let out = stdout(&["show", "investments-france-total"]);
    assert!(
        out.contains("\nAmount        more than €109 billion\nValue         109,000,000,000 EUR\n"),
        "{out}"
    );
    assert!(!out.contains("Qualifier"), "{out}");
    let out = stdout(&["show", "summit-deliverables"]);
    assert!(
        out.contains("\nAmount        some 60 deliverables\n"),
        "{out}"
    );
    // The sheet: the memo's phrase, then its date; English says "reportedly" once.
    let out = stdout(&["brief", "--lang", "fr", "--format", "text"]);
    assert!(
        has_words(
            &out,
            "aurait contribué à 12 milliards de dollars de fraude en 2023"
        ),
        "{out}"
    );
    let out = stdout(&["brief", "--format", "text"]);
    assert!(
        has_words(
            &out,
            "reportedly contributed to $12 billion of fraud in 2023"
        ),
        "{out}"
    );
    assert_eq!(out.matches("reportedly").count(), 1, "{out}");
    // Markdown and HTML show the same phrase; CSV gives it as `stated`, beside the
    // raw value, unit and qualifier code.
    let md = stdout(&["show", "summit-deliverables", "--format", "markdown"]);
    assert!(md.contains("- **Amount**: some 60 deliverables\n"), "{md}");
    let (_, doc) = html_page(&["figures", "summit-numbers", "--lang", "fr"]);
    let cells: Vec<String> = doc.select(&sel("td")).map(text_of).collect();
    assert!(
        cells.iter().any(|c| c == "une 60aine de livrables"),
        "{cells:?}"
    );
    let (headers, rows) = csv_of(&["show", "genai-fraud-2023", "--lang", "fr"]);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(
        &rows[0][col("stated")],
        "aurait contribué à 12 milliards de dollars de fraude"
    );
    assert_eq!(&rows[0][col("value")], "12000000000");
    assert_eq!(&rows[0][col("unit")], "USD");
    assert_eq!(&rows[0][col("qualifier_code")], "reported");
}

/// The places a line may not break in French: before `: ; ! ?` and `»`, after `«`.
fn assert_french_breaks(out: &str, what: &str) {
    for line in out.lines() {
        for part in line.split(['│', '┆']) {
            let part = part.trim_matches(' ');
            assert!(
                !part.starts_with([':', ';', '!', '?', '»']) && !part.ends_with('«'),
                "{what}: a line breaks at {part:?}:\n{out}"
            );
        }
    }
}

#[test]
fn french_is_set_with_no_break_spaces() {
    // Thousands take a narrow no-break space in every human format; CSV and JSON keep
    // the knowledge base's text.
    for format in ["table", "text", "markdown", "html"] {
        for args in [
            &["show", "dgm-network-staff"][..],
            &["sommet"],
            &["chiffres"],
            &["acteurs"],
        ] {
            let mut all = args.to_vec();
            all.extend(["--lang", "fr", "--format", format]);
            let out = stdout(&all);
            for number in ["5 300", "11 000", "4 200", "5\u{a0}300", "5\u{2009}300"] {
                assert!(!out.contains(number), "{all:?}: {number:?}");
            }
            assert!(
                out.contains("5\u{202f}300") || out.contains("11\u{202f}000"),
                "{all:?}"
            );
        }
    }
    let out = stdout(&["show", "dgm-network-staff", "--lang", "fr"]);
    assert!(
        out.contains("\nValeur          5\u{202f}300 personnes\n"),
        "{out}"
    );
    let (headers, rows) = csv_of(&["show", "dgm-network-staff", "--lang", "fr"]);
    let stated = headers.iter().position(|h| h == "stated").unwrap();
    assert_eq!(&rows[0][stated], "plus de 5 300 agents");
    // No line starts with a colon, a semicolon or a closing guillemet, none ends with
    // an opening one, whatever the width.
    for cols in [40, 47, 54, 60, 67, 74, 81, 88, 95, 100] {
        for args in [
            &["acteurs"][..],
            &["citer", "investment-eu-invest-ai"],
            &["fiche", "dgm"],
            &["note"],
        ] {
            for format in ["table", "text"] {
                let mut all = args.to_vec();
                all.push("--lang=fr");
                let out = at_width(cols, format, &all);
                assert_french_breaks(&out, &format!("{all:?} at {cols}"));
            }
        }
    }
    let out = at_width(60, "table", &["acteurs", "--lang", "fr"]);
    assert!(out.contains("DGM\u{a0}»\u{202f}; ses"), "{out}");
    let out = stdout(&["citer", "investment-eu-invest-ai", "--lang", "fr"]);
    assert!(out.contains("champions de\n  l’IA.\u{a0}»\n"), "{out}");
    // Markdown's own colons are French too.
    let md = stdout(&[
        "show",
        "jobs-at-risk",
        "--lang",
        "fr",
        "--format",
        "markdown",
    ]);
    assert!(
        md.contains("- **Montant**\u{a0}: 27% des emplois\n"),
        "{md}"
    );
}

#[test]
fn english_citations_nest_single_quotes_in_double() {
    let out = stdout(&["cite", "summit-deliverables"]);
    assert!(
        out.starts_with(
            "  “Some 60 deliverables grouped in the ‘Paris actions for AI’.” (translation)\n"
        ),
        "{out}"
    );
    let c = json(&["cite", "summit-deliverables"]);
    let text = c["citations"][0]["text"].as_str().unwrap();
    assert!(!text.contains("the “Paris"), "{text}");
    // The rendering itself keeps its marks: only the quotation around it nests them.
    assert_eq!(
        c["citations"][0]["english"],
        "Some 60 deliverables grouped in the “Paris actions for AI”."
    );
}

#[test]
fn audit_finding_8_citations_actor_pages_french_words_and_headings_alone() {
    // A citation of the memo's first pages names the series and the title once.
    let out = aimemo()
        .env_remove("COLUMNS")
        .args(["cite", "dgm-staff"])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.ends_with(
            "\n— Ministry for Europe and Foreign Affairs, The DGM memos, “Artificial intelligence: where do we stand?”.\n"
        ),
        "{out}"
    );
    assert_eq!(out.matches("The DGM memos").count(), 1, "{out}");
    let fr = json(&["cite", "genai-fraud-2023", "--lang", "fr"]);
    let text = fr["citations"][0]["text"].as_str().unwrap();
    assert_eq!(text.matches("où en sommes-nous").count(), 1, "{text}");
    // An actor's role is the memo's words in other words: a paraphrase; a role that
    // renders the memo's sentence, a translation.
    let dgm = stdout(&["cite", "dgm"]);
    assert!(dgm.contains("” (paraphrase)\n"), "{dgm}");
    assert!(
        dgm.contains("\n  In the memo: «\u{a0}Tous les mois"),
        "{dgm}"
    );
    assert!(!dgm.contains("(translation)"), "{dgm}");
    let msi = stdout(&["cite", "msi"]);
    assert!(msi.contains("” (translation)\n\n  Original: «"), "{msi}");
    let rendering = |id: &str| json(&["cite", id])["citations"][0]["rendering"].clone();
    assert_eq!(rendering("dgm"), "paraphrase");
    assert_eq!(rendering("station-f"), "paraphrase");
    assert_eq!(rendering("msi"), "translation");
    assert_eq!(rendering("jobs-at-risk"), "translation");
    assert_eq!(rendering("business-day"), "paraphrase");
    // An actor named by its acronym is headed by it once.
    let out = stdout(&["actor", "OCDE"]);
    assert!(out.starts_with("OECD (OCDE)\n\n"), "{out}");
    // French pages name what a figure counts in French.
    for (id, value) in [
        ("summit-deliverables", "60 livrables"),
        ("coalition-companies", "37 entreprises"),
        ("business-day-actors", "4\u{202f}200 acteurs"),
        ("jobs-at-risk", "27 pour cent"),
    ] {
        let out = stdout(&["fiche", id, "--lang", "fr"]);
        assert!(
            out.contains(&format!("\nValeur          {value}\n")),
            "{out}"
        );
    }
    for f in builtin().figures.iter() {
        let out = stdout(&["fiche", &f.id, "--lang", "fr"]);
        let value = out.lines().find(|l| l.starts_with("Valeur")).unwrap();
        for english in [
            "deliverables",
            "companies",
            "people",
            "countries",
            "partners",
        ] {
            assert!(!value.contains(english), "{}: {value}", f.id);
        }
    }
    // A heading with nothing under it says so, and draws no empty table.
    let out = stdout(&["show", "team-france"]);
    assert_eq!(
        out,
        "AI internationally as Team France\n\nId  team-france\n\n\
         The memo gives only this heading: nothing follows it.\n"
    );
    let out = stdout(&["fiche", "team-france", "--lang", "fr"]);
    assert!(
        out.ends_with("\nLe mémo ne donne que ce titre\u{a0}: rien ne le suit.\n"),
        "{out}"
    );
}

// ───────────────────────── questions, as people ask them ─────────────────────────

/// `aimemo search WORDS` (one argument, split as a shell would) as its JSON document.
fn ask(question: &str, lang: &str) -> Search {
    let mut args = vec!["--lang", lang, "search"];
    args.extend(question.split_whitespace());
    serde_json::from_value(json(&args)).expect("the documented shape")
}

#[test]
fn questions_find_their_answer_first() {
    for (question, lang) in [("AI minister", "en"), ("ministre IA", "fr")] {
        let ids = ask(question, lang)
            .ids()
            .into_iter()
            .take(3)
            .map(String::from)
            .collect::<Vec<_>>();
        assert!(
            ids.iter().any(|id| id == "digital-minister"),
            "{question}: {ids:?}"
        );
    }
    for question in ["data center", "data centers", "centres de données"] {
        let s = ask(question, "en");
        let top: Vec<&str> = s.ids().into_iter().take(5).collect();
        for pledge in ["investment-mgx", "investment-amazon"] {
            assert!(top.contains(&pledge), "{question}: {top:?}");
        }
    }
    let s = ask("combien la France a-t-elle levé d'investissements", "fr");
    assert_eq!(s.hits[0].id, "investments-france-total");
    // The passage is the sentence that answers, marked on its content words.
    let s = ask("who co-chaired the summit", "en");
    let m = &s.hits[0].matched;
    assert_eq!(s.hits[0].id, "paris-summit");
    assert!(
        m.text.starts_with("This summit, co-chaired by India"),
        "{}",
        m.text
    );
    let marked: Vec<String> = m
        .spans
        .iter()
        .map(|sp| {
            m.text
                .chars()
                .skip(sp.start)
                .take(sp.end - sp.start)
                .collect()
        })
        .collect();
    assert_eq!(marked, ["summit", "chaired"]);
}

#[test]
fn hits_read_best_first_in_every_format() {
    let s = ask("combien d'événements pendant le sommet", "fr");
    let scores: Vec<u32> = s.hits.iter().map(|h| h.score).collect();
    assert!(
        scores.len() > 3 && scores.windows(2).all(|w| w[0] >= w[1]),
        "{scores:?}"
    );
    let csv = stdout(&[
        "--lang",
        "fr",
        "search",
        "combien",
        "d'événements",
        "pendant",
        "le",
        "sommet",
        "--format",
        "csv",
        "--limit",
        "0",
    ]);
    let from_csv: Vec<u32> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2)?.parse().ok())
        .collect();
    assert_eq!(from_csv, scores);
}

#[test]
fn a_miss_is_still_a_document_for_scripts() {
    let out = aimemo()
        .args(["search", "zqxjvk", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Search = serde_json::from_slice(&out.stdout).expect("one document");
    assert_eq!((doc.count, doc.hits.len()), (0, 0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing matches `zqxjvk`"));
    let out = aimemo()
        .args(["search", "zqxjvk", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "kind,id,score,title,detail,field,passage\n"
    );
    let out = aimemo()
        .args(["search", "zqxjvk", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!((out.status.code(), out.stdout.len()), (Some(1), 0));
    let out = aimemo().args(["search", "zqxjvk"]).output().unwrap();
    assert_eq!((out.status.code(), out.stdout.len()), (Some(1), 0));
    // A lookup that finds nothing is the JSON document `null`; both are in the schemas.
    for args in [["show", "zzz"], ["actor", "zzz"], ["list", "zzz"]] {
        let out = aimemo().args(args).arg("--json").output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "null\n", "{args:?}");
    }
    for (name, doc) in [
        ("show", Value::Null),
        (
            "search",
            serde_json::json!({"lang": "en", "query": "zqxjvk", "count": 0, "all_words": false, "hits": []}),
        ),
    ] {
        let schema: Value = serde_json::from_str(&stdout(&["schema", name])).unwrap();
        assert!(
            jsonschema::validator_for(&schema).unwrap().is_valid(&doc),
            "{name}"
        );
    }
}

#[test]
fn a_query_of_words_that_carry_no_meaning_says_so() {
    fails(
        &["search", "what", "is", "the"],
        1,
        "`what is the` has only words that carry no meaning (`what`, `is`, `the`)",
    );
    fails(
        &["--lang", "fr", "search", "qui", "est-ce"],
        1,
        "n’a que des mots vides de sens (`qui`, `est`, `ce`)",
    );
    // In capitals, a stopword is an acronym: `UN` is the United Nations.
    assert_eq!(ask("UN", "en").hits[0].id, "un");
}

// ───────────────────────── the terminal: a pager, the width when piped ─────────────────────────

/// A pager that says it ran, and with what `LESS`, then shows what it reads.
fn fake_pager() -> (tempfile::TempDir, String) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pager");
    std::fs::write(&path, "#!/bin/sh\necho \"PAGED LESS=$LESS\"\ncat\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

#[test]
fn output_taller_than_the_terminal_goes_through_the_pager() {
    let (_dir, pager) = fake_pager();
    let p = pager.as_str();
    let (code, paged, err) = on_a_terminal_with_status(&["figures"], &[("AIMEMO_PAGER", p)]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(paged.starts_with("PAGED LESS=FRX"), "{paged:?}");
    assert!(paged.contains("Global generative AI market"), "{paged}");
    assert!(paged.contains("\u{1b}["), "colors are kept");
    // $PAGER when AIMEMO_PAGER is not set; AIMEMO_PAGER first.
    assert!(on_a_terminal(&["figures"], &[("PAGER", p)]).starts_with("PAGED"));
    assert!(on_a_terminal(
        &["figures"],
        &[("AIMEMO_PAGER", p), ("PAGER", "/nowhere/more")]
    )
    .starts_with("PAGED"));
    // Help too, in French as in English.
    assert!(on_a_terminal(&["--help"], &[("PAGER", p)]).starts_with("PAGED"));
    let fr = on_a_terminal(&["--help", "--lang", "fr"], &[("PAGER", p)]);
    assert!(
        fr.starts_with("PAGED") && fr.contains("Utilisation"),
        "{fr}"
    );
    // What fits the screen is printed directly.
    let short = on_a_terminal(&["show", "jobs-at-risk"], &[("PAGER", p)]);
    assert!(
        !short.contains("PAGED") && short.contains("27% of jobs"),
        "{short}"
    );
}

#[test]
fn no_pager_when_told_or_not_on_a_terminal() {
    let (_dir, pager) = fake_pager();
    let p = pager.as_str();
    for (args, env) in [
        (&["figures", "--no-pager"][..], &[("PAGER", p)][..]),
        (&["--no-pager", "--help"], &[("PAGER", p)]),
        (&["figures"], &[("AIMEMO_PAGER", ""), ("PAGER", p)]),
        (&["figures"], &[("AIMEMO_PAGER", "cat")]),
    ] {
        let (code, out, err) = on_a_terminal_with_status(args, env);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{args:?} {env:?}");
        assert!(
            !out.contains("PAGED") && out.len() > 1000,
            "{args:?} {env:?}: {out}"
        );
    }
    // Never when stdout is not a terminal.
    let piped = aimemo().arg("figures").env("PAGER", p).output().unwrap();
    assert!(!String::from_utf8(piped.stdout).unwrap().contains("PAGED"));
    let help = aimemo().arg("--help").env("PAGER", p).output().unwrap();
    assert!(!String::from_utf8(help.stdout).unwrap().contains("PAGED"));
}

#[test]
fn a_missing_pager_prints_directly_and_a_closed_one_is_no_error() {
    let (code, out, err) =
        on_a_terminal_with_status(&["figures"], &[("AIMEMO_PAGER", "/nowhere/pager -R")]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(out.contains("Global generative AI market"), "{out}");
    // A pager that quits before reading (q in less): a quiet exit 0.
    let (code, _, err) = on_a_terminal_with_status(&["figures"], &[("AIMEMO_PAGER", "true")]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let (code, _, err) = on_a_terminal_with_status(&["--help"], &[("AIMEMO_PAGER", "true")]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

/// The widest line `aimemo figures` writes to a pipe, run in a session of its own
/// (no controlling terminal but the one `tty` gives it, made its controlling
/// terminal when `controlling`), with stderr on `tty` when `on_stderr`.
fn piped_width(env: &[(&str, &str)], tty: Option<(u16, bool, bool)>) -> usize {
    use std::os::fd::AsRawFd;
    use std::os::unix::process::CommandExt;
    let pty = tty.map(|(cols, _, _)| {
        let size = nix::pty::Winsize {
            ws_row: 40,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        nix::pty::openpty(Some(&size), None).expect("a pseudo-terminal")
    });
    let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("aimemo"));
    cmd.arg("figures")
        .env_clear()
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let controlling = tty.is_some_and(|(_, c, _)| c);
    if let (Some(pty), Some((_, _, true))) = (&pty, tty) {
        cmd.stderr(Stdio::from(pty.slave.try_clone().unwrap()));
    }
    let slave = pty.as_ref().map(|p| p.slave.as_raw_fd());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            nix::unistd::setsid().map_err(std::io::Error::from)?;
            if let (true, Some(fd)) = (controlling, slave) {
                if nix::libc::ioctl(fd, nix::libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let out = cmd.output().expect("runs");
    drop(pty);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(width)
        .max()
        .unwrap()
}

#[test]
fn piped_output_fits_the_controlling_terminal() {
    // stderr on a terminal of 70 columns.
    let w = piped_width(&[], Some((70, false, true)));
    assert!((60..=70).contains(&w), "{w}");
    // /dev/tty alone: `aimemo figures 2>/dev/null | less`.
    let w = piped_width(&[], Some((72, true, false)));
    assert!((60..=72).contains(&w), "{w}");
    // COLUMNS wins; 0 counts as not set.
    let w = piped_width(&[("COLUMNS", "90")], Some((70, true, true)));
    assert!((80..=90).contains(&w), "{w}");
    let w = piped_width(&[("COLUMNS", "0")], Some((70, true, true)));
    assert!((60..=70).contains(&w), "{w}");
    // No terminal at all: today's rule, tables not squeezed.
    assert!(piped_width(&[], None) > 100);
}

// ───────────────────────── help and usage errors in both languages ─────────────────────────

/// `--help` of the root and of one command, in both languages, at 100 columns.
#[test]
fn help_snapshots_in_both_languages() {
    insta::assert_snapshot!("help_root_en", stdout(&["--help"]));
    insta::assert_snapshot!("help_root_fr", stdout(&["--help", "--lang", "fr"]));
    insta::assert_snapshot!("help_search_en", stdout(&["search", "--help"]));
    let (code, out, _) = in_french(&["recherche", "--help"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("help_search_fr", out);
}

#[test]
fn help_is_french_for_every_command_and_english_stays_english() {
    for fr in french_names() {
        let (code, out, _) = in_french(&[fr, "--help"]);
        assert_eq!(code, 0, "{fr}");
        assert!(
            out.contains("Utilisation\u{a0}: aimemo ") && out.contains("Options\u{a0}:"),
            "{fr}:\n{out}"
        );
        assert!(out.contains("Exemples\u{a0}:"), "{fr}:\n{out}");
        for english in [
            "Usage:",
            "Commands:",
            "Print help",
            "Examples:",
            "possible values",
            "[default:",
            "Options:",
        ] {
            assert!(!out.contains(english), "{fr}: {english}\n{out}");
        }
    }
    for en in ["investments", "search", "validate", "man"] {
        let out = stdout(&[en, "--help"]);
        assert!(
            out.contains("Usage: aimemo ") && out.contains("Examples:"),
            "{out}"
        );
        assert!(!out.contains("Utilisation"), "{out}");
    }
    // The French help names the French commands; `--lang` wins over the locale.
    let (_, root, _) = in_french(&["-h"]);
    for name in ["investissements", "recherche", "acteur", "note", "valider"] {
        assert!(root.contains(&format!("\n  {name} ")), "{name}:\n{root}");
    }
    let (_, en, _) = in_french(&["--lang", "en", "-h"]);
    assert!(en.contains("Usage: aimemo"), "{en}");
}

#[test]
fn the_help_command_says_what_it_does_in_both_languages() {
    assert_eq!(
        stdout(&["help", "help"]),
        "Print this message or the help of the given subcommand(s)\n\n\
         Usage: aimemo help [COMMAND]...\n\n\
         Arguments:\n  [COMMAND]...  Print help for the subcommand(s)\n"
    );
    let fr = "Afficher cette aide, ou celle des commandes données\n\n\
              Utilisation\u{a0}: aimemo aide [COMMANDE]...\n\n\
              Arguments\u{a0}:\n  [COMMANDE]...  Les commandes dont afficher l’aide\n";
    assert_eq!(stdout(&["--lang", "fr", "help", "help"]), fr);
    let (code, out, _) = in_french(&["help", "help"]);
    assert_eq!((code, out.as_str()), (0, fr));
    // `aide`, its French name, is the same command, in English too.
    assert_eq!(
        in_french(&["aide", "aide"]),
        (0, fr.to_string(), String::new())
    );
    assert_eq!(stdout(&["aide", "search"]), stdout(&["search", "--help"]));
    // The list of commands says what `help` does, in French too.
    let (code, root, _) = in_french(&["help"]);
    assert_eq!(code, 0);
    let row = root
        .lines()
        .find(|l| l.starts_with("  aide "))
        .unwrap_or_default();
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>().join(" "),
        "aide Afficher cette aide, ou celle des commandes données",
        "{root}"
    );
    assert!(!root.contains("Print"), "{root}");
    // `help COMMAND` is that command's help.
    assert_eq!(
        in_french(&["help", "recherche"]),
        in_french(&["recherche", "--help"])
    );
}

/// The commands, by the name French help shows.
fn french_names() -> Vec<&'static str> {
    vec![
        "investissements",
        "sommet",
        "chiffres",
        "acteurs",
        "acteur",
        "listes",
        "liste",
        "sources",
        "fiche",
        "recherche",
        "note",
        "citer",
        "valider",
        "completions",
        "schema",
        "man",
    ]
}

#[test]
fn usage_errors_in_french() {
    let said = |args: &[&str]| {
        let (code, out, err) = in_french(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        err.replace('\u{a0}', " ")
    };
    // A value that is no name (of --kind, of schema) is refused as clap refuses one,
    // with the values.
    assert!(
        said(&["recherche", "ia", "--kind", "ÉVÉNEMENTS"]).starts_with(
            "erreur : valeur invalide 'ÉVÉNEMENTS' pour '--kind <TYPE>'\n  \
         [valeurs possibles : chiffre, liste, acteur, source, événement, thème, groupe, partie]\n"
        )
    );
    let schema = said(&["schema", "APERÇUS"]);
    assert!(
        schema.starts_with(
            "erreur : valeur invalide 'APERÇUS' pour '<COMMANDE>'\n  [valeurs possibles : acteur, "
        ),
        "{schema}"
    );
    assert!(schema.contains(", listes, aperçu, recherche,"), "{schema}");
    assert_eq!(
        said(&["--frob"]),
        "erreur : argument inattendu '--frob'\n\nUtilisation : aimemo [OPTIONS] [COMMANDE]\n\n\
         Pour en savoir plus, essayez '--help'.\n"
    );
    assert_eq!(
        said(&["recherche"]),
        "erreur : les arguments requis suivants n’ont pas été donnés :\n  <MOTS>...\n\n\
         Utilisation : aimemo recherche [OPTIONS] <MOTS>...\n\nPour en savoir plus, essayez '--help'.\n"
    );
    assert_eq!(
        said(&["recherche", "x", "--format", "pdf"]),
        "erreur : valeur invalide 'pdf' pour '--format <FORMAT>'\n  \
         [valeurs possibles : table, json, jsonl, csv, tsv, markdown, text, html]\n\n\
         Pour en savoir plus, essayez '--help'.\n"
    );
    assert_eq!(
        said(&["recherche", "x", "--limit", "beaucoup"]),
        "erreur : valeur invalide 'beaucoup' pour '--limit <N>' : un nombre entier positif est attendu\n\n\
         Pour en savoir plus, essayez '--help'.\n"
    );
    assert!(said(&["invesments"]).starts_with(
        "erreur : commande inconnue 'invesments'\n\n  astuce : des commandes proches existent : 'investissements', 'investments'\n"
    ));
    assert!(said(&["recherche", "x", "--jsn"])
        .contains("astuce : un argument proche existe : '--json'"));
    assert!(said(&["--json", "note", "--format", "csv"]).starts_with(
        "erreur : l’argument '--json' ne peut pas être utilisé avec '--format <FORMAT>'\n"
    ));
    assert!(said(&["recherche", "x", "-z"])
        .contains("astuce : pour donner '-z' comme valeur, écrivez '-- -z'"));
    // English stays as clap writes it.
    fails(
        &["--frob"],
        2,
        "error: unexpected argument '--frob' found\n\nUsage: aimemo [OPTIONS] [COMMAND]\n\nFor more information, try '--help'.\n",
    );
    fails(
        &["search", "x", "--format", "xml"],
        2,
        "  [possible values: table, json, jsonl, csv, tsv, markdown, text, html]",
    );
    fails(
        &["--json", "brief", "--format", "csv"],
        2,
        "error: the argument '--json' cannot be used with '--format <FORMAT>'\n\nUsage: aimemo [OPTIONS] [COMMAND]\n\nFor more information, try '--help'.\n",
    );
}

#[test]
fn help_wraps_to_the_width_and_cuts_no_word() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["search", "--help"],
        &["--help", "--lang", "fr"],
        &["recherche", "--help", "--lang", "fr"],
        &["validate", "-h", "--lang", "fr"],
    ] {
        let wide = aimemo().env("COLUMNS", "1000").args(args).output().unwrap();
        let narrow = aimemo().env("COLUMNS", "60").args(args).output().unwrap();
        let (wide, narrow) = (
            String::from_utf8(wide.stdout).unwrap(),
            String::from_utf8(narrow.stdout).unwrap(),
        );
        for line in narrow.lines() {
            assert!(
                width(line) <= 60,
                "{args:?}: a line of {}: {line:?}",
                width(line)
            );
        }
        let words = |t: &str| -> Vec<String> { t.split_whitespace().map(str::to_string).collect() };
        assert_eq!(
            words(&wide),
            words(&narrow),
            "{args:?}: the same words, none cut"
        );
        assert!(
            wide.lines().any(|l| width(l) > 60),
            "{args:?}: wider at 1000"
        );
    }
}

fn width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

// ───────────────────────── the README on a fresh machine ─────────────────────────

/// The lines of the README's first ```sh block after `heading`.
fn readme_sh_block(heading: &str) -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let after = readme.split(heading).nth(1).expect("the heading");
    let block = after.split("```sh\n").nth(1).expect("a sh block");
    let block = block.split("```").next().unwrap();
    block.lines().map(str::to_string).collect()
}

#[test]
fn readme_install_lines_work_with_a_fresh_home() {
    let home = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("aimemo");
    let path = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
    let lines = readme_sh_block("## Shell completions and man page");
    assert!(lines[0].starts_with("mkdir -p "), "{lines:?}");
    let script = lines.join("\n");
    let out = StdCommand::new("sh")
        .args(["-ec", &script])
        .env_clear()
        .env("HOME", home.path())
        .env("PATH", &path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        ".local/share/bash-completion/completions/aimemo",
        ".zfunc/_aimemo",
        ".config/fish/completions/aimemo.fish",
        ".local/share/man/man1/aimemo.1",
    ] {
        let len = std::fs::metadata(home.path().join(file)).map_or(0, |m| m.len());
        assert!(len > 1000, "{file}: {len} bytes");
    }
    // Set-up says what a first build needs and where `cargo install` puts aimemo.
    let setup = readme_sh_block("## Set-up").join("\n");
    assert!(setup.contains("cargo install --path ."), "{setup}");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for said in [
        "network",
        "~/.cargo/bin",
        "does not put `aimemo` on your `PATH`",
    ] {
        assert!(readme.contains(said), "{said}");
    }
}

/// Every CSV column the README lists for a command is the one the binary writes.
#[test]
fn readme_lists_every_csv_column_of_every_command() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## CSV, TSV and JSON lines")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let columns_of = |row: &str| -> String {
        let line = section
            .lines()
            .find(|l| l.starts_with(&format!("| {row} |")))
            .unwrap_or_else(|| panic!("README row {row}"));
        let cols = line.rsplit(" | ").next().unwrap().trim_end_matches(" |");
        if cols.contains("the figure columns") {
            return FIGURE_COLUMNS.join(",");
        }
        if cols.contains("as `actor`") {
            return "id,code,code_en,name,group_id,group,parent,role,section_id".into();
        }
        // The names in backquotes (not what parentheses say of them).
        cols.split('`')
            .skip(1)
            .step_by(2)
            .filter(|c| !c.is_empty() && c.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect::<Vec<_>>()
            .join(",")
    };
    for (row, args) in [
        ("`aimemo` (overview)", &[][..]),
        ("`investments`", &["investments"]),
        ("`summit`", &["summit"]),
        ("`figures [TOPIC...]`", &["figures"]),
        ("`sources`", &["sources"]),
        ("`brief`", &["brief"]),
        ("`actors`", &["actors"]),
        ("`actor`", &["actor", "DNUM"]),
        ("`lists`", &["lists"]),
        ("`list ID`", &["list", "summit-verticals"]),
        ("`show` a figure", &["show", "jobs-at-risk"]),
        ("`show` an actor", &["show", "dnum"]),
        ("`show` a list", &["show", "summit-verticals"]),
        ("`show` an event", &["show", "paris-summit"]),
        ("`show` a source, topic, group or section", &["show", "aie"]),
        ("`search`", &["search", "rwanda"]),
        ("`cite`", &["cite", "jobs-at-risk"]),
    ] {
        let (header, _) = csv_of(args);
        assert_eq!(header.join(","), columns_of(row), "{row}");
    }
    let (_d, bad) = temp_file("bad.toml", b"[[topics]]\nid = \"t\"\nname = 3\n");
    let out = aimemo()
        .args(["validate", bad.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    let header = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        header.lines().next(),
        Some(columns_of("`validate`").as_str())
    );
}
