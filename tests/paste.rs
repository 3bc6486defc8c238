//! Pasting, in the app without a terminal: a paste is one action, taken
//! whole by the editor or the prompt line and never run as commands.

mod common;

use actplan::action::Action;
use actplan::backend::Lean;
use actplan::model::fields::Field;
use actplan::screen::Screen;
use actplan::store;
use common::drive::{go_to, seed, to_field};
use common::named::project;
use common::{Written, ctrl, keys, open, peek, press, screen_text, seed_copy};
use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;

/// What the issue pasted: a name, a line break, then keys that would move
/// down twice, delete and confirm.
const NAME_THEN_KEYS: &str = "名前\njjdy";

fn paste(app: &mut actplan::app::App, text: &str) {
    app.update(Action::Paste(text.to_owned()));
}

#[test]
fn a_paste_in_the_tree_changes_nothing_and_says_where_paste_works() {
    let (_dir, path) = seed_copy();
    let before = std::fs::read(&path).unwrap();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go_to(&mut app, seed::ACTIVATION);
    let plan = peek::plan(&app);
    paste(&mut app, NAME_THEN_KEYS);
    assert_eq!(peek::plan(&app), plan, "no rename, move or delete");
    assert!(peek::selected_is(&app, seed::ACTIVATION), "no move");
    let text = screen_text(&app);
    assert!(
        text.contains("paste ignored: paste works in the editor"),
        "{text}"
    );
    assert!(!peek::dirty(&app));
    assert!(!peek::editing(&app) && peek::prompt_text(&app).is_none());
    assert!(!text.contains("Delete"), "no question asked: {text}");
    keys(&mut app, "w");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );

    // The same from the detail pane, and in Japanese.
    peek::set_lang(&mut app, actplan::words::Lang::Ja);
    press(&mut app, KeyCode::Tab);
    paste(&mut app, NAME_THEN_KEYS);
    assert!(screen_text(&app).contains("貼り付けは編集欄で使えます"));
    assert_eq!(peek::plan(&app), plan);
}

#[test]
fn a_paste_into_a_question_is_ignored() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go_to(&mut app, seed::PLATFORM);
    let plan = peek::plan(&app);
    keys(&mut app, "d");
    assert!(screen_text(&app).contains("Delete"));
    paste(&mut app, "y");
    press(&mut app, KeyCode::Esc);
    assert_eq!(peek::plan(&app), plan, "the paste did not answer yes");
}

/// Opens the editor on a project's 概要 (overview).
fn edit_overview(app: &mut actplan::app::App) -> String {
    go_to(app, seed::PLATFORM);
    to_field(app, Field::Overview);
    press(app, KeyCode::Enter);
    assert!(screen_text(app).contains("編集: 概要"));
    project(&peek::plan(app), seed::PLATFORM).overview.clone()
}

#[test]
fn a_paste_into_the_overview_editor_is_the_text_typed_whole() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    let original = edit_overview(&mut app);
    // Terminals send line breaks as carriage returns.
    paste(&mut app, &NAME_THEN_KEYS.replace('\n', "\r"));
    assert!(peek::editing(&app), "still editing");
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 's');
    let saved = store::load(&path).unwrap().plan;
    assert_eq!(
        project(&saved, seed::PLATFORM).overview,
        format!("{original}{NAME_THEN_KEYS}"),
        "exactly the pasted text, at the caret"
    );
    let before = store::load(std::path::Path::new(common::SEED))
        .unwrap()
        .plan;
    assert_eq!(
        actplan::model::totals::plan_total(&saved).projects,
        actplan::model::totals::plan_total(&before).projects,
        "nothing deleted"
    );
}

/// Many lines of Japanese text, about `bytes` long.
fn long_text(bytes: usize) -> String {
    let line = "県庁活性化促進事業の概要、第一段階の取組み。\n";
    line.repeat(bytes / line.len() + 1)
}

#[test]
fn a_large_paste_is_one_edit_however_long() {
    for size in [20_000, 200_000] {
        let (_dir, path) = seed_copy();
        let mut app = open(std::slice::from_ref(&path), 100, 30);
        let original = edit_overview(&mut app);
        let text = long_text(size);
        paste(&mut app, &text);
        assert_eq!(
            peek::editor_text(&app).unwrap(),
            format!("{original}{text}")
        );
        // One undo in the editor takes the whole paste away: it went in as
        // one insertion, not key by key (each key re-lays the whole text).
        ctrl(&mut app, 'u');
        assert_eq!(peek::editor_text(&app).unwrap(), original, "{size} bytes");
    }
}

#[test]
fn a_paste_into_a_one_line_editor_or_the_search_line_is_one_line() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go_to(&mut app, seed::PLATFORM);
    to_field(&mut app, Field::Name);
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("編集: 事業名"));
    paste(&mut app, "（第2期）\r\n拡充\r\n");
    press(&mut app, KeyCode::Enter);
    let renamed = format!("{}（第2期） 拡充", seed::PLATFORM);
    project(&peek::plan(&app), &renamed);

    press(&mut app, KeyCode::Tab);
    keys(&mut app, "g/");
    paste(&mut app, "県庁\r\n");
    assert_eq!(peek::prompt_text(&app).unwrap(), "県庁");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("for \"県庁\" (n next"), "{text}");
}

/// The bytes a frame sends to the terminal.
fn frame_bytes(app: &mut actplan::app::App) -> Vec<u8> {
    let written = Written::default();
    let mut screen = Screen::new(Lean::new(CrosstermBackend::new(written.clone())));
    screen.draw(app, peek::size(app).as_size()).unwrap();
    written.take()
}

fn assert_no_control_from_text(bytes: &[u8], when: &str) {
    let text = String::from_utf8_lossy(bytes);
    for bad in [
        "\u{1b}]", "\u{7}", "\u{9b}", "\u{85}", "\u{202e}", "\u{2066}",
    ] {
        assert!(!text.contains(bad), "{bad:?} reached the terminal {when}");
    }
}

#[test]
fn controls_in_pasted_text_never_reach_the_terminal() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    edit_overview(&mut app);
    let hostile =
        "題\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{1b}]0;title\u{7}\u{9b}2J\u{85}\u{202e}逆\u{2066}文";
    paste(&mut app, hostile);
    assert_no_control_from_text(&frame_bytes(&mut app), "while editing");
    press(&mut app, KeyCode::Esc);
    let plan = peek::plan(&app);
    let overview = &project(&plan, seed::PLATFORM).overview;
    assert!(overview.ends_with("題]52;c;ZWNobyBoaQ==]0;title2J\u{202e}逆\u{2066}文"));
    assert_no_control_from_text(&frame_bytes(&mut app), "in the detail pane");
    assert!(screen_text(&app).contains("逆"));
}
