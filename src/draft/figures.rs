//! Figures: every amount a sentence states, with its unit and scale, the hedge
//! before it, and the period it refers to.
//!
//! A number is a figure unless it is part of a date (`6 février`, `2025`,
//! `13/02/2025`), an ordinal (`9ème`), a time (`17h30`), a duration (`15 jours`,
//! which may be a period), a name (`G7`, `France 2030`) or a reference (`article
//! 5`). List numbers and footnote markers never reach this step: the text step took
//! them off. A number written in letters (`Dix gouvernements`) is a figure when a
//! unit follows it.

use std::ops::Range;

use super::words::{self, approximate, month, spelled, Class, Tok, CLAUSE_WORDS, WEEKDAYS};

/// One amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The number, scaled (12 billion is 12e9).
    pub value: f64,
    /// One of the schema's units; empty when the text's noun has none (a person
    /// writes it).
    pub unit: &'static str,
    /// The amount as written, in the sentence (`12 milliards de dollars`).
    pub written: Range<usize>,
    /// The amount as the schema's magnitude wants it: written, or for an
    /// approximate one, made of its number and noun (`60 livrables` for `une
    /// 60aine de livrables`).
    pub magnitude: String,
    /// An approximate amount as written, its hedge and noun joined (`une 60aine de
    /// livrables`): the schema's `stated`.
    pub stated: Option<String>,
    /// The hedge as written, and its code.
    pub hedge: Option<(String, Option<&'static str>)>,
    /// The counted noun and what follows it (`agents de la DGM`), in the sentence.
    pub noun: Option<Range<usize>>,
    pub period: Option<Period>,
    /// The factor its scale word and unit gave the number as written (1e9 for
    /// `milliards`, 100 for litres in centilitres).
    factor: f64,
    /// Its unit is its own (a currency, a measure or a noun), not one it took from
    /// the amount before it.
    own_unit: bool,
}

/// The date, period or horizon an amount refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub fr: String,
    pub iso: Option<String>,
}

/// Words that scale the number before them.
const SCALES: &str = "milliard=1e9|milliards=1e9|md=1e9|mds=1e9|mrd=1e9|mrds=1e9\
    |million=1e6|millions=1e6|m=1e6|mn=1e6|k=1e3";

/// Nouns that count something, by the schema's unit: `unit=noun|noun;unit=…`.
const NOUNS: &str = "people=personne|agent|citoyen|chercheur|chercheuse|participant|participante|\
    représentant|représentante|chef|cheffe|dirigeant|dirigeante|salarié|\
    salariée|employé|employée|expert|experte|étudiant|étudiante|élève|\
    professionnel|professionnelle|entrepreneur|entrepreneuse|ingénieur|\
    ingénieure|utilisateur|utilisatrice|habitant|habitante|visiteur|visiteuse|\
    invité|invitée|talent|diplomate|fonctionnaire|collaborateur|collaboratrice|\
    délégué|déléguée|doctorant|doctorante|spécialiste|créateur|créatrice|\
    artiste|jeune|femme|homme|enfant|patient|patiente|travailleur|travailleuse|\
    ministre|décideur|décideuse|investisseur|scientifique|développeur|\
    développeuse|data scientist|lauréat|lauréate|individu;countries=pays|nation;\
    states=état|etat;governments=gouvernement;partners=partenaire;\
    companies=entreprise|société|start-up|startup|start-ups|startups|licorne|\
    pme|eti|tpe|firme|groupe|scale-up|scale-ups;events=événement|évènement|\
    manifestation|conférence|webinaire|atelier|rencontre|colloque|séminaire;\
    deliverables=livrable;actors=acteur|actrice;signatories=signataire;\
    times=fois";

/// Nouns of time: a number before one is a duration, not a figure.
const TIME_NOUNS: &str =
    "jour|jours|semaine|semaines|mois|an|ans|année|années|heure|heures|minute|minutes\
    |seconde|secondes|siècle|siècles|décennie|décennies|trimestre|trimestres\
    |semestre|semestres";

/// Adjectives that may stand between a number and its noun (`37 grandes
/// entreprises`).
const PRE_ADJECTIVES: &str =
    "grand|grands|grande|grandes|petit|petits|petite|petites|nouveau|nouveaux\
    |nouvelle|nouvelles|principal|principaux|principale|principales|premier|premiers\
    |première|premières|dernier|derniers|dernière|dernières|autres|seuls|seules|seul\
    |seule|jeunes|gros|vrais|véritables|vastes|hauts|hautes|plus|meilleurs\
    |meilleures";

/// Words after which a number is a reference, not an amount (`article 5`).
const REFERENCES: &str =
    "article|articles|art|n°|no|numéro|page|pages|p|chapitre|annexe|point|décret|loi\
    |alinéa|tome|volume|section|objectif|axe|pilier|phase|étape|niveau|version\
    |édition|saison";

/// Hedges written before the number, longest first, each with its code
/// (SCHEMA.md) after `=`, none for `moins de`.
const HEDGES: &str =
    "pouvant aller jusqu'à=up_to|pouvant aller jusqu'au=up_to|allant jusqu'à=up_to\
    |pouvant atteindre=up_to|jusqu'à=up_to|un peu plus de=more_than\
    |un peu plus d'=more_than|plus de=more_than|plus d'=more_than\
    |au-delà de=more_than|supérieur à=more_than|supérieure à=more_than\
    |près de=nearly|près d'=nearly|presque=nearly|quasiment=nearly|environ=about\
    |autour de=about|quelque=about|de l'ordre de=about|aux alentours de=about\
    |approximativement=about|pas moins de=at_least|au moins=at_least\
    |au minimum=at_least|moins de=|moins d'=|estimé à=estimated\
    |estimée à=estimated|estimés à=estimated|estimées à=estimated\
    |évalué à=estimated|évaluée à=estimated|évalués à=estimated\
    |évaluées à=estimated";

/// Verbs in the conditional that hedge the amount their clause states: `aurait
/// contribué à 12 milliards` is reported, `pourrait atteindre` could reach.
const CONDITIONALS: &str = "aurait=reported|auraient=reported|pourrait=could_reach\
    |pourraient=could_reach|devrait=projected|devraient=projected";

/// Every amount of a sentence.
pub fn amounts(sentence: &str) -> Vec<Amount> {
    let toks = words::tokens(sentence);
    let mut found: Vec<Amount> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match read_amount(sentence, &toks, i, &found) {
            Some((amount, next)) => {
                found.push(amount);
                i = next;
            }
            None => i += 1,
        }
    }
    share_units_of_ranges(sentence, &mut found);
    let periods = periods(&toks, sentence);
    for a in found.iter_mut() {
        a.period = nearest(&periods, a.written.start).cloned();
    }
    found
}

/// A number read at token `i`: its value and where it ends.
struct Number {
    value: f64,
    /// The token after it.
    next: usize,
    /// Written in letters.
    in_letters: bool,
    /// An approximation (`une 60aine`, `une centaine`): the hedge's tokens.
    approx: Option<Range<usize>>,
}

/// The amount that starts at token `i`, if one does, and the token after it.
fn read_amount(s: &str, toks: &[Tok], i: usize, before: &[Amount]) -> Option<(Amount, usize)> {
    let n = number_at(s, toks, i)?;
    if !n.in_letters && n.approx.is_none() && !is_amount_number(s, toks, i, n.next) {
        return None;
    }
    let mut j = n.next;
    let mut value = n.value;
    // A scale word, and a currency after it or before the number.
    let mut scaled = false;
    if let Some(t) = toks.get(j) {
        // `m`, `k` scale only glued to the number (`5k`): `50 m` may be metres.
        let scale = words::value_of(SCALES, t.low()).filter(|_| t.low().len() > 1 || t.glued);
        if let Some(f) = scale.and_then(|f| f.parse::<f64>().ok()) {
            value *= f;
            scaled = true;
            j += 1;
        }
    }
    let mut unit: Option<&'static str> = currency_before(toks, i);
    let mut unit_end = toks[j - 1].span.end;
    if unit.is_none() {
        if let Some((u, end)) = currency_after(toks, j) {
            unit = Some(u);
            unit_end = toks[end - 1].span.end;
            j = end;
        }
    }
    // A percentage, a measure, or a counted noun.
    let mut noun = None;
    let mut noun_word = None;
    if unit.is_none() {
        if let Some((u, end, factor)) = measure_after(toks, j) {
            unit = Some(u);
            value *= factor;
            unit_end = toks[end - 1].span.end;
            j = end;
        }
    }
    if unit.is_none() {
        let mut k = j;
        // `une 60aine de livrables`, `5,7 millions d'agents`: the noun after `de`.
        if (n.approx.is_some() || scaled) && toks.get(k).is_some_and(|t| t.is("de|d'")) {
            k += 1;
        }
        while toks.get(k).is_some_and(|t| t.is(PRE_ADJECTIVES)) && k < j + 2 {
            k += 1;
        }
        if let Some(t) = toks.get(k).filter(|t| t.is_word() && !t.is(CLAUSE_WORDS)) {
            let low = t.low();
            if words::has(TIME_NOUNS, low) {
                return None; // a duration
            }
            if !is_linker(low) {
                unit = Some(unit_of(low).unwrap_or(""));
                noun = Some(t.span.start..noun_phrase_end(toks, k));
                noun_word = Some(t.span.clone());
                unit_end = t.span.end;
                j = k + 1;
            }
        }
    }
    // `autant de ressources que dix requêtes`: a number of times.
    if toks[..i].iter().any(|t| t.is("autant"))
        && i > 0
        && toks[i - 1].is("que|qu'")
        && unit.is_some_and(|u| u.is_empty())
    {
        unit = Some("times");
    }
    // `endossée par 64 pays et organisations`: those who endorse it.
    if i >= 2 && toks[i - 1].is("par") && toks[i - 2].low().starts_with("endoss") {
        unit = Some("endorsers");
    }
    // A range (`30 et 50 milliards`, `trois à cinq litres`): the first number
    // takes the unit of the second, below.
    let in_range = unit.is_none()
        && toks.get(j).is_some_and(|t| t.is("à|et|-|–"))
        && j + 1 < toks.len()
        && number_at(s, toks, j + 1).is_some();
    if n.in_letters || n.approx.is_some() {
        // In letters, an amount needs a unit (`deux révolutions` is no figure);
        // `un`/`une` only a measure or a scale (`un gigawatt`, `un milliard`).
        let measure = matches!(unit, Some("GW" | "cl" | "percent" | "EUR" | "USD"));
        let one = n.in_letters && toks[i].is("un|une");
        let unitless = unit.is_none_or(str::is_empty) && n.approx.is_none() && !in_range;
        if unitless || one && !measure && !scaled {
            return None;
        }
    }
    let own_unit = unit.is_some_and(|u| !u.is_empty());
    // No noun: the unit of the amount before it in the sentence (`les près de 450
    // agents, et les plus de 5 300 au sein du réseau`), else left to write.
    let unit = match unit {
        Some(u) => u,
        None if in_range => "",
        None => before.last().map_or("", |b| b.unit),
    };
    // An approximation's first token is its `une`: the amount written starts there.
    let written = toks[i].span.start..unit_end.max(toks[n.next - 1].span.end);
    let (magnitude, stated) = match &n.approx {
        Some(_) => {
            let number = super::write::number(n.value);
            let magnitude = match &noun_word {
                Some(w) => format!("{number} {}", &s[w.clone()]),
                None => number,
            };
            let end = noun_word.as_ref().map_or(written.end, |w| w.end);
            (magnitude, Some(s[written.start..end].to_string()))
        }
        None => (s[written.clone()].to_string(), None),
    };
    let hedge = match &n.approx {
        Some(r) => {
            let text = &s[toks[r.start].span.start..toks[r.end - 1].span.end];
            Some((lower_first(text), Some("about")))
        }
        None => hedge_before(s, toks, i),
    };
    // `s'est articulé autour de 5 verticales`: `autour de` hedges an amount, not a
    // count of things it has no unit for.
    let hedge = hedge.filter(|h| !(h.0.starts_with("autour") && unit.is_empty()));
    let amount = Amount {
        value: tidy(value),
        unit,
        written,
        magnitude,
        stated,
        hedge,
        noun,
        period: None,
        factor: if n.value != 0.0 { value / n.value } else { 1.0 },
        own_unit,
    };
    Some((amount, j.max(n.next)))
}

/// The number at token `i`: digits with their thousands groups and decimals
/// (`5 300`, `511,3`, `1.500`), a number in letters, or an approximation (`une
/// 60aine`, `une centaine`).
fn number_at(s: &str, toks: &[Tok], i: usize) -> Option<Number> {
    let t = &toks[i];
    // `une 60aine de` / `une centaine de`.
    if t.is("une|un") {
        if let (Some(d), Some(suffix)) = (toks.get(i + 1), toks.get(i + 2)) {
            if d.class == Class::Digits && suffix.glued && suffix.low() == "aine" {
                return Some(Number {
                    value: d.text.parse().ok()?,
                    next: i + 3,
                    in_letters: false,
                    approx: Some(i..i + 3),
                });
            }
        }
        if let Some(v) = toks.get(i + 1).and_then(|w| approximate(w.text)) {
            return Some(Number {
                value: v,
                next: i + 2,
                in_letters: false,
                approx: Some(i..i + 2),
            });
        }
    }
    if t.class == Class::Word {
        let v = spelled(t.text)?;
        return Some(Number {
            value: v,
            next: i + 1,
            in_letters: true,
            approx: None,
        });
    }
    if t.class != Class::Digits {
        return None;
    }
    // Digits glued to a word are part of a name (`G7`) or a footnote marker.
    if t.glued && toks[i - 1].is_word() {
        return None;
    }
    let mut text = t.text.to_string();
    let mut j = i + 1;
    // Thousands groups: `5 300`, `11 000 000`, `1.500`; the first group of at most
    // three digits, each next one of exactly three.
    if text.len() <= 3 {
        while let Some(d) = toks.get(j) {
            let gap = &s[toks[j - 1].span.end..d.span.start];
            let space = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
            if d.class == Class::Digits && d.text.len() == 3 && space {
                text.push_str(d.text);
                j += 1;
            } else if d.is_punct('.')
                && d.glued
                && toks
                    .get(j + 1)
                    .is_some_and(|e| e.class == Class::Digits && e.glued && e.text.len() == 3)
                && !toks
                    .get(j + 2)
                    .is_some_and(|e| e.glued && e.class == Class::Digits)
            {
                text.push_str(toks[j + 1].text);
                j += 2;
            } else {
                break;
            }
        }
    }
    // A decimal part: `511,3`, `1.5`.
    if let (Some(mark), Some(d)) = (toks.get(j), toks.get(j + 1)) {
        if (mark.is_punct(',') || mark.is_punct('.'))
            && mark.glued
            && d.glued
            && d.class == Class::Digits
        {
            text.push('.');
            text.push_str(d.text);
            j += 2;
        }
    }
    Some(Number {
        value: text.parse().ok()?,
        next: j,
        in_letters: false,
        approx: None,
    })
}

/// True when the digits at `i` (to `next`) state an amount: not a date, a year, an
/// ordinal, a time or a reference.
fn is_amount_number(s: &str, toks: &[Tok], i: usize, next: usize) -> bool {
    let t = &toks[i];
    let raw = &s[t.span.start..toks[next - 1].span.end];
    let integer = !raw.contains([',', '.']);
    let value: f64 = t.text.parse().unwrap_or(0.0);
    let after = toks.get(next);
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    // A year: four digits alone, 1900 to 2100.
    if integer && next == i + 1 && t.text.len() == 4 && (1900.0..=2100.0).contains(&value) {
        return false;
    }
    // Glued after: an ordinal (`9ème`, `1er`), a time (`17h30`), a name (`5G`).
    if let Some(a) = after.filter(|a| a.glued && a.is_word()) {
        let low = a.low();
        let measure = measure_word(low).is_some() || words::value_of(SCALES, low).is_some();
        if !measure {
            return false;
        }
    }
    // Dates and times: `13/02/2025`, `17 h 30`, `6 au 11 février`, `lundi 10`.
    if after.is_some_and(|a| a.is_punct('/') || a.is("h"))
        || prev.is_some_and(|p| p.is_punct('/') || p.is(WEEKDAYS))
    {
        return false;
    }
    if integer && value <= 31.0 && names_a_day(toks, next) {
        return false;
    }
    // `article 5`, `étape 3`.
    !prev.is_some_and(|p| p.is(REFERENCES))
}

/// True when the tokens from `k` go on to a month (`6 au 11 février`, `1er mars`).
fn names_a_day(toks: &[Tok], mut k: usize) -> bool {
    for _ in 0..4 {
        let Some(t) = toks.get(k) else { return false };
        if month(t.text).is_some() {
            return true;
        }
        let joins = t.is("au|et|er|-|–|,") || t.class == Class::Digits;
        if !joins {
            return false;
        }
        k += 1;
    }
    false
}

/// A currency sign just before the number (`€109`).
fn currency_before(toks: &[Tok], i: usize) -> Option<&'static str> {
    let p = toks.get(i.checked_sub(1)?)?;
    match p.text {
        "€" => Some("EUR"),
        "$" => Some("USD"),
        _ => None,
    }
}

/// A currency after the number or its scale: `d'euros`, `de dollars`, `€`,
/// `euros`, `EUR`; its unit and the token after it.
fn currency_after(toks: &[Tok], j: usize) -> Option<(&'static str, usize)> {
    let of = |t: &Tok| -> Option<&'static str> {
        match t.low() {
            "euro" | "euros" | "eur" | "€" => Some("EUR"),
            "dollar" | "dollars" | "usd" | "$" => Some("USD"),
            _ => None,
        }
    };
    let t = toks.get(j)?;
    if let Some(u) = of(t) {
        return Some((u, j + 1));
    }
    if t.is("de|d'") {
        let u = of(toks.get(j + 1)?)?;
        return Some((u, j + 2));
    }
    None
}

/// A measure after the number: `%`, `pour cent`, `gigawatt`, `MW` (in gigawatts),
/// `cl`, `litres` (in centilitres); its unit, the token after it, and the factor
/// to the unit.
fn measure_after(toks: &[Tok], j: usize) -> Option<(&'static str, usize, f64)> {
    let t = toks.get(j)?;
    if t.is_punct('%') {
        return Some(("percent", j + 1, 1.0));
    }
    if t.is("pour") && toks.get(j + 1).is_some_and(|c| c.is("cent")) {
        return Some(("percent", j + 2, 1.0));
    }
    let (unit, factor) = measure_word(t.low())?;
    Some((unit, j + 1, factor))
}

fn measure_word(low: &str) -> Option<(&'static str, f64)> {
    Some(match low {
        "gigawatt" | "gigawatts" | "gw" => ("GW", 1.0),
        "mégawatt" | "mégawatts" | "megawatt" | "megawatts" | "mw" => ("GW", 1e-3),
        "cl" | "centilitre" | "centilitres" => ("cl", 1.0),
        "litre" | "litres" | "l" => ("cl", 100.0),
        "pourcent" | "pourcents" => ("percent", 1.0),
        _ => return None,
    })
}

/// The schema's unit for a counted noun, singular or plural.
fn unit_of(low: &str) -> Option<&'static str> {
    let singular = low
        .strip_suffix('s')
        .or_else(|| low.strip_suffix('x'))
        .unwrap_or(low);
    NOUNS.split(';').find_map(|entry| {
        let (unit, nouns) = entry.split_once('=')?;
        (words::has(nouns, low) || words::has(nouns, singular)).then_some(unit)
    })
}

/// Small words that cannot be a counted noun (`au sein`, `dans`, `et`).
fn is_linker(low: &str) -> bool {
    words::has(words::DETERMINERS, low)
        || words::has(words::PREPOSITIONS, low)
        || matches!(
            low,
            "et" | "ou" | "dont" | "soit" | "contre" | "sur" | "selon"
        )
}

/// Where the noun phrase that starts at token `k` ends: at most six words, up to
/// punctuation, a clause or another number.
fn noun_phrase_end(toks: &[Tok], k: usize) -> usize {
    let mut end = toks[k].span.end;
    let mut last_content = end;
    for t in toks.iter().skip(k + 1).take(5) {
        if t.class != Class::Word
            || t.is(CLAUSE_WORDS)
            || spelled(t.text).is_some() && !t.is("un|une")
        {
            break;
        }
        end = t.span.end;
        if !is_linker(t.low()) {
            last_content = end;
        }
    }
    // Not ending on a small word (`agents de la`).
    last_content
}

/// The hedge written just before the number at token `i`: a phrase of [`HEDGES`]
/// ending there (`plus de`, `pouvant aller jusqu'à`), or a conditional verb a few
/// words before in the same clause (`aurait contribué à`).
fn hedge_before(s: &str, toks: &[Tok], i: usize) -> Option<(String, Option<&'static str>)> {
    let before: Vec<&str> = toks[..i].iter().rev().take(4).map(|t| t.low()).collect();
    for hedge in HEDGES.split('|') {
        let (phrase, code) = hedge.split_once('=').unwrap_or((hedge, ""));
        let code = (!code.is_empty()).then_some(code);
        let parts: Vec<&str> = split_phrase(phrase);
        if parts.len() > before.len() {
            continue;
        }
        let matches = parts.iter().rev().zip(before.iter()).all(|(p, b)| p == b);
        if matches {
            let first = &toks[i - parts.len()];
            let text = s[first.span.start..toks[i - 1].span.end].to_string();
            return Some((lower_first(&text), code));
        }
    }
    // `aurait contribué à 12 milliards`: a conditional at most three words back,
    // nothing but words between.
    for k in (i.saturating_sub(4)..i).rev() {
        let t = &toks[k];
        if t.class != Class::Word {
            break;
        }
        if let Some(code) = words::value_of(CONDITIONALS, t.low()) {
            let next = toks.get(k + 1).map(|n| n.low()).unwrap_or_default();
            let phrase = if next == "atteindre" {
                format!("{} atteindre", t.low())
            } else {
                t.low().to_string()
            };
            return Some((phrase, Some(code)));
        }
    }
    None
}

/// A hedge phrase as tokens: `jusqu'à` is `jusqu'` and `à`.
fn split_phrase(phrase: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in phrase.split(' ') {
        match w.find('\'') {
            Some(at) if at + 1 < w.len() => {
                out.push(&w[..=at]);
                out.push(&w[at + 1..]);
            }
            _ => out.push(w),
        }
    }
    out
}

/// `Plus de` as `plus de`, `D'ici` as `d'ici`; an acronym stays as it is.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.clone().next()) {
        (Some(f), second) if !second.is_some_and(char::is_uppercase) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_string(),
    }
}

/// A range (`de 18 à 150 hectares`, `entre 30 et 50 milliards d'euros`, `trois à
/// cinq litres`): the first number, with no unit of its own, takes the unit and
/// factor of the second.
fn share_units_of_ranges(s: &str, found: &mut [Amount]) {
    for k in 1..found.len() {
        let (a, b) = (&found[k - 1], &found[k]);
        let between = s[a.written.end..b.written.start].trim();
        if !a.own_unit && matches!(between, "à" | "et" | "-" | "–") {
            let (unit, factor) = (b.unit, b.factor);
            let a = &mut found[k - 1];
            if a.factor == 1.0 {
                a.value = tidy(a.value * factor);
                a.factor = factor;
            }
            a.unit = unit;
        }
    }
}

/// A scaled value without the float's noise (`511,3 milliards` is 511300000000,
/// not 511299999999.99994).
fn tidy(v: f64) -> f64 {
    let r = v.round();
    if (v - r).abs() <= 1e-6 * v.abs().max(1.0) {
        r
    } else {
        v
    }
}

/// The periods a sentence states, each with the token it starts at.
fn periods(toks: &[Tok], s: &str) -> Vec<(usize, Period)> {
    let mut out = Vec::new();
    let year_at = |k: usize| -> Option<u32> {
        let t = toks.get(k)?;
        (t.class == Class::Digits && t.text.len() == 4)
            .then(|| t.text.parse().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    };
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        let low = t.low();
        // `(en) [mois] année`, `d'ici (à) année`, `à l'horizon année`, `depuis année`…
        let (words_before, lead): (usize, Option<&str>) = match low {
            "en" | "dès" | "depuis" | "avant" | "après" | "pour" | "jusqu'en" => {
                (1, Some(t.text))
            }
            "d'" if toks.get(k + 1).is_some_and(|n| n.is("ici")) => {
                let to = if toks.get(k + 2).is_some_and(|n| n.is("à")) {
                    3
                } else {
                    2
                };
                (to, Some("d'ici"))
            }
            "à" if toks.get(k + 1).is_some_and(|n| n.is("l'"))
                && toks.get(k + 2).is_some_and(|n| n.is("horizon")) =>
            {
                (3, Some("à l'horizon"))
            }
            _ => (0, None),
        };
        let m = k + words_before;
        let mon = toks.get(m).and_then(|t| month(t.text));
        let y = if mon.is_some() {
            year_at(m + 1)
        } else {
            year_at(m)
        };
        if let (Some(lead_word), Some(year)) = (lead, y) {
            let first = if lead_word.eq_ignore_ascii_case("en") {
                m
            } else {
                k
            };
            let last = if mon.is_some() { m + 1 } else { m };
            let fr = lower_first(&s[toks[first].span.start..toks[last].span.end]);
            // `en 2023`, `d'ici 2027`, `pour 2025` refer to that year; `depuis 2018`,
            // `avant 2027` to a time around it, which ISO does not write.
            let iso = matches!(low, "en" | "d'" | "à" | "pour").then(|| iso_of(year, mon));
            out.push((k, Period { fr, iso }));
            k = last + 1;
            continue;
        }
        // `juillet 2023` with no preposition.
        if let (Some(mo), Some(year)) = (month(t.text), year_at(k + 1)) {
            if !toks
                .get(k.wrapping_sub(1))
                .is_some_and(|p| p.class == Class::Digits)
            {
                out.push((
                    k,
                    Period {
                        fr: s[t.span.start..toks[k + 1].span.end].to_string(),
                        iso: Some(iso_of(year, Some(mo))),
                    },
                ));
                k += 2;
                continue;
            }
        }
        // `sur trois ans`, `sur 5 ans`.
        if low == "sur" {
            let n = toks
                .get(k + 1)
                .filter(|n| n.class == Class::Digits || spelled(n.text).is_some());
            let unit = toks.get(k + 2).map(|u| u.low()).unwrap_or_default();
            if n.is_some() && matches!(unit, "ans" | "années" | "mois") {
                let fr = s[t.span.start..toks[k + 2].span.end].to_string();
                out.push((k, Period { fr, iso: None }));
                k += 3;
                continue;
            }
        }
        // `par an`, `chaque année`, `à ce stade`.
        let two = toks.get(k + 1).map(|n| n.low()).unwrap_or_default();
        let rate = matches!(
            (low, two),
            ("par", "an" | "année" | "mois" | "jour") | ("chaque", "année")
        );
        if rate {
            let fr = s[t.span.start..toks[k + 1].span.end].to_string();
            out.push((k, Period { fr, iso: None }));
            k += 2;
            continue;
        }
        if low == "à" && two == "ce" && toks.get(k + 2).is_some_and(|n| n.is("stade")) {
            out.push((
                k,
                Period {
                    fr: "à ce stade".into(),
                    iso: None,
                },
            ));
            k += 3;
            continue;
        }
        k += 1;
    }
    // Positions as bytes, for distances to amounts.
    out.into_iter()
        .map(|(k, p)| (toks[k].span.start, p))
        .collect()
}

fn iso_of(year: u32, month: Option<usize>) -> String {
    match month {
        Some(m) => format!("{year}-{m:02}"),
        None => year.to_string(),
    }
}

/// The period nearest to the amount at byte `at` (after it on a tie).
fn nearest(periods: &[(usize, Period)], at: usize) -> Option<&Period> {
    periods
        .iter()
        .min_by_key(|(p, _)| {
            if *p >= at {
                (p - at) * 2
            } else {
                (at - p) * 2 + 1
            }
        })
        .map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Vec<(f64, &'static str, Option<String>)> {
        amounts(s)
            .into_iter()
            .map(|a| (a.value, a.unit, a.hedge.map(|h| h.0)))
            .collect()
    }

    #[test]
    fn amounts_with_scale_unit_and_hedge() {
        assert_eq!(
            one("Plus de 109 milliards d’euros d’investissements."),
            [(109e9, "EUR", Some("plus de".into()))]
        );
        assert_eq!(
            one("les près de 450 agents de la DGM, et les plus de 5 300 au sein du réseau"),
            [
                (450.0, "people", Some("près de".into())),
                (5300.0, "people", Some("plus de".into()))
            ]
        );
        assert_eq!(one("27% des emplois"), [(27.0, "percent", None)]);
        assert_eq!(
            one("une capacité de calcul pouvant aller jusqu’à un gigawatt."),
            [(1.0, "GW", Some("pouvant aller jusqu’à".into()))]
        );
        assert_eq!(
            one("Une 60aine de livrables"),
            [(60.0, "deliverables", Some("une 60aine".into()))]
        );
        assert_eq!(
            one("l’IA générative aurait contribué à 12 milliards de dollars de fraude"),
            [(12e9, "USD", Some("aurait".into()))]
        );
        assert_eq!(
            one("alors estimé à 241 milliards de dollars en 2023, pourrait atteindre 511,3 milliards de dollars d’ici 2027."),
            [
                (241e9, "USD", Some("estimé à".into())),
                (511.3e9, "USD", Some("pourrait atteindre".into()))
            ]
        );
        assert_eq!(
            one("Dix gouvernements ont signé ; 37 grandes entreprises et 14 pays"),
            [
                (10.0, "governments", None),
                (37.0, "companies", None),
                (14.0, "countries", None)
            ]
        );
        assert_eq!(
            one("autant de ressources que dix requêtes sur Google"),
            [(10.0, "times", None)]
        );
        assert_eq!(one("une bouteille d’eau de 50 cl"), [(50.0, "cl", None)]);
        assert_eq!(one("40,8 milliards"), [(40.8e9, "", None)]);
    }

    #[test]
    fn dates_years_ordinals_durations_and_names_are_no_figures() {
        for s in [
            "du 6 au 11 février 2025, Paris",
            "En 2023, rien.",
            "le 9ème arrondissement",
            "publiée le 13/02/2025",
            "il y a 15 jours",
            "le G7 et le G20",
            "lundi 10 et mardi 11 février",
            "à 17h30 précises",
            "le plan France 2030",
            "deux révolutions",
            "une entreprise de Hong Kong",
        ] {
            assert_eq!(one(s), [], "{s}");
        }
    }

    #[test]
    fn ranges_share_their_unit() {
        assert_eq!(
            one("entre 30 et 50 milliards d’euros"),
            [(30e9, "EUR", None), (50e9, "EUR", None)]
        );
        assert_eq!(
            one("trois à cinq litres d’eau"),
            [(300.0, "cl", None), (500.0, "cl", None)]
        );
    }

    #[test]
    fn periods() {
        let p = |s: &str| -> Vec<Option<(String, Option<String>)>> {
            amounts(s)
                .into_iter()
                .map(|a| a.period.map(|p| (p.fr, p.iso)))
                .collect()
        };
        assert_eq!(
            p("Le marché, alors estimé à 241 milliards de dollars en 2023, pourrait atteindre 511,3 milliards de dollars d’ici 2027."),
            [Some(("2023".into(), Some("2023".into()))), Some(("d’ici 2027".into(), Some("2027".into())))]
        );
        assert_eq!(
            p("En février 2024, une arnaque a coûté 26 millions de dollars."),
            [Some(("février 2024".into(), Some("2024-02".into())))]
        );
        assert_eq!(
            p("elle compte à ce stade près de 140 partenaires"),
            [Some(("à ce stade".into(), None))]
        );
        assert_eq!(
            p("25 milliards d’euros sur 5 ans"),
            [Some(("sur 5 ans".into(), None))]
        );
    }
}
