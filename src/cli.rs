//! The command line, declared once with clap's derive: the options every command
//! takes ([`Global`]) and the subcommands ([`Command`]); doc comments are the help.
//!
//! The common options are accepted before and after the subcommand alike (`aimemo
//! --json investments`, `aimemo investments --json`). They are added to the root and
//! to each subcommand, and the two sets merged ([`Global::then`]), rather than made
//! clap `global` arguments: clap keeps only the subcommand's values of a global
//! argument, so `--facts` given on both sides would not add up and `--json` on one
//! side would not conflict with `--format` on the other. A later value overrides an
//! earlier one, so that an alias (`alias aimemo='aimemo --lang fr'`) can be
//! overridden; values are case-insensitive.
//!
//! In French (`--lang fr` or a French locale), the same command is dressed in
//! French ([`french`]): its help, its names and clap's refusals of a command line.

mod french;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

pub use french::{error_fr, help_command as french_help, of as french_of};

use crate::i18n::{Lang, L};
use crate::kb::Kind;
use crate::render::term::ColorChoice;
use crate::render::Format;

/// The exit statuses: what `--help`, the man page and README state (one source).
pub const EXIT_STATUS: &[(&str, L)] = &[
    (
        "0",
        L(
            "found (or valid, for `validate`)",
            "trouvé (ou valide, pour `valider`)",
        ),
    ),
    (
        "1",
        L(
            "a valid query that found nothing (or an invalid file, for `validate`)",
            "une requête valide qui n’a rien trouvé (ou un fichier invalide, pour `valider`)",
        ),
    ),
    (
        "2",
        L(
            "a usage error, or a knowledge-base file that cannot be read or is invalid",
            "une erreur d’utilisation, ou un fichier de base illisible ou invalide",
        ),
    ),
];

/// The environment variables aimemo reads: what `--help`, the man page and README state.
pub const ENVIRONMENT: &[(&str, L)] = &[
    (
        "AIMEMO_LANG",
        L(
            "the language when --lang is not given (fr or en)",
            "la langue quand --lang n’est pas donné (fr ou en)",
        ),
    ),
    (
        "LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
        L(
            "the locale, in that order: fr, fr_FR.UTF-8, fr_CA give French",
            "la locale, dans cet ordre : fr, fr_FR.UTF-8, fr_CA donnent le français",
        ),
    ),
    (
        "AIMEMO_FACTS",
        L(
            "more knowledge-base files, separated like PATH",
            "d’autres fichiers de base, séparés comme dans PATH",
        ),
    ),
    (
        "NO_COLOR",
        L(
            "when set and not empty, no color unless --color always",
            "défini et non vide : pas de couleur, sauf --color always",
        ),
    ),
    (
        "TERM",
        L(
            "`dumb` turns color off unless --color always",
            "`dumb` ôte la couleur, sauf --color always",
        ),
    ),
    (
        "COLUMNS",
        L(
            "the width tables are fitted to (else the terminal's, even when piped)",
            "la largeur des tableaux (sinon celle du terminal, même dans un tube)",
        ),
    ),
    (
        "AIMEMO_PAGER, PAGER",
        L(
            "the pager for output taller than the terminal (else less -FRX); empty or cat: none",
            "le paginateur d’une sortie plus haute que le terminal (sinon less -FRX) ; vide ou cat : aucun",
        ),
    ),
];

/// A titled list of terms and what they mean, as `--help` shows it: the meanings
/// from `column`.
fn help_section<'a>(
    title: &str,
    rows: impl IntoIterator<Item = (&'a str, &'a str)>,
    width: usize,
    column: usize,
) -> String {
    format!("{title}:\n{}", help_rows(rows, width, column))
}

/// Terms and what they mean, indented, each meaning wrapped to `width` beside its
/// term, from `column` (under it, when the term is wider).
fn help_rows<'a>(
    rows: impl IntoIterator<Item = (&'a str, &'a str)>,
    width: usize,
    column: usize,
) -> String {
    let mut out = Vec::new();
    for (term, meaning) in rows {
        let lines = crate::render::wrap(meaning, width.saturating_sub(column + 3).max(20));
        let mut lines = lines.iter();
        if crate::render::width_of(term) <= column || meaning.is_empty() {
            let first = lines.next().map_or("", String::as_str);
            let row = format!("  {} {first}", crate::render::pad(term, column));
            out.push(row.trim_end().to_string());
        } else {
            out.push(format!("  {term}"));
        }
        out.extend(lines.map(|line| format!("  {:column$} {line}", "")));
    }
    out.join("\n")
}

/// The column meanings start from, for `rows`: after the widest term that has one.
fn term_column<'a>(rows: impl IntoIterator<Item = (&'a str, &'a str)>) -> usize {
    rows.into_iter()
        .filter(|(_, meaning)| !meaning.is_empty())
        .map(|(term, _)| crate::render::width_of(term) + 1)
        .max()
        .unwrap_or(0)
}

/// The examples at the end of `aimemo --help`: a command, and what it shows.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "aimemo investments",
        "the €109 bn of pledges, who and what for",
    ),
    (
        "aimemo actor DNUM",
        "one actor: role, parents, the figures about it",
    ),
    (
        "aimemo search énergie",
        "everything about energy (accents optional)",
    ),
    (
        "aimemo figures market --json",
        "the market figures, for scripts",
    ),
    ("aimemo brief --format markdown > brief.md", ""),
    ("aimemo brief --format html > brief.html", ""),
];

/// The French foreign ministry's memo on AI (« Les mémos de la DGM »), as a command-line knowledge base
///
/// The French foreign ministry's memo on artificial intelligence (« Les mémos de la DGM —
/// L'intelligence artificielle : où en sommes-nous ? »), as a command-line knowledge base: every
/// figure with its qualifier and source, every list, and the map of actors, in French and English.
///
/// Run without a command for an overview.
#[derive(Parser, Debug, Clone, PartialEq)]
#[command(name = "aimemo", version, args_override_self = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

// Options every command takes, before or after the subcommand. (Not a doc comment:
// clap would make it the `about` of every subcommand they are added to.)
#[derive(Args, Debug, Clone, PartialEq, Default)]
pub struct Global {
    /// Print one JSON document (same as --format json)
    #[arg(long)]
    pub json: bool,
    /// Output format
    #[arg(long, value_name = "FORMAT", ignore_case = true)]
    pub format: Option<Format>,
    /// When to use color [default: auto]
    #[arg(long, value_name = "WHEN", ignore_case = true)]
    pub color: Option<ColorChoice>,
    /// Language of labels and texts [default: from AIMEMO_LANG or the locale, else en]
    #[arg(long, value_name = "LANG", ignore_case = true)]
    pub lang: Option<Lang>,
    /// Add a knowledge-base file (repeatable; see docs/SCHEMA.md)
    #[arg(long, value_name = "FILE")]
    pub facts: Vec<PathBuf>,
    /// Leave the built-in knowledge base out (use with --facts)
    #[arg(long)]
    pub no_builtin: bool,
    /// Print directly, even output taller than the terminal
    #[arg(long)]
    pub no_pager: bool,
}

impl Global {
    /// These options, then `later` ones: a later value overrides an earlier one,
    /// files add up.
    fn then(mut self, later: Global) -> Global {
        self.json |= later.json;
        self.format = later.format.or(self.format);
        self.color = later.color.or(self.color);
        self.lang = later.lang.or(self.lang);
        self.facts.extend(later.facts);
        self.no_builtin |= later.no_builtin;
        self.no_pager |= later.no_pager;
        self
    }

    /// The color choice: `--color`, else auto.
    pub fn color(&self) -> ColorChoice {
        self.color.unwrap_or_default()
    }
}

/// A value known by names, in any case and with or without its accents
/// (`ÉVÉNEMENT`, `Thème`, `evenement`): clap's `ignore_case` compares ASCII letters
/// only, so that `É` and `é` would be two letters. The values, their names and
/// aliases, are still the ones help, completions and a refusal list.
#[derive(Clone)]
struct NameParser<T> {
    /// Each value, and what it stands for.
    values: Vec<(PossibleValue, T)>,
}

impl<T: Clone + Send + Sync + 'static> NameParser<T> {
    fn new(values: impl IntoIterator<Item = (PossibleValue, T)>) -> NameParser<T> {
        NameParser {
            values: values.into_iter().collect(),
        }
    }

    /// What `given` names. Only letters make a name: folding alone would also let
    /// through punctuation around one (`figure!`). The names are folded here, when
    /// a value is given, not when the command line is built for every run.
    fn find(&self, given: &str) -> Option<T> {
        use crate::kb::fold::fold;
        let letters = given
            .chars()
            .all(|c| c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c));
        let given = fold(given);
        let found = self
            .values
            .iter()
            .find(|(value, _)| value.get_name_and_aliases().any(|n| fold(n) == given));
        found.filter(|_| letters).map(|(_, t)| t.clone())
    }
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for NameParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        if let Some(found) = value.to_str().and_then(|v| self.find(v)) {
            return Ok(found);
        }
        // Refused as clap refuses a value (a value that is not UTF-8 too): with
        // the possible values, the close ones, in the error's context.
        let values = self.values.iter().map(|(value, _)| value.clone());
        let known = PossibleValuesParser::new(values).parse_ref(cmd, arg, value)?;
        self.find(&known)
            .ok_or_else(|| clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().map(|(value, _)| value.clone())))
    }
}

/// `--kind`'s values: the kinds of entry by their English or French name
/// (`acteur`, `événement` or `evenement`), in any case; those of `lang` are the
/// ones a refusal lists.
fn kind_parser(lang: Lang) -> impl TypedValueParser<Value = Kind> {
    NameParser::new(Kind::ALL.map(|k| {
        let (name, other) = match lang {
            Lang::En => (k.name(), k.name_fr()),
            Lang::Fr => (k.name_fr(), k.name()),
        };
        let value = PossibleValue::new(name);
        let value = if other == name {
            value
        } else {
            value.alias(other)
        };
        (value, k)
    }))
}

/// `schema`'s values: the commands that have a JSON schema, by their English or
/// French name (`recherche`, `synthèse`), in any case; `overview` (or `aperçu`) is
/// aimemo without a command. Those of `lang` are the ones a refusal lists; the
/// value is the English name.
fn schema_parser(lang: Lang) -> impl TypedValueParser<Value = String> {
    let french = |name: &str| -> &'static [&'static str] {
        match name {
            "overview" => &["aperçu", "apercu"],
            _ => french::names_of(name),
        }
    };
    // The command's other English name, as the command line takes it too.
    let english = |name: &str| (name == "figures").then_some(FIGURES_ALIAS);
    NameParser::new(crate::commands::schema::NAMES.iter().map(move |name| {
        let fr = french(name);
        let value = match (lang, fr.first()) {
            (Lang::Fr, Some(first)) => {
                PossibleValue::new(*first).aliases(fr[1..].iter().copied().chain([*name]))
            }
            _ => PossibleValue::new(*name).aliases(fr.iter().copied()),
        };
        (value.aliases(english(name)), name.to_string())
    }))
}

/// `figures`' other name.
const FIGURES_ALIAS: &str = "facts";

#[derive(Subcommand, Debug, Clone, PartialEq)]
// The arguments of a subcommand are added only when clap builds it, that is only
// for the one used: `arguments` adds them, with the common options.
#[command(defer = true)]
pub enum Command {
    /// The investment pledges: who, how much, where, what for, and the headline
    #[command(
        after_help = "Examples:\n  aimemo investments\n  aimemo investments --format csv\n  \
                      aimemo investments --json | jq '.headline.value'"
    )]
    Investments,
    /// The Paris AI Action Summit: dates, place, co-chair, verticals, figures
    #[command(
        after_help = "Examples:\n  aimemo summit\n  aimemo summit --lang fr\n  \
                      aimemo summit --json | jq '.event.lists[0].items[].text'"
    )]
    Summit,
    /// Every figure with its qualifier and source, by topic
    #[command(
        visible_alias = FIGURES_ALIAS,
        after_help = "Examples:\n  aimemo figures\n  aimemo figures market\n  \
                      aimemo figures environmental cost --format markdown"
    )]
    Figures(FiguresArgs),
    /// The map of actors by group, as trees of parents and children
    #[command(after_help = "Examples:\n  aimemo actors\n  aimemo actors --format csv")]
    Actors,
    /// One actor: full name, parents, role, children, the figures about it
    #[command(
        after_help = "Examples:\n  aimemo actor DNUM\n  aimemo actor nuoi          (codes match by their last part)\n  \
                      aimemo actor direction du numerique\n  aimemo actor numia --json"
    )]
    Actor(ActorArgs),
    /// Every enumeration of the memo
    #[command(
        after_help = "Examples:\n  aimemo lists\n  aimemo lists --json | jq -r '.lists[].id'"
    )]
    Lists,
    /// One enumeration, in order
    #[command(
        after_help = "Examples:\n  aimemo list summit-verticals\n  aimemo list paris-actions-axes --lang fr\n  aimemo list verticals"
    )]
    List(ListArgs),
    /// Each cited source with the figures it backs
    #[command(after_help = "Examples:\n  aimemo sources\n  aimemo sources --format tsv")]
    Sources,
    /// Any single entry (figure, list, actor, source, ...) with all its fields, by its id or code
    #[command(
        after_help = "Examples:\n  aimemo show jobs-at-risk\n  aimemo show deloitte\n  aimemo show dnum --json"
    )]
    Show(ShowArgs),
    /// Search figures, lists, actors and sources, in French and English
    #[command(
        after_help = "Words match whole words, their plural or light forms (webinaire, webinaires), or the\n\
                      start of words (cyber: cybersécurité); a word that matches nothing matches close\n\
                      spellings (Kazakstan). Numbers match as people type them (511, 109bn, €109bn,\n\
                      400 millions, 1 GW, 27 %). Entries matching every word come first; when none does,\n\
                      those matching the most.\n\n\
                      Examples:\n  aimemo search énergie\n  aimemo search energie        (accents optional)\n  \
                      aimemo search 109bn\n  aimemo search eau énergie\n  aimemo search AI --kind figure --limit 3\n  \
                      aimemo search water --json | jq '.hits[0].entry.value'"
    )]
    Search(SearchArgs),
    /// A one-screen briefing sheet of the key messages and figures
    #[command(
        after_help = "Examples:\n  aimemo brief\n  aimemo brief --lang fr --format markdown > fiche.md\n  aimemo brief --lang fr --format html > fiche.html"
    )]
    Brief,
    /// Paste-ready citations: the memo's own words, its reference, the source it credits
    #[command(
        after_help = "Examples:\n  aimemo cite jobs-at-risk\n  aimemo cite jobs-at-risk --lang en\n  \
                      aimemo cite genai-market-2027 --format markdown >> note.md\n  aimemo cite emplois automatisation"
    )]
    Cite(CiteArgs),
    /// A full-screen finder: type, see the best matches and a preview, Enter prints the citation
    #[command(
        after_help = "Keys: type to search; Up/Down, Ctrl-P/Ctrl-N, PgUp/PgDn, Home/End choose;\n\
                      Enter prints the citation, Ctrl-O the id; Ctrl-Y copies the citation (OSC 52);\n\
                      Tab switches French/English; ? or F1 shows the keys; Esc or Ctrl-C leaves.\n\n\
                      Exit status: 0 chosen, 130 left without choosing, 2 no terminal.\n\n\
                      Examples:\n  aimemo find\n  aimemo find dnum\n  aimemo find emplois | pbcopy"
    )]
    Find(FindArgs),
    /// Check knowledge-base files and list every problem (FILE:LINE:COLUMN: message)
    #[command(
        after_help = "Checks FILEs together with the built-in knowledge base (or alone with --no-builtin); \
                      with no FILE, checks the built-in facts.toml.\n\nExit status: 0 valid, 1 invalid, 2 unreadable.\n\n\
                      Examples:\n  aimemo validate next-memo.toml\n  aimemo validate --no-builtin my.toml --json"
    )]
    Validate(ValidateArgs),
    /// Draft a knowledge base from a memo's plain text, for a person to review
    #[command(
        after_help = "Reads the memo's text (as pdftotext writes it, or a web page's) and writes TOML in the \
                      schema of facts.toml: figures with their unit, hedge, period and source, actors with \
                      their acronyms, lists, sections; each with the text's own words as its quote. English \
                      fields are left empty, as to-dos `aimemo validate` lists. With --against, prints what \
                      the draft found, missed and holds beyond a curated knowledge base.\n\n\
                      Examples:\n  aimemo draft next-memo.txt -o next.toml\n  \
                      aimemo validate next.toml\n  aimemo --facts next.toml figures\n  \
                      aimemo draft memo.txt --against facts.toml"
    )]
    Draft(DraftArgs),
    /// Print a shell completion script (completes commands, actor codes and ids too)
    #[command(
        after_help = "Examples:\n  aimemo completions bash > ~/.local/share/bash-completion/completions/aimemo\n  \
                            aimemo completions zsh > ~/.zfunc/_aimemo\n  \
                            aimemo completions fish > ~/.config/fish/completions/aimemo.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the JSON Schema of a command's --json output (the contract for scripts)
    #[command(
        after_help = "Examples:\n  aimemo schema figures > figures.schema.json\n  \
                            aimemo figures --json | check-jsonschema --schemafile figures.schema.json -"
    )]
    Schema(SchemaArgs),
    /// Print the man page (roff)
    #[command(after_help = "Examples:\n  aimemo man > aimemo.1 && man ./aimemo.1")]
    Man,
}

// `figures`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct FiguresArgs {
    /// Only this topic (its id, the start of it, or words of its name)
    #[arg(value_name = "TOPIC")]
    pub topic: Vec<String>,
}

// `actor`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct ActorArgs {
    /// A code (any case), an id, or words of the name (accents optional)
    #[arg(value_name = "CODE|NAME", required = true)]
    pub query: Vec<String>,
}

// `list`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct ListArgs {
    /// The list's id (see `aimemo lists`), the start of it, or words of its title
    #[arg(value_name = "ID|WORDS", required = true)]
    pub id: Vec<String>,
}

// `show`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct ShowArgs {
    /// The entry's id, or an actor's or a source's code or alias (IEA, OECD)
    #[arg(value_name = "ID")]
    pub id: String,
}

// `search`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct SearchArgs {
    /// Words to find (case and accents ignored)
    #[arg(value_name = "WORDS", required = true)]
    pub words: Vec<String>,
    /// Show the first N hits, 0 for all [default: 10 in a table, all in other formats]
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only entries of this kind
    #[arg(long, value_name = "KIND", value_parser = kind_parser(Lang::En))]
    pub kind: Option<Kind>,
}

// `cite`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct CiteArgs {
    /// Entry ids, or words whose best match is cited
    #[arg(value_name = "ID|WORDS", required = true)]
    pub words: Vec<String>,
}

// `find`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct FindArgs {
    /// Words the query starts with
    #[arg(value_name = "WORDS")]
    pub words: Vec<String>,
}

// `validate`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct ValidateArgs {
    /// Files to check
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Refuse a draft's to-dos (fields left for a person to write) as problems
    #[arg(long)]
    pub strict: bool,
}

// `draft`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct DraftArgs {
    /// The memo's plain text
    #[arg(value_name = "MEMO.txt")]
    pub memo: PathBuf,
    /// Write the draft to FILE rather than to stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare the draft with a curated knowledge base (printed)
    #[arg(long, value_name = "KB")]
    pub against: Option<PathBuf>,
}

// `completions`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_name = "SHELL", ignore_case = true)]
    pub shell: clap_complete::Shell,
}

// `schema`'s arguments (no doc comment: it would replace the command's about).
#[derive(Args, Debug, Clone, PartialEq)]
pub struct SchemaArgs {
    /// The command (overview is aimemo without a command)
    #[arg(value_name = "COMMAND", value_parser = schema_parser(Lang::En))]
    pub command: String,
}

/// The whole command line, as clap sees it, in English.
pub fn command() -> clap::Command {
    command_in(Lang::En, HELP_WIDTH, true)
}

/// The width help is wrapped to when no terminal says otherwise: clap's own.
const HELP_WIDTH: usize = 100;

/// The column of the meanings of exit statuses and environment variables in `--help`.
const TERMS: usize = 14;

/// A subcommand's own arguments and the common options, added when clap builds it:
/// only the subcommand used is built, so that the others cost nothing (all of them
/// were most of what clap did on each run). It takes the place of what the derive
/// defers (the arguments alone), as `defer` keeps one function.
fn arguments(s: clap::Command) -> clap::Command {
    let s = match s.get_name() {
        "figures" => FiguresArgs::augment_args(s),
        "actor" => ActorArgs::augment_args(s),
        "list" => ListArgs::augment_args(s),
        "show" => ShowArgs::augment_args(s),
        "search" => SearchArgs::augment_args(s),
        "cite" => CiteArgs::augment_args(s),
        "find" => FindArgs::augment_args(s),
        "validate" => ValidateArgs::augment_args(s),
        "draft" => DraftArgs::augment_args(s),
        "completions" => CompletionsArgs::augment_args(s),
        "schema" => SchemaArgs::augment_args(s),
        _ => s,
    };
    Global::augment_args(s.args_override_self(true))
}

/// The whole command line in `lang`, its help wrapped to `width` columns; the
/// common options on every subcommand too, and every command's French names.
pub fn command_in(lang: Lang, width: usize, help: bool) -> clap::Command {
    let cmd = Cli::command().term_width(width).mut_subcommands(|s| {
        let names = french::names_of(s.get_name());
        s.visible_aliases(names.iter().copied())
    });
    match lang {
        // The texts only help shows are written only when help is asked.
        Lang::En if help => {
            let examples = help_section(
                "Examples",
                EXAMPLES.iter().copied(),
                width,
                term_column(EXAMPLES.iter().copied()),
            );
            cmd.after_help(&examples)
                .after_long_help(format!(
                    "{examples}\n\n{}\n\n{}",
                    help_section(
                        "Exit status",
                        EXIT_STATUS.iter().map(|(t, m)| (*t, m.0)),
                        width,
                        TERMS
                    ),
                    help_section(
                        "Environment",
                        ENVIRONMENT.iter().map(|(t, m)| (*t, m.0)),
                        width,
                        TERMS
                    )
                ))
                .mut_subcommands(|s| s.defer(arguments))
        }
        // Built only for the subcommand used: the common options of every
        // subcommand would be most of what clap builds on each run.
        Lang::En => cmd.mut_subcommands(|s| s.defer(arguments)),
        Lang::Fr => french::command(cmd, width, help),
    }
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
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let env = |k: &str| std::env::var(k).ok();
    // Help is asked by a flag or the `help` command (`aide` in French).
    let help = args
        .iter()
        .skip(1)
        .any(|a| matches!(a.to_str(), Some("-h" | "--help" | "help" | "aide")));
    let width = match help {
        true => crate::render::term::width(env).unwrap_or(HELP_WIDTH),
        false => HELP_WIDTH,
    };
    let lang = help_lang(&args, env);
    let mut cmd = command_in(lang, width, help);
    if help {
        // clap adds its `help` command when it builds the command, in English: the
        // root is built now (alone, as parsing would build it) for that command to
        // take its French name, `aide` (in English too, as every command's French
        // name is taken), and, in French, to be said in French.
        cmd.render_usage();
        if cmd.find_subcommand("help").is_some() {
            cmd = match lang {
                Lang::En => cmd.mut_subcommand("help", |h| h.alias("aide")),
                Lang::Fr => french::help_command(cmd),
            };
        }
    }
    let mut m = cmd.try_get_matches_from_mut(args)?;
    // The common options given after the subcommand are read first: the command line
    // is then read in place (not copied), which takes the subcommand's matches.
    let after = match m.subcommand() {
        Some((_, sub)) => Some(Global::from_arg_matches(sub).map_err(|e| e.format(&mut cmd))?),
        None => None,
    };
    let cli = Cli::from_arg_matches_mut(&mut m).map_err(|e| e.format(&mut cmd))?;
    let global = match after {
        Some(after) => cli.global.then(after),
        None => cli.global,
    };
    if global.json && global.format.is_some() {
        // Told as clap tells a conflict, with its parts, so that French can say it too.
        let mut e = clap::Error::new(ErrorKind::ArgumentConflict).with_cmd(&cmd);
        let format = cmd
            .get_arguments()
            .find(|a| a.get_id() == "format")
            .map_or("--format".into(), ToString::to_string);
        e.insert(
            ContextKind::InvalidArg,
            ContextValue::String("--json".into()),
        );
        e.insert(ContextKind::PriorArg, ContextValue::String(format));
        e.insert(
            ContextKind::Usage,
            ContextValue::StyledStr(cmd.render_usage()),
        );
        return Err(e);
    }
    Ok(Cli { global, ..cli })
}

/// The language of the process's command line: what its help and its refusals
/// are written in.
pub fn lang_of_args() -> Lang {
    let args: Vec<OsString> = std::env::args_os().collect();
    help_lang(&args, |k| std::env::var(k).ok())
}

/// The pager for help the process's command line asks for: none with `--no-pager`
/// or when stdout is not a terminal, else the environment's (see [`crate::pager`]).
pub fn pager_of_args() -> Option<String> {
    use std::io::IsTerminal;
    let no_pager = std::env::args_os().any(|a| a == "--no-pager");
    if no_pager || !std::io::stdout().is_terminal() {
        return None;
    }
    crate::pager::command(|k| std::env::var(k).ok())
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
        if let Some(l) = value.and_then(|v| <Lang as clap::ValueEnum>::from_str(v, true).ok()) {
            lang = Some(l);
        }
    }
    lang.unwrap_or_else(|| Lang::from_env(var))
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
        command_in(Lang::Fr, 60, true).debug_assert();
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
            Some(Command::Figures(FiguresArgs {
                topic: vec!["market".into()]
            }))
        );
        let d = parse(&["--lang", "fr", "brief", "--lang", "en"]);
        assert_eq!(d.global.lang, Some(Lang::En), "after the subcommand wins");
        assert_eq!(parse(&[]).command, None);
        assert_eq!(
            parse(&["facts"]).command,
            Some(Command::Figures(FiguresArgs { topic: vec![] }))
        );
        assert_eq!(
            parse(&["actor", "RP", "OCDE"]).command,
            Some(Command::Actor(ActorArgs {
                query: vec!["RP".into(), "OCDE".into()]
            }))
        );
    }

    #[test]
    fn each_subcommand_is_built_with_the_arguments_the_derive_declares() {
        let ids = |c: &clap::Command| {
            // Built, a command has clap's own `--help` besides.
            let mut ids: Vec<String> = c
                .get_arguments()
                .map(|a| a.get_id().to_string())
                .filter(|id| id != "help")
                .collect();
            ids.sort();
            ids
        };
        let mut declared = Cli::command();
        declared.build();
        let common = ids(&Global::augment_args(clap::Command::new("x")));
        for s in declared
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
        {
            let mut want = ids(s);
            want.extend(common.iter().cloned());
            want.sort();
            let built = arguments(clap::Command::new(s.get_name().to_string()));
            assert_eq!(ids(&built), want, "{}", s.get_name());
        }
    }

    #[test]
    fn a_later_value_overrides_an_earlier_one() {
        let cli = parse(&["--lang", "fr", "--lang", "en", "summit", "--color", "never"]);
        assert_eq!(cli.global.lang, Some(Lang::En));
        assert_eq!(cli.global.color(), ColorChoice::Never);
        assert_eq!(
            parse(&["--format", "JSON", "brief"]).global.format,
            Some(Format::Json)
        );
        assert_eq!(
            parse(&["search", "x", "--limit", "3", "--kind", "FIGURE", "--limit", "5"]).command,
            Some(Command::Search(SearchArgs {
                words: vec!["x".into()],
                limit: Some(5),
                kind: Some(Kind::Figure)
            }))
        );
    }

    #[test]
    fn french_names_and_any_case() {
        assert_eq!(
            parse(&["investissements"]).command,
            Some(Command::Investments)
        );
        assert_eq!(parse(&["note"]).command, Some(Command::Brief));
        assert_eq!(
            parse(&["search", "x", "--kind", "ÉVÉNEMENT"]).command,
            Some(Command::Search(SearchArgs {
                words: vec!["x".into()],
                limit: None,
                kind: Some(Kind::Event)
            }))
        );
        assert_eq!(
            parse(&["schema", "APERÇU"]).command,
            Some(Command::Schema(SchemaArgs {
                command: "overview".into()
            }))
        );
        assert_eq!(
            parse(&["completions", "ZSH"]).command,
            Some(Command::Completions(CompletionsArgs {
                shell: clap_complete::Shell::Zsh
            }))
        );
    }

    #[test]
    fn json_and_format_conflict_across_levels() {
        for line in [
            ["aimemo", "--json", "investments", "--format", "csv"],
            ["aimemo", "--format", "csv", "investments", "--json"],
        ] {
            let err = parse_from(line).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::ArgumentConflict);
            assert_eq!(err.exit_code(), 2);
        }
    }
}
