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
        // The entries that quote the memo: the ones `cite` can cite.
        (
            "cite",
            "words",
            safe(
                kb.ids()
                    .filter(|(_, e)| kb.quote_of(*e).is_some())
                    .map(|(id, _)| id)
                    .collect(),
            ),
        ),
    ];
    let mut cmd = cli::command();
    cmd.build(); // the subcommands' common options, deferred until now
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

/// Text for roff: backslashes and hyphens escaped, no line starting with a dot.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// A man-page section of terms and what they mean.
fn roff_section(out: &mut Vec<u8>, title: &str, rows: &[(&str, &str)]) {
    out.extend_from_slice(format!(".SH \"{title}\"\n").as_bytes());
    for (term, meaning) in rows {
        let term = roff(term);
        let meaning = roff(meaning);
        out.extend_from_slice(format!(".TP\n\\fB{term}\\fR\n{meaning}\n").as_bytes());
    }
}

/// Writes the man page: clap's name, synopsis, description and options; the
/// commands (all on this page); then exit status and environment, from the same
/// tables as `--help`.
pub fn man(out: &mut impl Write) -> Result<()> {
    let mut cmd = cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    let commands: Vec<(String, String)> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| {
            let args: Vec<String> = s
                .get_positionals()
                .map(|a| {
                    let name = a
                        .get_value_names()
                        .and_then(|v| v.first())
                        .map_or_else(|| a.get_id().to_string(), |v| v.to_string());
                    if a.is_required_set() {
                        name
                    } else {
                        format!("[{name}]")
                    }
                })
                .collect();
            let about = s.get_about().map(|a| a.to_string()).unwrap_or_default();
            (format!("aimemo {} {}", s.get_name(), args.join(" ")), about)
        })
        .collect();
    let rows: Vec<(&str, &str)> = commands
        .iter()
        .map(|(c, a)| (c.trim_end(), a.as_str()))
        .collect();
    roff_section(&mut buf, "COMMANDS", &rows);
    let en = |rows: &[(&'static str, crate::i18n::L)]| -> Vec<(&'static str, &'static str)> {
        rows.iter().map(|(t, m)| (*t, m.0)).collect()
    };
    roff_section(&mut buf, "EXIT STATUS", &en(cli::EXIT_STATUS));
    roff_section(&mut buf, "ENVIRONMENT", &en(cli::ENVIRONMENT));
    man.render_version_section(&mut buf)?;
    out.write_all(&buf)?;
    Ok(())
}
