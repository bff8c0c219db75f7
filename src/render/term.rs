//! The terminal: whether to color, how wide to draw, how tall it is. Decided once,
//! at start.

use std::io::IsTerminal;

/// `--color`'s choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Color when writing to a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
    #[default]
    Auto,
    Always,
    Never,
}

/// Whether a stream gets color: `--color` wins; auto means a terminal, no
/// `NO_COLOR` (set and not empty), and a `TERM` other than `dumb`.
pub fn use_color(choice: ColorChoice, is_tty: bool, var: impl Fn(&str) -> Option<String>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_tty
                && var("NO_COLOR").is_none_or(|v| v.is_empty())
                && var("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// Makes colored and comfy-table (through crossterm) follow one decision.
pub fn apply_color(on: bool) {
    colored::control::set_override(on);
    crossterm::style::force_color_output(on);
}

/// The width to fit: `COLUMNS` when set to a number (0 counts as not set), else
/// the terminal's (see [`size`]); `None` with no terminal at all (tables are then
/// not squeezed).
pub fn width(var: impl Fn(&str) -> Option<String>) -> Option<usize> {
    if let Some(cols) = var("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok()) {
        if cols > 0 {
            return Some(cols.clamp(20, 1000));
        }
    }
    size().map(|(w, _)| w.max(20))
}

/// The number of lines the terminal shows: `LINES` when set to a positive number,
/// else the terminal's, when stdout is one.
pub fn height(var: impl Fn(&str) -> Option<String>) -> Option<usize> {
    match var("LINES").and_then(|l| l.trim().parse::<usize>().ok()) {
        Some(lines) if lines > 0 => Some(lines),
        _ if std::io::stdout().is_terminal() => size().map(|(_, h)| h),
        _ => None,
    }
}

/// The size (columns, lines) of the terminal the output is read on: stdout's when
/// it is one; when it is piped (`aimemo actors | less`), the controlling
/// terminal's, as stderr or `/dev/tty` gives it.
fn size() -> Option<(usize, usize)> {
    use terminal_size::{terminal_size_of, Height, Width};
    let of = |size: Option<(Width, Height)>| {
        size.filter(|(Width(w), Height(h))| *w > 0 && *h > 0)
            .map(|(Width(w), Height(h))| (usize::from(w), usize::from(h)))
    };
    if std::io::stdout().is_terminal() {
        return of(terminal_size_of(std::io::stdout()));
    }
    if std::io::stderr().is_terminal() {
        if let Some(size) = of(terminal_size_of(std::io::stderr())) {
            return Some(size);
        }
    }
    let tty = std::fs::File::open("/dev/tty").ok()?;
    of(terminal_size_of(&tty))
}

/// Whether stderr gets color (decided on its own).
pub fn stderr_color(choice: ColorChoice, var: impl Fn(&str) -> Option<String>) -> bool {
    use_color(choice, std::io::stderr().is_terminal(), var)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fake_env as env;

    #[test]
    fn color_decision() {
        assert!(use_color(ColorChoice::Auto, true, env(&[])));
        assert!(!use_color(ColorChoice::Auto, false, env(&[])));
        assert!(!use_color(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(use_color(ColorChoice::Auto, true, env(&[("NO_COLOR", "")])));
        assert!(!use_color(
            ColorChoice::Auto,
            true,
            env(&[("TERM", "dumb")])
        ));
        assert!(use_color(
            ColorChoice::Always,
            false,
            env(&[("NO_COLOR", "1")])
        ));
        assert!(!use_color(ColorChoice::Never, true, env(&[])));
    }

    #[test]
    fn columns_wins() {
        assert_eq!(width(env(&[("COLUMNS", "100")])), Some(100));
        assert_eq!(width(env(&[("COLUMNS", "5")])), Some(20));
        assert_eq!(height(env(&[("LINES", "30")])), Some(30));
    }
}

/// How a piece of text stands out when color is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Heading,
    Strong,
    Code,
    Figure,
    Dim,
    Error,
}

/// `text` styled when `on`, untouched (and not copied) otherwise.
pub fn paint(text: &str, style: Style, on: bool) -> std::borrow::Cow<'_, str> {
    use colored::Colorize;
    if !on {
        return std::borrow::Cow::Borrowed(text);
    }
    if style == Style::Error {
        // stderr decides its color on its own, whatever colored's override says for stdout
        return std::borrow::Cow::Owned(format!("\x1b[1;31m{text}\x1b[0m"));
    }
    std::borrow::Cow::Owned(
        match style {
            Style::Heading => text.bold().underline(),
            Style::Strong => text.bold(),
            Style::Code => text.cyan(),
            Style::Figure => text.yellow().bold(),
            Style::Dim => text.dimmed(),
            Style::Error => text.normal(),
        }
        .to_string(),
    )
}
