//! `aimemo search WORDS...`: everything that matches, ranked, in both languages, with
//! the passage that matched and what answers the question (a figure's amount, an
//! actor's parents, a list's items).

use serde::{Serialize, Serializer};

use super::views::{event_dates, Viewer};
use super::{layout, missed, show, Ctx, Report};
use crate::error::{Msg, Result};
use crate::i18n::{labels as L, Lang};
use crate::kb::index::{Field, Side};
use crate::kb::passage::{self, Passage};
use crate::kb::search::{Found, Query};
use crate::kb::{EntryRef, Kind};
use crate::render::{Block, Cell, Doc, Row};

/// What `--limit` and `--kind` ask.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The most hits to show; `None` for all.
    pub limit: Option<usize>,
    pub kind: Option<Kind>,
}

/// A matched word's place in a text, in characters.
#[derive(Serialize, Clone, Copy, Debug, PartialEq)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where a hit matched: the field, the passage (about a line), and the matched words
/// in it.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Matched {
    pub field: &'static str,
    pub text: String,
    pub spans: Vec<Span>,
}

/// A hit's whole entry, as `show --json` gives it; built only when serialized.
pub struct EntryJson<'a> {
    viewer: Viewer<'a>,
    entry: EntryRef,
}

/// Its schema: the entry's, as `show`'s.
#[cfg(test)]
impl schemars::JsonSchema for EntryJson<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Entry".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        g.subschema_for::<show::Entry<'static>>()
    }
}

impl Serialize for EntryJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        show::entry_of(&self.viewer, self.entry).entry.serialize(s)
    }
}

/// One entry that matches.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Hit<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub score: u32,
    pub title: String,
    /// What answers the question: a figure's amount, period and source; an actor's
    /// parents (or group); a list's number of items.
    pub detail: String,
    pub matched: Matched,
    pub entry: EntryJson<'a>,
}

/// A hit's columns in CSV and TSV: where it matched, not its entry.
const HIT_COLUMNS: &str = "kind id score title detail field=matched_field passage=matched_text";

impl Row for Hit<'_> {
    fn columns(&self) -> &'static str {
        HIT_COLUMNS
    }
}

/// The entries that match a query, best first.
#[derive(Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Search<'a> {
    pub lang: Lang,
    pub query: String,
    /// How many entries match at least one word; `hits` holds the first `--limit` of
    /// them.
    pub count: usize,
    /// Whether some entry matches every word (else they match some).
    pub all_words: bool,
    pub hits: Vec<Hit<'a>>,
    /// The query's words as typed, for the line that says not all matched.
    #[serde(skip)]
    words: Vec<String>,
    /// How many more hits `--limit` left out.
    #[serde(skip)]
    more: usize,
    /// Why nothing is found, when nothing is.
    #[serde(skip)]
    miss: Option<Msg>,
    /// The query as searched, to mark its words in what a table shows.
    #[serde(skip)]
    parsed: Query,
}

/// An entry's id, title and detail, for a line of results.
pub(crate) fn summary<'a>(v: &Viewer<'a>, e: EntryRef) -> (&'a str, String, String) {
    let kb = v.kb;
    let l = v.lang;
    match e.kind {
        Kind::Figure => {
            let f = v.figure(&kb.figures[e.idx]);
            let period = f.period.map(|p| format!(", {p}")).unwrap_or_default();
            (
                f.id,
                f.label.to_string(),
                format!("{}{period} — {}", f.stated, f.source.cell()),
            )
        }
        Kind::List => {
            let x = &kb.lists[e.idx];
            (&x.id, l.pick(&x.title).to_string(), items(l, x.items.len()))
        }
        Kind::Actor => {
            let a = &kb.actors[e.idx];
            let title = match &a.code {
                Some(c) => format!("{c} — {}", l.pick(&a.name)),
                None => l.pick(&a.name).to_string(),
            };
            let parents: Vec<&str> = v
                .parents(a)
                .into_iter()
                .map(|p| p.code.as_deref().unwrap_or(l.pick(&p.name)))
                .collect();
            let detail = if parents.is_empty() {
                v.group(&a.group_id).name.to_string()
            } else {
                parents.join(" → ")
            };
            (&a.id, title, detail)
        }
        Kind::Source => {
            let s = &kb.sources[e.idx];
            let n = v.backed(s).len();
            (
                &s.id,
                v.source_ref(s).cell(),
                format!("{}{}{}", l.l(L::FIGURES), l.colon(), l.int(n)),
            )
        }
        Kind::Event => {
            let ev = &kb.events[e.idx];
            let dates = event_dates(ev, l).unwrap_or_else(|| l.pick(&ev.place).to_string());
            (&ev.id, l.pick(&ev.name).to_string(), dates)
        }
        Kind::Topic => {
            let t = &kb.topics[e.idx];
            let n = v.of_topic(&t.id).len();
            (
                &t.id,
                l.pick(&t.name).to_string(),
                format!("{}{}{}", l.l(L::FIGURES), l.colon(), l.int(n)),
            )
        }
        Kind::Group => {
            let g = &kb.groups[e.idx];
            (&g.id, l.pick(&g.name).to_string(), String::new())
        }
        Kind::Section => {
            let s = &kb.sections[e.idx];
            let parent = s.parent_id.as_ref().map(|p| v.section(p).name);
            (
                &s.id,
                l.pick(&s.title).to_string(),
                parent.unwrap_or("").to_string(),
            )
        }
    }
}

/// `7 items`, `7 éléments`.
fn items(l: Lang, n: usize) -> String {
    match (l, n) {
        (Lang::En, 1) => "1 item".into(),
        (Lang::En, n) => format!("{} items", l.int(n)),
        (Lang::Fr, 1) => "1 élément".into(),
        (Lang::Fr, n) => format!("{} éléments", l.int(n)),
    }
}

fn spans(pairs: Vec<(usize, usize)>) -> Vec<Span> {
    pairs
        .into_iter()
        .map(|(start, end)| Span { start, end })
        .collect()
}

/// The line under a hit's title in a table: the passage that matched, unless the
/// title (or the id) already shows it; then, for an actor, the start of its role.
fn line(h: &Hit, q: &Query) -> Option<(String, Vec<Span>)> {
    let (title, p) = (&h.title, &h.matched);
    let shown =
        p.field == Field::Id.name() || title.to_lowercase().contains(&p.text.to_lowercase());
    if !shown {
        return Some((p.text.clone(), p.spans.clone()));
    }
    if h.kind != Kind::Actor {
        return None;
    }
    let v = &h.entry.viewer;
    let role = v.kb.actors[h.entry.entry.idx].role.as_ref()?;
    let lead = passage::lead(v.lang.pick(role));
    let marks = spans(passage::spans(&lead, q));
    Some((lead, marks))
}

pub fn run<'a>(ctx: &Ctx<'a>, words: &[String], opts: Options) -> Result<Search<'a>> {
    let query = words.join(" ");
    super::not_empty(
        &query,
        Msg::new("the search", "la recherche"),
        Msg::new("aimemo search énergie", "aimemo recherche énergie"),
    )?;
    let kb = ctx.kb();
    let found = ctx.loaded.search(&query);
    let (hits, all_words) = found.select(kb, opts.kind);
    let typed = || {
        words
            .iter()
            .flat_map(|w| w.split_whitespace())
            .map(str::to_string)
            .collect()
    };
    if hits.is_empty() {
        return Ok(Search {
            lang: ctx.lang,
            count: 0,
            all_words: false,
            hits: Vec::new(),
            words: typed(),
            more: 0,
            miss: Some(miss_message(ctx, &query, &found, opts.kind)),
            query,
            parsed: found.query,
        });
    }
    let v = ctx.viewer();
    let side = match ctx.lang {
        Lang::En => Side::En,
        Lang::Fr => Side::Fr,
    };
    let count = hits.len();
    let shown = opts.limit.map_or(count, |n| n.min(count));
    let hits: Vec<Hit> = hits
        .iter()
        .take(shown)
        .map(|h| {
            let (id, title, detail) = summary(&v, h.entry);
            let p = passage::passage(kb, h.entry, &found.query, side, found.fields_of(h))
                .unwrap_or(Passage {
                    field: crate::kb::index::Field::Id,
                    text: id.to_string(),
                    spans: Vec::new(),
                });
            Hit {
                kind: h.entry.kind,
                id,
                score: h.score,
                title,
                detail,
                matched: Matched {
                    field: p.field.name(),
                    text: p.text,
                    spans: spans(p.spans),
                },
                entry: EntryJson {
                    viewer: v,
                    entry: h.entry,
                },
            }
        })
        .collect();
    Ok(Search {
        lang: ctx.lang,
        query,
        count,
        all_words,
        hits,
        words: typed(),
        more: count - shown,
        miss: None,
        parsed: found.query,
    })
}

/// Why a search found nothing: only words that carry no meaning, hits of other
/// kinds than `--kind` asks, or nothing at all (with the closest ids and names).
fn miss_message(ctx: &Ctx, query: &str, found: &Found, kind: Option<Kind>) -> Msg {
    let q = super::shown(query);
    if found.query.terms.is_empty() && !found.query.ignored.is_empty() {
        let words: Vec<String> = found
            .query
            .ignored
            .iter()
            .map(|w| format!("`{w}`"))
            .collect();
        let words = words.join(", ");
        return Msg::new(
            format!("`{q}` has only words that carry no meaning ({words})\nadd a word to look for: aimemo search who co-chaired the summit"),
            format!("`{q}` n’a que des mots vides de sens ({words})\najoutez un mot à chercher : aimemo recherche qui a coprésidé le sommet"),
        );
    }
    if let (Some(k), false) = (kind, found.hits.is_empty()) {
        let (name, n) = (k.name(), found.hits.len());
        let (en, fr) = match n {
            1 => (
                "1 entry of another kind does".into(),
                "1 fiche d’un autre type, si".into(),
            ),
            _ => (
                format!("{n} entries of other kinds do"),
                format!("{n} fiches d’autres types, si"),
            ),
        };
        return Msg::new(
            format!("no {name} matches `{q}` ({en})\ntry without --kind"),
            format!(
                "aucune fiche de type {name} ne correspond à `{q}` ({fr})\nessayez sans --kind"
            ),
        );
    }
    let kb = ctx.kb();
    let candidates = kb
        .ids()
        .map(|(id, _)| id)
        .chain(kb.actors.iter().filter_map(|a| a.code.as_deref()))
        .chain(kb.topics.iter().map(|t| &*t.name.en));
    missed(
        Msg::new(
            format!("nothing matches `{q}`"),
            format!("rien ne correspond à `{q}`"),
        ),
        query,
        candidates,
        Msg::new(
            "search looks in both languages, accents optional; try other words",
            "la recherche porte sur les deux langues, accents facultatifs ; essayez d’autres mots",
        ),
    )
}

/// The byte ranges of character spans in `text`, shifted by `at` bytes.
fn byte_ranges(text: &str, spans: &[Span], at: usize) -> Vec<std::ops::Range<usize>> {
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    spans
        .iter()
        .filter_map(|s| Some(at + offsets.get(s.start)?..at + offsets.get(s.end)?))
        .collect()
}

impl Hit<'_> {
    /// The title, and under it the line that shows why it matched, highlighted.
    /// Worked out here, for what people read, not for every search: JSON and CSV
    /// have the passage only.
    fn cell(&self, q: &Query) -> Cell {
        let mut text = self.title.clone();
        let mut marks = byte_ranges(&self.title, &spans(passage::spans(&self.title, q)), 0);
        if let Some((line, spans)) = &line(self, q) {
            text.push('\n');
            marks.extend(byte_ranges(line, spans, text.len()));
            text.push_str(line);
        }
        Cell::marked(text, marks)
    }
}

impl Report for Search<'_> {
    type Record<'r>
        = &'r Hit<'r>
    where
        Self: 'r;

    fn doc(&self) -> Doc {
        let l = self.lang;
        let mut doc = Doc::default();
        if !self.all_words {
            let words = self.words.join(", ");
            doc.push(Block::Text(match l {
                Lang::En => {
                    format!("No entry matches all of {words}; showing entries that match some.")
                }
                Lang::Fr => format!(
                    "Aucune entrée ne contient tous les mots {words} ; voici celles qui en contiennent une partie."
                ),
            }));
        }
        doc.push(Block::Table {
            caption: Some(format!(
                "{}{}{}",
                l.l(L::MATCHES_FOR),
                l.colon(),
                self.query
            )),
            headers: l.labels(&[L::KIND, L::ID, L::MATCH, L::DETAIL]),
            rows: self
                .hits
                .iter()
                .map(|h| {
                    vec![
                        Cell::dim(layout::kind_label(l, h.kind)),
                        Cell::code(h.id),
                        h.cell(&self.parsed),
                        Cell::plain(&h.detail),
                    ]
                })
                .collect(),
        });
        if self.more > 0 {
            doc.push(Block::Text(match l {
                Lang::En => format!("{} more: --limit 0 for all", l.int(self.more)),
                Lang::Fr => format!("{} de plus : --limit 0 pour tout voir", l.int(self.more)),
            }));
        }
        doc
    }

    fn records(&self) -> Vec<&Hit<'_>> {
        self.hits.iter().collect()
    }

    fn miss(&self) -> Option<&Msg> {
        self.miss.as_ref()
    }

    fn columns(&self) -> Option<&'static str> {
        Some(HIT_COLUMNS)
    }
}
