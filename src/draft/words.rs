//! Words of a sentence, and the small French word lists the drafting steps share.
//!
//! A word list is one string, its words apart by `|` (`"le|la|les"`): a static
//! array of strings would cost the binary a pointer and a relocation a word.

use std::borrow::Cow;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Letters, with hyphens inside (`sous-direction`) and an elided article's
    /// apostrophe at the end (`l’`, `d'`).
    Word,
    /// A run of digits.
    Digits,
    /// Any other character but a space.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub text: &'a str,
    /// Where it stands in the sentence.
    pub span: Range<usize>,
    pub class: Class,
    /// It follows the token before with no space between (`60aine`, `27%`, `G7`).
    pub glued: bool,
    /// The word in small letters, its apostrophe straight (`d’` is `d'`): most
    /// words are so already, and borrowed.
    low: Cow<'a, str>,
}

impl Tok<'_> {
    /// The word in small letters, its apostrophe straight (`d’` is `d'`).
    pub fn low(&self) -> &str {
        &self.low
    }

    /// True when the word, in small letters, is one of `words` (apart by `|`).
    pub fn is(&self, words: &str) -> bool {
        has(words, &self.low)
    }

    pub fn is_word(&self) -> bool {
        self.class == Class::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.class == Class::Punct && self.text.starts_with(c)
    }

    /// Starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.class == Class::Word && self.text.starts_with(char::is_uppercase)
    }
}

/// True when `word` is one of `words` (apart by `|`): found in the string, with a
/// `|` or an end on each side (faster than splitting the list at each call).
pub fn has(words: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let bytes = words.as_bytes();
    let mut from = 0;
    while let Some(i) = words[from..].find(word) {
        let (at, end) = (from + i, from + i + word.len());
        if (at == 0 || bytes[at - 1] == b'|') && bytes.get(end).is_none_or(|&b| b == b'|') {
            return true;
        }
        // No match with a `|` before it starts inside this one.
        from = end;
    }
    false
}

/// The value `word` has in `table`, written `word=value|word=value`.
pub fn value_of<'t>(table: &'t str, word: &str) -> Option<&'t str> {
    table
        .split('|')
        .find_map(|e| e.strip_prefix(word)?.strip_prefix('='))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The tokens of `s`.
pub fn tokens(s: &str) -> Vec<Tok<'_>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut space = true;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let class = if c.is_alphabetic() {
            i += 1;
            while let Some(&(_, d)) = chars.get(i) {
                let next_letter = chars.get(i + 1).is_some_and(|p| p.1.is_alphabetic());
                if d.is_alphabetic() || (d == '-' && next_letter) {
                    i += 1;
                } else if is_apostrophe(d) {
                    i += 1; // an elided word ends with its apostrophe
                    break;
                } else {
                    break;
                }
            }
            Class::Word
        } else if c.is_ascii_digit() {
            while chars.get(i).is_some_and(|p| p.1.is_ascii_digit()) {
                i += 1;
            }
            Class::Digits
        } else {
            i += 1;
            Class::Punct
        };
        let end = chars.get(i).map_or(s.len(), |p| p.0);
        let text = &s[at..end];
        out.push(Tok {
            text,
            span: at..end,
            class,
            glued: !space && start > 0,
            low: if text
                .chars()
                .any(|c| c.is_uppercase() || c == '’' || c == 'ʼ')
            {
                Cow::Owned(text.to_lowercase().replace(['’', 'ʼ'], "'"))
            } else {
                Cow::Borrowed(text)
            },
        });
        space = false;
    }
    out
}

/// French month names, by number.
pub const MONTHS: &str =
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre\
    |décembre";

/// A month's number (1–12).
pub fn month(word: &str) -> Option<usize> {
    let w = word.to_lowercase();
    let w = if w == "fevrier" { "février".into() } else { w };
    MONTHS.split('|').position(|m| m == w).map(|i| i + 1)
}

pub const WEEKDAYS: &str = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";

/// Articles and possessives: they open a noun phrase.
pub const DETERMINERS: &str =
    "le|la|les|l'|un|une|des|du|de|d'|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre\
    |nos|votre|vos|mon|ma|mes";

/// Prepositions that open an item of a list (`au savoir, au travail`).
pub const PREPOSITIONS: &str = "à|au|aux|dans|en|par|pour|sur|avec|sans|entre|vers|chez|contre";

/// Words that end a noun phrase: they start a clause or are forms of `être` and
/// `avoir` (`ont contribué`, `qui servent`).
pub const CLAUSE_WORDS: &str =
    "qui|que|qu'|dont|où|est|sont|était|étaient|sera|seront|a|ont|avait|avaient|aura\
    |auront|se|s'|ne|n'|il|elle|ils|elles|on|y|peut|peuvent|doit|doivent|va|vont";

/// True when `word` (any case) is a number written in letters, with its value:
/// `dix`, `vingt-cinq`, `trente-cinq`, `cent`, `mille`.
pub fn spelled(word: &str) -> Option<f64> {
    const UNITS: &str = "un=1|une=1|deux=2|trois=3|quatre=4|cinq=5|six=6|sept=7|huit=8|neuf=9|d\
        ix=10|onze=11|douze=12|treize=13|quatorze=14|quinze=15|seize=16|vingt=20|trente=30|quarante=40|cinquante=50|soixante=60|cent=100|cents=100|mille=1000";
    let w = word.to_lowercase();
    let one = |p: &str| value_of(UNITS, p)?.parse::<f64>().ok();
    if let Some(v) = one(&w) {
        return Some(v);
    }
    // Compounds: `dix-huit`, `vingt-cinq`, `quatre-vingt-dix`, `vingt-et-un`.
    let mut total = 0.0;
    let mut any = false;
    for part in w.split('-').filter(|p| *p != "et") {
        let v = one(part)?;
        if v == 20.0 && total > 0.0 && total < 10.0 {
            total *= 20.0; // quatre-vingt
        } else if v == 100.0 && total > 0.0 && total < 100.0 {
            total *= 100.0;
        } else {
            total += v;
        }
        any = true;
    }
    (any && w.contains('-')).then_some(total)
}

/// Where an approximate amount's word stands for a number: `dizaine` is 10.
pub fn approximate(word: &str) -> Option<f64> {
    const WORDS: &str = "dizaine=10|douzaine=12|quinzaine=15|vingtaine=20|trentaine=30|quaranta\
        ine=40|cinquantaine=50|soixantaine=60|centaine=100|millier=1000";
    let w = word.to_lowercase();
    value_of(WORDS, &w)?.parse().ok()
}

/// The words of a folded text that carry meaning (no articles, prepositions or
/// conjunctions): what ids are made of and names compared by.
pub fn content_words(folded: &str) -> impl Iterator<Item = &str> {
    const STOP: &str =
        "a|au|aux|avec|ce|ces|cette|d|dans|de|des|du|en|et|l|la|le|les|leur|leurs|ou|par\
    |pour|qu|que|qui|sa|se|ses|son|sur|un|une|y|nos|notre|vos|votre|mes|mon|ma";
    folded.split(' ').filter(|w| !w.is_empty() && !has(STOP, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_elisions_keep_compounds_and_mark_glued_ones() {
        let t = tokens("l’IA des sous-directions, une 60aine (27%) G7");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "l’",
                "IA",
                "des",
                "sous-directions",
                ",",
                "une",
                "60",
                "aine",
                "(",
                "27",
                "%",
                ")",
                "G",
                "7"
            ]
        );
        assert!(t[7].glued && t[10].glued && t[13].glued);
        assert!(!t[6].glued);
        assert_eq!(t[6].class, Class::Digits);
    }

    #[test]
    fn a_word_of_a_list() {
        assert!(has("le|la|les", "la") && has("le|la|les", "les") && has("le|la|les", "le"));
        assert!(!has("le|la|les", "l") && !has("le|la|les", "a|l") && !has("le|la|les", ""));
        assert!(has("abu dhabi|paris", "abu dhabi") && !has("abu dhabi|paris", "dhabi"));
        assert_eq!(value_of("m=1e6|milliard=1e9", "milliard"), Some("1e9"));
        assert_eq!(value_of("milliard=1e9|m=1e6", "m"), Some("1e6"));
    }

    #[test]
    fn numbers_in_letters() {
        assert_eq!(spelled("Dix"), Some(10.0));
        assert_eq!(spelled("dix-huit"), Some(18.0));
        assert_eq!(spelled("trente-cinq"), Some(35.0));
        assert_eq!(spelled("quatre-vingt-dix"), Some(90.0));
        assert_eq!(spelled("vingt-et-un"), Some(21.0));
        assert_eq!(spelled("sous-direction"), None);
        assert_eq!(spelled("dixième"), None);
        assert_eq!(approximate("centaine"), Some(100.0));
        assert_eq!(month("Février"), Some(2));
    }
}
