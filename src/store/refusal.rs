//! Why actplan would not touch a file in a shared folder, naming the file
//! and, for a link, who made it; and I/O errors in terms a user can act on.
//! `words` says them.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A symbolic link someone else made (links of the user's own or of
    /// root are followed).
    ForeignLink { path: PathBuf, owner: String },
    /// A pipe, device, socket or folder where a file should be.
    NotRegular { path: PathBuf, kind: FileKind },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Links leading to links further than any real path goes.
    TooManyLinks { path: PathBuf },
    /// Another save held the plan's lock for the whole wait.
    LockHeld { path: PathBuf },
    /// The lock file could not be opened or made.
    NoLock { path: PathBuf, problem: IoProblem },
    /// No home directory to keep the plan's recovery file in.
    NoRecoveryFolder { path: PathBuf },
    /// A path that ends without a file's name (`..`, `/`).
    NotAFileName { path: PathBuf },
    /// Every unguessable name tried for a copy beside the plan was taken.
    NoFreeName { path: PathBuf },
}

/// What stands where a regular file should.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pipe,
    Folder,
    Device,
    Socket,
    Other,
}

/// An I/O error as a user can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoProblem {
    PermissionDenied,
    DiskFull,
    /// Past a disk quota or the file size limit.
    FileTooLarge,
    ReadOnly,
    NotADirectory,
    /// Another error, in the system's words.
    Other(String),
}

impl IoProblem {
    pub fn of(error: &io::Error) -> IoProblem {
        use io::ErrorKind;
        match error.kind() {
            ErrorKind::PermissionDenied => IoProblem::PermissionDenied,
            ErrorKind::StorageFull => IoProblem::DiskFull,
            ErrorKind::FileTooLarge => IoProblem::FileTooLarge,
            ErrorKind::ReadOnlyFilesystem => IoProblem::ReadOnly,
            ErrorKind::NotADirectory => IoProblem::NotADirectory,
            _ => IoProblem::Other(error.to_string()),
        }
    }
}

impl Refusal {
    pub fn path(&self) -> &Path {
        match self {
            Refusal::ForeignLink { path, .. }
            | Refusal::NotRegular { path, .. }
            | Refusal::TooLarge { path, .. }
            | Refusal::TooManyLinks { path }
            | Refusal::LockHeld { path }
            | Refusal::NoLock { path, .. }
            | Refusal::NoRecoveryFolder { path }
            | Refusal::NotAFileName { path }
            | Refusal::NoFreeName { path } => path,
        }
    }
}

impl std::error::Error for Refusal {}

impl From<Refusal> for io::Error {
    fn from(refusal: Refusal) -> Self {
        io::Error::other(refusal)
    }
}

/// The refusal inside an I/O error, if it is one.
pub fn of(error: &io::Error) -> Option<&Refusal> {
    error.get_ref()?.downcast_ref::<Refusal>()
}
