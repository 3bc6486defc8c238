//! Reading and writing plan files. Errors keep the file, line and column.

mod arriving;
mod atomic;
mod error;
pub mod folder;
pub mod identity;
mod load;
pub mod locate;
pub mod lock;
pub mod presence;
pub mod recovery;
pub mod refusal;
mod save;
mod scan;
mod stream;
pub mod syntax;
mod whole;

pub use arriving::load_arriving;
pub use atomic::{MAX_BACKUPS, WriteOptions, backup_path, write_atomically, write_atomically_with};
pub use atomic::{remove_leftovers, write_beside};
pub use error::{LoadError, LoadReason, SaveError, SaveReason};
pub use load::{Stamp, is_large, load, load_paths, plan_files, source_map, stamp};
pub use locate::{Position, SourceMap};
pub use save::{save, to_canonical, write_conflict_copy, write_plan};
pub use stream::{OnPreview, load_in_pieces};
pub use whole::{Loaded, content_hash, file_hash, parse, parse_bytes};
