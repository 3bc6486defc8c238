//! Saving, and the questions asked before quitting or dropping comments.

use std::sync::Arc;

use super::App;
use super::dialogs::{ConflictResolution, Overlay, Purpose};
use crate::action::Action;
use crate::model::format::newly_used;
use crate::model::merge::{Side, merge};
use crate::model::{FieldPath, LastChange, Plan};
use crate::store::{self, identity};
use crate::words::tell::{Said, SavedFile};

impl App {
    pub(super) fn answer_quit(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                self.overlay = Overlay::None;
                self.save(true);
            }
            Action::Discard => {
                // The user chose to drop the edits: no recovery offer later.
                self.settle_recovery_writer();
                for doc in &self.docs {
                    store::recovery::remove(&doc.path);
                }
                self.quit = true;
            }
            Action::Dismiss => self.overlay = Overlay::None,
            _ => {}
        }
    }

    pub(super) fn answer_comments(&mut self, action: Action, then_quit: bool) {
        match action {
            Action::Confirm => {
                self.overlay = Overlay::None;
                self.save_confirmed(then_quit, true);
            }
            Action::Dismiss => {
                self.overlay = Overlay::None;
                self.info(Said::NotSaved);
            }
            _ => {}
        }
    }

    /// Saves every plan with unsaved changes; the editor's text first.
    pub(super) fn save(&mut self, then_quit: bool) {
        self.save_confirmed(then_quit, false);
    }

    /// Saves; files with comments only once the user agreed to drop them.
    /// A file someone else saved meanwhile is merged, never overwritten.
    pub(super) fn save_confirmed(&mut self, then_quit: bool, drop_comments: bool) {
        if !self.apply_edit() {
            return;
        }
        if !drop_comments && self.docs.iter().any(|d| d.dirty && d.comments > 0) {
            self.overlay = Overlay::CommentDialog { then_quit };
            return;
        }
        let mut saved = Vec::new();
        for i in 0..self.docs.len() {
            if !self.docs[i].dirty {
                continue;
            }
            let path = self.docs[i].path.clone();
            // Asked before the save, which makes the plan the new base.
            let newer = newly_used(&self.docs[i].base, &self.docs[i].plan);
            match self.save_document(i, then_quit) {
                Ok(Outcome::Written) => saved.push(SavedFile {
                    path,
                    merged: false,
                    newer,
                }),
                Ok(Outcome::Merged) => saved.push(SavedFile {
                    path,
                    merged: true,
                    newer,
                }),
                Ok(Outcome::Conflicts) => return,
                Err(said) => return self.error(said),
            }
        }
        self.settle_recovery_writer();
        for doc in self.docs.iter().filter(|d| !d.dirty) {
            store::recovery::remove(&doc.path);
        }
        if then_quit {
            self.quit = true;
        } else if saved.is_empty() {
            self.info(Said::NoUnsavedChanges);
        } else {
            self.info(Said::Saved { files: saved });
        }
    }

    fn save_document(&mut self, i: usize, then_quit: bool) -> Result<Outcome, Said> {
        // Who changed which project is recorded against what this session
        // started from, before anything of others is merged in.
        let change = LastChange {
            user: identity::user(),
            at: chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(),
        };
        let doc = &mut self.docs[i];
        if !Arc::ptr_eq(&doc.plan, &doc.base) {
            Arc::make_mut(&mut doc.plan).stamp_changes(&doc.base, &change);
        }
        let doc = &self.docs[i];
        let _lock = store::lock::lock(&doc.path).map_err(|source| {
            Said::CannotSave(store::SaveError {
                path: doc.path.clone(),
                source,
            })
        })?;
        // Hashed in blocks: a large plan is read whole only if it changed.
        let on_disk = store::file_hash(&doc.path).map_err(Said::CannotReadBeforeSave)?;
        let changed = on_disk.is_some() && doc.disk_hash.is_some() && on_disk != doc.disk_hash;
        if !changed {
            self.write_document(i)?;
            return Ok(Outcome::Written);
        }
        let (theirs, theirs_hash) = store::load(&doc.path)
            .map(|loaded| (loaded.plan, loaded.disk_hash))
            .map_err(Said::ChangedAndUnreadable)?;
        let merged = merge(&doc.base, &doc.plan, &theirs, &|_| Side::Mine);
        if merged.conflicts.is_empty() {
            let followed = self.followed();
            self.docs[i].plan = Arc::new(merged.plan);
            // The rows must follow the merged plan even if writing fails.
            self.rebuild_tree();
            self.follow(followed);
            self.write_document(i)?;
            return Ok(Outcome::Merged);
        }
        self.conflict = Some(ConflictResolution {
            doc: i,
            purpose: Purpose::Save,
            base: Plan::clone(&doc.base),
            mine: Plan::clone(&doc.plan),
            theirs,
            theirs_hash,
            conflicts: merged.conflicts,
            choices: Vec::new(),
            then_quit,
        });
        self.overlay = Overlay::ConflictDialog;
        Ok(Outcome::Conflicts)
    }

    /// Writes the document's plan; it becomes the new base.
    fn write_document(&mut self, i: usize) -> Result<(), Said> {
        let doc = &mut self.docs[i];
        let options = store::WriteOptions {
            backups: self.settings.backups(),
            ..store::WriteOptions::PLAN
        };
        let hash = store::write_plan(&doc.path, &doc.plan, options).map_err(Said::CannotSave)?;
        doc.base = Arc::clone(&doc.plan);
        doc.disk_hash = Some(hash);
        doc.dirty = false;
        doc.comments = 0;
        doc.changed_on_disk = false;
        doc.stamp = store::stamp(&doc.path);
        Ok(())
    }

    pub(super) fn answer_conflict(&mut self, action: Action) {
        let Some(pending) = &mut self.conflict else {
            self.overlay = Overlay::None;
            return;
        };
        match action {
            Action::KeepMine => pending.choices.push(Side::Mine),
            Action::TakeTheirs => pending.choices.push(Side::Theirs),
            Action::Dismiss => {
                let restoring = (pending.purpose == Purpose::Restore).then_some(pending.doc);
                self.conflict = None;
                self.overlay = Overlay::None;
                if let Some(doc) = restoring {
                    let path = self.docs[doc].path.clone();
                    self.recovery.defer(path);
                    self.info(Said::NotRestored);
                    return self.offer_next_recovery();
                }
                return self.info(Said::NotSavedEditsKept);
            }
            _ => return,
        }
        if pending.choices.len() == pending.conflicts.len() {
            self.overlay = Overlay::None;
            if let Some(pending) = self.conflict.take() {
                self.settle(pending);
            }
        }
    }

    /// Saves the chosen values, and the values not chosen in a conflict
    /// copy beside the plan, so nothing either person typed is lost.
    fn settle(&mut self, pending: ConflictResolution) {
        let choice = |path: &FieldPath| {
            pending
                .conflicts
                .iter()
                .position(|c| c.path == *path)
                .and_then(|k| pending.choices.get(k).copied())
                .unwrap_or(Side::Mine)
        };
        let (base, mine, theirs) = (&pending.base, &pending.mine, &pending.theirs);
        let chosen = merge(base, mine, theirs, &choice).plan;
        let other = merge(base, mine, theirs, &|p| choice(p).other()).plan;
        let copy = match store::write_conflict_copy(&self.docs[pending.doc].path, &other) {
            Ok(copy) => copy,
            Err(e) => return self.error(Said::CannotWriteCopy(e)),
        };
        let followed = self.followed();
        let doc = &mut self.docs[pending.doc];
        doc.plan = Arc::new(chosen);
        doc.dirty = true;
        if pending.purpose == Purpose::Restore {
            self.rebuild_tree();
            self.follow(followed);
            self.info(Said::RestoredWithCopy { copy });
            return self.offer_next_recovery();
        }
        // The choices are now edits on top of the version on disk; saving
        // checks the disk again, so a save made meanwhile is merged too.
        doc.base = Arc::new(pending.theirs);
        doc.disk_hash = pending.theirs_hash;
        self.rebuild_tree();
        self.follow(followed);
        self.save_confirmed(pending.then_quit, true);
        if !self.quit && !self.is_dirty() {
            self.info(Said::SavedWithCopy {
                file: self.docs[pending.doc].path.clone(),
                copy,
            });
        }
    }
}

enum Outcome {
    Written,
    Merged,
    /// Waiting for the user to settle conflicts.
    Conflicts,
}
