//! Folding text for matching: lowercase, accents off, numbers written one way.
//!
//! `énergie` and `Energie` fold to `energie`; `11 000` and `11,000` to `11000`;
//! `511,3` to `511.3`. Shared with `build.rs`, which folds the built-in
//! knowledge base once, at build time.

/// Folds `text` into lowercase ASCII words separated by single spaces.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(&text.replace('€', " EUR ")).to_lowercase();
    let chars: Vec<char> = ascii.chars().collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphanumeric() {
            // "une 60aine" is the number 60: a number followed by letters is cut off them
            if c.is_ascii_alphabetic()
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
        .is_some_and(|c| c.is_ascii_alphabetic())
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
    }

    #[test]
    fn recognises_numbers() {
        assert!(is_number("511.3"));
        assert!(!is_number("g20"));
        assert!(!is_number(""));
    }
}
