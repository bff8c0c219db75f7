//! Sources: who the text credits its figures to.
//!
//! A credit stands on a line of its own under a box of figures (`Source : cabinet
//! Deloitte`), in brackets after a sentence (`(source : Agence internationale de
//! l'énergie)`), or in the sentence (`selon l'OCDE`, `d'après BPI France`). The
//! name may carry a date in brackets (`OCDE (juillet 2023)`), which becomes the
//! source's date.

use std::ops::Range;

use super::words::{self, month, Class};

/// One credit as the text writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Credit {
    /// The name credited (`cabinet Deloitte`).
    pub name: String,
    /// Its date as written (`juillet 2023`), and as ISO (`2023-07`).
    pub date: Option<(String, String)>,
    /// The credit's own words in the text (`Source : OCDE (juillet 2023).`).
    pub words: Range<usize>,
}

/// The credit of a line of its own (`Source : X`), in `text[span]`.
pub fn of_line(text: &str, span: Range<usize>) -> Option<Credit> {
    let line = &text[span.clone()];
    let colon = line.find(':')?;
    credit(text, span.start + colon + 1..span.end, span)
}

/// The credits inside a sentence (`text[span]`): `(source : X)`, `selon X`,
/// `d'après X`.
pub fn in_sentence(text: &str, span: Range<usize>) -> Vec<Credit> {
    let s = &text[span.clone()];
    let lower = s.to_lowercase();
    let mut out = Vec::new();
    // `(source : X)`, `(sources : X)`.
    let mut from = 0;
    while let Some(i) = lower[from..].find("(source") {
        let open = from + i;
        let Some(close) = s[open..].find(')').map(|c| open + c) else {
            break;
        };
        if let Some(colon) = s[open..close].find(':') {
            let name = span.start + open + colon + 1..span.start + close;
            if let Some(c) = credit(text, name, span.start + open..span.start + close + 1) {
                out.push(c);
            }
        }
        from = close;
    }
    // `selon X`, `d'après X`: X runs to the next comma, bracket or the end.
    for lead in ["selon ", "d'après ", "d’après "] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(lead) {
            let at = from + i;
            let word_start = at == 0 || !s[..at].ends_with(char::is_alphabetic);
            let name_start = at + lead.len();
            let end = s[name_start..]
                .find([',', '(', ';', ':', '.', '»', '"'])
                .map_or(s.len(), |e| name_start + e);
            from = name_start;
            if !word_start {
                continue;
            }
            let name = &s[name_start..end];
            if is_named(name) {
                let words = span.start + at..span.start + end;
                if let Some(c) = credit(text, span.start + name_start..span.start + end, words) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Words after `selon` that name no one to credit: pronouns, vague subjects.
const NOT_NAMES: &str =
    "certains|certaines|nous|vous|eux|elles|elle|lui|moi|toi|qui|quoi|ce|cela|ça|que\
    |les|des|plusieurs|beaucoup|leur|leurs|son|sa|ses|mon|ma|mes|notre|nos|un|une\
    |les|tous|toutes";

/// True when the words after `selon` name someone: a capital, an acronym, or an
/// article and a noun (`le gouvernement`), not a pronoun (`selon certains`).
fn is_named(name: &str) -> bool {
    let toks = words::tokens(name);
    let Some(first) = toks.first() else {
        return false;
    };
    if first.is_capitalized() {
        return !first.is(NOT_NAMES);
    }
    first.is("le|la|l'") && toks.get(1).is_some_and(|t| t.class == Class::Word)
}

/// A credit whose name is `text[name]`, its words `text[words]`: the name trimmed
/// of its end punctuation, a date in brackets or at its end taken off as the date.
fn credit(text: &str, name: Range<usize>, words: Range<usize>) -> Option<Credit> {
    let raw = text[name].trim().trim_end_matches(['.', ';', ',']).trim();
    let (mut name, mut date) = (raw.to_string(), None);
    // `OCDE (juillet 2023)`.
    if let (Some(open), true) = (raw.rfind('('), raw.ends_with(')')) {
        if let Some(d) = date_of(&raw[open + 1..raw.len() - 1]) {
            name = raw[..open].trim().to_string();
            date = Some(d);
        }
    }
    // `le rapport Draghi de septembre 2024`.
    if date.is_none() {
        for lead in [" de ", " du ", " en ", ", "] {
            if let Some(at) = raw.rfind(lead) {
                if let Some(d) = date_of(&raw[at + lead.len()..]) {
                    name = raw[..at].trim().to_string();
                    date = Some(d);
                    break;
                }
            }
        }
    }
    // An article before a name in the sentence is not part of it (`selon l'OCDE`).
    for article in ["le ", "la ", "les ", "l'", "l’"] {
        if let Some(rest) = name.strip_prefix(article) {
            name = rest.to_string();
            break;
        }
    }
    (!name.is_empty() && name.chars().count() <= 120).then_some(Credit { name, date, words })
}

/// A date as a source gives it: `juillet 2023`, `2023`; as written and as ISO.
fn date_of(s: &str) -> Option<(String, String)> {
    let s = s.trim();
    let parts: Vec<&str> = s.split_whitespace().collect();
    let year = |p: &str| p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    match parts.as_slice() {
        [y] if year(y) => Some((y.to_string(), y.to_string())),
        [m, y] if year(y) => Some((s.to_string(), format!("{y}-{:02}", month(m)?))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_on_a_line_in_brackets_and_in_the_sentence() {
        let t = "Source : OCDE (juillet 2023).";
        let c = of_line(t, 0..t.len()).unwrap();
        assert_eq!(c.name, "OCDE");
        assert_eq!(c.date, Some(("juillet 2023".into(), "2023-07".into())));
        let t = "Une requête consomme autant que dix requêtes (source : Agence internationale de l’énergie).";
        let c = in_sentence(t, 0..t.len());
        assert_eq!(c[0].name, "Agence internationale de l’énergie");
        assert_eq!(
            &t[c[0].words.clone()],
            "(source : Agence internationale de l’énergie)"
        );
        let t =
            "Selon le rapport Draghi de septembre 2024, l’IA pourrait générer 16% de croissance.";
        let c = in_sentence(t, 0..t.len());
        assert_eq!(c[0].name, "rapport Draghi");
        assert_eq!(c[0].date.as_ref().unwrap().1, "2024-09");
        let t = "Une technologie qui va selon certains tout changer.";
        assert!(in_sentence(t, 0..t.len()).is_empty());
    }
}
