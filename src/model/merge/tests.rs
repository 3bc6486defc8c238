//! Merges of field values and plain lists, and `changes`.

use super::{Conflict, FieldPath, Plan, Side, changes, merge};
use crate::model::{Actual, DatedTarget, Period, Project, ScheduleEntry, TargetKind, TargetValue};

fn seed() -> Plan {
    ron::from_str(include_str!("../../../plans/r5-growth-strategy.ron")).unwrap()
}

fn project_mut(plan: &mut Plan, m: usize, p: usize) -> &mut Project {
    &mut plan.strategies[0].measure_mut(m).projects[p]
}

fn entry(line: &str) -> ScheduleEntry {
    ScheduleEntry::from_line(line)
}

#[test]
fn changes_to_different_projects_and_fields_merge_quietly() {
    let base = seed();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    project_mut(&mut mine, 0, 0).budget = Some(5000);
    project_mut(&mut theirs, 2, 1).budget_note = "※改訂".to_owned();
    project_mut(&mut theirs, 0, 0).overview = "新しい概要".to_owned();
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        merged.plan.strategies[0].measures[0].projects[0].budget,
        Some(5000)
    );
    assert_eq!(
        merged.plan.strategies[0].measures[0].projects[0].overview,
        "新しい概要"
    );
    assert_eq!(
        merged.plan.strategies[0].measures[2].projects[1].budget_note,
        "※改訂"
    );
}

#[test]
fn entries_added_on_both_sides_are_all_kept() {
    let base = seed();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    project_mut(&mut mine, 2, 2)
        .schedule
        .push(entry("R5.10 こちらの追記"));
    project_mut(&mut theirs, 2, 2)
        .schedule
        .push(entry("R5.11 あちらの追記"));
    project_mut(&mut theirs, 2, 2)
        .analysis
        .push("・あちらの分析".to_owned());
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert!(merged.conflicts.is_empty());
    let p = &merged.plan.strategies[0].measures[2].projects[2];
    let lines: Vec<String> = p.schedule.iter().map(ScheduleEntry::to_line).collect();
    assert_eq!(lines[3..], ["R5.11 あちらの追記", "R5.10 こちらの追記"]);
    assert_eq!(p.analysis.last().unwrap(), "・あちらの分析");
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_settled_by_choice() {
    let base = seed();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    project_mut(&mut mine, 2, 1).budget = Some(3000);
    project_mut(&mut theirs, 2, 1).budget = Some(2500);
    let merged = merge(&base, &mine, &theirs, &|_| Side::Theirs);
    assert_eq!(
        merged.conflicts,
        [Conflict {
            path: FieldPath::root()
                .field("projects")
                .node("s1m3p2")
                .field("budget"),
            label: "（６）県庁オープン化戦略 / ③デジタル技術を活用した住民サービスの向上・住民参加の推進 / 行政手続きオンライン化事業 / 予算額".to_owned(),
            mine: "3,000".to_owned(),
            theirs: "2,500".to_owned(),
        }]
    );
    assert_eq!(
        merged.plan.strategies[0].measures[2].projects[1].budget,
        Some(2500)
    );
    let other = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert_eq!(
        other.plan.strategies[0].measures[2].projects[1].budget,
        Some(3000)
    );
}

#[test]
fn a_removed_entry_against_a_changed_list_is_one_conflict() {
    let base = seed();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    project_mut(&mut mine, 0, 0).schedule.remove(0);
    project_mut(&mut theirs, 0, 0).schedule[1].date = Some(Period::parse("R5.6").unwrap());
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.conflicts[0]
            .label
            .ends_with("県庁活性化促進事業 / 進捗状況やスケジュール")
    );
    assert_eq!(
        merged.plan.strategies[0].measures[0].projects[0]
            .schedule
            .len(),
        4
    );
}

#[test]
fn changes_lists_what_an_edit_did() {
    let base = seed();
    let mut edited = base.clone();
    project_mut(&mut edited, 2, 2)
        .schedule
        .push(entry("R5.10 テスト入力"));
    project_mut(&mut edited, 1, 0).budget = Some(9300);
    let found: Vec<String> = changes(&base, &edited)
        .iter()
        .map(|c| {
            format!(
                "{}: {} -> {}",
                c.label
                    .rsplit(" / ")
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" < "),
                c.before,
                c.after
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "予算額 < 働き方改革ラボ2.0事業: 9,200 -> 9,300",
            "進捗状況やスケジュール < サービス連携プラットフォーム等整備事業:  -> R5.10 テスト入力",
        ]
    );
}

#[test]
fn a_kpi_s_targets_by_year_and_its_baseline_date_merge_with_a_colleague_s_actual() {
    let base = seed();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    let dated = DatedTarget {
        at: Period::parse("R7年度").unwrap(),
        value: TargetValue::Text("全国1位".to_owned()),
        kind: Some(TargetKind::LongTerm),
    };
    mine.strategies[0].kpis[1].targets.push(dated.clone());
    mine.strategies[0].kpis[1].baseline_at = Some(Period::parse("H27.4").unwrap());
    theirs.strategies[0].kpis[1].actuals.push(Actual {
        fiscal_year: 2023,
        at: Some(Period::parse("R5.6.30").unwrap()),
        value: 18.0,
    });
    theirs.strategies[0].kpis[1].entered_achievement = Some(40.0);
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert!(merged.conflicts.is_empty());
    let kpi = &merged.plan.strategies[0].kpis[1];
    assert_eq!(kpi.targets, [dated]);
    assert_eq!(kpi.baseline_at.as_ref().map(Period::as_str), Some("H27.4"));
    assert_eq!(kpi.actuals.last().map(|a| a.value), Some(18.0));
    assert_eq!(kpi.entered_achievement, Some(40.0));
    let found: Vec<String> = changes(&base, &mine)
        .iter()
        .map(|c| format!("{} -> {}", c.before, c.after))
        .collect();
    assert_eq!(found, [" -> R7年度 全国1位 長期", " -> H27.4"]);
}

#[test]
fn departments_of_strategies_and_measures_merge_like_any_field() {
    let base = seed();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    mine.strategies[0].owner = "総務部".to_owned();
    theirs.strategies[0].measure_mut(0).owner = "人事課".to_owned();
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.plan.strategies[0].owner, "総務部");
    assert_eq!(merged.plan.strategies[0].measures[0].owner, "人事課");

    theirs.strategies[0].owner = "企画部".to_owned();
    for (side, owner) in [(Side::Mine, "総務部"), (Side::Theirs, "企画部")] {
        let merged = merge(&base, &mine, &theirs, &|_| side);
        assert_eq!(merged.conflicts.len(), 1, "both changed the strategy's");
        assert!(merged.conflicts[0].label.ends_with("担当課"));
        assert_eq!(merged.plan.strategies[0].owner, owner);
    }
}

#[test]
fn grades_scores_and_reasons_of_any_node_merge_field_by_field() {
    let base = seed();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    mine.strategies[0].kpis[0].evaluation = "順調".to_owned();
    theirs.strategies[0].kpis[0].reason = "目標に届いた".to_owned();
    mine.strategies[0].measure_mut(1).score = Some(7);
    theirs.strategies[0].measure_mut(1).evaluation = "遅れ".to_owned();
    project_mut(&mut mine, 2, 0).reason = "実証を終えた".to_owned();
    project_mut(&mut theirs, 2, 0).score = Some(9);
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let kpi = &merged.plan.strategies[0].kpis[0];
    assert_eq!(
        (kpi.evaluation.as_str(), kpi.reason.as_str()),
        ("順調", "目標に届いた")
    );
    let measure = &merged.plan.strategies[0].measures[1];
    assert_eq!(
        (measure.evaluation.as_str(), measure.score),
        ("遅れ", Some(7))
    );
    let project = &merged.plan.strategies[0].measures[2].projects[0];
    assert_eq!(
        (project.reason.as_str(), project.score),
        ("実証を終えた", Some(9))
    );
    // Both grading one KPI differently is a conflict, named by its heading.
    theirs.strategies[0].kpis[0].evaluation = "遅れ".to_owned();
    let merged = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.conflicts[0].label.ends_with("評価"),
        "{:?}",
        merged.conflicts
    );
    assert_eq!(
        (
            merged.conflicts[0].mine.as_str(),
            merged.conflicts[0].theirs.as_str()
        ),
        ("順調", "遅れ")
    );
}
