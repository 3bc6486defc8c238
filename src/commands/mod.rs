//! Non-interactive subcommands; they write to the given streams and return
//! the exit code, and never touch the terminal.

pub mod check;
pub mod export;
pub mod fmt;
pub mod import;
pub mod neutral;
pub mod summary;
pub mod table;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::{self, Loaded};

/// Exit code: everything fine.
pub const OK: u8 = 0;
/// Exit code: a problem was found in a plan.
pub const PROBLEM: u8 = 1;

/// Loads every plan named by `paths`, printing load errors to `err`.
/// Returns what loaded and whether anything failed.
pub fn load_all(paths: &[PathBuf], err: &mut dyn Write) -> (Vec<(PathBuf, Loaded)>, bool) {
    let mut loaded = Vec::new();
    let mut failed = false;
    for result in store::load_paths(paths) {
        match result {
            Ok(l) => loaded.push(l),
            Err(e) => {
                let _ = writeln!(err, "{}", neutral::one_line(&e.to_string()));
                failed = true;
            }
        }
    }
    (loaded, failed)
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// A file name as part of a message.
fn shown(path: &Path) -> String {
    neutral::one_line(&display(path)).into_owned()
}
