//! `aimemo draft`: a draft knowledge base from a memo's plain text.
//!
//! The steps, each a module, in the order they run:
//! 1. [`text`]: lines into blocks (headings, paragraphs, list items, credits,
//!    footnotes) and sentences;
//! 2. [`figures`]: every amount of a sentence, its unit, scale, hedge and period;
//! 3. [`sources`]: the credits, and the figures each one backs;
//! 4. [`actors`]: the organisations and people named, their acronyms and parents;
//! 5. [`lists`]: the enumerations;
//! 6. sections, topics and groups from the headings; ids ([`ids`]); TOML
//!    ([`write`]).
//!
//! Every French field is the text's own words, or made from them (a label is the
//! counted noun); every English field a person must write is left empty, and the
//! file says it is a draft, so that `aimemo validate` lists those fields as
//! to-dos, not errors. [`compare`] holds a draft against an answer key.

pub mod actors;
pub mod compare;
pub mod figures;
pub mod ids;
pub mod lists;
pub mod sources;
pub mod text;
pub mod words;
pub mod write;

use std::ops::Range;

use figures::Amount;
use ids::Ids;
use text::{Doc, Kind};

/// A text in both languages; an empty English side is a person's to-do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    /// French only: the English is to write.
    fn fr(fr: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub name: Text,
    /// Its date as a text and as ISO.
    pub date: Option<(Text, String)>,
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub name: Text,
    pub section_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub topic_id: String,
    pub value: f64,
    pub unit: &'static str,
    pub magnitude: Text,
    pub qualifier: Option<Text>,
    pub qualifier_code: Option<&'static str>,
    pub stated: Option<Text>,
    pub label: Text,
    pub text: Text,
    pub period: Option<Text>,
    pub period_iso: Option<String>,
    pub source_id: String,
    pub section_id: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub id: String,
    pub title: Text,
    pub section_id: String,
    pub items: Vec<Text>,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub code: Option<String>,
    pub name: Text,
    pub group_id: String,
    pub parent_id: Option<String>,
    pub section_id: String,
    pub quote: String,
}

/// A draft knowledge base.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub sections: Vec<Section>,
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    pub groups: Vec<Group>,
    pub figures: Vec<Figure>,
    pub lists: Vec<List>,
    pub actors: Vec<Actor>,
}

/// The source of figures the text states without crediting anyone: the built-in
/// knowledge base's own, word for word, so that a draft loaded beside it shares it.
const MEMO_SOURCE: &str = "memo";

/// A sentence of the text, with the block and section it is in.
struct Sent {
    span: Range<usize>,
    block: usize,
    section: usize,
}

/// An amount found, placed in the text.
struct Found {
    amount: Amount,
    sentence: usize,
    /// Index of the source credited, if any.
    source: Option<usize>,
}

/// Drafts a knowledge base from `input`, using no id of `taken`.
pub fn draft(input: &str, taken: &[String]) -> Draft {
    let doc = text::read(input);
    let mut ids = Ids::new(taken);

    // Sections: one a heading; what comes before the first heading is a section
    // named by its first line.
    let mut section_of = vec![0; doc.blocks.len()];
    let mut headings: Vec<String> = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        if block.kind == Kind::Heading {
            headings.push(doc.of(block).to_string());
        } else if headings.is_empty() {
            headings.push(first_words(doc.of(block), 10));
        }
        section_of[b] = headings.len() - 1;
    }
    let sections: Vec<Section> = headings
        .iter()
        .map(|h| Section {
            id: ids.make(h, 4, "section"),
            title: Text::fr(h.clone()),
            quote: h.clone(),
        })
        .collect();

    // Sentences of the paragraphs and items.
    let mut sents: Vec<Sent> = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        if matches!(block.kind, Kind::Paragraph | Kind::Item(_)) {
            for span in &block.sentences {
                sents.push(Sent {
                    span: span.clone(),
                    block: b,
                    section: section_of[b],
                });
            }
        }
    }

    // Figures.
    let mut found: Vec<Found> = Vec::new();
    for (n, s) in sents.iter().enumerate() {
        for mut amount in figures::amounts(&doc.text[s.span.clone()]) {
            shift(&mut amount, s.span.start);
            found.push(Found {
                amount,
                sentence: n,
                source: None,
            });
        }
    }

    // Credits, and the figures each backs.
    let mut credits: Vec<sources::Credit> = Vec::new();
    credit_figures(&doc, &sents, &mut found, &mut credits);

    // Actors.
    let actor_sents: Vec<actors::Sentence> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.kind, Kind::Paragraph | Kind::Item(_) | Kind::Heading))
        .flat_map(|(i, b)| {
            let (section, names) = (section_of[i], b.kind != Kind::Heading);
            b.sentences.iter().map(move |span| actors::Sentence {
                span: span.clone(),
                section,
                names,
            })
        })
        .collect();
    let actors::Read {
        actors: named,
        names,
    } = actors::read(&doc.text, &actor_sents);

    // Lists.
    let title_of = |b: usize| headings[section_of[b]].clone();
    let enumerations = lists::read(&doc, &title_of);

    // Everything with ids, in the schema's shapes.
    let mut d = Draft {
        sections,
        ..Draft::default()
    };
    let mut source_ids: Vec<String> = Vec::new();
    for c in &credits {
        let id = ids.make(&c.name, 3, "source");
        source_ids.push(id.clone());
        d.sources.push(Source {
            id,
            name: Text::fr(c.name.clone()),
            date: c.date.clone().map(|(fr, iso)| (Text::fr(fr), iso)),
            quote: Some(doc.text[c.words.clone()].trim().to_string()),
        });
    }
    if found.iter().any(|f| f.source.is_none()) {
        d.sources.push(Source {
            id: MEMO_SOURCE.into(),
            name: Text {
                fr: "le mémo (aucune source citée)".into(),
                en: "the memo (no source cited)".into(),
            },
            date: None,
            quote: None,
        });
    }
    let mut topic_of_section: Vec<Option<String>> = vec![None; d.sections.len()];
    for f in &found {
        let section = sents[f.sentence].section;
        if topic_of_section[section].is_none() {
            let id = ids.unique(&format!("{}-chiffres", d.sections[section].id));
            d.topics.push(Topic {
                id: id.clone(),
                name: Text::fr(headings[section].clone()),
            });
            topic_of_section[section] = Some(id);
        }
    }
    for (k, f) in found.iter().enumerate() {
        let s = &sents[f.sentence];
        let a = &f.amount;
        let label = label(
            &doc,
            s,
            a,
            k.checked_sub(1)
                .map(|p| &found[p])
                .filter(|p| p.sentence == f.sentence),
        );
        // The year it refers to tells apart a market in 2023 and in 2027.
        let id = match a.period.as_ref().and_then(|p| p.iso.as_deref()) {
            Some(iso) => ids.unique(&format!("{}-{}", ids::slug(&label, 3), &iso[..4])),
            None => ids.make(&label, 4, "figure"),
        };
        d.figures.push(Figure {
            id,
            topic_id: topic_of_section[s.section].clone().unwrap_or_default(),
            value: a.value,
            unit: a.unit,
            magnitude: Text {
                fr: a.magnitude.clone(),
                en: String::new(),
            },
            qualifier: a.hedge.as_ref().map(|(fr, code)| Text {
                fr: fr.clone(),
                en: qualifier_en(fr, *code).into(),
            }),
            qualifier_code: a.hedge.as_ref().and_then(|h| h.1),
            stated: a.stated.clone().map(Text::fr),
            label: Text::fr(label),
            text: Text::fr(doc.text[s.span.clone()].to_string()),
            period: a.period.as_ref().map(|p| Text {
                fr: p.fr.clone(),
                en: String::new(),
            }),
            period_iso: a.period.as_ref().and_then(|p| p.iso.clone()),
            source_id: f
                .source
                .map_or_else(|| MEMO_SOURCE.to_string(), |i| source_ids[i].clone()),
            section_id: d.sections[s.section].id.clone(),
            quote: doc.text[s.span.clone()].to_string(),
        });
    }

    let mut group_of_section: Vec<Option<String>> = vec![None; d.sections.len()];
    let actor_ids: Vec<String> = named
        .iter()
        .map(|a| ids.make(a.code.as_deref().unwrap_or(&a.name), 4, "actor"))
        .collect();
    for (a, id) in named.iter().zip(&actor_ids) {
        if group_of_section[a.section].is_none() {
            let gid = ids.unique(&format!("{}-acteurs", d.sections[a.section].id));
            d.groups.push(Group {
                id: gid.clone(),
                name: Text::fr(headings[a.section].clone()),
                section_id: d.sections[a.section].id.clone(),
            });
            group_of_section[a.section] = Some(gid);
        }
        d.actors.push(Actor {
            id: id.clone(),
            code: a.code.clone(),
            name: Text::fr(a.name.clone()),
            group_id: group_of_section[a.section].clone().unwrap_or_default(),
            parent_id: a.parent.map(|p| actor_ids[p].clone()),
            section_id: d.sections[a.section].id.clone(),
            quote: doc.text[a.sentence.clone()].to_string(),
        });
    }

    // An enumeration inside a name (`ministère de l'Économie, des Finances et de la
    // Souveraineté …`) is the name's, not a list: its first item stands inside a
    // name, after the name's first word.
    let in_a_name = |l: &lists::List| {
        let first = l
            .items
            .first()
            .and_then(|i| doc.text[l.at..].find(i.as_str()));
        first.is_some_and(|f| names.iter().any(|n| n.start < l.at + f && l.at + f < n.end))
    };
    for l in enumerations.into_iter().filter(|l| !in_a_name(l)) {
        d.lists.push(List {
            id: ids.make(&l.title, 4, "list"),
            title: Text::fr(l.title.clone()),
            section_id: d.sections[section_of[l.block]].id.clone(),
            items: l.items.iter().map(|i| Text::fr(i.clone())).collect(),
            quote: l.quote,
        });
    }
    d
}

/// Moves an amount's places from its sentence to the whole text.
fn shift(a: &mut Amount, by: usize) {
    a.written = a.written.start + by..a.written.end + by;
    if let Some(n) = &mut a.noun {
        *n = n.start + by..n.end + by;
    }
}

/// The first `n` words of `s`.
fn first_words(s: &str, n: usize) -> String {
    s.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
}

/// Credits the figures: a credit on its own line backs the box above it (the
/// blocks with figures right before it, up to a heading, another credit or a block
/// with none); one in a sentence backs that sentence's figures, or the figures of
/// the sentence before when it has none.
fn credit_figures(
    doc: &Doc,
    sents: &[Sent],
    found: &mut [Found],
    credits: &mut Vec<sources::Credit>,
) {
    let block_of = |f: &Found| sents[f.sentence].block;
    for (b, block) in doc.blocks.iter().enumerate() {
        if block.kind != Kind::Source {
            continue;
        }
        let Some(c) = sources::of_line(&doc.text, block.span.clone()) else {
            continue;
        };
        let i = add_credit(credits, c);
        let mut k = b;
        while k > 0 {
            k -= 1;
            let kind = doc.blocks[k].kind;
            if matches!(kind, Kind::Heading | Kind::Source) {
                break;
            }
            let mut any = false;
            for f in found.iter_mut().filter(|f| block_of(f) == k) {
                any = true;
                f.source.get_or_insert(i);
            }
            if !any && kind != Kind::Footnote {
                break;
            }
        }
    }
    for (n, s) in sents.iter().enumerate() {
        for c in sources::in_sentence(&doc.text, s.span.clone()) {
            let i = add_credit(credits, c);
            let here = found.iter().any(|f| f.sentence == n);
            let target = if here { Some(n) } else { n.checked_sub(1) };
            for f in found.iter_mut().filter(|f| Some(f.sentence) == target) {
                f.source.get_or_insert(i);
            }
        }
    }
}

/// The credit's index, the same name credited again being the same source.
fn add_credit(credits: &mut Vec<sources::Credit>, c: sources::Credit) -> usize {
    let key = crate::kb::fold::fold(&c.name);
    match credits
        .iter()
        .position(|x| crate::kb::fold::fold(&x.name) == key)
    {
        Some(i) => i,
        None => {
            credits.push(c);
            credits.len() - 1
        }
    }
}

/// What a figure counts, short, in the text's words: the title of the list item it
/// opens (`Émirats Arabes Unis – MGX`); the counted noun and its complement
/// (`agents de la DGM`); for an amount of money or a share, what follows `de`
/// (`des emplois`) or the sentence's subject (`Le marché mondial de l'IA
/// générative`).
fn label(doc: &Doc, s: &Sent, a: &Amount, before: Option<&Found>) -> String {
    let text = &doc.text;
    let block = &doc.blocks[s.block];
    if let Some(head) = block
        .head
        .clone()
        .filter(|h| h.start == s.span.start && a.written.start >= h.end)
    {
        return capitalized(&text[head]);
    }
    if let Some(n) = &a.noun {
        return capitalized(&text[n.clone()]);
    }
    let after = &text[a.written.end..s.span.end];
    let toks = words::tokens(after);
    // `les plus de 5 300 au sein du réseau`: the noun of the amount before it.
    let took_unit = before.filter(|p| p.amount.unit == a.unit);
    if let Some(prev) = took_unit.and_then(|p| p.amount.noun.clone()) {
        let noun = text[prev].split_whitespace().next().unwrap_or("");
        let rest = phrase(after, &toks, 0);
        return capitalized(format!("{noun} {rest}").trim());
    }
    // `12 milliards de dollars de fraude`, `27% des emplois` (not `d'ici 2027`).
    let of = toks.first().is_some_and(|t| t.is("de|d'|des|du"));
    if of && toks.get(1).is_some_and(|t| t.is_word() && !t.is("ici")) {
        let p = phrase(after, &toks, 1);
        if !p.is_empty() {
            return capitalized(&p);
        }
    }
    let head = &text[s.span.start..a.written.start];
    // `une bouteille d'eau de 50 cl`: the noun the amount measures.
    let before = words::tokens(head);
    if before.last().is_some_and(|t| t.is("de|d'")) {
        let stop = before[..before.len() - 1]
            .iter()
            .rposition(|t| t.is("un|une|le|la|les|l'|des") || t.class != words::Class::Word);
        if let Some(from) = stop
            .map(|p| p + 1)
            .filter(|&f| f + 1 < before.len() && before.len() - f <= 5)
        {
            let words = &head[before[from].span.start..before[before.len() - 2].span.end];
            return capitalized(words);
        }
    }
    // The sentence's subject: its first comma-part that is not a date (`En
    // février 2024, une arnaque …`).
    let dated = |p: &str| {
        words::tokens(p).iter().any(|t| {
            words::month(t.text).is_some() || t.class == words::Class::Digits && t.text.len() == 4
        })
    };
    let subject = head
        .split([',', ':', ';'])
        .map(str::trim)
        .find(|p| !dated(p) && words::tokens(p).iter().filter(|t| t.is_word()).count() >= 2)
        .unwrap_or(head.trim());
    let subject = first_words(subject, 8);
    if words::tokens(&subject)
        .iter()
        .filter(|t| t.is_word())
        .count()
        >= 2
    {
        return capitalized(&subject);
    }
    capitalized(&first_words(&text[s.span.clone()], 8))
}

/// At most six words of `s` from token `k`, up to punctuation or a clause.
fn phrase(s: &str, toks: &[words::Tok], k: usize) -> String {
    let mut end = None;
    for t in toks.iter().skip(k).take(6) {
        if t.class != words::Class::Word || t.is(words::CLAUSE_WORDS) {
            break;
        }
        end = Some(t.span.end);
    }
    match (toks.get(k), end) {
        (Some(first), Some(e)) => s[first.span.start..e].to_string(),
        _ => String::new(),
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A hedge in English, by its code; empty (to write) where there is none.
fn qualifier_en(fr: &str, code: Option<&str>) -> &'static str {
    const ENGLISH: &str = "more_than=more than|nearly=nearly|about=about|up_to=up to\
        |at_least=at least|estimated=estimated at|projected=expected to reach\
        |could_reach=could reach|reported=reportedly";
    let code = match code {
        Some(c) => c,
        None if fr.starts_with("moins") => return "less than",
        None => return "",
    };
    words::value_of(ENGLISH, code).unwrap_or("")
}

impl Draft {
    /// The draft as an answer key, to compare with a curated one.
    pub fn key(&self) -> compare::Key {
        let source = |id: &str| {
            self.sources
                .iter()
                .find(|s| s.id == id && id != MEMO_SOURCE)
                .map(|s| s.name.fr.clone())
        };
        compare::Key {
            figures: self
                .figures
                .iter()
                .map(|f| compare::KeyFigure {
                    value: f.value,
                    unit: f.unit.to_string(),
                    hedge: f.qualifier_code.map(str::to_string),
                    source: source(&f.source_id),
                })
                .collect(),
            sources: self
                .sources
                .iter()
                .filter(|s| s.id != MEMO_SOURCE)
                .map(|s| s.name.fr.clone())
                .collect(),
            actors: self
                .actors
                .iter()
                .map(|a| compare::KeyActor {
                    name: a.name.fr.clone(),
                    code: a.code.clone(),
                })
                .collect(),
            lists: self
                .lists
                .iter()
                .map(|l| l.items.iter().map(|i| i.fr.clone()).collect())
                .collect(),
        }
    }

    /// The draft as a knowledge-base file; `origin` names the text.
    pub fn to_toml(&self, origin: &str) -> String {
        write::toml(self, origin)
    }
}
