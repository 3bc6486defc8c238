//! Three-way merge of plans: as loaded (base), as edited here (mine) and as
//! found on disk (theirs). Different fields and different nodes merge by
//! themselves; nodes are matched by id, so reordering, inserting, moving or
//! deleting on one side combines with edits on the other; a value changed
//! to two different things is a conflict, settled by `choose`.

mod fields;
mod nodes;
mod place;
mod sides;
mod value;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_nodes;

use super::address::FieldPath;
use super::plan::Plan;
use sides::Cx;
pub use sides::{Change, Conflict, Side};

pub struct Merged {
    pub plan: Plan,
    pub conflicts: Vec<Conflict>,
}

/// Merges; each conflict takes the side `choose` names for its path.
pub fn merge(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    choose: &dyn Fn(&FieldPath) -> Side,
) -> Merged {
    let mut cx = Cx {
        choose,
        conflicts: Vec::new(),
        changes: None,
    };
    let plan = nodes::plan(base, mine, theirs, &mut cx);
    Merged {
        plan,
        conflicts: cx.conflicts,
    }
}

/// Every value that differs from `base` in `edited`.
pub fn changes(base: &Plan, edited: &Plan) -> Vec<Change> {
    let mut cx = Cx {
        choose: &|_| Side::Mine,
        conflicts: Vec::new(),
        changes: Some(Vec::new()),
    };
    nodes::plan(base, edited, base, &mut cx);
    cx.changes.unwrap_or_default()
}
