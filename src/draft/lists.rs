//! Lists: every enumeration, its items in order.
//!
//! Three shapes:
//! 1. items of a bulleted or numbered list, one block each; items that read as
//!    titles (short, no final period) may have paragraphs between them (`>` axes,
//!    each followed by what was done under it);
//! 2. items marked inside a sentence: `i) …, ii) … et iii) …`;
//! 3. enumerations in a sentence: `X, Y et Z`, `(X, Y, Z)`, `à la fois X et Y`,
//!    and long runs of short words (`Culture, médias, patrimoine, …, sport !`).
//!
//! An item that opens with an article or a preposition (`les États, les
//! chercheurs`; `au savoir, au travail`) tells where the first one starts in the
//! words before it (`entre les États`: `les États`).

use std::ops::Range;

use super::text::{self, Doc, Kind, Marker};
use super::words::{self, CLAUSE_WORDS, DETERMINERS, PREPOSITIONS};

/// One list.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// What it lists, in the text's words: its lead-in, or the heading above it.
    pub title: String,
    pub items: Vec<String>,
    /// The text's words for it: its lead-in and its items, passages joined with
    /// ` … `.
    pub quote: String,
    /// The block it starts in.
    pub block: usize,
    /// Where it starts in the text, to keep lists in the text's order.
    pub at: usize,
}

/// Every list of `doc`; `section_title(block)` is the heading above a block.
pub fn read(doc: &Doc, section_title: &dyn Fn(usize) -> String) -> Vec<List> {
    // In the text's order: a run of items before what its first item's sentences
    // hold (runs come out of `item_runs` in the order of their first blocks).
    let mut runs = item_runs(doc, section_title).into_iter().peekable();
    let mut out = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        while let Some(run) = runs.next_if(|r| r.block <= b) {
            out.push(run);
        }
        if !matches!(block.kind, Kind::Paragraph | Kind::Item(_)) {
            continue;
        }
        for span in &block.sentences {
            let s = &doc.text[span.clone()];
            let marked = marked_inline(s);
            let runs = if marked.is_some() {
                Vec::new()
            } else {
                comma_runs(s)
            };
            for l in marked
                .into_iter()
                .chain(bracketed(s))
                .chain(runs)
                .chain(both(s))
            {
                out.push(at(l, span.start, b));
            }
        }
    }
    out
}

/// A list found in a sentence, placed in the text.
fn at(mut l: List, start: usize, block: usize) -> List {
    l.at += start;
    l.block = block;
    l
}

/// Shape 1: runs of item blocks with the same kind of marker.
fn item_runs(doc: &Doc, section_title: &dyn Fn(usize) -> String) -> Vec<List> {
    let mut used = vec![false; doc.blocks.len()];
    let mut out = Vec::new();
    for i in 0..doc.blocks.len() {
        let Kind::Item(first) = doc.blocks[i].kind else {
            continue;
        };
        if used[i] {
            continue;
        }
        let mut items = vec![i];
        let mut titles = is_title_item(doc, i);
        let mut k = i + 1;
        while k < doc.blocks.len() {
            let b = &doc.blocks[k];
            let last = doc.blocks[*items.last().unwrap_or(&i)].kind;
            match b.kind {
                Kind::Item(m) if follows(last, m) && same_family(first, m) => {
                    titles &= is_title_item(doc, k);
                    items.push(k);
                }
                Kind::Heading => break,
                // Items that read as titles have what is said under them between.
                _ if titles && !matches!(first, Marker::Number(_)) => {}
                _ => break,
            }
            k += 1;
        }
        if items.len() < 2 {
            continue;
        }
        items.iter().for_each(|&k| used[k] = true);
        let texts: Vec<String> = items
            .iter()
            .map(|&k| {
                let b = &doc.blocks[k];
                doc.text[b.head.clone().unwrap_or(b.span.clone())].to_string()
            })
            .collect();
        // The lead-in: the sentence before the first item when it ends with `:`.
        let lead = i
            .checked_sub(1)
            .filter(|&p| doc.blocks[p].kind == Kind::Paragraph)
            .and_then(|p| doc.blocks[p].sentences.last().cloned())
            .filter(|r| doc.text[r.clone()].trim_end().ends_with(':'));
        let mut passages: Vec<&str> = Vec::new();
        let title = match &lead {
            Some(r) => {
                passages.push(&doc.text[r.clone()]);
                doc.text[r.clone()]
                    .trim_end()
                    .trim_end_matches(':')
                    .trim_end()
                    .to_string()
            }
            None => section_title(i),
        };
        passages.extend(items.iter().map(|&k| doc.of(&doc.blocks[k])));
        out.push(List {
            title,
            items: texts.into_iter().map(|t| clean_item(&t)).collect(),
            quote: passages.join(" … "),
            block: i,
            at: doc.blocks[i].span.start,
        });
    }
    out
}

/// True when marker `next` can follow `last` in one list: the same glyph, or the
/// next number or letter.
fn follows(last: Kind, next: Marker) -> bool {
    match (last, next) {
        (Kind::Item(Marker::Glyph(a)), Marker::Glyph(b)) => a == b,
        (Kind::Item(Marker::Number(a)), Marker::Number(b)) => b == a + 1,
        (Kind::Item(Marker::Letter(a)), Marker::Letter(b)) => b == a + 1,
        // After what is said under a title item: the same glyph again.
        (_, Marker::Glyph(_)) => true,
        _ => false,
    }
}

fn same_family(a: Marker, b: Marker) -> bool {
    match (a, b) {
        (Marker::Glyph(x), Marker::Glyph(y)) => x == y,
        (Marker::Number(_), Marker::Number(_)) | (Marker::Letter(_), Marker::Letter(_)) => true,
        _ => false,
    }
}

/// An item that reads as a title: at most twenty words, not ending a sentence.
fn is_title_item(doc: &Doc, k: usize) -> bool {
    let t = doc.of(&doc.blocks[k]);
    t.split_whitespace().count() <= 20 && !t.trim_end().ends_with(['.', ';', '!', '?'])
}

/// An item without the punctuation that ties it to the next (`… ;`, `… ,`).
fn clean_item(t: &str) -> String {
    let mut t = t.trim().trim_end_matches([';', ',', '.', ':']).trim_end();
    // An aside in brackets after it (`nos Antoine Dupont (Murmures sur des travées
    // …)`), not an acronym (`(PNUE)`).
    if let Some(open) = t.strip_suffix(')').and_then(|x| x.rfind('(')) {
        if t[open..].split_whitespace().count() >= 3 {
            t = t[..open].trim_end();
        }
    }
    let t = t
        .strip_suffix(" et")
        .or_else(|| t.strip_suffix(" ou"))
        .unwrap_or(t);
    t.trim().to_string()
}

/// Shape 2: items marked in the sentence: `i) …, ii) … et iii) …`, `a) … b) …`, `1) … 2) …`.
fn marked_inline(s: &str) -> Option<List> {
    for family in 0..3 {
        let marker = |n: u32| -> String {
            match family {
                0 => format!(
                    "{})",
                    text::ROMAN.split('|').nth(n as usize - 1).unwrap_or("?")
                ),
                1 => format!("{})", (b'a' + (n - 1) as u8) as char),
                _ => format!("{n})"),
            }
        };
        let mut at = Vec::new();
        let mut from = 0;
        for n in 1..=10 {
            let m = marker(n);
            let found = s[from..]
                .match_indices(&m)
                .map(|(i, _)| from + i)
                .find(|&i| i == 0 || s[..i].ends_with([' ', '(']));
            match found {
                Some(i) => {
                    at.push((i, i + m.len()));
                    from = i + m.len();
                }
                None => break,
            }
        }
        if at.len() < 2 {
            continue;
        }
        let mut items = Vec::new();
        for (k, &(_, end)) in at.iter().enumerate() {
            let stop = at.get(k + 1).map_or(s.len(), |n| n.0);
            items.push(clean_item(&s[end..stop]));
        }
        let title = clean_item(&s[..at[0].0]);
        return Some(List {
            title: if title.is_empty() {
                items[0].clone()
            } else {
                title
            },
            items,
            quote: s.trim().to_string(),
            block: 0,
            at: 0,
        });
    }
    None
}

/// Top-level spans of `s` between `sep` characters, brackets and quotes kept
/// whole.
fn split_top(s: &str, range: Range<usize>, sep: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = range.start;
    for (i, c) in s[range.clone()].char_indices() {
        let i = range.start + i;
        match c {
            '(' | '«' | '[' => depth += 1,
            ')' | '»' | ']' => depth = (depth - 1).max(0),
            c if depth == 0 && sep.contains(&c) => {
                out.push(start..i);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(start..range.end);
    out
}

/// Shape 3a: a bracketed list: `(deepfake, fraude, vol de données personnelles)`.
fn bracketed(s: &str) -> Vec<List> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = s[from..].find('(').map(|i| from + i) {
        let Some(close) = matching_close(s, open) else {
            break;
        };
        from = close;
        let inner = open + 1..close;
        let lower = s[inner.clone()].trim_start().to_lowercase();
        if lower.starts_with("source") {
            continue;
        }
        let mut segs: Vec<String> = split_top(s, inner, &[','])
            .into_iter()
            .map(|r| s[r].trim().to_string())
            .collect();
        if segs.len() < 2 {
            continue;
        }
        // `etc.`, `notamment`, `par exemple` close a list; they are not items.
        if segs
            .last()
            .is_some_and(|l| l.trim_end_matches('.') == "etc" || l == "…")
        {
            segs.pop();
        }
        if let Some(last) = segs.last_mut() {
            for tail in [" notamment", " par exemple", " etc.", " etc", "…"] {
                if let Some(t) = last.strip_suffix(tail) {
                    *last = t.trim().to_string();
                }
            }
            // `(français, européens et étrangers)`: the last comma-part holds two.
            if let Some((a, b)) = last.rsplit_once(" et ") {
                let (a, b) = (a.trim().to_string(), b.trim().to_string());
                *last = a;
                segs.push(b);
            }
        }
        if segs.len() < 2
            || segs
                .iter()
                .any(|g| g.is_empty() || g.split_whitespace().count() > 12)
        {
            continue;
        }
        let before = s[..open].trim_end();
        out.push(List {
            title: title_before(before).unwrap_or_else(|| segs.join(", ")),
            items: segs,
            quote: s.trim().to_string(),
            block: 0,
            at: open,
        });
    }
    out
}

fn matching_close(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// What a list in brackets lists: the words before the bracket, from the last
/// article or preposition (`de dérives déjà visibles`: `dérives déjà visibles`).
fn title_before(before: &str) -> Option<String> {
    let clause = before
        .rsplit([',', ':', ';', '('])
        .next()
        .unwrap_or(before)
        .trim();
    let toks = words::tokens(clause);
    let from = toks
        .iter()
        .rposition(|t| t.is(DETERMINERS) || t.is(PREPOSITIONS))
        .map_or(0, |p| p + 1);
    let from = if toks.len() - from > 8 {
        toks.len() - 8
    } else {
        from
    };
    let t = toks
        .get(from)
        .map(|t| clause[t.span.start..].trim().to_string())?;
    (!t.is_empty()).then_some(t)
}

/// What opens an item: an article, a preposition, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opens {
    Article,
    Preposition,
    Word,
}

fn opens(item: &str) -> Opens {
    let toks = words::tokens(item);
    match toks.first() {
        Some(t) if t.is(DETERMINERS) => Opens::Article,
        Some(t) if t.is(PREPOSITIONS) => Opens::Preposition,
        _ => Opens::Word,
    }
}

/// The words of `s` outside brackets (an acronym beside a name adds none).
fn word_count(s: &str) -> usize {
    let mut depth = 0;
    words::tokens(s)
        .iter()
        .filter(|t| {
            if t.is_punct('(') {
                depth += 1;
            } else if t.is_punct(')') {
                depth -= 1;
            }
            depth == 0 && (t.is_word() || t.class == words::Class::Digits)
        })
        .count()
}

/// Conjunctions that join the last item.
const CONJUNCTIONS: &[&str] = &[" ainsi que ", " et ", " ou "];

/// Shape 3b: `X, Y et Z` in a clause of the sentence (clauses end at `:` and `;`), and
/// long runs of short comma-parts with no conjunction.
fn comma_runs(s: &str) -> Vec<List> {
    let mut out = Vec::new();
    for clause in split_top(s, 0..s.len(), &[':', ';']) {
        let segs: Vec<Range<usize>> = split_top(s, clause.clone(), &[','])
            .into_iter()
            .map(|r| trim_range(s, r))
            .filter(|r| !r.is_empty())
            .collect();
        let mut done = 0; // parts before this one belong to a list found already
        let mut e = 1;
        while e < segs.len() {
            let last = &s[segs[e].clone()];
            if starts_with_conjunction(last) || !CONJUNCTIONS.iter().any(|c| last.contains(c)) {
                e += 1;
                continue;
            }
            if let Some(l) = run_ending(s, &segs, done, e) {
                out.push(l);
                done = e + 1;
            }
            e += 1;
        }
        if done == 0 {
            out.extend(same_openers(s, &segs));
        }
        // `Culture, médias, patrimoine, …, sport !`: four short parts or more.
        if out.is_empty() && segs.len() >= 4 {
            let short = |r: &Range<usize>| word_count(&s[r.clone()]) <= 3;
            if segs.iter().all(short) {
                let items: Vec<String> = segs
                    .iter()
                    .map(|r| clean_item(s[r.clone()].trim_end_matches(['!', '?', '…'])))
                    .collect();
                out.push(List {
                    title: format!("{}, …", items[..3].join(", ")),
                    items,
                    quote: s.trim().to_string(),
                    block: 0,
                    at: segs[0].start,
                });
            }
        }
    }
    out
}

fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let start = r.start + (t.len() - t.trim_start().len());
    let end = r.end - (t.len() - t.trim_end().len());
    start..end.max(start)
}

fn starts_with_conjunction(t: &str) -> bool {
    let low = t.to_lowercase();
    ["et ", "ou ", "mais ", "ainsi ", "puis "]
        .iter()
        .any(|c| low.starts_with(c))
}

/// The list whose last comma-part is `segs[e]` (it holds the conjunction), its
/// parts before it no earlier than `segs[done]`.
fn run_ending(s: &str, segs: &[Range<usize>], done: usize, e: usize) -> Option<List> {
    let part = |k: usize| &s[segs[k].clone()];
    let last = part(e);
    // Parts between the first item and the last part, each an item as it stands,
    // opening the way the one after it does; bare ones (no article, no
    // preposition) short: `scientifique, économique, culturel`.
    let mut m = e;
    while m > done + 1 {
        let p = part(m - 1);
        let reference = if m < e { opens(part(m)) } else { opens(last) };
        let longest = if reference == Opens::Word { 3 } else { 10 };
        let item_like = word_count(p) <= longest
            && !starts_with_conjunction(p)
            && !words::tokens(p).first().is_some_and(|t| t.is(CLAUSE_WORDS))
            && opens(p) == reference;
        if !item_like {
            break;
        }
        m -= 1;
    }
    let next = if m < e { part(m) } else { last };
    let kind = opens(next);
    let opener = first_word(next);
    let (y, z) = split_last(last, kind)?;
    let z = cut_last(&z);
    let carrier = m - 1;
    let at_clause_start = carrier == 0;
    let len = (m..e)
        .map(|k| word_count(part(k)))
        .chain([word_count(&y)])
        .max()
        .unwrap_or(1);
    let mut items: Vec<String> = Vec::new();
    let mut at = segs[carrier].start;
    match first_item(part(carrier), kind, &opener, at_clause_start, len) {
        Some(first) => items.push(first),
        // The part before holds no item (`en facilitant, par exemple, l'optimisation
        // …, la gestion …`): the list starts with the parts after it.
        None if m < e => at = segs[m].start,
        None => return None,
    }
    items.extend((m..e).map(|k| clean_item(part(k))));
    items.push(clean_item(&y));
    items.push(clean_item(&z));
    if items.len() < 3 || items.iter().any(|i| i.is_empty()) {
        return None;
    }
    // With no part between, the two after must read alike: the same kind of
    // article (`le Programme … et l'Union …`), single words (`humains, écologiques
    // et scientifiques`), or short ones at the start of a clause (`inclusive,
    // durable et de confiance`).
    if m == e {
        let bracket = |i: &str| i.trim_end().ends_with(')');
        let alike = kind != Opens::Word
            && family(&y) & family(&z) != 0
            && word_count(&y) <= 8
            && bracket(&y) == bracket(&z);
        let single = items.iter().all(|i| word_count(i) == 1);
        let short = at_clause_start && items.iter().all(|i| word_count(i) <= 4);
        if !(alike || single || short) {
            return None;
        }
    }
    if kind == Opens::Word && word_count(&y) > 3 {
        return None;
    }
    let lead = &s[..at + s[at..].find(items[0].as_str()).unwrap_or(0)];
    Some(List {
        title: title_of(lead, s),
        items,
        quote: s.trim().to_string(),
        block: 0,
        at,
    })
}

/// A list's title: the words before its first item, or the sentence when there
/// are hardly any.
fn title_of(lead: &str, sentence: &str) -> String {
    let title = lead.trim().trim_end_matches([':', ',']).trim();
    if word_count(title) >= 2 {
        title.to_string()
    } else {
        sentence.trim().to_string()
    }
}

/// The first word of `s`, in small letters (`d’` as `d'`).
fn first_word(s: &str) -> String {
    words::tokens(s)
        .first()
        .map(|t| t.low().to_string())
        .unwrap_or_default()
}

/// What kind of word opens an item, as bits: an article, `de`, a demonstrative, a
/// possessive, a preposition (`des` is an article and `de`).
fn family(item: &str) -> u8 {
    match first_word(item).as_str() {
        "le" | "la" | "les" | "l'" | "un" | "une" => 1,
        "des" => 1 | 2,
        "de" | "d'" | "du" => 2,
        "ce" | "cet" | "cette" | "ces" => 4,
        "son" | "sa" | "ses" | "leur" | "leurs" | "notre" | "nos" | "votre" | "vos" | "mon"
        | "ma" | "mes" => 8,
        w if words::has(PREPOSITIONS, w) => 16,
        _ => 0,
    }
}

/// Shape 3d: comma-parts opening with the same word, no conjunction needed: `nos
/// Léon Marchand, nos Teddy Riner, nos Antoine Dupont`, `à Mistral, à LightOn, à
/// Owkin`; the part before holds the first when it has that word.
fn same_openers(s: &str, segs: &[Range<usize>]) -> Vec<List> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < segs.len() {
        let opener = first_word(&s[segs[k].clone()]);
        let fits = |p: &Range<usize>| {
            first_word(&s[p.clone()]) == opener && word_count(&s[p.clone()]) <= 6
        };
        let mut end = k;
        while end < segs.len() && fits(&segs[end]) && family(&s[segs[end].clone()]) != 0 {
            end += 1;
        }
        let run = end - k;
        let carrier = k.checked_sub(1).and_then(|c| {
            let p = &s[segs[c].clone()];
            let toks = words::tokens(p);
            let at = toks.iter().rposition(|t| t.low() == opener)?;
            Some(clean_item(&p[toks[at].span.start..]))
        });
        if run >= 3 || run >= 2 && carrier.is_some() {
            let mut items: Vec<String> = carrier.iter().cloned().collect();
            items.extend(segs[k..end].iter().map(|r| clean_item(&s[r.clone()])));
            let at = segs[k.saturating_sub(usize::from(carrier.is_some()))].start;
            out.push(List {
                title: title_of(&s[..at], s),
                items,
                quote: s.trim().to_string(),
                block: 0,
                at,
            });
            k = end;
        } else {
            k += 1;
        }
    }
    out
}

/// The last part at its conjunction: before and after. Where several, the first
/// one followed by a word that opens an item the way the others do (`des besoins
/// et des acteurs impliqués … globale et inclusive`); `ainsi que` splits too.
fn split_last(last: &str, kind: Opens) -> Option<(String, String)> {
    // Where each conjunction stands, in the text's order.
    let cuts: Vec<(usize, usize)> = last
        .char_indices()
        .filter_map(|(i, _)| {
            let c = CONJUNCTIONS.iter().find(|c| last[i..].starts_with(*c))?;
            Some((i, i + c.len()))
        })
        .collect();
    let fitting = cuts
        .iter()
        .find(|(_, after)| opens(&last[*after..]) == kind);
    let (a, b) = fitting.or(cuts.first())?;
    Some((last[..*a].to_string(), last[*b..].to_string()))
}

/// The last item ends where a clause starts (`créateurs ont contribué` ends at
/// `ont`) or at a verb (`administrations choisissent`), at most twelve words.
fn cut_last(z: &str) -> String {
    let toks = words::tokens(z);
    let mut end = z.len();
    let mut n = 0;
    for (k, t) in toks.iter().enumerate() {
        if k > 0 && (t.is(CLAUSE_WORDS) || looks_like_verb(t.low())) {
            end = t.span.start;
            break;
        }
        if t.is_word() {
            n += 1;
            if n > 12 {
                end = t.span.start;
                break;
            }
        }
    }
    z[..end]
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .trim()
        .to_string()
}

/// A verb in the third person plural by its ending (`choisissent`, `servent`),
/// not a noun in `-ment` or one of the usual nouns in `-ent`.
fn looks_like_verb(low: &str) -> bool {
    const NOUNS: &str =
        "talent|agent|client|président|accent|argent|continent|incident|patient|parent\
    |événement|évènement|moment|segment|orient|occident";
    let stem = low.strip_suffix('s').unwrap_or(low);
    low.ends_with("ent")
        && !low.ends_with("ment")
        && low.chars().count() > 5
        && !words::has(NOUNS, stem)
}

/// The first item, in the part that carries it: from the last word that opens
/// an item the way the next one does, the same word first (`entre les États`: `les
/// États`; `de création d'images`, not `d'images`); with no such word, none when
/// items open with an article or a preposition; bare items: the part as it is at
/// the start of a clause when it is short, else its last words, as many as the
/// other items have.
fn first_item(
    part: &str,
    kind: Opens,
    opener: &str,
    at_clause_start: bool,
    len: usize,
) -> Option<String> {
    let toks = words::tokens(part);
    let same = |t: &words::Tok| {
        let low = t.low();
        low == opener || matches!((low, opener), ("de" | "d'", "de" | "d'"))
    };
    let from = match kind {
        Opens::Article => toks
            .iter()
            .rposition(same)
            .or_else(|| toks.iter().rposition(|t| t.is(DETERMINERS))),
        Opens::Preposition => toks
            .iter()
            .rposition(same)
            .or_else(|| toks.iter().rposition(|t| t.is(PREPOSITIONS))),
        Opens::Word => None,
    };
    let words_in: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_word() || t.class == words::Class::Digits)
        .map(|(k, _)| k)
        .collect();
    let from = match from {
        Some(f) => f,
        None if kind != Opens::Word => return None,
        None if at_clause_start && words_in.len() <= len + 1 => 0,
        None => *words_in.get(words_in.len().checked_sub(len.max(1))?)?,
    };
    Some(clean_item(&part[toks.get(from)?.span.start..]))
}

/// Shape 3c: `à la fois X et Y`.
fn both(s: &str) -> Vec<List> {
    let Some(at) = s.find("à la fois ") else {
        return Vec::new();
    };
    let rest_at = at + "à la fois ".len();
    let rest = &s[rest_at..];
    let kind = opens(rest);
    let cut = rest
        .match_indices(" et ")
        .find(|(i, _)| opens(&rest[i + 4..]) == kind)
        .or_else(|| rest.match_indices(" et ").next());
    let Some((i, _)) = cut else {
        return Vec::new();
    };
    let y = cut_last(&rest[i + 4..]);
    let items = vec![clean_item(&rest[..i]), clean_item(&y)];
    vec![List {
        title: clean_item(&s[..at]),
        items,
        quote: s.trim().to_string(),
        block: 0,
        at,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &str) -> Vec<Vec<String>> {
        let doc = text::read(s);
        read(&doc, &|_| "section".into())
            .into_iter()
            .map(|l| l.items)
            .collect()
    }

    #[test]
    fn enumerations_in_sentences() {
        assert_eq!(
            items("Elle a été rythmée par des journées scientifiques, un week-end culturel, de nombreux événements parallèles et une journée pour les entreprises."),
            [["des journées scientifiques", "un week-end culturel", "de nombreux événements parallèles", "une journée pour les entreprises"]]
        );
        assert_eq!(
            items("L’IA est un défi scientifique, économique, culturel, politique et citoyen qui nécessite un dialogue étroit : entre les États, les chercheurs, les entreprises, les créateurs et la société civile, ainsi qu’une gouvernance."),
            [
                vec!["scientifique", "économique", "culturel", "politique", "citoyen"],
                vec!["les États", "les chercheurs", "les entreprises", "les créateurs", "la société civile"]
            ]
        );
        assert_eq!(
            items("La position de la France en 3 mots : inclusive, durable et de confiance."),
            [["inclusive", "durable", "de confiance"]]
        );
        assert_eq!(
            items(
                "Dix gouvernements, dont l’Allemagne, le Chili, l’Inde et le Nigéria, ont signé."
            ),
            [["l’Allemagne", "le Chili", "l’Inde", "le Nigéria"]]
        );
        assert_eq!(
            items("Hébergée à Paris et ouverte au monde entier, cette fondation vise à rendre l’IA accessible à toutes et tous, en finançant des projets."),
            Vec::<Vec<String>>::new()
        );
    }

    #[test]
    fn bracketed_marked_and_both() {
        assert_eq!(
            items("dans les enceintes (Conseil de sécurité et Assemblée générale des Nations unies, Conseil des droits de l’Homme, etc.)."),
            [["Conseil de sécurité et Assemblée générale des Nations unies", "Conseil des droits de l’Homme"]]
        );
        assert_eq!(
            items("des représentants (français, européens et étrangers) présents"),
            [["français", "européens", "étrangers"]]
        );
        assert_eq!(
            items("Il s’agit de i) rapprocher les écosystèmes, ii) valoriser l’expertise et iii) forger des normes."),
            [["rapprocher les écosystèmes", "valoriser l’expertise", "forger des normes"]]
        );
        assert_eq!(
            items("Elle veut soutenir à la fois les initiatives pour réduire l’empreinte énergétique et environnementale de l’IA et l’utilisation de l’IA au service de nos transitions."),
            [["les initiatives pour réduire l’empreinte énergétique et environnementale de l’IA", "l’utilisation de l’IA au service de nos transitions"]]
        );
    }

    #[test]
    fn bulleted_and_numbered() {
        let got = items("Autour de 5 verticales :\n1. l’IA au service\n2. la gouvernance\n\nTrois axes :\n\n > Donner à chacun les moyens\n\nLancement de Current IA.\n\n > Favoriser une IA durable\n\nAutre.\n\nTitre\n\n > Une phrase entière.\n > Une autre.");
        assert_eq!(
            got,
            [
                vec!["l’IA au service", "la gouvernance"],
                vec!["Donner à chacun les moyens", "Favoriser une IA durable"],
                vec!["Une phrase entière", "Une autre"],
            ]
        );
    }
}
