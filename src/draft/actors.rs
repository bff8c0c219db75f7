//! Actors: the organisations and people a text names.
//!
//! Four ways a name shows, tried in this order on each sentence:
//! 1. a word that heads an organisation's or an office's name (`ministère`,
//!    `direction`, `mission`, `ministre` …) and what completes it (`de la
//!    Transition écologique`, `générale des entreprises`), with the acronym in
//!    brackets after it (`(MEFSIN)`);
//! 2. an acronym defined beside a name that has no such word (`AfD (Alternative
//!    für Deutschland)`); one beside words in small letters is a term (`intelligence
//!    artificielle (IA)`), not an actor;
//! 3. names in capitals (`Green Algorithms`, `Station F`, `Bernard Fialaire`),
//!    places left out, and a bracketed list of them (`(OpenAI, H, Mistral,
//!    Anthropic)`);
//! 4. acronyms standing alone (`l'OCDE`): the code of an actor already named whose
//!    initials they are (`MEAE`), else an actor of their own.
//!
//! `au sein de`, `via` and `à travers` say which actor another belongs to.

use std::collections::HashMap;
use std::ops::Range;

use super::words::{self, Class, Tok, CLAUSE_WORDS, DETERMINERS, MONTHS, WEEKDAYS};
use crate::kb::fold::fold;

/// One actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: String,
    pub code: Option<String>,
    /// Index of the actor it belongs to.
    pub parent: Option<usize>,
    /// The sentence that first names it (its quote), in the text.
    pub sentence: Range<usize>,
    /// The section it is first named in.
    pub section: usize,
}

/// A sentence to read, in the text, with its section; `names` is false for a
/// heading (only its acronyms are read: `Au sein du MEAE`).
pub struct Sentence {
    pub span: Range<usize>,
    pub section: usize,
    pub names: bool,
}

/// Words that head an organisation's or an office's name.
const HEADS: &str = "ministère|ministre|direction|sous-direction|mission|délégation|commission\
    |commissariat|conseil|comité|agence|autorité|office|institut|fondation|coalition\
    |partenariat|programme|union|organisation|assemblée|cour|secrétariat\
    |représentation|représentations|ambassade|ambassadeur|ambassadrice|coordination\
    |banque|université|école|observatoire|alliance|association|fédération|chambre\
    |parlement|sénat|président|présidente|envoyé|envoyée|secrétaire|directeur\
    |directrice|commissaire|préfet|préfecture|centre|laboratoire|groupement\
    |haut-commissariat|inspection";

/// Words that link a name's parts (`direction de la …`, `ministre chargée du …`).
const LINKS: &str = "auprès de|auprès des|auprès du|auprès d'|en charge de|en charge du\
    |en charge des|en charge d'|chargé de|chargée de|chargé du|chargée du\
    |chargé des|chargée des|chargé d'|chargée d'|de|du|des|d'|pour|sur|en|au|aux|à\
    |contre";

/// Acronyms that are terms, not actors.
const TERMS: &str =
    "IA|AI|GPU|CPU|PIB|TVA|PDF|URL|API|LLM|IT|TIC|RGPD|PME|ETI|TPE|NDLR|GMT|UTC|TWH\
    |MW|GW|KW|OK|CO2|ONG|USA|UK|HT|TTC|R&D|IAG|PNB|BTP|RH|QR";

/// Words that open a sentence with a capital and name nothing (`En France`,
/// `Ainsi`, `Si`).
const FUNCTION_WORDS: &str =
    "et|ou|mais|or|donc|ainsi|si|alors|puis|enfin|cependant|pourtant|lors|depuis\
    |selon|comme|quand|après|avant|pendant|maintenant|aujourd'|ici|là|il|elle|ils\
    |elles|nous|vous|on|je|tous|toutes|chaque";

/// Capitalised words that name no actor.
const NOT_NAMES: &str =
    "état|états|etat|etats|homme|hommes|madame|monsieur|messieurs|mesdames|m|mme|mmes\
    |mm|mlle|dr|pr|source|sources|internet|web|président|présidente|ministre|premier\
    |première|sommet|cher|chère|chers|chères|merci|bonjour|oui|non|ndlr|nations\
    |unies|european|international|internationale|mondial|mondiale";

/// Words that say the actor after them holds the one before (`X au sein de Y`), or
/// the other way (`X via Y`, `X à travers Y`).
enum Tie {
    /// `au sein de`: the actor after it is the parent.
    Within,
    /// `via`, `à travers`: the actor before it is the parent.
    Through,
}

/// What the actors step reads: the actors, and where each name stands in the
/// text, every time it is named (an enumeration there is the name's, not a list).
pub struct Read {
    pub actors: Vec<Actor>,
    pub names: Vec<Range<usize>>,
}

/// Reads the actors of `sentences` of `text`.
pub fn read(text: &str, sentences: &[Sentence]) -> Read {
    let mut found = Found::default();
    // Acronyms standing alone, read once every name is known (`Au sein du MEAE`
    // follows the ministry's full name).
    let mut alone: Vec<(String, usize)> = Vec::new();
    for (n, sent) in sentences.iter().enumerate() {
        let s = &text[sent.span.clone()];
        let toks = words::tokens(s);
        let mut r = Reading {
            s,
            toks: &toks,
            sent,
            taken: vec![false; toks.len()],
            here: Vec::new(),
        };
        // `(source : X)` credits a source; it names no actor.
        for k in 0..toks.len() {
            if toks[k].is_punct('(') && toks.get(k + 1).is_some_and(|t| t.is("source|sources")) {
                let close = (k..toks.len())
                    .find(|&c| toks[c].is_punct(')'))
                    .unwrap_or(toks.len() - 1);
                r.taken[k..=close].iter_mut().for_each(|t| *t = true);
            }
        }
        // Words of a name an acronym may stand in, as an actor of its own
        // (`sous-direction du contrôle des armements et de l'OSCE`).
        let mut inside = vec![false; toks.len()];
        if sent.names {
            heads(&mut r, &mut inside, &mut found);
            defined(&mut r, &mut found);
            bracketed(&mut r, &mut found);
            capitals(&mut r, &mut found);
        }
        for (k, &within) in inside.iter().enumerate() {
            if !r.taken[k] || within {
                if let Some(code) = acronym_at(&toks, k) {
                    alone.push((code, n));
                    r.taken[k] = true;
                }
            }
        }
        ties(&toks, &r.here, &mut found.actors);
    }
    // The actor whose initials an acronym standing alone is, for each that only
    // one actor without a code has (`usize::MAX`: several have).
    let mut initials: HashMap<String, usize> = HashMap::new();
    for (i, a) in found
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.code.is_none())
    {
        let of = initials.entry(self::initials(&a.name)).or_insert(i);
        if *of != i {
            *of = usize::MAX;
        }
    }
    for (code, n) in alone {
        found.acronym(&code, &sentences[n], &initials);
    }
    Read {
        actors: found.actors,
        names: found.names,
    }
}

#[derive(Default)]
struct Found {
    actors: Vec<Actor>,
    /// Acronyms defined beside words that are no actor (`IA`).
    terms: Vec<String>,
    /// Folded names, to find an actor named again.
    by_name: HashMap<String, usize>,
    /// Codes, spaces out and in capitals (`DPS/ DEV` is `DPS/DEV`).
    by_code: HashMap<String, usize>,
    /// Where names stand in the text.
    names: Vec<Range<usize>>,
}

impl Found {
    /// The actor named by `s[span]` (a sentence's words), with `code`, added if
    /// new; its index.
    fn add(&mut self, s: &str, span: Range<usize>, code: Option<String>, sent: &Sentence) -> usize {
        let name = s[span.clone()].trim();
        self.names
            .push(sent.span.start + span.start..sent.span.start + span.end);
        self.insert(name, code, sent)
    }

    /// The actor named `name` (with `code`), added if new; its index.
    fn insert(&mut self, name: &str, code: Option<String>, sent: &Sentence) -> usize {
        let key = name_key(name);
        if let Some(c) = &code {
            if let Some(i) = self.with_code(c) {
                return i;
            }
        }
        let i = match self.by_name.get(&key) {
            Some(&i) => i,
            None => {
                self.actors.push(Actor {
                    name: name.to_string(),
                    code: None,
                    parent: None,
                    sentence: sent.span.clone(),
                    section: sent.section,
                });
                self.by_name.insert(key, self.actors.len() - 1);
                self.actors.len() - 1
            }
        };
        if let Some(c) = code.filter(|_| self.actors[i].code.is_none()) {
            self.set_code(i, c);
        }
        i
    }

    fn set_code(&mut self, i: usize, code: String) {
        self.by_code.insert(plain_code(&code), i);
        self.actors[i].code = Some(code);
    }

    fn with_code(&self, code: &str) -> Option<usize> {
        self.by_code.get(&plain_code(code)).copied()
    }

    /// An acronym standing alone: an actor's code already, the code of the actor
    /// whose initials it is, a term, or an actor of its own.
    fn acronym(&mut self, code: &str, sent: &Sentence, initials: &HashMap<String, usize>) {
        if self.with_code(code).is_some()
            || self.terms.iter().any(|t| t == code)
            || words::has(TERMS, &code.to_uppercase())
        {
            return;
        }
        match initials.get(&code.to_uppercase()) {
            Some(&i) if i != usize::MAX && self.actors[i].code.is_none() => {
                self.set_code(i, code.to_string())
            }
            _ => {
                self.insert(code, Some(code.to_string()), sent);
            }
        }
    }
}

/// A sentence being read for names: its text and words, the words a name (or a
/// source's credit) has taken, and the actors it names, by the word each name
/// starts at.
struct Reading<'a> {
    s: &'a str,
    toks: &'a [Tok<'a>],
    sent: &'a Sentence,
    taken: Vec<bool>,
    here: Vec<(usize, usize)>,
}

impl Reading<'_> {
    /// The actor named by `span` of the sentence (with `code`), its name at word
    /// `at`, added to `found`; `words` are taken.
    fn add(
        &mut self,
        found: &mut Found,
        at: usize,
        span: Range<usize>,
        code: Option<String>,
        words: Range<usize>,
    ) {
        let i = found.add(self.s, span, code, self.sent);
        self.here.push((at, i));
        self.taken[words].iter_mut().for_each(|t| *t = true);
    }
}

/// A code as compared: spaces out, in capitals.
fn plain_code(code: &str) -> String {
    code.replace(' ', "").to_uppercase()
}

/// A name as compared: folded, without a leading article.
pub fn name_key(name: &str) -> String {
    let f = fold(name);
    for a in ["l ", "le ", "la ", "les "] {
        if let Some(rest) = f.strip_prefix(a) {
            return rest.to_string();
        }
    }
    f
}

/// The initials of a name's words that carry meaning (`ministère de l'Europe et
/// des Affaires étrangères`: `MEAE`).
fn initials(name: &str) -> String {
    words::content_words(&fold(name))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
}

/// Step 1: names headed by an organisation's word.
fn heads(r: &mut Reading, inside: &mut [bool], found: &mut Found) {
    let Reading { s, toks, .. } = *r;
    let mut k = 0;
    while k < toks.len() {
        // `une fondation sur l'IA`, `cette Coalition`: a description, not a name.
        let described = k > 0 && toks[k - 1].is(DESCRIBING);
        if r.taken[k] || !toks[k].is_word() || !toks[k].is(HEADS) || described {
            k += 1;
            continue;
        }
        let end = complete(toks, k);
        if end == k + 1 {
            k += 1;
            continue;
        }
        let name = &s[toks[k].span.start..toks[end - 1].span.end];
        let (code, after) = code_after(s, toks, end);
        let code = code.filter(|c| fits(c, name));
        let capitals = toks[k..end].iter().any(Tok::is_capitalized);
        if !(toks[k].is(OFFICES) || capitals || code.is_some()) {
            k += 1;
            continue;
        }
        let span = toks[k].span.start..toks[end - 1].span.end;
        r.add(found, k, span, code, k..after);
        inside[k..end].iter_mut().for_each(|t| *t = true);
        k = after;
    }
}

/// Pronouns: no part of a name (`l'alliance internationale de tous`).
const PRONOUNS: &str =
    "tous|toutes|chacun|chacune|eux|elle|elles|lui|nous|vous|ceux|celles|celui|celle\
    |cela|ceci|soi";

/// Heading words that name an institution in small letters too (`la direction
/// du numérique`, `le ministère de la Culture`); the others head a name when it is
/// written with capitals (`l'Union européenne`, `l'université de Californie`), not
/// a common noun (`l'organisation des grandes manifestations`).
const OFFICES: &str = "ministère|ministre|direction|sous-direction|mission|délégation|commissariat\
    |représentation|représentations|ambassade|ambassadeur|ambassadrice|coordination\
    |secrétariat|président|présidente|envoyé|envoyée|secrétaire|directeur|directrice\
    |commissaire|préfet|préfecture|haut-commissariat|inspection";

/// Words before a heading word that make it a description (`une fondation`, `cette
/// Coalition`, `notre diplomatie`), not a name.
const DESCRIBING: &str =
    "un|une|des|ce|cet|cette|ces|chaque|plusieurs|autre|autres|notre|nos|votre|vos\
    |leur|leurs|sa|son|ses|tout|toute|quel|quelle|nouvelle|nouveau";

/// Where the name headed by token `k` ends (the token after it): its adjectives,
/// then parts linked by `de`, `pour`, `auprès de` … each a noun and its adjectives;
/// `et` or a comma goes on to another such part, or to an adjective; a run of names
/// in capitals right after the head is part of it (`mission G7/G20 – OCDE`).
fn complete(toks: &[Tok], k: usize) -> usize {
    let mut j = k + 1;
    let mut end = j;
    j = adjectives(toks, j);
    end = end.max(j);
    // `programme Invest IA`, `mission G7/G20 – OCDE – Sommets internationaux`.
    let mut proper = j;
    while let Some(t) = toks.get(proper) {
        let capital = t.is_capitalized() && !t.is(DETERMINERS);
        let joins = (t.is_punct('/') || t.is_punct('–') || t.is_punct('-'))
            && toks.get(proper + 1).is_some_and(Tok::is_capitalized);
        if capital || joins || t.class == Class::Digits && t.glued {
            proper += 1;
        } else {
            break;
        }
    }
    if proper > j {
        j = adjectives(toks, proper);
        end = j;
    }
    loop {
        let at = j;
        // `et` / `,` before another part or an adjective.
        let mut m = j;
        let joined = toks.get(m).is_some_and(|t| t.is("et") || t.is_punct(','));
        if joined {
            m += 1;
        }
        // After `et`, a part goes on with `de` (`du Travail et de l'Emploi`); `et à
        // défendre` is another clause.
        let link = link_at(toks, m).filter(|_| !joined || toks[m].is("de|du|des|d'"));
        if let Some(l) = link {
            let mut n = m + l;
            if toks.get(n).is_some_and(|t| t.is("la|le|l'|les")) {
                n += 1;
            }
            let noun_ok = toks.get(n).is_some_and(|t| {
                t.is_word()
                    && !t.is(CLAUSE_WORDS)
                    && !t.is(DETERMINERS)
                    && !t.is(words::PREPOSITIONS)
                    && !t.is(PRONOUNS)
                    // After a comma, only a name in capitals goes on (`, des Finances`).
                    && (!toks[j].is_punct(',') || t.is_capitalized())
                    // `de la Commission européenne`: another actor's name.
                    && !(t.is_capitalized() && t.is(HEADS))
            });
            if noun_ok {
                j = adjectives(toks, n + 1);
                end = j;
                continue;
            }
        } else if joined {
            // `et l'intelligence artificielle`, `et numérique`, `, éducative`.
            let det = toks.get(m).is_some_and(|t| t.is("la|le|l'|les"));
            let n = if det && toks[j].is("et") { m + 1 } else { m };
            // `et l'Union africaine`: another actor.
            let noun = toks
                .get(n)
                .filter(|t| t.is_word() && !t.is(CLAUSE_WORDS) && !t.is(HEADS));
            if det && noun.is_some() {
                j = adjectives(toks, n + 1);
                end = j;
                continue;
            }
            if toks.get(m).is_some_and(is_adjective) {
                j = adjectives(toks, m);
                end = j;
                continue;
            }
        }
        if j == at {
            break;
        }
    }
    end
}

/// The number of tokens of a link at `m` (`de`, `auprès des`, `en charge de`).
fn link_at(toks: &[Tok], m: usize) -> Option<usize> {
    LINKS
        .split('|')
        .find(|link| {
            link.split(' ')
                .enumerate()
                .all(|(o, w)| toks.get(m + o).is_some_and(|t| t.low() == w))
        })
        .map(|l| l.split(' ').count())
}

/// The token after the adjectives (and adverbs before them) from `j`.
fn adjectives(toks: &[Tok], mut j: usize) -> usize {
    while let Some(t) = toks.get(j) {
        let adverb = t.low().ends_with("ment") && toks.get(j + 1).is_some_and(is_adjective);
        if is_adjective(t) || adverb {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// A word that reads as an adjective or a participle by its ending (`générale`,
/// `écologique`, `permanente`, `unies`, `déléguée`).
fn is_adjective(t: &Tok) -> bool {
    const ENDINGS: &str =
        "ique|iques|al|ale|ales|aux|el|elle|elles|els|ien|ienne|iennes|iens|ais|aise\
    |aises|if|ive|ives|ifs|é|ée|ées|és|aire|aires|eux|euse|euses|ier|ière|ières|iers\
    |ère|ères|able|ables|ible|ibles|ente|entes|ante|antes|ain|aine|aines|ains|ois\
    |oise|ies|ie|eure|eures|ile|iles|ale|enne|ennes";
    t.is_word()
        && t.text.chars().count() > 3
        && !t.is_capitalized()
        && !t.is(CLAUSE_WORDS)
        && !t.is(DETERMINERS)
        && ENDINGS.split('|').any(|e| t.low().ends_with(e))
}

/// An acronym in brackets at token `k` (`(DGP/NUOI)`, `(RP OCDE)`), and the token
/// after the closing bracket.
fn code_after(s: &str, toks: &[Tok], k: usize) -> (Option<String>, usize) {
    let Some(open) = toks.get(k).filter(|t| t.is_punct('(')) else {
        return (None, k);
    };
    let Some(close) = (k + 1..toks.len().min(k + 8)).find(|&c| toks[c].is_punct(')')) else {
        return (None, k);
    };
    let inner = s[open.span.end..toks[close].span.start].trim();
    if is_code(inner) {
        // `DPS/ DEV` (a line broke after the slash) is `DPS/DEV`.
        (Some(inner.replace("/ ", "/")), close + 1)
    } else {
        (None, k)
    }
}

/// True for an acronym: capitals (at least two), digits, `/`, `&`, `-` and spaces,
/// no longer than 16 characters (`RP OCDE`, `DGP/ASD`, `G7`).
fn is_code(s: &str) -> bool {
    let capitals = s.chars().filter(|c| c.is_uppercase()).count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    !s.is_empty()
        && s.chars().count() <= 16
        && capitals >= 2
        && capitals * 2 > letters
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '&' | '-' | ' '))
}

/// An acronym fits a name when the name has a word with its first letter and it is
/// not a term (`ministre de l'intelligence artificielle (IA)`: `IA` is the term's).
fn fits(code: &str, name: &str) -> bool {
    let first = code.chars().next().map(|c| c.to_lowercase().to_string());
    !words::has(TERMS, &code.to_uppercase())
        && first.is_some_and(|f| words::content_words(&fold(name)).any(|w| w.starts_with(&f)))
}

/// Step 2: an acronym defined beside a name with no heading word (`Alternative
/// für Deutschland` after `AfD (`, or capitals before `(ACR)`); beside small
/// letters, a term.
fn defined(r: &mut Reading, found: &mut Found) {
    let Reading { s, toks, .. } = *r;
    for k in 0..toks.len() {
        if r.taken[k] || !toks[k].is_punct('(') {
            continue;
        }
        let (code, after) = code_after(s, toks, k);
        if let Some(code) = code {
            // Capitals before it make the name; small letters a term.
            let mut start = k;
            while start > 0
                && !r.taken[start - 1]
                && toks[start - 1].is_capitalized()
                && !toks[start - 1].is(NOT_NAMES)
            {
                start -= 1;
            }
            if start < k && fits(&code, &s[toks[start].span.start..toks[k - 1].span.end]) {
                let span = toks[start].span.start..toks[k - 1].span.end;
                r.add(found, start, span, Some(code), start..after);
            } else if k > 0 && toks[k - 1].is_word() && !toks[k - 1].is_capitalized() {
                found.terms.push(code);
                r.taken[k..after].iter_mut().for_each(|t| *t = true);
            }
            continue;
        }
        // `AfD (Alternative für Deutschland)`: the acronym before, the name inside.
        let Some(close) = (k + 1..toks.len()).find(|&c| toks[c].is_punct(')')) else {
            continue;
        };
        let before = k.checked_sub(1).map(|b| &toks[b]);
        let acronym =
            |b: &&Tok| b.is_word() && b.text.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if let Some(b) = before.filter(|b| !r.taken[k - 1] && acronym(b)) {
            let inside = &s[toks[k].span.end..toks[close].span.start];
            // Capitals, but for short particles (`Alternative für Deutschland`).
            let all_caps = toks[k + 1..close]
                .iter()
                .filter(|t| t.is_word() && t.text.chars().count() > 4)
                .all(Tok::is_capitalized);
            if all_caps && initials_match(b.text, inside) {
                let span = toks[k].span.end..toks[close].span.start;
                r.add(
                    found,
                    k - 1,
                    span,
                    Some(b.text.to_string()),
                    k - 1..close + 1,
                );
            }
        }
    }
}

/// True when the capitals of `code` are the initials of `name`'s words, in order.
fn initials_match(code: &str, name: &str) -> bool {
    let caps: String = code
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let inits: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_lowercase();
    caps.len() >= 2 && inits == caps
}

/// Step 3a: a bracketed list of names in capitals: `(OpenAI, H, Mistral, Anthropic)`,
/// `(G7, G20, OCDE notamment)`; places left out.
fn bracketed(r: &mut Reading, found: &mut Found) {
    let Reading { s, toks, .. } = *r;
    for k in 0..toks.len() {
        if r.taken[k] || !toks[k].is_punct('(') {
            continue;
        }
        let Some(close) = (k + 1..toks.len()).find(|&c| toks[c].is_punct(')')) else {
            continue;
        };
        let commas: Vec<usize> = (k + 1..close).filter(|&c| toks[c].is_punct(',')).collect();
        if commas.is_empty() {
            continue;
        }
        let mut bounds = vec![k];
        bounds.extend(&commas);
        bounds.push(close);
        let mut items = Vec::new();
        for w in bounds.windows(2) {
            let (a, b) = (w[0] + 1, w[1]);
            // `OCDE notamment`, `etc.`: trailing words in small letters go.
            let mut e = b;
            while e > a && !toks[e - 1].is_capitalized() && toks[e - 1].class != Class::Digits {
                e -= 1;
            }
            if e == a {
                if w[1] == close {
                    continue; // `etc.`
                }
                items.clear();
                break;
            }
            let all_names = toks[a..e]
                .iter()
                .all(|t| t.is_capitalized() || t.class == Class::Digits && t.glued);
            if !all_names || e - a > 4 || is_place(&s[toks[a].span.start..toks[e - 1].span.end]) {
                items.clear();
                break;
            }
            items.push(a..e);
        }
        if items.len() < 2 {
            continue;
        }
        for item in items {
            let span = toks[item.start].span.start..toks[item.end - 1].span.end;
            let code = is_code(&s[span.clone()]).then(|| s[span.clone()].to_string());
            r.add(found, item.start, span, code, item);
        }
    }
}

/// Step 3b: runs of words in capitals, not at the start of the sentence (where any word
/// has one) unless the run is longer than one word or written like a name
/// (`OpenAI`); articles before them, places and the words of [`NOT_NAMES`] left
/// out.
fn capitals(r: &mut Reading, found: &mut Found) {
    let Reading { s, toks, .. } = *r;
    let mut k = 0;
    while k < toks.len() {
        // After `(`, `:`, `«`, or a stage direction in brackets (`(M. Gay
        // s'exclame.) Maintenant`), a capital starts a clause.
        let after_aside = k >= 2 && toks[k - 1].is_punct(')') && toks[k - 2].is_punct('.');
        let starts_clause = k == 0
            || after_aside
            || toks[k - 1].is_punct('(')
            || toks[k - 1].is_punct(':')
            || toks[k - 1].is_punct('«');
        let t = &toks[k];
        let function_word = t.is(DETERMINERS) || t.is(words::PREPOSITIONS) || t.is(FUNCTION_WORDS);
        if r.taken[k]
            || !t.is_capitalized()
            || function_word
            || t.is(NOT_NAMES)
            || is_month_or_day(t)
        {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < toks.len() && !r.taken[end] {
            let n = &toks[end];
            // `Rassemblement Démocratique et Social Européen`: `et` between two
            // adjectives in capitals (not between two names: `Mistral et Anthropic`).
            let joins = n.is("et")
                && is_adjective_capital(&toks[end - 1])
                && toks.get(end + 1).is_some_and(is_adjective_capital);
            if n.is_capitalized() && !n.is(NOT_NAMES) && !n.is(DETERMINERS)
                || joins
                || n.class == Class::Digits && n.glued
            {
                end += 1;
            } else {
                break;
            }
        }
        let one_word = end == k + 1;
        let name_like = t.text.chars().skip(1).any(char::is_uppercase);
        if starts_clause && one_word && !name_like {
            k = end;
            continue;
        }
        // Acronyms alone are read with the others, at the end; a heading word alone
        // (`l'Organisation`) names nothing.
        let acronyms = toks[k..end]
            .iter()
            .all(|t| t.class == Class::Digits || is_code(t.text));
        if acronyms || one_word && t.is(HEADS) {
            k = end;
            continue;
        }
        let name = &s[toks[k].span.start..toks[end - 1].span.end];
        // `les Émirats arabes unis`: a place with the words in small letters after it.
        let place = (0..=3).any(|more| {
            let last = end + more;
            last <= toks.len()
                && toks[end..last]
                    .iter()
                    .all(|t| t.is_word() && !t.is_capitalized())
                && is_place(&s[toks[k].span.start..toks[last - 1].span.end])
        });
        if !place {
            let (code, after) = code_after(s, toks, end);
            let code = code.filter(|c| fits(c, name));
            let span = toks[k].span.start..toks[end - 1].span.end;
            r.add(found, k, span, code, k..after.max(end));
        }
        k = end;
    }
}

fn is_adjective_capital(t: &Tok) -> bool {
    let low = t.low();
    t.is_capitalized()
        && [
            "ique", "al", "ale", "el", "elle", "ien", "ienne", "ais", "aise", "éen", "éenne",
        ]
        .iter()
        .any(|e| low.ends_with(e))
}

fn is_month_or_day(t: &Tok) -> bool {
    let low = t.low();
    words::has(MONTHS, low) || words::has(WEEKDAYS, low)
}

/// An acronym standing alone at token `k` (`OCDE`, `G20`), written as it stands.
fn acronym_at(toks: &[Tok], k: usize) -> Option<String> {
    let t = &toks[k];
    if !t.is_word() {
        return None;
    }
    let caps = t.text.chars().filter(|c| c.is_uppercase()).count();
    let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
    let roman = t.text.chars().all(|c| "IVXLCDM".contains(c));
    // `G7`, `G20`: a capital and digits glued to it.
    if letters == 1 && caps == 1 {
        let d = toks
            .get(k + 1)
            .filter(|d| d.glued && d.class == Class::Digits)?;
        return Some(format!("{}{}", t.text, d.text));
    }
    (caps >= 2 && caps == letters && !roman && !t.text.ends_with('\'') && !t.text.ends_with('’'))
        .then(|| t.text.to_string())
}

/// `au sein de`, `via`, `à travers`: the actor on one side belongs to the one on
/// the other; `here` holds the sentence's actors with the token each starts at.
fn ties(toks: &[Tok], here: &[(usize, usize)], actors: &mut [Actor]) {
    for k in 0..toks.len() {
        let tie = if toks[k].is("au") && toks.get(k + 1).is_some_and(|t| t.is("sein")) {
            Tie::Within
        } else if toks[k].is("via")
            || toks[k].is("à") && toks.get(k + 1).is_some_and(|t| t.is("travers"))
        {
            Tie::Through
        } else {
            continue;
        };
        // The actor named last before the tie, and the first two after it.
        let before = here.iter().filter(|p| p.0 < k).max_by_key(|p| p.0);
        let first = here.iter().filter(|p| p.0 > k).min_by_key(|p| p.0);
        let second = first.and_then(|f| here.iter().filter(|p| p.0 > f.0).min_by_key(|p| p.0));
        let (child, parent) = match (tie, before, first, second) {
            (Tie::Within, Some(b), Some(a), _) => (b.1, a.1),
            (Tie::Within, None, Some(a), Some(c)) => (c.1, a.1),
            (Tie::Through, Some(b), Some(a), _) => (a.1, b.1),
            _ => continue,
        };
        if child != parent && actors[child].parent.is_none() && !is_above(actors, child, parent) {
            actors[child].parent = Some(parent);
        }
    }
}

/// True when `a` is `b` or one of `b`'s parents: `b` under `a` would make a cycle.
fn is_above(actors: &[Actor], a: usize, b: usize) -> bool {
    let mut cur = Some(b);
    let mut steps = 0;
    while let Some(c) = cur {
        if c == a {
            return true;
        }
        cur = actors[c].parent;
        steps += 1;
        if steps > actors.len() {
            return true;
        }
    }
    false
}

/// True for a country, a capital, a continent or a region: a place, not an actor.
pub fn is_place(name: &str) -> bool {
    let key = name_key(name);
    words::has(PLACES, &key)
}

/// Places, folded.
const PLACES: &str =
    "abu dhabi|afghanistan|afrique|afrique du sud|alger|algerie|allemagne|amerique\
    |amerique du nord|amerique latine|amsterdam|angleterre|angola|arabie saoudite\
    |argentine|armenie|asie|athenes|australie|autriche|azerbaidjan|bahrein\
    |bangladesh|belgique|benin|berlin|bogota|bolivie|bosnie|botswana|bresil|bretagne\
    |bruxelles|bulgarie|burkina faso|burundi|californie|cambodge|cambrai|cameroun\
    |canada|chili|chine|chypre|colombie|coree|coree du sud|costa rica|cote d ivoire\
    |croatie|cuba|dakar|danemark|djibouti|dubai|egypte|emirats arabes unis|equateur\
    |espagne|essonne|estonie|etats unis|ethiopie|europe|finlande|france|gabon|geneve\
    |georgie|ghana|grand est|grece|guatemala|guinee|haiti|hauts de france|hexagone\
    |hong kong|hongrie|ile de france|inde|indonesie|irak|iran|irlande|islande|israel\
    |italie|japon|jordanie|kazakhstan|kenya|koweit|la haye|le caire|lettonie|liban\
    |libye|lituanie|londres|luxembourg|lyon|madagascar|madrid|malaisie|mali|malte\
    |maroc|marseille|maurice|mauritanie|mexique|moldavie|monaco|mongolie|montreal\
    |moscou|mozambique|namibie|new delhi|new york|nice|niger|nigeria|normandie\
    |norvege|nouvelle aquitaine|nouvelle zelande|occitanie|oman|ouganda|ouzbekistan\
    |pakistan|palestine|panama|paraguay|paris|pays bas|perou|philippines|pologne\
    |portugal|qatar|rabat|republique tcheque|rome|roumanie|royaume uni|russie|rwanda\
    |saclay|senegal|seoul|serbie|singapour|slovaquie|slovenie|somalie|soudan\
    |sri lanka|strasbourg|suede|suisse|syrie|taiwan|tanzanie|tchad|thailande|togo\
    |tokyo|toulouse|tunisie|turquie|ukraine|uruguay|venezuela|vienne|vietnam\
    |washington|yemen|zambie|zimbabwe";

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let mut sentences = Vec::new();
        let doc = crate::draft::text::read(text);
        for b in &doc.blocks {
            for span in &b.sentences {
                sentences.push(Sentence {
                    span: span.clone(),
                    section: 0,
                    names: b.kind != crate::draft::text::Kind::Heading,
                });
            }
        }
        let actors = read(&doc.text, &sentences).actors;
        actors
            .iter()
            .map(|a| {
                (
                    a.name.clone(),
                    a.code.clone(),
                    a.parent.map(|p| actors[p].name.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn heads_with_acronyms_and_parents() {
        let got = names("Au sein de la direction de la diplomatie économique (DDE), la mission pour le numérique et l’intelligence artificielle (NUMIA), contribue à la diversification.");
        assert_eq!(
            got,
            [
                (
                    "direction de la diplomatie économique".into(),
                    Some("DDE".into()),
                    None
                ),
                (
                    "mission pour le numérique et l’intelligence artificielle".into(),
                    Some("NUMIA".into()),
                    Some("direction de la diplomatie économique".into())
                ),
            ]
        );
        let got = names("Le ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique (MEFSIN), notamment à travers la direction générale des entreprises, promeut le développement.");
        assert_eq!(
            got[0].0,
            "ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique"
        );
        assert_eq!(got[0].1.as_deref(), Some("MEFSIN"));
        assert_eq!(got[1].0, "direction générale des entreprises");
        assert_eq!(got[1].2.as_deref(), Some(got[0].0.as_str()));
    }

    #[test]
    fn terms_capitals_bracketed_names_and_acronyms() {
        let got = names("L’intelligence artificielle (IA) est un défi. Le calculateur Green Algorithms et Google (OpenAI, H, Mistral, Anthropic) à Paris. Le ministère de l’Europe et des Affaires étrangères.\n\nAu sein du MEAE, l’OCDE et le G20.");
        let n: Vec<(&str, Option<&str>)> =
            got.iter().map(|g| (g.0.as_str(), g.1.as_deref())).collect();
        assert_eq!(
            n,
            [
                ("OpenAI", None),
                ("H", None),
                ("Mistral", None),
                ("Anthropic", None),
                ("Green Algorithms", None),
                ("Google", None),
                (
                    "ministère de l’Europe et des Affaires étrangères",
                    Some("MEAE")
                ),
                ("G20", None),
                ("OCDE", Some("OCDE")),
            ]
        );
    }
}
