//! What is drawn over the screen and the interface's own words: the
//! questions and lists, the status bar, the panes and views.

use std::path::PathBuf;

use super::{Sample, assert_covered, sample};
use crate::model::fields::{Field, Kind};
use crate::words::tell::{Asked, Label, Pane};

fn path() -> PathBuf {
    PathBuf::from("plans/a.ron")
}

/// Every Asked; the match makes a new variant fail here until it is added.
pub fn every_asked() -> Vec<Sample> {
    let all = vec![
        Asked::UnsavedIn,
        Asked::DropsComments,
        Asked::FileComments {
            path: path(),
            count: 2,
        },
        Asked::EditsKept { path: path() },
        Asked::WhenStopped {
            written: "2026-12-03 10:00:00".to_owned(),
            user: "alice".to_owned(),
        },
        Asked::NotApplied {
            text: "12x".to_owned(),
        },
        Asked::Delete {
            kind: "事業".to_owned(),
            label: String::new(),
            name: "DX推進事業".to_owned(),
        },
        Asked::EverythingUnder,
        Asked::FiltersNow { filter: None },
        Asked::FiltersNow {
            filter: Some("期限超過".to_owned()),
        },
        Asked::AndMore { count: 4 },
        Asked::Yours,
        Asked::Theirs,
        Asked::CopyKept,
        Asked::ConflictTitle {
            number: 1,
            of: 2,
            path: path(),
        },
        Asked::MoveProjectTo,
        Asked::MoveMeasureTo,
        Asked::KpisServed,
        Asked::PickerKeys,
        Asked::HelpTitle,
    ];
    let index = |a: &Asked| match a {
        Asked::UnsavedIn => 0,
        Asked::DropsComments => 1,
        Asked::FileComments { .. } => 2,
        Asked::EditsKept { .. } => 3,
        Asked::WhenStopped { .. } => 4,
        Asked::NotApplied { .. } => 5,
        Asked::Delete { .. } => 6,
        Asked::EverythingUnder => 7,
        Asked::FiltersNow { .. } => 8,
        Asked::AndMore { .. } => 9,
        Asked::Yours => 10,
        Asked::Theirs => 11,
        Asked::CopyKept => 12,
        Asked::ConflictTitle { .. } => 13,
        Asked::MoveProjectTo => 14,
        Asked::MoveMeasureTo => 15,
        Asked::KpisServed => 16,
        Asked::PickerKeys => 17,
        Asked::HelpTitle => 18,
    };
    assert_covered(all.iter().map(index), 19);
    all.into_iter().map(sample).collect()
}

/// Every Label; the match makes a new variant fail here until it is added.
pub fn every_label() -> Vec<Sample> {
    let all = [
        Label::TreeMode,
        Label::DetailMode,
        Label::EditMode,
        Label::HelpMode,
        Label::AskMode,
        Label::FindMode,
        Label::ReadOnly,
        Label::OthersUnsaved { count: 2 },
        Label::Searching,
        Label::FilterText,
        Label::FilterBudget,
    ];
    let index = |l: &Label| match l {
        Label::TreeMode => 0,
        Label::DetailMode => 1,
        Label::EditMode => 2,
        Label::HelpMode => 3,
        Label::AskMode => 4,
        Label::FindMode => 5,
        Label::ReadOnly => 6,
        Label::OthersUnsaved { .. } => 7,
        Label::Searching => 8,
        Label::FilterText => 9,
        Label::FilterBudget => 10,
    };
    assert_covered(all.iter().map(index), 11);
    all.into_iter().map(sample).collect()
}

/// Every Pane; the match makes a new variant fail here until it is added.
pub fn every_pane() -> Vec<Sample> {
    let text = |t: &str| t.to_owned();
    let all = vec![
        Pane::Total,
        Pane::Subtotal,
        Pane::Measures,
        Pane::Projects,
        Pane::Kpis,
        Pane::KpiContents,
        Pane::Achievement,
        Pane::LastChange,
        Pane::Selected,
        Pane::Loading,
        Pane::Count { projects: 3 },
        Pane::KpiWithTarget {
            label: text("ⅰ"),
            statement: text("DX"),
            target: text("1.0%"),
        },
        Pane::Actual {
            year: text("R5年度"),
            actual: text("0.8"),
            gauge: text("[###-------] 30%"),
        },
        Pane::NoActuals,
        Pane::Entered {
            gauge: text("[########--] 80%"),
        },
        Pane::NoSuchKpi,
        Pane::Inherited {
            name: text("人事課"),
            from: Kind::Measure,
            level: String::new(),
        },
        Pane::Inherited {
            name: text("人事企画課"),
            from: Kind::Strategy,
            level: text("政策内容"),
        },
        Pane::FiscalYearNote { year: 2023 },
        Pane::PlansOpen { count: 2 },
        Pane::Editing {
            field: Field::Budget,
            kind: Kind::Project,
        },
        Pane::ScheduleGuide,
        Pane::AnalysisGuide,
        Pane::MultilineGuide,
        Pane::SingleLineGuide,
        Pane::BudgetByStrategy,
        Pane::BudgetByKpi,
        Pane::BudgetByMeasure,
        Pane::SwitchGrouping,
        Pane::KpiProgress,
        Pane::NoAchievement,
        Pane::NoActualsListed,
        Pane::TargetAndBaseline {
            target: text("1.0%"),
            baseline: text("-"),
        },
        Pane::ActualsList {
            actuals: text("R5年度 0.8"),
        },
        Pane::Timeline {
            span: text("2023-04..2024-03"),
        },
        Pane::Filtered {
            filter: text("期限超過"),
            projects: 2,
            budget: text("4,450千円"),
        },
        Pane::GradeCounts,
        Pane::ProjectsByGrade,
        Pane::KpisByRule,
        Pane::GradedLevel {
            level: text("政策項目"),
        },
        Pane::GradedLevelByRule {
            level: text("測定指標"),
        },
        Pane::Ungraded,
        Pane::OffScale,
        Pane::NoRate,
        Pane::MeasuresByGrade,
        Pane::StrategiesByGrade,
        Pane::KpisByGrade,
        Pane::ByRule { grade: text("A") },
        Pane::Differs,
        Pane::KpiGrades {
            entered: text("[◎] 計画以上"),
            computed: Some(text("[○] 計画どおり")),
            differs: true,
        },
        Pane::StatedTotalDiffers {
            stated: text("170,000千円"),
        },
        Pane::Blank {
            projects: 2,
            figure: text("当初予算"),
        },
    ];
    let index = |p: &Pane| match p {
        Pane::Total => 0,
        Pane::Subtotal => 1,
        Pane::Measures => 2,
        Pane::Projects => 3,
        Pane::Kpis => 4,
        Pane::KpiContents => 5,
        Pane::Achievement => 6,
        Pane::LastChange => 7,
        Pane::Selected => 8,
        Pane::Loading => 9,
        Pane::Count { .. } => 10,
        Pane::KpiWithTarget { .. } => 11,
        Pane::Actual { .. } => 12,
        Pane::NoActuals => 13,
        Pane::Entered { .. } => 41,
        Pane::NoSuchKpi => 14,
        Pane::FiscalYearNote { .. } => 15,
        Pane::PlansOpen { .. } => 16,
        Pane::Editing { .. } => 17,
        Pane::ScheduleGuide => 18,
        Pane::AnalysisGuide => 19,
        Pane::MultilineGuide => 20,
        Pane::SingleLineGuide => 21,
        Pane::BudgetByStrategy => 22,
        Pane::BudgetByKpi => 23,
        Pane::BudgetByMeasure => 24,
        Pane::SwitchGrouping => 25,
        Pane::KpiProgress => 26,
        Pane::NoAchievement => 27,
        Pane::NoActualsListed => 28,
        Pane::TargetAndBaseline { .. } => 29,
        Pane::ActualsList { .. } => 30,
        Pane::Timeline { .. } => 31,
        Pane::Filtered { .. } => 32,
        Pane::GradeCounts => 33,
        Pane::ProjectsByGrade => 34,
        Pane::KpisByRule => 35,
        Pane::Ungraded => 36,
        Pane::OffScale => 37,
        Pane::NoRate => 38,
        Pane::StatedTotalDiffers { .. } => 39,
        Pane::Inherited { .. } => 40,
        Pane::MeasuresByGrade => 42,
        Pane::KpisByGrade => 43,
        Pane::ByRule { .. } => 44,
        Pane::Differs => 45,
        Pane::KpiGrades { .. } => 46,
        Pane::Blank { .. } => 47,
        Pane::GradedLevel { .. } => 48,
        Pane::GradedLevelByRule { .. } => 49,
        Pane::StrategiesByGrade => 50,
    };
    assert_covered(all.iter().map(index), 51);
    all.into_iter().map(sample).collect()
}
