//! What the app tells its user while it runs: messages and notices.

use std::path::PathBuf;

use super::{Sample, assert_covered, sample};
use crate::config::ConfigProblem;
use crate::keymap::{KeyError, OverrideError};
use crate::model::fields::{Field, FieldError, Kind};
use crate::model::find::RangeError;
use crate::regular_file::ReadError;
use crate::store::{LoadError, LoadReason, SaveError};
use crate::words::tell::{Change, Ended, Message, Notice, Said, SavedFile};

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
                    newer: Vec::new(),
                },
                SavedFile {
                    path: path(),
                    merged: true,
                    newer: vec![crate::model::fields::Field::Headings],
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

/// Every Ended; the match makes a new variant fail here until it is added.
pub fn every_ended() -> Vec<Sample> {
    let error = || "Input/output error (os error 5)".to_owned();
    let all = vec![
        Ended::CannotWatchSignals { error: error() },
        Ended::CannotUseTerminal { error: error() },
        Ended::LostTerminal { error: error() },
        Ended::EditsKeptIn { file: path() },
        Ended::CannotKeepEdits(save_error()),
    ];
    let index = |e: &Ended| match e {
        Ended::CannotWatchSignals { .. } => 0,
        Ended::CannotUseTerminal { .. } => 1,
        Ended::LostTerminal { .. } => 2,
        Ended::EditsKeptIn { .. } => 3,
        Ended::CannotKeepEdits(_) => 4,
    };
    assert_covered(all.iter().map(index), 5);
    all.into_iter().map(sample).collect()
}
