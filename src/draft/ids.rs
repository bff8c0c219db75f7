//! Ids from the words: `marche-mondial-ia-2027`, `dgp-nuoi`; stable (the same text
//! gives the same ids), unique (a number follows one already taken).

use std::collections::HashMap;

use super::words::content_words;
use crate::kb::fold::fold;

/// Hands out ids, none twice and none of those already taken.
pub struct Ids {
    /// Each id used, with the number to try next after it (`agents-2`, then
    /// `agents-3`): a thousand figures of `agents` need no thousand tries each.
    used: HashMap<String, usize>,
}

impl Ids {
    /// `taken`: ids the draft must not use (the built-in knowledge base's, when it
    /// is to be loaded beside it).
    pub fn new(taken: &[String]) -> Ids {
        Ids {
            used: taken.iter().map(|t| (t.clone(), 2)).collect(),
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
        let Some(&next) = self.used.get(base) else {
            self.used.insert(base.to_string(), 2);
            return base.to_string();
        };
        let mut n = next;
        let mut id = format!("{base}-{n}");
        while self.used.contains_key(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(base.to_string(), n + 1);
        self.used.insert(id.clone(), 2);
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
        let mut ids = Ids::new(&["memo".to_string()]);
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
