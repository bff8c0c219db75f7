//! Light word forms: the Snowball stemmers of French and English (rust-stemmers),
//! applied to folded words, so that `gigafactory` and `gigafactories`, or
//! `webinaire` and `webinaires`, are one word to search.

use rust_stemmers::{Algorithm, Stemmer};

/// Whether a folded word has stems: plain ASCII letters, 3 to 40 of them.
pub fn stemmable(word: &str) -> bool {
    (3..=40).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// A folded word's French and English stems (`None` for words without stems).
pub fn stems(word: &str) -> [Option<String>; 2] {
    if !stemmable(word) {
        return [None, None];
    }
    // Each stemmer named as a constant, so that a release build keeps only these two
    // of the crate's algorithms.
    let french = Stemmer::create(Algorithm::French);
    let english = Stemmer::create(Algorithm::English);
    [
        Some(french.stem(word).into_owned()),
        Some(english.stem(word).into_owned()),
    ]
}

#[cfg(test)]
mod tests {
    use super::stems;

    fn same(a: &str, b: &str) -> bool {
        let (x, y) = (stems(a), stems(b));
        (x[0].is_some() && x[0] == y[0]) || (x[1].is_some() && x[1] == y[1])
    }

    #[test]
    fn plurals_and_light_forms_share_a_stem() {
        assert!(same("gigafactory", "gigafactories"));
        assert!(same("webinaires", "webinaire"));
        assert!(same("presidence", "preside"));
        assert!(same("eau", "eaux"));
        assert!(!same("eau", "reseau"));
        assert_eq!(stems("g20"), [None, None]);
        assert_eq!(stems("ia"), [None, None]);
    }
}
