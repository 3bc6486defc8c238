//! Frames drawn in parts: after any sequence of keys, what a long-running
//! screen shows (moves draw only the rows they change) is exactly what a
//! screen drawn whole from scratch shows.

mod common;

use actplan::action::Action;
use actplan::app::App;
use actplan::backend::Lean;
use actplan::screen::Screen;
use common::{SEED, Written, keys, open, path, press, seed_copy};
use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;

/// A screen as in the app, sending to a terminal emulator.
struct Terminal {
    screen: Screen<Lean<Written>>,
    written: Written,
    emulator: vt100::Parser,
}

impl Terminal {
    fn new(app: &App) -> Self {
        let written = Written::default();
        Self {
            screen: Screen::new(Lean::new(CrosstermBackend::new(written.clone()))),
            written,
            emulator: vt100::Parser::new(app.size.height, app.size.width, 0),
        }
    }

    /// Draws a frame; returns every row as the terminal shows it: each
    /// cell's text, colours and attributes.
    fn draw(&mut self, app: &App) -> Vec<String> {
        self.screen.draw(app, app.size.as_size()).unwrap();
        let bytes = self.written.take();
        self.emulator.process(&bytes);
        let screen = self.emulator.screen();
        (0..app.size.height)
            .map(|y| {
                (0..app.size.width)
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

fn press_char(app: &mut App, c: char) {
    match c {
        '\n' => press(app, KeyCode::Enter),
        '\x1b' => press(app, KeyCode::Esc),
        '\t' => press(app, KeyCode::Tab),
        '\x01' => press(app, KeyCode::PageDown),
        '\x02' => press(app, KeyCode::PageUp),
        c => keys(app, &c.to_string()),
    }
}

/// Presses `steps` keys chosen from `KEYS` by a fixed sequence, and after
/// each compares the long-running screen with one drawn from scratch.
fn keys_agree(app: &mut App, steps: usize, mut seed: u64) {
    let mut terminal = Terminal::new(app);
    let alphabet: Vec<char> = KEYS.chars().collect();
    let mut typed = String::new();
    for step in 0..steps {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let c = alphabet[usize::try_from(seed >> 33).unwrap() % alphabet.len()];
        typed.push(c);
        press_char(app, c);
        app.update(Action::Tick);
        let shown = terminal.draw(app);
        let whole = Terminal::new(app).draw(app);
        for (y, (shown, whole)) in shown.iter().zip(&whole).enumerate() {
            assert_eq!(shown, whole, "row {y} after {step} keys {typed:?}");
        }
    }
}

#[test]
fn frames_drawn_in_parts_equal_whole_frames_80x24() {
    let (_dir, copy) = seed_copy();
    for seed in 1..6 {
        // Edits too: the editor opens and closes, a save, undo and redo.
        let mut app = open(std::slice::from_ref(&copy), 80, 24);
        keys_agree(&mut app, 150, seed);
    }
}

#[test]
fn frames_drawn_in_parts_equal_whole_frames_with_two_plans_100x30() {
    let (_one, first) = seed_copy();
    let (_two, second) = seed_copy();
    let mut app = open(&[first, second], 100, 30);
    app.read_only = true;
    keys_agree(&mut app, 200, 11);
}

#[test]
fn frames_drawn_in_parts_equal_whole_frames_120x40_without_colour() {
    let mut app = open(&[path(SEED)], 120, 40);
    app.read_only = true;
    app.no_color = true;
    keys_agree(&mut app, 300, 7);
}

#[test]
fn a_plan_reloaded_from_disk_is_drawn_whole() {
    let (_dir, copy) = seed_copy();
    let mut app = open(std::slice::from_ref(&copy), 80, 24);
    let mut terminal = Terminal::new(&app);
    keys(&mut app, "jj");
    terminal.draw(&app);
    // Someone else saves another budget for the first project.
    let mut plan = actplan::store::load(&copy).unwrap().plan;
    plan.strategies[0].measure_mut(0).projects[0].budget = 9_999;
    actplan::store::save(&copy, &plan).unwrap();
    app.update(Action::Tick);
    let shown = terminal.draw(&app);
    assert!(shown.concat().contains("9,999"), "{shown:#?}");
    assert_eq!(shown, Terminal::new(&app).draw(&app));
}
