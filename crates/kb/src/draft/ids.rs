//! Ids from the words: `marche-mondial-ia-2027`, `dgp-nuoi`; stable (the same text
//! gives the same ids), unique (a number follows one already taken).

use std::collections::HashSet;

use super::words::content_words;
use crate::fold::fold;

/// Hands out ids, none twice and none of those already taken.
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// `taken`: ids the draft must not use (the built-in knowledge base's, when it
    /// is to be loaded beside it).
    pub fn new(taken: &HashSet<String>) -> Ids {
        Ids {
            used: taken.clone(),
        }
    }

    /// An id made of the first `n` words of `text` that carry meaning, `kind` when
    /// there are none or it would start with a digit.
    pub fn make(&mut self, text: &str, n: usize, kind: &str) -> String {
        let base = slug(text, n);
        let base = match base.chars().next() {
            None => kind.to_string(),
            Some(c) if !c.is_ascii_lowercase() => format!("{kind}-{base}"),
            Some(_) => base,
        };
        self.unique(&cut(&base, 60))
    }

    /// `base`, or `base-2`, `base-3` … the first not used.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// The first `n` words of `text` that carry meaning, folded, ASCII, joined by `-`.
pub fn slug(text: &str, n: usize) -> String {
    let folded = fold(text);
    let words: Vec<String> = content_words(&folded)
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(n)
        .collect();
    words.join("-")
}

/// `id` cut to at most `max` bytes, at a `-`.
fn cut(id: &str, max: usize) -> String {
    if id.len() <= max {
        return id.to_string();
    }
    let head = &id[..max];
    head.rsplit_once('-').map_or(head, |(h, _)| h).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_unique_ids() {
        let mut ids = Ids::new(&HashSet::from(["memo".to_string()]));
        assert_eq!(
            ids.make("Le marché mondial de l’IA générative", 3, "figure"),
            "marche-mondial-ia"
        );
        assert_eq!(
            ids.make("Le marché mondial de l’IA", 3, "figure"),
            "marche-mondial-ia-2"
        );
        assert_eq!(ids.make("DGP/NUOI", 3, "actor"), "dgp-nuoi");
        assert_eq!(ids.make("2025 : bilan", 3, "section"), "section-2025-bilan");
        assert_eq!(ids.make("Le mémo", 3, "source"), "memo-2");
        assert_eq!(ids.make("", 3, "list"), "list");
    }
}
