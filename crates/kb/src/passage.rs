//! Why an entry matched: the passage of its text that holds the query's words (the
//! list items, the sentence of a role or a text, the quote), cut to about a line
//! around the first of them, with each matched word's place in it.

use super::fold::{each_word_and_scaled, fold_into, is_number, scaled};
use super::index::{pieces, Field, Side};
use super::model::{EntryRef, Kb};
use super::search::{FieldHit, Query};

/// The longest passage, in characters (the ellipses aside).
pub const MAX_CHARS: usize = 100;

/// A passage of an entry that matched a query.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub field: Field,
    pub text: String,
    /// Where each matched word is in `text`: start and end, in characters.
    pub spans: Vec<(usize, usize)>,
}

/// A run of a text that folds to words one of which matched the query: its byte
/// offsets in the text.
#[derive(Clone, Copy, Debug)]
struct Mark {
    start: usize,
    end: usize,
}

/// Whether `c` continues a number after a digit when a digit follows it (`511,3`,
/// `11 000`).
fn joins_digits(c: char) -> bool {
    matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Hands `f` the runs of `text` that fold to words (letters and digits, numbers with
/// their separators, the euro sign), in order, while it answers true.
fn each_run(text: &str, mut f: impl FnMut(usize, usize) -> bool) {
    let mut start: Option<usize> = None;
    // Whether the character before is an ASCII digit.
    let mut digit = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let was_digit = std::mem::replace(&mut digit, c.is_ascii_digit());
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            start.get_or_insert(i);
            continue;
        }
        let after_digit = start.is_some() && was_digit;
        let digit_next = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        if after_digit && digit_next && joins_digits(c) {
            continue;
        }
        if let Some(s) = start.take() {
            if !f(s, i) {
                return;
            }
        }
        if c == '€' && !f(i, i + c.len_utf8()) {
            return;
        }
    }
    if let Some(s) = start {
        f(s, text.len());
    }
}

#[cfg(test)]
fn runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    each_run(text, |s, e| {
        out.push((s, e));
        true
    });
    out
}

/// The runs of `text` that match a word of `q`.
fn marks(text: &str, q: &Query) -> Vec<Mark> {
    marks_within(text, q, usize::MAX)
}

/// The runs of `text` that match a word of `q`, up to `bytes` after the first.
fn marks_within(text: &str, q: &Query, bytes: usize) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    let mut folded = String::new();
    let matches = |w: &str| !w.is_empty() && q.marks(w);
    // The run before, when it ends with a number: where it starts, and that number
    // (folded), which the next run's first word may scale (`109 milliards`).
    let mut number: Option<(usize, String)> = None;
    let numbers = q.has_numbers();
    each_run(text, |start, end| {
        if out
            .first()
            .is_some_and(|m| start > m.start.saturating_add(bytes))
        {
            return false;
        }
        let run = &text[start..end];
        folded.clear();
        // A number and the word that scales it match together, marked as one (only
        // a query's number can match what they make: `number` is kept for those).
        if let Some((from, n)) = number.take() {
            fold_into(&mut folded, run);
            let first = folded.split(' ').next().unwrap_or_default();
            if scaled(&n, first).is_some_and(|v| matches(&v)) {
                out.retain(|m| m.start < from);
                out.push(Mark { start: from, end });
            }
            folded.clear();
        }
        fold_into(&mut folded, run);
        let mut found = false;
        if numbers {
            each_word_and_scaled(&folded, |w| found = found || matches(w));
        } else {
            found = folded.split(' ').any(matches);
        }
        if found && out.last().is_none_or(|m| m.end <= start) {
            out.push(Mark { start, end });
        }
        if numbers {
            let last = folded.rsplit(' ').next().unwrap_or_default();
            if is_number(last) {
                number = Some((start, last.to_string()));
            }
        }
        true
    });
    out
}

/// Where the words of `q` are in `text`: start and end of each, in characters.
pub fn spans(text: &str, q: &Query) -> Vec<(usize, usize)> {
    marks(text, q)
        .iter()
        .map(|m| (chars_before(text, m.start), chars_before(text, m.end)))
        .collect()
}

fn chars_before(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

/// One text of the entry that holds matched words.
struct Candidate {
    field: Field,
    n: u16,
    side: Option<Side>,
    text: String,
    /// How many query words it holds, and its score as a field.
    rank: (usize, u32),
}

impl Candidate {
    /// Its text cut around its matched words, and their places.
    fn cut(&self, q: &Query, max: usize) -> (String, Vec<(usize, usize)>) {
        // The sentence that answers is looked for within a few passages of the first
        // match: what follows further is not read.
        cut(&self.text, &marks_within(&self.text, q, 4 * max), max)
    }
}

/// The passage of entry `e` that best shows why it matched `q`, in `side`'s language
/// when that side matches as well as the other; `fields` are the fields the search
/// found it matched (`Found::fields_of`), the only ones read.
pub fn passage(
    kb: &Kb,
    e: EntryRef,
    q: &Query,
    side: Side,
    fields: &[FieldHit],
) -> Option<Passage> {
    let mut all: Vec<Candidate> = Vec::new();
    pieces(kb, e, &mut |p| {
        let Some(hit) = fields.iter().find(|h| h.piece == p.at) else {
            return;
        };
        let (scores, whole, together) = hit.score_parts(q);
        let matched = hit.quals.iter().filter(|&&x| x > 0).count();
        all.push(Candidate {
            field: p.field,
            n: p.n,
            side: p.side,
            text: p.text.to_string(),
            rank: (matched, scores.iter().sum::<u32>() + whole + together),
        });
    });
    // A figure's value shows only when nothing else matched (its magnitude says it
    // better), and an id only when no other field matched as many words.
    let shown = |c: &&Candidate| c.field != Field::Value;
    let best = all
        .iter()
        .filter(shown)
        .enumerate()
        .max_by_key(|(i, c)| {
            (
                c.rank.0,
                c.field != Field::Id,
                c.rank.1,
                c.side == Some(side),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(_, c)| c)
        .or_else(|| all.first())?;
    if matches!(best.field, Field::Item | Field::Detail) {
        return Some(items(&all, q, side));
    }
    // The same field in the chosen language, when it holds as many of the words.
    let chosen = all
        .iter()
        .find(|c| {
            c.field == best.field
                && c.n == best.n
                && c.side == Some(side)
                && c.rank.0 >= best.rank.0
        })
        .unwrap_or(best);
    let (text, spans) = chosen.cut(q, MAX_CHARS);
    Some(Passage {
        field: chosen.field,
        text,
        spans,
    })
}

/// The list items that matched, in the chosen language where it matches: as many
/// as fit in about a line (the first always), each cut to half a line when several.
fn items(all: &[Candidate], q: &Query, side: Side) -> Passage {
    let mut ns: Vec<u16> = all
        .iter()
        .filter(|c| matches!(c.field, Field::Item | Field::Detail))
        .map(|c| c.n)
        .collect();
    ns.sort_unstable();
    ns.dedup();
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut field = Field::Item;
    let max = if ns.len() > 1 {
        MAX_CHARS / 2
    } else {
        MAX_CHARS
    };
    for (k, n) in ns.iter().enumerate() {
        let of = |f: Field| {
            let mut cs = all.iter().filter(|c| c.field == f && c.n == *n);
            let first = cs.clone().next();
            cs.find(|c| c.side == Some(side)).or(first)
        };
        let Some(c) = of(Field::Item).or_else(|| of(Field::Detail)) else {
            continue;
        };
        let (piece, piece_spans) = c.cut(q, max);
        if k == 0 {
            field = c.field;
        } else if text.chars().count() + 3 + piece.chars().count() > MAX_CHARS {
            text.push_str(" · …");
            break;
        } else {
            text.push_str(" · ");
        }
        let offset = text.chars().count();
        spans.extend(piece_spans.iter().map(|(s, e)| (s + offset, e + offset)));
        text.push_str(&piece);
    }
    Passage { field, text, spans }
}

/// The start of a text: its first sentence, cut to about a line.
pub fn lead(text: &str) -> String {
    cut(text, &[], MAX_CHARS).0
}

/// Where sentences start in `text` (byte offsets): its start, and after `. `, `; `,
/// `! ` and `? ` (not after a colon: French writes `source : …` mid-sentence).
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let b = text.as_bytes();
    for i in 1..b.len() {
        if b[i] == b' ' && matches!(b[i - 1], b'.' | b';' | b'!' | b'?') {
            out.push(i + 1);
        }
    }
    out
}

/// The first matched run of the sentence that holds the most different matched words
/// (the first such sentence): the passage that answers, not the first mention.
fn best_sentence_mark<'m>(text: &str, marks: &'m [Mark], starts: &[usize]) -> Option<&'m Mark> {
    let sentence_of = |m: &Mark| starts.partition_point(|&s| s <= m.start);
    let mut best: Option<(usize, &Mark)> = None;
    for (i, m) in marks.iter().enumerate() {
        if i > 0 && sentence_of(&marks[i - 1]) == sentence_of(m) {
            continue;
        }
        let mut words: Vec<String> = marks[i..]
            .iter()
            .take_while(|n| sentence_of(n) == sentence_of(m))
            .map(|n| text[n.start..n.end].to_lowercase())
            .collect();
        words.sort();
        words.dedup();
        if best.is_none_or(|(count, _)| words.len() > count) {
            best = Some((words.len(), m));
        }
    }
    best.map(|(_, m)| m)
}

/// `text` cut to about `max` characters around its first matched run (never before it):
/// the sentence that holds it, or part of that sentence, with `…` where it is cut;
/// and the matched runs' places in what is kept, in characters.
fn cut(text: &str, marks: &[Mark], max: usize) -> (String, Vec<(usize, usize)>) {
    let spans_in = |from: usize, to: usize, shift: usize| -> Vec<(usize, usize)> {
        marks
            .iter()
            .filter(|m| m.start >= from && m.end <= to)
            .map(|m| {
                (
                    shift + text[from..m.start].chars().count(),
                    shift + text[from..m.end].chars().count(),
                )
            })
            .collect()
    };
    if text.chars().count() <= max {
        return (text.to_string(), spans_in(0, text.len(), 0));
    }
    let starts = sentence_starts(text);
    let first = best_sentence_mark(text, marks, &starts).map_or((0, 0), |m| (m.start, m.end));
    let s_start = starts
        .iter()
        .copied()
        .filter(|&s| s <= first.0)
        .max()
        .unwrap_or(0);
    let s_end = starts
        .iter()
        .copied()
        .find(|&s| s > first.0)
        .map_or(text.len(), |s| s.saturating_sub(1));
    let sentence = text[s_start..s_end].trim_end();
    let s_end = s_start + sentence.len();
    let (from, to) = if sentence.chars().count() <= max {
        (s_start, s_end)
    } else {
        // The start of the word `n` characters before `at` (not before the sentence).
        let word_before = |at: usize, n: usize| {
            let back = text[s_start..at]
                .char_indices()
                .rev()
                .nth(n)
                .map_or(s_start, |(i, _)| s_start + i);
            if back == s_start {
                s_start
            } else {
                text[back..at].find(' ').map_or(back, |i| back + i + 1)
            }
        };
        // About a third of the line before the match, the rest after it; when the
        // sentence ends sooner, more before it.
        let from = word_before(first.0, max / 3);
        let limit = text[from..]
            .char_indices()
            .nth(max)
            .map_or(text.len(), |(i, _)| from + i)
            .min(s_end);
        if limit >= s_end {
            (word_before(s_end, max).min(first.0).max(s_start), s_end)
        } else {
            let to = text[from..limit]
                .rfind(' ')
                .map_or(limit, |i| from + i)
                .max(first.1);
            (from, to)
        }
    };
    let mut out = String::new();
    let lead = from > s_start;
    if lead {
        out.push('…');
    }
    out.push_str(text[from..to].trim_end_matches([' ', ',', ';', ':']));
    if to < s_end {
        out.push('…');
    }
    let spans = spans_in(from, to, usize::from(lead));
    (out, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Query {
        Query::new(s).expect("a query")
    }

    #[test]
    fn runs_keep_numbers_whole() {
        let text = "Plus de 109 milliards d’euros, 511,3 et 11 000 €";
        let words: Vec<&str> = runs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            [
                "Plus",
                "de",
                "109",
                "milliards",
                "d",
                "euros",
                "511,3",
                "et",
                "11 000",
                "€"
            ]
        );
    }

    #[test]
    fn spans_are_in_characters() {
        assert_eq!(spans("L’énergie décarbonée", &q("energie")), [(2, 9)]);
        assert_eq!(spans("un réseau d’eau", &q("eau")), [(12, 15)]);
    }

    #[test]
    fn long_texts_are_cut_around_the_match() {
        let text = "Première phrase courte. ".repeat(3)
            + &"mot ".repeat(40)
            + "cible "
            + &"suite ".repeat(40)
            + ". Fin.";
        let query = q("cible");
        let m = marks(&text, &query);
        let (cut, spans) = cut(&text, &m, MAX_CHARS);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.chars().count() <= MAX_CHARS + 2, "{cut}");
        let (s, e) = spans[0];
        let word: String = cut.chars().skip(s).take(e - s).collect();
        assert_eq!(word, "cible");
        let short = "Un. Deux cible trois. Quatre.".repeat(5);
        let m = marks(&short, &query);
        assert_eq!(cut_text(&short, &m), "Deux cible trois.");
    }

    fn cut_text(text: &str, m: &[Mark]) -> String {
        cut(text, m, MAX_CHARS).0
    }
}
