//! Shell integration: completion scripts that know the knowledge base's codes and
//! ids, and the man page, both generated from the clap definitions.

use std::io::Write;

use clap::builder::PossibleValuesParser;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Result;
use crate::kb::Kb;

/// Writes the completion script for `shell`; actor codes, list ids, topic ids and
/// entry ids are offered where a command takes them.
pub fn completions(shell: Shell, kb: &Kb, out: &mut impl Write) -> Result<()> {
    let no_space = |s: &&str| !s.contains(char::is_whitespace);
    let actors: Vec<String> = kb
        .actors
        .iter()
        .flat_map(|a| a.code.as_deref().into_iter().chain([a.id.as_str()]))
        .filter(no_space)
        .map(str::to_string)
        .collect();
    let lists: Vec<String> = kb.lists.iter().map(|l| l.id.clone()).collect();
    let topics: Vec<String> = kb.topics.iter().map(|t| t.id.clone()).collect();
    let ids: Vec<String> = kb.ids().map(|(id, _)| id.to_string()).collect();
    let values = |v: Vec<String>| PossibleValuesParser::new(v);
    let mut cmd = Cli::command()
        .mut_subcommand("actor", |s| s.mut_arg("query", |a| a.value_parser(values(actors))))
        .mut_subcommand("list", |s| s.mut_arg("id", |a| a.value_parser(values(lists))))
        .mut_subcommand("figures", |s| s.mut_arg("topic", |a| a.value_parser(values(topics))))
        .mut_subcommand("show", |s| s.mut_arg("id", |a| a.value_parser(values(ids))));
    // clap_complete panics on a failed write: render to memory, then write.
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "aimemo", &mut buf);
    out.write_all(&buf)?;
    Ok(())
}

/// Writes the man page, with EXIT STATUS and ENVIRONMENT sections.
pub fn man(out: &mut impl Write) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    buf.extend_from_slice(
        br#".SH "EXIT STATUS"
.TP
\fB0\fR
Found (for \fBvalidate\fR: the files are valid).
.TP
\fB1\fR
A valid query that found nothing: an unknown id, code, name or topic, or a search without a match; the message on standard error suggests the closest candidates (for \fBvalidate\fR: the files have problems).
.TP
\fB2\fR
A usage error, or a knowledge-base file that cannot be read or is invalid.
.SH ENVIRONMENT
.TP
\fBAIMEMO_LANG\fR
The language when \fB\-\-lang\fR is not given: \fBfr\fR or \fBen\fR.
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
A French locale gives French output when \fBAIMEMO_LANG\fR is unset; anything else gives English.
.TP
\fBAIMEMO_FACTS\fR
More knowledge\-base files to add, separated like \fBPATH\fR.
.TP
\fBNO_COLOR\fR
When set and not empty, no color unless \fB\-\-color always\fR.
.TP
\fBTERM\fR
\fBdumb\fR turns color off unless \fB\-\-color always\fR.
.TP
\fBCOLUMNS\fR
The width tables are fitted to.
"#,
    );
    out.write_all(&buf)?;
    Ok(())
}
