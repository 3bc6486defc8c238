//! Keeping unsaved edits safe: recovery files written shortly after every
//! change (and by the terminal loop on hang-up, termination or failure), and
//! offering recovered edits back on the next start.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::App;
use super::dialogs::{ConflictResolution, Overlay, Purpose};
use crate::action::Action;
use crate::model::Plan;
use crate::model::fields::{field_text, set_field};
use crate::model::merge::{Side, changes, merge};
use crate::store::SaveError;
use crate::store::identity;
use crate::store::recovery::{self, Recovery};
use crate::words::tell::Said;

/// How long after a change its recovery file is written: soon enough that a
/// `kill -9` loses seconds, late enough not to write on every key.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(2);

/// Recovered edits to offer, and the recovery files of this session.
#[derive(Default)]
pub(super) struct Recoveries {
    /// Recovered edits not yet offered or answered, with their document.
    offered: Vec<(usize, Recovery)>,
    /// Plans whose recovered edits the user chose to decide on later: their
    /// recovery files are not removed.
    deferred: Vec<PathBuf>,
    /// When unsaved edits are next written to the recovery file.
    due: Option<Instant>,
    /// A recovery write running in the background, and the files it wrote.
    writer: Option<std::thread::JoinHandle<Result<Vec<PathBuf>, SaveError>>>,
}

impl Recoveries {
    /// The recovered edits being offered, with their document.
    pub(super) fn first(&self) -> Option<(usize, &Recovery)> {
        self.offered.first().map(|(doc, r)| (*doc, r))
    }

    /// The recovered edits of the plan at `path` stay for the next start.
    pub(super) fn defer(&mut self, path: PathBuf) {
        self.deferred.push(path);
    }

    /// Document `doc` left the session: its edits are not offered, and
    /// later documents move up one.
    pub(super) fn document_closed(&mut self, doc: usize) {
        self.offered.retain(|(d, _)| *d != doc);
        for (d, _) in &mut self.offered {
            if *d > doc {
                *d -= 1;
            }
        }
    }
}

impl App {
    /// Recovery data for every plan with unsaved edits, including the text
    /// of an open editor.
    pub fn recovery_snapshots(&self) -> Vec<Recovery> {
        let written = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        let mut out = Vec::new();
        for (i, doc) in self.docs.iter().enumerate() {
            let editing = self
                .editor
                .as_ref()
                .filter(|e| e.node.plan() == i)
                .and_then(|editor| {
                    let text = editor.textarea.lines().join("\n");
                    let address = editor.node.address();
                    (text != field_text(&doc.plan, address, editor.field)).then_some((editor, text))
                });
            if !doc.dirty && editing.is_none() {
                continue;
            }
            let mut edited = Plan::clone(&doc.plan);
            let mut unapplied = None;
            if let Some((editor, text)) = editing {
                let address = editor.node.address();
                if set_field(&mut edited, address, editor.field, &text).is_err() {
                    unapplied = Some(format!("{}: {text}", editor.field.heading_at(address)));
                }
            }
            out.push(Recovery {
                plan_path: doc.path.clone(),
                written: written.clone(),
                user: identity::user(),
                base: Plan::clone(&doc.base),
                edited,
                unapplied,
            });
        }
        out
    }

    /// Writes the recovery files of plans with unsaved edits and removes
    /// those of plans without. Returns the files written.
    pub fn write_recovery(&mut self) -> Result<Vec<PathBuf>, SaveError> {
        self.recovery.due = None;
        self.settle_recovery_writer();
        self.recovery_job()()
    }

    /// Lets a recovery write running in the background finish, so files
    /// removed or written after this stay as they are left.
    pub fn settle_recovery_writer(&mut self) {
        if let Some(writer) = self.recovery.writer.take() {
            let _ = writer.join();
        }
    }

    /// The work of writing the recovery files as they should be now: the
    /// snapshots are taken here (plans share their measures, so this is
    /// cheap); writing them can then run anywhere.
    fn recovery_job(&self) -> impl FnOnce() -> Result<Vec<PathBuf>, SaveError> + Send + 'static {
        let snapshots = self.recovery_snapshots();
        let stale: Vec<PathBuf> = self
            .docs
            .iter()
            .map(|doc| doc.path.clone())
            .filter(|path| !self.recovery.deferred.contains(path))
            .filter(|path| !snapshots.iter().any(|s| s.plan_path == *path))
            .collect();
        move || {
            for path in &stale {
                recovery::remove(path);
            }
            snapshots.iter().map(recovery::write).collect()
        }
    }

    /// Writes the recovery files in the background when they are due: in
    /// a plan of 100,000 projects writing takes seconds, which keys must
    /// not wait for.
    /// Whether a failed write is now said.
    fn write_recovery_when_due(&mut self, now: Instant) -> bool {
        let mut failed = false;
        if self
            .recovery
            .writer
            .as_ref()
            .is_some_and(std::thread::JoinHandle::is_finished)
            && let Some(Ok(Err(e))) = self
                .recovery
                .writer
                .take()
                .map(std::thread::JoinHandle::join)
        {
            self.error(Said::CannotWriteRecovery(e));
            failed = true;
        }
        if self.recovery.due.is_none_or(|due| due > now) {
            return failed;
        }
        if self.recovery.writer.is_some() {
            self.recovery.due = Some(now + Duration::from_millis(500));
            return failed;
        }
        self.recovery.due = None;
        self.recovery.writer = Some(std::thread::spawn(self.recovery_job()));
        failed
    }

    /// Periodic duties, called by the terminal loop. What they bring in
    /// may show anywhere, so then the next frame is drawn whole.
    pub(super) fn tick(&mut self, now: Instant) {
        let failed = self.write_recovery_when_due(now);
        let loaded = self.finish_loading();
        let counted = self.finish_counting();
        let found = self.watch(now);
        let searched = self.go_on_searching() | self.go_on_seeking();
        if failed || loaded || counted || found || searched {
            self.revision += 1;
        }
    }

    /// Schedules a recovery write after a change.
    pub(super) fn note_change(&mut self) {
        if self.recovery.due.is_none() && (self.is_dirty() || self.editor.is_some()) {
            self.recovery.due = Some(Instant::now() + RECOVERY_DELAY);
        }
    }

    /// Offers recovered edits found at start, one plan at a time.
    pub fn offer_recoveries(&mut self, found: Vec<Recovery>) {
        if self.settings.read_only() {
            return;
        }
        for recovery in found {
            if let Some(doc) = self.docs.iter().position(|d| d.path == recovery.plan_path) {
                self.recovery.offered.push((doc, recovery));
            }
        }
        self.offer_next_recovery();
    }

    pub(super) fn offer_next_recovery(&mut self) {
        if !self.recovery.offered.is_empty() && self.overlay == Overlay::None {
            self.overlay = Overlay::RecoveryDialog;
        }
    }

    /// What the recovered edits change, one line each, for the question
    /// (plan content: the node, the field, the values before and after).
    pub fn recovery_summary(&self) -> Vec<String> {
        let Some((_, recovery)) = self.recovery.offered.first() else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        for change in changes(&recovery.base, &recovery.edited) {
            // The project (or node) and field; the path above them is long.
            let parts: Vec<&str> = change.label.rsplit(" / ").take(2).collect();
            lines.push(parts.into_iter().rev().collect::<Vec<_>>().join(" / "));
            let after = change.after.replace('\n', " / ");
            lines.push(if change.before.is_empty() {
                format!("  + {after}")
            } else {
                format!("  {} -> {after}", change.before.replace('\n', " / "))
            });
        }
        lines
    }

    pub(super) fn answer_recovery(&mut self, action: Action) {
        match action {
            Action::Restore => {
                self.overlay = Overlay::None;
                let (doc, recovery) = self.recovery.offered.remove(0);
                self.restore(doc, recovery);
            }
            Action::Discard => {
                self.overlay = Overlay::None;
                let (doc, _) = self.recovery.offered.remove(0);
                self.settle_recovery_writer();
                recovery::remove(&self.docs[doc].path);
                self.info(Said::RecoveredDiscarded);
                self.offer_next_recovery();
            }
            Action::Dismiss => {
                // Decide later: the files stay for the next start.
                self.overlay = Overlay::None;
                let deferred: Vec<PathBuf> = self
                    .recovery
                    .offered
                    .drain(..)
                    .map(|(doc, _)| self.docs[doc].path.clone())
                    .collect();
                self.recovery.deferred.extend(deferred);
            }
            _ => {}
        }
    }

    /// Puts recovered edits back through the same merge as a save, so a
    /// plan that changed on disk meanwhile keeps those changes too.
    fn restore(&mut self, doc: usize, recovery: Recovery) {
        let current = Plan::clone(&self.docs[doc].plan);
        let merged = merge(&recovery.base, &recovery.edited, &current, &|_| Side::Mine);
        if merged.conflicts.is_empty() {
            let count = changes(&current, &merged.plan).len();
            self.docs[doc].plan = Arc::new(merged.plan);
            self.docs[doc].dirty = count > 0;
            self.rebuild_tree();
            self.info(Said::Restored {
                count,
                unapplied: recovery.unapplied,
            });
            self.note_change();
            return self.offer_next_recovery();
        }
        self.conflict = Some(ConflictResolution {
            doc,
            purpose: Purpose::Restore,
            base: recovery.base,
            mine: recovery.edited,
            theirs: current,
            theirs_hash: None,
            conflicts: merged.conflicts,
            choices: Vec::new(),
            then_quit: false,
        });
        self.overlay = Overlay::ConflictDialog;
    }
}
