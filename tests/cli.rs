//! The subcommands, run as a user runs them: the real binary on fixture files.

mod common;

use common::{actplan, stderr, stdout};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Each invalid fixture has one defect and this exact message.
const INVALID: &[(&str, &str)] = &[
    (
        "bad_period.ron",
        "30:38: invalid period `R6.13`: month 13 is not between 1 and 12 (accepted: R5.4, R5.4～R6.3, R5.4～9, R5.4～, ～R6.3, 令和5年4月～令和6年3月, H31.4, R5年度, R5年度末, R5年度第2四半期, 平成27年度～平成30年度, 2023-04..2024-03, 2023/4～2024/3)",
    ),
    (
        "comment.ron",
        "20:13: warning: comment will be dropped when actplan saves this file",
    ),
    ("deeply_nested.ron", "1:2: Expected identifier"),
    ("empty_project_name.ron", "27:35: project name is empty"),
    (
        "missing_field.ron",
        "36:25: Unexpected missing field named `overview` in `Project`",
    ),
    (
        "reversed_period.ron",
        "30:37: period `R7.3～R6.4` ends before it starts",
    ),
    (
        "not_utf8.ron",
        "27:36: not valid UTF-8; plan files are UTF-8 text",
    ),
    (
        "shift_jis.ron",
        "2:13: not valid UTF-8; this looks like Shift_JIS (as saved on Japanese Windows). Convert it with: iconv -f CP932 -t UTF-8 'tests/fixtures/invalid/shift_jis.ron' > converted.ron (or: nkf -w 'tests/fixtures/invalid/shift_jis.ron')",
    ),
    ("syntax_error.ron", "30:29: Expected comma"),
    ("truncated.ron", "24:25: Expected opening `[`"),
    (
        "unknown_field.ron",
        "29:29: Unexpected field named `budjet` in `Project`, expected one of `id`, `name`, `owner`, `overview`, `budget`, `figures`, `budget_note`, `period`, `evaluation`, `score`, `reason`, `schedule`, `analysis`, or `last_change` instead",
    ),
    (
        "unknown_kpi.ron",
        "24:28: measure `①テスト施策` names KPI `ⅲ`, which strategy `（１）テスト戦略` does not have",
    ),
    (
        "wrong_type.ron",
        "29:38: `\"1000\"` is not a budget: write a whole number such as 4450 or 4,450",
    ),
    (
        "nan_target.ron",
        "14:32: `NaN` is not a number: a target, baseline or actual must be a finite number",
    ),
    (
        "actual_year_twice.ron",
        "20:39: R6年度 has two actuals; keep one per fiscal year",
    ),
    (
        "stated_total_differs.ron",
        "5:19: the stated total 1,200千円 is not the sum of the budgets, 1,000千円",
    ),
    (
        "kpi_grade_off_scale.ron",
        "18:33: evaluation `S` is not on the plan's evaluation scale",
    ),
    (
        "score_out_of_range.ron",
        "35:36: 進捗度 11 is outside the plan's range, 0 to 10",
    ),
    (
        "levels_without_roles.ron",
        "5:13: 5 levels and 0 roles: give each level its role (Heading, Strategy, Kpi, Measure, Project), as `roles: [Heading, Strategy, Project]`",
    ),
    (
        "unknown_heading.ron",
        "14:20: there is no heading with the id `h9`",
    ),
];

#[test]
fn check_reports_each_defect_at_its_line_and_column() {
    for (file, message) in INVALID {
        let path = format!("tests/fixtures/invalid/{file}");
        let before = std::fs::read(Path::new(ROOT).join(&path)).unwrap();
        let out = actplan(&["check", &path]);
        assert_eq!(stdout(&out), format!("{path}:{message}\n"), "{file}");
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(!stderr(&out).contains("panicked"), "{file}");
        let after = std::fs::read(Path::new(ROOT).join(&path)).unwrap();
        assert_eq!(after, before, "{file} untouched");
    }
}

#[test]
fn check_says_a_nan_target_and_a_repeated_actual_in_japanese() {
    for (file, message) in [
        (
            "nan_target.ron",
            "14:32: `NaN` は数値ではありません（目標・基準値・実績は有限の数値で書きます）",
        ),
        (
            "actual_year_twice.ron",
            "20:39: R6年度 の実績が 2 つあります（年度ごとに 1 つにしてください）",
        ),
        (
            "stated_total_differs.ron",
            "5:19: 記載の合計 1,200千円 が予算額の合計 1,000千円 と合いません",
        ),
        ("unknown_heading.ron", "14:20: id `h9` の見出しはありません"),
    ] {
        let path = format!("tests/fixtures/invalid/{file}");
        let out = actplan(&["check", "--lang", "ja", &path]);
        assert_eq!(stdout(&out), format!("{path}:{message}\n"), "{file}");
        assert_eq!(out.status.code(), Some(1), "{file}");
    }
}

#[test]
fn every_invalid_fixture_is_covered() {
    let on_disk = std::fs::read_dir(Path::new(ROOT).join("tests/fixtures/invalid"))
        .unwrap()
        .count();
    assert_eq!(on_disk, INVALID.len());
}

#[test]
fn check_passes_the_bundled_plan_and_valid_fixtures() {
    for path in [
        "plans",
        "plans/r5-growth-strategy.ron",
        "tests/fixtures/valid",
        "tests/fixtures/valid/bom_crlf.ron",
    ] {
        let out = actplan(&["check", path]);
        assert_eq!(stdout(&out), "", "{path}");
        assert_eq!(out.status.code(), Some(0), "{path}");
        assert!(stderr(&out).contains("no problems"));
    }
    assert_eq!(
        actplan(&["check"]).status.code(),
        Some(0),
        "defaults to plans/"
    );
}

#[test]
fn check_reports_missing_files_and_directories_named_like_plans() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("fake.ron")).unwrap();
    std::fs::write(dir.path().join("empty.ron"), "").unwrap();
    let missing = dir.path().join("missing.ron");
    let out = actplan(&[
        "check",
        missing.to_str().unwrap(),
        dir.path().join("empty.ron").to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert!(text.contains("missing.ron: no such file"), "{text}");
    assert!(text.contains("empty.ron: the file is empty"), "{text}");
    assert_eq!(out.status.code(), Some(1));
    let out = actplan(&["check", dir.path().join("fake.ron").to_str().unwrap()]);
    assert!(
        stdout(&out).contains("fake.ron: is a directory, not a plan file"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_names_invalid_utf8_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    std::fs::write(&path, b"(\n  title: \"caf\xe9\",\n)").unwrap();
    let out = actplan(&["check", path.to_str().unwrap()]);
    assert_eq!(
        stdout(&out),
        format!(
            "{}:2:14: not valid UTF-8; plan files are UTF-8 text\n",
            path.display()
        )
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = actplan(&["check", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--no-such-flag"));
}

#[test]
fn summary_lists_every_node_with_budgets_and_a_grand_total() {
    let out = actplan(&["summary", "plans"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for line in [
        "       169,051  戦略  （６） 県庁オープン化戦略",
        "        16,550  KPI     ⅰ 一般行政部門職員(約3,200名)の１% 以上/年がジョブチャレンジ制度や庁内複業制度を活用",
        "       152,501  施策      ③ デジタル技術を活用した住民サービスの向上・住民参加の推進",
        "       142,600  事業        サービス連携プラットフォーム等整備事業",
        "         2,334  事業        行政手続きオンライン化事業",
        "       169,051  総計 169,051千円 6件 (1 plan(s))",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    assert_eq!(text.lines().filter(|l| l.contains("事業  ")).count(), 6);
}

#[test]
fn summary_json_has_the_same_data() {
    let out = actplan(&["summary", "--json", "plans"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 169_051);
    assert_eq!(v["projects"], 6);
    let s = &v["plans"][0]["strategies"][0];
    assert_eq!(s["name"], "県庁オープン化戦略");
    assert_eq!(s["kpis"][1]["total"], 152_501);
    assert_eq!(s["kpis"][1]["target"]["value"], 20.0);
    assert_eq!(
        s["measures"][2]["projects"][1]["budget_note"],
        "※2,334は電子申請サービス委託料"
    );
}

#[test]
fn summary_of_a_broken_file_fails_with_its_position() {
    let out = actplan(&["summary", "tests/fixtures/invalid/syntax_error.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("syntax_error.ron:30:29: Expected comma"));
    assert_eq!(stdout(&out), "");
}

fn temp_copy(from: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(Path::new(ROOT).join(from), &path).unwrap();
    (dir, path)
}

#[test]
fn fmt_check_accepts_canonical_and_changes_nothing() {
    let (_dir, path) = temp_copy("plans/r5-growth-strategy.ron");
    let out = actplan(&["fmt", "--check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let before = std::fs::read(&path).unwrap();
    let out = actplan(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn fmt_rewrites_a_hand_edited_plan_into_canonical_form() {
    let (_dir, path) = temp_copy("tests/fixtures/invalid/comment.ron");
    let messy = std::fs::read_to_string(&path)
        .unwrap()
        .replace("budget: 1000,", "budget:1000 ,");
    std::fs::write(&path, &messy).unwrap();

    let out = actplan(&["fmt", "--check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("not in canonical form"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );

    let out = actplan(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("1 comment(s) dropped"));
    let canonical =
        std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/valid/small.ron")).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);
    assert_eq!(
        actplan(&["fmt", "--check", path.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn the_app_refuses_a_broken_plan_before_touching_the_terminal() {
    let out = actplan(&["tests/fixtures/invalid/syntax_error.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "tests/fixtures/invalid/syntax_error.ron:30:29: Expected comma\n"
    );
    assert!(out.stdout.is_empty(), "no screen was drawn");
}

#[test]
fn one_empty_directory_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = actplan(&["check", dir.path().to_str().unwrap(), "plans"]);
    assert_eq!(
        stdout(&out),
        format!(
            "{}: no plan files (*.ron) in this directory\n",
            dir.path().display()
        )
    );
    assert!(
        stderr(&out).contains("checked 2 file(s): 1 problem(s)"),
        "{}",
        stderr(&out)
    );
}
