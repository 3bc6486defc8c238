//! Finding and loading the plans a user names: files and folders of
//! `*.ron`, a large plan read in pieces, and what tells a file changed.

use std::path::{Path, PathBuf};

use super::error::{LoadError, LoadReason};
use super::folder::{Place, file_type};
use super::locate::SourceMap;
use super::whole::{Loaded, io_error, load_whole, open_plan};

/// A file's modification time and length, to notice changes cheaply;
/// `None` for what is not a regular file (a pipe cannot be read again to
/// see what changed, and opening one would wait for a writer).
pub fn stamp(path: &Path) -> Option<Stamp> {
    let found = Place::resolve(path).ok()?.found?;
    if file_type(&found) != rustix::fs::FileType::RegularFile {
        return None;
    }
    Some(Stamp {
        modified: (found.st_mtime, found.st_mtime_nsec),
        len: u64::try_from(found.st_size).ok()?,
        file: (found.st_dev, found.st_ino),
    })
}

/// What tells a file changed without reading it. A save replaces the file
/// (a new inode), which shows even when it lands within the same clock
/// tick as the last change and keeps the length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    modified: (i64, u64),
    len: u64,
    file: (u64, u64),
}

/// The plan files named by the user: files as given, directories as every
/// `*.ron` inside, sorted by name; each file once. A path that yields no
/// file is an error in its place, so the other paths still open.
pub fn plan_files(paths: &[PathBuf]) -> Vec<Result<PathBuf, LoadError>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for path in paths {
        // A directory named like a plan is taken as a (broken) plan file.
        let plan_like = path.extension().is_some_and(|x| x == "ron");
        let files = if path.is_dir() && !plan_like {
            plan_files_in(path)
        } else {
            Ok(vec![path.clone()])
        };
        match files {
            Ok(files) => {
                for file in files {
                    let key = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
                    if seen.insert(key) {
                        out.push(Ok(file));
                    }
                }
            }
            Err(e) => out.push(Err(e)),
        }
    }
    out
}

/// Every plan named by `paths`, loaded, or why it could not be, in order.
pub fn load_paths(paths: &[PathBuf]) -> Vec<Result<(PathBuf, Loaded), LoadError>> {
    plan_files(paths)
        .into_iter()
        .map(|file| file.and_then(|path| load(&path).map(|loaded| (path, loaded))))
        .collect()
}

/// Where every value of the plan file at `path` stands, for placing
/// problems at their line and column; `None` if it cannot be read.
pub fn source_map(path: &Path) -> Option<SourceMap> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut open_plan(path).ok()?, &mut text).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Some(SourceMap::scan(&text.replace("\r\n", "\n")))
}

fn plan_files_in(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    if found.is_empty() {
        return Err(LoadError::File {
            path: dir.to_owned(),
            reason: LoadReason::NoPlanFiles,
        });
    }
    found.sort();
    Ok(found)
}

/// Whether `path` is a file large enough to be read measure by measure.
pub fn is_large(path: &Path) -> bool {
    stamp(path).is_some_and(|s| s.len >= PIECEWISE_FROM)
}

/// Reads a plan file. A large one is read measure by measure, so its bytes
/// and the plan are never in memory together (see `stream`); results and
/// messages are those of a whole-file read.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if is_large(path) {
        super::stream::load_in_pieces(path, &mut |_| {})
    } else {
        load_whole(path)
    }
}

/// A file this large is read measure by measure, and shown in the app
/// from its first part.
const PIECEWISE_FROM: u64 = 4 << 20;
