//! Shell integration: completion scripts that know the knowledge base's codes and
//! ids, and the man page, both generated from the clap definitions.

use std::io::Write;

use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use crate::cli;
use crate::error::Result;
use crate::kb::Kb;

/// Values safe to write into any shell's script unquoted.
fn shell_safe(v: &str) -> bool {
    !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
}

/// Writes the completion script for `shell`; actor codes, list ids, topic ids and
/// entry ids are offered where a command takes them.
pub fn completions(shell: Shell, kb: &Kb, out: &mut impl Write) -> Result<()> {
    let safe = |v: Vec<&str>| -> Vec<String> {
        v.into_iter()
            .filter(|v| shell_safe(v))
            .map(str::to_string)
            .collect()
    };
    // (subcommand, argument, values)
    let values = [
        (
            "actor",
            "query",
            safe(
                kb.actors
                    .iter()
                    .flat_map(|a| a.code.as_deref().into_iter().chain([&*a.id]))
                    .collect(),
            ),
        ),
        (
            "list",
            "id",
            safe(kb.lists.iter().map(|l| &*l.id).collect()),
        ),
        (
            "figures",
            "topic",
            safe(kb.topics.iter().map(|t| &*t.id).collect()),
        ),
        ("show", "id", safe(kb.ids().map(|(id, _)| id).collect())),
    ];
    let mut cmd = cli::command();
    cmd.build(); // the subcommands' arguments, deferred until now
    for (sub, arg, v) in values.iter() {
        let parser = PossibleValuesParser::new(v.clone());
        cmd = cmd.mut_subcommand(*sub, |s| s.mut_arg(*arg, |a| a.value_parser(parser)));
    }
    // clap_complete panics on a failed write: render to memory, then write.
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "aimemo", &mut buf);
    let mut script = String::from_utf8_lossy(&buf).into_owned();
    // fish, PowerShell and elvish scripts do not complete positional values: add them.
    for (sub, _, v) in values.iter() {
        match shell {
            Shell::Fish => {
                script.push_str(&format!(
                    "complete -c aimemo -n \"__fish_seen_subcommand_from {sub}\" -f -a \"{}\"\n",
                    v.join(" ")
                ));
            }
            Shell::PowerShell => {
                let anchor = format!("'aimemo;{sub}' {{\n");
                let lines: String = v
                    .iter()
                    .map(|x| format!("            [CompletionResult]::new('{x}', '{x}', [CompletionResultType]::ParameterValue, '{x}')\n"))
                    .collect();
                script = script.replacen(&anchor, &format!("{anchor}{lines}"), 1);
            }
            Shell::Elvish => {
                let anchor = format!("&'aimemo;{sub}'= {{\n");
                let lines: String = v
                    .iter()
                    .map(|x| format!("            cand {x} '{sub}'\n"))
                    .collect();
                script = script.replacen(&anchor, &format!("{anchor}{lines}"), 1);
            }
            _ => {}
        }
    }
    out.write_all(script.as_bytes())?;
    Ok(())
}

/// Writes the man page, with EXIT STATUS and ENVIRONMENT sections.
pub fn man(out: &mut impl Write) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cli::command()).render(&mut buf)?;
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
