//! Why actplan would not touch a file in a shared folder: the words a user
//! sees, naming the file and, for a link, who made it.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum Refusal {
    /// A symbolic link someone else made (links of the user's own or of
    /// root are followed).
    ForeignLink { path: PathBuf, owner: String },
    /// A pipe, device, socket or folder where a file should be.
    NotRegular { path: PathBuf, kind: &'static str },
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Another save held the plan's lock for the whole wait.
    LockHeld { path: PathBuf },
    /// The lock file could not be opened or made.
    NoLock { path: PathBuf, reason: String },
}

impl Refusal {
    pub fn path(&self) -> &Path {
        match self {
            Refusal::ForeignLink { path, .. }
            | Refusal::NotRegular { path, .. }
            | Refusal::TooLarge { path, .. }
            | Refusal::LockHeld { path }
            | Refusal::NoLock { path, .. } => path,
        }
    }

    /// What is wrong with the file, without its name.
    pub fn reason(&self) -> String {
        match self {
            Refusal::ForeignLink { owner, .. } => format!(
                "is a symbolic link made by {owner}; actplan follows only links of your own or of root"
            ),
            Refusal::NotRegular { kind, .. } => format!("is {kind}, not a regular file"),
            Refusal::TooLarge { size, limit, .. } => {
                format!("is {size} bytes; actplan reads at most {limit} bytes here")
            }
            Refusal::LockHeld { .. } => {
                "another save of this plan is still running (its lock is held); try again"
                    .to_owned()
            }
            Refusal::NoLock { reason, .. } => format!("cannot take the save lock: {reason}"),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path().display(), self.reason())
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
