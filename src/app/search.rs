//! Search as you type (`/`) and going on to the next match (`n`, `N`):
//! a pass over the tree's nodes, a step at a time, so that no keystroke
//! waits for a pass over a large plan.

use super::App;
use crate::model::Plan;
use crate::model::find;
use crate::tree::{NodeId, Place};
use crate::words::tell::Said;

/// The search: its query, and `n` / `N` still looking.
#[derive(Default)]
pub(super) struct Search {
    /// The current search, normalised; matches are highlighted.
    query: Option<String>,
    /// `n` or `N` still looking for the next match.
    seeking: Option<Walk>,
}

impl Search {
    pub(super) fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    pub(super) fn forget_query(&mut self) {
        self.query = None;
    }

    /// Another key takes over from `n` or `N` still looking.
    pub(super) fn stop_seeking(&mut self) {
        self.seeking = None;
    }
}

/// Nodes passed over for a query cannot hold a longer query containing
/// it, so typing on resumes the search where the last one stopped: typing
/// a whole name costs one pass over the plan, not one per character.
#[derive(Debug, Clone)]
pub(super) struct Scan {
    pub(super) query: String,
    pub(super) walk: Walk,
    /// Still looking: the rest is looked through a step at a time while no
    /// key is waiting, so a keystroke never waits for a pass over a large
    /// plan.
    pub(super) pending: bool,
}

/// A pass over the tree's nodes, wrapping around, a step at a time.
#[derive(Debug, Clone)]
pub struct Walk {
    /// The node looked at first.
    from: usize,
    forward: bool,
    /// Nodes from `from` known not to hold the query.
    passed: usize,
    /// A key took the last step: the next is left until its frame is drawn.
    by_key: bool,
}

impl Walk {
    fn new(from: usize, forward: bool) -> Self {
        Self {
            from,
            forward,
            passed: 0,
            by_key: true,
        }
    }

    /// Whether the next step is the loop's (not one right after a key's).
    fn loops_turn(&mut self) -> bool {
        !std::mem::take(&mut self.by_key)
    }
}

/// Nodes looked at per step of a search (under a millisecond in a plan of
/// 100,000 projects; a plan of a few hundred nodes is searched at once).
const SCAN_STEP: usize = 256;

impl App {
    /// Keeps the query and starts looking for the first match at or after
    /// `origin`, resuming `last` when the query grew from its query.
    pub(super) fn search_for(
        &mut self,
        text: &str,
        origin: Option<NodeId>,
        last: Option<Scan>,
    ) -> Option<Scan> {
        let query = find::normalize(text);
        self.search.query = (!query.is_empty()).then(|| query.clone());
        if query.is_empty() {
            return None;
        }
        let from = self.start_of(origin.as_ref());
        let mut walk = Walk::new(from, true);
        walk.passed = last
            .filter(|scan| scan.walk.from == from && query.contains(scan.query.as_str()))
            .map_or(0, |scan| scan.walk.passed);
        let mut scan = Scan {
            query,
            walk,
            pending: true,
        };
        self.scan(&mut scan, SCAN_STEP);
        Some(scan)
    }

    /// Looks at up to `limit` more nodes for the scan's query; goes to the
    /// match once found.
    pub(super) fn scan(&mut self, scan: &mut Scan, limit: usize) {
        match self.walk(&mut scan.walk, &scan.query, limit) {
            Some(index) => {
                self.go_to_node(index);
                scan.pending = false;
            }
            None => scan.pending = scan.walk.passed < self.tree.node_count(),
        }
    }

    /// Looks at up to `limit` more nodes of `walk` for `query`; the first
    /// that holds it, where the walk stays.
    fn walk(&self, walk: &mut Walk, query: &str, limit: usize) -> Option<usize> {
        let count = self.tree.node_count();
        let wanted = find::Query::new(query);
        let end = walk.passed.saturating_add(limit).min(count);
        while walk.passed < end {
            let index = if walk.forward {
                (walk.from + walk.passed) % count
            } else {
                (walk.from + count - walk.passed) % count
            };
            let id = self.tree.node(index).place;
            if holds(&self.docs[id.plan()].plan, id, &wanted) {
                return Some(index);
            }
            walk.passed += 1;
        }
        None
    }

    /// Where a search from `origin` starts: its node, or the first.
    fn start_of(&self, origin: Option<&NodeId>) -> usize {
        origin
            .and_then(|id| self.tree.row_of(id))
            .and_then(|row| self.tree.node_index(row))
            .unwrap_or(0)
    }

    /// Shows node `index` and selects it.
    fn go_to_node(&mut self, index: usize) {
        if let Some(row) = self.tree.reveal(index) {
            self.go_to_row(row);
        }
    }

    /// Where `n` (or `N`) starts looking: the node after (or before) the
    /// selection.
    fn next_walk(&self, forward: bool) -> Walk {
        let count = self.tree.node_count().max(1);
        let selected = (self.cursor.selected())
            .and_then(|id| self.tree.find(id))
            .unwrap_or(0);
        let from = if forward {
            (selected + 1) % count
        } else {
            (selected + count - 1) % count
        };
        Walk::new(from, forward)
    }

    /// Whether a search is still looking.
    pub fn searching(&self) -> bool {
        self.search.seeking.is_some()
            || self
                .prompt
                .as_ref()
                .and_then(|p| p.scan.as_ref())
                .is_some_and(|s| s.pending)
    }

    /// Takes the next step of a search still looking; whether it ended
    /// (found, or looked everywhere), which shows.
    pub(super) fn go_on_searching(&mut self) -> bool {
        let Some(mut scan) = self
            .prompt
            .as_mut()
            .and_then(|p| p.scan.take_if(|s| s.pending))
        else {
            return false;
        };
        if scan.walk.loops_turn() {
            self.scan(&mut scan, SCAN_STEP);
        }
        let ended = !scan.pending;
        if let Some(prompt) = &mut self.prompt {
            prompt.scan = Some(scan);
        }
        ended
    }

    /// `n` / `N`: looks for the next match from the selection, a step in
    /// the keystroke and the rest between keys (`go_on_seeking`).
    pub(super) fn jump_match(&mut self, forward: bool) {
        if self.search.query.is_none() {
            return self.info(Said::NoSearch);
        }
        // A press while the last is still looking goes on from its match.
        if self.search.seeking.is_some() {
            self.seek(usize::MAX);
        }
        self.search.seeking = Some(self.next_walk(forward));
        if !self.seek(SCAN_STEP) {
            self.info(Said::Searching);
        }
    }

    /// Starts the searches still looking again on rebuilt rows: where they
    /// had got to counts places in the rows replaced.
    pub(super) fn restart_searches(&mut self) {
        if let Some(seek) = &self.search.seeking {
            self.search.seeking = Some(self.next_walk(seek.forward));
        }
        let origin = match &self.prompt {
            Some(p) if p.scan.as_ref().is_some_and(|s| s.pending) => {
                self.start_of(p.origin.as_ref())
            }
            _ => return,
        };
        if let Some(scan) = self.prompt.as_mut().and_then(|p| p.scan.as_mut()) {
            scan.walk = Walk::new(origin, true);
        }
    }

    /// Takes the next step of `n` / `N` still looking; whether it ended.
    pub(super) fn go_on_seeking(&mut self) -> bool {
        let Some(seek) = &mut self.search.seeking else {
            return false;
        };
        seek.loops_turn() && self.seek(SCAN_STEP)
    }

    /// Looks at up to `limit` more nodes after (or before) the selection,
    /// wrapping around; goes to the match once found, or says there is
    /// none. Whether the search ended.
    fn seek(&mut self, limit: usize) -> bool {
        let Some(mut seek) = self.search.seeking.take() else {
            return false;
        };
        let query = self.search.query.clone().unwrap_or_default();
        if let Some(index) = self.walk(&mut seek, &query, limit) {
            self.go_to_node(index);
            self.report_matches();
            return true;
        }
        if seek.passed >= self.tree.node_count() {
            self.info(Said::NoMatch);
            return true;
        }
        self.search.seeking = Some(seek);
        false
    }

    /// Whether the node's own text holds the search query.
    pub fn node_matches(&self, id: Place) -> bool {
        self.search
            .query
            .as_ref()
            .is_some_and(|q| find::node_contains(&self.docs[id.plan()].plan, id.address(), q))
    }
}

/// Whether the node's own text holds the query, counting a repeated
/// measure once.
pub(super) fn holds(plan: &Plan, id: Place, wanted: &find::Query) -> bool {
    !is_repeat(plan, id) && find::node_holds(plan, id.address(), wanted)
}

/// A measure serving two KPIs is shown under each; its rows under all but
/// the first KPI are repeats, not further matches.
fn is_repeat(plan: &Plan, id: Place) -> bool {
    let (Place::Measure {
        strategy,
        kpi: Some(k),
        measure,
        ..
    }
    | Place::Project {
        strategy,
        kpi: Some(k),
        measure,
        ..
    }) = id
    else {
        return false;
    };
    let shown = &plan.strategies[strategy];
    shown.measures[measure]
        .kpis
        .iter()
        .filter_map(|l| shown.kpi_index(l))
        .min()
        .is_some_and(|first| first != k)
}
