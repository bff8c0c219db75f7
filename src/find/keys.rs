//! The keys the finder reads: the bytes a terminal in raw mode sends, decoded.

/// A key the finder acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    F1,
    /// Ctrl and a letter (lowercase): `Ctrl('c')`.
    Ctrl(char),
}

/// The keys in `bytes` (what one read of the terminal gave), in order; a sequence
/// the finder does not know is dropped.
pub fn decode(bytes: &[u8]) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        let key = match b {
            0x1b => {
                let (key, used) = escape(&bytes[i..]);
                i += used;
                key
            }
            b'\r' | b'\n' => Some(Key::Enter),
            b'\t' => Some(Key::Tab),
            0x7f | 0x08 => Some(Key::Backspace),
            0x01..=0x1a => Some(Key::Ctrl(char::from(b - 1 + b'a'))),
            0x00..=0x1f => None,
            _ => {
                // One UTF-8 character: its length from its first byte.
                let len = match b {
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => 1,
                };
                let end = (i - 1 + len).min(bytes.len());
                let c = std::str::from_utf8(&bytes[i - 1..end])
                    .ok()
                    .and_then(|s| s.chars().next());
                i = end;
                c.map(Key::Char)
            }
        };
        keys.extend(key);
    }
    keys
}

/// The key an escape sequence stands for (`rest` follows the ESC), and how many
/// bytes of `rest` it used: a lone ESC is the Esc key.
fn escape(rest: &[u8]) -> (Option<Key>, usize) {
    match rest {
        [] => (Some(Key::Esc), 0),
        [b'[' | b'O', tail @ ..] => {
            // Parameters, then the final byte (a letter or `~`).
            let Some(end) = tail.iter().position(|b| (0x40..=0x7e).contains(b)) else {
                return (None, rest.len());
            };
            let params = &tail[..end];
            let key = match (tail[end], params) {
                (b'A', _) => Some(Key::Up),
                (b'B', _) => Some(Key::Down),
                (b'C', _) => Some(Key::Right),
                (b'D', _) => Some(Key::Left),
                (b'H', _) => Some(Key::Home),
                (b'F', _) => Some(Key::End),
                (b'P', _) => Some(Key::F1),
                (b'~', b"1" | b"7") => Some(Key::Home),
                (b'~', b"4" | b"8") => Some(Key::End),
                (b'~', b"3") => Some(Key::Delete),
                (b'~', b"5") => Some(Key::PageUp),
                (b'~', b"6") => Some(Key::PageDown),
                (b'~', b"11") => Some(Key::F1),
                _ => None,
            };
            (key, end + 2)
        }
        // ESC then another key (Alt-key): taken as Esc, the key read after.
        _ => (Some(Key::Esc), 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_from_bytes() {
        assert_eq!(
            decode(b"dnum\r"),
            [
                Key::Char('d'),
                Key::Char('n'),
                Key::Char('u'),
                Key::Char('m'),
                Key::Enter
            ]
        );
        assert_eq!(decode(b"\x1b"), [Key::Esc]);
        assert_eq!(
            decode(b"\x1b[A\x1b[B\x1bOH\x1b[4~\x1b[5~\x1b[6~\x1bOP"),
            [
                Key::Up,
                Key::Down,
                Key::Home,
                Key::End,
                Key::PageUp,
                Key::PageDown,
                Key::F1
            ]
        );
        assert_eq!(
            decode(b"\x03\x0e\x10\x15\x17\x19\x0f\x7f\t"),
            [
                Key::Ctrl('c'),
                Key::Ctrl('n'),
                Key::Ctrl('p'),
                Key::Ctrl('u'),
                Key::Ctrl('w'),
                Key::Ctrl('y'),
                Key::Ctrl('o'),
                Key::Backspace,
                Key::Tab
            ]
        );
        assert_eq!(decode("é€".as_bytes()), [Key::Char('é'), Key::Char('€')]);
    }
}
