//! The pager, as git and gh use one: on a terminal, output taller than the screen
//! goes through `$AIMEMO_PAGER`, else `$PAGER`, else `less -FRX`, colors kept.
//! Never when stdout is not a terminal; not with `--no-pager`, nor when the pager
//! is empty or `cat`. A pager that cannot be started is no error: the output is
//! printed directly.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// The pager to use, if any: `AIMEMO_PAGER`, else `PAGER`, else `less -FRX`;
/// `None` when it is set empty or to `cat`.
pub fn command(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let pager = var("AIMEMO_PAGER")
        .or_else(|| var("PAGER"))
        .unwrap_or_else(|| "less -FRX".into());
    let pager = pager.trim();
    (!pager.is_empty() && pager != "cat").then(|| pager.to_string())
}

/// The lines `text` takes on a terminal `width` columns wide: a line wider than
/// the terminal takes several (escape sequences take none).
pub fn rows(text: &[u8], width: usize) -> usize {
    let text = String::from_utf8_lossy(text);
    text.lines()
        .map(|line| {
            let w = crate::render::width_of(&without_escapes(line));
            w.div_ceil(width.max(1)).max(1)
        })
        .sum()
}

/// `line` without its escape sequences (colors: ESC [ … letter).
fn without_escapes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Shows `text` through `pager`: false when the pager cannot be started (the
/// caller prints directly). A pager closed before it read everything (`q` in
/// less) is no error.
pub fn show(text: &[u8], pager: &str) -> io::Result<bool> {
    // Like git, through the shell only when the command needs one (quotes, pipes,
    // variables), so that a missing program is seen and the output printed directly.
    let needs_shell = pager.contains(|c: char| "|&;<>()$`\\\"'*?[#~".contains(c));
    let mut cmd = if needs_shell {
        let mut sh = Command::new("sh");
        sh.arg("-c").arg(pager);
        sh
    } else {
        let mut words = pager.split_whitespace();
        let mut cmd = Command::new(words.next().unwrap_or("less"));
        cmd.args(words);
        cmd
    };
    // less keeps colors, quits when one screen is enough, and leaves the text on
    // the screen: what git asks of it when the user has not said otherwise.
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        cmd.env("LV", "-c");
    }
    let Ok(mut child) = cmd.stdin(Stdio::piped()).spawn() else {
        return Ok(false);
    };
    // Ctrl-C is the pager's to handle: aimemo waits for it rather than leave it
    // running behind the shell's prompt.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGQUIT, libc::SIG_IGN);
    }
    let written = match child.stdin.take() {
        Some(mut stdin) => stdin.write_all(text),
        None => Ok(()),
    };
    child.wait()?;
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fake_env as env;

    #[test]
    fn which_pager() {
        assert_eq!(command(env(&[])).as_deref(), Some("less -FRX"));
        assert_eq!(command(env(&[("PAGER", "more")])).as_deref(), Some("more"));
        assert_eq!(
            command(env(&[("PAGER", "more"), ("AIMEMO_PAGER", "bat -p")])).as_deref(),
            Some("bat -p")
        );
        assert_eq!(command(env(&[("AIMEMO_PAGER", "")])), None);
        assert_eq!(
            command(env(&[("AIMEMO_PAGER", ""), ("PAGER", "more")])),
            None
        );
        assert_eq!(command(env(&[("PAGER", "cat")])), None);
    }

    #[test]
    fn rows_count_wrapped_lines_and_not_colors() {
        assert_eq!(rows(b"a\nb\n", 80), 2);
        assert_eq!(rows("\u{1b}[1;31mé\u{1b}[0m\n".as_bytes(), 1), 1);
        assert_eq!(rows(&[b'x'; 25], 10), 3);
        assert_eq!(rows(b"\n\n", 10), 2);
    }
}
