//! What covers the screen and takes the keys: the help, the questions
//! (quit, comments, conflicts, recovered edits, delete), the list to choose
//! from and the filter menu; and the conflicts a question settles.

use crate::model::Plan;
use crate::model::merge::{Conflict, Side};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: u16,
    },
    QuitDialog,
    /// Saving would drop comments; `then_quit` when asked from the quit dialog.
    CommentDialog {
        then_quit: bool,
    },
    /// The file changed on disk and both sides changed the same values:
    /// `App::conflict` holds them.
    ConflictDialog,
    /// Edits recovered from a hang-up or crash: restore or discard.
    RecoveryDialog,
    /// Delete the selected node and everything under it?
    DeleteDialog,
    /// `App::picker` is open.
    Picker,
    /// Choosing filters.
    FilterMenu,
}

/// A save waiting for the user to settle conflicts, one at a time.
pub struct ConflictResolution {
    pub doc: usize,
    pub purpose: Purpose,
    /// The common ancestor, the edits here, and the plan as found on disk.
    pub base: Plan,
    pub mine: Plan,
    pub theirs: Plan,
    /// Hash of the file `theirs` was read from.
    pub theirs_hash: Option<u64>,
    pub conflicts: Vec<Conflict>,
    /// The side chosen for each conflict settled so far, in order.
    pub choices: Vec<Side>,
    pub then_quit: bool,
}

/// What a merge with conflicts was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Saving: the result is written to the plan file.
    Save,
    /// Restoring recovered edits: the result becomes the unsaved state.
    Restore,
}
