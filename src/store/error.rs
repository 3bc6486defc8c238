//! Why a plan file could not be read or written, as values: the file, the
//! place in it where there is one, and the reason. `words` says them.

use std::path::{Path, PathBuf};

use super::locate::Position;
use super::refusal::{self, IoProblem, Refusal};
use super::syntax::Syntax;
use crate::model::period::PeriodError;

/// Why a plan file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    File {
        path: PathBuf,
        reason: LoadReason,
    },
    At {
        path: PathBuf,
        at: Position,
        reason: LoadReason,
    },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::File { path, .. } | LoadError::At { path, .. } => path,
        }
    }

    /// The line and column, when the reason is at one place in the file.
    pub fn position(&self) -> Option<Position> {
        match self {
            LoadError::File { .. } => None,
            LoadError::At { at, .. } => Some(*at),
        }
    }

    pub fn reason(&self) -> &LoadReason {
        match self {
            LoadError::File { reason, .. } | LoadError::At { reason, .. } => reason,
        }
    }
}

/// What is wrong with a plan file, without its name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadReason {
    NotFound,
    PermissionDenied,
    /// Another I/O error, in the system's words.
    CannotRead {
        error: String,
    },
    Refused(Refusal),
    IsDirectory,
    NoPlanFiles,
    Empty,
    NotUtf8,
    /// Not UTF-8 but Shift_JIS, as saved on Japanese Windows; `path` is
    /// named in the command that converts it.
    ShiftJis {
        path: PathBuf,
    },
    /// The plan's RON, or a value in it, is wrong.
    Syntax(Syntax<PeriodError>),
    /// The background read of a large plan ended without a result.
    Stopped,
    RecoveryUnreadable {
        error: String,
    },
}

impl LoadReason {
    /// The reason an I/O error gives for reading `path`.
    pub(super) fn of_io(error: &std::io::Error) -> LoadReason {
        if let Some(refusal) = refusal::of(error) {
            return LoadReason::Refused(refusal.clone());
        }
        match error.kind() {
            std::io::ErrorKind::NotFound => LoadReason::NotFound,
            std::io::ErrorKind::PermissionDenied => LoadReason::PermissionDenied,
            _ => LoadReason::CannotRead {
                error: error.to_string(),
            },
        }
    }
}

/// Why a save failed; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub struct SaveError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveReason<'a> {
    /// A refusal about the file being saved (its name is said once).
    Refused(&'a Refusal),
    /// A refusal about another file (a lock, a backup), named.
    RefusedOther(&'a Refusal),
    Io(IoProblem),
}

impl SaveError {
    pub fn reason(&self) -> SaveReason<'_> {
        match refusal::of(&self.source) {
            Some(r) if r.path() == self.path => SaveReason::Refused(r),
            Some(r) => SaveReason::RefusedOther(r),
            None => SaveReason::Io(IoProblem::of(&self.source)),
        }
    }
}
