//! The terminal: whether to color, and how wide to draw. Decided once, at start.

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

/// The width to fit: `COLUMNS` when set to a number, else the terminal's when
/// stdout is one; `None` when piped (tables are then not squeezed).
pub fn width(var: impl Fn(&str) -> Option<String>) -> Option<usize> {
    if let Some(cols) = var("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok()) {
        if cols > 0 {
            return Some(cols.clamp(20, 1000));
        }
    }
    if std::io::stdout().is_terminal() {
        if let Ok((w, _)) = crossterm::terminal::size() {
            if w > 0 {
                return Some(usize::from(w).max(20));
            }
        }
    }
    None
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
