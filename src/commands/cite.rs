//! `aimemo cite ID|WORDS...`: paste-ready citations of entries, in the memo's own
//! words, with the memo's reference and the source the memo credits.

use serde::Serialize;

use super::views::SourceRef;
use super::{miss, Ctx, Report};
use crate::error::{Error, Msg, Result};
use crate::i18n::Lang;
use crate::kb::fold::fold;
use crate::kb::{lookup, EntryRef, Kb, Kind, Link, Source, Text};
use crate::render::{Block, Doc, Row, Span};

/// The memo, as a citation names it.
#[derive(Serialize, Clone)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Reference<'a> {
    pub ministry: Option<&'a str>,
    /// The memo's series and title (none when the entry's file gives no `[memo]`).
    pub series: Option<&'a str>,
    pub title: Option<&'a str>,
    /// The part of the memo the entry comes from.
    pub section: Option<&'a str>,
}

/// One entry, cited.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Citation<'a> {
    pub kind: Kind,
    pub id: &'a str,
    /// The memo's own words (French), verbatim.
    pub quote: &'a str,
    /// The entry's English rendering (not the memo's words: `rendering` says what it is).
    pub english: Option<String>,
    /// What the English rendering is: `translation` when it renders the quoted words
    /// themselves, `paraphrase` when it says what they say in other words (an actor's
    /// role); null with no English rendering.
    pub rendering: Option<Rendering>,
    pub reference: Reference<'a>,
    /// The source the memo credits, when it credits one.
    pub source: Option<SourceRef<'a>>,
    /// The whole citation as text, ready to paste, in the chosen language.
    pub text: String,
}

/// The citations asked for.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Cite<'a> {
    pub lang: Lang,
    pub citations: Vec<Citation<'a>>,
    /// When words were given rather than ids: the entry cited as their best match.
    pub matched: Option<&'a str>,
}

/// What an entry's English rendering is, to the memo's words it cites.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Rendering {
    /// The quoted words, in English.
    Translation,
    /// What the quoted words say, in other words (an actor's role, a list's title).
    Paraphrase,
}

impl Rendering {
    /// A translation when the French that the English renders (`french`) is the
    /// memo's words in `quote`: its words all there, in order, from wherever the first
    /// stands, none more than a few words after the one before (a role's "Participe au
    /// suivi…" is the memo's "La mission … (MSI) participe au suivi…"); else a
    /// paraphrase (the DGM's role, gathered from two sentences of the memo).
    fn of(french: &str, quote: &str) -> Rendering {
        /// How many of the memo's words may stand between two of the rendering's
        /// (an acronym in brackets, an "et" before the last item of a list).
        const GAP: usize = 2;
        let (french, quote) = (fold(french), fold(quote));
        let words: Vec<&str> = french.split(' ').collect();
        let memo: Vec<&str> = quote.split(' ').collect();
        let from = |start: usize| {
            let mut at = start;
            words[1..].iter().all(|w| {
                let next = memo[at + 1..].iter().take(GAP + 1).position(|m| m == w);
                next.inspect(|n| at += n + 1).is_some()
            })
        };
        let found = (0..memo.len()).any(|i| memo[i] == words[0] && from(i));
        if found {
            Rendering::Translation
        } else {
            Rendering::Paraphrase
        }
    }

    /// How a citation marks its English: `(translation)`, `(paraphrase)`.
    fn mark(self) -> &'static str {
        match self {
            Rendering::Translation => "(translation)",
            Rendering::Paraphrase => "(paraphrase)",
        }
    }

    /// What a citation calls the memo's words under its English.
    fn original(self) -> &'static str {
        match self {
            Rendering::Translation => "Original",
            Rendering::Paraphrase => "In the memo",
        }
    }
}

/// A citation as one row of CSV or TSV.
impl Row for Citation<'_> {
    fn columns(&self) -> &'static str {
        "kind id quote english ministry=reference_ministry series=reference_series \
         title=reference_title section=reference_section source_id source=source_name \
         source_date source_date_iso text rendering"
    }
}

/// The source the memo itself stands for (no source cited).
const MEMO_SOURCE: &str = "memo";

/// The entry's rendering in `lang` (what `english` is in English), and the source it
/// credits.
fn rendering(kb: &Kb, e: EntryRef, lang: Lang) -> (Option<String>, Option<&Link<Source>>) {
    let t = |t: &Text| lang.pick(t).to_string();
    match e.kind {
        Kind::Figure => {
            let f = &kb.figures[e.idx];
            (Some(t(&f.text)), Some(&f.source_id))
        }
        Kind::List => {
            let l = &kb.lists[e.idx];
            let items: Vec<&str> = l.items.iter().map(|i| lang.pick(&i.text)).collect();
            let title = lang.pick(&l.title);
            (Some(format!("{title}: {}", items.join("; "))), None)
        }
        Kind::Actor => {
            let a = &kb.actors[e.idx];
            let name = lang.pick(&a.name);
            let rendering = match &a.role {
                Some(r) => format!("{name}: {}", lang.pick(r)),
                None => name.to_string(),
            };
            (Some(rendering), None)
        }
        Kind::Event => (Some(t(&kb.events[e.idx].description)), None),
        Kind::Source | Kind::Topic | Kind::Group | Kind::Section => (None, None),
    }
}

/// The citation of one entry, or `None` when it has no quote of the memo.
fn citation<'a>(ctx: &Ctx<'a>, e: EntryRef, id: &'a str) -> Option<Citation<'a>> {
    let kb = ctx.kb();
    let l = ctx.lang;
    let v = ctx.viewer();
    let quote = kb.quote_of(e)?;
    let (english, source) = rendering(kb, e, Lang::En);
    // Whether the English renders the quote's words is whether its French does.
    let rendering = rendering(kb, e, Lang::Fr)
        .0
        .map(|fr| Rendering::of(&fr, quote));
    let memo = ctx.loaded.memo_of(e);
    let reference = Reference {
        ministry: memo.and_then(|m| m.ministry.as_ref()).map(|t| l.pick(t)),
        series: memo.map(|m| l.pick(&m.series)),
        title: memo.map(|m| l.pick(&m.title)),
        section: kb.section_of(e).map(|s| l.pick(&kb.get(s).title)),
    };
    let source = source.filter(|s| s.id != MEMO_SOURCE).map(|s| v.source(s));
    let english_as = english.as_deref().zip(rendering);
    let text = paste(l, quote, english_as, &reference, source.as_ref());
    Some(Citation {
        kind: e.kind,
        id,
        quote,
        english,
        rendering,
        reference,
        source,
        text,
    })
}

/// The reference, as its parts: the series in italics; the section only when it is
/// not the series' or the title's own heading (the memo's first pages are headed with
/// them), so that the reference names each once.
fn reference_spans(l: Lang, r: &Reference, source: Option<&SourceRef>) -> Vec<Span> {
    let mut parts: Vec<Span> = Vec::new();
    if let Some(m) = r.ministry {
        parts.push(Span::plain(m));
    }
    if let Some(s) = r.series {
        parts.push(Span::emphasis(s));
    }
    if let Some(t) = r.title {
        parts.push(Span::plain(l.quoted(t)));
    }
    if let Some(s) = r
        .section
        .filter(|s| Some(*s) != r.series && Some(*s) != r.title)
    {
        parts.push(Span::plain(l.quoted(s)));
    }
    let mut spans = vec![Span::plain("— ")];
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::plain(", "));
        }
        spans.push(part);
    }
    spans.push(Span::plain("."));
    if let Some(s) = source {
        let cited = match l {
            Lang::Fr => "Source citée",
            Lang::En => "Source cited",
        };
        spans.push(Span::plain(format!(" {cited}{}{}.", l.colon(), s.cell())));
    }
    spans
}

/// The quoted words of a citation, as paragraphs: in English, the English rendering
/// marked as what it is, then the memo's words; in French, the memo's words.
fn quoted(l: Lang, quote: &str, english: Option<(&str, Rendering)>) -> Vec<String> {
    let original = Lang::Fr.quoted(quote);
    match (l, english) {
        (Lang::En, Some((en, as_))) => vec![
            format!("{} {}", Lang::En.quoted(en), as_.mark()),
            format!("{}: {original}", as_.original()),
        ],
        _ => vec![original],
    }
}

/// The paste-ready text of a citation.
fn paste(
    l: Lang,
    quote: &str,
    english: Option<(&str, Rendering)>,
    r: &Reference,
    source: Option<&SourceRef>,
) -> String {
    let reference: String = reference_spans(l, r, source)
        .into_iter()
        .map(|s| s.text)
        .collect();
    let mut lines = quoted(l, quote, english);
    lines.push(reference);
    // Set as the page sets it, to paste as it reads.
    let text = lines.join("\n");
    match l {
        Lang::Fr => crate::render::typo::french(&text).into_owned(),
        Lang::En => text,
    }
}

/// Entries named by their ids, or the best match of the words.
pub fn run<'a>(ctx: &Ctx<'a>, words: &[String]) -> Result<Cite<'a>> {
    let query = words.join(" ");
    super::not_empty(
        &query,
        Msg::new("the citation", "la citation"),
        Msg::new("aimemo cite jobs-at-risk", "aimemo citer jobs-at-risk"),
    )?;
    let kb = ctx.kb();
    let by_id: Option<Vec<(EntryRef, &'a str)>> = words
        .iter()
        .map(|w| lookup::by_id(kb, w).map(|e| (e, kb.id_of(e))))
        .collect();
    // A word meant as an id that is none: alone, or beside ids that are, it is a
    // mistyped id (never dropped for the others, nor taken for search words).
    let mistyped = words
        .iter()
        .find(|w| looks_like_id(w) && lookup::by_id(kb, w).is_none());
    // Ids are meant when one word is given, when one is an id, or when every word
    // looks like one.
    let gives_ids = words.len() == 1
        || words.iter().any(|w| lookup::by_id(kb, w).is_some())
        || words.iter().all(|w| looks_like_id(w));
    let (entries, matched) = match by_id {
        Some(found) => (found, None),
        None if mistyped.is_some() && gives_ids => {
            let wrong = mistyped.map_or("", String::as_str);
            let q = super::shown(wrong);
            return Err(miss(
                Msg::new(
                    format!("no entry has the id `{q}`"),
                    format!("aucune fiche n’a l’identifiant `{q}`"),
                ),
                wrong,
                kb.ids().map(|(id, _)| id),
                Msg::new(
                    "try `aimemo search WORDS`, or `aimemo cite` with words to cite the best match",
                    "essayez `aimemo recherche MOTS`, ou `aimemo citer` avec des mots pour citer la meilleure correspondance",
                ),
            ));
        }
        None => {
            let (hits, _) = ctx.loaded.search(&query).select(kb, None);
            let best = hits.into_iter().find(|h| kb.quote_of(h.entry).is_some());
            let Some(hit) = best else {
                let q = super::shown(&query);
                return Err(Error::NotFound(Msg::new(
                    format!("nothing to cite matches `{q}`\ntry `aimemo search WORDS` to find an entry's id"),
                    format!("rien à citer ne correspond à `{q}`\nessayez `aimemo recherche MOTS` pour trouver l’identifiant d’une fiche"),
                )));
            };
            let id = kb.id_of(hit.entry);
            (vec![(hit.entry, id)], Some(id))
        }
    };
    let mut citations = Vec::new();
    for (e, id) in entries {
        match citation(ctx, e, id) {
            Some(c) => citations.push(c),
            None => {
                return Err(Error::NotFound(Msg::new(
                    format!(
                        "the {} `{id}` has no quote of the memo to cite\ntry `aimemo show {id}`",
                        e.kind.name()
                    ),
                    format!("la fiche `{id}` ne cite pas le mémo\nessayez `aimemo fiche {id}`"),
                )))
            }
        }
    }
    Ok(Cite {
        lang: ctx.lang,
        citations,
        matched,
    })
}

/// One word with a hyphen and no space: meant as an id.
fn looks_like_id(query: &str) -> bool {
    !query.contains(' ') && query.contains('-')
}

impl Report for Cite<'_> {
    type Record<'r>
        = &'r Citation<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        for c in self.citations.iter() {
            let english = c.english.as_deref().zip(c.rendering);
            for q in quoted(l, c.quote, english) {
                doc.push(Block::Quote(q));
            }
            doc.push(Block::Rich(reference_spans(
                l,
                &c.reference,
                c.source.as_ref(),
            )));
            if let Some(s) = &c.source {
                doc.cite(s.cell());
            }
        }
        doc
    }

    fn records(&self) -> Vec<&Citation<'_>> {
        self.citations.iter().collect()
    }

    fn notes(&self) -> Vec<String> {
        self.matched
            .map(|id| match self.lang {
                Lang::En => format!("cited `{id}`, the best match; `aimemo cite {id}` cites it directly"),
                Lang::Fr => format!(
                    "cité : `{id}`, la meilleure correspondance ; `aimemo citer {id}` le cite directement"
                ),
            })
            .into_iter()
            .collect()
    }
}
