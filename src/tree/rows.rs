//! The rows on show, and folding: which nodes are visible, and finding a
//! node's row, its parent's row and its ancestors.

use std::sync::atomic::{AtomicU64, Ordering};

use super::{NodeId, Tree, TreeNode};
use crate::model::Plan;

impl Tree {
    /// The node index shown on visible row `row`.
    pub fn node_index(&self, row: usize) -> Option<usize> {
        self.visible.get(row).copied()
    }

    /// Expands every ancestor of node `index` so it is shown; returns its row.
    pub fn reveal(&mut self, index: usize) -> Option<usize> {
        let mut parent = self.nodes.get(index)?.parent();
        let mut changed = false;
        while let Some(p) = parent {
            if self.nodes[p].collapsed {
                self.nodes[p].collapsed = false;
                changed = true;
                let unfolded: Vec<NodeId> = (self.collapsed.iter())
                    .filter(|id| self.find(id) == Some(p))
                    .cloned()
                    .collect();
                for id in unfolded {
                    self.collapsed.remove(&id);
                }
            }
            parent = self.nodes[p].parent();
        }
        if changed {
            self.refresh_visible();
        }
        self.row_of_node(index)
    }

    pub(super) fn refresh_visible(&mut self) {
        static SHAPES: AtomicU64 = AtomicU64::new(1);
        self.shape = SHAPES.fetch_add(1, Ordering::Relaxed);
        self.visible.clear();
        let mut i = 0;
        while i < self.nodes.len() {
            let node = &self.nodes[i];
            if !node.hidden {
                self.visible.push(i);
            }
            i = if node.collapsed { node.end() } else { i + 1 };
        }
    }

    /// A number told apart from that of any other rows shown, in this tree
    /// or another: what is remembered of a row holds while it stays.
    pub fn shape(&self) -> u64 {
        self.shape
    }

    /// Number of visible rows.
    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    /// The node shown on visible row `row`.
    pub fn row(&self, row: usize) -> Option<&TreeNode> {
        self.visible.get(row).map(|&i| &self.nodes[i])
    }

    pub fn row_has_children(&self, row: usize) -> bool {
        self.visible
            .get(row)
            .is_some_and(|&i| self.nodes[i].has_children(i))
    }

    /// Whether the node on `row` has its children hidden.
    pub fn row_is_collapsed(&self, row: usize) -> bool {
        self.row(row).is_some_and(|n| n.collapsed)
    }

    /// The folded nodes, to fold again in a tree built afresh.
    pub fn collapsed(&self) -> &std::collections::HashSet<NodeId> {
        &self.collapsed
    }

    /// Visible row of node `index`, if it is shown. Visible rows are in
    /// node order, so the row is searched for, not walked to.
    pub fn row_of_node(&self, index: usize) -> Option<usize> {
        self.visible.binary_search(&index).ok()
    }

    /// Visible row of `id`, if it is shown.
    pub fn row_of(&self, id: &NodeId) -> Option<usize> {
        self.row_of_node(self.find(id)?)
    }

    /// Visible row showing `id` under whichever KPI, if any is shown.
    pub fn row_of_anywhere(&self, id: &NodeId) -> Option<usize> {
        self.row_of(id)
            .or_else(|| self.row_of_node(self.find_anywhere(id)?))
    }

    /// Visible row of the parent of the node on `row`.
    pub fn parent_row(&self, row: usize) -> Option<usize> {
        let parent = self
            .ancestors(*self.visible.get(row)?)
            .find(|&p| !self.nodes[p].hidden)?;
        self.visible[..row].binary_search(&parent).ok()
    }

    /// The nodes above node `index`, nearest first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes.get(index).and_then(TreeNode::parent), |&p| {
            self.nodes[p].parent()
        })
    }

    /// Expands or collapses the node on `row`; true if anything changed.
    /// `plans` are the plans the tree was built from.
    pub fn set_expanded(&mut self, plans: &[&Plan], row: usize, expanded: bool) -> bool {
        let Some(&i) = self.visible.get(row) else {
            return false;
        };
        if !self.nodes[i].has_children(i) || self.nodes[i].collapsed != expanded {
            return false;
        }
        self.nodes[i].collapsed = !expanded;
        if let Some(id) = self.id_of(plans, i) {
            if expanded {
                self.collapsed.remove(&id);
            } else {
                self.collapsed.insert(id);
            }
        }
        self.refresh_visible();
        true
    }

    /// Folds the nodes of `collapsed` that the tree holds.
    /// Nodes no longer there are forgotten.
    pub(super) fn fold(&mut self, collapsed: std::collections::HashSet<NodeId>) {
        for id in collapsed {
            if let Some(i) = self.find(&id) {
                self.nodes[i].collapsed = true;
                self.collapsed.insert(id);
            }
        }
    }
}
