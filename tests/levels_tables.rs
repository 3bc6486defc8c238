//! Plans of their own levels through tables: export heads the columns with
//! the plan's levels (a column per heading level, `（－）` for a part the
//! plan shows none of) and import gives the same plan back; a budget sheet
//! of projects alone imports as such.

mod common;

use std::path::Path;

use actplan::model::Plan;
use actplan::model::levels::Role;
use actplan::store;
use common::{actplan, arg, stderr};

const FIVE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/levels/five.ron"
);
const SHEET: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/levels/budget_sheet.ron"
);

fn load(path: &Path) -> Plan {
    store::load(path).unwrap().plan
}

/// `plan_file` exported as `name` and imported back, titled as it was.
fn exported_and_back(dir: &Path, plan_file: &Path, name: &str) -> Plan {
    let table = dir.join(name);
    let out = actplan(&["export", "-o", arg(&table), arg(plan_file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = dir.join(format!("{name}.ron"));
    let title = load(plan_file).title;
    let out = actplan(&["import", arg(&table), "-o", arg(&back), "--title", &title]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    load(&back)
}

#[test]
fn a_plan_of_five_levels_heads_its_columns_with_them_and_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let want = load(Path::new(FIVE));
    for name in ["five.csv", "five.xlsx"] {
        assert_eq!(
            exported_and_back(dir.path(), Path::new(FIVE), name),
            want,
            "{name}"
        );
    }
    let csv = std::fs::read_to_string(dir.path().join("five.csv")).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap().starts_with(
            "\u{feff}見出し（分野）,見出し（戦略の柱）,戦略名（取組方針）,KPI（－）,施策（施策）,事業名（取組）,概要,予算額"
        ),
        "{csv}"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("1 農業分野,(1)柱A,①方針a,,ア 施策a,取組a,")
    );
    // A strategy straight under a top heading leaves the next one blank.
    assert!(csv.contains("\r\n2 林業分野,,①方針d,"), "{csv}");
}

#[test]
fn a_budget_sheet_comes_back_as_projects_alone() {
    let dir = tempfile::tempdir().unwrap();
    let want = load(Path::new(SHEET));
    assert_eq!(
        exported_and_back(dir.path(), Path::new(SHEET), "sheet.csv"),
        want
    );
}

#[test]
fn a_table_of_projects_budgets_and_periods_alone_is_a_plan_of_one_level() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("予算.csv");
    std::fs::write(
        &table,
        "事業名,予算額（千円）,期間\n情報通信技術利活用戦略検討事業,947,H23.4～H24.3\n次世代改革推進費,\"1,200\",H23.4～H24.3\n",
    )
    .unwrap();
    let out_file = dir.path().join("予算.ron");
    let out = actplan(&["import", arg(&table), "-o", arg(&out_file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = load(&out_file);
    assert_eq!(plan.level_names(), ["事業"]);
    assert_eq!(plan.roles(), [Role::Project]);
    let projects: Vec<(&str, Option<u64>)> = (plan.strategies.iter())
        .flat_map(|s| &s.measures)
        .flat_map(|m| &m.projects)
        .map(|p| (p.name.as_str(), p.budget))
        .collect();
    assert_eq!(
        projects,
        [
            ("情報通信技術利活用戦略検討事業", Some(947)),
            ("次世代改革推進費", Some(1200))
        ]
    );
    let check = actplan(&["check", arg(&out_file)]);
    assert_eq!(check.status.code(), Some(0), "{}", common::stdout(&check));
}

#[test]
fn the_report_gives_each_level_its_own_depth() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("five.md");
    let out = actplan(&["export", "-o", arg(&md), FIVE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&md).unwrap();
    let titles: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        titles[..7],
        [
            "# t",
            "## 1農業分野",
            "### (1)柱A",
            "#### ①方針a",
            "##### ア施策a",
            "###### 取組a",
            "#### ②方針b",
        ]
    );
    assert!(text.contains("## 1農業分野\n\n小計: 123千円（3件）\n\n担当課: 農業振興部"));
    assert!(
        !text.contains("ＫＰＩ"),
        "no KPI level, no KPI headings:\n{text}"
    );
}
