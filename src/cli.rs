//! The command line, declared once: a table of the common options and one of the
//! subcommands, from which clap's command is built and which the quick parser reads.
//!
//! clap's command costs more to build and run than a whole lookup, so the plain
//! invocations (a subcommand, its positional arguments, and the common options written
//! `--name value`) are parsed by the quick parser straight from the same tables;
//! anything else (help, version, `=` forms, short options, `--`, a bad value, a
//! missing argument) goes to clap, with its messages. A property test holds the
//! quick parser to clap wherever it answers.
//!
//! The common options are accepted before and after the subcommand alike (`aimemo
//! --json investments`, `aimemo investments --json`): they are defined on the root and
//! on each subcommand and merged, rather than propagated by clap as `global`
//! arguments. A later value overrides an earlier one, so that an alias (`alias
//! aimemo='aimemo --lang fr'`) can be overridden; values are case-insensitive.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{value_parser, Arg, ArgAction, ArgMatches, Command as ClapCommand, ValueEnum};

use crate::i18n::Lang;
use crate::kb::Kind;
use crate::render::term::ColorChoice;
use crate::render::Format;

/// The exit statuses: what `--help`, the man page and README state (one source).
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "found (or valid, for `validate`)"),
    (
        "1",
        "a valid query that found nothing (or an invalid file, for `validate`)",
    ),
    (
        "2",
        "a usage error, or a knowledge-base file that cannot be read or is invalid",
    ),
];

/// The environment variables aimemo reads: what `--help`, the man page and README state.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "AIMEMO_LANG",
        "the language when --lang is not given (fr or en)",
    ),
    (
        "LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
        "the locale, in that order: fr, fr_FR.UTF-8, fr_CA give French",
    ),
    (
        "AIMEMO_FACTS",
        "more knowledge-base files, separated like PATH",
    ),
    (
        "NO_COLOR",
        "when set and not empty, no color unless --color always",
    ),
    ("TERM", "`dumb` turns color off unless --color always"),
    ("COLUMNS", "the width tables are fitted to"),
];

/// A titled list of terms and what they mean, as `--help` shows it.
fn help_section(title: &str, rows: &[(&str, &str)]) -> String {
    let mut out = format!("{title}:");
    for (term, meaning) in rows {
        if term.len() < 14 {
            out.push_str(&format!("\n  {term:<14} {meaning}"));
        } else {
            out.push_str(&format!("\n  {term}\n  {:<14} {meaning}", ""));
        }
    }
    out
}

const EXAMPLES: &str = "\
Examples:
  aimemo investments            the €109 bn of pledges, who and what for
  aimemo actor DNUM             one actor: role, parents, the figures about it
  aimemo search énergie         everything about energy (accents optional)
  aimemo figures market --json  the market figures, for scripts
  aimemo brief --format markdown > brief.md
  aimemo brief --format html > brief.html";

/// The examples, for French help (`--lang fr` or a French locale).
const EXAMPLES_FR: &str = "\
Exemples :
  aimemo investissements          les 109 Md€ d’annonces : qui, combien, pour quoi
  aimemo acteur DNUM              un acteur : rôle, rattachement, chiffres
  aimemo recherche énergie        tout sur l’énergie (accents facultatifs)
  aimemo chiffres marché --json   les chiffres du marché, pour les scripts
  aimemo note --format text       la note de synthèse, à coller dans un courriel";

/// Parsed arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Cli {
    pub global: Global,
    pub command: Option<Command>,
}

/// Options every command takes, before or after the subcommand.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Global {
    pub json: bool,
    pub format: Option<Format>,
    pub color: ColorChoice,
    pub lang: Option<Lang>,
    pub facts: Vec<PathBuf>,
    pub no_builtin: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Investments,
    Summit,
    Figures {
        topic: Option<String>,
    },
    Actors,
    Actor {
        query: Vec<String>,
    },
    Lists,
    List {
        id: String,
    },
    Sources,
    Show {
        id: String,
    },
    Search {
        words: Vec<String>,
        /// `--limit N` (0: all).
        limit: Option<usize>,
        /// `--kind K`.
        kind: Option<Kind>,
    },
    Brief,
    Cite {
        words: Vec<String>,
    },
    Validate {
        files: Vec<PathBuf>,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Schema {
        command: String,
    },
    Man,
}

/// A common option: its name, its value's name (none for a flag), its help, and
/// what it sets (flags get an empty value).
struct Opt {
    long: &'static str,
    value_name: Option<&'static str>,
    help: &'static str,
    /// clap's checks of its value (possible values, case), for help and errors.
    parser: fn(Arg) -> Arg,
    set: fn(&mut Global, &OsStr) -> Option<()>,
}

/// A case-insensitive value of a `ValueEnum`.
fn choice<T: ValueEnum>(v: &OsStr) -> Option<T> {
    T::from_str(v.to_str()?, true).ok()
}

const COMMON: &[Opt] = &[
    Opt {
        long: "json",
        value_name: None,
        help: "Print one JSON document (same as --format json)",
        parser: |a| a.conflicts_with("format"),
        set: |g, _| {
            g.json = true;
            Some(())
        },
    },
    Opt {
        long: "format",
        value_name: Some("FORMAT"),
        help: "Output format",
        parser: |a| a.value_parser(value_parser!(Format)),
        set: |g, v| {
            g.format = Some(choice(v)?);
            Some(())
        },
    },
    Opt {
        long: "color",
        value_name: Some("WHEN"),
        help: "When to use color [default: auto]",
        parser: |a| a.value_parser(value_parser!(ColorChoice)),
        set: |g, v| {
            g.color = choice(v)?;
            Some(())
        },
    },
    Opt {
        long: "lang",
        value_name: Some("LANG"),
        help: "Language of labels and texts [default: from AIMEMO_LANG or the locale, else en]",
        parser: |a| a.value_parser(value_parser!(Lang)),
        set: |g, v| {
            g.lang = Some(choice(v)?);
            Some(())
        },
    },
    Opt {
        long: "facts",
        value_name: Some("FILE"),
        help: "Add a knowledge-base file (repeatable; see docs/SCHEMA.md)",
        parser: |a| {
            a.action(ArgAction::Append)
                .value_parser(value_parser!(PathBuf))
        },
        set: |g, v| {
            g.facts.push(PathBuf::from(v));
            Some(())
        },
    },
    Opt {
        long: "no-builtin",
        value_name: None,
        help: "Leave the built-in knowledge base out (use with --facts)",
        parser: |a| a,
        set: |g, _| {
            g.no_builtin = true;
            Some(())
        },
    },
];

/// The common options, as clap arguments.
fn common_args() -> impl Iterator<Item = Arg> {
    COMMON.iter().map(|o| {
        let arg = Arg::new(o.long).long(o.long).help(o.help);
        let arg = match o.value_name {
            Some(v) => arg.value_name(v).ignore_case(true),
            None => arg.action(ArgAction::SetTrue),
        };
        (o.parser)(arg)
    })
}

/// A subcommand's positional argument.
struct Positional {
    id: &'static str,
    value_name: &'static str,
    help: &'static str,
    /// How many values it takes, at least and at most.
    min: usize,
    max: usize,
    /// clap's checks of its values.
    parser: fn(Arg) -> Arg,
}

/// An option of one subcommand, written after it: its name, its value's name, its
/// help, clap's checks of its value, and what it sets in the command (`None` for a
/// value it refuses).
struct SubOpt {
    long: &'static str,
    value_name: &'static str,
    help: &'static str,
    parser: fn(Arg) -> Arg,
    set: fn(&mut Command, &OsStr) -> Option<()>,
}

/// A subcommand: its name, alias, summary, positional argument, options and
/// examples, and the command its positional values make (`None` when they make none).
struct Spec {
    name: &'static str,
    /// Other names: the French ones, and older ones (`facts`).
    aliases: &'static [&'static str],
    about: &'static str,
    positional: Option<Positional>,
    options: &'static [SubOpt],
    after_help: &'static str,
    make: fn(Vec<OsString>) -> Option<Command>,
}

/// A count as `--limit` takes it.
fn count(v: &OsStr) -> Option<usize> {
    v.to_str()?.parse().ok()
}

/// A kind of entry by its name, in any case.
fn kind(v: &OsStr) -> Option<Kind> {
    let v = v.to_str()?;
    Kind::ALL
        .into_iter()
        .find(|k| k.name().eq_ignore_ascii_case(v))
}

const SEARCH_OPTIONS: &[SubOpt] = &[
    SubOpt {
        long: "limit",
        value_name: "N",
        help: "Show the first N hits, 0 for all [default: 10 in a table, all in other formats]",
        parser: |a| a.value_parser(|v: &str| v.parse::<usize>().map_err(|e| e.to_string())),
        set: |c, v| match c {
            Command::Search { limit, .. } => {
                *limit = Some(count(v)?);
                Some(())
            }
            _ => None,
        },
    },
    SubOpt {
        long: "kind",
        value_name: "KIND",
        help: "Only entries of this kind",
        parser: |a| {
            a.value_parser(clap::builder::PossibleValuesParser::new(
                Kind::ALL.map(Kind::name),
            ))
            .ignore_case(true)
        },
        set: |c, v| match c {
            Command::Search { kind: k, .. } => {
                *k = Some(kind(v)?);
                Some(())
            }
            _ => None,
        },
    },
];

/// Positional values as texts.
fn texts(values: Vec<OsString>) -> Option<Vec<String>> {
    values.into_iter().map(|v| v.into_string().ok()).collect()
}

/// The one positional value, as a text.
fn text(values: Vec<OsString>) -> Option<String> {
    texts(values)?.into_iter().next()
}

const TEXT: fn(Arg) -> Arg = |a| a;

const SUBCOMMANDS: &[Spec] = &[
    Spec {
        name: "investments",
        aliases: &["investissements"],
        about: "The investment pledges: who, how much, where, what for, and the headline",
        positional: None,
        options: &[],
        after_help: "Examples:\n  aimemo investments\n  aimemo investments --format csv\n  \
                     aimemo investments --json | jq '.headline.value'",
        make: |_| Some(Command::Investments),
    },
    Spec {
        name: "summit",
        aliases: &["sommet"],
        about: "The Paris AI Action Summit: dates, place, co-chair, verticals, figures",
        positional: None,
        options: &[],
        after_help: "Examples:\n  aimemo summit\n  aimemo summit --lang fr\n  \
                     aimemo summit --json | jq '.event.lists[0].items[].text'",
        make: |_| Some(Command::Summit),
    },
    Spec {
        name: "figures",
        aliases: &["facts", "chiffres"],
        about: "Every figure with its qualifier and source, by topic",
        positional: Some(Positional {
            id: "topic",
            value_name: "TOPIC",
            help: "Only this topic (its id, the start of it, or words of its name)",
            min: 0,
            max: usize::MAX,
            parser: TEXT,
        }),
        options: &[],
        after_help: "Examples:\n  aimemo figures\n  aimemo figures market\n  \
                     aimemo figures environmental cost --format markdown",
        make: |v| {
            let words = texts(v)?;
            Some(Command::Figures {
                topic: (!words.is_empty()).then(|| words.join(" ")),
            })
        },
    },
    Spec {
        name: "actors",
        aliases: &["acteurs"],
        about: "The map of actors by group, as trees of parents and children",
        positional: None,
        options: &[],
        after_help: "Examples:\n  aimemo actors\n  aimemo actors --format csv",
        make: |_| Some(Command::Actors),
    },
    Spec {
        name: "actor",
        aliases: &["acteur"],
        about: "One actor: full name, parents, role, children, the figures about it",
        positional: Some(Positional {
            id: "query",
            value_name: "CODE|NAME",
            help: "A code (any case), an id, or words of the name (accents optional)",
            min: 1,
            max: usize::MAX,
            parser: TEXT,
        }),
        options: &[],
        after_help: "Examples:\n  aimemo actor DNUM\n  aimemo actor nuoi          (codes match by their last part)\n  \
                     aimemo actor direction du numerique\n  aimemo actor numia --json",
        make: |v| Some(Command::Actor { query: texts(v)? }),
    },
    Spec {
        name: "lists",
        aliases: &["listes"],
        about: "Every enumeration of the memo",
        positional: None,
        options: &[],
        after_help: "Examples:\n  aimemo lists\n  aimemo lists --json | jq -r '.lists[].id'",
        make: |_| Some(Command::Lists),
    },
    Spec {
        name: "list",
        aliases: &["liste"],
        about: "One enumeration, in order",
        positional: Some(Positional {
            id: "id",
            value_name: "ID",
            help: "The list's id (see `aimemo lists`)",
            min: 1,
            max: 1,
            parser: TEXT,
        }),
        options: &[],
        after_help: "Examples:\n  aimemo list summit-verticals\n  aimemo list paris-actions-axes --lang fr",
        make: |v| Some(Command::List { id: text(v)? }),
    },
    Spec {
        name: "sources",
        aliases: &[],
        about: "Each cited source with the figures it backs",
        positional: None,
        options: &[],
        after_help: "Examples:\n  aimemo sources\n  aimemo sources --format tsv",
        make: |_| Some(Command::Sources),
    },
    Spec {
        name: "show",
        aliases: &["fiche"],
        about: "Any single entry (figure, list, actor, source, ...) with all its fields",
        positional: Some(Positional {
            id: "id",
            value_name: "ID",
            help: "The entry's id",
            min: 1,
            max: 1,
            parser: TEXT,
        }),
        options: &[],
        after_help: "Examples:\n  aimemo show jobs-at-risk\n  aimemo show deloitte\n  aimemo show dnum --json",
        make: |v| Some(Command::Show { id: text(v)? }),
    },
    Spec {
        name: "search",
        aliases: &["recherche"],
        about: "Search figures, lists, actors and sources, in French and English",
        positional: Some(Positional {
            id: "words",
            value_name: "WORDS",
            help: "Words to find (case and accents ignored)",
            min: 1,
            max: usize::MAX,
            parser: TEXT,
        }),
        options: SEARCH_OPTIONS,
        after_help: "Words match whole words, their plural or light forms (webinaire, webinaires), or the\n\
                     start of words (cyber: cybersécurité); a word that matches nothing matches close\n\
                     spellings (Kazakstan). Numbers match as people type them (511, 109bn, €109bn,\n\
                     400 millions, 1 GW, 27 %). Entries matching every word come first; when none does,\n\
                     those matching the most.\n\n\
                     Examples:\n  aimemo search énergie\n  aimemo search energie        (accents optional)\n  \
                     aimemo search 109bn\n  aimemo search eau énergie\n  aimemo search AI --kind figure --limit 3\n  \
                     aimemo search water --json | jq '.hits[0].entry.value'",
        make: |v| {
            Some(Command::Search {
                words: texts(v)?,
                limit: None,
                kind: None,
            })
        },
    },
    Spec {
        name: "brief",
        aliases: &["note", "synthese", "synthèse"],
        about: "A one-screen briefing sheet of the key messages and figures",
        positional: None,
        options: &[],
        after_help: "Examples:\n  aimemo brief\n  aimemo brief --lang fr --format markdown > fiche.md\n  aimemo brief --lang fr --format html > fiche.html",
        make: |_| Some(Command::Brief),
    },
    Spec {
        name: "cite",
        aliases: &["citer"],
        about: "Paste-ready citations: the memo's own words, its reference, the source it credits",
        positional: Some(Positional {
            id: "words",
            value_name: "ID|WORDS",
            help: "Entry ids, or words whose best match is cited",
            min: 1,
            max: usize::MAX,
            parser: TEXT,
        }),
        options: &[],
        after_help: "Examples:\n  aimemo cite jobs-at-risk\n  aimemo cite jobs-at-risk --lang en\n  \
                     aimemo cite genai-market-2027 --format markdown >> note.md\n  aimemo cite emplois automatisation",
        make: |v| Some(Command::Cite { words: texts(v)? }),
    },
    Spec {
        name: "validate",
        aliases: &["valider"],
        about: "Check knowledge-base files and list every problem (FILE:LINE:COLUMN: message)",
        positional: Some(Positional {
            id: "files",
            value_name: "FILE",
            help: "Files to check",
            min: 0,
            max: usize::MAX,
            parser: |a| a.value_parser(value_parser!(PathBuf)),
        }),
        options: &[],
        after_help: "Checks FILEs together with the built-in knowledge base (or alone with --no-builtin); \
                     with no FILE, checks the built-in facts.toml.\n\nExit status: 0 valid, 1 invalid, 2 unreadable.\n\n\
                     Examples:\n  aimemo validate next-memo.toml\n  aimemo validate --no-builtin my.toml --json",
        make: |v| {
            Some(Command::Validate {
                files: v.into_iter().map(PathBuf::from).collect(),
            })
        },
    },
    Spec {
        name: "completions",
        aliases: &[],
        about: "Print a shell completion script (completes commands, actor codes and ids too)",
        positional: Some(Positional {
            id: "shell",
            value_name: "SHELL",
            help: "The shell",
            min: 1,
            max: 1,
            parser: |a| a.value_parser(value_parser!(clap_complete::Shell)).ignore_case(true),
        }),
        options: &[],
        after_help: "Examples:\n  aimemo completions bash > ~/.local/share/bash-completion/completions/aimemo\n  \
                     aimemo completions zsh > ~/.zfunc/_aimemo\n  \
                     aimemo completions fish > ~/.config/fish/completions/aimemo.fish",
        make: |v| {
            Some(Command::Completions {
                shell: choice(v.first()?)?,
            })
        },
    },
    Spec {
        name: "schema",
        aliases: &[],
        about: "Print the JSON Schema of a command's --json output (the contract for scripts)",
        positional: Some(Positional {
            id: "command",
            value_name: "COMMAND",
            help: "The command (overview is aimemo without a command)",
            min: 1,
            max: 1,
            parser: |a| {
                a.value_parser(clap::builder::PossibleValuesParser::new(
                    crate::commands::schema::NAMES.iter().copied(),
                ))
            },
        }),
        options: &[],
        after_help: "Examples:\n  aimemo schema figures > figures.schema.json\n  \
                     aimemo figures --json | check-jsonschema --schemafile figures.schema.json -",
        make: |v| {
            let command = text(v)?;
            crate::commands::schema::NAMES
                .contains(&command.as_str())
                .then_some(Command::Schema { command })
        },
    },
    Spec {
        name: "man",
        aliases: &[],
        about: "Print the man page (roff)",
        positional: None,
        options: &[],
        after_help: "Examples:\n  aimemo man > aimemo.1 && man ./aimemo.1",
        make: |_| Some(Command::Man),
    },
];

/// A subcommand as clap sees it: its summary now, its arguments (and the common
/// options) only when it is the one used.
fn subcommand(spec: &'static Spec) -> ClapCommand {
    let mut c = ClapCommand::new(spec.name)
        .about(spec.about)
        .args_override_self(true);
    c = c.visible_aliases(spec.aliases);
    // `defer` takes a plain function: find the spec again by name.
    c.defer(|c| {
        let Some(spec) = SUBCOMMANDS.iter().find(|s| s.name == c.get_name()) else {
            return c;
        };
        let mut c = c.args(common_args()).after_help(spec.after_help);
        if let Some(p) = &spec.positional {
            let arg = Arg::new(p.id)
                .value_name(p.value_name)
                .help(p.help)
                .required(p.min > 0)
                .num_args(p.min..=p.max.min(u16::MAX as usize));
            let arg = if p.max > 1 {
                arg.action(ArgAction::Append)
            } else {
                arg
            };
            c = c.arg((p.parser)(arg));
        }
        for o in spec.options {
            let arg = Arg::new(o.long)
                .long(o.long)
                .value_name(o.value_name)
                .help(o.help);
            c = c.arg((o.parser)(arg));
        }
        c
    })
}

/// The whole command line, as clap sees it, its help's examples in English.
pub fn command() -> ClapCommand {
    command_in(Lang::En)
}

/// The whole command line, its help's examples in `lang`.
pub fn command_in(lang: Lang) -> ClapCommand {
    let examples = match lang {
        Lang::En => EXAMPLES,
        Lang::Fr => EXAMPLES_FR,
    };
    ClapCommand::new("aimemo")
        .version(env!("CARGO_PKG_VERSION"))
        .about("The French foreign ministry's memo on AI (« Les mémos de la DGM »), as a command-line knowledge base")
        .long_about(
            "The French foreign ministry's memo on artificial intelligence (« Les mémos de la DGM — \
             L'intelligence artificielle : où en sommes-nous ? »), as a command-line knowledge base: every \
             figure with its qualifier and source, every list, and the map of actors, in French and English.\n\n\
             Run without a command for an overview.",
        )
        .after_help(examples)
        .after_long_help(format!(
            "{examples}\n\n{}\n\n{}",
            help_section("Exit status", EXIT_STATUS),
            help_section("Environment", ENVIRONMENT)
        ))
        .args_override_self(true)
        .args(common_args())
        .subcommands(SUBCOMMANDS.iter().map(subcommand))
}

/// Parses the process's arguments: plain invocations by the quick parser, the rest by clap.
pub fn parse() -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = std::env::args_os().collect();
    match parse_plain(&args) {
        Some(cli) => Ok(cli),
        None => parse_from(args),
    }
}

/// The arguments of a plain invocation, read from the tables without building
/// clap's command; `None` for anything clap should parse.
pub fn parse_plain(args: &[OsString]) -> Option<Cli> {
    let mut global = Global::default();
    let mut spec: Option<&Spec> = None;
    let mut positional: Vec<OsString> = Vec::new();
    let mut options: Vec<(&SubOpt, &str)> = Vec::new();
    let mut tokens = args.iter().skip(1);
    while let Some(token) = tokens.next() {
        let token = token.to_str().filter(|t| !t.is_empty())?;
        if let Some(name) = token.strip_prefix("--") {
            let mut value = || {
                tokens
                    .next()?
                    .to_str()
                    .filter(|v| !v.is_empty() && !v.starts_with('-'))
            };
            if let Some(opt) = COMMON.iter().find(|o| o.long == name) {
                let value = match opt.value_name {
                    Some(_) => value()?,
                    None => "",
                };
                (opt.set)(&mut global, OsStr::new(value))?;
            } else {
                let opt = spec?.options.iter().find(|o| o.long == name)?;
                options.push((opt, value()?));
            }
        } else if token.starts_with('-') {
            return None;
        } else if spec.is_none() {
            spec = Some(
                SUBCOMMANDS
                    .iter()
                    .find(|s| s.name == token || s.aliases.contains(&token))?,
            );
        } else {
            positional.push(token.into());
        }
    }
    if global.json && global.format.is_some() {
        return None;
    }
    let command = match spec {
        None => None,
        Some(spec) => {
            let (min, max) = spec.positional.as_ref().map_or((0, 0), |p| (p.min, p.max));
            if positional.len() < min || positional.len() > max {
                return None;
            }
            let mut command = (spec.make)(positional)?;
            for (opt, value) in options {
                (opt.set)(&mut command, OsStr::new(value))?;
            }
            Some(command)
        }
    };
    Some(Cli { global, command })
}

/// Parses `args` (the first is the program's name) with clap.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let mut cmd = command_in(help_lang(&args, |k| std::env::var(k).ok()));
    let m = cmd.try_get_matches_from_mut(args)?;
    let sub = m.subcommand();
    let global = merge(&m, sub.map(|(_, s)| s))
        .map_err(|msg| cmd.error(ErrorKind::ArgumentConflict, msg))?;
    let command = match sub {
        None => None,
        Some((name, s)) => {
            let spec = SUBCOMMANDS.iter().find(|sp| sp.name == name);
            let values = spec
                .and_then(|sp| sp.positional.as_ref())
                .and_then(|p| s.get_raw(p.id))
                .map(|v| v.map(OsString::from).collect())
                .unwrap_or_default();
            let command = spec.and_then(|sp| {
                let mut command = (sp.make)(values)?;
                for o in sp.options {
                    for v in s.get_raw(o.long).into_iter().flatten() {
                        (o.set)(&mut command, v)?;
                    }
                }
                Some(command)
            });
            Some(command.ok_or_else(|| {
                cmd.error(
                    ErrorKind::InvalidValue,
                    format!("invalid arguments for `{name}`"),
                )
            })?)
        }
    };
    Ok(Cli { global, command })
}

/// The language of the help: the last `--lang` on the line, else the environment's.
fn help_lang(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut lang = None;
    let mut tokens = args.iter().filter_map(|a| a.to_str());
    while let Some(t) = tokens.next() {
        let value = match t.strip_prefix("--lang") {
            Some("") => tokens.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(l) = value.and_then(|v| Lang::from_str(v, true).ok()) {
            lang = Some(l);
        }
    }
    lang.unwrap_or_else(|| Lang::from_env(var))
}

/// The common options, from the root then the subcommand, each applied as the
/// quick parser applies it: a later value overrides an earlier one, files add up.
fn merge(root: &ArgMatches, sub: Option<&ArgMatches>) -> Result<Global, String> {
    let mut g = Global::default();
    for m in std::iter::once(root).chain(sub) {
        for o in COMMON {
            if o.value_name.is_none() {
                if m.get_flag(o.long) {
                    (o.set)(&mut g, OsStr::new(""));
                }
            } else if let Some(values) = m.get_raw(o.long) {
                for v in values {
                    (o.set)(&mut g, v).ok_or_else(|| format!("invalid value for --{}", o.long))?;
                }
            }
        }
    }
    if g.json && g.format.is_some() {
        return Err("the argument '--json' cannot be used with '--format <FORMAT>'".into());
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Cli {
        parse_from(std::iter::once("aimemo").chain(args.iter().copied())).expect("parses")
    }

    #[test]
    fn clap_definitions_are_consistent() {
        command().debug_assert();
    }

    #[test]
    fn common_options_before_and_after_the_subcommand() {
        let a = parse(&["--json", "--lang", "fr", "investments"]);
        let b = parse(&["investments", "--json", "--lang", "fr"]);
        assert_eq!(a, b);
        assert!(a.global.json);
        assert_eq!(a.global.lang, Some(Lang::Fr));
        assert_eq!(a.command, Some(Command::Investments));
        let c = parse(&[
            "--facts", "a.toml", "figures", "market", "--facts", "b.toml", "--lang", "en",
        ]);
        assert_eq!(
            c.global.facts,
            [PathBuf::from("a.toml"), PathBuf::from("b.toml")]
        );
        assert_eq!(
            c.command,
            Some(Command::Figures {
                topic: Some("market".into())
            })
        );
        let d = parse(&["--lang", "fr", "brief", "--lang", "en"]);
        assert_eq!(d.global.lang, Some(Lang::En), "after the subcommand wins");
        assert_eq!(parse(&[]).command, None);
        assert_eq!(
            parse(&["facts"]).command,
            Some(Command::Figures { topic: None })
        );
        assert_eq!(
            parse(&["figures", "environmental", "cost"]).command,
            Some(Command::Figures {
                topic: Some("environmental cost".into())
            })
        );
        assert_eq!(
            parse(&["actor", "RP", "OCDE"]).command,
            Some(Command::Actor {
                query: vec!["RP".into(), "OCDE".into()]
            })
        );
    }

    fn args(line: &str) -> Vec<OsString> {
        std::iter::once("aimemo")
            .chain(line.split_whitespace())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_quick_parser_agrees_with_clap_on_examples() {
        for line in [
            "",
            "investments",
            "investments --json",
            "--json investments",
            "--lang fr --color never figures market",
            "--lang FR --format CSV summit",
            "--lang fr --lang en summit",
            "facts energy --format csv",
            "actor direction du numerique --lang en",
            "search énergie 109 --facts a.toml --facts b.toml",
            "search eau énergie --limit 3 --kind FIGURE --limit 5",
            "search --kind list rwanda --json",
            "validate a.toml b.toml --no-builtin",
            "completions zsh",
            "list summit-verticals --format markdown",
        ] {
            let plain = parse_plain(&args(line)).unwrap_or_else(|| panic!("plain parses {line:?}"));
            assert_eq!(Some(plain), parse_from(args(line)).ok(), "{line}");
        }
        for line in [
            "--help",
            "investments -h",
            "--version",
            "list",
            "show a b",
            "--format=csv brief",
            "search -- --json",
            "frobnicate",
            "completions tcsh",
            "--lang de brief",
            "--json --format csv brief",
            "--limit 3 search x",
            "search x --limit -1",
            "search x --limit many",
            "search x --kind bogus",
            "brief --limit 3",
        ] {
            assert_eq!(parse_plain(&args(line)), None, "{line} is left to clap");
        }
    }

    #[test]
    fn a_later_value_overrides_an_earlier_one() {
        let cli = parse(&["--lang", "fr", "--lang", "en", "summit", "--color", "never"]);
        assert_eq!(cli.global.lang, Some(Lang::En));
        assert_eq!(cli.global.color, ColorChoice::Never);
        assert_eq!(
            parse(&["--format", "JSON", "brief"]).global.format,
            Some(Format::Json)
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        #[test]
        fn wherever_the_quick_parser_answers_clap_agrees(
            tokens in proptest::collection::vec(proptest::sample::select(vec![
                "investments", "summit", "figures", "facts", "actors", "actor", "lists", "list", "sources", "show",
                "search", "brief", "validate", "completions", "man", "help", "schema", "figures", "sommet", "acteur", "note", "--json", "--format", "csv", "JSON",
                "table", "--color", "always", "never", "--lang", "fr", "EN", "--facts", "a.toml", "--no-builtin",
                "--", "-h", "--help", "-V", "DNUM", "énergie", "bash", "market", "-x", "--format=csv", "",
                "--limit", "3", "0", "-1", "x3", "--kind", "figure", "ACTOR", "group", "bogus",
            ]), 0..7)
        ) {
            let line: Vec<OsString> = std::iter::once("aimemo").chain(tokens.iter().copied()).map(OsString::from).collect();
            if let Some(plain) = parse_plain(&line) {
                proptest::prop_assert_eq!(Some(plain), parse_from(line.clone()).ok(), "{:?}", tokens);
            }
        }
    }

    #[test]
    fn json_and_format_conflict_across_levels() {
        let err = parse_from(["aimemo", "--json", "investments", "--format", "csv"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ArgumentConflict);
        assert_eq!(err.exit_code(), 2);
    }
}
