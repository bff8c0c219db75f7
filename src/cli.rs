//! The command line: clap definitions, and the typed arguments they parse into.
//!
//! clap is the one parser. The command is built with clap's builder rather than its
//! derive so that start-up pays only for what a run uses: each subcommand's
//! arguments are built (`defer`) only when that subcommand is the one given. The
//! common options are accepted before and after the subcommand alike (`aimemo --json
//! investments`, `aimemo investments --json`): they are defined on the root and on
//! each subcommand, and merged here, rather than propagated by clap as `global`
//! arguments, which would copy them into every subcommand at every start. A later
//! value overrides an earlier one, so that an alias (`alias aimemo='aimemo --lang
//! fr'`) can be overridden; values are case-insensitive.

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
            .ignore_case(true)
            .help("Output format"),
        Arg::new("color")
            .long("color")
            .value_name("WHEN")
            .value_parser(value_parser!(ColorChoice))
            .ignore_case(true)
            .help("When to use color [default: auto]"),
        Arg::new("lang")
            .long("lang")
            .value_name("LANG")
            .value_parser(value_parser!(Lang))
            .ignore_case(true)
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
    ClapCommand::new(name)
        .about(about)
        .args_override_self(true)
        .defer(build)
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
        .args_override_self(true)
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

/// Parses the process's arguments.
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os())
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
    fn json_and_format_conflict_across_levels() {
        let err = parse_from(["aimemo", "--json", "investments", "--format", "csv"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ArgumentConflict);
        assert_eq!(err.exit_code(), 2);
    }
}
