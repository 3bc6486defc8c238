//! Counting the matches of a search in the background: in a large plan
//! it takes long, and the match is on screen meanwhile.

use std::sync::Arc;

use super::App;
use super::search::holds;
use crate::model::Plan;
use crate::model::find;
use crate::tree::Place;
use crate::words::tell::Said;

/// Matches being counted, and the last count.
#[derive(Default)]
pub(super) struct Counts {
    running: Option<Counting>,
    last: Option<MatchCount>,
}

impl Counts {
    /// Whether matches are being counted.
    pub(super) fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Counts were of the nodes shown before.
    pub(super) fn forget(&mut self) {
        self.running = None;
        self.last = None;
    }
}

impl App {
    /// Says how many nodes match. Counting looks at every node, which takes
    /// long in a large plan: it is done in the background, and the match
    /// is on screen meanwhile. A count is kept until the plans change.
    pub(super) fn report_matches(&mut self) {
        let Some(query) = self.search.query().map(str::to_owned) else {
            return;
        };
        let plans: Vec<Arc<Plan>> = self.docs.iter().map(|d| Arc::clone(&d.plan)).collect();
        if let Some(count) = &self.counts.last
            && count.query == query
            && same_plans(&count.plans, &plans)
        {
            return self.say_count(count.count, &query);
        }
        self.info(Said::Counting {
            query: query.clone(),
        });
        if let Some(counting) = &self.counts.running
            && counting.query == query
            && same_plans(&counting.plans, &plans)
        {
            return;
        }
        // Unfiltered, the tree shows every node: the plans are counted as
        // they are. Filtered, the nodes shown are listed for the count.
        let shown: Option<Vec<Place>> = self.filter.is_active().then(|| {
            (0..self.tree.node_count())
                .map(|i| self.tree.node(i).place)
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
        self.counts.running = Some(Counting {
            query,
            plans,
            result,
        });
    }

    /// Takes a finished count, if it is still for the search on screen.
    /// Whether a count (or its end) came in.
    pub(super) fn finish_counting(&mut self) -> bool {
        let Some(counting) = &self.counts.running else {
            return false;
        };
        let count = match counting.result.try_recv() {
            Ok(count) => count,
            Err(std::sync::mpsc::TryRecvError::Empty) => return false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.counts.running = None;
                return true;
            }
        };
        let Some(counting) = self.counts.running.take() else {
            return false;
        };
        if self.search.query() == Some(counting.query.as_str()) {
            self.say_count(count, &counting.query);
        }
        self.counts.last = Some(MatchCount {
            query: counting.query,
            plans: counting.plans,
            count,
        });
        true
    }

    fn say_count(&mut self, count: usize, query: &str) {
        self.info(Said::Matches {
            count,
            query: query.to_owned(),
        });
    }
}

/// Matches being counted in the background.
struct Counting {
    query: String,
    plans: Vec<Arc<Plan>>,
    result: std::sync::mpsc::Receiver<usize>,
}

/// The last count, with the plans it was counted in.
struct MatchCount {
    query: String,
    plans: Vec<Arc<Plan>>,
    count: usize,
}

fn same_plans(a: &[Arc<Plan>], b: &[Arc<Plan>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
}
