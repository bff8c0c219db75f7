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

/// Folds `text` into lowercase words without accents, separated by single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// Appends the folded `text` to `out`, a space apart from what `out` already holds.
pub fn fold_into(out: &mut String, text: &str) {
    let mut w = Words::new(out);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphanumeric() {
                w.push(b.to_ascii_lowercase() as char);
            } else if matches!(b, b' ' | b',' | b'.')
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
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        i += ch.len_utf8();
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
                Some("eur") => {
                    w.separate();
                    "eur".chars().for_each(|c| w.push(c));
                    w.separate();
                }
                Some(plain) => plain.chars().for_each(|c| w.push(c)),
                None if l.is_alphanumeric() => w.push(l),
                None => w.separate(),
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
        if !out.is_empty() && !out.ends_with(' ') {
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

    fn decimal_mark(&mut self) {
        self.out.push('.');
        self.last_digit = false;
    }
}

/// True when `word` is a number as `fold` writes it (`109`, `511.3`).
pub fn is_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == '.')
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
        assert_eq!(fold("ŒUVRE Æ Łódź"), "oeuvre ae lodz");
        assert_eq!(fold("11\u{202f}000"), "11000");
        assert_eq!(fold("漢字 Ελλάδα"), "漢字 ελλάδα");
        assert_eq!(fold("l’IA « durable »"), "l ia durable");
    }

    #[test]
    fn appends_a_word_apart() {
        let mut s = String::from("energie");
        fold_into(&mut s, "Énergétique 11 000");
        assert_eq!(s, "energie energetique 11000");
        fold_into(&mut s, "");
        assert_eq!(s, "energie energetique 11000");
    }

    #[test]
    fn recognises_numbers() {
        assert!(is_number("511.3"));
        assert!(!is_number("g20"));
        assert!(!is_number(""));
    }
}
