//! Folding text for matching: lowercase, accents off, numbers written one way.
//!
//! `énergie` and `Energie` fold to `energie`; `11 000` and `11,000` to `11000`;
//! `511,3` to `511.3`. Latin letters lose their accents (a table for Latin-1 and
//! Latin Extended-A, which covers French and the other languages of the memo's
//! names); other letters and digits are kept, lowercased. Shared with `build.rs`,
//! which folds the built-in knowledge base once, at build time.

/// The accent-free form of a Latin letter, already lowercased; `None` for others.
fn unaccent(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŋ' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '€' => "eur",
        _ => return None,
    })
}

/// A combining diacritical mark (U+0300–U+036F): an accent written after its letter.
fn is_combining_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Folds `text` into lowercase words without accents, separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// Appends the folded `text` to `out`, a space apart from what `out` already holds.
pub fn fold_into(out: &mut String, text: &str) {
    // A word of ASCII letters only lowercases (as the rules below would, a test
    // holds): most words a search's passages read are, and folding is most of what
    // passages cost.
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        let w = Words::new(out);
        let from = w.out.len();
        w.out.push_str(text);
        w.out[from..].make_ascii_lowercase();
        return;
    }
    fold_by_rules(out, text);
}

/// `fold_into` for any text: letters, digits, separators and accents, one by one.
fn fold_by_rules(out: &mut String, text: &str) {
    let mut w = Words::new(out);
    for (i, c) in text.char_indices() {
        let rest = &text[i + c.len_utf8()..];
        let digits_after = || rest.chars().take_while(char::is_ascii_digit).count();
        match c {
            // Between digits: a thousands separator (11 000, 11,000), a decimal mark
            // (511,3 and 511.3), or a space between two numbers.
            ' ' | ',' | '.' if w.last_digit && rest.starts_with(|d: char| d.is_ascii_digit()) => {
                if c != '.' && digits_after() == 3 {
                } else if c == ' ' {
                    w.separate();
                } else {
                    w.decimal_mark();
                }
            }
            // A no-break or thin space between digits is a thousands separator too.
            '\u{a0}' | '\u{202f}' | '\u{2009}' => {
                if !(w.last_digit && digits_after() == 3) {
                    w.separate();
                }
            }
            // An accent typed apart from its letter (`e` + U+0301, as macOS writes
            // `é`) is dropped as the accent of `é` is.
            c if is_combining_accent(c) => {}
            c => {
                for l in c.to_lowercase() {
                    match unaccent(l) {
                        Some("eur") => w.euro(),
                        Some(plain) => plain.chars().for_each(|c| w.push(c)),
                        None if l.is_alphanumeric() => w.push(l),
                        None => w.separate(),
                    }
                }
            }
        }
    }
    while w.out.ends_with(' ') {
        w.out.pop();
    }
}

/// Words being written: where the last one stands, and what it is.
struct Words<'a> {
    out: &'a mut String,
    /// No word is open: the next letter or digit starts one.
    at_start: bool,
    /// The last character written is a digit.
    last_digit: bool,
    /// The open word starts with a letter (`g20`), so its digits are a name, not a number.
    is_name: bool,
}

impl<'a> Words<'a> {
    fn new(out: &'a mut String) -> Words<'a> {
        if out.as_bytes().last().is_some_and(|&b| b != b' ') {
            out.push(' ');
        }
        Words {
            out,
            at_start: true,
            last_digit: false,
            is_name: false,
        }
    }

    /// Ends the open word, if any.
    fn separate(&mut self) {
        if !self.at_start {
            self.out.push(' ');
            self.at_start = true;
            self.last_digit = false;
        }
    }

    /// Adds a letter or digit; a letter right after a number starts a word of its own
    /// ("une 60aine" is the number 60).
    fn push(&mut self, c: char) {
        if self.at_start {
            self.at_start = false;
            self.is_name = c.is_alphabetic();
        } else if self.last_digit && !self.is_name && c.is_alphabetic() {
            self.out.push(' ');
            self.is_name = true;
        }
        self.out.push(c);
        self.last_digit = c.is_ascii_digit();
    }

    /// The euro sign, as a word of its own: `eur`.
    fn euro(&mut self) {
        self.separate();
        "eur".chars().for_each(|c| self.push(c));
        self.separate();
    }

    fn decimal_mark(&mut self) {
        self.out.push('.');
        self.last_digit = false;
    }
}

/// Phrases the memo and its readers write in several ways, each read as one word (its
/// second part) in a query, which then matches every one of them in the knowledge
/// base's texts (`search`): `AI`, `IA` and `intelligence artificielle` are one word, `data centers` and `centres de
/// données` another, and the Global Partnership on AI one with its acronyms, as the
/// memo gives them in both languages.
const EQUIVALENTS: &[(&[&str], &str)] = &[
    (
        &[
            "partenariat",
            "mondial",
            "sur",
            "l",
            "intelligence",
            "artificielle",
        ],
        "pmia",
    ),
    (&["partenariat", "mondial", "sur", "l", "ia"], "pmia"),
    (
        &["global", "partnership", "on", "artificial", "intelligence"],
        "pmia",
    ),
    (&["global", "partnership", "on", "ai"], "pmia"),
    (&["gpai"], "pmia"),
    (&["intelligence", "artificielle"], "ia"),
    (&["intelligences", "artificielles"], "ia"),
    (&["artificial", "intelligence"], "ia"),
    (&["ai"], "ia"),
    (&["centre", "de", "donnees"], "datacenter"),
    (&["centres", "de", "donnees"], "datacenter"),
    (&["data", "center"], "datacenter"),
    (&["data", "centers"], "datacenter"),
    (&["data", "centre"], "datacenter"),
    (&["data", "centres"], "datacenter"),
    (&["datacenters"], "datacenter"),
    (&["datacentre"], "datacenter"),
    (&["datacentres"], "datacenter"),
];

/// Each phrase of `EQUIVALENTS` in `words`, in order: where it starts, how many words
/// it takes, and the one word it is read as.
fn each_phrase(words: &[&str], mut f: impl FnMut(usize, usize, &'static str)) {
    let mut i = 0;
    while i < words.len() {
        let here = &words[i..];
        match EQUIVALENTS
            .iter()
            .find(|(phrase, _)| here.starts_with(phrase))
        {
            Some((phrase, word)) => {
                f(i, phrase.len(), word);
                i += phrase.len();
            }
            None => i += 1,
        }
    }
}

/// A query as searched: `folded` with each phrase of `EQUIVALENTS` written as its word.
pub fn equivalents(folded: &str) -> String {
    let words: Vec<&str> = folded.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut next = 0;
    each_phrase(&words, |at, n, word| {
        out.extend_from_slice(&words[next..at]);
        out.push(word);
        next = at + n;
    });
    out.extend_from_slice(&words[next..]);
    out.join(" ")
}

/// The phrases that `word` stands for (`[data, centers]`… for `datacenter`).
pub fn phrases_of(word: &str) -> impl Iterator<Item = &'static [&'static str]> + '_ {
    EQUIVALENTS
        .iter()
        .filter(move |(_, w)| *w == word)
        .map(|(phrase, _)| *phrase)
}

/// The small words of the phrases above, which a passage does not mark.
const STOP: &[&str] = &["de", "l", "on", "sur"];

/// The words of the phrases that `word` stands for (`data`, `centers`… for
/// `datacenter`): what a passage marks for it.
pub fn phrase_words(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    phrases_of(word)
        .flat_map(|phrase| phrase.iter().copied())
        .filter(|w| !STOP.contains(w))
}

/// True when `word` is a number as `fold` writes it (`109`, `511.3`).
pub fn is_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Words that scale the number before them: `109bn`, `400 millions`, `5k`.
pub const SCALES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("million", 1e6),
    ("millions", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("billion", 1e9),
    ("billions", 1e9),
    ("md", 1e9),
    ("mds", 1e9),
    ("mrd", 1e9),
    ("milliard", 1e9),
    ("milliards", 1e9),
];

/// Calls `f` with each word of `folded` (a folded text) and, after a number followed
/// by a word that scales it (`109 milliards`, `eur 200 billion`), with the number they
/// make (`109000000000`): a query's `109bn` or `200 milliards` is that number. Only
/// scale words that are words in a text count here, not the query's abbreviations
/// (`m`, `k`, `b`: `50 m` may be metres).
pub fn each_word_and_scaled(folded: &str, mut f: impl FnMut(&str)) {
    let mut prev = "";
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        f(w);
        if let Some(n) = scaled(prev, w) {
            f(&n);
        }
        prev = w;
    }
}

/// The number that folded `number` and the folded word after it make, when that word
/// scales it (`109`, `milliards`: `109000000000`).
pub fn scaled(number: &str, next: &str) -> Option<String> {
    if !is_number(number) {
        return None;
    }
    let (_, s) = SCALES
        .iter()
        .find(|(name, _)| *name == next && name.len() > 1)?;
    let v = number.parse::<f64>().ok().filter(|v| v.is_finite())?;
    // A thousand at least: search reads pairs for its numbers from a thousand up
    // (`0.5 thousand` is left as it is written).
    (v * s >= 1000.0).then(|| plain(v * s))
}

/// A number as a folded word: whole when it is within a millionth of a whole number
/// (`511.3` × 10⁹ is 511300000000), as Rust writes it otherwise.
fn plain(v: f64) -> String {
    let r = v.round();
    if (v - r).abs() <= 1e-6 * v.abs().max(1.0) && r.abs() < 1e18 {
        // Written as an integer: no float formatting (its code and tables) on the way.
        format!("{}", r as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_numbers() {
        assert_eq!(fold("L’Énergie"), "l energie");
        assert_eq!(fold("11 000 citoyens"), "11000 citoyens");
        assert_eq!(fold("11,000 citizens"), "11000 citizens");
        assert_eq!(fold("511,3 milliards"), "511.3 milliards");
        assert_eq!(fold("$511.3 billion"), "511.3 billion");
        assert_eq!(fold("€109 billion"), "eur 109 billion");
        assert_eq!(fold("DGP/NUOI"), "dgp nuoi");
        assert_eq!(fold("  27 %  "), "27");
        assert_eq!(fold("6 au 11"), "6 au 11");
        assert_eq!(fold("Une 60aine de livrables"), "une 60 aine de livrables");
        assert_eq!(fold("G7/G20"), "g7 g20");
        assert_eq!(fold("A1B2 12ab34CD 3x"), "a1b2 12 ab34cd 3 x");
        assert_eq!(fold("É60aine 60Éaine"), "e60aine 60 eaine");
        assert_eq!(fold("ŒUVRE Æ Łódź"), "oeuvre ae lodz");
        assert_eq!(fold("11\u{202f}000"), "11000");
        assert_eq!(fold("漢字 Ελλάδα"), "漢字 ελλάδα");
        assert_eq!(fold("l’IA « durable »"), "l ia durable");
        // Accents typed apart from their letters (decomposed, as macOS writes them).
        assert_eq!(fold("nume\u{301}rique E\u{301}NERGIE"), "numerique energie");
        assert_eq!(fold("nume\u{301}rique"), fold("numérique"));
    }

    #[test]
    fn latin1_letters_lose_their_accents_and_punctuation_parts_words() {
        for c in '\u{c0}'..='\u{ff}' {
            let l = c.to_lowercase().next().unwrap_or(c);
            let plain = unaccent(l).unwrap_or(if l.is_alphanumeric() { "?" } else { "" });
            assert!(!plain.contains('?'), "{c} is a letter without a plain form");
            let expected = if plain.is_empty() {
                "a b".to_string()
            } else {
                format!("a{plain}b")
            };
            assert_eq!(fold(&format!("a{c}b")), expected, "{c}");
        }
        for c in '\u{2000}'..='\u{203f}' {
            let expected = if matches!(c, '\u{2009}' | '\u{202f}') {
                "1000"
            } else {
                "1 000"
            };
            assert_eq!(fold(&format!("1{c}000")), expected, "U+{:04X}", c as u32);
            assert!(!c.is_alphanumeric());
        }
    }

    #[test]
    fn a_number_and_its_scale_make_a_number() {
        let mut words = Vec::new();
        each_word_and_scaled(&fold("€109 milliards, 511,3 billion; 50 m 2 k"), |w| {
            words.push(w.to_string())
        });
        assert_eq!(
            words,
            [
                "eur",
                "109",
                "milliards",
                "109000000000",
                "511.3",
                "billion",
                "511300000000",
                "50",
                "m",
                "2",
                "k"
            ]
        );
    }

    #[test]
    fn appends_a_word_apart() {
        let mut s = String::from("energie");
        fold_into(&mut s, "Énergétique 11 000");
        assert_eq!(s, "energie energetique 11000");
        fold_into(&mut s, "");
        assert_eq!(s, "energie energetique 11000");
    }

    proptest::proptest! {
        #[test]
        fn a_word_of_ascii_letters_folds_as_the_rules_fold_it(
            before in "[a-z ]{0,3}",
            word in "[a-zA-Z]{1,12}",
        ) {
            let (mut fast, mut rules) = (before.clone(), before);
            fold_into(&mut fast, &word);
            fold_by_rules(&mut rules, &word);
            proptest::prop_assert_eq!(fast, rules);
        }
    }

    #[test]
    fn recognises_numbers() {
        assert!(is_number("511.3"));
        assert!(!is_number("g20"));
        assert!(!is_number(""));
    }
}
