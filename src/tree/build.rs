//! Building the tree from the plans, with each node's budget total, and
//! keeping the totals true when a measure's budgets change.

use std::collections::{HashMap, HashSet};

use super::derived::DerivedId;
use super::ids::PLAN_KEY;
use super::memo::IdMemo;
use super::{NO_PARENT, NodeId, Place, Tree, TreeNode, narrow};
use crate::model::filter::Filter;
use crate::model::levels::Role;
use crate::model::plan::NodeKey;
use crate::model::totals::measure_total;
use crate::model::{Address, Measure, Plan, Total, YearMonth};

impl Tree {
    /// Builds every node of `plans`, fully expanded except `collapsed`.
    pub fn build(plans: &[&Plan], collapsed: HashSet<NodeId>) -> Self {
        Self::build_with(plans, collapsed, None, IdMemo::default())
    }

    /// Builds the nodes that hold a project passing `filter` (all of them
    /// when it is empty) in the month `today`; totals count the projects
    /// shown; `memo` is the tree's before it (`Tree::take_memo`).
    pub fn build_filtered(
        plans: &[&Plan],
        collapsed: HashSet<NodeId>,
        filter: &Filter,
        today: YearMonth,
        memo: IdMemo,
    ) -> Self {
        Self::build_with(
            plans,
            collapsed,
            filter.is_active().then_some((filter, today)),
            memo,
        )
    }

    fn build_with(
        plans: &[&Plan],
        collapsed: HashSet<NodeId>,
        filter: Option<(&Filter, YearMonth)>,
        memo: IdMemo,
    ) -> Self {
        let mut builder = Builder {
            // Sized once: growing by doubling would briefly hold two copies.
            nodes: Vec::with_capacity(node_estimate(plans)),
            filter,
            memo,
            ..Builder::default()
        };
        let show_plans = plans.len() > 1;
        for (p, plan) in plans.iter().enumerate() {
            // Only written ids are indexed (see `Tree::first_of`): few in a
            // plan from before ids, so the index grows as it needs.
            builder.index.push(HashMap::new());
            builder.hides = (!plan.shows(Role::Strategy), !plan.shows(Role::Measure));
            if show_plans {
                let at = builder.open(Place::Plan { plan: p }, (&PLAN_KEY, true), Total::default());
                let total = builder.strategies(p, plan);
                builder.close(at, total);
            } else {
                builder.strategies(p, plan);
            }
        }
        let mut tree = Self {
            nodes: builder.nodes,
            collapsed: HashSet::new(),
            visible: Vec::new(),
            shape: 0,
            shown: builder.shown,
            measure_nodes: builder.measure_nodes,
            index: builder.index,
            memo: builder.memo,
        };
        tree.fold(collapsed);
        tree.refresh_visible();
        tree
    }

    /// Takes new budgets of measure `m` of strategy `s` of plan `plan`,
    /// whose projects are the same in number: its rows, its projects' rows
    /// and the totals above them are updated, nothing else is visited.
    /// Returns the measure's total before and after, or `None` if the tree
    /// does not show it (then nothing changed).
    pub fn refresh_measure(
        &mut self,
        (plan, s, m): (usize, usize, usize),
        measure: &Measure,
    ) -> Option<(Total, Total)> {
        let at = self.measure_nodes.get(&(plan, s, m))?;
        let new = measure_total(measure);
        let mut old = None;
        let mut above = None;
        for &i in at {
            for j in i + 1..self.nodes[i].end() {
                if let Place::Project { project, .. } = self.nodes[j].place
                    && let Some(p) = measure.projects.get(project)
                {
                    self.nodes[j].total = Total::of(p);
                }
            }
            let was = self.nodes[i].total;
            old = Some(was);
            self.nodes[i].total = new;
            let mut parent = self.nodes[i].parent();
            if let Some(k) = parent.filter(|&k| matches!(self.nodes[k].place, Place::Kpi { .. })) {
                self.nodes[k].total = self.nodes[k].total.replacing(was, new);
                parent = self.nodes[k].parent();
            }
            above = parent;
        }
        let old = old?;
        // The strategy and plan rows count the measure once, under however
        // many KPIs it is shown.
        while let Some(n) = above {
            self.nodes[n].total = self.nodes[n].total.replacing(old, new);
            above = self.nodes[n].parent();
        }
        self.shown = self.shown.replacing(old, new);
        Some((old, new))
    }
}

#[derive(Default)]
struct Builder<'f> {
    nodes: Vec<TreeNode>,
    measure_nodes: HashMap<(usize, usize, usize), Vec<usize>>,
    index: Vec<HashMap<NodeKey, u32>>,
    stack: Vec<usize>,
    /// How many of the nodes on `stack` are not shown as rows.
    hidden_open: u16,
    /// Whether the plan being built shows no strategy rows, no measure
    /// rows: asked once a plan, not once a node.
    hides: (bool, bool),
    /// The headings above the strategy being built: their node, their
    /// index in the plan, and the total of the strategies so far.
    headings: Vec<(usize, usize, Total)>,
    /// The plan's headings no strategy stands under (a 分野 of the table
    /// of contents not yet filled), until their row is made.
    empty: Vec<bool>,
    filter: Option<(&'f Filter, YearMonth)>,
    /// While a strategy is built under a filter: whether each of its
    /// projects passes, measure after measure (`passing_from[m]` is where
    /// measure `m`'s begin), so each project is asked once, not again for
    /// its rows under every KPI its measure serves.
    passing: Vec<bool>,
    passing_from: Vec<usize>,
    derived: DerivedId,
    memo: IdMemo,
    /// The projects shown, each once: a measure counts the first time it
    /// is shown (a measure under two KPIs shows the same projects twice).
    shown: Total,
}

impl Builder<'_> {
    /// Opens the node at `place`, whose id is `key` (handed in by the
    /// caller, which holds the node), `written` if it is not the id derived
    /// from its place.
    fn open(&mut self, place: Place, (key, written): (&NodeKey, bool), total: Total) -> usize {
        let at = self.nodes.len();
        // A part the plan names no level for keeps its node (totals and
        // ids stay as for any plan) but shows no row: its children stand
        // where it would.
        let hidden = match place {
            Place::Strategy { .. } => self.hides.0,
            Place::Measure { .. } => self.hides.1,
            _ => false,
        };
        let depth = u16::try_from(self.stack.len()).unwrap_or(u16::MAX) - self.hidden_open;
        self.hidden_open += u16::from(hidden);
        self.nodes.push(TreeNode {
            place,
            depth,
            collapsed: false,
            hidden,
            written,
            end: narrow(at + 1),
            parent: self.stack.last().map_or(NO_PARENT, |&p| narrow(p)),
            total,
        });
        self.stack.push(at);
        if let (Some(index), true) = (self.index.last_mut(), written) {
            index.entry(key.clone()).or_insert(narrow(at));
        }
        at
    }

    fn close(&mut self, at: usize, total: Total) {
        self.stack.pop();
        self.hidden_open -= u16::from(self.nodes[at].hidden);
        self.nodes[at].end = narrow(self.nodes.len());
        self.nodes[at].total = total;
    }

    /// Whether project `p` of measure `m` (of the strategy being built) is
    /// shown, as `measure_total` found.
    fn shows(&self, m: usize, p: usize) -> bool {
        self.filter.is_none() || self.passing[self.passing_from[m] + p]
    }

    /// The shown projects of measure `m` of strategy `s`, and their total;
    /// under a filter, notes which projects pass for `shows`.
    fn measure_total(&mut self, plan: &Plan, s: usize, m: usize) -> Total {
        let measure = &plan.strategies[s].measures[m];
        let Some((filter, today)) = self.filter else {
            return measure_total(measure);
        };
        self.passing_from.push(self.passing.len());
        let mut total = Total::default();
        for (p, project) in measure.projects.iter().enumerate() {
            let passes = filter.matches(plan, Address::Project(s, m, p), project, today);
            self.passing.push(passes);
            if passes {
                total = total + Total::of(project);
            }
        }
        total
    }

    fn strategies(&mut self, plan_index: usize, plan: &Plan) -> Total {
        let mut plan_total = Total::default();
        self.empty = match (plan.headings.is_empty(), self.filter) {
            (false, None) => empty_headings(plan),
            _ => Vec::new(),
        };
        for (s, strategy) in plan.strategies.iter().enumerate() {
            self.passing.clear();
            self.passing_from.clear();
            let totals: Vec<Total> = (0..strategy.measures.len())
                .map(|m| self.measure_total(plan, s, m))
                .collect();
            let total: Total = totals.iter().copied().sum();
            if self.filter.is_some() && total.projects == 0 {
                continue;
            }
            plan_total = plan_total + total;
            if !plan.headings.is_empty() {
                self.enter_headings(plan, plan_index, &plan.headings_of(s));
            }
            let place = Place::Strategy {
                plan: plan_index,
                strategy: s,
            };
            let written = strategy.id.as_bytes() != self.derived.strategy(s);
            let at = self.open(place, (&strategy.id, written), total);
            for (k, kpi) in strategy.kpis.iter().enumerate() {
                let kpi_total: Total = strategy.measures_of_kpi(k).map(|m| totals[m]).sum();
                if self.filter.is_some() && kpi_total.projects == 0 {
                    continue;
                }
                let place = Place::Kpi {
                    plan: plan_index,
                    strategy: s,
                    kpi: k,
                };
                let written = kpi.id.as_bytes() != self.derived.kpi(k);
                let kpi_at = self.open(place, (&kpi.id, written), kpi_total);
                for m in strategy.measures_of_kpi(k) {
                    self.measure(plan, plan_index, (s, Some(k), m), totals[m]);
                }
                self.close(kpi_at, kpi_total);
            }
            for m in strategy.unlinked_measures() {
                self.measure(plan, plan_index, (s, None, m), totals[m]);
            }
            self.close(at, total);
            for (_, _, sum) in &mut self.headings {
                *sum = *sum + total;
            }
        }
        self.enter_headings(plan, plan_index, &[]);
        self.empty_headings(plan, plan_index, "", usize::MAX);
        plan_total
    }

    /// Rows for the empty headings under the heading `parent` (`""`: the
    /// top) that come before heading `before` in the file, and for the
    /// empty headings under them.
    fn empty_headings(&mut self, plan: &Plan, plan_index: usize, parent: &str, before: usize) {
        for h in 0..before.min(self.empty.len()) {
            if self.empty[h] && plan.headings[h].under == parent {
                self.empty[h] = false;
                let place = Place::Heading {
                    plan: plan_index,
                    heading: h,
                };
                let key = (&plan.headings[h].id, true);
                let at = self.open(place, key, Total::default());
                self.empty_headings(plan, plan_index, &plan.headings[h].id, usize::MAX);
                self.close(at, Total::default());
            }
        }
    }

    /// Closes the open headings not in `chain` (the headings above the next
    /// strategy, top first) and opens those of `chain` not yet open.
    fn enter_headings(&mut self, plan: &Plan, plan_index: usize, chain: &[usize]) {
        let kept = (self.headings.iter())
            .zip(chain)
            .take_while(|((_, h, _), c)| h == *c)
            .count();
        while self.headings.len() > kept {
            if let Some((at, h, sum)) = self.headings.pop() {
                self.empty_headings(plan, plan_index, &plan.headings[h].id, usize::MAX);
                self.close(at, sum);
            }
        }
        for &heading in &chain[kept..] {
            self.empty_headings(plan, plan_index, &plan.headings[heading].under, heading);
            let place = Place::Heading {
                plan: plan_index,
                heading,
            };
            // A heading's id is always written (none is derived for it).
            let key = (&plan.headings[heading].id, true);
            let at = self.open(place, key, Total::default());
            self.headings.push((at, heading, Total::default()));
        }
    }

    /// Measure `m` of strategy `s`, shown under KPI `kpi`.
    fn measure(
        &mut self,
        plan: &Plan,
        plan_index: usize,
        (s, kpi, m): (usize, Option<usize>, usize),
        total: Total,
    ) {
        // Under a filter, a measure with nothing shown has no row.
        if self.filter.is_some() && total.projects == 0 {
            return;
        }
        let shared = &plan.strategies[s].measures[m];
        let measure = &**shared;
        let place = Place::Measure {
            plan: plan_index,
            strategy: s,
            kpi,
            measure: m,
        };
        let written = measure.id.as_bytes() != self.derived.measure(m);
        let at = self.open(place, (&measure.id, written), total);
        let all_derived =
            (self.memo).projects_derived(&mut self.derived, (plan_index, s, m), shared);
        for (p, project) in measure.projects.iter().enumerate() {
            // Counted for every project, shown or not, as it counts them.
            let written = !all_derived && project.id.as_bytes() != self.derived.next_project();
            if !self.shows(m, p) {
                continue;
            }
            let place = Place::Project {
                plan: plan_index,
                strategy: s,
                kpi,
                measure: m,
                project: p,
            };
            let total = Total::of(project);
            let leaf = self.open(place, (&project.id, written), total);
            self.close(leaf, total);
        }
        self.close(at, total);
        let rows = self.measure_nodes.entry((plan_index, s, m)).or_default();
        if rows.is_empty() {
            self.shown = self.shown + total;
        }
        rows.push(at);
    }
}

/// For each heading of `plan`, whether no strategy stands under it.
fn empty_headings(plan: &Plan) -> Vec<bool> {
    let mut empty = vec![true; plan.headings.len()];
    for s in 0..plan.strategies.len() {
        for h in plan.headings_of(s) {
            empty[h] = false;
        }
    }
    empty
}

/// About how many nodes the unfiltered tree of `plans` has: a measure
/// counts once for each KPI it serves.
fn node_estimate(plans: &[&Plan]) -> usize {
    let per_strategy = |s: &crate::model::Strategy| {
        let measures: usize = s
            .measures
            .iter()
            .map(|m| m.kpis.len().max(1) * (1 + m.projects.len()))
            .sum();
        1 + s.kpis.len() + measures
    };
    plans
        .iter()
        .map(|p| 1 + p.headings.len() + p.strategies.iter().map(per_strategy).sum::<usize>())
        .sum()
}
