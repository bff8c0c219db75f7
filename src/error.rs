//! Errors and outcomes, and the one place where they become exit codes.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::kb::validate::Problem;

/// A message of aimemo's own, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub en: String,
    pub fr: String,
}

impl Msg {
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Msg {
        Msg {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// The message in `lang`.
    pub fn pick(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// Everything that can stop a command.
#[derive(Debug)]
pub enum Error {
    /// A valid query that found nothing (exit 1).
    NotFound(Msg),
    /// Bad arguments (exit 2).
    Usage(Msg),
    /// A knowledge-base file that cannot be read at all (exit 2).
    File { path: String, message: Msg },
    /// Knowledge-base files that do not validate (exit 2).
    Invalid(Vec<Problem>),
    /// Writing the output failed (exit 2; a closed pipe is exit 0, quietly).
    Io(io::Error),
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound(m) | Error::Usage(m) => write!(f, "{}", m.en),
            _ => write!(f, "{}", self.message(Lang::En)),
        }
    }
}

/// How a run ended, when it did not fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// What was asked was found (or the files are valid).
    Found,
    /// A valid query that found nothing (or files with problems).
    NotFound,
    /// A failure already reported with the result (exit 2): a file `validate`
    /// could not read.
    Failed,
}

/// The exit status of a run: 0 found, 1 nothing found, 2 usage or data error
/// (a closed pipe is 0).
pub fn exit_code(run: &Result<Outcome>) -> ExitCode {
    match run {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NotFound) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Err(e) => e.exit_code(),
    }
}

/// Prints what clap has to say (its refusal of a command line on stderr, in `lang`;
/// `--help` or `--version` on stdout, help through `pager` when it is taller than
/// the terminal), and the exit status: 2 for a refusal, 0 for help, 2 when help
/// cannot be written (a full device; a closed pipe is no error).
pub fn clap_exit(e: &clap::Error, lang: Lang, pager: Option<&str>) -> ExitCode {
    let printed = if lang == Lang::Fr && e.use_stderr() {
        io::stderr().write_all(crate::cli::error_fr(e).as_bytes())
    } else if let (Some(pager), clap::error::ErrorKind::DisplayHelp) = (pager, e.kind()) {
        // Help taller than the screen goes through the pager, as other output does.
        let env = |k: &str| std::env::var(k).ok();
        match crate::page(e.render().to_string().as_bytes(), pager, env) {
            Err(Error::Io(err)) => Err(err),
            _ => Ok(()),
        }
    } else {
        e.print()
    };
    match printed {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            let label = match lang {
                Lang::En => "error:",
                Lang::Fr => "erreur :",
            };
            let _ = writeln!(
                io::stderr(),
                "aimemo: {label} {}",
                Error::Io(err).message(lang)
            );
            ExitCode::from(2)
        }
        _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}

impl Error {
    /// The message in `lang`, with the label `error:` or `erreur :` only where
    /// the caller adds it (the operating system's own words, in an I/O error, stay
    /// as it gives them).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::NotFound(m) | Error::Usage(m) => m.pick(lang).to_string(),
            Error::File { path, message } => format!("{path}: {}", message.pick(lang)),
            Error::Invalid(problems) => {
                let mut out = String::new();
                for p in problems {
                    let p = match lang {
                        Lang::En => p.to_string(),
                        Lang::Fr => p.clone().in_french().to_string(),
                    };
                    out.push_str(&p);
                    out.push('\n');
                }
                let n = problems.len();
                let s = if n == 1 { "" } else { "s" };
                out.push_str(&match lang {
                    Lang::En => format!(
                        "{n} problem{s} in the knowledge base; run `aimemo validate FILE` for details"
                    ),
                    Lang::Fr => format!(
                        "{n} problème{s} dans la base ; lancez `aimemo valider FICHIER` pour le détail"
                    ),
                });
                out
            }
            Error::Io(e) => match lang {
                Lang::En => format!("cannot write the output: {e}"),
                Lang::Fr => format!("impossible d’écrire la sortie : {e}"),
            },
        }
    }

    /// The exit status of an error: 1 nothing found, 2 usage or data error, 0 for a
    /// closed pipe.
    fn exit_code(&self) -> ExitCode {
        match self {
            Error::NotFound(_) => ExitCode::from(1),
            Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            _ => ExitCode::from(2),
        }
    }

    /// Whether the error is worth a message (a closed pipe is not).
    pub fn is_quiet(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

pub type Result<T> = std::result::Result<T, Error>;
