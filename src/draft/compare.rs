//! A draft against an answer key: what it found, missed, and holds beyond it.
//!
//! The key is a curated knowledge base (`facts.toml`) or a small TSV written by
//! hand for a test text (one entry a line, its kind first, columns apart by tabs,
//! shown here as `→`):
//!
//! ```text
//! figure → 12000000000 → USD → reported → cabinet Deloitte
//! source → cabinet Deloitte
//! actor → Partenariat mondial sur l'intelligence artificielle → PMIA
//! list → inclusive | durable | de confiance
//! ```
//!
//! A figure's hedge (a qualifier code) and source are optional; so is an actor's
//! code. Names and items compare folded (case, accents, punctuation aside), an
//! article before them aside.

use std::fmt::Write as _;

use super::words::content_words;
use crate::kb::fold::fold;
use crate::kb::Kb;

/// What an answer key (or a draft) holds, kind by kind.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Key {
    pub figures: Vec<KeyFigure>,
    pub sources: Vec<String>,
    pub actors: Vec<KeyActor>,
    pub lists: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub value: f64,
    pub unit: String,
    /// The hedge's code (`more_than`).
    pub hedge: Option<String>,
    /// The name of the source it is credited to; none for the text's own.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyActor {
    pub name: String,
    pub code: Option<String>,
}

impl Key {
    /// The key a knowledge base makes: its figures, its sources but `memo`, its
    /// actors and lists, in French.
    pub fn from_kb(kb: &Kb) -> Key {
        let source_name = |id: &str| {
            kb.sources
                .iter()
                .find(|s| s.id == id && id != "memo")
                .map(|s| s.name.fr.to_string())
        };
        Key {
            figures: kb
                .figures
                .iter()
                .map(|f| KeyFigure {
                    value: f.value,
                    unit: f.unit.to_string(),
                    hedge: f.qualifier_code.as_deref().map(str::to_string),
                    source: source_name(&f.source_id),
                })
                .collect(),
            sources: kb
                .sources
                .iter()
                .filter(|s| s.id != "memo")
                .map(|s| s.name.fr.to_string())
                .collect(),
            actors: kb
                .actors
                .iter()
                .map(|a| KeyActor {
                    name: a.name.fr.to_string(),
                    code: a.code.as_deref().map(str::to_string),
                })
                .collect(),
            lists: kb
                .lists
                .iter()
                .map(|l| l.items.iter().map(|i| i.text.fr.to_string()).collect())
                .collect(),
        }
    }

    /// Reads a TSV answer key; `#` starts a comment line.
    pub fn from_tsv(text: &str) -> Result<Key, String> {
        let mut key = Key::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let opt = |i: usize| cols.get(i).filter(|c| !c.is_empty()).map(|c| c.to_string());
            let bad = |why: &str| format!("line {}: {why}: {line}", n + 1);
            match cols[0] {
                "figure" => key.figures.push(KeyFigure {
                    value: cols
                        .get(1)
                        .and_then(|v| v.parse().ok())
                        .ok_or_else(|| bad("a figure's value is a number"))?,
                    unit: opt(2).unwrap_or_default(),
                    hedge: opt(3),
                    source: opt(4),
                }),
                "source" => key
                    .sources
                    .push(opt(1).ok_or_else(|| bad("a source has a name"))?),
                "actor" => key.actors.push(KeyActor {
                    name: opt(1).ok_or_else(|| bad("an actor has a name"))?,
                    code: opt(2),
                }),
                "list" => key.lists.push(
                    opt(1)
                        .ok_or_else(|| bad("a list has items"))?
                        .split(" | ")
                        .map(str::to_string)
                        .collect(),
                ),
                other => return Err(bad(&format!("unknown kind `{other}`"))),
            }
        }
        Ok(key)
    }
}

/// How a draft fares on one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub kind: &'static str,
    /// Entries of the key the draft has.
    pub found: usize,
    /// Entries of the key.
    pub total: usize,
    /// The key's entries the draft lacks, described.
    pub missed: Vec<String>,
    /// The draft's entries the key lacks, described.
    pub extra: Vec<String>,
}

impl Tally {
    /// The share found, 1 when the key has none.
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.found as f64 / self.total as f64
        }
    }
}

/// The draft against the key, kind by kind: figures (value and unit), hedges (of
/// the key's hedged figures, the same code on the figure found), credits (of the
/// key's credited figures, the same source on the figure found), sources, actors
/// (name, and code where the key has one), lists.
pub fn compare(draft: &Key, key: &Key) -> Vec<Tally> {
    let (kf, df) = (&key.figures, &draft.figures);
    let pairs = pair(kf.len(), df.len(), &|k, d| same_value(&kf[k], &df[d]));
    let shown = |fs: &[KeyFigure]| fs.iter().map(describe_figure).collect::<Vec<_>>();
    let figures = tally("figures", shown(kf), shown(df), &pairs);

    let mut hedges = tally("hedges", Vec::new(), Vec::new(), &[]);
    let mut credits = tally("credits", Vec::new(), Vec::new(), &[]);
    for (k, d) in kf.iter().zip(&pairs) {
        let d = d.map(|i| &df[i]);
        if let Some(h) = &k.hedge {
            hedges.total += 1;
            if d.is_some_and(|d| d.hedge.as_ref() == Some(h)) {
                hedges.found += 1;
            } else {
                hedges.missed.push(format!("{} ({h})", describe_figure(k)));
            }
        }
        if let Some(s) = &k.source {
            credits.total += 1;
            if d.is_some_and(|d| d.source.as_deref().is_some_and(|ds| same_name(s, ds))) {
                credits.found += 1;
            } else {
                credits.missed.push(format!("{} ({s})", describe_figure(k)));
            }
        }
    }
    for (i, d) in df.iter().enumerate() {
        if let Some(h) = d.hedge.as_ref().filter(|_| !pairs.contains(&Some(i))) {
            hedges.extra.push(format!("{} ({h})", describe_figure(d)));
        }
    }

    let (ks, ds) = (&key.sources, &draft.sources);
    let pairs = pair(ks.len(), ds.len(), &|k, d| same_name(&ks[k], &ds[d]));
    let sources = tally("sources", ks.clone(), ds.clone(), &pairs);

    let (ka, da) = (&key.actors, &draft.actors);
    let pairs = pair(ka.len(), da.len(), &|k, d| same_actor(&ka[k], &da[d]));
    let shown = |a: &[KeyActor]| a.iter().map(describe_actor).collect::<Vec<_>>();
    let actors = tally("actors", shown(ka), shown(da), &pairs);

    let (kl, dl) = (&key.lists, &draft.lists);
    let pairs = pair(kl.len(), dl.len(), &|k, d| same_list(&kl[k], &dl[d]));
    let shown = |l: &[Vec<String>]| l.iter().map(|l| describe_list(l)).collect::<Vec<_>>();
    let lists = tally("lists", shown(kl), shown(dl), &pairs);
    vec![figures, hedges, credits, sources, actors, lists]
}

/// Pairs each of `key` entries with one of `draft` entries that matches it, each
/// draft entry used once.
fn pair(key: usize, draft: usize, same: &dyn Fn(usize, usize) -> bool) -> Vec<Option<usize>> {
    let mut used = vec![false; draft];
    (0..key)
        .map(|k| {
            let d = (0..draft).find(|&d| !used[d] && same(k, d))?;
            used[d] = true;
            Some(d)
        })
        .collect()
}

/// A kind's tally from its entries, described, and their pairs.
fn tally(
    kind: &'static str,
    key: Vec<String>,
    draft: Vec<String>,
    pairs: &[Option<usize>],
) -> Tally {
    Tally {
        kind,
        found: pairs.iter().flatten().count(),
        total: key.len(),
        missed: key
            .into_iter()
            .zip(pairs)
            .filter(|(_, p)| p.is_none())
            .map(|(k, _)| k)
            .collect(),
        extra: draft
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !pairs.contains(&Some(*i)))
            .map(|(_, d)| d)
            .collect(),
    }
}

fn describe_actor(a: &KeyActor) -> String {
    match &a.code {
        Some(c) => format!("{} ({c})", a.name),
        None => a.name.clone(),
    }
}

fn describe_list(l: &[String]) -> String {
    let shown: Vec<&str> = l.iter().take(3).map(String::as_str).collect();
    let more = if l.len() > 3 { " | …" } else { "" };
    format!("{}{more}", shown.join(" | "))
}

fn describe_figure(f: &KeyFigure) -> String {
    let unit = if f.unit.is_empty() {
        "(no unit)"
    } else {
        &f.unit
    };
    format!("{} {unit}", super::write::number(f.value))
}

fn same_value(k: &KeyFigure, d: &KeyFigure) -> bool {
    k.unit == d.unit && (k.value - d.value).abs() <= 1e-9 * k.value.abs().max(1.0)
}

/// Names compare folded, an article before them aside, one inside the other
/// when the shorter has two words at least (`calculateur Green Algorithms`,
/// `Green Algorithms`), or is the last word of the longer (`cabinet Deloitte`,
/// `Deloitte`).
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (key_words(a), key_words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() == 1 {
        return short[0].len() >= 4 && long.last() == short.first();
    }
    long.windows(short.len()).any(|w| w == &short[..])
}

/// A name's words as compared (`actors::name_key`: folded, no leading article).
fn key_words(s: &str) -> Vec<String> {
    let key = super::actors::name_key(s);
    key.split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// An actor matches by name, and by code where the key gives one (`DPS/ DEV` is
/// `DPS/DEV`); a key's actor known only by its code (`OCDE`) matches a draft's
/// with that code.
fn same_actor(k: &KeyActor, d: &KeyActor) -> bool {
    let code = |c: &Option<String>| c.as_deref().map(|c| c.replace(' ', "").to_uppercase());
    match (code(&k.code), code(&d.code)) {
        (Some(kc), Some(dc)) => kc == dc,
        (Some(_), None) => false,
        (None, _) => {
            same_name(&k.name, &d.name)
                || code(&d.code).is_some_and(|dc| dc == k.name.replace(' ', "").to_uppercase())
        }
    }
}

/// A list matches when the draft's has two thirds of the key's items at least
/// (each item alike: folded equal, one starting or ending the other, or most of
/// their words shared).
fn same_list(k: &[String], d: &[String]) -> bool {
    let found = k
        .iter()
        .filter(|ki| d.iter().any(|di| same_item(ki, di)))
        .count();
    found * 3 >= k.len() * 2 && found >= 2.min(k.len())
}

fn same_item(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    let (wa, wb): (Vec<&str>, Vec<&str>) =
        (content_words(&fa).collect(), content_words(&fb).collect());
    if wa.is_empty() || wb.is_empty() {
        return fa == fb && !fa.is_empty();
    }
    if wa == wb {
        return true;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let ends = long.starts_with(short) || long.ends_with(short);
    let shared = short.iter().filter(|w| long.contains(w)).count();
    ends || shared * 10 >= long.len() * 6
}

/// The comparison as a person reads it: per kind, found of the key's, the share,
/// the extra count, then what was missed and what is extra.
pub fn report(tallies: &[Tally], key_name: &str) -> String {
    let mut out = format!("Against {key_name} (found / in the key, extra: in the draft only):\n");
    for t in tallies {
        let _ = writeln!(
            out,
            "  {:<8} {:>3} / {:<3} {:>5.1}%   extra {}",
            t.kind,
            t.found,
            t.total,
            t.share() * 100.0,
            t.extra.len()
        );
    }
    for t in tallies {
        if !t.missed.is_empty() {
            let _ = writeln!(out, "\n{} missed:", t.kind);
            for m in &t.missed {
                let _ = writeln!(out, "  - {m}");
            }
        }
        if !t.extra.is_empty() {
            let _ = writeln!(out, "\n{} extra:", t.kind);
            for m in &t.extra {
                let _ = writeln!(out, "  + {m}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tsv_key_and_compares() {
        let key = Key::from_tsv(
            "# a key\nfigure\t12000000000\tUSD\treported\tcabinet Deloitte\nfigure\t27\tpercent\nsource\tcabinet Deloitte\nactor\tPartenariat mondial sur l’IA\tPMIA\nactor\tcalculateur Green Algorithms\nlist\tinclusive | durable | de confiance\n",
        )
        .unwrap();
        let draft = Key {
            figures: vec![KeyFigure {
                value: 12e9,
                unit: "USD".into(),
                hedge: Some("reported".into()),
                source: Some("Deloitte".into()),
            }],
            sources: vec!["Deloitte".into()],
            actors: vec![
                KeyActor {
                    name: "Partenariat mondial sur l’IA".into(),
                    code: Some("PMIA".into()),
                },
                KeyActor {
                    name: "Green Algorithms".into(),
                    code: None,
                },
            ],
            lists: vec![vec![
                "inclusive".into(),
                "durable".into(),
                "confiance".into(),
            ]],
        };
        let t = compare(&draft, &key);
        let shares: Vec<(&str, usize, usize)> =
            t.iter().map(|t| (t.kind, t.found, t.total)).collect();
        assert_eq!(
            shares,
            [
                ("figures", 1, 2),
                ("hedges", 1, 1),
                ("credits", 1, 1),
                ("sources", 1, 1),
                ("actors", 2, 2),
                ("lists", 1, 1)
            ]
        );
        assert_eq!(t[0].missed, ["27 percent"]);
        assert!(Key::from_tsv("figure\tx\n").is_err());
    }
}
