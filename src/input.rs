//! Keys from a slow link. The bytes of one key can arrive apart (`ESC`,
//! then `[B` 50 ms later); the terminal library then reports a lone `Esc`
//! followed by `[` and `B`. This joins them back into the key they were,
//! and lets a lone `Esc` through only once nothing followed it in time.
//!
//! The other way round, keys that arrive together (typed while the app is
//! busy) must not merge: the terminal library reads `ESC` followed by `j`
//! as Alt-j, which the app binds to nothing, so it is given out as the
//! `Esc` and the `j` that were typed.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// How long a lone `Esc` waits for the rest of a sequence.
pub const ESCAPE_WAIT: Duration = Duration::from_millis(150);

#[derive(Debug, Default)]
pub struct EscapeJoiner {
    /// `Esc` and the characters after it, not yet given out.
    held: Vec<KeyEvent>,
    since: Option<Instant>,
}

impl EscapeJoiner {
    /// When the held keys must be given out as they are.
    pub fn deadline(&self) -> Option<Instant> {
        self.since.map(|since| since + ESCAPE_WAIT)
    }

    /// Takes one key; returns the keys ready to act on.
    pub fn push(&mut self, key: KeyEvent, now: Instant) -> Vec<KeyEvent> {
        if let Some(typed) = after_escape(key) {
            let mut out = self.release();
            out.extend([KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), typed]);
            return out;
        }
        if self.held.is_empty() {
            if is_plain(key, KeyCode::Esc) {
                self.held.push(key);
                self.since = Some(now);
                return Vec::new();
            }
            return vec![key];
        }
        let KeyCode::Char(_) = key.code else {
            let mut out = self.release();
            out.push(key);
            return out;
        };
        self.held.push(key);
        let tail: String = self.held[1..]
            .iter()
            .filter_map(|k| match k.code {
                KeyCode::Char(c) => Some(c),
                _ => None,
            })
            .collect();
        match decode(&tail) {
            Decoded::Key(joined) => {
                self.held.clear();
                self.since = None;
                vec![joined]
            }
            Decoded::Partial => Vec::new(),
            Decoded::NotASequence => self.release(),
        }
    }

    /// Gives out the held keys once their time is up.
    pub fn expire(&mut self, now: Instant) -> Vec<KeyEvent> {
        if self.deadline().is_some_and(|d| d <= now) {
            self.release()
        } else {
            Vec::new()
        }
    }

    /// Gives out the held keys at once (something other than a key came).
    pub fn release_now(&mut self) -> Vec<KeyEvent> {
        self.release()
    }

    fn release(&mut self) -> Vec<KeyEvent> {
        self.since = None;
        std::mem::take(&mut self.held)
    }
}

/// The key typed after an `Esc` that the terminal library glued to it
/// (`ESC j` read as Alt-j). Alt with arrows and the like comes as its own
/// sequence (`ESC[1;3A`) and stays.
fn after_escape(key: KeyEvent) -> Option<KeyEvent> {
    let glued = matches!(
        key.code,
        KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab | KeyCode::Backspace
    );
    (glued && key.modifiers.contains(KeyModifiers::ALT)).then(|| KeyEvent {
        modifiers: key.modifiers - KeyModifiers::ALT,
        ..key
    })
}

fn is_plain(key: KeyEvent, code: KeyCode) -> bool {
    key.code == code && key.modifiers == KeyModifiers::NONE && key.kind != KeyEventKind::Release
}

enum Decoded {
    Key(KeyEvent),
    Partial,
    NotASequence,
}

/// Reads what followed `Esc`: `[A`, `OB`, `[5~`, `[1;5C`, ….
fn decode(tail: &str) -> Decoded {
    let mut chars = tail.chars();
    let introducer = chars.next();
    let rest = chars.as_str();
    if !matches!(introducer, Some('[' | 'O')) {
        return Decoded::NotASequence;
    }
    let Some(last) = rest.chars().last() else {
        return Decoded::Partial;
    };
    if last.is_ascii_digit() || last == ';' {
        return if rest.len() < 8 {
            Decoded::Partial
        } else {
            Decoded::NotASequence
        };
    }
    let params = &rest[..rest.len() - last.len_utf8()];
    let mut numbers = params.split(';').map(|p| p.parse::<u8>().ok());
    let first = numbers.next().flatten();
    let modifiers = match numbers.next().flatten() {
        Some(2) => KeyModifiers::SHIFT,
        Some(3) => KeyModifiers::ALT,
        Some(5) => KeyModifiers::CONTROL,
        _ => KeyModifiers::NONE,
    };
    let code = match (last, first) {
        ('A', _) => KeyCode::Up,
        ('B', _) => KeyCode::Down,
        ('C', _) => KeyCode::Right,
        ('D', _) => KeyCode::Left,
        ('H', _) | ('~', Some(1 | 7)) => KeyCode::Home,
        ('F', _) | ('~', Some(4 | 8)) => KeyCode::End,
        ('Z', _) => KeyCode::BackTab,
        ('P', _) => KeyCode::F(1),
        ('Q', _) => KeyCode::F(2),
        ('R', _) => KeyCode::F(3),
        ('S', _) => KeyCode::F(4),
        ('~', Some(2)) => KeyCode::Insert,
        ('~', Some(3)) => KeyCode::Delete,
        ('~', Some(5)) => KeyCode::PageUp,
        ('~', Some(6)) => KeyCode::PageDown,
        _ => return Decoded::NotASequence,
    };
    Decoded::Key(KeyEvent::new(code, modifiers))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::{ESCAPE_WAIT, EscapeJoiner};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn feed(joiner: &mut EscapeJoiner, keys: &[KeyCode], at: Instant) -> Vec<KeyCode> {
        keys.iter()
            .flat_map(|&k| joiner.push(key(k), at))
            .map(|k| k.code)
            .collect()
    }

    #[test]
    fn a_split_arrow_key_is_joined() {
        let t = Instant::now();
        let mut j = EscapeJoiner::default();
        assert_eq!(feed(&mut j, &[KeyCode::Esc], t), []);
        let later = t + Duration::from_millis(50);
        assert_eq!(
            feed(&mut j, &[KeyCode::Char('['), KeyCode::Char('B')], later),
            [KeyCode::Down]
        );
        assert_eq!(j.expire(t + Duration::from_secs(1)), []);
        assert_eq!(
            feed(
                &mut j,
                &[
                    KeyCode::Esc,
                    KeyCode::Char('['),
                    KeyCode::Char('6'),
                    KeyCode::Char('~')
                ],
                t
            ),
            [KeyCode::PageDown]
        );
        let ctrl_right: Vec<KeyEvent> = "[1;5C".chars().chain(std::iter::once('x')).fold(
            j.push(key(KeyCode::Esc), t),
            |mut acc, c| {
                acc.extend(j.push(key(KeyCode::Char(c)), t));
                acc
            },
        );
        assert_eq!(
            ctrl_right,
            [
                KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL),
                key(KeyCode::Char('x'))
            ]
        );
    }

    #[test]
    fn a_lone_escape_waits_then_goes_through() {
        let t = Instant::now();
        let mut j = EscapeJoiner::default();
        assert_eq!(feed(&mut j, &[KeyCode::Esc], t), []);
        assert_eq!(j.expire(t + Duration::from_millis(100)), []);
        let out: Vec<KeyCode> = j.expire(t + ESCAPE_WAIT).iter().map(|k| k.code).collect();
        assert_eq!(out, [KeyCode::Esc]);
    }

    #[test]
    fn escape_then_an_ordinary_key_is_both() {
        let t = Instant::now();
        let mut j = EscapeJoiner::default();
        assert_eq!(
            feed(&mut j, &[KeyCode::Esc, KeyCode::Char('q')], t),
            [KeyCode::Esc, KeyCode::Char('q')]
        );
        assert_eq!(
            feed(&mut j, &[KeyCode::Esc, KeyCode::Enter], t),
            [KeyCode::Esc, KeyCode::Enter]
        );
        assert_eq!(
            feed(
                &mut j,
                &[KeyCode::Esc, KeyCode::Char('['), KeyCode::Char('x')],
                t
            ),
            [KeyCode::Esc, KeyCode::Char('['), KeyCode::Char('x')],
            "not a sequence: everything typed stays"
        );
    }

    #[test]
    fn escape_read_together_with_the_next_key_is_both() {
        // Typed while the app was busy: `ESC j` read at once (Alt-j).
        let t = Instant::now();
        let mut j = EscapeJoiner::default();
        let alt = |code| KeyEvent::new(code, KeyModifiers::ALT);
        assert_eq!(
            j.push(alt(KeyCode::Char('j')), t),
            [key(KeyCode::Esc), key(KeyCode::Char('j'))]
        );
        assert_eq!(
            j.push(alt(KeyCode::Enter), t),
            [key(KeyCode::Esc), key(KeyCode::Enter)]
        );
        // An Esc held, then `ESC名` read at once: both Escs, in order.
        assert_eq!(feed(&mut j, &[KeyCode::Esc], t), []);
        assert_eq!(
            j.push(alt(KeyCode::Char('名')), t)
                .iter()
                .map(|k| k.code)
                .collect::<Vec<_>>(),
            [KeyCode::Esc, KeyCode::Esc, KeyCode::Char('名')]
        );
        let alt_up = KeyEvent::new(KeyCode::Up, KeyModifiers::ALT);
        assert_eq!(j.push(alt_up, t), [alt_up], "a key of its own");
    }

    #[test]
    fn escape_then_text_within_the_wait_stays_text() {
        // Text that does not make a key, typed (or pasted as keys) right
        // after an Esc, is given out as typed, nothing merged or lost.
        let t = Instant::now();
        let mut j = EscapeJoiner::default();
        let typed: Vec<KeyCode> = std::iter::once(KeyCode::Esc)
            .chain("名前jjdy".chars().map(KeyCode::Char))
            .collect();
        assert_eq!(feed(&mut j, &typed, t + Duration::from_millis(10)), typed);
        assert_eq!(j.deadline(), None, "nothing held");
    }

    #[test]
    fn a_paste_takes_out_what_is_held_first() {
        let t = Instant::now();
        let mut j = EscapeJoiner::default();
        assert_eq!(feed(&mut j, &[KeyCode::Esc, KeyCode::Char('[')], t), []);
        let out: Vec<KeyCode> = j.release_now().iter().map(|k| k.code).collect();
        assert_eq!(out, [KeyCode::Esc, KeyCode::Char('[')]);
        assert_eq!(j.deadline(), None);
    }
}
