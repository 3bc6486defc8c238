//! The counts of grades (`5`): projects by their evaluation and KPIs by the
//! grade the plan's rule gives their rate, each with its share and a 合計,
//! kept right as evaluations are edited.

mod common;

use actplan::model::fields::Field;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, to_tree};
use common::{keys, press, screen};
use crossterm::event::KeyCode;

fn graded() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graded.ron");
    std::fs::copy(common::path("tests/fixtures/valid/graded.ron"), &path).unwrap();
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

#[test]
fn projects_and_kpis_are_counted_by_grade_with_their_shares() {
    let (_dir, path) = graded();
    let mut app = open_in(&[path], 100, 30, Lang::Ja);
    keys(&mut app, "5");
    let pane = pane(&app);
    let expected = [
        " 評価の集計  評価の集計の例",
        "事業（評価）",
        "  順調          2件  66.7%",
        "  概ね順調      0件   0.0%",
        "  やや遅れ      0件   0.0%",
        "  遅れ          0件   0.0%",
        "  完了          0件   0.0%",
        "  未着手        0件   0.0%",
        "  未評価        1件  33.3%",
        "  合計          3件 100.0%",
        "ＫＰＩ（評価の基準による）",
        // 120 / 100 = 120 % is over 110 %; 98.1 / 98 is 100.1 %.
        "  計画よりも進んでいる      1件  33.3%",
        "  計画通り進んでいる        1件  33.3%",
        "  計画よりも遅れている      0件   0.0%",
        "  達成率なし                1件  33.3%",
        "  合計                      3件 100.0%",
    ];
    assert_eq!(pane, expected);
}

#[test]
fn an_evaluation_edited_moves_its_project_to_the_new_grade() {
    let (_dir, path) = graded();
    let mut app = open_in(&[path], 100, 30, Lang::Ja);
    go_to(&mut app, "窓口業務の委託");
    edit_field(&mut app, Field::Evaluation);
    keys(&mut app, "遅れ");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    keys(&mut app, "5");
    let pane = pane(&app);
    assert!(
        pane.contains(&"  遅れ          1件  33.3%".to_owned()),
        "{pane:#?}"
    );
    assert!(
        pane.contains(&"  合計          3件 100.0%".to_owned()),
        "{pane:#?}"
    );
    assert!(!pane.iter().any(|l| l.contains("未評価")), "{pane:#?}");
    keys(&mut app, "u");
    let pane = self::pane(&app);
    assert!(
        pane.contains(&"  未評価        1件  33.3%".to_owned()),
        "{pane:#?}"
    );
}

#[test]
fn summary_and_the_markdown_report_print_the_counts_of_grades() {
    let projects = "事業（評価）: 順調 2件（66.7%）、概ね順調 0件（0.0%）、やや遅れ 0件（0.0%）、遅れ 0件（0.0%）、完了 0件（0.0%）、未着手 0件（0.0%）、未評価 1件（33.3%） 合計 3件";
    let kpis = "ＫＰＩ（評価の基準による）: 計画よりも進んでいる 1件（33.3%）、計画通り進んでいる 1件（33.3%）、計画よりも遅れている 0件（0.0%）、達成率なし 1件（33.3%） 合計 3件";
    let out = common::actplan(&["summary", "tests/fixtures/valid/graded.ron"]);
    let text = common::stdout(&out);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(lines.contains(&projects), "{text}");
    assert!(lines.contains(&kpis), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    let out = common::actplan(&[
        "export",
        "tests/fixtures/valid/graded.ron",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let report = std::fs::read_to_string(report).unwrap();
    assert!(report.contains(&format!("- {projects}\n")), "{report}");
    assert!(report.contains(&format!("- {kpis}\n")), "{report}");
    // The bundled plan grades nothing: its summary is as it was.
    let out = common::actplan(&["summary", "plans/r5-growth-strategy.ron"]);
    assert!(!common::stdout(&out).contains("（評価）"));
}
