//! The open plans and what the session keeps about them: the plans still
//! being read, the steps to undo and redo, the recovery of unsaved edits,
//! and when the files were last looked at.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::loading::Loading;
use super::undo::UndoStep;
use crate::model::Plan;
use crate::store;

/// One open plan file.
#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    /// Shared with `base` until the first edit, so an opened plan is held
    /// once in memory (copy on write).
    pub plan: Arc<Plan>,
    /// The plan as last read from or written to the file: what a merge
    /// compares both sides' changes against.
    pub base: Arc<Plan>,
    /// Hash of the file as last read or written; `None` when there was no
    /// file. A different hash on disk means someone else saved.
    pub disk_hash: Option<u64>,
    /// Unsaved changes.
    pub dirty: bool,
    /// Comments in the file as loaded; a save drops them, so it asks first.
    pub comments: usize,
    /// Others who have the file open for editing, as `user@host since …`.
    pub others: Vec<String>,
    /// Set when the file changed on disk while there were unsaved edits.
    pub changed_on_disk: bool,
    /// The file's modification time and length when last looked at; a
    /// cheap first test for changes.
    pub stamp: Option<store::Stamp>,
}

impl Document {
    pub fn new(path: PathBuf, loaded: store::Loaded) -> Self {
        let stamp = store::stamp(&path);
        let plan = Arc::new(loaded.plan);
        Self {
            path,
            comments: loaded.source.comments().len(),
            base: Arc::clone(&plan),
            plan,
            disk_hash: loaded.disk_hash,
            dirty: false,
            others: Vec::new(),
            changed_on_disk: false,
            stamp,
        }
    }
}

/// A recovery write running in the background, and the files it wrote.
pub(super) type RecoveryWriter = std::thread::JoinHandle<Result<Vec<PathBuf>, String>>;

/// The plans of the session and their history. Its parts are changed by
/// the app's rooms for loading, saving, undo, recovery and watching.
#[derive(Default)]
pub(super) struct Session {
    pub(super) docs: Vec<Document>,
    /// Plans whose first part is shown while the rest is read.
    pub(super) loading: Vec<Loading>,
    pub(super) undo: Vec<UndoStep>,
    pub(super) redo: Vec<UndoStep>,
    /// Recovered edits not yet offered or answered, with their document.
    pub(super) recoveries: Vec<(usize, store::recovery::Recovery)>,
    /// Plans whose recovered edits the user chose to decide on later: their
    /// recovery files are not removed.
    pub(super) deferred_recoveries: Vec<PathBuf>,
    /// When unsaved edits are next written to the recovery file.
    pub(super) recovery_due: Option<Instant>,
    pub(super) recovery_writer: Option<RecoveryWriter>,
    /// When the files on disk were last looked at.
    pub(super) last_watch: Option<Instant>,
    /// When this session last refreshed its presence entries.
    pub(super) last_presence: Option<Instant>,
    /// Why the session had to end, said once the terminal is back.
    pub(super) fatal: Option<String>,
}

impl Session {
    pub(super) fn new(docs: Vec<Document>) -> Self {
        Self {
            docs,
            ..Self::default()
        }
    }

    pub(super) fn plans(&self) -> Vec<&Plan> {
        self.docs.iter().map(|d| &*d.plan).collect()
    }

    pub(super) fn is_dirty(&self) -> bool {
        self.docs.iter().any(|d| d.dirty)
    }
}
