//! Making untrusted text safe to print: control characters become visible escapes.
//!
//! A knowledge-base file could carry ESC sequences, BEL, carriage returns, C1
//! controls or bidirectional overrides that rewrite the terminal or hide text.
//! Human output shows them as `\e`, `\r`, `\x07`, `\u{9b}`, `\u{202e}`; only
//! tab and newline pass, and in laid-out text (tables, wrapped lines, bars) a tab
//! is a space. The invisible marks U+2060–U+2064 are escaped too: the
//! table renderer uses two of them to mark highlighted words. JSON needs none of this: serde escapes them.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character shown as an escape.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) && (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` sanitized for a line that is laid out (a table's cell, a key and its value,
/// wrapped text, a bar's label): as [`sanitize`], and each tab a space, as a tab's
/// width depends on the column it falls in, so that text around it could be neither
/// measured nor aligned.
pub fn sanitize_for_layout(text: &str) -> Cow<'_, str> {
    match sanitize(text) {
        Cow::Borrowed(t) if !t.contains('\t') => Cow::Borrowed(t),
        t => Cow::Owned(t.replace('\t', " ")),
    }
}

#[cfg(test)]
mod tests {
    use super::{sanitize, sanitize_for_layout};

    #[test]
    fn a_tab_in_laid_out_text_is_a_space() {
        assert_eq!(sanitize_for_layout("with\ttab"), "with tab");
        assert_eq!(sanitize_for_layout("a\t\u{1b}b\nc"), "a \\eb\nc");
        assert_eq!(sanitize_for_layout("plain"), "plain");
        assert!(matches!(
            sanitize_for_layout("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_controls_byte_for_byte() {
        assert_eq!(sanitize("plain énergie"), "plain énergie");
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\\e[2Jb");
        assert_eq!(sanitize("\u{1b}]0;title\u{7}"), "\\e]0;title\\x07");
        assert_eq!(sanitize("x\ry"), "x\\ry");
        assert_eq!(sanitize("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(sanitize("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(sanitize("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(sanitize("a\u{2060}b\u{2061}c"), "a\\u{2060}b\\u{2061}c");
        assert_eq!(sanitize("tab\tand\nnewline"), "tab\tand\nnewline");
        assert_eq!(sanitize("\u{7f}"), "\\x7f");
    }
}
