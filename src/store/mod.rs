//! Reading and writing plan files. Errors keep the file, line and column.

mod arriving;
mod atomic;
pub mod folder;
pub mod identity;
mod load;
pub mod locate;
pub mod lock;
pub mod presence;
pub mod recovery;
pub mod refusal;
mod save;
mod stream;

pub use arriving::load_arriving;
pub use atomic::{remove_leftovers, write_beside};
pub use load::{
    Loaded, Stamp, content_hash, file_hash, is_large, load, load_paths, parse, parse_bytes,
    plan_files, source_map, stamp,
};
pub use locate::{Position, SourceMap};
pub use save::{
    MAX_BACKUPS, WriteOptions, backup_path, save, to_canonical, write_atomically,
    write_atomically_with, write_conflict_copy, write_plan,
};
pub use stream::{OnPreview, load_in_pieces};

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
#[error("{}: cannot save: {}", path.display(), self.reason())]
pub struct SaveError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl SaveError {
    /// Why, without the file's name where the reason is about that file.
    fn reason(&self) -> String {
        match refusal::of(&self.source) {
            Some(r) if r.path() == self.path => r.reason(),
            _ => describe_io(&self.source),
        }
    }
}

/// An I/O error in words a user can act on.
fn describe_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::PermissionDenied => {
            "permission denied (the file or its folder is not writable for you)".to_owned()
        }
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::FileTooLarge => {
            "the file is larger than this system allows (disk quota or file size limit)".to_owned()
        }
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        ErrorKind::NotADirectory => "a part of the path is not a folder".to_owned(),
        _ => error.to_string(),
    }
}
