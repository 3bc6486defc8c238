//! Every change of the session is one undoable step. Undo and redo go
//! through the three-way merge, so a step is taken back even after others'
//! changes were merged in on top of it, without losing theirs.

use std::sync::Arc;

use super::App;
use crate::model::Plan;
use crate::model::merge::{Side, merge};
use crate::tree::NodeId;
use crate::words::tell::{Change, Said};

/// How many steps are kept.
const UNDO_LIMIT: usize = 100;

/// The steps that can be undone, and those undone that can be redone.
#[derive(Default)]
pub(super) struct History {
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
}

/// One change: the plan before and after it, and the node it was made on
/// (by id, so undo finds it however the rows moved since).
pub struct UndoStep {
    pub doc: usize,
    pub before: Arc<Plan>,
    pub after: Arc<Plan>,
    pub what: Change,
    pub at: Option<NodeId>,
}

impl App {
    /// Changes document `doc`'s plan as one undoable step. On error the plan
    /// is as it was. Returns whether anything changed.
    pub(super) fn change_plan<E>(
        &mut self,
        doc: usize,
        what: Change,
        change: impl FnOnce(&mut Plan) -> Result<(), E>,
    ) -> Result<bool, E> {
        // Steps share unchanged plans; only the changed one is copied.
        let before = Arc::clone(&self.docs[doc].plan);
        if let Err(e) = change(Arc::make_mut(&mut self.docs[doc].plan)) {
            self.docs[doc].plan = before;
            return Err(e);
        }
        if self.docs[doc].plan == before {
            return Ok(false);
        }
        self.history.undo.push(UndoStep {
            doc,
            before: Arc::clone(&before),
            after: Arc::clone(&self.docs[doc].plan),
            what,
            at: self.cursor.selected().cloned(),
        });
        if self.history.undo.len() > UNDO_LIMIT {
            self.history.undo.remove(0);
        }
        self.history.redo.clear();
        self.docs[doc].dirty = true;
        self.refresh_tree_after(doc, &before);
        Ok(true)
    }

    /// Brings the tree up to date after document `doc` changed from
    /// `before`. A change that moves no row (budgets, names, texts) updates
    /// the totals of the changed measures only, so an edit costs the same in
    /// a plan of any size; anything else rebuilds the tree.
    fn refresh_tree_after(&mut self, doc: usize, before: &Plan) {
        let plan = Arc::clone(&self.docs[doc].plan);
        let changed = plan.changed_measures(before);
        // A sum capped at the largest budget cannot have a part taken out.
        let capped = self.grand_totals.iter().any(|(_, t)| t.budget == u64::MAX);
        let (Some(changed), false) = (changed, self.filter.is_active() || capped) else {
            return self.rebuild_tree();
        };
        for (s, m) in changed {
            let Some((old, new)) = self
                .tree
                .refresh_measure((doc, s, m), &plan.strategies[s].measures[m])
            else {
                continue;
            };
            if let Some((_, total)) = self.grand_totals.iter_mut().find(|(u, _)| *u == plan.unit) {
                *total = total.replacing(old, new);
            }
            if let Some(total) = self.plan_totals.get_mut(doc) {
                *total = total.replacing(old, new);
            }
            if let Some(tally) = self.tallies.get_mut(doc) {
                tally.count_measure(before, &before.strategies[s].measures[m], false);
                tally.count_measure(&plan, &plan.strategies[s].measures[m], true);
            }
        }
    }

    /// Makes the last two steps one (a node added, then named).
    pub(super) fn join_last_steps(&mut self) {
        if let (Some(last), Some(previous)) =
            (self.history.undo.pop(), self.history.undo.last_mut())
        {
            previous.after = last.after;
        }
    }

    /// Takes back the last step for good (a node added, then not named):
    /// it cannot be redone.
    pub(super) fn take_back_last_step(&mut self) {
        self.undo_step();
        self.history.redo.pop();
    }

    pub(super) fn undo_step(&mut self) {
        let Some(step) = self.history.undo.pop() else {
            return self.info(Said::NothingToUndo);
        };
        match self.replay(step, true) {
            Ok(back) => {
                let what = back.what;
                self.history.redo.push(back);
                self.info(Said::Undone { what });
            }
            Err(step) => {
                let what = step.what;
                self.history.undo.push(*step);
                self.error(Said::CannotUndo { what });
            }
        }
    }

    pub(super) fn redo_step(&mut self) {
        let Some(step) = self.history.redo.pop() else {
            return self.info(Said::NothingToRedo);
        };
        match self.replay(step, false) {
            Ok(forward) => {
                let what = forward.what;
                self.history.undo.push(forward);
                self.info(Said::Redone { what });
            }
            Err(step) => {
                let what = step.what;
                self.history.redo.push(*step);
                self.error(Said::CannotRedo { what });
            }
        }
    }

    /// Takes a step back (or forward again) on top of the current plan;
    /// returns the step for the other stack, or the step itself when others'
    /// changes merged in since touch the same values.
    fn replay(&mut self, step: UndoStep, back: bool) -> Result<UndoStep, Box<UndoStep>> {
        let (from, to) = if back {
            (&step.after, &step.before)
        } else {
            (&step.before, &step.after)
        };
        let doc = &self.docs[step.doc];
        let landed = if doc.plan == *from {
            Arc::clone(to)
        } else {
            // Others' changes arrived since: keep them, take only this step.
            let merged = merge(from, to, &doc.plan, &|_| Side::Mine);
            if !merged.conflicts.is_empty() {
                return Err(Box::new(step));
            }
            Arc::new(merged.plan)
        };
        let doc = &mut self.docs[step.doc];
        let current = std::mem::replace(&mut doc.plan, Arc::clone(&landed));
        doc.dirty = doc.plan != doc.base;
        if !doc.dirty && doc.changed_on_disk {
            // Clean again: let the watcher load what is on disk now.
            doc.stamp = None;
        }
        self.refresh_tree_after(step.doc, &current);
        // Back on the node the change was made on, where it is shown.
        if let Some(row) = step.at.as_ref().and_then(|id| self.tree.row_of(id)) {
            self.go_to_row(row);
        }
        // The step that undoes this one: from where we are to where we were.
        let (before, after) = if back {
            (landed, current)
        } else {
            (current, landed)
        };
        Ok(UndoStep {
            doc: step.doc,
            before,
            after,
            what: step.what,
            at: step.at,
        })
    }
}
