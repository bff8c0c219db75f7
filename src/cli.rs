//! The command line: clap definitions, and the typed arguments they parse into.
//!
//! The command is built with clap's builder rather than its derive so that start-up
//! pays only for what a run uses: each subcommand's arguments are built (`defer`)
//! only when that subcommand is the one given. The common options are accepted
//! before and after the subcommand alike (`aimemo --json investments`,
//! `aimemo investments --json`): they are defined on the root and on each
//! subcommand, and merged here, rather than propagated by clap as `global`
//! arguments, which would copy them into every subcommand at every start.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{value_parser, Arg, ArgAction, ArgMatches, Command as ClapCommand};

use crate::i18n::Lang;
use crate::render::term::ColorChoice;
use crate::render::Format;

/// The exit statuses, as `--help` and the man page state them.
pub const EXIT_STATUS: &str = "\
Exit status:
  0  found (or valid, for `validate`)
  1  a valid query that found nothing (or an invalid file, for `validate`)
  2  a usage error, or a knowledge-base file that cannot be read or is invalid";

/// The environment variables aimemo reads.
pub const ENVIRONMENT: &str = "\
Environment:
  AIMEMO_LANG     the language when --lang is not given (fr or en)
  LC_ALL, LC_MESSAGES, LANG
                  a French locale gives French when AIMEMO_LANG is unset
  AIMEMO_FACTS    more knowledge-base files, separated like PATH
  NO_COLOR        when set and not empty, no color unless --color always
  TERM            `dumb` turns color off unless --color always
  COLUMNS         the width tables are fitted to";

const EXAMPLES: &str = "\
Examples:
  aimemo investments            the €109 bn of pledges, who and what for
  aimemo actor DNUM             one actor: role, parents, the figures about it
  aimemo search énergie         everything about energy (accents optional)
  aimemo figures market --json  the market figures, for scripts
  aimemo brief --format markdown > brief.md";

/// Parsed arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Cli {
    pub global: Global,
    pub command: Option<Command>,
}

/// Options every command takes, before or after the subcommand.
#[derive(Debug, Clone, PartialEq)]
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
    Figures { topic: Option<String> },
    Actors,
    Actor { query: Vec<String> },
    Lists,
    List { id: String },
    Sources,
    Show { id: String },
    Search { words: Vec<String> },
    Brief,
    Validate { files: Vec<PathBuf> },
    Completions { shell: clap_complete::Shell },
    Man,
}

/// The options every command takes.
fn common_args() -> [Arg; 6] {
    [
        Arg::new("json")
            .long("json")
            .action(ArgAction::SetTrue)
            .conflicts_with("format")
            .help("Print one JSON document (same as --format json)"),
        Arg::new("format")
            .long("format")
            .value_name("FORMAT")
            .value_parser(value_parser!(Format))
            .help("Output format"),
        Arg::new("color")
            .long("color")
            .value_name("WHEN")
            .value_parser(value_parser!(ColorChoice))
            .help("When to use color [default: auto]"),
        Arg::new("lang")
            .long("lang")
            .value_name("LANG")
            .value_parser(value_parser!(Lang))
            .help(
                "Language of labels and texts [default: from AIMEMO_LANG or the locale, else en]",
            ),
        Arg::new("facts")
            .long("facts")
            .value_name("FILE")
            .action(ArgAction::Append)
            .value_parser(value_parser!(PathBuf))
            .help("Add a knowledge-base file (repeatable; see docs/SCHEMA.md)"),
        Arg::new("no-builtin")
            .long("no-builtin")
            .action(ArgAction::SetTrue)
            .help("Leave the built-in knowledge base out (use with --facts)"),
    ]
}

/// A subcommand: its summary now, its arguments (and the common options) when used.
fn sub(
    name: &'static str,
    about: &'static str,
    build: fn(ClapCommand) -> ClapCommand,
) -> ClapCommand {
    ClapCommand::new(name).about(about).defer(build)
}

/// The whole command line, as clap sees it.
pub fn command() -> ClapCommand {
    ClapCommand::new("aimemo")
        .version(env!("CARGO_PKG_VERSION"))
        .about("The French foreign ministry's memo on AI (« Les mémos de la DGM »), as a command-line knowledge base")
        .long_about(
            "The French foreign ministry's memo on artificial intelligence (« Les mémos de la DGM — \
             L'intelligence artificielle : où en sommes-nous ? »), as a command-line knowledge base: every \
             figure with its qualifier and source, every list, and the map of actors, in French and English.\n\n\
             Run without a command for an overview.",
        )
        .after_help(EXAMPLES)
        .after_long_help(format!("{EXAMPLES}\n\n{EXIT_STATUS}\n\n{ENVIRONMENT}"))
        .args(common_args())
        .subcommands([
            sub("investments", "The investment pledges: who, how much, where, what for, and the headline", |c| {
                c.args(common_args()).after_help(
                    "Examples:\n  aimemo investments\n  aimemo investments --format csv\n  \
                     aimemo investments --json | jq '.headline.value'",
                )
            }),
            sub("summit", "The Paris AI Action Summit: dates, place, co-chair, verticals, figures", |c| {
                c.args(common_args()).after_help(
                    "Examples:\n  aimemo summit\n  aimemo summit --lang fr\n  \
                     aimemo summit --json | jq '.event.lists[0].items[].text'",
                )
            }),
            sub("figures", "Every figure with its qualifier and source, by topic", |c| {
                c.args(common_args())
                    .arg(Arg::new("topic").help("Only this topic (its id, the start of it, or a word of its name)"))
                    .after_help(
                        "Examples:\n  aimemo figures\n  aimemo figures market\n  \
                         aimemo figures environment --format markdown",
                    )
            })
            .visible_alias("facts"),
            sub("actors", "The map of actors by group, as trees of parents and children", |c| {
                c.args(common_args()).after_help("Examples:\n  aimemo actors\n  aimemo actors --format csv")
            }),
            sub("actor", "One actor: full name, parents, role, children, the figures about it", |c| {
                c.args(common_args())
                    .arg(
                        Arg::new("query")
                            .required(true)
                            .num_args(1..)
                            .value_name("CODE|NAME")
                            .help("A code (any case), an id, or words of the name (accents optional)"),
                    )
                    .after_help(
                        "Examples:\n  aimemo actor DNUM\n  aimemo actor nuoi          (codes match by their last part)\n  \
                         aimemo actor direction du numerique\n  aimemo actor numia --json",
                    )
            }),
            sub("lists", "Every enumeration of the memo", |c| {
                c.args(common_args())
                    .after_help("Examples:\n  aimemo lists\n  aimemo lists --json | jq -r '.lists[].id'")
            }),
            sub("list", "One enumeration, in order", |c| {
                c.args(common_args())
                    .arg(Arg::new("id").required(true).help("The list's id (see `aimemo lists`)"))
                    .after_help(
                        "Examples:\n  aimemo list summit-verticals\n  aimemo list paris-actions-axes --lang fr",
                    )
            }),
            sub("sources", "Each cited source with the figures it backs", |c| {
                c.args(common_args()).after_help("Examples:\n  aimemo sources\n  aimemo sources --format tsv")
            }),
            sub("show", "Any single entry (figure, list, actor, source, ...) with all its fields", |c| {
                c.args(common_args())
                    .arg(Arg::new("id").required(true).help("The entry's id"))
                    .after_help("Examples:\n  aimemo show jobs-at-risk\n  aimemo show deloitte\n  aimemo show dnum --json")
            }),
            sub("search", "Search figures, lists, actors and sources, in French and English", |c| {
                c.args(common_args())
                    .arg(
                        Arg::new("words")
                            .required(true)
                            .num_args(1..)
                            .value_name("WORDS")
                            .help("Words that must all match (case and accents ignored)"),
                    )
                    .after_help(
                        "Examples:\n  aimemo search énergie\n  aimemo search energie        (accents optional)\n  \
                         aimemo search 109\n  aimemo search water --json | jq '.hits[0].id'",
                    )
            }),
            sub("brief", "A one-screen briefing sheet of the key messages and figures", |c| {
                c.args(common_args())
                    .after_help("Examples:\n  aimemo brief\n  aimemo brief --lang fr --format markdown > fiche.md")
            }),
            sub(
                "validate",
                "Check knowledge-base files and list every problem (FILE:LINE:COLUMN: message)",
                |c| {
                    c.args(common_args())
                        .arg(
                            Arg::new("files")
                                .num_args(0..)
                                .value_name("FILE")
                                .value_parser(value_parser!(PathBuf))
                                .help("Files to check"),
                        )
                        .after_help(
                            "Checks FILEs together with the built-in knowledge base (or alone with --no-builtin); \
                             with no FILE, checks the built-in facts.toml.\n\nExit status: 0 valid, 1 invalid, 2 unreadable.\n\n\
                             Examples:\n  aimemo validate next-memo.toml\n  aimemo validate --no-builtin my.toml --json",
                        )
                },
            ),
            sub(
                "completions",
                "Print a shell completion script (completes commands, actor codes and ids too)",
                |c| {
                    c.args(common_args())
                        .arg(
                            Arg::new("shell")
                                .required(true)
                                .value_parser(value_parser!(clap_complete::Shell))
                                .help("The shell"),
                        )
                        .after_help(
                            "Examples:\n  aimemo completions bash > ~/.local/share/bash-completion/completions/aimemo\n  \
                             aimemo completions zsh > ~/.zfunc/_aimemo\n  \
                             aimemo completions fish > ~/.config/fish/completions/aimemo.fish",
                        )
                },
            ),
            sub("man", "Print the man page (roff)", |c| {
                c.args(common_args()).after_help("Examples:\n  aimemo man > aimemo.1 && man ./aimemo.1")
            }),
        ])
}

/// Parses the process's arguments: the common invocations directly (see
/// [`parse_plain`]), anything else with clap.
pub fn parse() -> Result<Cli, clap::Error> {
    let args: Vec<OsString> = std::env::args_os().collect();
    match parse_plain(&args) {
        Some(cli) => Ok(cli),
        None => parse_from(args),
    }
}

/// The subcommands, with how many positional arguments each takes (at least, at most).
const SUBCOMMANDS: &[(&str, usize, usize)] = &[
    ("investments", 0, 0),
    ("summit", 0, 0),
    ("figures", 0, 1),
    ("facts", 0, 1),
    ("actors", 0, 0),
    ("actor", 1, usize::MAX),
    ("lists", 0, 0),
    ("list", 1, 1),
    ("sources", 0, 0),
    ("show", 1, 1),
    ("search", 1, usize::MAX),
    ("brief", 0, 0),
    ("validate", 0, usize::MAX),
    ("completions", 1, 1),
    ("man", 0, 0),
];

/// The arguments of a plain invocation (a subcommand, its positional arguments, and
/// the common options written `--name value`), parsed without building clap's command,
/// which costs more than the rest of a lookup. Anything else (help, version, `=` forms,
/// short options, `--`, repeated options, a bad value, a missing argument) gives
/// `None`, and clap parses it, with its messages. Both parsers agree wherever this one
/// answers; a property test checks it.
pub fn parse_plain(args: &[OsString]) -> Option<Cli> {
    let mut global = Global {
        json: false,
        format: None,
        color: ColorChoice::Auto,
        lang: None,
        facts: Vec::new(),
        no_builtin: false,
    };
    let (mut color, mut seen) = (None, Vec::new());
    let mut sub: Option<&str> = None;
    let mut positional: Vec<&str> = Vec::new();
    let mut tokens = args.iter().skip(1).map(|a| a.to_str());
    while let Some(token) = tokens.next() {
        let token = token.filter(|t| !t.is_empty())?;
        if let Some(name) = token.strip_prefix("--") {
            if name != "facts" {
                if seen.contains(&name) {
                    return None;
                }
                seen.push(name);
            }
            let mut value = || {
                tokens
                    .next()
                    .flatten()
                    .filter(|v| !v.is_empty() && !v.starts_with('-'))
            };
            match name {
                "json" => global.json = true,
                "no-builtin" => global.no_builtin = true,
                "format" => global.format = Some(clap::ValueEnum::from_str(value()?, false).ok()?),
                "color" => color = Some(clap::ValueEnum::from_str(value()?, false).ok()?),
                "lang" => global.lang = Some(clap::ValueEnum::from_str(value()?, false).ok()?),
                "facts" => global.facts.push(PathBuf::from(value()?)),
                _ => return None,
            }
        } else if token.starts_with('-') {
            return None;
        } else if sub.is_none() {
            sub = Some(SUBCOMMANDS.iter().find(|(n, ..)| *n == token)?.0);
        } else {
            positional.push(token);
        }
    }
    if global.json && global.format.is_some() {
        return None;
    }
    global.color = color.unwrap_or(ColorChoice::Auto);
    let Some(sub) = sub else {
        return Some(Cli {
            global,
            command: None,
        });
    };
    let (_, min, max) = SUBCOMMANDS.iter().find(|(n, ..)| *n == sub)?;
    if positional.len() < *min || positional.len() > *max {
        return None;
    }
    let owned = || positional.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    let first = || positional.first().map(|p| p.to_string());
    let command = match sub {
        "investments" => Command::Investments,
        "summit" => Command::Summit,
        "figures" | "facts" => Command::Figures { topic: first() },
        "actors" => Command::Actors,
        "actor" => Command::Actor { query: owned() },
        "lists" => Command::Lists,
        "list" => Command::List { id: first()? },
        "sources" => Command::Sources,
        "show" => Command::Show { id: first()? },
        "search" => Command::Search { words: owned() },
        "brief" => Command::Brief,
        "validate" => Command::Validate {
            files: positional.iter().map(PathBuf::from).collect(),
        },
        "completions" => Command::Completions {
            shell: clap::ValueEnum::from_str(first()?.as_str(), false).ok()?,
        },
        _ => Command::Man,
    };
    Some(Cli {
        global,
        command: Some(command),
    })
}

/// Parses `args` (the first is the program's name).
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut cmd = command();
    let m = cmd.try_get_matches_from_mut(args)?;
    let sub = m.subcommand();
    let global = merge(&m, sub.map(|(_, s)| s))
        .map_err(|msg| cmd.error(ErrorKind::ArgumentConflict, msg))?;
    let command = sub.map(|(name, s)| to_command(name, s));
    Ok(Cli { global, command })
}

/// The common options, from the root and the subcommand: flags from either, a value
/// given after the subcommand over one given before, files from both.
fn merge(root: &ArgMatches, sub: Option<&ArgMatches>) -> Result<Global, String> {
    let levels: Vec<&ArgMatches> = std::iter::once(root).chain(sub).collect();
    let flag = |id: &str| levels.iter().any(|m| m.get_flag(id));
    fn last<T: Clone + Send + Sync + 'static>(levels: &[&ArgMatches], id: &str) -> Option<T> {
        levels
            .iter()
            .rev()
            .find_map(|m| m.get_one::<T>(id).cloned())
    }
    let json = flag("json");
    let format = last::<Format>(&levels, "format");
    if json && format.is_some() {
        return Err("the argument '--json' cannot be used with '--format <FORMAT>'".into());
    }
    Ok(Global {
        json,
        format,
        color: last::<ColorChoice>(&levels, "color").unwrap_or(ColorChoice::Auto),
        lang: last::<Lang>(&levels, "lang"),
        facts: levels
            .iter()
            .flat_map(|m| {
                m.get_many::<PathBuf>("facts")
                    .into_iter()
                    .flatten()
                    .cloned()
            })
            .collect(),
        no_builtin: flag("no-builtin"),
    })
}

fn to_command(name: &str, m: &ArgMatches) -> Command {
    let one = |id: &str| m.get_one::<String>(id).cloned().unwrap_or_default();
    let many = |id: &str| -> Vec<String> {
        m.get_many::<String>(id)
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    };
    match name {
        "investments" => Command::Investments,
        "summit" => Command::Summit,
        "figures" => Command::Figures {
            topic: m.get_one::<String>("topic").cloned(),
        },
        "actors" => Command::Actors,
        "actor" => Command::Actor {
            query: many("query"),
        },
        "lists" => Command::Lists,
        "list" => Command::List { id: one("id") },
        "sources" => Command::Sources,
        "show" => Command::Show { id: one("id") },
        "search" => Command::Search {
            words: many("words"),
        },
        "brief" => Command::Brief,
        "validate" => Command::Validate {
            files: m
                .get_many::<PathBuf>("files")
                .into_iter()
                .flatten()
                .cloned()
                .collect(),
        },
        "completions" => Command::Completions {
            shell: m
                .get_one::<clap_complete::Shell>("shell")
                .copied()
                .unwrap_or(clap_complete::Shell::Bash),
        },
        _ => Command::Man,
    }
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
            parse(&["actor", "RP", "OCDE"]).command,
            Some(Command::Actor {
                query: vec!["RP".into(), "OCDE".into()]
            })
        );
    }

    #[test]
    fn the_plain_parser_agrees_with_clap_on_examples() {
        for line in [
            "",
            "investments",
            "investments --json",
            "--json investments",
            "--lang fr --color never figures market",
            "facts energy --format csv",
            "actor direction du numerique --lang en",
            "search énergie 109 --facts a.toml --facts b.toml",
            "validate a.toml b.toml --no-builtin",
            "completions zsh",
            "list summit-verticals --format markdown",
        ] {
            let args: Vec<OsString> = std::iter::once("aimemo")
                .chain(line.split_whitespace())
                .map(OsString::from)
                .collect();
            let plain = parse_plain(&args).unwrap_or_else(|| panic!("plain parses {line:?}"));
            assert_eq!(Some(plain), parse_from(args).ok(), "{line}");
        }
        for line in [
            "--help",
            "investments -h",
            "--version",
            "list",
            "show a b",
            "--format=csv brief",
            "search -- --json",
            "--json --json brief",
            "frobnicate",
            "completions tcsh",
            "--lang de brief",
        ] {
            let args: Vec<OsString> = std::iter::once("aimemo")
                .chain(line.split_whitespace())
                .map(OsString::from)
                .collect();
            assert_eq!(parse_plain(&args), None, "{line} is left to clap");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        #[test]
        fn wherever_the_plain_parser_answers_clap_agrees(
            tokens in proptest::collection::vec(proptest::sample::select(vec![
                "investments", "summit", "figures", "facts", "actors", "actor", "lists", "list", "sources", "show",
                "search", "brief", "validate", "completions", "man", "help", "--json", "--format", "csv", "json",
                "table", "--color", "always", "never", "--lang", "fr", "en", "--facts", "a.toml", "--no-builtin",
                "--", "-h", "--help", "-V", "DNUM", "énergie", "bash", "market", "-x", "--format=csv", "",
            ]), 0..7)
        ) {
            let args: Vec<OsString> = std::iter::once("aimemo").chain(tokens.iter().copied()).map(OsString::from).collect();
            if let Some(plain) = parse_plain(&args) {
                let clap = parse_from(args.clone());
                proptest::prop_assert_eq!(Some(plain), clap.ok(), "{:?}", tokens);
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
