//! `actplan summary --json`, as a script reads it: each plan's file, levels,
//! unit, totals, grades, the budget in each department's charge and how far
//! each KPI has come.

mod common;

use common::{actplan, stderr};
use serde_json::{Value, json};

const FIXTURE: &str = "tests/fixtures/summary/departments.ron";

fn summary(path: &str) -> Value {
    let out = actplan(&["summary", "--json", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all: Value = serde_json::from_slice(&out.stdout).unwrap();
    all["plans"][0].clone()
}

#[test]
fn the_bundled_plan_has_its_levels_grades_departments_and_indicators() {
    let plan = summary("plans/r5-growth-strategy.ron");
    assert_eq!(plan["file"], "plans/r5-growth-strategy.ron");
    assert_eq!(plan["levels"], json!(["戦略", "KPI", "施策", "事業"]));
    assert_eq!(plan["unit"], "千円");
    assert_eq!(plan["total"], 169_051);
    assert_eq!(plan["projects"], 6);
    assert_eq!(
        plan["grades"],
        json!({"順調": 0, "概ね順調": 0, "やや遅れ": 0, "遅れ": 0, "完了": 0, "未着手": 0, "": 6}),
        "every grade of the scale; the ungraded under \"\""
    );
    assert_eq!(
        plan["departments"],
        json!({"": 169_051}),
        "no department named: all under \"\""
    );
    let indicators = plan["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 2);
    assert_eq!(indicators[1]["label"], "ⅱ");
    assert_eq!(indicators[1]["target"], 20.0);
    assert_eq!(indicators[1]["latest"], Value::Null);
    assert_eq!(
        indicators[1]["achievement"],
        Value::Null,
        "nothing measured yet"
    );
}

#[test]
fn departments_are_inherited_and_achievements_follow_the_app() {
    let plan = summary(FIXTURE);
    assert_eq!(plan["file"], FIXTURE);
    assert_eq!(plan["total"], 1234);
    assert_eq!(plan["projects"], 4);
    assert_eq!(
        plan["departments"],
        json!({"総務部": 30, "デジタル政策課": 1000, "会計課": 200, "": 4}),
        "a project's own, else its measure's, else its strategy's"
    );
    assert_eq!(
        plan["grades"],
        json!({"順調": 2, "概ね順調": 0, "やや遅れ": 0, "遅れ": 1, "完了": 0, "未着手": 0, "": 1})
    );
    assert_eq!(
        plan["indicators"],
        json!([
            {"strategy": "（１）", "label": "ⅰ", "name": "電子申請の割合を80%以上とする",
             "target": 80.0, "unit": "%", "latest": 70.0, "achievement": 75.0, "grade": null},
            {"strategy": "（１）", "label": "ⅱ", "name": "窓口の待ち時間を15分以内とする",
             "target": 15.0, "unit": "分", "latest": null, "achievement": null, "grade": null},
            {"strategy": "（１）", "label": "ⅲ", "name": "苦情件数を0件とする",
             "target": 0.0, "unit": "件", "latest": 3.0, "achievement": null, "grade": null},
        ]),
        "from the baseline to the latest year; none without an actual or against a target of 0"
    );
}

#[test]
fn a_plan_with_departments_is_written_back_as_it_was_read() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let text = std::fs::read_to_string(&path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("plan.ron");
    let plan = actplan::store::load(&path).unwrap().plan;
    assert_eq!(plan.strategies[0].owner, "総務部");
    assert_eq!(plan.strategies[0].measures[0].owner, "デジタル政策課");
    actplan::store::save(&copy, &plan).unwrap();
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), text);
}

#[test]
fn kpis_are_graded_by_the_plans_rule() {
    let plan = summary("tests/fixtures/valid/graded.ron");
    assert_eq!(
        plan["kpi_grades"],
        json!({"計画よりも進んでいる": 1, "計画通り進んでいる": 1, "計画よりも遅れている": 0, "": 1})
    );
    let grades: Vec<&Value> = plan["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| &k["grade"])
        .collect();
    assert_eq!(
        grades,
        [
            &json!("計画よりも進んでいる"),
            &json!("計画通り進んでいる"),
            &Value::Null
        ]
    );
    assert_eq!(
        summary(FIXTURE)["kpi_grades"],
        Value::Null,
        "no rule, no grades"
    );
}

#[test]
fn a_plan_of_two_levels_lists_those_two() {
    let plan = summary("plans/examples/20-tottori-jigo-hyoka-seikatsuken.ron");
    assert_eq!(plan["levels"], json!(["計画の目標", "成果目標"]));
}
