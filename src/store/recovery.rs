//! Recovery files: unsaved edits written to the user's state directory when
//! the connection drops, the app is killed or it fails, and refreshed while
//! edits are unsaved, so a restart can offer them back.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{WriteOptions, write_atomically_with};
use super::error::{LoadError, LoadReason, SaveError};
use super::refusal::Refusal;
use super::syntax;
use super::whole::content_hash;
use crate::model::Plan;

/// Unsaved edits of one plan file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// The plan file the edits belong to.
    pub plan_path: PathBuf,
    /// When the edits were written, local time.
    pub written: String,
    pub user: String,
    /// The plan as it was on disk when editing started.
    pub base: Plan,
    /// The plan with the edits.
    pub edited: Plan,
    /// Text of an editor that was open and could not be put into the plan
    /// (a budget that was not a number, say), with its field.
    #[serde(default)]
    pub unapplied: Option<String>,
}

/// Where recovery files go: the user's state directory (on Linux
/// `$XDG_STATE_HOME/actplan`, else `~/.local/state/actplan`).
pub fn dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "actplan")?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_owned(),
    )
}

/// The recovery file of a plan: one per plan file, named by a hash of its
/// absolute path. The path is taken as the plan was opened: a link
/// someone swapped in for the plan since does not move it elsewhere.
pub fn path_for(plan: &Path) -> Option<PathBuf> {
    let (folder, name) = match super::folder::Place::resolve(plan) {
        Ok(place) => (place.folder.path().to_owned(), place.name),
        Err(_) => (
            plan.parent().unwrap_or(Path::new(".")).to_owned(),
            plan.file_name()?.to_owned(),
        ),
    };
    let folder = if folder.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        folder
    };
    let folder = std::fs::canonicalize(&folder)
        .or_else(|_| std::path::absolute(&folder))
        .unwrap_or(folder);
    let absolute = folder.join(&name);
    let hash = content_hash(absolute.as_os_str().as_encoded_bytes());
    let name = name.to_string_lossy();
    Some(dir()?.join(format!("{name}.{hash:016x}.recovery")))
}

/// Removes what recovery writes killed midway left in the state folder
/// (temporary files of this user's processes that are gone).
pub fn remove_leftovers() {
    let Some(dir) = dir() else { return };
    let Ok(folder) = super::folder::Folder::open(&dir) else {
        return;
    };
    for name in folder.names_with_prefix(b".", 1024, 100_000) {
        if let Some(plan) = name
            .to_str()
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.split_once(".recovery."))
        {
            let mut recovery = std::ffi::OsString::from(plan.0);
            recovery.push(".recovery");
            super::atomic::remove_leftovers(&folder, &recovery);
        }
    }
}

/// Writes the recovery file, readable by the user only.
pub fn write(recovery: &Recovery) -> Result<PathBuf, SaveError> {
    let path = path_for(&recovery.plan_path).ok_or_else(|| SaveError {
        path: recovery.plan_path.clone(),
        source: Refusal::NoRecoveryFolder {
            path: recovery.plan_path.clone(),
        }
        .into(),
    })?;
    let config = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .struct_names(false);
    // Written as it is made: for a large plan the text of both copies would
    // otherwise be held in memory at once.
    write_atomically_with(&path, WriteOptions::PRIVATE, &mut |file| {
        ron::Options::default()
            .to_io_writer_pretty(file, recovery, config.clone())
            .map_err(|e| std::io::Error::other(e.to_string()))
    })?;
    Ok(path)
}

/// Whether a plan has a recovery file (readable or not): as `read`
/// returning something, without reading it.
pub fn exists(plan: &Path) -> bool {
    path_for(plan).is_some_and(|path| {
        !matches!(std::fs::metadata(&path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
    })
}

/// The recovery file of a plan, if there is one.
pub fn read(plan: &Path) -> Option<Result<Recovery, LoadError>> {
    let path = path_for(plan)?;
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            return Some(Err(LoadError::File {
                path,
                reason: LoadReason::RecoveryUnreadable {
                    error: e.to_string(),
                },
            }));
        }
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Some(Err(LoadError::File {
            path,
            reason: LoadReason::NotUtf8,
        }));
    };
    Some(syntax::read(text).map_err(|e| LoadError::At {
        path,
        at: e.at,
        reason: LoadReason::Syntax(e.reason),
    }))
}

/// Removes a plan's recovery file, if any.
pub fn remove(plan: &Path) {
    if let Some(path) = path_for(plan) {
        let _ = std::fs::remove_file(path);
    }
}
