//! Building the tree from the plans, with each node's budget total, and
//! keeping the totals true when a measure's budgets change.

use std::collections::{HashMap, HashSet};

use super::ids::key_at;
use super::{NO_PARENT, NodeId, Place, Tree, TreeNode, narrow};
use crate::model::filter::Filter;
use crate::model::ids::derived;
use crate::model::levels::Role;
use crate::model::plan::NodeKey;
use crate::model::totals::measure_total;
use crate::model::{Address, Measure, Plan, Project, Total, YearMonth};

impl Tree {
    /// Builds every node of `plans`, fully expanded except `collapsed`.
    pub fn build(plans: &[&Plan], collapsed: HashSet<NodeId>) -> Self {
        Self::build_with(plans, collapsed, None)
    }

    /// Builds the nodes that hold a project passing `filter` (all of them
    /// when it is empty) in the month `today`; totals count the projects
    /// shown.
    pub fn build_filtered(
        plans: &[&Plan],
        collapsed: HashSet<NodeId>,
        filter: &Filter,
        today: YearMonth,
    ) -> Self {
        Self::build_with(
            plans,
            collapsed,
            filter.is_active().then_some((filter, today)),
        )
    }

    fn build_with(
        plans: &[&Plan],
        collapsed: HashSet<NodeId>,
        filter: Option<(&Filter, YearMonth)>,
    ) -> Self {
        let mut builder = Builder {
            // Sized once: growing by doubling would briefly hold two copies.
            nodes: Vec::with_capacity(node_estimate(plans)),
            filter,
            ..Builder::default()
        };
        let show_plans = plans.len() > 1;
        for (p, plan) in plans.iter().enumerate() {
            // Only written ids are indexed (see `Tree::first_of`): few in a
            // plan from before ids, so the index grows as it needs.
            builder.index.push(HashMap::new());
            builder.hides = (!plan.shows(Role::Strategy), !plan.shows(Role::Measure));
            if show_plans {
                let at = builder.open(Place::Plan { plan: p }, plan, Total::default());
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
            shown: Total::default(),
            measure_nodes: builder.measure_nodes,
            index: builder.index,
        };
        tree.fold(collapsed);
        tree.refresh_visible();
        tree.shown = tree.count_shown();
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

    /// Sums the measures shown (a measure under two KPIs shows the same
    /// projects twice), which hold every project shown.
    fn count_shown(&self) -> Total {
        let mut seen = HashSet::new();
        self.nodes
            .iter()
            .filter(|n| matches!(n.place, Place::Measure { .. }))
            .filter(|n| seen.insert((n.place.plan(), n.place.address())))
            .map(|n| n.total)
            .sum()
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
}

impl Builder<'_> {
    fn open(&mut self, place: Place, plan: &Plan, total: Total) -> usize {
        let at = self.nodes.len();
        let key = key_at(plan, place.address());
        let written = key.is_some_and(|k| !derived::is_of(k, place.address()));
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
        if let (Some(key), Some(index), true) = (key, self.index.last_mut(), written) {
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

    /// Drops a node just opened that turned out to hold nothing shown.
    fn discard(&mut self, at: usize, plan: &Plan) {
        self.stack.pop();
        self.hidden_open -= u16::from(self.nodes[at].hidden);
        if let (Some(key), Some(index)) = (
            key_at(plan, self.nodes[at].place.address()),
            self.index.last_mut(),
        ) && index.get(key) == Some(&narrow(at))
        {
            index.remove(key);
        }
        self.nodes.truncate(at);
    }

    fn shows(&self, plan: &Plan, address: Address, project: &Project) -> bool {
        self.filter
            .is_none_or(|(f, today)| f.matches(plan, address, project, today))
    }

    /// The shown projects of a measure, and their total.
    fn measure_total(&self, plan: &Plan, s: usize, m: usize) -> Total {
        let measure = &plan.strategies[s].measures[m];
        if self.filter.is_none() {
            return measure_total(measure);
        }
        measure
            .projects
            .iter()
            .enumerate()
            .filter(|(p, project)| self.shows(plan, Address::Project(s, m, *p), project))
            .map(|(_, project)| Total::of(project))
            .sum()
    }

    fn strategies(&mut self, plan_index: usize, plan: &Plan) -> Total {
        let mut plan_total = Total::default();
        self.empty = match (plan.headings.is_empty(), self.filter) {
            (false, None) => empty_headings(plan),
            _ => Vec::new(),
        };
        for (s, strategy) in plan.strategies.iter().enumerate() {
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
            let at = self.open(place, plan, total);
            for k in 0..strategy.kpis.len() {
                let kpi_total: Total = strategy.measures_of_kpi(k).map(|m| totals[m]).sum();
                if self.filter.is_some() && kpi_total.projects == 0 {
                    continue;
                }
                let place = Place::Kpi {
                    plan: plan_index,
                    strategy: s,
                    kpi: k,
                };
                let kpi_at = self.open(place, plan, kpi_total);
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
                let at = self.open(place, plan, Total::default());
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
            let at = self.open(place, plan, Total::default());
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
        let measure = &plan.strategies[s].measures[m];
        let place = Place::Measure {
            plan: plan_index,
            strategy: s,
            kpi,
            measure: m,
        };
        let at = self.open(place, plan, total);
        for (p, project) in measure.projects.iter().enumerate() {
            if !self.shows(plan, Address::Project(s, m, p), project) {
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
            let leaf = self.open(place, plan, total);
            self.close(leaf, total);
        }
        if self.filter.is_some() && total.projects == 0 {
            self.discard(at, plan);
        } else {
            self.close(at, total);
            let key = (plan_index, s, m);
            self.measure_nodes.entry(key).or_default().push(at);
        }
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
