//! Grades on every level, as tables 01–04 grade indicators, measures and
//! projects on one scale (◎ ○ △ ×) with a score (7/10) and a reason: the
//! grade entered beside the one the plan's rule computes, the
//! disagreements marked, and the counts per level in the app, `summary`
//! and every export.
//!
//! tests/fixtures/valid/graded_levels.ron:
//!   （１）道路の整備
//!     KPI ⅰ 舗装率 97.1 → 98.8 %, 98.8 measured: 100 % → 計画以上, entered 計画以上 (10/10)
//!     KPI ⅱ 供用延長 10 km, 8 measured: 80 % → 計画どおり, entered 計画以上: they differ
//!     KPI ⅲ 利用者の満足度: nothing measured, nothing entered
//!     ① 業務の自動化: やや遅れ, 6/10, RPAの導入が遅れた
//!       RPA導入事業: 計画どおり, 7/10;  道路改良事業: not graded

mod common;

use actplan::model::fields::Field;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, to_tree};
use common::pictures::Scene;
use common::{keys, press, screen_text};
use crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/valid/graded_levels.ron";

fn copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graded.ron");
    std::fs::copy(common::path(FIXTURE), &path).unwrap();
    (dir, path)
}

/// Empties the open editor's text (short values only).
fn clear(app: &mut actplan::app::App) {
    press(app, KeyCode::End);
    for _ in 0..40 {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn a_kpi_shows_the_grade_entered_beside_the_one_its_rule_computes() {
    let (_dir, path) = copy();
    let mut app = open_in(&[path], 100, 30, Lang::Ja);
    go_to(&mut app, "ⅱ");
    press(&mut app, KeyCode::Tab);
    let shown = screen_text(&app);
    assert!(shown.contains("[◎] 計画以上"), "{shown}");
    assert!(
        shown.contains("評価の基準による: [○] 計画どおり"),
        "{shown}"
    );
    assert!(shown.contains("  ！入力と異なる"), "{shown}");
    // ⅰ's grade is the rule's: no mark.
    go_to(&mut app, "ⅰ");
    press(&mut app, KeyCode::Tab);
    let shown = screen_text(&app);
    assert!(shown.contains("評価の基準による: [◎] 計画以上"), "{shown}");
    assert!(!shown.contains("入力と異なる"), "{shown}");
    // The tree marks each KPI's grade, and ⅱ's disagreement.
    assert!(shown.contains("KPI ⅰ 100% [◎]舗装率"), "{shown}");
    assert!(shown.contains("KPI ⅱ 80% ！[◎]供用延長"), "{shown}");
    assert!(shown.contains("[△]①業務の自動化"), "{shown}");
    assert!(
        shown.contains("進捗度"),
        "the score under the plan's name for it"
    );
    assert!(shown.contains("10 / 10"), "{shown}");
    assert!(shown.contains("評価の理由"), "{shown}");
    assert!(shown.contains("目標を達成した"), "{shown}");
    // The KPI view (key 4) marks the disagreement too.
    to_tree(&mut app);
    keys(&mut app, "4");
    let shown = screen_text(&app);
    assert!(
        shown.contains("  評価 [◎] 計画以上／基準 [◎] 計画以上"),
        "{shown}"
    );
    assert!(
        shown.contains("  ！評価 [◎] 計画以上／基準 [○] 計画どおり"),
        "{shown}"
    );
}

#[test]
fn a_grade_score_and_reason_entered_on_a_kpi_are_saved() {
    let (_dir, path) = copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 30, Lang::Ja);
    go_to(&mut app, "ⅱ");
    edit_field(&mut app, Field::Evaluation);
    clear(&mut app);
    // The marker is taken for its grade, as on a project.
    keys(&mut app, "○");
    press(&mut app, KeyCode::Enter);
    let shown = screen_text(&app);
    assert!(
        shown.contains("評価の基準による: [○] 計画どおり"),
        "{shown}"
    );
    assert!(!shown.contains("！"), "now they agree, tree too:\n{shown}");
    edit_field(&mut app, Field::Score);
    keys(&mut app, "11");
    press(&mut app, KeyCode::Enter);
    let shown = screen_text(&app);
    assert!(
        shown.contains("`11` は 1〜10 の進捗度ではありません"),
        "{shown}"
    );
    press(&mut app, KeyCode::Esc);
    edit_field(&mut app, Field::Score);
    clear(&mut app);
    keys(&mut app, "8/10");
    press(&mut app, KeyCode::Enter);
    edit_field(&mut app, Field::Reason);
    keys(&mut app, "8割を供用した");
    press(&mut app, KeyCode::Esc);
    assert!(screen_text(&app).contains("8 / 10"));
    to_tree(&mut app);
    keys(&mut app, "w");
    let saved = std::fs::read_to_string(&path).unwrap();
    let block = "                    evaluation: \"計画どおり\",\n                    score: 8,\n                    reason: \"8割を供用した\",\n";
    assert!(saved.contains(block), "{saved}");
    // Nothing else moved: the rest of the file is as it was.
    let before = std::fs::read_to_string(FIXTURE).unwrap();
    let was = "                    evaluation: \"計画以上\",\n";
    assert_eq!(saved.replacen(block, was, 1), before);
}

#[test]
fn a_measure_is_graded_in_the_detail_pane() {
    let (_dir, path) = copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 30, Lang::Ja);
    go_to(&mut app, "業務の自動化");
    press(&mut app, KeyCode::Tab);
    let shown = screen_text(&app);
    assert!(shown.contains("[△] やや遅れ"), "{shown}");
    assert!(shown.contains("6 / 10"), "{shown}");
    assert!(shown.contains("RPAの導入が遅れた"), "{shown}");
    edit_field(&mut app, Field::Evaluation);
    clear(&mut app);
    keys(&mut app, "S");
    press(&mut app, KeyCode::Enter);
    let shown = screen_text(&app);
    assert!(
        shown.contains(
            "`S` はこの計画の評価の段階にありません: 計画以上 / 計画どおり / やや遅れ / 遅れ"
        ),
        "{shown}"
    );
    clear(&mut app);
    keys(&mut app, "×");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    keys(&mut app, "w");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("kpis: [\"ⅰ\", \"ⅱ\"],\n                    evaluation: \"遅れ\",\n"));
}

#[test]
fn the_counts_of_grades_show_each_level_with_its_total() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(FIXTURE, &path).unwrap();
    let mut scene = Scene::on(dir, path, 80, 24, Lang::Ja);
    keys(&mut scene.app, "5");
    insta::assert_snapshot!("grade_levels_ja_80x24", scene.screen());
    // On a KPI, the KPIs' counts come first.
    go_to(&mut scene.app, "ⅱ");
    insta::assert_snapshot!("grade_levels_on_a_kpi_ja_80x24", scene.screen());
    // Its detail: the grade entered, the rule's, the mark, score and reason.
    keys(&mut scene.app, "1");
    press(&mut scene.app, KeyCode::Tab);
    common::drive::to_field(&mut scene.app, Field::Reason);
    insta::assert_snapshot!("grade_levels_kpi_detail_ja_80x24", scene.screen());
}

#[test]
fn summary_lists_every_level_and_the_disagreements() {
    let out = common::actplan(&["summary", FIXTURE]);
    let text = common::stdout(&out);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for expected in [
        "事業（評価）: 計画以上 0件（0.0%）、計画どおり 1件（50.0%）、やや遅れ 0件（0.0%）、遅れ 0件（0.0%）、未評価 1件（50.0%） 合計 2件",
        "施策（評価）: 計画以上 0件（0.0%）、計画どおり 0件（0.0%）、やや遅れ 1件（100.0%）、遅れ 0件（0.0%） 合計 1件",
        "ＫＰＩ（評価）: 計画以上 2件（66.7%）、計画どおり 0件（0.0%）、やや遅れ 0件（0.0%）、遅れ 0件（0.0%）、未評価 1件（33.3%） 合計 3件",
        "ＫＰＩ（評価の基準による）: 計画以上 1件（33.3%）、計画どおり 1件（33.3%）、やや遅れ 0件（0.0%）、遅れ 0件（0.0%）、達成率なし 1件（33.3%） 合計 3件",
        "評価の基準と異なるＫＰＩ: （１）ⅱ 入力 計画以上／基準 計画どおり",
    ] {
        assert!(lines.contains(&expected), "{expected}\n{text}");
    }
    let out = common::actplan(&["summary", "--json", FIXTURE]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plan = &json["plans"][0];
    let levels: Vec<&str> = plan["tally"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["projects", "measures", "kpis", "kpis_by_rule"]);
    let kpis = &plan["tally"][2];
    assert_eq!(kpis["heading"], "ＫＰＩ（評価）");
    assert_eq!(kpis["grades"][0]["grade"], "計画以上");
    assert_eq!(kpis["grades"][0]["count"], 2);
    assert!((kpis["grades"][0]["share"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(kpis["ungraded"], 1);
    assert_eq!(kpis["total"], 3);
    let second = &plan["indicators"][1];
    assert_eq!(second["evaluation"], "計画以上");
    assert_eq!(second["grade"], "計画どおり");
    assert_eq!(second["grade_differs"], true);
    assert_eq!(plan["indicators"][0]["score"], 10);
    assert_eq!(plan["indicators"][0]["reason"], "目標を達成した");
}

#[test]
fn the_report_and_the_workbook_carry_grades_scores_reasons_and_counts() {
    use calamine::{Data, Reader, Xlsx};

    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    let out = common::actplan(&["export", FIXTURE, "-o", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let report = std::fs::read_to_string(report).unwrap();
    for expected in [
        "- 施策（評価）: 計画以上 0件（0.0%）、計画どおり 0件（0.0%）、やや遅れ 1件（100.0%）、遅れ 0件（0.0%） 合計 1件\n",
        "- 評価の基準と異なるＫＰＩ: （１）ⅱ 入力 計画以上／基準 計画どおり\n",
        "- 評価: 計画以上\n- 評価の基準による: 計画どおり（入力と異なる）\n",
        "- 進捗度: 10/10\n- 評価の理由: 目標を達成した\n",
        "- 評価: やや遅れ\n- 進捗度: 6/10\n- 評価の理由: RPAの導入が遅れた\n",
        "- 評価: 計画どおり\n- 進捗度: 7/10\n- 評価の理由: 予定の業務に導入した\n",
    ] {
        assert!(report.contains(expected), "{expected}\n{report}");
    }
    let book = dir.path().join("plan.xlsx");
    let out = common::actplan(&["export", FIXTURE, "-o", book.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let mut book: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(book.sheet_names(), ["事業一覧", "集計", "評価の集計"]);
    let sheet = book.worksheet_range("評価の集計").unwrap();
    let text = |d: &Data| match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => format!("{i}"),
        _ => String::new(),
    };
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(text).collect()).collect();
    let row = |cells: &[&str]| {
        rows.iter()
            .any(|r| r.iter().zip(cells).all(|(a, b)| a == b))
    };
    assert!(row(&["事業（評価）", "件数", "割合"]), "{rows:?}");
    assert!(row(&["計画どおり", "1", "0.5"]), "{rows:?}");
    assert!(row(&["合計", "2", "1"]), "{rows:?}");
    assert!(
        row(&["ＫＰＩ（評価の基準による）", "件数", "割合"]),
        "{rows:?}"
    );
    assert!(
        row(&[
            "区分",
            "名称",
            "評価",
            "評価の基準による",
            "進捗度",
            "評価の理由"
        ]),
        "{rows:?}"
    );
    assert!(
        row(&[
            "KPI",
            "（１）ＫＰＩⅱ 供用延長",
            "計画以上",
            "計画どおり（入力と異なる）"
        ]),
        "{rows:?}"
    );
    assert!(
        row(&[
            "事業",
            "RPA導入事業",
            "計画どおり",
            "",
            "7",
            "予定の業務に導入した"
        ]),
        "{rows:?}"
    );
}

#[test]
fn check_refuses_a_grade_off_the_scale_and_a_score_out_of_range_in_both_languages() {
    for (lang, kpi, score) in [
        (
            "en",
            "18:33: evaluation `S` is not on the plan's evaluation scale",
            "35:36: 進捗度 11 is outside the plan's range, 0 to 10",
        ),
        (
            "ja",
            "18:33: 評価 `S` はこの計画の評価の段階にありません",
            "35:36: 進捗度 11 はこの計画の範囲（0〜10）の外です",
        ),
    ] {
        for (file, message) in [
            ("kpi_grade_off_scale.ron", kpi),
            ("score_out_of_range.ron", score),
        ] {
            let path = format!("tests/fixtures/invalid/{file}");
            let out = common::actplan(&["check", "--lang", lang, &path]);
            assert_eq!(
                common::stdout(&out),
                format!("{path}:{message}\n"),
                "{lang} {file}"
            );
            assert_eq!(out.status.code(), Some(1));
        }
    }
    let out = common::actplan(&["check", FIXTURE]);
    assert_eq!(common::stdout(&out), "");
}

#[test]
fn a_plan_with_grades_everywhere_saves_byte_for_byte() {
    let (_dir, path) = copy();
    let loaded = actplan::store::load(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(actplan::store::to_canonical(&loaded.plan), text);
}
