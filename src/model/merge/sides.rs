//! The two sides of a merge and what it finds: values changed to two
//! different things (conflicts) and values changed at all (changes), with
//! the context that collects them as the parts of the merge walk the plan.

use crate::model::FieldPath;

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

/// What a merge carries through the plan's nodes: which side a conflict
/// takes, and what it records on the way.
pub(super) struct Cx<'a> {
    pub(super) choose: &'a dyn Fn(&FieldPath) -> Side,
    pub(super) conflicts: Vec<Conflict>,
    /// When set, every difference of mine from base is recorded here.
    pub(super) changes: Option<Vec<Change>>,
}
