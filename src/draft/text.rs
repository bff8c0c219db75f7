//! From a memo's plain text to blocks and sentences.
//!
//! `pdftotext` breaks lines inside sentences, sometimes leaves blank lines inside
//! them (text set in columns), hyphenates words across lines, prints bullets as
//! glyphs (`y`, `>`, `•`), glues footnote markers to words (`durable1`) and sets
//! headings on lines of their own, sometimes with no blank line after them. Text
//! copied from a web page has none of that: one paragraph a line. Both come out
//! here as the same thing: a list of blocks (headings, paragraphs, items of a
//! bulleted or numbered list, source credits, footnotes), each one run of text
//! with its lines joined, in one string that every later step slices.
//!
//! The joined text is what `check-quotes` compares quotes with (lines joined by a
//! space, bullet glyphs and footnote markers off), so a sentence cut from it is
//! the memo's own words.

use std::ops::Range;

use super::words;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A heading on its own lines: a section starts.
    Heading,
    Paragraph,
    /// An item of a list: its marker.
    Item(Marker),
    /// A credit on its own line: `Source : OCDE (juillet 2023).`
    Source,
    /// A note at the foot of a box: `1. sustainableaicoalition.org`.
    Footnote,
}

/// How an item of a list is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A bullet glyph (`y`, `>`, `•`, `-` …), as a character.
    Glyph(char),
    /// `1.` or `1)`.
    Number(u32),
    /// `a)` or `i)`, as the letter or numeral's value.
    Letter(u32),
}

/// One run of text.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    /// Its text in [`Doc::text`].
    pub span: Range<usize>,
    /// The first line of an item when it stands apart as the item's title (a
    /// pledge's "Émirats Arabes Unis – MGX" over its amount), in [`Doc::text`].
    pub head: Option<Range<usize>>,
    /// Its sentences, in [`Doc::text`]: every later step reads them.
    pub sentences: Vec<Range<usize>>,
}

/// The memo's text as blocks.
#[derive(Debug, Default)]
pub struct Doc {
    /// Every block's text, one block a line.
    pub text: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    /// A block's text.
    pub fn of(&self, b: &Block) -> &str {
        &self.text[b.span.clone()]
    }
}

/// Words that cannot end a heading: a line ending with one goes on (`… sur` /
/// `Google`, `… au` / `Grand Palais`).
const LINKERS: &str =
    "à|au|aux|avec|ce|ces|cette|d|dans|de|des|du|en|et|l|la|le|les|leur|leurs|nos\
    |notre|ou|par|pour|que|qui|sa|sans|ses|son|sur|un|une|vers";

/// Prefixes that keep their hyphen when a line breaks after it (`sous-` /
/// `direction` is `sous-direction`); any other word hyphenated across lines is one
/// word cut in two.
const HYPHEN_PREFIXES: &str =
    "anti|après|arrière|au|avant|c'est|co|contre|demi|ex|giga|grand|grande|haut|mi\
    |multi|non|peut|post|pré|saint|sainte|semi|sous|start|vice";

/// A line of the input, its marker taken off.
struct Line<'a> {
    text: &'a str,
    marker: Option<Marker>,
}

/// Reads `input` into blocks.
pub fn read(input: &str) -> Doc {
    let lines: Vec<Option<Line>> = input.split('\n').map(classify).collect();
    let mut doc = Doc::default();
    let mut group: Vec<&Line> = Vec::new();
    let mut kind = Kind::Paragraph;
    let mut blank_before = false;
    for line in lines.iter() {
        let Some(line) = line else {
            blank_before = true;
            continue;
        };
        let credit = is_credit(line.text);
        let goes_on = match group.last() {
            None => false,
            // A credit is a line of its own, and so is what follows it.
            Some(_) if credit || kind == Kind::Source => false,
            Some(_) if line.marker.is_some() => false,
            Some(_) if !blank_before => true,
            // A blank line inside a sentence (text set in columns): the sentence
            // goes on when the line before does not end it and this one starts
            // with a small letter.
            Some(last) => !ends_sentence(last.text) && starts_lower(line.text),
        };
        if !goes_on {
            flush(&mut doc, &mut group, kind);
            kind = match line.marker {
                _ if credit => Kind::Source,
                Some(m) => Kind::Item(m),
                None => Kind::Paragraph,
            };
        }
        group.push(line);
        blank_before = false;
    }
    flush(&mut doc, &mut group, kind);
    mark_footnotes(&mut doc);
    doc
}

/// A raw line: blank (`None`), or its text without bullet, marker and trailing
/// spaces. A form feed (a page break) is a blank line.
fn classify(raw: &str) -> Option<Line<'_>> {
    let text = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
    if text.is_empty() {
        return None;
    }
    let (marker, rest) = marker_of(text);
    let rest = rest.trim_start();
    if rest.is_empty() {
        // A bullet alone on its line: no item.
        return Some(Line { text, marker: None });
    }
    Some(Line { text: rest, marker })
}

/// The list marker a line starts with, and the rest of the line.
fn marker_of(text: &str) -> (Option<Marker>, &str) {
    let mut chars = text.chars();
    let first = chars.next().unwrap_or(' ');
    let after = chars.as_str();
    // Glyphs pdftotext writes for bullets, and the usual typed ones.
    let glyph = matches!(
        first,
        '•' | '>'
            | '▪'
            | '◦'
            | '●'
            | '■'
            | '□'
            | '*'
            | '-'
            | '–'
            | '—'
            | '·'
            | '\u{f0a7}'
            | '\u{f0b7}'
    );
    if glyph && after.starts_with([' ', '\t', '\u{a0}']) {
        return (Some(Marker::Glyph(first)), after);
    }
    // `y` is the PDF's bullet when it stands before a capital (`y L'IA est…`), not
    // the pronoun (`y compris`).
    if first == 'y' {
        if let Some(rest) = after.strip_prefix(' ') {
            if rest.trim_start().starts_with(char::is_uppercase) {
                return (Some(Marker::Glyph('y')), rest);
            }
        }
    }
    // `1.` / `1)` and `a)` / `iv)` followed by a space.
    let head: String = text.chars().take_while(|c| c.is_alphanumeric()).collect();
    let rest = &text[head.len()..];
    let close = if rest.starts_with(". ") {
        '.'
    } else if rest.starts_with(") ") {
        ')'
    } else {
        return (None, text);
    };
    let after = &rest[2..];
    if head.len() <= 2 && head.chars().all(|c| c.is_ascii_digit()) {
        let n: u32 = head.parse().unwrap_or(0);
        if n > 0 {
            return (Some(Marker::Number(n)), after);
        }
    }
    if close == ')' {
        if let Some(n) = roman(&head).or_else(|| letter(&head)) {
            return (Some(Marker::Letter(n)), after);
        }
    }
    (None, text)
}

/// A lowercase roman numeral up to 12 (`i` … `xii`), as its value.
fn roman(s: &str) -> Option<u32> {
    ROMAN.split('|').position(|n| n == s).map(|i| i as u32 + 1)
}

/// Lowercase roman numerals, from one to twelve: item markers (`i)`, `ii)`).
pub const ROMAN: &str = "i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii";

/// A lowercase letter item (`a)`), as its rank.
fn letter(s: &str) -> Option<u32> {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(l @ 'a'..='h'), None) => Some(l as u32 - 'a' as u32 + 1),
        _ => None,
    }
}

/// A line crediting a source: `Source : X`, `Sources : X` (any space before the
/// colon, a no-break one as French typography sets it).
fn is_credit(text: &str) -> bool {
    if !text
        .get(..6)
        .is_some_and(|h| h.eq_ignore_ascii_case("source"))
    {
        return false;
    }
    let rest = text[6..].strip_prefix(['s', 'S']).unwrap_or(&text[6..]);
    rest.trim_start().starts_with(':')
}

/// True when `text` ends a sentence, or a lead-in (`:`).
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['»', '"', ')', ' '])
        .ends_with(['.', '!', '?', ':', ';', '…'])
}

fn starts_lower(text: &str) -> bool {
    text.starts_with(|c: char| c.is_lowercase())
}

fn starts_upper(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
}

/// Closes the group of lines as a block (or several: headings set on the first
/// lines of a paragraph, with no blank line after them, come out as blocks of their
/// own).
fn flush(doc: &mut Doc, group: &mut Vec<&Line>, kind: Kind) {
    if group.is_empty() {
        return;
    }
    let lines = std::mem::take(group);
    if kind != Kind::Paragraph {
        push(doc, kind, &lines);
        return;
    }
    // A heading starts the paragraph, or follows a line that ends a sentence.
    let mut start = 0;
    let mut i = 0;
    while i < lines.len() {
        let at_start = i == 0 || ends_sentence(lines[i - 1].text);
        if let Some(k) = at_start.then(|| heading_at(&lines[i..])).flatten() {
            if start < i {
                push(doc, Kind::Paragraph, &lines[start..i]);
            }
            push(doc, Kind::Heading, &lines[i..i + k]);
            i += k;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < lines.len() {
        push(doc, Kind::Paragraph, &lines[start..]);
    }
}

/// How many of `lines`' first lines make a heading: short, no sentence
/// punctuation, not ending on a word that needs another, and followed by a line
/// that starts with a capital (or by nothing).
fn heading_at(lines: &[&Line]) -> Option<usize> {
    let mut words = 0;
    let mut chars = 0;
    for k in 1..=lines.len().min(4) {
        let t = lines[k - 1].text;
        if t.contains(['.', ',', ';', '«', '»', '(']) || t.starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        words += t.split_whitespace().count();
        chars += t.chars().count();
        if words > 14 || chars > 110 {
            return None;
        }
        if k == 1 && (!starts_upper(t) || is_credit(t)) {
            return None;
        }
        let last = t
            .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let open = words::has(LINKERS, &last) || t.ends_with([':', '-', '–']);
        match lines.get(k) {
            _ if open => {}
            None => return Some(k),
            Some(next) if starts_upper(next.text) => return Some(k),
            Some(_) => {}
        }
    }
    None
}

/// Appends the lines as one block: joined by a space, a word hyphenated across
/// two lines joined again, footnote markers glued to words taken off, runs of
/// spaces made one.
fn push(doc: &mut Doc, kind: Kind, lines: &[&Line]) {
    let mut joined = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            match hyphen(&joined, line.text) {
                Hyphen::Cut => {
                    joined.pop();
                }
                Hyphen::Kept => {}
                Hyphen::None => joined.push(' '),
            }
        }
        push_without_notes(&mut joined, line.text);
    }
    if !doc.text.is_empty() {
        doc.text.push('\n');
    }
    let start = doc.text.len();
    doc.text.push_str(&collapse_spaces(&joined));
    let titled =
        matches!(kind, Kind::Item(_)) && lines.len() > 1 && is_title(lines[0].text, lines[1].text);
    let head = titled.then(|| {
        let mut first = String::new();
        push_without_notes(&mut first, lines[0].text);
        start..start + collapse_spaces(&first).len()
    });
    let span = start..doc.text.len();
    doc.blocks.push(Block {
        kind,
        sentences: sentences(&doc.text, span.clone()),
        span,
        head,
    });
}

/// An item's first line stands apart as its title when it ends without
/// punctuation and the next line starts with an amount (`Commission européenne` /
/// `20 milliards d'euros …`).
fn is_title(first: &str, next: &str) -> bool {
    !first.ends_with(|c: char| c.is_ascii_punctuation())
        && next.starts_with(|c: char| c.is_ascii_digit())
        && first.split_whitespace().count() <= 10
}

/// What a hyphen ending a line is.
enum Hyphen {
    /// A word cut in two: joined without it.
    Cut,
    /// A compound's (`sous-` / `direction`): kept, no space after it.
    Kept,
    /// No hyphen, or a dash: the lines join with a space.
    None,
}

/// The hyphen the text so far ends with, when `next` goes on with the rest of a
/// word (a small letter): a cut, unless the first part is a prefix that keeps it.
fn hyphen(so_far: &str, next: &str) -> Hyphen {
    let Some(before) = so_far.strip_suffix('-') else {
        return Hyphen::None;
    };
    let word = last_word(before);
    if word.chars().count() < 2 || !starts_lower(next) {
        return Hyphen::None;
    }
    if words::has(HYPHEN_PREFIXES, &word.to_lowercase()) {
        Hyphen::Kept
    } else {
        Hyphen::Cut
    }
}

/// Appends `line`, dropping footnote markers: a digit glued to the end of a word
/// in small letters (`durable1 à`), as `check-quotes` does, and superscript digits.
fn push_without_notes(out: &mut String, line: &str) {
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰')
            && i > 0
            && chars[i - 1].is_alphabetic()
        {
            continue;
        }
        if c.is_ascii_digit() && i > 0 {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied();
            let glued = (prev.is_lowercase() && prev.is_alphabetic())
                && next
                    .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | ')'));
            if glued {
                continue;
            }
        }
        out.push(c);
    }
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == ' ' || c == '\t' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.trim().to_string()
}

/// A note set under a box (`1. sustainableaicoalition.org`) is a numbered line that
/// no other number follows and that is either a web address or the note of a
/// marker the text carries; it is no list item.
fn mark_footnotes(doc: &mut Doc) {
    for i in 0..doc.blocks.len() {
        let Kind::Item(Marker::Number(n)) = doc.blocks[i].kind else {
            continue;
        };
        let next_is_item = doc
            .blocks
            .get(i + 1)
            .is_some_and(|b| b.kind == Kind::Item(Marker::Number(n + 1)));
        let prev_is_item = i > 0 && doc.blocks[i - 1].kind == Kind::Item(Marker::Number(n - 1));
        let text = doc.of(&doc.blocks[i]);
        let address = !text.contains(' ') && text.contains('.');
        if !next_is_item && !prev_is_item && (address || n == 1 && text.len() < 80) {
            doc.blocks[i].kind = Kind::Footnote;
        }
    }
}

/// Abbreviations after which a period ends no sentence.
const ABBREVIATIONS: &str =
    "m|mm|mme|mmes|mlle|dr|pr|me|st|ste|etc|cf|p|pp|art|av|n|no|vol|éd|ed|coll|fig\
    |env|min|max|hab";

/// The sentences of `text[span]`, as ranges of `text`: cut after `.`, `!`, `?` or
/// `…` followed by a space and a capital, a digit or an opening quote; not after an
/// abbreviation (`M.`, `etc.`) or an initial (`J. Vance`).
pub fn sentences(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[span.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            '.' | '!' | '?' | '…' if depth == 0 => {
                let end = i + c.len_utf8();
                // Closing quotes and brackets stay with their sentence (`oui. »`).
                let mut j = k + 1;
                let mut stop = end;
                loop {
                    match (bytes.get(j), bytes.get(j + 1)) {
                        (Some(&(at, q)), _)
                            if matches!(q, '»' | '"' | '”' | ')' | '.' | '!' | '?') =>
                        {
                            stop = at + q.len_utf8();
                            j += 1;
                        }
                        (Some(&(_, ' ' | '\u{a0}' | '\u{202f}')), Some(&(at, '»'))) => {
                            stop = at + '»'.len_utf8();
                            j += 2;
                        }
                        _ => break,
                    }
                }
                let Some(&(_, ' ')) = bytes.get(j) else {
                    continue;
                };
                let next = bytes.get(j + 1).map(|p| p.1);
                let opens = next.is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || matches!(n, '«' | '"' | '“' | '(')
                });
                if !opens || (c == '.' && abbreviation_before(s, i)) {
                    continue;
                }
                out.push(span.start + start..span.start + stop);
                start = bytes.get(j + 1).map_or(s.len(), |p| p.0);
            }
            _ => {}
        }
    }
    if start < s.len() {
        out.push(span.start + start..span.end);
    }
    out.retain(|r| !text[r.clone()].trim().is_empty());
    out
}

/// The word `s` ends with, its letters and apostrophes (`le dévelop`: `dévelop`;
/// `c'est`: `c'est`).
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '\'')
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// True when the period at byte `dot` of `s` ends an abbreviation or an initial.
fn abbreviation_before(s: &str, dot: usize) -> bool {
    let word = last_word(&s[..dot]);
    let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    single_capital || words::has(ABBREVIATIONS, &word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<(Kind, String)> {
        let doc = read(input);
        doc.blocks
            .iter()
            .map(|b| (b.kind, doc.of(b).to_string()))
            .collect()
    }

    #[test]
    fn lines_join_into_paragraphs_across_blank_lines_inside_a_sentence() {
        let k = kinds("La diplomatie économique de l’IA,  \n\nc’est l’accompagnement des \nentreprises.\n\nAutre paragraphe.");
        assert_eq!(
            k,
            [
                (
                    Kind::Paragraph,
                    "La diplomatie économique de l’IA, c’est l’accompagnement des entreprises."
                        .into()
                ),
                (Kind::Paragraph, "Autre paragraphe.".into()),
            ]
        );
    }

    #[test]
    fn headings_stand_apart_even_without_a_blank_line_after_them() {
        let k = kinds("à l’étranger.  \n L’intelligence \nartificielle : où en \nsommes-nous ?\nL’intelligence artificielle (IA) est plus.\n\nÀ savoir\nLe marché mondial.");
        let got: Vec<Kind> = k.iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [
                Kind::Paragraph,
                Kind::Heading,
                Kind::Paragraph,
                Kind::Heading,
                Kind::Paragraph
            ]
        );
        assert_eq!(k[1].1, "L’intelligence artificielle : où en sommes-nous ?");
        // A line ending on a word that needs another is no heading.
        let k = kinds("Une seule requête sur ChatGPT consomme \nautant que dix requêtes sur \nGoogle (source : AIE).");
        assert_eq!(k.len(), 1);
    }

    #[test]
    fn bullets_numbers_credits_and_footnotes() {
        let k = kinds(" y L’IA est un défi.\n\n y Le développement \nd’une IA durable.\n1. l’IA au service\n2. la gouvernance\nSource\u{a0}: cabinet Deloitte\n\nLancement de la Coalition durable1 à l’initiative.\n\n1. sustainableaicoalition.org\n• la tenue d’une réunion ;\n- y compris les collectivités");
        let got: Vec<Kind> = k.iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [
                Kind::Item(Marker::Glyph('y')),
                Kind::Item(Marker::Glyph('y')),
                Kind::Item(Marker::Number(1)),
                Kind::Item(Marker::Number(2)),
                Kind::Source,
                Kind::Paragraph,
                Kind::Footnote,
                Kind::Item(Marker::Glyph('•')),
                Kind::Item(Marker::Glyph('-')),
            ]
        );
        assert_eq!(k[5].1, "Lancement de la Coalition durable à l’initiative.");
    }

    #[test]
    fn a_word_cut_by_a_hyphen_is_joined_a_compound_keeps_it() {
        let k = kinds("le dévelop-\npement de la sous-\ndirection");
        assert_eq!(k[0].1, "le développement de la sous-direction");
    }

    #[test]
    fn an_item_s_title_line() {
        let doc = read(" y Commission européenne \n20 milliards d’euros.");
        let b = &doc.blocks[0];
        assert_eq!(&doc.text[b.head.clone().unwrap()], "Commission européenne");
    }

    #[test]
    fn sentences_are_cut_after_their_end_not_after_abbreviations() {
        let t = "M. Bernard Fialaire. Madame la ministre (IA, etc.) a dit « oui. » 27 % des emplois. Fin…";
        let got: Vec<&str> = sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            got,
            [
                "M. Bernard Fialaire.",
                "Madame la ministre (IA, etc.) a dit « oui. »",
                "27 % des emplois.",
                "Fin…"
            ]
        );
    }
}
