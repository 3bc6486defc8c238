//! Three-way merge of plans: as loaded (base), as edited here (mine) and as
//! found on disk (theirs). Different fields and different nodes merge by
//! themselves; nodes are matched by id, so reordering, inserting, moving or
//! deleting on one side combines with edits on the other; a value changed
//! to two different things is a conflict, settled by `choose`.

mod fields;
mod nodes;
mod place;
mod value;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_nodes;

use super::address::FieldPath;
use super::plan::Plan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Mine => Side::Theirs,
            Side::Theirs => Side::Mine,
        }
    }
}

/// One thing changed to two different things. Nodes are addressed by id
/// (`projects[#ID].budget`), so a choice lands on the same node whatever
/// places the two sides gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub path: FieldPath,
    /// Where, in the words of the table: `行政手続きオンライン化事業 / 予算額`.
    pub label: String,
    pub mine: String,
    pub theirs: String,
}

/// One value that differs between two versions, for summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub label: String,
    pub before: String,
    pub after: String,
}

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

struct Cx<'a> {
    choose: &'a dyn Fn(&FieldPath) -> Side,
    conflicts: Vec<Conflict>,
    /// When set, every difference of mine from base is recorded here.
    changes: Option<Vec<Change>>,
}
