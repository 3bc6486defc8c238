use std::path::{Path, PathBuf};

use super::LoadError;
use super::locate::{Position, SourceMap};
use crate::model::Plan;

/// A parsed plan and where its values and comments are in the file.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub source: SourceMap,
}

/// The plan files named by the user: files as given, directories as every
/// `*.ron` inside, sorted by name; each file once. A path that yields no
/// file is an error in its place, so the other paths still open.
fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, LoadError>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for path in paths {
        let files = if path.is_dir() {
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
    expand_paths(paths)
        .into_iter()
        .map(|file| file.and_then(|path| load(&path).map(|loaded| (path, loaded))))
        .collect()
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
            message: "no plan files (*.ron) in this directory".to_owned(),
        });
    }
    found.sort();
    Ok(found)
}

pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        return Err(LoadError::File {
            path: path.to_owned(),
            message: "is a directory, not a plan file".to_owned(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let at = position_of_byte(&bytes, e.valid_up_to());
        LoadError::At {
            path: path.to_owned(),
            at,
            message: "not valid UTF-8; plan files are UTF-8 text".to_owned(),
        }
    })?;
    parse(path, text)
}

/// Parses plan text; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::File {
            path: path.to_owned(),
            message: "the file is empty".to_owned(),
        });
    }
    let plan: Plan = ron::from_str(text).map_err(|e| LoadError::At {
        path: path.to_owned(),
        at: Position {
            line: e.span.start.line,
            column: e.span.start.col,
        },
        message: e.code.to_string(),
    })?;
    Ok(Loaded {
        plan,
        source: SourceMap::scan(text),
    })
}

fn io_error(path: &Path, error: &std::io::Error) -> LoadError {
    let message = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: cannot read the file".to_owned()
        }
        _ => format!("cannot read: {error}"),
    };
    LoadError::File {
        path: path.to_owned(),
        message,
    }
}

/// Line and column (in characters) of a byte offset in text that is valid
/// UTF-8 up to that offset.
fn position_of_byte(bytes: &[u8], offset: usize) -> Position {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Position { line, column }
}
