//! One open plan file: the plan as edited, as last on disk, and what is
//! known of the file and of others editing it.

use std::path::PathBuf;
use std::sync::Arc;

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
