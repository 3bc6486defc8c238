//! Noticing what others do: a plan changed on disk reloads by itself when
//! there is nothing unsaved here (keeping the selection), and is flagged
//! for a merge on save otherwise; others who have the plan open are listed.

use std::time::{Duration, Instant};

use std::sync::Arc;

use super::App;
use super::dialogs::Overlay;
use crate::store::{self, presence};
use crate::tree::{NodeId, Place};
use crate::words::tell::Said;

/// How often the files on disk are looked at.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);

/// When the files and the presence entries were last looked at.
#[derive(Default)]
pub(super) struct Watching {
    last_watch: Option<Instant>,
    /// When this session last refreshed its presence entries.
    last_presence: Option<Instant>,
}

impl Watching {
    /// The next look at the files is not held back by the last one.
    pub(super) fn look_at_next_tick(&mut self) {
        self.last_watch = None;
    }
}

impl App {
    /// Registers this session in each plan's presence file (not in
    /// read-only mode: presence is about editing).
    pub fn announce(&mut self) {
        if self.settings.read_only() {
            return;
        }
        store::recovery::remove_leftovers();
        self.watching.last_presence = Some(Instant::now());
        for doc in &mut self.docs {
            // What saves killed midway left beside the plan (the user's own).
            if let Ok(place) = store::folder::Place::resolve(&doc.path) {
                store::remove_leftovers(&place.folder, &place.name);
            }
            doc.others = presence::others(&doc.path)
                .iter()
                .map(presence::Entry::describe)
                .collect();
            presence::announce(&doc.path);
        }
    }

    /// Takes this session out of the presence files again.
    pub fn withdraw(&self) {
        if !self.settings.read_only() {
            for doc in &self.docs {
                presence::withdraw(&doc.path);
            }
        }
    }

    /// Says again, now and then, that this session is still there: others
    /// forget a session they have not heard from for a few minutes.
    fn refresh_presence(&mut self, now: Instant) {
        let every = presence::REFRESH.to_std().unwrap_or(WATCH_EVERY);
        // Read-only sessions never announced themselves.
        if self
            .watching
            .last_presence
            .is_some_and(|t| now.duration_since(t) >= every)
        {
            self.watching.last_presence = Some(now);
            for doc in &self.docs {
                presence::announce(&doc.path);
            }
        }
    }

    /// Whether the month changed (looked at with the files, once a second).
    fn follow_month(&mut self) -> bool {
        let month = crate::model::dates::this_month();
        if month == self.month {
            return false;
        }
        self.month = month;
        if self.filter.overdue {
            // What is overdue changed with the month.
            self.rebuild_tree();
        }
        true
    }

    /// Whether it found something: another session, a changed file.
    pub(super) fn watch(&mut self, now: Instant) -> bool {
        if self
            .watching
            .last_watch
            .is_some_and(|t| now.duration_since(t) < WATCH_EVERY)
        {
            return false;
        }
        self.watching.last_watch = Some(now);
        self.refresh_presence(now);
        let mut found = self.follow_month();
        let busy = !matches!(self.overlay, Overlay::None | Overlay::Help { .. });
        let mut reloaded = Vec::new();
        let followed = self.followed();
        for i in 0..self.docs.len() {
            let loading = self.is_loading(i);
            let doc = &mut self.docs[i];
            let others: Vec<String> = presence::others(&doc.path)
                .iter()
                .map(presence::Entry::describe)
                .collect();
            if others != doc.others {
                doc.others = others;
                found = true;
            }
            if loading {
                continue;
            }
            let stamp = store::stamp(&doc.path);
            // A question or list on screen points into the plan as it is:
            // look again once it is answered.
            if stamp == doc.stamp || busy {
                continue;
            }
            doc.stamp = stamp;
            found = true;
            // Gone, or no longer a regular file (a pipe would make the read
            // below wait for a writer): nothing to read.
            if stamp.is_none() {
                continue;
            }
            // Hashed in blocks: a large plan is read only if it changed.
            let Ok(Some(hash)) = store::file_hash(&doc.path) else {
                continue;
            };
            if Some(hash) == doc.disk_hash {
                continue;
            }
            let editing_here = self.editor.as_ref().is_some_and(|e| e.node.plan() == i);
            let doc = &mut self.docs[i];
            if doc.dirty || editing_here {
                doc.changed_on_disk = true;
                continue;
            }
            match store::load(&doc.path) {
                Ok(loaded) => {
                    let comments = loaded.source.comments().len();
                    doc.plan = Arc::new(loaded.plan);
                    doc.base = Arc::clone(&doc.plan);
                    doc.disk_hash = loaded.disk_hash;
                    doc.comments = comments;
                    doc.changed_on_disk = false;
                    reloaded.push(doc.path.clone());
                }
                Err(e) => self.notices.error(Said::ReloadFailed(e)),
            }
        }
        if !reloaded.is_empty() {
            self.rebuild_tree();
            self.follow(followed);
            self.info(Said::Reloaded { files: reloaded });
        }
        found
    }
}

/// The selected node and the nodes above it, nearest first (a KPI only
/// when it is the node itself: a measure's parent is its strategy), to
/// select again once the plan was replaced (reloaded, merged): by
/// identity, not by row, as others' changes move rows.
pub(super) struct Followed(Vec<NodeId>);

impl App {
    pub(super) fn followed(&self) -> Option<Followed> {
        let id = self.cursor.selected().cloned()?;
        let index = self.tree.find(&id)?;
        let plans = self.plans();
        let above = self
            .tree
            .ancestors(index)
            .filter(|&i| !matches!(self.tree.node(i).place, Place::Kpi { .. }))
            .filter_map(|i| self.tree.id_of(&plans, i));
        Some(Followed(std::iter::once(id).chain(above).collect()))
    }

    /// Selects the followed node where it is now, or else its nearest
    /// parent still there (and shown).
    pub(super) fn follow(&mut self, followed: Option<Followed>) {
        let Some(Followed(chain)) = followed else {
            return;
        };
        let row = chain.iter().find_map(|id| self.tree.row_of_anywhere(id));
        if let Some(row) = row
            && Some(row) != self.selected_row()
        {
            self.go_to_row(row);
        }
    }
}
