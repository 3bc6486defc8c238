//! The tree rows the app keeps for its plans, and the selection on them:
//! rows are rebuilt after the plans change, and the selection, held by
//! node id, is found again in them.

use std::collections::HashSet;

use super::App;
use crate::model::fields::Field;
use crate::model::tally::Tally;
use crate::model::totals::{Total, added_by_unit, plan_total};
use crate::tree::{NodeId, Place, Tree};

impl App {
    /// Where the selected node stands.
    pub fn selected_node(&self) -> Option<Place> {
        Some(self.tree.node(self.selected_index()?).place)
    }

    /// The visible row of the selection.
    pub fn selected_row(&self) -> Option<usize> {
        match self.cursor.row(self.tree.shape()) {
            Some(row) => row,
            None => self.tree.row_of_node(self.selected_index()?),
        }
    }

    /// The selection's node in the tree: as kept since the last change, or
    /// looked up by id.
    fn selected_index(&self) -> Option<usize> {
        match self.cursor.found() {
            Some(found) => found,
            None => self.tree.find(self.cursor.selected()?),
        }
    }

    /// Looks the selection up once after it or the tree changed, for the
    /// frames that ask for it until the next change.
    pub(super) fn keep_selection_found(&mut self) {
        let found = self.cursor.selected().and_then(|id| self.tree.find(id));
        self.cursor.keep_found(found);
        let row = found.and_then(|node| self.tree.row_of_node(node));
        self.cursor.keep_row(self.tree.shape(), row);
    }

    /// Fields of the selected node, in detail-pane order: a strategy's or
    /// a measure's department while it has one (own or inherited) or
    /// departments are shown; a project's other budget figures where its
    /// plan names them.
    pub fn fields(&self) -> &'static [Field] {
        self.selected_node().map_or(&[], |id| {
            let address = id.address();
            let figured = self
                .docs
                .get(id.plan())
                .is_some_and(|doc| !doc.plan.other_figures().is_empty());
            if figured && matches!(address, crate::model::Address::Project(..)) {
                return Field::PROJECT_WITH_FIGURES;
            }
            let named = self.docs.get(id.plan()).is_some_and(|doc| {
                crate::model::department::department(&doc.plan, address).is_some()
            });
            Field::listed(address, named || self.settings.departments_shown())
        })
    }

    /// Whether the tree takes the whole width. An open editor needs the
    /// right pane even when it is hidden.
    pub fn tree_only(&self) -> bool {
        self.cursor.view() == super::View::TreeOnly && self.editor.is_none()
    }

    /// Tree rows that fit on screen.
    pub(super) fn tree_rows(&self) -> usize {
        usize::from(self.frame.tree_rows)
    }

    /// The identity of the node on visible row `row`.
    pub(super) fn id_at_row(&self, row: usize) -> Option<NodeId> {
        let place = self.tree.row(row)?.place;
        NodeId::of(&self.docs.get(place.plan())?.plan, place)
    }

    /// Selects the node on `row`, whose place in the tree is known: a move
    /// key needs no lookup by id.
    fn select_afresh_at(&mut self, row: usize) {
        self.cursor.select_afresh(self.id_at_row(row));
        let node = self.tree.node_index(row);
        self.cursor.keep_found(node);
        self.cursor.keep_row(self.tree.shape(), node.map(|_| row));
    }

    /// Selects the node on `row`; a node newly selected shows its first
    /// field.
    pub(super) fn select_row(&mut self, row: usize) {
        if self.selected_row() != Some(row) {
            self.select_afresh_at(row);
        }
    }

    /// Selects the node on `row` and scrolls to it.
    pub(super) fn go_to_row(&mut self, row: usize) {
        self.select_afresh_at(row);
        self.scroll_tree_to_selection();
    }

    pub(super) fn scroll_tree_to_selection(&mut self) {
        let row = self.selected_row().unwrap_or(0);
        let rows = self.tree_rows().max(1);
        self.cursor.scroll_tree_to(row, rows, self.tree.len());
    }

    /// Counts the grades of every plan while they are on screen: a count
    /// reads every project, so it is made only for those who look at it,
    /// then kept up to date edit by edit.
    pub(super) fn count_grades_if_shown(&mut self) {
        if self.cursor.view() == super::View::Grades && self.tallies.len() != self.docs.len() {
            self.tallies = self
                .docs
                .iter()
                .map(|d| Tally::of_projects(&d.plan))
                .collect();
        }
    }

    /// Rebuilds the rows after the plan changed, keeping the selection.
    pub(super) fn rebuild_tree(&mut self) {
        let row = self.selected_row();
        let selected = self.cursor.take_selected();
        let collapsed: HashSet<NodeId> = self.tree.collapsed().clone();
        let memo = self.tree.take_memo();
        let plans = self.plans();
        let tree = Tree::build_filtered(&plans, collapsed, &self.filter, self.month, memo);
        let plan_totals: Vec<Total> = plans.iter().map(|p| plan_total(p)).collect();
        let grand_totals = added_by_unit(&plans, &plan_totals);
        self.tree = tree;
        self.grand_totals = grand_totals;
        self.plan_totals = plan_totals;
        self.tallies.clear();
        self.count_grades_if_shown();
        // The same node, or the same node shown elsewhere (a measure whose
        // KPIs changed moves to another KPI), or else the same row.
        let row = selected
            .as_ref()
            .and_then(|id| self.tree.row_of_anywhere(id))
            .unwrap_or_else(|| row.unwrap_or(0).min(self.tree.len().saturating_sub(1)));
        let now = self.id_at_row(row);
        let same_node =
            now.as_ref().map(NodeId::anywhere) == selected.as_ref().map(NodeId::anywhere);
        if same_node {
            self.cursor.return_to(now);
        } else {
            self.cursor.select_afresh(now);
        }
        self.keep_selection_found();
        self.scroll_tree_to_selection();
        self.restart_searches();
    }
}
