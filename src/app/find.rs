//! Search as you type (`/`, `n`, `N`) and the review's filters (`f`).

use super::*;
use crate::model::find::{self, Filter, parse_budget_range};

/// What the prompt line is being typed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    FilterText,
    FilterBudget,
}

/// The line at the bottom where a search or a filter value is typed.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Where the selection was when the search started.
    origin: Option<NodeId>,
    /// How far the last keystroke's search got before its first match.
    scan: Option<Scan>,
}

/// Nodes passed over for a query cannot hold a longer query containing
/// it, so typing on resumes the search where the last one stopped: typing
/// a whole name costs one pass over the plan, not one per character.
#[derive(Debug, Clone)]
struct Scan {
    query: String,
    walk: Walk,
    /// Still looking: the rest is looked through a step at a time while no
    /// key is waiting, so a keystroke never waits for a pass over a large
    /// plan.
    pending: bool,
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
    pub(super) fn start_prompt(&mut self, kind: PromptKind) {
        let text = match kind {
            PromptKind::Search => String::new(),
            PromptKind::FilterText => self.filter.text.clone().unwrap_or_default(),
            PromptKind::FilterBudget => String::new(),
        };
        self.overlay = Overlay::None;
        self.prompt = Some(Prompt {
            kind,
            text,
            origin: self.selected_node(),
            scan: None,
        });
    }

    pub(super) fn answer_prompt(&mut self, action: Action) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        match action {
            Action::PromptKey(key) => {
                let plain = !key.modifiers.intersects(
                    crossterm::event::KeyModifiers::CONTROL | crossterm::event::KeyModifiers::ALT,
                );
                match key.code {
                    crossterm::event::KeyCode::Char(c) if plain => prompt.text.push(c),
                    crossterm::event::KeyCode::Backspace => {
                        prompt.text.pop();
                    }
                    _ => return,
                }
                self.prompt_changed();
            }
            Action::Confirm => {
                let prompt = self.prompt.take().unwrap_or_else(|| unreachable!());
                match prompt.kind {
                    PromptKind::Search => {
                        // Enter goes to the match: the search is finished first.
                        if let Some(mut scan) = prompt.scan.filter(|s| s.pending) {
                            self.scan(&mut scan, usize::MAX);
                        }
                        self.report_matches();
                    }
                    PromptKind::FilterText => {
                        let text = find::normalize(prompt.text.trim());
                        self.filter.text = (!text.is_empty()).then_some(text);
                        self.apply_filter();
                    }
                    PromptKind::FilterBudget => {
                        let unit = self
                            .docs
                            .first()
                            .map(|d| d.plan.unit.clone())
                            .unwrap_or_default();
                        match parse_budget_range(prompt.text.trim(), &unit) {
                            Ok(range) => {
                                self.filter.budget = Some(range);
                                self.apply_filter();
                            }
                            Err(e) => self.error(crate::words::Say::say(&e, self.lang)),
                        }
                    }
                }
            }
            Action::Dismiss => {
                let prompt = self.prompt.take().unwrap_or_else(|| unreachable!());
                if prompt.kind == PromptKind::Search {
                    self.search = None;
                    if let Some(row) = prompt.origin.and_then(|id| self.tree.row_of(id)) {
                        self.selected = row;
                    }
                    self.scroll_tree_to_selection();
                }
            }
            _ => {}
        }
    }

    /// Pasted text goes on the line as if typed, searched for once.
    pub(super) fn paste_into_prompt(&mut self, text: &str) {
        if let Some(prompt) = &mut self.prompt {
            prompt.text.push_str(text);
            self.prompt_changed();
        }
    }

    /// A search follows what the line now holds.
    fn prompt_changed(&mut self) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        if prompt.kind == PromptKind::Search {
            let (text, origin) = (prompt.text.clone(), prompt.origin);
            let scan = prompt.scan.take();
            let scan = self.search_for(&text, origin, scan);
            if let Some(prompt) = &mut self.prompt {
                prompt.scan = scan;
            }
        }
    }

    /// Keeps the query and starts looking for the first match at or after
    /// `origin`, resuming `last` when the query grew from its query.
    fn search_for(
        &mut self,
        text: &str,
        origin: Option<NodeId>,
        last: Option<Scan>,
    ) -> Option<Scan> {
        let query = find::normalize(text);
        self.search = (!query.is_empty()).then(|| query.clone());
        if query.is_empty() {
            return None;
        }
        let from = self.start_of(origin);
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
    fn scan(&mut self, scan: &mut Scan, limit: usize) {
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
            let id = self.tree.node(index).id;
            if holds(&self.docs[id.plan()].plan, id, &wanted) {
                return Some(index);
            }
            walk.passed += 1;
        }
        None
    }

    /// Where a search from `origin` starts: its node, or the first.
    fn start_of(&self, origin: Option<NodeId>) -> usize {
        origin
            .and_then(|id| self.tree.row_of(id))
            .and_then(|row| self.tree.node_index(row))
            .unwrap_or(0)
    }

    /// Shows node `index` and selects it.
    fn go_to_node(&mut self, index: usize) {
        if let Some(row) = self.tree.reveal(index) {
            self.select_row_keeping(row);
        }
    }

    /// Where `n` (or `N`) starts looking: the node after (or before) the
    /// selection.
    fn next_walk(&self, forward: bool) -> Walk {
        let count = self.tree.node_count().max(1);
        let selected = self.tree.node_index(self.selected).unwrap_or(0);
        let from = if forward {
            (selected + 1) % count
        } else {
            (selected + count - 1) % count
        };
        Walk::new(from, forward)
    }

    /// Whether a search is still looking.
    pub fn searching(&self) -> bool {
        self.seeking.is_some()
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
        if self.search.is_none() {
            return self.info("no search: press / to search");
        }
        // A press while the last is still looking goes on from its match.
        if self.seeking.is_some() {
            self.seek(usize::MAX);
        }
        self.seeking = Some(self.next_walk(forward));
        if !self.seek(SCAN_STEP) {
            self.info("searching...");
        }
    }

    /// Starts the searches still looking again on rebuilt rows: where they
    /// had got to counts places in the rows replaced.
    pub(super) fn restart_searches(&mut self) {
        if let Some(seek) = &self.seeking {
            self.seeking = Some(self.next_walk(seek.forward));
        }
        let origin = match &self.prompt {
            Some(p) if p.scan.as_ref().is_some_and(|s| s.pending) => self.start_of(p.origin),
            _ => return,
        };
        if let Some(scan) = self.prompt.as_mut().and_then(|p| p.scan.as_mut()) {
            scan.walk = Walk::new(origin, true);
        }
    }

    /// Takes the next step of `n` / `N` still looking; whether it ended.
    pub(super) fn go_on_seeking(&mut self) -> bool {
        let Some(seek) = &mut self.seeking else {
            return false;
        };
        seek.loops_turn() && self.seek(SCAN_STEP)
    }

    /// Looks at up to `limit` more nodes after (or before) the selection,
    /// wrapping around; goes to the match once found, or says there is
    /// none. Whether the search ended.
    fn seek(&mut self, limit: usize) -> bool {
        let Some(mut seek) = self.seeking.take() else {
            return false;
        };
        let query = self.search.clone().unwrap_or_default();
        if let Some(index) = self.walk(&mut seek, &query, limit) {
            self.go_to_node(index);
            self.report_matches();
            return true;
        }
        if seek.passed >= self.tree.node_count() {
            self.info("no match");
            return true;
        }
        self.seeking = Some(seek);
        false
    }

    /// Whether the node's own text holds the search query.
    pub fn node_matches(&self, id: NodeId) -> bool {
        self.search
            .as_ref()
            .is_some_and(|q| find::node_contains(&self.docs[id.plan()].plan, id.address(), q))
    }

    /// Says how many nodes match. Counting looks at every node, which takes
    /// long in a large plan: it is done in the background, and the match
    /// is on screen meanwhile. A count is kept until the plans change.
    fn report_matches(&mut self) {
        let Some(query) = self.search.clone() else {
            return;
        };
        let plans: Vec<Arc<Plan>> = self.docs.iter().map(|d| Arc::clone(&d.plan)).collect();
        if let Some(count) = &self.match_count
            && count.query == query
            && same_plans(&count.plans, &plans)
        {
            return self.say_count(count.count, &query);
        }
        self.info(format!(
            "counting matches for \"{query}\" (n next, N previous)"
        ));
        if let Some(counting) = &self.counting
            && counting.query == query
            && same_plans(&counting.plans, &plans)
        {
            return;
        }
        // Unfiltered, the tree shows every node: the plans are counted as
        // they are. Filtered, the nodes shown are listed for the count.
        let shown: Option<Vec<NodeId>> = self.filter.is_active().then(|| {
            (0..self.tree.node_count())
                .map(|i| self.tree.node(i).id)
                .collect()
        });
        let (send, result) = std::sync::mpsc::channel();
        let (counted, q) = (plans.clone(), query.clone());
        std::thread::spawn(move || {
            let count = match shown {
                None => counted
                    .iter()
                    .map(|plan| find::count_matches(plan, &q, counted.len() > 1))
                    .sum(),
                Some(ids) => {
                    let wanted = find::Query::new(&q);
                    ids.into_iter()
                        .filter(|&id| holds(&counted[id.plan()], id, &wanted))
                        .count()
                }
            };
            let _ = send.send(count);
        });
        self.counting = Some(Counting {
            query,
            plans,
            result,
        });
    }

    /// Takes a finished count, if it is still for the search on screen.
    /// Whether a count (or its end) came in.
    pub(super) fn finish_counting(&mut self) -> bool {
        let Some(counting) = &self.counting else {
            return false;
        };
        let count = match counting.result.try_recv() {
            Ok(count) => count,
            Err(std::sync::mpsc::TryRecvError::Empty) => return false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.counting = None;
                return true;
            }
        };
        let Some(counting) = self.counting.take() else {
            return false;
        };
        if self.search.as_ref() == Some(&counting.query) {
            self.say_count(count, &counting.query);
        }
        self.match_count = Some(MatchCount {
            query: counting.query,
            plans: counting.plans,
            count,
        });
        true
    }

    fn say_count(&mut self, count: usize, query: &str) {
        self.info(format!(
            "{count} match(es) for \"{query}\" (n next, N previous)"
        ));
    }

    fn select_row_keeping(&mut self, row: usize) {
        self.selected = row;
        self.field = 0;
        self.detail_scroll = 0;
        self.scroll_tree_to_selection();
    }

    pub(super) fn answer_filters(&mut self, action: Action) {
        match action {
            Action::FilterEvaluation => {
                let scale = self
                    .docs
                    .first()
                    .map(|d| d.plan.evaluation_scale.clone())
                    .unwrap_or_default();
                let next = match &self.filter.evaluation {
                    None => scale.first(),
                    Some(current) => scale.iter().skip_while(|g| g.name != *current).nth(1),
                };
                self.filter.evaluation = next.map(|g| g.name.clone());
                self.apply_filter();
            }
            Action::FilterOverdue => {
                self.filter.overdue = !self.filter.overdue;
                self.apply_filter();
            }
            Action::FilterText => self.start_prompt(PromptKind::FilterText),
            Action::FilterBudget => self.start_prompt(PromptKind::FilterBudget),
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.apply_filter();
            }
            Action::Dismiss => self.overlay = Overlay::None,
            _ => {}
        }
    }

    fn apply_filter(&mut self) {
        // Counts were of the nodes shown before.
        self.match_count = None;
        self.counting = None;
        self.rebuild_tree();
        let shown = self.tree.shown_total();
        if self.filter.is_active() {
            self.info(format!(
                "showing {}件 ({})",
                shown.projects,
                self.filter.describe()
            ));
        } else {
            self.info("showing everything");
        }
    }
}

/// Matches being counted in the background.
pub struct Counting {
    query: String,
    plans: Vec<Arc<Plan>>,
    result: std::sync::mpsc::Receiver<usize>,
}

/// The last count, with the plans it was counted in.
pub struct MatchCount {
    query: String,
    plans: Vec<Arc<Plan>>,
    count: usize,
}

fn same_plans(a: &[Arc<Plan>], b: &[Arc<Plan>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
}

/// Whether the node's own text holds the query, counting a repeated
/// measure once.
fn holds(plan: &Plan, id: NodeId, wanted: &find::Query) -> bool {
    !is_repeat(plan, id) && find::node_holds(plan, id.address(), wanted)
}

/// A measure serving two KPIs is shown under each; its rows under all but
/// the first KPI are repeats, not further matches.
fn is_repeat(plan: &Plan, id: NodeId) -> bool {
    let (NodeId::Measure {
        strategy,
        kpi: Some(k),
        measure,
        ..
    }
    | NodeId::Project {
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
