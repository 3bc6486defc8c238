//! A KPI over time as published tables give it: a baseline with its date,
//! targets by year, targets that are a phrase, measurements dated to the
//! day, and a rate entered by hand; as the detail pane and the KPI view
//! show them, as the editor takes them, as the file keeps them and as
//! `check` reports them.

mod common;

use actplan::model::fields::Field;
use actplan::store;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, to_tree};
use common::{actplan, ctrl, keys, peek, press, screen, screen_text, stdout};
use crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/valid/indicators.ron";

fn copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("indicators.ron");
    std::fs::copy(common::path(FIXTURE), &path).unwrap();
    (dir, path)
}

/// The right pane's lines, trimmed.
fn pane(app: &actplan::app::App) -> Vec<String> {
    screen(app)
        .iter()
        .filter_map(|line| {
            line.split_once('|')
                .map(|(_, right)| right.trim_end().to_owned())
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// The lines under `heading` in the pane, up to the next heading.
fn section(pane: &[String], heading: &str) -> Vec<String> {
    pane.iter()
        .skip_while(|l| l.as_str() != heading)
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim().to_owned())
        .collect()
}

#[test]
fn a_plan_with_targets_by_year_and_dated_actuals_saves_byte_for_byte() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let plan = store::load(std::path::Path::new(FIXTURE)).unwrap().plan;
    assert_eq!(store::to_canonical(&plan), text);
}

#[test]
fn the_detail_pane_shows_the_dated_baseline_targets_by_year_and_the_rate_against_this_year_s_target()
 {
    let (_dir, path) = copy();
    let mut app = open_in(&[path], 100, 40, Lang::Ja);
    go_to(&mut app, "a");
    let pane = pane(&app);
    assert_eq!(section(&pane, "基準値"), ["3.17"], "{pane:#?}");
    assert_eq!(
        section(&pane, "基準値の時点"),
        ["2017年6月1日"],
        "{pane:#?}"
    );
    assert_eq!(
        section(&pane, "目標（年度ごと）"),
        ["2020年6月1日 3.29 中間", "2024年6月1日 3.5 長期"],
        "{pane:#?}"
    );
    assert_eq!(
        section(&pane, "実績（年度ごと）"),
        ["R1年度 3.25", "2020年6月1日 3.29"],
        "{pane:#?}"
    );
    // Measured against the interim 3.29 of FY2020, not the final 3.5
    // (which would be 36 %).
    assert_eq!(
        section(&pane, "達成度"),
        ["2020年6月1日 実績 3.29 [##########] 100%"],
        "{pane:#?}"
    );
    assert!(
        !pane.iter().any(|l| l == "達成度（手入力）"),
        "an empty optional field is not shown: {pane:#?}"
    );
}

#[test]
fn a_phrase_target_shows_the_rate_entered_by_hand_marked_and_otherwise_none() {
    let (_dir, path) = copy();
    let mut app = open_in(&[path], 100, 40, Lang::Ja);
    go_to(&mut app, "b");
    let pane_b = pane(&app);
    assert_eq!(section(&pane_b, "目標"), ["全国1位"], "{pane_b:#?}");
    assert_eq!(section(&pane_b, "達成度（手入力）"), ["80%"], "{pane_b:#?}");
    assert_eq!(
        section(&pane_b, "達成度"),
        ["[########--] 80%（手入力）"],
        "{pane_b:#?}"
    );
    go_to(&mut app, "c");
    let pane_c = pane(&app);
    assert_eq!(
        section(&pane_c, "目標"),
        ["前年度実績値を下回らない"],
        "{pane_c:#?}"
    );
    assert_eq!(
        section(&pane_c, "達成度"),
        ["達成率なし"],
        "measured, against a target in words: {pane_c:#?}"
    );
    // The tree shows the entered rate in brackets, and none where none is.
    let tree = screen_text(&app);
    assert!(tree.contains("KPI b (80%) "), "{tree}");
    assert!(tree.contains("KPI c -- "), "{tree}");

    let (_dir, path) = copy();
    let mut app = open_in(&[path], 220, 40, Lang::Ja);
    go_to(&mut app, "a");
    keys(&mut app, "4");
    let view = pane(&app).join("\n");
    assert!(view.contains("[########--] 80%（手入力）"), "{view}");
    assert!(
        view.contains("目標 3.5% 以上 / 2020年6月1日 3.29 中間 / 2024年6月1日 3.5 長期  基準 3.17 (2017年6月1日)"),
        "{view}"
    );
    assert!(
        view.contains("実績 R1年度 3.25 / 2020年6月1日 3.29"),
        "{view}"
    );
    // c: a phrase and nothing entered: no rate at all, never 0 %.
    let c_progress: Vec<&str> = view
        .lines()
        .skip_while(|l| !l.contains("職員の時間外勤務"))
        .take(4)
        .collect();
    assert_eq!(
        c_progress.last().map(|l| l.trim()),
        Some("達成度 --"),
        "{view}"
    );
    assert!(!c_progress.iter().any(|l| l.contains('%')), "{view}");
}

/// Types `text` into `field` of the selected KPI, replacing what was there.
fn type_into(app: &mut actplan::app::App, field: Field, text: &str) {
    edit_field(app, field);
    for _ in 0..80 {
        press(app, KeyCode::Backspace);
    }
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            press(app, KeyCode::Enter);
        }
        keys(app, line);
    }
    press(
        app,
        if field.is_multiline() {
            KeyCode::Esc
        } else {
            KeyCode::Enter
        },
    );
}

#[test]
fn targets_by_year_a_baseline_date_a_phrase_and_an_entered_rate_are_typed_and_saved() {
    let (_dir, path) = copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 40, Lang::Ja);
    go_to(&mut app, "c");
    type_into(&mut app, Field::Target, "全国1位");
    type_into(
        &mut app,
        Field::Targets,
        "R7年度 30 中間\nR12年度 全国1位 長期",
    );
    type_into(&mut app, Field::BaselineAt, "H27.4");
    type_into(&mut app, Field::Actuals, "H30.2月末 1.2\nR5.6.30 2");
    type_into(&mut app, Field::EnteredAchievement, "45%");
    assert!(!peek::editing(&app), "every value was taken");
    to_tree(&mut app);
    ctrl(&mut app, 's');
    let saved = std::fs::read_to_string(&path).unwrap();
    let c = &saved[saved.find("職員の時間外勤務").unwrap()..saved.find("measures").unwrap()];
    assert_eq!(
        c,
        r#"職員の時間外勤務",
                    target: (
                        value: "全国1位",
                        unit: "時間",
                        direction: AtMost,
                    ),
                    targets: [
                        (at: "R7年度", value: 30.0, kind: Interim),
                        (at: "R12年度", value: "全国1位", kind: LongTerm),
                    ],
                    baseline_at: "H27.4",
                    actuals: [
                        (fiscal_year: 2017, at: "H30.2月末", value: 1.2),
                        (fiscal_year: 2023, at: "R5.6.30", value: 2.0),
                    ],
                    entered_achievement: 45.0,
                ),
            ],
            "#
    );
}

#[test]
fn a_number_without_a_direction_and_a_target_line_without_a_value_are_refused() {
    let (_dir, path) = copy();
    let mut app = open_in(&[path], 100, 40, Lang::Ja);
    go_to(&mut app, "a");
    type_into(&mut app, Field::Target, "20");
    assert!(peek::editing(&app), "a forgotten 以上 is not a phrase");
    let (_dir, path) = copy();
    let mut app = open_in(&[path], 100, 40, Lang::Ja);
    go_to(&mut app, "a");
    type_into(&mut app, Field::Targets, "R7年度 中間");
    assert!(peek::editing(&app), "a line without a value is refused");
    let shown = screen(&app).join("\n");
    assert!(shown.contains("`R7年度 中間`: `R7年度 30 中間`"), "{shown}");
    assert_eq!(
        peek::plan(&app),
        store::load(std::path::Path::new(FIXTURE)).unwrap().plan,
        "nothing changed"
    );
}

#[test]
fn check_places_an_actual_dated_outside_its_fiscal_year_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outside.ron");
    let text = std::fs::read_to_string(FIXTURE).unwrap().replace(
        r#"(fiscal_year: 2020, at: "2020年6月1日", value: 3.29)"#,
        r#"(fiscal_year: 2019, at: "2020年6月1日", value: 3.29)"#,
    );
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap();
    let en = actplan(&["check", "--lang", "en", file]);
    assert_eq!(
        stdout(&en),
        format!("{file}:26:49: actual of `2020年6月1日` is not within R1年度, its fiscal_year\n")
    );
    assert_eq!(en.status.code(), Some(1));
    let ja = actplan(&["check", "--lang", "ja", file]);
    assert_eq!(
        stdout(&ja),
        format!("{file}:26:49: `2020年6月1日` の実績が fiscal_year の R1年度 の中にありません\n")
    );
}

#[test]
fn check_places_a_baseline_date_that_is_no_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad_date.ron");
    let text = std::fs::read_to_string(FIXTURE).unwrap().replace(
        r#"baseline_at: "2017年6月1日""#,
        r#"baseline_at: "2017年13月""#,
    );
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap();
    let ja = actplan(&["check", "--lang", "ja", file]);
    let said = stdout(&ja);
    assert!(said.starts_with(&format!("{file}:23:35: ")), "{said}");
    assert!(said.contains("2017年13月"), "{said}");
    assert_eq!(ja.status.code(), Some(1));
}
