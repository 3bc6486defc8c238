//! Reading and writing plan files. Errors keep the file, line and column.

mod load;
pub mod locate;
mod save;

pub use load::{Loaded, load, load_paths, parse};
pub use locate::{Position, SourceMap};
pub use save::{save, to_canonical};

use std::path::PathBuf;

/// Why a plan file could not be loaded; `Display` is the line users see.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {message}", path.display())]
    File { path: PathBuf, message: String },
    #[error("{}:{}: {message}", path.display(), at)]
    At {
        path: PathBuf,
        at: Position,
        message: String,
    },
}

/// Why a save failed; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot save: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub source: std::io::Error,
}
