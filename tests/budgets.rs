//! Plans that name their budget figures (当初予算, 補正予算, 決算, as
//! budget tables show them), and projects whose budget the table leaves
//! blank, which is not 0.

mod common;

use std::path::{Path, PathBuf};

use actplan::model::fields::Field;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, to_tree};
use common::{actplan, arg, ctrl, keys, press, screen, screen_text, stderr, stdout};
use crossterm::event::KeyCode;
use serde_json::{Value, json};

const FIGURES: &str = "tests/fixtures/figures/figures.ron";
const BLANK: &str = "補正だけの事業";
const STATED: &str = "当初のある事業";

fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(common::path(FIGURES), &path).unwrap();
    (dir, path)
}

/// The tree's part of the screen row showing `name`.
fn tree_row(app: &actplan::app::App, name: &str) -> String {
    let rows = screen(app);
    let row = rows
        .iter()
        .find(|r| r.split('|').next().unwrap().contains(name))
        .unwrap_or_else(|| panic!("no row {name}:\n{}", screen_text(app)));
    row.split('|').next().unwrap().trim_end().to_owned()
}

/// Replaces the value of `field` of the selected node with `text`.
fn type_into(app: &mut actplan::app::App, field: Field, text: &str) {
    edit_field(app, field);
    for _ in 0..40 {
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
fn a_blank_budget_is_shown_blank_and_each_figure_by_its_name() {
    let (_dir, path) = copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 30, Lang::Ja);
    go_to(&mut app, BLANK);
    assert!(tree_row(&app, BLANK).ends_with(BLANK), "no amount, not 0");
    assert!(tree_row(&app, STATED).ends_with("1,000"));
    let text = screen_text(&app);
    for line in [
        "|当初予算",
        "|  -",
        "|その他の予算額",
        "|  補正予算  300千円",
        "|  決算  -",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    assert!(!text.contains("|  0千円"), "{text}");
    let rows = screen(&app);
    let status = &rows[rows.len() - 2];
    assert!(
        status.contains("合計 1,000千円（うち当初予算の記載なし 1件）"),
        "{status}"
    );
    go_to(&mut app, STATED);
    let text = screen_text(&app);
    assert!(text.contains("|  決算  0千円"), "a stated 0 is 0:\n{text}");
    go_to(&mut app, "テスト施策");
    let text = screen_text(&app);
    assert!(
        text.contains("|  1,000千円 2件（うち当初予算の記載なし 1件）"),
        "{text}"
    );
}

#[test]
fn figures_and_a_blank_budget_are_typed_kept_in_the_totals_and_saved() {
    let (_dir, path) = copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 30, Lang::Ja);
    go_to(&mut app, BLANK);
    type_into(&mut app, Field::Figures, "補正予算 300\n決算 ２，５００");
    go_to(&mut app, STATED);
    type_into(&mut app, Field::Budget, "");
    to_tree(&mut app);
    assert!(tree_row(&app, STATED).ends_with(STATED), "now blank");
    assert!(
        tree_row(&app, "テスト施策").ends_with("テスト施策"),
        "no project states a budget: the total is blank too"
    );
    let rows = screen(&app);
    let status = &rows[rows.len() - 2];
    assert!(
        status.contains("合計 0千円（うち当初予算の記載なし 2件）"),
        "{status}"
    );
    ctrl(&mut app, 's');
    let shown = screen_text(&app);
    assert!(
        !shown.contains("以前の版の actplan では読めない項目"),
        "the file had blanks and figures already:\n{shown}"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    let stated = &saved[saved.find(STATED).unwrap()..saved.find(BLANK).unwrap()];
    assert!(!stated.contains("budget:"), "{stated}");
    assert!(stated.contains(r#"figures: {"補正予算": 200, "決算": 0},"#));
    assert!(
        saved.contains(r#"figures: {"補正予算": 300, "決算": 2500},"#),
        "{saved}"
    );
    // And back: a budget typed again is totalled at once.
    type_into(&mut app, Field::Budget, "1,500");
    to_tree(&mut app);
    assert!(tree_row(&app, "テスト施策").ends_with("1,500"));
    let rows = screen(&app);
    let status = &rows[rows.len() - 2];
    assert!(
        status.contains("合計 1,500千円（うち当初予算の記載なし 1件）"),
        "{status}"
    );
}

#[test]
fn a_figure_the_plan_does_not_name_and_a_decimal_are_refused_in_the_editor() {
    let (_dir, path) = copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 30, Lang::Ja);
    go_to(&mut app, BLANK);
    type_into(&mut app, Field::Figures, "交付金 100");
    let text = screen_text(&app);
    assert!(
        text.contains(
            "エラー: その他の予算額: `交付金 100`: `補正予算 1,200` のように計画の予算の区分と金額"
        ),
        "{text}"
    );
    ctrl(&mut app, 'g');
    go_to(&mut app, STATED);
    type_into(&mut app, Field::Budget, "33.6");
    let text = screen_text(&app);
    assert!(text.contains("`33.6` に小数があります"), "{text}");
}

#[test]
fn a_plan_with_figures_and_blanks_saves_byte_for_byte() {
    let (dir, path) = copy();
    let plan = actplan::store::load(&path).unwrap().plan;
    let again = dir.path().join("again.ron");
    actplan::store::save(&again, &plan).unwrap();
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        std::fs::read_to_string(&path).unwrap()
    );
    let out = actplan(&["check", arg(&path)]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// `check`'s report of `file` in `lang`.
fn check(file: &str, lang: &str) -> String {
    let out = actplan(&["check", "--lang", lang, file]);
    assert_eq!(out.status.code(), Some(1), "{file}");
    stdout(&out)
}

#[test]
fn check_names_the_place_of_a_bad_figure_in_either_language() {
    let cases = [
        (
            "unknown_figure.ron",
            "21:52: budget figure `決算額` is not one the plan names in budget_figures (補正予算)",
            "21:52: 予算の区分 `決算額` は budget_figures にありません（補正予算）",
        ),
        (
            "figure_not_a_number.ron",
            "21:59: `\"1,200\"` is not a budget: write a whole number such as 4450 or 4,450",
            "21:59: `\"1,200\"` は予算額ではありません。4450 や 4,450 のように整数で書いてください",
        ),
        (
            "decimal_budget.ron",
            "19:37: `33.6` has decimals: amounts are whole numbers in the plan's unit; write the plan in a smaller unit (33.6億円 is 3360 in 百万円)",
            "19:37: `33.6` に小数があります。金額は計画の単位の整数で書きます。小さい単位で書いてください（33.6億円 は 百万円 で 3360）",
        ),
    ];
    for (file, en, ja) in cases {
        let path = format!("tests/fixtures/figures/{file}");
        assert_eq!(check(&path, "en"), format!("{path}:{en}\n"));
        assert_eq!(check(&path, "ja"), format!("{path}:{ja}\n"));
    }
}

/// Exports the fixture as `name`, imports it back and returns the plan
/// file the import wrote.
fn export_import(dir: &Path, name: &str) -> String {
    let table = dir.join(name);
    let out = actplan(&["export", "-o", arg(&table), FIGURES]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = dir.join(format!("{name}.ron"));
    let out = actplan(&[
        "import",
        arg(&table),
        "-o",
        arg(&back),
        "--title",
        "予算の区分のある計画",
        "--fiscal-year",
        "2024",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::read_to_string(back).unwrap()
}

#[test]
fn figures_and_blanks_survive_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(common::path(FIGURES)).unwrap();
    let csv = export_import(dir.path(), "table.csv");
    assert_eq!(csv, original, "byte for byte through CSV");
    let xlsx = export_import(dir.path(), "table.xlsx");
    assert_eq!(xlsx, original, "byte for byte through XLSX");
    let text = std::fs::read_to_string(dir.path().join("table.csv")).unwrap();
    let mut lines = text.lines();
    let heading = lines.next().unwrap();
    assert!(heading.contains(",予算額（当初予算）,"), "{heading}");
    assert!(
        heading.ends_with(",ID,予算額（補正予算）,予算額（決算）"),
        "{heading}"
    );
    let blank = lines.find(|l| l.contains(BLANK)).unwrap();
    assert!(
        blank.contains(",当初予算の記載なし,,R6.10～R7.3,"),
        "{blank}"
    );
    assert!(blank.ends_with(",300,"), "{blank}");
}

#[test]
fn summary_gives_each_figure_its_total_and_how_many_leave_it_blank() {
    let out = actplan(&["summary", "--json", FIGURES]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    let plan = &all["plans"][0];
    assert_eq!(plan["total"], 1000);
    assert_eq!(
        plan["figures"],
        json!({"当初予算": 1000, "補正予算": 500, "決算": 0})
    );
    assert_eq!(
        plan["blank"],
        json!({"当初予算": 1, "補正予算": 0, "決算": 1})
    );
    let text = stdout(&actplan(&["summary", FIGURES]));
    let row = text.lines().find(|l| l.contains(BLANK)).unwrap();
    assert!(row.trim_start().starts_with("事業"), "no amount: {row}");
}

#[test]
fn amounts_show_in_the_plans_unit() {
    for unit in ["円", "億円"] {
        let (dir, path) = copy();
        let text = std::fs::read_to_string(&path).unwrap();
        let other = dir.path().join("unit.ron");
        std::fs::write(&other, text.replace("\"千円\"", &format!("\"{unit}\""))).unwrap();
        let mut app = open_in(std::slice::from_ref(&other), 100, 30, Lang::Ja);
        go_to(&mut app, STATED);
        let text = screen_text(&app);
        assert!(text.contains(&format!("|  1,000{unit}")), "{text}");
        assert!(text.contains(&format!("|  補正予算  200{unit}")), "{text}");
    }
}

#[test]
fn the_markdown_report_gives_each_figure_stated_by_its_name_and_no_blank_one() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    let out = actplan(&["export", "-o", arg(&report), FIGURES]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&report).unwrap();
    let stated = &text[text.find(STATED).unwrap()..text.find(BLANK).unwrap()];
    for line in [
        "- 当初予算: 1,000千円",
        "- 補正予算: 200千円",
        "- 決算: 0千円",
    ] {
        assert!(stated.contains(line), "{line}:\n{stated}");
    }
    let blank = &text[text.find(BLANK).unwrap()..];
    assert!(blank.contains("- 補正予算: 300千円"), "{blank}");
    assert!(!blank.contains("当初予算:"), "blank, not 0:\n{blank}");
    assert!(!blank.contains("決算:"), "{blank}");
}

#[test]
fn a_colleagues_figures_and_my_budget_both_survive_a_merge() {
    use actplan::model::merge::{Side, merge};
    use common::named::{project, project_mut};

    let base = actplan::store::load(&common::path(FIGURES)).unwrap().plan;
    let mut mine = base.clone();
    project_mut(&mut mine, STATED).budget = Some(1100);
    let mut theirs = base.clone();
    project_mut(&mut theirs, STATED).figures[1].amount = 150;
    theirs.budget_figures.push("執行残".to_owned());
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert!(merged.conflicts.is_empty());
    let p = project(&merged.plan, STATED);
    assert_eq!((p.budget, p.figure("決算")), (Some(1100), Some(150)));
    assert_eq!(merged.plan.other_figures(), ["補正予算", "決算", "執行残"]);
}

#[test]
fn blanking_a_budget_in_a_plan_of_the_first_format_says_older_versions_cannot_read_it() {
    let (_dir, path) = common::seed_copy();
    let mut app = open_in(std::slice::from_ref(&path), 160, 48, Lang::Ja);
    go_to(&mut app, common::drive::seed::TRAINING);
    type_into(&mut app, Field::Budget, "");
    to_tree(&mut app);
    ctrl(&mut app, 's');
    let shown = screen_text(&app);
    assert!(
        shown.contains("以前の版の actplan では読めない項目が加わりました: 予算額"),
        "{shown}"
    );
}
