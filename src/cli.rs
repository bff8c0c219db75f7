//! The command line: clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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

const AFTER_HELP: &str = "\
Examples:
  aimemo investments            the €109 bn of pledges, who and what for
  aimemo actor DNUM             one actor: role, parents, the figures about it
  aimemo search énergie         everything about energy (accents optional)
  aimemo figures market --json  the market figures, for scripts
  aimemo brief --format markdown > brief.md";

#[derive(Parser, Debug)]
#[command(
    name = "aimemo",
    version,
    about = "The French foreign ministry's memo on AI (« Les mémos de la DGM »), as a command-line knowledge base",
    long_about = "The French foreign ministry's memo on artificial intelligence (« Les mémos de la DGM — \
L'intelligence artificielle : où en sommes-nous ? »), as a command-line knowledge base: every figure \
with its qualifier and source, every list, and the map of actors, in French and English.\n\n\
Run without a command for an overview.",
    after_help = AFTER_HELP,
    after_long_help = format!("{AFTER_HELP}\n\n{EXIT_STATUS}\n\n{ENVIRONMENT}"),
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes, anywhere on the line.
#[derive(Args, Debug)]
pub struct Global {
    /// Print one JSON document (same as --format json)
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// Output format
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// When to use color
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Language of labels and texts [default: from AIMEMO_LANG or the locale, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// Add a knowledge-base file (repeatable; see docs/SCHEMA.md)
    #[arg(long = "facts", global = true, value_name = "FILE")]
    pub facts: Vec<PathBuf>,

    /// Leave the built-in knowledge base out (use with --facts)
    #[arg(long, global = true)]
    pub no_builtin: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The investment pledges: who, how much, where, what for, and the headline
    #[command(
        after_help = "Examples:\n  aimemo investments\n  aimemo investments --format csv\n  aimemo investments --json | jq '.headline.value'"
    )]
    Investments,

    /// The Paris AI Action Summit: dates, place, co-chair, verticals, figures
    #[command(
        after_help = "Examples:\n  aimemo summit\n  aimemo summit --lang fr\n  aimemo summit --json | jq '.event.lists[0].items[].text'"
    )]
    Summit,

    /// Every figure with its qualifier and source, by topic
    #[command(
        visible_alias = "facts",
        after_help = "Examples:\n  aimemo figures\n  aimemo figures market\n  aimemo figures environment --format markdown"
    )]
    Figures {
        /// Only this topic (its id, the start of it, or a word of its name)
        topic: Option<String>,
    },

    /// The map of actors by group, as trees of parents and children
    #[command(after_help = "Examples:\n  aimemo actors\n  aimemo actors --format csv")]
    Actors,

    /// One actor: full name, parents, role, children, the figures about it
    #[command(
        after_help = "Examples:\n  aimemo actor DNUM\n  aimemo actor nuoi          (codes match by their last part)\n  aimemo actor direction du numerique\n  aimemo actor numia --json"
    )]
    Actor {
        /// A code (any case), an id, or words of the name (accents optional)
        #[arg(required = true, value_name = "CODE|NAME")]
        query: Vec<String>,
    },

    /// Every enumeration of the memo
    #[command(
        after_help = "Examples:\n  aimemo lists\n  aimemo lists --json | jq -r '.lists[].id'"
    )]
    Lists,

    /// One enumeration, in order
    #[command(
        after_help = "Examples:\n  aimemo list summit-verticals\n  aimemo list paris-actions-axes --lang fr"
    )]
    List {
        /// The list's id (see `aimemo lists`)
        id: String,
    },

    /// Each cited source with the figures it backs
    #[command(after_help = "Examples:\n  aimemo sources\n  aimemo sources --format tsv")]
    Sources,

    /// Any single entry (figure, list, actor, source, ...) with all its fields
    #[command(
        after_help = "Examples:\n  aimemo show jobs-at-risk\n  aimemo show deloitte\n  aimemo show dnum --json"
    )]
    Show {
        /// The entry's id
        id: String,
    },

    /// Search figures, lists, actors and sources, in French and English
    #[command(
        after_help = "Examples:\n  aimemo search énergie\n  aimemo search energie        (accents optional)\n  aimemo search 109\n  aimemo search water --json | jq '.hits[0].id'"
    )]
    Search {
        /// Words that must all match (case and accents ignored)
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
    },

    /// A one-screen briefing sheet of the key messages and figures
    #[command(
        after_help = "Examples:\n  aimemo brief\n  aimemo brief --lang fr --format markdown > fiche.md"
    )]
    Brief,

    /// Check knowledge-base files and list every problem (FILE:LINE:COLUMN: message)
    #[command(
        after_help = "Checks FILEs together with the built-in knowledge base (or alone with --no-builtin); \
with no FILE, checks the built-in facts.toml.\n\nExit status: 0 valid, 1 invalid, 2 unreadable.\n\n\
Examples:\n  aimemo validate next-memo.toml\n  aimemo validate --no-builtin my.toml --json"
    )]
    Validate {
        /// Files to check
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },

    /// Print a shell completion script (completes commands, actor codes and ids too)
    #[command(
        after_help = "Examples:\n  aimemo completions bash > ~/.local/share/bash-completion/completions/aimemo\n  aimemo completions zsh > ~/.zfunc/_aimemo\n  aimemo completions fish > ~/.config/fish/completions/aimemo.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff)
    #[command(after_help = "Examples:\n  aimemo man > aimemo.1 && man ./aimemo.1")]
    Man,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn clap_definitions_are_consistent() {
        Cli::command().debug_assert();
    }
}
