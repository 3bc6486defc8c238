use crossterm::event::{Event, KeyCode, KeyModifiers};

use super::{Decoder, PASTE_END, PASTE_START};

fn keys(events: &[Event]) -> Vec<(KeyCode, KeyModifiers)> {
    events
        .iter()
        .map(|e| match e {
            Event::Key(k) => (k.code, k.modifiers),
            other => panic!("not a key: {other:?}"),
        })
        .collect()
}

fn plain(code: KeyCode) -> (KeyCode, KeyModifiers) {
    (code, KeyModifiers::NONE)
}

fn decode(bytes: &[u8]) -> Vec<(KeyCode, KeyModifiers)> {
    keys(&Decoder::default().push(bytes, false))
}

#[test]
fn a_cut_character_does_not_take_the_next_one_with_it() {
    // The first two bytes of あ, then `a`: crossterm's reader lost the `a`.
    assert_eq!(decode(b"\xe3\x81a"), [plain(KeyCode::Char('a'))]);
    assert_eq!(
        decode(b"\xe3\x81\xe3\x81\x84"),
        [plain(KeyCode::Char('い'))]
    );
    assert_eq!(decode(b"\xe3\x81\r"), [plain(KeyCode::Enter)]);
    assert_eq!(
        decode(b"\xe3\x81\x1b[B"),
        [plain(KeyCode::Down)],
        "nor a key's sequence"
    );
    // Bytes that never begin a character cost only themselves.
    assert_eq!(
        decode(b"\x80\xffx\xc0\xafy"),
        [plain(KeyCode::Char('x')), plain(KeyCode::Char('y'))]
    );
}

#[test]
fn a_character_split_between_reads_is_joined() {
    let mut d = Decoder::default();
    assert!(d.push(b"\xe6\x97", false).is_empty());
    assert_eq!(
        keys(&d.push(b"\xa5\xe6", false)),
        [plain(KeyCode::Char('日'))]
    );
    assert_eq!(
        keys(&d.push(b"\x9c\xac", false)),
        [plain(KeyCode::Char('本'))]
    );
}

#[test]
fn text_and_control_keys_read_as_crossterm_reads_them() {
    assert_eq!(
        decode(b"aG\r\t\x7f\x01\x00"),
        [
            plain(KeyCode::Char('a')),
            (KeyCode::Char('G'), KeyModifiers::SHIFT),
            plain(KeyCode::Enter),
            plain(KeyCode::Tab),
            plain(KeyCode::Backspace),
            (KeyCode::Char('a'), KeyModifiers::CONTROL),
            (KeyCode::Char(' '), KeyModifiers::CONTROL),
        ]
    );
}

#[test]
fn sequences_give_their_keys() {
    assert_eq!(
        decode(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[3~\x1b[H\x1b[4~\x1b[Z\x1bOP\x1b[15~"),
        [
            plain(KeyCode::Up),
            plain(KeyCode::Down),
            plain(KeyCode::PageUp),
            plain(KeyCode::PageDown),
            plain(KeyCode::Delete),
            plain(KeyCode::Home),
            plain(KeyCode::End),
            (KeyCode::BackTab, KeyModifiers::SHIFT),
            plain(KeyCode::F(1)),
            plain(KeyCode::F(5)),
        ]
    );
    assert_eq!(
        decode(b"\x1b[1;5C\x1b[1;2A"),
        [
            (KeyCode::Right, KeyModifiers::CONTROL),
            (KeyCode::Up, KeyModifiers::SHIFT),
        ]
    );
}

#[test]
fn escape_alone_twice_or_before_a_key() {
    assert_eq!(decode(b"\x1b"), [plain(KeyCode::Esc)]);
    assert_eq!(
        decode(b"\x1b\x1b"),
        [plain(KeyCode::Esc), plain(KeyCode::Esc)]
    );
    // As crossterm reports it; the escape joiner gives it out as `Esc`, `j`.
    assert_eq!(decode(b"\x1bj"), [(KeyCode::Char('j'), KeyModifiers::ALT)]);
    let mut d = Decoder::default();
    assert!(d.push(b"\x1b", true).is_empty(), "more is coming");
    assert_eq!(keys(&d.push(b"[B", false)), [plain(KeyCode::Down)]);
}

#[test]
fn broken_and_unknown_sequences_cost_only_themselves() {
    assert_eq!(decode(b"\x1b[?1;2cj"), [plain(KeyCode::Char('j'))]);
    assert_eq!(decode(b"\x1b[12\xe3\x81\x82"), [plain(KeyCode::Char('あ'))]);
    // A sequence that never ends is given up, not waited for forever.
    let mut d = Decoder::default();
    let long = [b"\x1b[".as_slice(), &[b'1'; 40]].concat();
    assert!(d.push(&long, false).is_empty());
    assert_eq!(keys(&d.push(b"k", false)), [plain(KeyCode::Char('k'))]);
}

#[test]
fn a_paste_comes_whole_even_in_pieces() {
    let mut d = Decoder::default();
    assert!(d.push(b"x\x1b[200~line 1\r\nj", false).len() == 1);
    assert!(d.push("dy 名".as_bytes(), false).is_empty());
    assert!(d.push(b"\x1b[20", false).is_empty());
    let events = d.push(b"1~q", false);
    assert_eq!(events.len(), 2);
    assert_eq!(events[0], Event::Paste("line 1\r\njdy 名".into()));
    assert_eq!(keys(&events[1..]), [plain(KeyCode::Char('q'))]);
}

#[test]
fn a_large_paste_is_read_in_linear_time() {
    let mut d = Decoder::default();
    d.push(PASTE_START, false);
    let chunk = "概要の本文。".repeat(100);
    for _ in 0..2_000 {
        assert!(d.push(chunk.as_bytes(), false).is_empty());
    }
    let events = d.push(PASTE_END, false);
    let [Event::Paste(text)] = events.as_slice() else {
        panic!("{events:?}")
    };
    assert_eq!(text.len(), chunk.len() * 2_000);
}
