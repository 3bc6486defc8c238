//! The plan as a tree of rows: strategy → KPI → measure → project, with a plan
//! level on top when several plans are open. A measure serving two KPIs has a
//! row under each. The visible-row list is rebuilt only when the tree's shape
//! changes (expand, collapse, edits), never per key.
//!
//! Rows are a matter of drawing: the app holds nodes by `NodeId`, and the
//! tree keeps an index from each id to its node, built with the tree, so a
//! key finds the selection's row without walking the tree.

mod build;
mod derived;
mod ids;
pub mod labels;
mod memo;
mod rows;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_shape;

use std::collections::{HashMap, HashSet};

pub use ids::{NodeId, Place};
pub use labels::{Describe, describe};
pub use memo::IdMemo;

use crate::model::plan::NodeKey;
use crate::model::{Address, Plan, Total};

#[derive(Debug, Clone)]
pub struct TreeNode {
    pub place: Place,
    pub depth: u16,
    /// Its children are hidden.
    collapsed: bool,
    /// It shows no row of its own (a part the plan's levels do not name);
    /// its children do.
    hidden: bool,
    /// Its id is written in the file (not the one derived from its place),
    /// so the tree's index holds it; a derived id is found by its place.
    written: bool,
    /// Index one past this node's subtree in the node list. Indices are
    /// held in 32 bits: a tree has one node per row, and 100,000 projects
    /// make a tree whose size counts.
    end: u32,
    /// `NO_PARENT` for a top node.
    parent: u32,
    pub total: Total,
}

const NO_PARENT: u32 = u32::MAX;

/// A node index as held in a `TreeNode`.
fn narrow(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(NO_PARENT - 1)
}

impl TreeNode {
    pub fn has_children(&self, index: usize) -> bool {
        self.end() > index + 1
    }

    fn end(&self) -> usize {
        self.end as usize
    }

    fn parent(&self) -> Option<usize> {
        (self.parent != NO_PARENT).then_some(self.parent as usize)
    }
}

#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<TreeNode>,
    /// The nodes whose children are hidden, by identity, so that they stay
    /// folded when the tree is built again.
    collapsed: HashSet<NodeId>,
    visible: Vec<usize>,
    /// Which shape `visible` has: a number no other rows were given.
    shape: u64,
    /// Budget and count of the projects in the tree, each once.
    shown: Total,
    /// Where each (plan, strategy, measure) is shown: once per KPI it
    /// serves. Lets a changed measure's totals be updated in place.
    measure_nodes: HashMap<(usize, usize, usize), Vec<usize>>,
    /// Per document, the first node of each id.
    index: Vec<HashMap<NodeKey, u32>>,
    /// Which measures' projects bear only derived ids, for the next build.
    memo: IdMemo,
}

impl Tree {
    /// Total of what is shown: each project once.
    pub fn shown_total(&self) -> Total {
        self.shown
    }

    /// What this tree knew of ids, for the tree built after it.
    pub fn take_memo(&mut self) -> IdMemo {
        std::mem::take(&mut self.memo)
    }

    /// Number of nodes, shown or not.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn node(&self, index: usize) -> &TreeNode {
        &self.nodes[index]
    }

    /// The identity of node `index`, whose plans are `plans`.
    pub fn id_of(&self, plans: &[&Plan], index: usize) -> Option<NodeId> {
        let place = self.nodes.get(index)?.place;
        NodeId::of(plans.get(place.plan())?, place)
    }

    /// The node of `id`: the row shown under the KPI it names.
    pub fn find(&self, id: &NodeId) -> Option<usize> {
        let first = self.first_of(id.doc(), id.key())?;
        let place = self.nodes[first].place;
        let wanted = match id.under() {
            None => None,
            Some(kpi) => Some(
                self.nodes[self.first_of(id.doc(), kpi)?]
                    .place
                    .shown_under()?,
            ),
        };
        if !matches!(place, Place::Measure { .. } | Place::Project { .. }) {
            return Some(first);
        }
        let shown_under = |i: usize| self.nodes[i].place.shown_under();
        if shown_under(first) == wanted {
            return Some(first);
        }
        let (Place::Measure {
            plan,
            strategy,
            measure,
            ..
        }
        | Place::Project {
            plan,
            strategy,
            measure,
            ..
        }) = place
        else {
            return None;
        };
        let at = self.measure_nodes.get(&(plan, strategy, measure))?;
        let shown = at.iter().copied().find(|&i| shown_under(i) == wanted)?;
        match place {
            Place::Project { project, .. } => (shown + 1..self.nodes[shown].end()).find(|&j| {
                matches!(self.nodes[j].place, Place::Project { project: p, .. } if p == project)
            }),
            _ => Some(shown),
        }
    }

    /// The first node of `id`, under whichever KPI.
    pub fn find_anywhere(&self, id: &NodeId) -> Option<usize> {
        self.first_of(id.doc(), id.key())
    }

    /// The first node whose id is `key`. Ids derived from a place (`s2m3p4`,
    /// most ids of a plan from before ids) are not indexed, which saves
    /// their memory at 100,000 projects: the node standing at that place has
    /// that id unless its own is written (and indexed).
    fn first_of(&self, doc: usize, key: &str) -> Option<usize> {
        if let Some(&at) = self.index.get(doc)?.get(key) {
            return Some(at as usize);
        }
        let at = self.node_at(doc, crate::model::ids::derived::address(key)?)?;
        (!self.nodes[at].written).then_some(at)
    }

    /// The first node at `address` in document `doc`.
    fn node_at(&self, doc: usize, address: Address) -> Option<usize> {
        let (from, to) = self.range_of(doc)?;
        let child = |from: usize, to: usize, wanted: &dyn Fn(Place) -> bool| {
            let mut i = from;
            while i < to {
                if wanted(self.nodes[i].place) {
                    return Some(i);
                }
                i = self.nodes[i].end();
            }
            None
        };
        // Strategies may stand inside headings: those are walked into.
        let strategy = |s: usize| {
            let mut i = from;
            while i < to {
                match self.nodes[i].place {
                    Place::Strategy { strategy, .. } if strategy == s => return Some(i),
                    Place::Heading { .. } => i += 1,
                    _ => i = self.nodes[i].end(),
                }
            }
            None
        };
        let measure = |s: usize, m: usize| self.measure_nodes.get(&(doc, s, m))?.first().copied();
        match address {
            // Headings' ids are always written, so always indexed.
            Address::Plan | Address::Heading(_) => None,
            Address::Strategy(s) => strategy(s),
            Address::Kpi(s, k) => {
                let at = strategy(s)?;
                child(
                    at + 1,
                    self.nodes[at].end(),
                    &|p| matches!(p, Place::Kpi { kpi, .. } if kpi == k),
                )
            }
            Address::Measure(s, m) => measure(s, m),
            Address::Project(s, m, p) => {
                let at = measure(s, m)?;
                child(
                    at + 1,
                    self.nodes[at].end(),
                    &|place| matches!(place, Place::Project { project, .. } if project == p),
                )
            }
        }
    }

    /// The nodes of document `doc`: all of them, or its plan row's subtree
    /// when several plans are open.
    fn range_of(&self, doc: usize) -> Option<(usize, usize)> {
        if !matches!(self.nodes.first()?.place, Place::Plan { .. }) {
            return (doc == 0).then_some((0, self.nodes.len()));
        }
        let mut i = 0;
        while i < self.nodes.len() {
            if self.nodes[i].place == (Place::Plan { plan: doc }) {
                return Some((i + 1, self.nodes[i].end()));
            }
            i = self.nodes[i].end();
        }
        None
    }
}
