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

/// `text` lowercased, accents off, with the typographic spaces made plain.
fn simplify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            match unaccent(l) {
                Some("eur") => out.push_str(" eur "),
                Some(s) => out.push_str(s),
                None if matches!(l, '\u{a0}' | '\u{202f}' | '\u{2009}') => out.push(' '),
                None => out.push(l),
            }
        }
    }
    out
}

/// Folds `text` into lowercase words without accents, separated by single spaces.
pub fn fold(text: &str) -> String {
    let chars: Vec<char> = simplify(text).chars().collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            // "une 60aine" is the number 60: a number followed by letters is cut off them
            if c.is_alphabetic()
                && out.ends_with(|p: char| p.is_ascii_digit())
                && !starts_word_with_letter(&out)
            {
                out.push(' ');
            }
            out.push(c);
        } else if (c == ' ' || c == ',' || c == '.')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            let digits_after = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if c != '.' && digits_after == 3 {
                // a thousands separator: 11 000, 11,000
            } else if c == ' ' {
                out.push(' ');
            } else {
                out.push('.'); // a decimal mark: 511,3 and 511.3
            }
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
        i += 1;
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// True when the last word of `out` starts with a letter (`g20`), so that its
/// digits belong to a name rather than a number.
fn starts_word_with_letter(out: &str) -> bool {
    out.rsplit(' ')
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_alphabetic)
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
    fn recognises_numbers() {
        assert!(is_number("511.3"));
        assert!(!is_number("g20"));
        assert!(!is_number(""));
    }
}
