//! Frames drawn in parts and ahead: after any sequence of keys, what a
//! long-running screen shows (moves draw only the rows they change, or
//! send frames drawn before the key) is exactly what a screen drawn whole
//! from scratch shows.

mod common;

use actplan::action::Action;
use actplan::app::App;
use actplan::backend::Lean;
use actplan::screen::Screen;
use actplan::ui::Shown;
use common::{SEED, Written, keys, open, path, peek, press_event, seed_copy};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::CrosstermBackend;

/// A screen as in the app, sending to a terminal emulator.
struct Terminal {
    screen: Screen<Lean<Written>>,
    written: Written,
    emulator: vt100::Parser,
    /// Draws the frames of the likely next moves after each frame, as the
    /// app does while the user reads.
    ahead: bool,
}

impl Terminal {
    fn new(app: &App) -> Self {
        let written = Written::default();
        Self {
            screen: Screen::new(Lean::new(CrosstermBackend::new(written.clone()))),
            written,
            emulator: vt100::Parser::new(peek::size(app).height, peek::size(app).width, 0),
            ahead: false,
        }
    }

    fn drawing_ahead(app: &App) -> Self {
        Self {
            ahead: true,
            ..Self::new(app)
        }
    }

    /// Draws a frame; returns the bytes sent.
    fn send(&mut self, app: &mut App) -> Vec<u8> {
        self.screen.draw(app, peek::size(app).as_size()).unwrap();
        let bytes = self.written.take();
        if self.ahead {
            self.screen.draw_ahead(app, || false);
        }
        // Drawing ahead sends nothing.
        assert!(self.written.take().is_empty());
        self.emulator.process(&bytes);
        bytes
    }

    /// Draws a frame; returns every row as the terminal shows it: each
    /// cell's text, colours and attributes.
    fn draw(&mut self, app: &mut App) -> Vec<String> {
        self.send(app);
        let screen = self.emulator.screen();
        let size = peek::size(app);
        (0..size.height)
            .map(|y| {
                (0..size.width)
                    .filter_map(|x| screen.cell(y, x))
                    .filter(|cell| !cell.is_wide_continuation())
                    .map(|cell| {
                        let text = match cell.contents() {
                            "" => " ",
                            text => text,
                        };
                        // On a blank, only the background, underline and
                        // reverse video can be seen.
                        let blank = text == " ";
                        let look = (
                            if blank {
                                vt100::Color::Default
                            } else {
                                cell.fgcolor()
                            },
                            cell.bgcolor(),
                            cell.bold() && !blank,
                            cell.dim() && !blank,
                            cell.italic() && !blank,
                            cell.underline(),
                            cell.inverse(),
                        );
                        let plain = (
                            vt100::Color::Default,
                            vt100::Color::Default,
                            false,
                            false,
                            false,
                            false,
                            false,
                        );
                        if look == plain {
                            text.to_owned()
                        } else {
                            format!("{text}{look:?}")
                        }
                    })
                    .collect()
            })
            .collect()
    }
}

/// Keys a reviewer uses, moves weighted heavily, an edit and a save; `\n` is Enter, `\x1b`
/// Esc, `\t` Tab, `\x01` PageDown, `\x02` PageUp.
const KEYS: &str =
    "e\x1bwjjjjjjkkkkGgjkjk\x01\x02hlljjk\t\tjk0123 1/制\n\x1bnN\x1bJKuU?\x1bf\x1bx\x1b";

fn key_event(c: char) -> KeyEvent {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\x1b' => KeyCode::Esc,
        '\t' => KeyCode::Tab,
        '\x01' => KeyCode::PageDown,
        '\x02' => KeyCode::PageUp,
        c => KeyCode::Char(c),
    };
    let modifiers = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(code, modifiers)
}

fn press_char(app: &mut App, c: char) {
    press_event(app, key_event(c));
}

/// The next of a fixed sequence of keys from `KEYS`.
fn next_key(seed: &mut u64) -> char {
    *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let alphabet: Vec<char> = KEYS.chars().collect();
    alphabet[usize::try_from(*seed >> 33).unwrap() % alphabet.len()]
}

/// Presses `steps` keys chosen from `KEYS` by a fixed sequence, and after
/// each compares the long-running screen with one drawn from scratch.
fn keys_agree(app: &mut App, mut terminal: Terminal, steps: usize, mut seed: u64) {
    let mut typed = String::new();
    for step in 0..steps {
        let c = next_key(&mut seed);
        typed.push(c);
        press_char(app, c);
        app.update(Action::Tick);
        let shown = terminal.draw(app);
        let whole = Terminal::new(app).draw(app);
        for (y, (shown, whole)) in shown.iter().zip(&whole).enumerate() {
            assert_eq!(shown, whole, "row {y} after {step} keys {typed:?}");
        }
    }
    if terminal.ahead {
        assert!(terminal.screen.frames_sent_ahead() > 0, "{typed:?}");
    }
}

#[test]
fn frames_drawn_in_parts_equal_whole_frames_80x24() {
    let (_dir, copy) = seed_copy();
    for seed in 1..6 {
        // Edits too: the editor opens and closes, a save, undo and redo.
        let mut app = open(std::slice::from_ref(&copy), 80, 24);
        let terminal = Terminal::new(&app);
        keys_agree(&mut app, terminal, 150, seed);
    }
}

#[test]
fn frames_drawn_in_parts_equal_whole_frames_with_two_plans_100x30() {
    let (_one, first) = seed_copy();
    let (_two, second) = seed_copy();
    let mut app = open(&[first, second], 100, 30);
    peek::set_read_only(&mut app);
    let terminal = Terminal::new(&app);
    keys_agree(&mut app, terminal, 200, 11);
}

#[test]
fn frames_drawn_in_parts_equal_whole_frames_120x40_without_colour() {
    let mut app = open(&[path(SEED)], 120, 40);
    peek::set_read_only(&mut app);
    peek::set_no_color(&mut app);
    let terminal = Terminal::new(&app);
    keys_agree(&mut app, terminal, 300, 7);
}

#[test]
fn frames_drawn_ahead_equal_whole_frames_80x24() {
    let (_dir, copy) = seed_copy();
    for seed in 1..4 {
        let mut app = open(std::slice::from_ref(&copy), 80, 24);
        let terminal = Terminal::drawing_ahead(&app);
        keys_agree(&mut app, terminal, 150, seed);
    }
}

#[test]
fn frames_drawn_ahead_equal_whole_frames_with_two_plans_120x40() {
    let (_one, first) = seed_copy();
    let (_two, second) = seed_copy();
    let mut app = open(&[first, second], 120, 40);
    peek::set_read_only(&mut app);
    let terminal = Terminal::drawing_ahead(&app);
    keys_agree(&mut app, terminal, 200, 12);
}

#[test]
fn a_move_drawn_ahead_sends_the_bytes_it_sends_drawn_on_the_key() {
    // Two plans on a short screen: the tree scrolls.
    let (_one, first) = seed_copy();
    let (_two, second) = seed_copy();
    let mut app = open(&[first, second], 80, 16);
    peek::set_read_only(&mut app);
    assert!(peek::row_count(&app) > 20, "{}", peek::row_count(&app));
    let mut ahead = Terminal::drawing_ahead(&app);
    let mut on_key = Terminal::new(&app);
    // Down past the window (the tree scrolls), back up, pages, and the
    // fields of the detail pane (down and up: every kind of node has two
    // fields at least, so each moves whichever node it is).
    let moves = format!(
        "{}{}\x01\x01\x02\tjkjk\x01\x02",
        "j".repeat(20),
        "k".repeat(15)
    );
    for (step, c) in moves.chars().enumerate() {
        press_char(&mut app, c);
        app.update(Action::Tick);
        assert_eq!(
            ahead.send(&mut app),
            on_key.send(&mut app),
            "after {step} keys"
        );
    }
    // Every key but the first (nothing was drawn ahead yet) and `Tab`,
    // which is not a move.
    let expected = moves.chars().count() - 1 - 1;
    assert_eq!(ahead.screen.frames_sent_ahead(), expected as u64);
    assert_eq!(on_key.screen.frames_sent_ahead(), 0);
}

#[test]
fn a_preview_shows_what_the_move_will_do_and_changes_nothing() {
    // Two plans on a short screen: moves scroll the tree.
    let (_one, first) = seed_copy();
    let (_two, second) = seed_copy();
    let mut app = open(&[first, second], 80, 16);
    peek::set_read_only(&mut app);
    let area = peek::size(&app);
    let mut seed = 5;
    let mut previewed = 0;
    for step in 0..400 {
        let c = next_key(&mut seed);
        let Some(action) = peek::resolve(&app, key_event(c)) else {
            press_char(&mut app, c);
            continue;
        };
        let before = Shown::of(&app, area);
        let preview = app.preview(action.clone(), |moved| Shown::of(moved, area));
        assert_eq!(Shown::of(&app, area), before, "step {step}");
        app.update(action.clone());
        if let Some(preview) = preview {
            assert_eq!(preview, Shown::of(&app, area), "step {step}: {action:?}");
            previewed += 1;
        }
    }
    assert!(previewed > 40, "{previewed}");
}

#[test]
fn a_plan_reloaded_from_disk_is_drawn_whole() {
    let (_dir, copy) = seed_copy();
    let mut app = open(std::slice::from_ref(&copy), 80, 24);
    let mut terminal = Terminal::drawing_ahead(&app);
    keys(&mut app, "jj");
    terminal.draw(&mut app);
    // Someone else saves another budget for a project.
    let mut plan = actplan::store::load(&copy).unwrap().plan;
    common::named::project_mut(&mut plan, common::drive::seed::ACTIVATION).budget = Some(9_999);
    actplan::store::save(&copy, &plan).unwrap();
    app.update(Action::Tick);
    let shown = terminal.draw(&mut app);
    assert!(shown.concat().contains("9,999"), "{shown:#?}");
    assert_eq!(shown, Terminal::new(&app).draw(&mut app));
    assert_eq!(terminal.screen.frames_sent_ahead(), 0);
}

#[test]
fn nothing_is_drawn_ahead_while_a_key_waits() {
    let mut app = open(&[path(SEED)], 80, 24);
    let mut terminal = Terminal::new(&app);
    terminal.draw(&mut app);
    let mut asked = 0;
    terminal.screen.draw_ahead(&mut app, || {
        asked += 1;
        true
    });
    keys(&mut app, "j");
    let shown = terminal.draw(&mut app);
    assert_eq!(asked, 1);
    assert_eq!(terminal.screen.frames_sent_ahead(), 0);
    assert_eq!(shown, Terminal::new(&app).draw(&mut app));
}

#[test]
fn a_frame_drawn_against_an_earlier_picture_is_not_sent() {
    let mut app = open(&[path(SEED)], 80, 24);
    let mut terminal = Terminal::new(&app);
    keys(&mut app, "jjj");
    terminal.draw(&mut app);
    // Up from here leads to row 2, drawn against row 3's picture.
    terminal.screen.draw_ahead(&mut app, || false);
    keys(&mut app, "j");
    terminal.draw(&mut app);
    assert_eq!(terminal.screen.frames_sent_ahead(), 1);
    // Keys arrive in a burst: nothing is drawn ahead for row 4.
    terminal.screen.draw_ahead(&mut app, || true);
    keys(&mut app, "kk");
    let shown = terminal.draw(&mut app);
    assert_eq!(terminal.screen.frames_sent_ahead(), 1);
    assert_eq!(shown, Terminal::new(&app).draw(&mut app));
}

#[test]
fn moves_in_the_help_are_drawn_on_a_running_screen() {
    let mut app = open(&[path(SEED)], 80, 24);
    peek::set_read_only(&mut app);
    let mut terminal = Terminal::drawing_ahead(&app);
    terminal.draw(&mut app);
    // A move scrolls the help (it moves no selection, yet changes the
    // screen); after the help, it moves the selection.
    for typed in ["?", "j", "j", "k", "\x1b", "j"] {
        let before = terminal.draw(&mut app);
        for c in typed.chars() {
            press_char(&mut app, c);
        }
        app.update(Action::Tick);
        let shown = terminal.draw(&mut app);
        assert!(shown != before, "{typed:?} changes the screen");
        assert_eq!(shown, Terminal::new(&app).draw(&mut app), "after {typed:?}");
    }
}
