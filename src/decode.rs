//! The terminal's bytes as keys and pastes. actplan reads the terminal
//! itself rather than through crossterm's reader, which throws away
//! everything it holds when one sequence is broken: a cut UTF-8 character
//! (an IME or a slow link losing a byte) took the next typed character with
//! it, and two `Esc` pressed together came out as one.
//!
//! Here a broken sequence costs only its own bytes. What crossterm's reader
//! would report for a well-formed sequence is reported the same way, so the
//! keymap and [`crate::input::EscapeJoiner`] see the keys they always saw.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
/// A control sequence longer than this is noise, not a key.
const MAX_SEQUENCE: usize = 32;

/// Bytes read so far that do not yet make a whole key or paste.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: its bytes so far.
    paste: Option<Vec<u8>>,
}

/// What the bytes at the start of `pending` make.
enum Step {
    /// An event (or nothing worth reporting) from this many bytes.
    Took(usize, Option<Event>),
    /// Broken: these bytes are dropped, the rest is read afresh.
    Drop(usize),
    /// A bracketed paste begins after this many bytes.
    PasteStarts(usize),
    /// Not complete yet.
    More,
}

impl Decoder {
    /// Takes bytes just read; returns the events they complete. `more` says
    /// whether further bytes are already waiting (then a lone `Esc` at the
    /// end may still begin a sequence).
    pub fn push(&mut self, bytes: &[u8], more: bool) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut at = 0;
        loop {
            if let Some(paste) = &mut self.paste {
                let rest = &self.pending[at..];
                match find(rest, PASTE_END) {
                    Some(end) => {
                        paste.extend_from_slice(&rest[..end]);
                        let text = String::from_utf8_lossy(paste).into_owned();
                        events.push(Event::Paste(text));
                        self.paste = None;
                        at += end + PASTE_END.len();
                    }
                    None => {
                        // Keep what could be the start of the end marker.
                        let keep = partial_suffix(rest, PASTE_END);
                        paste.extend_from_slice(&rest[..rest.len() - keep]);
                        at = self.pending.len() - keep;
                        break;
                    }
                }
                continue;
            }
            if at == self.pending.len() {
                break;
            }
            match step(&self.pending[at..], more) {
                Step::Took(n, event) => {
                    at += n;
                    events.extend(event);
                }
                Step::Drop(n) => at += n,
                Step::PasteStarts(n) => {
                    at += n;
                    self.paste = Some(Vec::new());
                }
                Step::More => break,
            }
        }
        self.pending.drain(..at);
        events
    }
}

fn step(bytes: &[u8], more: bool) -> Step {
    match bytes[0] {
        ESC => escape(bytes, more),
        b'\r' => key(1, KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => key(1, KeyCode::Tab, KeyModifiers::NONE),
        0x7f => key(1, KeyCode::Backspace, KeyModifiers::NONE),
        0 => key(1, KeyCode::Char(' '), KeyModifiers::CONTROL),
        c @ 0x01..=0x1a => key(
            1,
            KeyCode::Char((c - 1 + b'a') as char),
            KeyModifiers::CONTROL,
        ),
        c @ 0x1c..=0x1f => key(
            1,
            KeyCode::Char((c - 0x1c + b'4') as char),
            KeyModifiers::CONTROL,
        ),
        _ => character(bytes),
    }
}

fn key(len: usize, code: KeyCode, modifiers: KeyModifiers) -> Step {
    Step::Took(len, Some(Event::Key(KeyEvent::new(code, modifiers))))
}

/// One UTF-8 character; a cut or broken one is dropped without the byte
/// that showed it broken, which is read again as the start of a key.
fn character(bytes: &[u8]) -> Step {
    let len = match bytes[0] {
        0x20..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Drop(1),
    };
    let have = bytes.len().min(len);
    if let Some(bad) = (1..have).find(|&i| bytes[i] & 0xc0 != 0x80) {
        return Step::Drop(bad);
    }
    if have < len {
        return Step::More;
    }
    match std::str::from_utf8(&bytes[..len]) {
        Ok(text) => {
            let c = text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            key(len, KeyCode::Char(c), modifiers)
        }
        // Overlong forms and surrogates.
        Err(_) => Step::Drop(len),
    }
}

fn escape(bytes: &[u8], more: bool) -> Step {
    let Some(&next) = bytes.get(1) else {
        return if more {
            Step::More
        } else {
            key(1, KeyCode::Esc, KeyModifiers::NONE)
        };
    };
    match next {
        b'[' => control_sequence(bytes),
        b'O' => match bytes.get(2) {
            None if more => Step::More,
            Some(&b) => match cursor_key(b) {
                Some(code) => key(3, code, KeyModifiers::NONE),
                None => key(
                    2,
                    KeyCode::Char('O'),
                    KeyModifiers::SHIFT | KeyModifiers::ALT,
                ),
            },
            None => key(
                2,
                KeyCode::Char('O'),
                KeyModifiers::SHIFT | KeyModifiers::ALT,
            ),
        },
        // Two `Esc` pressed together are two.
        ESC => key(1, KeyCode::Esc, KeyModifiers::NONE),
        _ => match step(&bytes[1..], more) {
            Step::Took(n, Some(Event::Key(mut k))) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Took(n + 1, Some(Event::Key(k)))
            }
            Step::More => Step::More,
            // `Esc` then something broken: the `Esc` stands.
            _ => key(1, KeyCode::Esc, KeyModifiers::NONE),
        },
    }
}

/// `ESC [ parameters final`.
fn control_sequence(bytes: &[u8]) -> Step {
    if bytes.get(2) == Some(&b'[') {
        // The Linux console's F1 to F5: `ESC [ [ A` …
        return match bytes.get(3) {
            None => Step::More,
            Some(&b @ b'A'..=b'E') => key(4, KeyCode::F(1 + b - b'A'), KeyModifiers::NONE),
            Some(_) => Step::Drop(3),
        };
    }
    let body = &bytes[2..];
    let Some(end) = body.iter().position(|b| !(0x20..=0x3f).contains(b)) else {
        return if bytes.len() > MAX_SEQUENCE {
            Step::Drop(bytes.len())
        } else {
            Step::More
        };
    };
    let last = body[end];
    if !(0x40..=0x7e).contains(&last) {
        // Cut short by a byte that cannot be in a sequence: read it again.
        return Step::Drop(2 + end);
    }
    let len = 2 + end + 1;
    if &bytes[..len] == PASTE_START {
        return Step::PasteStarts(len);
    }
    let params: Vec<u16> = std::str::from_utf8(&body[..end])
        .unwrap_or("")
        .split(';')
        .map(|p| p.split(':').next().unwrap_or("").parse().unwrap_or(0))
        .collect();
    let modifiers = modifiers(params.get(1).copied().unwrap_or(1));
    let code = match last {
        b'~' => tilde_key(params[0]),
        b'Z' => return key(len, KeyCode::BackTab, KeyModifiers::SHIFT),
        b => cursor_key(b),
    };
    Step::Took(len, code.map(|c| Event::Key(KeyEvent::new(c, modifiers))))
}

fn cursor_key(b: u8) -> Option<KeyCode> {
    Some(match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + b - b'P'),
        _ => return None,
    })
}

fn tilde_key(number: u16) -> Option<KeyCode> {
    Some(match number {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        n @ 11..=15 => KeyCode::F((n - 10) as u8),
        n @ 17..=21 => KeyCode::F((n - 11) as u8),
        n @ 23..=24 => KeyCode::F((n - 12) as u8),
        _ => return None,
    })
}

/// xterm's modifier parameter: 1 + a bit each for Shift, Alt and Ctrl.
fn modifiers(parameter: u16) -> KeyModifiers {
    let bits = parameter.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            m |= modifier;
        }
    }
    m
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// How many bytes at the end of `bytes` begin `marker`.
fn partial_suffix(bytes: &[u8], marker: &[u8]) -> usize {
    (1..marker.len())
        .rev()
        .find(|&n| bytes.ends_with(&marker[..n]))
        .unwrap_or(0)
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
