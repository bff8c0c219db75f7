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

/// The lowercase of the Latin-1 character `C3 b2` in UTF-8 (U+00C0 to U+00FF).
fn latin1_lowercase(b2: u8) -> char {
    let c = 0xc0 + u32::from(b2 & 0x3f);
    // À to Þ, except ×, have their lowercase 0x20 higher.
    let lower = if c <= 0xde && c != 0xd7 { c + 0x20 } else { c };
    char::from_u32(lower).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Folds `text` into lowercase words without accents, separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// Appends the folded `text` to `out`, a space apart from what `out` already holds.
pub fn fold_into(out: &mut String, text: &str) {
    fold_words(out, text, true);
}

/// `fold_into`, with runs of plain words written at once when `runs` is true (the
/// tests compare both ways).
fn fold_words(out: &mut String, text: &str, runs: bool) {
    let mut w = Words::new(out);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // A new word that starts with a letter takes the next such words along
            // when single spaces part them ("for energy"): they fold to themselves,
            // lowercased.
            let words = runs && w.at_start && b.is_ascii_alphabetic();
            let mut end = i + 1;
            loop {
                while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                match bytes.get(end..end + 2) {
                    Some([b' ', next]) if words && next.is_ascii_alphabetic() => end += 2,
                    _ => break,
                }
            }
            w.push_ascii(&text[i..end]);
            i = end;
            continue;
        }
        if b.is_ascii() {
            i += 1;
            if matches!(b, b' ' | b',' | b'.')
                && w.last_digit
                && bytes.get(i).is_some_and(u8::is_ascii_digit)
            {
                let digits_after = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if b != b'.' && digits_after == 3 {
                    // a thousands separator: 11 000, 11,000
                } else if b == b' ' {
                    w.separate();
                } else {
                    w.decimal_mark(); // 511,3 and 511.3
                }
            } else {
                w.separate();
            }
            continue;
        }
        // The common cases first: Latin-1 letters (é, À) and general punctuation (’, –).
        match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (0xc3, Some(&b2 @ 0x80..=0xbf), _) => {
                i += 2;
                match unaccent(latin1_lowercase(b2)) {
                    Some(plain) => w.push_ascii(plain),
                    None => w.separate(), // × and ÷
                }
                continue;
            }
            (0xe2, Some(0x80), Some(&b3)) if b3 != 0x89 && b3 != 0xaf => {
                i += 3;
                w.separate();
                continue;
            }
            (0xe2, Some(0x82), Some(0xac)) => {
                i += 3;
                w.euro();
                continue;
            }
            _ => {}
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        i += ch.len_utf8();
        // An accent typed apart from its letter (`e` + U+0301, as macOS writes `é`)
        // is dropped as the accent of `é` is.
        if is_combining_accent(ch) {
            continue;
        }
        // A no-break or thin space between digits is a thousands separator too.
        if matches!(ch, '\u{a0}' | '\u{202f}' | '\u{2009}') {
            let digits_after = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if !(w.last_digit && digits_after == 3) {
                w.separate();
            }
            continue;
        }
        for l in ch.to_lowercase() {
            match unaccent(l) {
                Some("eur") => w.euro(),
                Some(plain) => plain.chars().for_each(|c| w.push(c)),
                None if l.is_alphanumeric() => w.push(l),
                None => w.separate(),
            }
        }
    }
    while w.out.as_bytes().last() == Some(&b' ') {
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

    /// Adds a run of ASCII letters and digits, lowercased, as `push` would one by one.
    fn push_ascii(&mut self, run: &str) {
        let bytes = run.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return;
        };
        if self.at_start {
            self.at_start = false;
            self.is_name = first.is_ascii_alphabetic();
        }
        let mut rest = run;
        if !self.is_name {
            // A number so far: a letter after one of its digits starts a word.
            for (i, &c) in bytes.iter().enumerate() {
                if self.last_digit && c.is_ascii_alphabetic() {
                    let (number, word) = run.split_at_checked(i).unwrap_or((run, ""));
                    self.append_lowercase(number);
                    self.out.push(' ');
                    self.is_name = true;
                    rest = word;
                    break;
                }
                self.last_digit = c.is_ascii_digit();
            }
        }
        self.append_lowercase(rest);
        self.last_digit = last.is_ascii_digit();
    }

    fn append_lowercase(&mut self, ascii: &str) {
        let start = self.out.len();
        self.out.push_str(ascii);
        if ascii.bytes().any(|b| b.is_ascii_uppercase()) {
            self.out[start..].make_ascii_lowercase();
        }
    }

    /// The euro sign, as a word of its own: `eur`.
    fn euro(&mut self) {
        self.separate();
        self.push_ascii("eur");
        self.separate();
    }

    fn decimal_mark(&mut self) {
        self.out.push('.');
        self.last_digit = false;
    }
}

/// The starts of words to look for (a character, or two side by side), ready for
/// `could_write`.
#[derive(Clone, Debug, PartialEq)]
pub struct Starts {
    singles: Vec<char>,
    pairs: Vec<(char, char)>,
    /// For each ASCII character: whether it is a single start (`SINGLE`), or the
    /// second character of a pair (`SECOND`).
    ascii: [u8; 128],
    /// For each byte, what `could_write` may do with it without looking closer:
    /// `PLAIN` for a letter or digit that neither is nor ends a start, `PARTS` for
    /// ASCII punctuation that parts words even inside a number, `ENDS` for a letter
    /// or digit that only ends a pair; and `OPENS` for one that begins a pair.
    class: [u8; 256],
}

const SINGLE: u8 = 1;
const SECOND: u8 = 2;

const PLAIN: u8 = 1;
const PARTS: u8 = 2;
const ENDS: u8 = 4;
const OPENS: u8 = 8;

impl Starts {
    pub fn new(starts: &[(char, Option<char>)]) -> Starts {
        let mut s = Starts {
            singles: Vec::new(),
            pairs: Vec::new(),
            ascii: [0; 128],
            class: [0; 256],
        };
        let mut mark = |c: char, flag: u8| {
            if let Some(slot) = s.ascii.get_mut(c as usize) {
                *slot |= flag;
            }
        };
        for &(a, b) in starts {
            match b {
                None => mark(a, SINGLE),
                Some(b) => mark(b, SECOND),
            }
        }
        for &(a, b) in starts {
            match b {
                None => s.singles.push(a),
                Some(b) => s.pairs.push((a, b)),
            }
        }
        for b in 0..128u8 {
            s.class[usize::from(b)] = if b.is_ascii_alphanumeric() {
                let lower = b.to_ascii_lowercase();
                let opens = if s.pairs.iter().any(|&(a, _)| a == char::from(lower)) {
                    OPENS
                } else {
                    0
                };
                opens
                    | match s.ascii[usize::from(lower)] {
                        0 => PLAIN,
                        SECOND => ENDS,
                        _ => 0,
                    }
            } else if matches!(b, b' ' | b',' | b'.') {
                0
            } else {
                PARTS
            };
        }
        s
    }

    /// Whether the ASCII letters `plain`, written after `prev`, complete a start;
    /// `prev` ends as the last of them.
    fn writes_plain(&self, prev: &mut Option<char>, plain: &str) -> bool {
        for &b in plain.as_bytes() {
            let c = char::from(b);
            // `PLAIN` letters complete nothing.
            if self
                .class
                .get(usize::from(b))
                .is_none_or(|k| k & PLAIN == 0)
                && self.found(*prev, c)
            {
                return true;
            }
            *prev = Some(c);
        }
        false
    }

    /// Whether `c` after `prev` completes a start.
    fn found(&self, prev: Option<char>, c: char) -> bool {
        let flags = self
            .ascii
            .get(c as usize)
            .copied()
            .unwrap_or(SINGLE | SECOND);
        (flags & SINGLE != 0 && self.singles.contains(&c))
            || (flags & SECOND != 0 && prev.is_some_and(|p| self.pairs.contains(&(p, c))))
    }
}

/// Whether folding `text` may write one of `starts` (one character, or two side by
/// side): a quick test, without folding, that may say yes wrongly but never no
/// wrongly. Letters and digits are taken lowercased and unaccented as `fold` writes
/// them; the separators inside a number are passed over; anything else parts them.
pub fn could_write(text: &str, starts: &Starts) -> bool {
    could_write_with(text, starts, true)
}

/// `could_write`, passing over runs of bytes that decide nothing at once (and
/// decoding `é` and `’` without `chars`) when `fast` is true (the tests compare both
/// ways).
fn could_write_with(text: &str, starts: &Starts, fast: bool) -> bool {
    let bytes = text.as_bytes();
    let mut prev: Option<char> = None;
    // After `,` or `.` in a number: the digit before it, for when the separator
    // turns out to part thousands (`11,000`) rather than decimals (`511,3` → `511.3`).
    let mut before_mark: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        if fast {
            // Letters and digits that start nothing and punctuation that parts words
            // each set the state alone, whatever it was: only the last one counts.
            // So do those that only end a pair, after one that begins none.
            let from = i;
            while let Some(&b) = bytes.get(i) {
                let k = starts.class[usize::from(b)];
                if k & (PLAIN | PARTS) == 0
                    && !(k & ENDS != 0
                        && i > from
                        && starts.class[usize::from(bytes[i - 1])] & OPENS == 0)
                {
                    break;
                }
                i += 1;
            }
            if i > from {
                let last = bytes[i - 1];
                prev = last
                    .is_ascii_alphanumeric()
                    .then(|| char::from(last.to_ascii_lowercase()));
                before_mark = None;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            match (b, bytes.get(i + 1), bytes.get(i + 2)) {
                // Latin-1 letters (é, À) and the euro sign as below, without decoding them.
                (0xc3, Some(&b2 @ 0x80..=0xbf), _) => {
                    i += 2;
                    before_mark = None;
                    match unaccent(latin1_lowercase(b2)) {
                        Some(plain) => {
                            if starts.writes_plain(&mut prev, plain) {
                                return true;
                            }
                        }
                        None => prev = None,
                    }
                    continue;
                }
                (0xe2, Some(0x82), Some(0xac)) => {
                    i += 3;
                    before_mark = None;
                    prev = None; // a word of its own
                    if starts.writes_plain(&mut prev, "eur") {
                        return true;
                    }
                    prev = None;
                    continue;
                }
                // General punctuation (’, –), which parts words, but for the thin
                // spaces inside a number.
                (0xe2, Some(0x80), Some(&b3 @ 0x80..=0xbf)) => {
                    i += 3;
                    before_mark = None;
                    let in_number = prev.is_some_and(|p| p.is_ascii_digit());
                    if !(in_number && matches!(b3, 0x89 | 0xaf)) {
                        prev = None;
                    }
                    continue;
                }
                _ => {}
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            let in_number = prev.is_some_and(|p| p.is_ascii_digit());
            if b.is_ascii_alphanumeric() {
                let c = char::from(b.to_ascii_lowercase());
                if starts.ascii[c as usize] != 0
                    && (starts.found(prev, c)
                        || before_mark.is_some() && starts.found(before_mark, c))
                {
                    return true;
                }
                prev = Some(c);
                before_mark = None;
            } else if in_number && matches!(b, b',' | b'.') {
                if starts.found(prev, '.') {
                    return true;
                }
                before_mark = prev;
                prev = Some('.');
            } else if !(in_number && b == b' ') {
                prev = None;
                before_mark = None;
            }
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        if is_combining_accent(ch) {
            continue; // as `fold` drops it
        }
        before_mark = None;
        let in_number = prev.is_some_and(|p| p.is_ascii_digit());
        if in_number && matches!(ch, '\u{a0}' | '\u{202f}' | '\u{2009}') {
            continue;
        }
        // The common cases first, as `fold` takes them: Latin-1 letters, general
        // punctuation (which parts words), the euro sign.
        let lowered = match u32::from(ch) {
            0xc0..=0xff => Some(latin1_lowercase(0x80 | (u32::from(ch) & 0x3f) as u8)),
            0x2000..=0x206f => {
                prev = None;
                continue;
            }
            _ => None,
        };
        if let Some(l) = lowered {
            match unaccent(l) {
                Some(plain) => {
                    for c in plain.chars() {
                        if starts.found(prev, c) {
                            return true;
                        }
                        prev = Some(c);
                    }
                }
                None => prev = None,
            }
            continue;
        }
        for l in ch.to_lowercase() {
            match unaccent(l) {
                Some(plain) => {
                    if plain == "eur" {
                        prev = None; // the euro sign is a word of its own
                    }
                    for c in plain.chars() {
                        if starts.found(prev, c) {
                            return true;
                        }
                        prev = Some(c);
                    }
                    if plain == "eur" {
                        prev = None;
                    }
                }
                None if l.is_alphanumeric() => {
                    if starts.found(prev, l) {
                        return true;
                    }
                    prev = Some(l);
                }
                None => prev = None,
            }
        }
    }
    false
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

/// Calls `f` with each word of `folded` (a folded text), then, for a number followed
/// by a word that scales it (`109 milliards`, `eur 200 billion`), with the number they
/// make (`109000000000`): a query's `109bn` or `200 milliards` is that number. Only
/// scale words that are words in a text count here, not the query's abbreviations
/// (`m`, `k`, `b`: `50 m` may be metres).
pub fn each_word_and_scaled(folded: &str, mut f: impl FnMut(&str)) {
    folded.split(' ').filter(|w| !w.is_empty()).for_each(&mut f);
    each_scaled(folded, f);
}

/// Calls `f` with the number each number and scale word of `folded` make (the second
/// half of `each_word_and_scaled`).
pub fn each_scaled(folded: &str, mut f: impl FnMut(&str)) {
    let mut prev = "";
    for w in folded.split(' ') {
        if let Some(n) = scaled(prev, w) {
            f(&n);
        }
        prev = w;
    }
}

/// The number that folded `number` and the folded word after it make, when that word
/// scales it (`109`, `milliards`: `109000000000`).
pub fn scaled(number: &str, next: &str) -> Option<String> {
    // The scale word first: it is rarer than a number, and cheaper to recognise.
    let (_, s) = SCALES
        .iter()
        .find(|(name, _)| *name == next && name.len() > 1)?;
    if !is_number(number) {
        return None;
    }
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
    fn latin1_and_punctuation_fast_paths_fold_as_the_general_path() {
        for c in '\u{c0}'..='\u{ff}' {
            let l = c.to_lowercase().next().unwrap_or(c);
            let encoded = c.to_string();
            assert_eq!(latin1_lowercase(encoded.as_bytes()[1]), l, "{c}");
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

    proptest::proptest! {
        #[test]
        fn runs_of_plain_words_fold_as_word_by_word(text in "([A-Za-z0-9]{1,4}|[ ,.\\-’€é]|\u{a0}| {2}){0,20}") {
            let (mut fast, mut slow) = (String::from("x"), String::from("x"));
            fold_words(&mut fast, &text, true);
            fold_words(&mut slow, &text, false);
            proptest::prop_assert_eq!(fast, slow);
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
                "511.3",
                "billion",
                "50",
                "m",
                "2",
                "k",
                "109000000000",
                "511300000000"
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
        fn could_write_never_says_no_wrongly(text in "([A-Za-z0-9]{1,4}|[ ,.\\-’€éÉŒœßİK\u{301}\u{327}]|\u{a0}|\\PC){0,12}") {
            let folded = fold(&text);
            for word in folded.split(' ') {
                let chars: Vec<char> = word.chars().collect();
                for (i, &c) in chars.iter().enumerate() {
                    proptest::prop_assert!(could_write(&text, &Starts::new(&[(c, None)])), "{:?} folds to {:?}", text, folded);
                    if let Some(&next) = chars.get(i + 1) {
                        proptest::prop_assert!(could_write(&text, &Starts::new(&[(c, Some(next))])), "{:?} folds to {:?}", text, folded);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn could_write_fast_says_what_it_says_char_by_char(
            text in "([a-cxyA-CXY0-2]{1,3}|[ ,.\\-’–€éÉŒœßİK\u{301}]|\u{a0}|\u{202f}|\u{2009}|\\PC){0,12}",
            starts in proptest::collection::vec(("[a-c0-2.euœ]", proptest::option::of("[a-c0-2.euœ]")), 1..4),
        ) {
            let first = |s: &str| s.chars().next().unwrap_or('a');
            let starts: Vec<(char, Option<char>)> = starts
                .iter()
                .map(|(a, b)| (first(a), b.as_deref().map(first)))
                .collect();
            let s = Starts::new(&starts);
            proptest::prop_assert_eq!(
                could_write_with(&text, &s, true),
                could_write_with(&text, &s, false),
                "{:?} {:?}", text, starts
            );
        }
    }

    #[test]
    fn could_write_fast_says_what_it_says_char_by_char_on_every_short_text() {
        let pieces = [
            "a", "B", "1", "2", " ", ",", ".", "-", "\u{a0}", "\u{202f}", "\u{2009}", "’", "é",
            "É", "€", "œ",
        ];
        let chars = ['a', 'b', '1', '2', '.', 'e', 'u', 'o'];
        let mut starts = Vec::new();
        for &a in &chars {
            starts.push((a, None));
            starts.extend(chars.iter().map(|&b| (a, Some(b))));
        }
        let starts: Vec<_> = starts.iter().map(|&s| (s, Starts::new(&[s]))).collect();
        let n = pieces.len();
        for mut k in 0..n * n * n * n {
            let mut text = String::new();
            for _ in 0..4 {
                text.push_str(pieces[k % n]);
                k /= n;
            }
            for (start, s) in &starts {
                assert_eq!(
                    could_write_with(&text, s, true),
                    could_write_with(&text, s, false),
                    "{text:?} {start:?}"
                );
            }
        }
    }

    #[test]
    fn could_write_says_no() {
        assert!(!could_write(
            "Énergie 42 M€",
            &Starts::new(&[('s', None), ('f', Some('i'))])
        ));
        assert!(could_write("Énergie", &Starts::new(&[('e', Some('n'))])));
        assert!(could_write("€42M", &Starts::new(&[('u', Some('r'))])));
        assert!(could_write("11 000", &Starts::new(&[('1', Some('0'))])));
        assert!(could_write("KAZAKHSTAN", &Starts::new(&[('k', Some('a'))])));
        assert!(!could_write(
            "Nearly €42M for energy.",
            &Starts::new(&[('s', Some('y')), ('f', Some('i'))])
        ));
    }

    #[test]
    fn recognises_numbers() {
        assert!(is_number("511.3"));
        assert!(!is_number("g20"));
        assert!(!is_number(""));
    }
}
