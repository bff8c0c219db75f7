//! French typography, as a French reader expects it on a page: no-break spaces where
//! a line must not break. Applied once, to the whole document of a command in
//! French, before any human format lays it out (table, text, Markdown, HTML); CSV,
//! TSV and JSON keep the knowledge base's text as it is.
//!
//! Lines break only at ASCII spaces (`table::wrap`, the SVG charts): a no-break space
//! is never a break opportunity, so each rule below keeps a line from breaking there.

use std::borrow::Cow;

use super::{Block, Cell, Doc};
use crate::i18n::Lang;

/// A narrow no-break space (U+202F): between groups of digits, before `; ! ?`.
const NARROW: char = '\u{202f}';
/// A no-break space (U+00A0): before `:` and `»`, after `«`.
const NO_BREAK: char = '\u{a0}';

/// A space, of any width, that French text may hold between two words or groups of
/// digits.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// What the space at `at` of `chars` becomes in French: a narrow no-break space
/// between groups of a number (`5 300`, `109 000 000 000`) and before `; ! ?`, a
/// no-break space before `:` and `»` and after `«`; `None` when it stays as it is.
fn space(chars: &[char], at: usize) -> Option<char> {
    let next = chars.get(at + 1).copied();
    let prev = at.checked_sub(1).map(|p| chars[p]);
    match (prev, next) {
        (_, Some(';' | '!' | '?')) => return Some(NARROW),
        (_, Some(':' | '»')) | (Some('«'), _) => return Some(NO_BREAK),
        _ => {}
    }
    // A group of three digits after a number's first group (of one to three digits,
    // not the end of a name, `G20`, or of decimals, `511,3`) or after another group;
    // not a year before a count (`2025 100`).
    let digits_before = chars[..at]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let group_after = chars[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
        == 3;
    let a_group = (1..=3).contains(&digits_before)
        && !chars[..at - digits_before]
            .last()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '.'));
    (group_after && a_group).then_some(NARROW)
}

/// `text` with French no-break spaces (see [`space`]); `moved` is told, for each
/// byte offset of `text` that starts a character (and its end), where it ends up.
fn set_with(text: &str, mut moved: impl FnMut(usize, usize)) -> Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let changes: Vec<(usize, char)> = (0..chars.len())
        .filter(|&i| is_space(chars[i]))
        .filter_map(|i| space(&chars, i).map(|c| (i, c)))
        .filter(|&(i, c)| chars[i] != c)
        .collect();
    if changes.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * changes.len());
    let mut change = changes.iter().peekable();
    for (i, (byte, c)) in text.char_indices().enumerate() {
        moved(byte, out.len());
        match change.next_if(|(at, _)| *at == i) {
            Some((_, new)) => out.push(*new),
            None => out.push(c),
        }
    }
    moved(text.len(), out.len());
    Cow::Owned(out)
}

/// `text` set in French: no line breaks inside a number, before `: ; ! ?` or `»`, or
/// after `«`.
pub fn french(text: &str) -> Cow<'_, str> {
    set_with(text, |_, _| {})
}

fn string(s: &mut String) {
    if let Cow::Owned(t) = french(s) {
        *s = t;
    }
}

/// A cell set in French, its highlighted parts moved with its text.
fn cell(c: &mut Cell) {
    let mut at: Vec<(usize, usize)> = Vec::new();
    let set = set_with(&c.text, |old, new| at.push((old, new)));
    if let Cow::Owned(t) = set {
        let to = |old: usize| at.iter().find(|(o, _)| *o == old).map_or(old, |p| p.1);
        for m in c.marks.iter_mut() {
            *m = to(m.start)..to(m.end);
        }
        c.text = t;
    }
}

/// The document, set in French when `lang` is French: every text a person reads,
/// but lines shown as they are (`Block::Pre`).
pub fn set(mut doc: Doc, lang: Lang) -> Doc {
    if lang != Lang::Fr {
        return doc;
    }
    for b in doc.blocks.iter_mut() {
        match b {
            Block::Heading(t) | Block::Subheading(t) | Block::Text(t) | Block::Quote(t) => {
                string(t)
            }
            Block::Pre(_) => {}
            Block::Fields(fields) => {
                for (k, v) in fields.iter_mut() {
                    string(k);
                    cell(v);
                }
            }
            Block::Numbered(items) => items.iter_mut().for_each(string),
            Block::Table {
                caption,
                headers,
                rows,
            } => {
                caption.iter_mut().for_each(string);
                headers.iter_mut().for_each(string);
                rows.iter_mut().flatten().for_each(cell);
            }
            Block::Chart(c) => {
                string(&mut c.title);
                string(&mut c.description);
                c.series.iter_mut().for_each(string);
                c.note.iter_mut().for_each(string);
                for bar in c.bars.iter_mut() {
                    string(&mut bar.label);
                    string(&mut bar.shown);
                }
            }
            Block::Rich(spans) => spans.iter_mut().for_each(|s| string(&mut s.text)),
        }
    }
    doc.sources.iter_mut().for_each(string);
    if let Some(m) = doc.memo.as_mut() {
        m.ministry.iter_mut().for_each(string);
        string(&mut m.series);
        string(&mut m.title);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::french;

    #[test]
    fn numbers_hold_together() {
        assert_eq!(
            french("plus de 5 300 agents"),
            "plus de 5\u{202f}300 agents"
        );
        assert_eq!(
            french("109 000 000 000 EUR"),
            "109\u{202f}000\u{202f}000\u{202f}000 EUR"
        );
        assert_eq!(french("les 5\u{2009}300"), "les 5\u{202f}300");
        // Not a number's groups: a year and a count, a count of four digits, a name.
        assert_eq!(french("en 2025 100 événements"), "en 2025 100 événements");
        assert_eq!(french("G20 100 fois"), "G20 100 fois");
        assert_eq!(french("511,3 100"), "511,3 100");
        assert_eq!(french("28 chefs"), "28 chefs");
    }

    #[test]
    fn no_line_starts_with_a_colon_or_a_closing_guillemet() {
        assert_eq!(
            french("« Les mémos » ; ses agents : où en sommes-nous ? sport !"),
            "«\u{a0}Les mémos\u{a0}»\u{202f}; ses agents\u{a0}: où en sommes-nous\u{202f}? sport\u{202f}!"
        );
        // Already set: untouched, and not copied.
        let set = "«\u{a0}x\u{a0}»";
        assert!(matches!(french(set), std::borrow::Cow::Borrowed(_)));
    }
}
