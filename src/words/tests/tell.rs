//! What the app tells its user while it runs.

use std::path::PathBuf;

use super::{Sample, assert_covered, sample};
use crate::config::ConfigProblem;
use crate::keymap::{KeyError, OverrideError};
use crate::model::fields::{Field, FieldError, Kind};
use crate::model::find::RangeError;
use crate::regular_file::ReadError;
use crate::store::{LoadError, LoadReason, SaveError};
use crate::words::tell::{Asked, Change, Label, Message, Notice, Pane, Said, SavedFile};

fn path() -> PathBuf {
    PathBuf::from("plans/a.ron")
}

fn load_error() -> LoadError {
    LoadError::File {
        path: path(),
        reason: LoadReason::NotFound,
    }
}

fn save_error() -> SaveError {
    SaveError {
        path: path(),
        source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    }
}

const EDIT: Change = Change::Edit {
    field: Field::Name,
    kind: Kind::Project,
};

/// Every Said; the match makes a new variant fail here until it is added.
pub fn every_said() -> Vec<Sample> {
    let query = || "DX".to_owned();
    let all = vec![
        Said::Counting { query: query() },
        Said::Matches {
            count: 3,
            query: query(),
        },
        Said::NoSearch,
        Said::Searching,
        Said::NoMatch,
        Said::Refused {
            field: Field::Name,
            error: FieldError::ProjectNeedsName,
        },
        Said::Updated { what: EDIT },
        Said::NotAdded,
        Said::EditDiscarded,
        Said::Showing {
            projects: 2,
            filter: "期限超過".to_owned(),
        },
        Said::ShowingEverything,
        Said::BadBudgetRange(RangeError::NotARange {
            text: "abc".to_owned(),
        }),
        Said::ReadOnly,
        Said::DatesGregorian,
        Said::DatesAsWritten,
        Said::PasteIgnored,
        Said::CannotWriteRecovery(save_error()),
        Said::RecoveredDiscarded,
        Said::Restored {
            count: 2,
            unapplied: Some("予算額: 12x".to_owned()),
        },
        Said::NotRestored,
        Said::RestoredWithCopy { copy: path() },
        Said::NotSaved,
        Said::NotSavedEditsKept,
        Said::NoUnsavedChanges,
        Said::Saved {
            files: vec![
                SavedFile {
                    path: path(),
                    merged: false,
                },
                SavedFile {
                    path: path(),
                    merged: true,
                },
            ],
        },
        Said::SavedWithCopy {
            file: path(),
            copy: path(),
        },
        Said::CannotSave(save_error()),
        Said::CannotReadBeforeSave(load_error()),
        Said::ChangedAndUnreadable(load_error()),
        Said::CannotWriteCopy(save_error()),
        Said::ChooseProjectForEntry,
        Said::NothingToAdd,
        Said::WholePlanNotDeleted,
        Said::NotDeleted,
        Said::NothingToDelete,
        Said::Deleted,
        Said::ChooseWhatToMove,
        Said::ChooseMeasureToLink,
        Said::NowhereToMove,
        Said::CannotDoThat,
        Said::Moved,
        Said::NothingToUndo,
        Said::NothingToRedo,
        Said::Undone {
            what: Change::Delete,
        },
        Said::Redone { what: Change::Move },
        Said::CannotUndo { what: EDIT },
        Said::CannotRedo { what: Change::Link },
        Said::Reloaded {
            files: vec![path(), path()],
        },
        Said::ReloadFailed(load_error()),
    ];
    let index = |s: &Said| match s {
        Said::Counting { .. } => 0,
        Said::Matches { .. } => 1,
        Said::NoSearch => 2,
        Said::Searching => 3,
        Said::NoMatch => 4,
        Said::Refused { .. } => 5,
        Said::Updated { .. } => 6,
        Said::NotAdded => 7,
        Said::EditDiscarded => 8,
        Said::Showing { .. } => 9,
        Said::ShowingEverything => 10,
        Said::BadBudgetRange(_) => 11,
        Said::ReadOnly => 12,
        Said::DatesGregorian => 13,
        Said::DatesAsWritten => 14,
        Said::PasteIgnored => 15,
        Said::CannotWriteRecovery(_) => 16,
        Said::RecoveredDiscarded => 17,
        Said::Restored { .. } => 18,
        Said::NotRestored => 19,
        Said::RestoredWithCopy { .. } => 20,
        Said::NotSaved => 21,
        Said::NotSavedEditsKept => 22,
        Said::NoUnsavedChanges => 23,
        Said::Saved { .. } => 24,
        Said::SavedWithCopy { .. } => 25,
        Said::CannotSave(_) => 26,
        Said::CannotReadBeforeSave(_) => 27,
        Said::ChangedAndUnreadable(_) => 28,
        Said::CannotWriteCopy(_) => 29,
        Said::ChooseProjectForEntry => 30,
        Said::NothingToAdd => 31,
        Said::WholePlanNotDeleted => 32,
        Said::NotDeleted => 33,
        Said::NothingToDelete => 34,
        Said::Deleted => 35,
        Said::ChooseWhatToMove => 36,
        Said::ChooseMeasureToLink => 37,
        Said::NowhereToMove => 38,
        Said::CannotDoThat => 39,
        Said::Moved => 40,
        Said::NothingToUndo => 41,
        Said::NothingToRedo => 42,
        Said::Undone { .. } => 43,
        Said::Redone { .. } => 44,
        Said::CannotUndo { .. } => 45,
        Said::CannotRedo { .. } => 46,
        Said::Reloaded { .. } => 47,
        Said::ReloadFailed(_) => 48,
    };
    assert_covered(all.iter().map(index), 49);
    all.into_iter().map(sample).collect()
}

/// Every Change; the match makes a new variant fail here until it is added.
pub fn every_change() -> Vec<Sample> {
    let all = [
        Change::Add,
        Change::Delete,
        Change::Reorder,
        Change::Move,
        Change::Link,
        EDIT,
    ];
    let index = |c: &Change| match c {
        Change::Add => 0,
        Change::Delete => 1,
        Change::Reorder => 2,
        Change::Move => 3,
        Change::Link => 4,
        Change::Edit { .. } => 5,
    };
    assert_covered(all.iter().map(index), 6);
    all.into_iter().map(sample).collect()
}

/// Every Notice, and a message said as news and as an error.
pub fn every_notice() -> Vec<Sample> {
    // Notices borrow what they tell of; a sample lives as long as the test.
    let error: &'static LoadError = Box::leak(Box::new(load_error()));
    let problem: &'static ConfigProblem = Box::leak(Box::new(ConfigProblem::Unreadable {
        path: PathBuf::from("config.ron"),
        error: ReadError::NotAFile,
    }));
    let key: &'static OverrideError = Box::leak(Box::new(OverrideError {
        key: "x".to_owned(),
        context: "Tree".to_owned(),
        reason: KeyError::NotAKey {
            key: "Hyper-Q".to_owned(),
        },
    }));
    let who: &'static [String] = Box::leak(Box::new(["bob".to_owned()]));
    let plan: &'static std::path::Path = Box::leak(path().into_boxed_path());
    let all = vec![
        Notice::CouldNotOpen { count: 2 },
        Notice::LoadFailed(error),
        Notice::Settings(problem),
        Notice::Key(key),
        Notice::OthersEditing { who, path: plan },
        Notice::ChangedOnDisk { path: plan },
    ];
    let index = |n: &Notice| match n {
        Notice::CouldNotOpen { .. } => 0,
        Notice::LoadFailed(_) => 1,
        Notice::Settings(_) => 2,
        Notice::Key(_) => 3,
        Notice::OthersEditing { .. } => 4,
        Notice::ChangedOnDisk { .. } => 5,
    };
    assert_covered(all.iter().map(index), 6);
    let mut samples: Vec<Sample> = all.into_iter().map(sample).collect();
    for is_error in [false, true] {
        samples.push(sample(Message {
            said: Said::NotSaved,
            is_error,
        }));
    }
    samples
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
        Pane::NoSuchKpi,
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
    };
    assert_covered(all.iter().map(index), 33);
    all.into_iter().map(sample).collect()
}
