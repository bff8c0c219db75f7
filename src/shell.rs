//! Shell integration: completion scripts that know the knowledge base's codes and
//! ids, and the man page, both generated from the clap definitions.

use std::io::Write;

use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use crate::cli;
use crate::error::Result;
use crate::i18n::Lang;
use crate::kb::Kb;

/// Values safe to write into any shell's script unquoted.
fn shell_safe(v: &str) -> bool {
    !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
}

/// Writes the completion script for `shell`, its descriptions in `lang`; actor
/// codes, list ids, topic ids and entry ids are offered where a command takes them.
pub fn completions(shell: Shell, kb: &Kb, lang: Lang, out: &mut impl Write) -> Result<()> {
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
    let mut cmd = cli::command_in(lang, 100, true);
    cmd.build(); // the subcommands' common options, deferred until now
    if lang == Lang::Fr {
        cmd = cli::french_help(cmd);
    }
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

/// Text for roff: backslashes and hyphens escaped, no line starting with a dot or
/// an apostrophe (a request).
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    escaped
        .lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The man page's headings and words, in each language.
struct Words {
    name: &'static str,
    synopsis: &'static str,
    description: &'static str,
    options: &'static str,
    commands: &'static str,
    exit: &'static str,
    environment: &'static str,
    version: &'static str,
    possible: &'static str,
    other_names: &'static str,
    placeholders: &'static str,
}

const EN: Words = Words {
    name: "NAME",
    synopsis: "SYNOPSIS",
    description: "DESCRIPTION",
    options: "OPTIONS",
    commands: "COMMANDS",
    exit: "EXIT STATUS",
    environment: "ENVIRONMENT",
    version: "VERSION",
    possible: "Possible values:",
    other_names: "Also:",
    placeholders: "[OPTIONS] [COMMAND]",
};

const FR: Words = Words {
    name: "NOM",
    synopsis: "SYNOPSIS",
    description: "DESCRIPTION",
    options: "OPTIONS",
    commands: "COMMANDES",
    exit: "CODE DE RETOUR",
    environment: "ENVIRONNEMENT",
    version: "VERSION",
    possible: "Valeurs possibles :",
    other_names: "Aussi :",
    placeholders: "[OPTIONS] [COMMANDE]",
};

/// One option or argument as a tagged paragraph: its flags and value, then its
/// help (the long one), then its values and what each does.
fn roff_arg(out: &mut String, a: &clap::Arg, words: &Words) {
    let value = a
        .get_value_names()
        .and_then(|v| v.first())
        .map(ToString::to_string);
    let mut tag = match (a.get_short(), a.get_long()) {
        (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR, \\fB\\-\\-{}\\fR", roff(l)),
        (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", roff(l)),
        (Some(s), None) => format!("\\fB\\-{s}\\fR"),
        (None, None) => format!("\\fI{}\\fR", roff(value.as_deref().unwrap_or_default())),
    };
    if a.get_long().is_some() || a.get_short().is_some() {
        if let Some(v) = value.as_deref().filter(|_| a.get_action().takes_values()) {
            tag.push_str(&format!(" \\fI{}\\fR", roff(v)));
        }
    }
    let help = a
        .get_long_help()
        .or_else(|| a.get_help())
        .map(ToString::to_string)
        .unwrap_or_default();
    // Its lines as written (a list of values, one a line).
    let help: Vec<String> = roff(&help)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    out.push_str(&format!(".TP\n{tag}\n{}\n", help.join("\n.br\n")));
    let values: Vec<clap::builder::PossibleValue> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
    };
    if !values.is_empty() && a.get_long_help().is_none() {
        out.push_str(&format!(".br\n{}\n", words.possible));
        for v in values.iter().filter(|v| !v.is_hide_set()) {
            let said = match v.get_help() {
                Some(h) => format!("{}: {h}", v.get_name()),
                None => v.get_name().to_string(),
            };
            out.push_str(&format!(".br\n\\(bu {}\n", roff(&said)));
        }
    }
}

/// A command's text after its help: paragraphs filled, examples (indented lines)
/// as written.
fn roff_after(out: &mut String, text: &str) {
    for block in text.split("\n\n") {
        let (head, examples): (Vec<&str>, Vec<&str>) =
            block.lines().partition(|l| !l.starts_with("  "));
        if !head.is_empty() {
            out.push_str(&format!(".PP\n{}\n", roff(&head.join(" "))));
        }
        if !examples.is_empty() {
            out.push_str(".RS 2\n.nf\n");
            for line in examples {
                out.push_str(&format!("{}\n", roff(line.trim_start())));
            }
            out.push_str(".fi\n.RE\n");
        }
    }
}

/// Writes the man page in `lang`, from the same declaration as `--help`: name,
/// synopsis, description, the options every command takes; then every command (all
/// on this page) by the name the language uses, its other names, its own arguments
/// and options, and its examples; then exit status and environment.
pub fn man(lang: Lang, out: &mut impl Write) -> Result<()> {
    let words = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    let mut cmd = cli::command_in(lang, 80, true);
    cmd.build(); // every command's common options, deferred until now
    let version = cmd.get_version().unwrap_or_default().to_string();
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    let long = cmd
        .get_long_about()
        .map(ToString::to_string)
        .unwrap_or_else(|| about.clone());
    let mut page = format!(
        ".TH AIMEMO 1 \"\" \"aimemo {version}\"\n.SH {}\naimemo \\- {}\n.SH {}\n\\fBaimemo\\fR {}\n.SH {}\n",
        words.name,
        roff(&about),
        words.synopsis,
        roff(words.placeholders),
        words.description,
    );
    for para in long.split("\n\n") {
        page.push_str(&format!(".PP\n{}\n", roff(para)));
    }
    page.push_str(&format!(".SH {}\n", words.options));
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        roff_arg(&mut page, a, words);
    }
    let common: Vec<&str> = cmd.get_arguments().map(|a| a.get_id().as_str()).collect();
    page.push_str(&format!(".SH \"{}\"\n", words.commands));
    for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let fr = cli::french_of(s.get_name());
        let name = match (lang, fr) {
            (Lang::Fr, Some(fr)) => fr.name(),
            _ => s.get_name(),
        };
        let args: Vec<String> = s
            .get_positionals()
            .map(|a| {
                let value = a
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| a.get_id().to_string(), |v| v.to_string());
                if a.is_required_set() {
                    value
                } else {
                    format!("[{value}]")
                }
            })
            .collect();
        let line = format!("aimemo {name} {}", args.join(" "));
        let about = s.get_about().map(ToString::to_string).unwrap_or_default();
        page.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n.RS\n",
            roff(line.trim_end()),
            roff(&about)
        ));
        let others: Vec<&str> = std::iter::once(s.get_name())
            .chain(s.get_visible_aliases())
            .filter(|n| *n != name)
            .collect();
        if !others.is_empty() {
            page.push_str(&format!(
                ".PP\n{} {}\n",
                words.other_names,
                roff(&others.join(", "))
            ));
        }
        for a in s.get_arguments().filter(|a| {
            !a.is_hide_set() && !common.contains(&a.get_id().as_str()) && a.get_id() != "help"
        }) {
            roff_arg(&mut page, a, words);
        }
        if let Some(after) = s.get_after_help() {
            roff_after(&mut page, &after.to_string());
        }
        page.push_str(".RE\n");
    }
    let rows = |rows: &[(&str, crate::i18n::L)]| -> String {
        rows.iter()
            .map(|(t, m)| format!(".TP\n\\fB{}\\fR\n{}\n", roff(t), roff(lang.l(*m))))
            .collect()
    };
    page.push_str(&format!(
        ".SH \"{}\"\n{}",
        words.exit,
        rows(cli::EXIT_STATUS)
    ));
    page.push_str(&format!(
        ".SH \"{}\"\n{}",
        words.environment,
        rows(cli::ENVIRONMENT)
    ));
    page.push_str(&format!(".SH {}\nv{version}\n", words.version));
    out.write_all(page.as_bytes())?;
    Ok(())
}
