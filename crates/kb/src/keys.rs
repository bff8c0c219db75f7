//! The keys each table of a knowledge-base file takes, and what each holds.
//!
//! Every entry is checked against them before serde reads it: serde stops at the
//! first missing key or value of the wrong type, so a file with three mistakes in
//! one entry would take three runs of `validate` to fix. This check reports them all
//! at once, each where it stands, in both languages, and says what to write. The
//! tables follow the model's structs (`model.rs`); this module's tests hold them to
//! the structs.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::model::Kind;

/// What a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A string (an id, a code, a date, a quote).
    Str,
    /// A text in both languages, `{ fr = "…", en = "…" }`.
    Text,
    /// A number, integer or not.
    Number,
    Bool,
    /// An array of strings (ids, aliases).
    Strs,
    /// An array of texts.
    Texts,
    /// A list's items, each a table of [`ITEM`]'s keys.
    Items,
    /// Where an investment goes: `france`, `europe` or `world`.
    Scope,
}

/// A key of a table: its name, what it holds, and whether it must be there.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
}

const fn req(name: &'static str, shape: Shape) -> Key {
    Key {
        name,
        shape,
        required: true,
    }
}

const fn opt(name: &'static str, shape: Shape) -> Key {
    Key {
        name,
        shape,
        required: false,
    }
}

use Shape::*;

pub const MEMO: &[Key] = &[
    req("title", Text),
    req("series", Text),
    req("publisher", Text),
    opt("ministry", Text),
    opt("quote", Str),
];

const SECTION: &[Key] = &[
    req("id", Str),
    req("title", Text),
    opt("parent_id", Str),
    opt("quote", Str),
];

const SOURCE: &[Key] = &[
    req("id", Str),
    req("name", Text),
    opt("date", Text),
    opt("date_iso", Str),
    opt("aliases", Strs),
    opt("quote", Str),
];

const TOPIC: &[Key] = &[req("id", Str), req("name", Text), opt("quote", Str)];

const GROUP: &[Key] = &[
    req("id", Str),
    req("name", Text),
    opt("section_id", Str),
    opt("quote", Str),
];

const FIGURE: &[Key] = &[
    req("id", Str),
    req("topic_id", Str),
    req("value", Number),
    req("unit", Str),
    req("magnitude", Text),
    opt("qualifier", Text),
    opt("stated", Text),
    opt("qualifier_code", Str),
    req("label", Text),
    req("text", Text),
    opt("period", Text),
    opt("period_iso", Str),
    req("source_id", Str),
    req("section_id", Str),
    opt("actor_ids", Strs),
    opt("headline", Bool),
    opt("scope", Scope),
    opt("under_id", Str),
    opt("quote", Str),
];

/// The keys of an item of a list (`[[lists.items]]`).
pub const ITEM: &[Key] = &[req("text", Text), opt("detail", Text), opt("ref_ids", Strs)];

const LIST: &[Key] = &[
    req("id", Str),
    req("title", Text),
    req("section_id", Str),
    opt("actor_ids", Strs),
    req("items", Items),
    opt("quote", Str),
];

const ACTOR: &[Key] = &[
    req("id", Str),
    opt("code", Str),
    opt("code_en", Str),
    opt("aliases", Strs),
    req("name", Text),
    req("group_id", Str),
    opt("parent_id", Str),
    opt("role", Text),
    opt("related", Texts),
    req("section_id", Str),
    opt("appears_in_id", Str),
    opt("quote", Str),
];

const EVENT: &[Key] = &[
    req("id", Str),
    req("name", Text),
    opt("start", Str),
    opt("end", Str),
    req("place", Text),
    opt("co_chair", Text),
    req("description", Text),
    opt("topic_id", Str),
    opt("list_ids", Strs),
    opt("actor_ids", Strs),
    opt("figure_ids", Strs),
    opt("part_of_id", Str),
    req("section_id", Str),
    opt("quote", Str),
];

/// The keys an entry of `kind` takes.
pub fn of(kind: Kind) -> &'static [Key] {
    match kind {
        Kind::Section => SECTION,
        Kind::Source => SOURCE,
        Kind::Topic => TOPIC,
        Kind::Group => GROUP,
        Kind::Figure => FIGURE,
        Kind::List => LIST,
        Kind::Actor => ACTOR,
        Kind::Event => EVENT,
    }
}

/// The table a problem is in, as messages name it in each language ("figure `f`",
/// "le chiffre `f`"): put into words only for a table that is wrong, as most are not.
#[derive(Clone, Copy, Debug)]
pub enum Whose<'a> {
    /// A file's `[memo]`.
    Memo,
    /// An entry, by its id, or else by its place (from 0) among those of its kind.
    Entry {
        kind: Kind,
        id: Option<&'a str>,
        n: usize,
    },
    /// Item `n` (from 1) of a list.
    Item { n: usize, of: &'a Whose<'a> },
}

impl Whose<'_> {
    pub fn en(&self) -> String {
        match *self {
            Whose::Memo => "[memo]".into(),
            Whose::Entry {
                kind, id: Some(id), ..
            } => format!("{} `{id}`", kind.name()),
            Whose::Entry { kind, n, .. } => format!("{} #{}", kind.name(), n + 1),
            Whose::Item { n, of } => format!("item {n} of {}", of.en()),
        }
    }

    pub fn fr(&self) -> String {
        match *self {
            Whose::Memo => "[memo]".into(),
            Whose::Entry {
                kind, id: Some(id), ..
            } => format!("{} `{id}`", kind.the_fr()),
            Whose::Entry { kind, n, .. } => format!("{} n° {}", kind.the_fr(), n + 1),
            Whose::Item { n, of } => format!("l’élément {n} de {}", of.fr()),
        }
    }
}

/// A text's name in messages, in each language.
struct Named {
    en: String,
    fr: String,
}

/// One thing wrong with a table: where (a byte of the file), about which of its
/// keys (`None` for a key it should not have), and what, in English and French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wrong {
    pub at: usize,
    pub key: Option<&'static str>,
    pub en: String,
    pub fr: String,
}

/// Every key `table` lacks, every key it should not have, and every value of the
/// wrong shape, in the order of `keys` (the unknown ones last). `at` is where the
/// table starts: missing keys are reported there. `table_name` is the TOML array
/// holding the table, for the items' header (`[[lists.items]]`).
pub fn check(
    table: &DeTable<'_>,
    at: usize,
    keys: &[Key],
    whose: &Whose<'_>,
    table_name: &str,
) -> Vec<Wrong> {
    let mut wrong = Vec::new();
    for key in keys {
        match table.get(key.name) {
            None if key.required => wrong.push(Wrong {
                at,
                key: Some(key.name),
                en: format!(
                    "in {}: missing key `{}`: write {}",
                    whose.en(),
                    key.name,
                    example(key, table_name, None)
                ),
                fr: format!(
                    "dans {} : clé `{}` manquante : écrivez {}",
                    whose.fr(),
                    key.name,
                    example(key, table_name, None)
                ),
            }),
            None => {}
            Some(value) => shape(value, key, whose, table_name, &mut wrong),
        }
    }
    for (name, _) in table.iter() {
        let name: &str = name.get_ref();
        if !keys.iter().any(|k| k.name == name) {
            let names: Vec<String> = keys.iter().map(|k| format!("`{}`", k.name)).collect();
            wrong.push(Wrong {
                at: name_span(table, name).unwrap_or(at),
                key: None,
                en: format!(
                    "in {}: unknown key `{name}`, expected one of {}",
                    whose.en(),
                    names.join(", ")
                ),
                fr: format!(
                    "dans {} : clé inconnue `{name}` ; clés possibles : {}",
                    whose.fr(),
                    names.join(", ")
                ),
            });
        }
    }
    wrong
}

/// Where the key `name` of `table` is written.
fn name_span(table: &DeTable<'_>, name: &str) -> Option<usize> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == name)
        .map(|(k, _)| k.span().start)
}

/// What to write for `key`, as a line of TOML; `found`, the value there, gives a
/// date its own example (a date is a quoted string).
fn example(key: &Key, table_name: &str, found: Option<&DeValue<'_>>) -> String {
    let k = key.name;
    match key.shape {
        Str => match found {
            Some(DeValue::Datetime(d)) => format!("{k} = \"{d}\""),
            _ => format!("{k} = \"…\""),
        },
        Text => format!("{k} = {{ fr = \"…\", en = \"…\" }}"),
        Number => format!("{k} = 27"),
        Bool => format!("{k} = true"),
        Strs => format!("{k} = [\"…\", \"…\"]"),
        Texts => format!("{k} = [{{ fr = \"…\", en = \"…\" }}]"),
        Items => format!(
            "each item under [[{table_name}.{k}]], with text = {{ fr = \"…\", en = \"…\" }}"
        ),
        Scope => format!("{k} = \"france\" (or \"europe\", \"world\")"),
    }
}

/// What a shape is, in each language.
fn shape_name(shape: Shape) -> (&'static str, &'static str) {
    match shape {
        Str => ("a quoted string", "une chaîne entre guillemets"),
        Text => ("a text in both languages", "un texte dans les deux langues"),
        Number => ("a number, unquoted", "un nombre, sans guillemets"),
        Bool => ("true or false", "true ou false"),
        Strs => ("an array of strings", "un tableau de chaînes"),
        Texts => ("an array of texts", "un tableau de textes"),
        Items => ("items", "des éléments"),
        Scope => (
            "one of \"france\", \"europe\", \"world\"",
            "\"france\", \"europe\" ou \"world\"",
        ),
    }
}

/// What a TOML value is, in each language.
pub fn found_name(v: &DeValue<'_>) -> (&'static str, &'static str) {
    match v {
        DeValue::String(_) => ("a string", "une chaîne"),
        DeValue::Integer(_) => ("a whole number", "un nombre entier"),
        DeValue::Float(_) => ("a decimal number", "un nombre décimal"),
        DeValue::Boolean(_) => ("a boolean", "un booléen"),
        DeValue::Datetime(_) => ("an unquoted date", "une date sans guillemets"),
        DeValue::Array(_) => ("an array", "un tableau"),
        DeValue::Table(_) => ("a table", "une table"),
    }
}

/// Checks one value against its key's shape.
fn shape(
    value: &Spanned<DeValue<'_>>,
    key: &Key,
    whose: &Whose<'_>,
    table_name: &str,
    wrong: &mut Vec<Wrong>,
) {
    let at = value.span().start;
    let v = value.get_ref();
    let mismatch = |wrong: &mut Vec<Wrong>| {
        let (want_en, want_fr) = shape_name(key.shape);
        let (found_en, found_fr) = found_name(v);
        let write = example(key, table_name, Some(v));
        wrong.push(Wrong {
            at,
            key: Some(key.name),
            en: format!(
                "in {}: `{}` must be {want_en}, not {found_en}: write {write}",
                whose.en(),
                key.name
            ),
            fr: format!(
                "dans {} : `{}` doit être {want_fr}, pas {found_fr} : écrivez {write}",
                whose.fr(),
                key.name
            ),
        });
    };
    let too_large = |wrong: &mut Vec<Wrong>| {
        wrong.push(Wrong {
            at,
            key: Some(key.name),
            en: format!(
                "in {}: `{}` is too large a number: at most 2^53 (9007199254740992) is kept exactly",
                whose.en(),
                key.name
            ),
            fr: format!(
                "dans {} : `{}` est un nombre trop grand : au plus 2^53 (9007199254740992) est gardé exactement",
                whose.fr(),
                key.name
            ),
        })
    };
    match (key.shape, v) {
        // A number not kept exactly: a whole number beyond 2^53 (beyond 64 bits, serde
        // reads none at all; below, reading it as a float rounds it), or one written
        // with an exponent too large for a float (`1e999`).
        (Number, DeValue::Integer(i))
            if i64::from_str_radix(i.as_str(), i.radix())
                .map_or(true, |n| n.unsigned_abs() > 1 << 53) =>
        {
            too_large(wrong)
        }
        (Number, DeValue::Float(f))
            if f.as_str()
                .replace('_', "")
                .parse::<f64>()
                .is_ok_and(f64::is_infinite)
                && !f.as_str().contains("inf") =>
        {
            too_large(wrong)
        }
        (Str, DeValue::String(_))
        | (Number, DeValue::Integer(_) | DeValue::Float(_))
        | (Bool, DeValue::Boolean(_)) => {}
        (Scope, DeValue::String(s)) => {
            if !["france", "europe", "world"].contains(&s.as_ref()) {
                wrong.push(Wrong {
                    at,
                    key: Some(key.name),
                    en: format!(
                        "in {}: `scope` must be \"france\", \"europe\" or \"world\", not \"{s}\"",
                        whose.en()
                    ),
                    fr: format!(
                        "dans {} : `scope` doit être \"france\", \"europe\" ou \"world\", pas \"{s}\"",
                        whose.fr()
                    ),
                });
            }
        }
        (Text, DeValue::Table(t)) => text(t, at, key, None, whose, wrong),
        (Strs | Texts, DeValue::Array(items)) => {
            for (n, item) in items.iter().enumerate() {
                let ok = match (key.shape, item.get_ref()) {
                    (Strs, DeValue::String(_)) => true,
                    (Texts, DeValue::Table(t)) => {
                        text(t, item.span().start, key, Some(n + 1), whose, wrong);
                        true
                    }
                    _ => false,
                };
                if !ok {
                    let (want_en, want_fr) = if key.shape == Strs {
                        shape_name(Str)
                    } else {
                        shape_name(Text)
                    };
                    let (found_en, found_fr) = found_name(item.get_ref());
                    wrong.push(Wrong {
                        at: item.span().start,
                        key: Some(key.name),
                        en: format!(
                            "in {}: item {} of `{}` must be {want_en}, not {found_en}: write {}",
                            whose.en(),
                            n + 1,
                            key.name,
                            example(key, table_name, None)
                        ),
                        fr: format!(
                            "dans {} : l’élément {} de `{}` doit être {want_fr}, pas {found_fr} : écrivez {}",
                            whose.fr(),
                            n + 1,
                            key.name,
                            example(key, table_name, None)
                        ),
                    });
                }
            }
        }
        (Items, DeValue::Array(items)) => {
            for (n, item) in items.iter().enumerate() {
                let item_whose = Whose::Item {
                    n: n + 1,
                    of: whose,
                };
                match item.get_ref() {
                    // A problem of an item is a problem of the list's `items`.
                    DeValue::Table(t) => wrong.extend(
                        check(t, item.span().start, ITEM, &item_whose, table_name)
                            .into_iter()
                            .map(|w| Wrong {
                                key: Some(key.name),
                                ..w
                            }),
                    ),
                    other => {
                        let (found_en, found_fr) = found_name(other);
                        wrong.push(Wrong {
                            at: item.span().start,
                            key: Some(key.name),
                            en: format!(
                                "in {}: an item is a table, not {found_en}: write {}",
                                item_whose.en(),
                                example(key, table_name, None)
                            ),
                            fr: format!(
                                "dans {} : un élément est une table, pas {found_fr} : écrivez {}",
                                item_whose.fr(),
                                example(key, table_name, None)
                            ),
                        });
                    }
                }
            }
        }
        _ => mismatch(wrong),
    }
}

/// Checks a text (`name`, of the table's key `key`): `fr` and `en`, both strings,
/// and nothing else.
fn text(
    t: &DeTable<'_>,
    at: usize,
    key: &Key,
    item: Option<usize>,
    whose: &Whose<'_>,
    wrong: &mut Vec<Wrong>,
) {
    // The text as messages name it (the key, or an item of it), and what to write:
    // worked out only for a text that is wrong, as most are not.
    let name = || match item {
        None => Named {
            en: format!("`{}`", key.name),
            fr: format!("`{}`", key.name),
        },
        Some(n) => Named {
            en: format!("item {n} of `{}`", key.name),
            fr: format!("l’élément {n} de `{}`", key.name),
        },
    };
    let write = || example(key, "", None);
    let key = key.name;
    for (lang, en, fr) in [("fr", "French", "français"), ("en", "English", "anglais")] {
        match t.get(lang) {
            None => wrong.push(Wrong {
                at,
                key: Some(key),
                en: format!(
                    "in {}: {} has no {en} text (`{lang}`): write {}",
                    whose.en(),
                    name().en,
                    write()
                ),
                fr: format!(
                    "dans {} : {} n’a pas de texte {fr} (`{lang}`) : écrivez {}",
                    whose.fr(),
                    name().fr,
                    write()
                ),
            }),
            Some(v) if !v.get_ref().is_str() => {
                let (found_en, found_fr) = found_name(v.get_ref());
                wrong.push(Wrong {
                    at: v.span().start,
                    key: Some(key),
                    en: format!(
                        "in {}: the {en} text of {} must be a quoted string, not {found_en}: write {}",
                        whose.en(), name().en, write()
                    ),
                    fr: format!(
                        "dans {} : le texte {fr} de {} doit être une chaîne entre guillemets, pas {found_fr} : écrivez {}",
                        whose.fr(), name().fr, write()
                    ),
                });
            }
            Some(_) => {}
        }
    }
    for (other, _) in t.iter() {
        let other: &str = other.get_ref();
        if other != "fr" && other != "en" {
            wrong.push(Wrong {
                at: name_span(t, other).unwrap_or(at),
                key: Some(key),
                en: format!(
                    "in {}: {} takes `fr` and `en` only, not `{other}`: write {}",
                    whose.en(),
                    name().en,
                    write()
                ),
                fr: format!(
                    "dans {} : {} ne prend que `fr` et `en`, pas `{other}` : écrivez {}",
                    whose.fr(),
                    name().fr,
                    write()
                ),
            });
        }
    }
}

/// `table` made readable by serde after `wrong` was found in it: a key it should
/// not have is dropped, and so is an optional key that is wrong; a required key
/// missing or wrong gets a blank value of its shape. Returns the keys so changed:
/// the checks that follow must not report their blank values again.
pub fn repair<'i>(
    mut table: DeTable<'i>,
    keys: &[Key],
    wrong: &[Wrong],
) -> (DeTable<'i>, Vec<&'static str>) {
    let unknown: Vec<String> = table
        .iter()
        .map(|(k, _)| k.get_ref().to_string())
        .filter(|k| !keys.iter().any(|key| key.name == k))
        .collect();
    for k in unknown {
        table.remove(k.as_str());
    }
    let changed: Vec<&'static str> = keys
        .iter()
        .map(|k| k.name)
        .filter(|name| wrong.iter().any(|w| w.key == Some(*name)))
        .collect();
    for key in keys.iter().filter(|k| changed.contains(&k.name)) {
        let name = table
            .remove_entry(key.name)
            .map_or_else(|| Spanned::new(0..0, key.name.into()), |(k, _)| k);
        if !key.required {
            continue;
        }
        let blank = match key.shape {
            Str | Scope => "\"\"",
            Text => "{ fr = \"\", en = \"\" }",
            Number => "0",
            Bool => "false",
            Strs | Texts | Items => "[]",
        };
        if let Ok(value) = DeValue::parse(blank) {
            table.insert(name, value);
        }
    }
    (table, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use serde::de::DeserializeOwned;

    /// A value of `shape` that serde takes.
    fn sample(shape: Shape) -> &'static str {
        match shape {
            Str => "\"x\"",
            Text => "{ fr = \"a\", en = \"b\" }",
            Number => "1",
            Bool => "true",
            Strs => "[\"x\"]",
            Texts => "[{ fr = \"a\", en = \"b\" }]",
            Items => "[{ text = { fr = \"a\", en = \"b\" } }]",
            Scope => "\"france\"",
        }
    }

    fn table(keys: &[Key], leave_out: Option<&str>) -> String {
        keys.iter()
            .filter(|k| Some(k.name) != leave_out)
            .map(|k| format!("{} = {}\n", k.name, sample(k.shape)))
            .collect()
    }

    /// The keys are the struct's: all of them read, each required one missed,
    /// and no other key taken.
    fn same_as_struct<T: DeserializeOwned>(keys: &[Key]) {
        let all = table(keys, None);
        toml::from_str::<T>(&all).unwrap_or_else(|e| panic!("{all}\n{e}"));
        for k in keys {
            let without = table(keys, Some(k.name));
            assert_eq!(
                toml::from_str::<T>(&without).is_ok(),
                !k.required,
                "`{}` required: {}",
                k.name,
                k.required
            );
        }
        let more = format!("{all}zz_unknown = 1\n");
        assert!(toml::from_str::<T>(&more).is_err(), "unknown keys refused");
    }

    #[test]
    fn the_keys_are_the_model_s() {
        same_as_struct::<Memo>(MEMO);
        same_as_struct::<Section>(of(Kind::Section));
        same_as_struct::<Source>(of(Kind::Source));
        same_as_struct::<Topic>(of(Kind::Topic));
        same_as_struct::<Group>(of(Kind::Group));
        same_as_struct::<Figure>(of(Kind::Figure));
        same_as_struct::<Item>(ITEM);
        same_as_struct::<List>(of(Kind::List));
        same_as_struct::<Actor>(of(Kind::Actor));
        same_as_struct::<Event>(of(Kind::Event));
    }
}
