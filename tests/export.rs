//! `actplan export`, run as a user runs it: the real binary on the bundled
//! plan, the output read back with the csv crate and calamine.

mod common;

use common::{actplan, arg, stderr};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SEED: &str = "plans/r5-growth-strategy.ron";

const HEADINGS: [&str; 13] = [
    "戦略名",
    "KPI",
    "施策",
    "事業名",
    "概要",
    "予算額",
    "期間",
    "進捗状況やスケジュール",
    "現状分析",
    "評価",
    "予算備考",
    "担当課",
    "ID",
];

const PROJECTS: [&str; 6] = [
    "県庁活性化促進事業",
    "地方創生人材育成研修事業",
    "働き方改革ラボ2.0事業",
    "マイナンバーカード利活用プラットフォーム実証事業",
    "行政手続きオンライン化事業",
    "サービス連携プラットフォーム等整備事業",
];

/// The records of CSV text, heading row first.
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn utf8_csv() -> Vec<u8> {
    let out = actplan(&["export", "--format", "csv", "-o", "-", SEED]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    out.stdout
}

#[test]
fn csv_has_a_bom_crlf_records_and_one_row_per_project() {
    let bytes = utf8_csv();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 byte-order mark first"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with(&format!("{}\r\n", HEADINGS.join(","))));
    let rows = records(text);
    assert_eq!(rows[0], HEADINGS);
    assert_eq!(rows.len(), 7, "the heading and 6 projects");
    let names: Vec<&str> = rows[1..].iter().map(|r| r[3].as_str()).collect();
    assert_eq!(names, PROJECTS);
    let online = &rows[5];
    assert_eq!(online[10], "※2,334は電子申請サービス委託料", "予算備考");
    assert_eq!(online[5], "2334", "a plain integer budget");
    assert_eq!(online[0], "（６）県庁オープン化戦略");
    assert_eq!(
        online[12], "s1/s1k2/s1m3/s1m3p2",
        "strategy/KPI/measure/project ids"
    );
    assert_eq!(
        online[2],
        "③デジタル技術を活用した住民サービスの向上・住民参加の推進"
    );
    assert_eq!(
        online[7],
        "R4.4～9 電子納付機能導入準備・電子納付対応手続の選定\nR4.10～ 電子納付、電子契約の開始",
        "progress entries one per line, LF inside the cell"
    );
    assert!(rows[1][1].starts_with("【ＫＰＩⅰ】一般行政部門職員"));
    assert!(
        rows[1][1].ends_with("（目標 1.0%/年 以上）"),
        "{}",
        rows[1][1]
    );
    assert_eq!(
        text.matches("\r\n").count(),
        7,
        "CRLF after each record only"
    );
}

#[test]
fn shift_jis_csv_is_the_same_table_without_bom() {
    let out = actplan(&[
        "export",
        "--format",
        "csv",
        "--encoding",
        "shift_jis",
        "-o",
        "-",
        SEED,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!out.stdout.starts_with(b"\xEF\xBB\xBF"));
    assert!(std::str::from_utf8(&out.stdout).is_err(), "not UTF-8");
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&out.stdout);
    assert!(!had_errors);
    assert_eq!(text.as_bytes(), &utf8_csv()[3..]);
}

#[test]
fn shift_jis_refuses_characters_it_lacks_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let seed = seed
        .replace(
            "電子申請可能な手続を拡充",
            "電子申請可能な手続を拡充（𠮷野町）",
        )
        .replace("プロポーザル実施", "プロポーザル実施😀");
    std::fs::write(&plan, seed).unwrap();
    let target = dir.path().join("out.csv");
    std::fs::write(&target, "previous export").unwrap();
    let out = actplan(&[
        "export",
        "--format",
        "csv",
        "--encoding",
        "shift_jis",
        "-o",
        arg(&target),
        arg(&plan),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    let file = plan.display();
    assert!(
        text.contains(&format!(
            "{file}: 行政手続きオンライン化事業 / 概要: \"𠮷\" cannot be written in Shift_JIS"
        )),
        "{text}"
    );
    assert!(
        text.contains("サービス連携プラットフォーム等整備事業 / 進捗状況やスケジュール: \"😀\""),
        "{text}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous export");
    let out = actplan(&["export", "--format", "csv", "-o", arg(&target), arg(&plan)]);
    assert_eq!(out.status.code(), Some(0), "UTF-8 takes every character");
    assert!(std::fs::read_to_string(&target).unwrap().contains("𠮷野町"));
}

fn xlsx_export(dir: &Path) -> PathBuf {
    let target = dir.join("plan.xlsx");
    let out = actplan(&["export", "--format", "xlsx", "-o", arg(&target), SEED]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    target
}

fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f:.0}"),
        other => other.to_string(),
    }
}

#[test]
fn xlsx_holds_the_csv_cells_numbers_and_a_sum() {
    let dir = tempfile::tempdir().unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook(xlsx_export(dir.path())).unwrap();
    assert_eq!(book.sheet_names(), ["事業一覧", "集計"]);
    let sheet = book.worksheet_range("事業一覧").unwrap();
    assert_eq!(sheet.start(), Some((0, 0)));
    let csv_rows = records(std::str::from_utf8(&utf8_csv()[3..]).unwrap());
    assert_eq!(
        sheet.height(),
        csv_rows.len() + 1,
        "the table and a total row"
    );
    for (r, csv_row) in csv_rows.iter().enumerate() {
        let cells: Vec<String> = (0..13).map(|c| text_of(&sheet[(r, c)])).collect();
        assert_eq!(&cells, csv_row, "row {}", r + 1);
    }
    assert_eq!(sheet[(5, 5)], Data::Float(2334.0), "budgets are numbers");
    assert_eq!(sheet[(7, 0)], Data::String("合計".to_owned()));
    assert_eq!(
        sheet[(7, 5)],
        Data::Float(169_051.0),
        "the SUM's cached result"
    );
    let formulas = book.worksheet_formula("事業一覧").unwrap();
    let (row, col) = formulas.start().unwrap();
    let total = formulas
        .get(((7 - row) as usize, (5 - col) as usize))
        .unwrap();
    assert_eq!(total, "SUM(F2:F7)");
}

#[test]
fn xlsx_totals_sheet_counts_a_project_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook(xlsx_export(dir.path())).unwrap();
    let sheet = book.worksheet_range("集計").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(text_of).collect())
        .collect();
    assert_eq!(rows[0], ["区分", "名称", "予算額（千円）", "事業数"]);
    let find = |name: &str| {
        rows.iter()
            .find(|r| r[1].starts_with(name))
            .unwrap()
            .clone()
    };
    assert_eq!(find("（６）県庁オープン化戦略")[2..], ["169051", "6"]);
    assert_eq!(find("【ＫＰＩⅰ】")[2..], ["16550", "3"]);
    assert_eq!(find("【ＫＰＩⅱ】")[2..], ["152501", "3"]);
    assert_eq!(find("③デジタル技術")[2..], ["152501", "3"]);
    assert_eq!(rows.last().unwrap()[0], "合計");
    assert_eq!(rows.last().unwrap()[2..], ["169051", "6"]);
}

#[test]
fn markdown_report_has_every_project_and_the_total() {
    let out = actplan(&["export", "--format", "md", "-o", "-", SEED]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    for name in PROJECTS {
        assert!(text.contains(&format!("##### {name}\n")), "{name}");
    }
    assert!(text.contains("169,051千円（6件"), "{text}");
    assert!(text.contains("## （６）県庁オープン化戦略"));
    assert!(text.contains("- 目標: 1.0%/年 以上\n- 達成度: 実績なし\n- 小計: 16,550千円（3件）"));
    assert!(text.contains("- 予算備考: ※2,334は電子申請サービス委託料"));
    assert!(text.contains("  - R4.10～ 電子納付、電子契約の開始\n"));
    assert!(text.trim_end().ends_with("169,051千円（6件、1計画）"));
}

#[test]
fn markdown_shows_a_measure_under_each_kpi_and_counts_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let measured = "direction: AtLeast,\n                    ),\n                    \
        baseline: 0.5,\n                    actuals: [(fiscal_year: 2023, value: 0.8)],\n";
    let seed = seed
        .replacen("kpis: [\"ⅱ\"]", "kpis: [\"ⅰ\", \"ⅱ\"]", 1)
        .replacen("direction: AtLeast,\n                    ),\n", measured, 1);
    std::fs::write(&plan, seed).unwrap();
    let out = actplan(&["export", "-o", "-", "--format", "md", arg(&plan)]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.matches("##### サービス連携プラットフォーム等整備事業")
            .count(),
        2
    );
    assert!(
        text.contains("- 小計: 169,051千円（6件）"),
        "KPI ⅰ now has all"
    );
    assert!(
        text.contains("- 達成度: 60%（R5年度 実績 0.8%/年）"),
        "{text}"
    );
    assert!(text.contains("- 達成度: 実績なし"), "KPI ⅱ has no actual");
    assert!(text.trim_end().ends_with("169,051千円（6件、1計画）"));
}

#[test]
fn several_plans_go_into_one_table_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let second = dir.path().join("second.ron");
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    std::fs::write(&second, seed.replace("県庁活性化促進事業", "二つ目の事業")).unwrap();
    let out = actplan(&["export", "--format", "csv", "-o", "-", SEED, arg(&second)]);
    let rows = records(std::str::from_utf8(&out.stdout[3..]).unwrap());
    assert_eq!(rows.len(), 13);
    assert_eq!(rows[1][3], "県庁活性化促進事業");
    assert_eq!(rows[7][3], "二つ目の事業");
}

#[test]
fn the_format_follows_the_extension_and_bad_combinations_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("table.csv");
    let out = actplan(&["export", "-o", arg(&target)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "defaults to plans/: {}",
        stderr(&out)
    );
    assert!(std::fs::read(&target).unwrap().starts_with(b"\xEF\xBB\xBF"));
    for args in [
        &["export", "--format", "xlsx", "-o", "-"][..],
        &[
            "export",
            "--format",
            "md",
            "--encoding",
            "shift_jis",
            "-o",
            "-",
        ],
        &["export", "-o", "table.txt"],
    ] {
        let out = actplan(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    assert!(!Path::new(ROOT).join("table.txt").exists());
}

#[test]
fn a_plan_that_does_not_load_exports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.csv");
    let out = actplan(&[
        "export",
        "-o",
        arg(&target),
        SEED,
        "tests/fixtures/invalid/syntax_error.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("syntax_error.ron:30:29: Expected comma"));
    assert!(!target.exists());
}

#[test]
fn a_plan_with_kpis_but_no_projects_is_refused_by_name_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = actplan::store::load(&Path::new(ROOT).join(SEED))
        .unwrap()
        .plan;
    for measure in plan.strategies.iter_mut().flat_map(|s| s.measures_mut()) {
        measure.projects.clear();
    }
    let file = dir.path().join("kpis-only.ron");
    actplan::store::save(&file, &plan).unwrap();
    let kpis: usize = plan.strategies.iter().map(|s| s.kpis.len()).sum();
    for (name, lang, message) in [
        (
            "table.csv",
            "en",
            format!(
                "{}: the plan has no projects, and the table has one row per project, so its {kpis} KPI(s) would be left out; add a project, or export a Markdown report (-o plan.md)",
                file.display()
            ),
        ),
        (
            "book.xlsx",
            "ja",
            format!(
                "{}: 事業が 1 つもありません。表は事業ごとに 1 行なので、KPI {kpis} 件が書き出されません。事業を加えるか、Markdown の報告書（-o 計画.md）として書き出してください",
                file.display()
            ),
        ),
    ] {
        let output = dir.path().join(name);
        let out = actplan(&["export", "--lang", lang, "-o", arg(&output), arg(&file)]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let text = stderr(&out);
        assert_eq!(text.lines().next(), Some(message.as_str()), "{text}");
        assert!(!output.exists(), "{name}");
    }
    let report = dir.path().join("plan.md");
    let out = actplan(&["export", "-o", arg(&report), arg(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains(&plan.strategies[0].kpis[0].statement),
        "{text}"
    );
}
