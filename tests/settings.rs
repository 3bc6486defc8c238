//! The settings file: every setting has an effect, a broken file is
//! reported with line and column while the app starts with the defaults,
//! and `NO_COLOR` takes the colours out.

mod common;

use actplan::config::{self, Config};
use actplan::model::fields::Field;
use common::drive::{edit_field, go_to, seed, to_tree};
use common::named::project;
use common::pty::{Session, plan_dir};
use common::{SEED, ctrl, keys, open, path, peek, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

fn settings(text: &str) -> Config {
    config::parse(text).unwrap()
}

#[test]
fn the_default_settings_file_and_its_path_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_actplan");
    let out = std::process::Command::new(bin)
        .args(["config", "--default"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(config::parse(&text), Ok(Config::default()), "{text}");
    assert!(text.contains("backups: 1"));
    let out = std::process::Command::new(bin)
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", dir.path().join("actplan/config.ron").display())
    );
}

#[test]
fn a_broken_settings_file_is_reported_and_the_app_starts_anyway() {
    let dir = plan_dir();
    let home = dir.path().join("config");
    std::fs::create_dir_all(home.join("actplan")).unwrap();
    std::fs::write(
        home.join("actplan/config.ron"),
        "(\n    backups: \"two\",\n)\n",
    )
    .unwrap();
    let mut session = Session::actplan(dir.path(), &[], &[("XDG_CONFIG_HOME", &home)], (100, 30));
    session.wait_for_text("169,051");
    session.wait_for_text("config.ron:2:13:");
    session.wait_for_text("(using the default settings)");
    session.send(b"q");
    session.expect_clean_exit();
}

#[test]
fn settings_take_effect() {
    let (dir, file) = seed_copy();
    let mut app = open(std::slice::from_ref(&file), 100, 30);
    peek::apply_settings(
        &mut app,
        &settings(
            "(dates: Gregorian, backups: 2, keys: [(context: \"Tree\", key: \"Ctrl-D\", action: \"Delete\"), (context: \"Tree\", key: \"Q\", action: \"Fly\")],
              evaluation_scale: Some([(name: \"A\", marker: \"A\", colour: Green), (name: \"B\", marker: \"B\", colour: Red)]))",
        ),
        false,
    );
    go_to(&mut app, seed::PLATFORM);
    let text = screen_text(&app);
    assert!(
        text.contains("2023-04..2024-03") && !text.contains("R5.4～R6.3"),
        "dates: {text}"
    );
    assert!(
        text.contains("settings: key `Q` in Tree: no action `Fly`"),
        "{text}"
    );
    ctrl(&mut app, 'd');
    assert!(
        screen_text(&app).contains("and everything under it?"),
        "the extra key works"
    );
    press(&mut app, KeyCode::Esc);
    // The plan's evaluation scale is the configured one.
    edit_field(&mut app, Field::Evaluation);
    keys(&mut app, "B");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    assert!(
        screen_text(&app).contains("[B]サービス連携"),
        "{}",
        screen_text(&app)
    );
    // Two earlier versions are kept.
    for budget in ["1", "2"] {
        edit_field(&mut app, Field::Budget);
        for _ in 0..10 {
            press(&mut app, KeyCode::Backspace);
        }
        keys(&mut app, budget);
        press(&mut app, KeyCode::Enter);
        to_tree(&mut app);
        keys(&mut app, "w");
    }
    let load = |name: &str| actplan::store::load(&dir.path().join(name)).unwrap().plan;
    let budget = |name: &str| project(&load(name), seed::PLATFORM).budget.unwrap_or(0);
    assert_eq!(budget("plan.ron"), 2);
    assert_eq!(budget("plan.ron~"), 1);
    assert_eq!(budget("plan.ron~2"), 142_600);
}

#[test]
fn no_color_draws_without_colours_and_keeps_the_markers() {
    let mut app = open(&[path(SEED)], 80, 24);
    let coloured = common::draw(&app);
    let has_colour =
        |t: &actplan::screen::Screen<ratatui::backend::TestBackend>| {
            t.backend().buffer().content.iter().any(|c| {
                c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset
            })
        };
    assert!(has_colour(&coloured));
    peek::set_no_color(&mut app);
    let plain = common::draw(&app);
    assert!(!has_colour(&plain));
    let selected = plain
        .backend()
        .buffer()
        .content
        .iter()
        .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(selected, "the selection still shows, in reverse video");
}

#[test]
fn the_interface_speaks_japanese_and_the_plan_stays_as_it_is() {
    let (_dir, file) = seed_copy();
    let mut app = open(std::slice::from_ref(&file), 100, 30);
    peek::set_lang(&mut app, actplan::words::Lang::Ja);
    let text = screen_text(&app);
    assert!(text.contains(" ツリー "), "mode: {text}");
    assert!(
        text.contains("j 移動") && text.contains("q 終了"),
        "hints: {text}"
    );
    assert!(text.contains("県庁オープン化戦略"), "content as written");
    keys(&mut app, "?");
    let text = screen_text(&app);
    assert!(
        text.contains("キー一覧") && text.contains("次の行"),
        "help: {text}"
    );
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "a");
    keys(&mut app, "確認");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "w");
    assert!(
        screen_text(&app).contains("plan.ron を保存しました"),
        "{}",
        screen_text(&app)
    );
    keys(&mut app, "q");
    assert!(peek::quit(&app));
}

#[test]
fn lang_flag_and_locale_choose_the_language() {
    let dir = plan_dir();
    let mut session = Session::actplan(dir.path(), &["--lang", "ja"], &[], (100, 30));
    session.wait_for_text(" ツリー ");
    session.send(b"q");
    session.expect_clean_exit();
    let mut session = Session::actplan(
        dir.path(),
        &[],
        &[("LC_ALL", std::path::Path::new("ja_JP.UTF-8"))],
        (100, 30),
    );
    session.wait_for_text(" ツリー ");
    session.send(b"q");
    session.expect_clean_exit();
    let mut session = Session::actplan(dir.path(), &[], &[], (100, 30));
    session.wait_for_text(" TREE ");
    session.send(b"q");
    session.expect_clean_exit();
    // A locale that names no language (as over SSH from Windows) is not
    // taken for English.
    let mut session = Session::actplan(
        dir.path(),
        &[],
        &[("LC_ALL", std::path::Path::new("C.UTF-8"))],
        (100, 30),
    );
    session.wait_for_text(" ツリー ");
    session.send(b"q");
    session.expect_clean_exit();
}

#[test]
fn a_broken_settings_file_is_reported_in_japanese_in_a_japanese_interface() {
    let dir = plan_dir();
    let home = dir.path().join("config");
    std::fs::create_dir_all(home.join("actplan")).unwrap();
    std::fs::write(home.join("actplan/config.ron"), "(backups: 21)\n").unwrap();
    let env = [
        ("XDG_CONFIG_HOME", home.as_path()),
        ("LC_ALL", std::path::Path::new("")),
        ("LANG", std::path::Path::new("")),
    ];
    let mut session = Session::actplan(dir.path(), &[], &env, (200, 30));
    session.wait_for_text("config.ron:1:11: backups: 21 は多すぎます");
    session.wait_for_text("（既定の設定を使います）");
    session.send(b"q");
    session.expect_clean_exit();
}

#[test]
fn the_palette_draws_a_colour_as_another() {
    let mut app = open(&[path(SEED)], 80, 24);
    let uses = |app: &actplan::app::App, colour: ratatui::style::Color| {
        common::draw(app)
            .backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.fg == colour)
    };
    assert!(uses(&app, ratatui::style::Color::Cyan), "amounts are cyan");
    peek::apply_settings(
        &mut app,
        &settings("(palette: [(from: Cyan, to: Yellow)])"),
        false,
    );
    assert!(!uses(&app, ratatui::style::Color::Cyan));
    assert!(uses(&app, ratatui::style::Color::Yellow));
}

#[test]
fn settings_out_of_bounds_are_refused_at_their_line_and_column() {
    let refused = |text: &str| {
        let e = config::parse(text).unwrap_err();
        (e.at.to_string(), e.reason.to_string())
    };
    let (at, message) = refused("(\n    backups: 18446744073709551615,\n)");
    assert_eq!(at, "2:14");
    assert_eq!(
        message,
        "backups: 18446744073709551615 is too many, a save keeps 0 to 20 earlier versions"
    );
    assert_eq!(refused("(backups: 21)").0, "1:11");
    assert_eq!(settings("(backups: 20)").backups, 20);
    assert_eq!(settings("(backups: 0)").backups, 0);
    let palette = format!("(palette: [\n{}])", "(from: Red, to: Blue),\n".repeat(8));
    let (at, message) = refused(&palette);
    assert_eq!(at, "9:23", "at the eighth, on line 9");
    assert_eq!(message, "palette: more than 7 recolourings");
    let key = "(context: \"Tree\", key: \"Ctrl-D\", action: \"Delete\"), ";
    let (_, message) = refused(&format!("(keys: [{}])", key.repeat(101)));
    assert_eq!(message, "keys: more than 100 extra keys");
    let long = "x".repeat(41);
    let (at, message) = refused(&format!(
        "(keys: [\n  (context: \"Tree\", key: \"{long}\", action: \"Delete\")])"
    ));
    assert_eq!(at, "2:27", "the key's own place");
    assert!(message.contains("41 characters"), "{message}");
    let grade = "(name: \"A\", marker: \"A\", colour: Green), ";
    let (_, message) = refused(&format!("(evaluation_scale: Some([{}]))", grade.repeat(21)));
    assert_eq!(message, "evaluation_scale: more than 20 grades");
    let (_, message) =
        refused("(evaluation_scale: Some([(name: \"A\", marker: \"ABC\", colour: Green)]))");
    assert!(message.contains("marker of 3 characters"), "{message}");
    let (_, message) = refused(&format!("(plans: Some(\"{}\"))", "d/".repeat(2049)));
    assert_eq!(message, "plans: a path of at most 4096 bytes");
}

#[test]
fn a_settings_file_that_is_a_pipe_does_not_stop_the_app() {
    let dir = plan_dir();
    let home = dir.path().join("config");
    std::fs::create_dir_all(home.join("actplan")).unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        home.join("actplan/config.ron"),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    let mut session = Session::actplan(dir.path(), &[], &[("XDG_CONFIG_HOME", &home)], (120, 30));
    session.wait_for_text("169,051");
    session.wait_for_text("config.ron: not a regular file");
    session.send(b"q");
    session.expect_clean_exit();
}
