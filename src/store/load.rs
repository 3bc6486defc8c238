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
/// `*.ron` inside, sorted by name.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| io_error(path, &e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect();
            if found.is_empty() {
                return Err(LoadError::File {
                    path: path.clone(),
                    message: "no plan files (*.ron) in this directory".to_owned(),
                });
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
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
