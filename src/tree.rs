//! The plan as a tree of rows: strategy → KPI → measure → project, with a plan
//! level on top when several plans are open. A measure serving two KPIs has a
//! row under each. The visible-row list is rebuilt only when the tree's shape
//! changes (expand, collapse, edits), never per key.

use std::collections::{HashMap, HashSet};

use crate::model::find::Filter;
use crate::model::totals::measure_total;
use crate::model::{Address, Measure, Plan, Project, Total, YearMonth};

/// A row's identity: stable across rebuilds as long as the plan's shape is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeId {
    Plan {
        plan: usize,
    },
    Strategy {
        plan: usize,
        strategy: usize,
    },
    Kpi {
        plan: usize,
        strategy: usize,
        kpi: usize,
    },
    /// `kpi` is the KPI the row is shown under; `None` for a measure that
    /// serves no KPI of its strategy.
    Measure {
        plan: usize,
        strategy: usize,
        kpi: Option<usize>,
        measure: usize,
    },
    Project {
        plan: usize,
        strategy: usize,
        kpi: Option<usize>,
        measure: usize,
        project: usize,
    },
}

impl NodeId {
    pub fn plan(self) -> usize {
        match self {
            NodeId::Plan { plan }
            | NodeId::Strategy { plan, .. }
            | NodeId::Kpi { plan, .. }
            | NodeId::Measure { plan, .. }
            | NodeId::Project { plan, .. } => plan,
        }
    }

    /// A row id for a node known by address (shown under no KPI).
    pub fn from_address(plan: usize, address: Address) -> Self {
        match address {
            Address::Plan => NodeId::Plan { plan },
            Address::Strategy(strategy) => NodeId::Strategy { plan, strategy },
            Address::Kpi(strategy, kpi) => NodeId::Kpi {
                plan,
                strategy,
                kpi,
            },
            Address::Measure(strategy, measure) => NodeId::Measure {
                plan,
                strategy,
                kpi: None,
                measure,
            },
            Address::Project(strategy, measure, project) => NodeId::Project {
                plan,
                strategy,
                kpi: None,
                measure,
                project,
            },
        }
    }

    /// Where the node's data is inside its plan.
    pub fn address(self) -> Address {
        match self {
            NodeId::Plan { .. } => Address::Plan,
            NodeId::Strategy { strategy, .. } => Address::Strategy(strategy),
            NodeId::Kpi { strategy, kpi, .. } => Address::Kpi(strategy, kpi),
            NodeId::Measure {
                strategy, measure, ..
            } => Address::Measure(strategy, measure),
            NodeId::Project {
                strategy,
                measure,
                project,
                ..
            } => Address::Project(strategy, measure, project),
        }
    }
}

#[derive(Debug, Clone)]
pub struct TreeNode {
    pub id: NodeId,
    pub depth: u16,
    /// Index one past this node's subtree in the node list. Indices are
    /// held in 32 bits: a tree has one node per row, and 100,000 projects
    /// make a tree whose size counts.
    end: u32,
    /// `NO_PARENT` for a top node.
    parent: u32,
    pub total: Total,
}

const NO_PARENT: u32 = u32::MAX;

/// A node index as held in a `TreeNode`.
fn narrow(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(NO_PARENT - 1)
}

impl TreeNode {
    pub fn has_children(&self, index: usize) -> bool {
        self.end() > index + 1
    }

    fn end(&self) -> usize {
        self.end as usize
    }

    fn parent(&self) -> Option<usize> {
        (self.parent != NO_PARENT).then_some(self.parent as usize)
    }
}

#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<TreeNode>,
    collapsed: HashSet<NodeId>,
    visible: Vec<usize>,
    /// Budget and count of the projects in the tree, each once.
    shown: Total,
    /// Where each (plan, strategy, measure) is shown: once per KPI it
    /// serves. Lets a changed measure's totals be updated in place.
    measure_nodes: HashMap<(usize, usize, usize), Vec<usize>>,
}

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
            if show_plans {
                let at = builder.open(NodeId::Plan { plan: p }, Total::default());
                let total = builder.strategies(p, plan);
                builder.close(at, total);
            } else {
                builder.strategies(p, plan);
            }
        }
        let mut tree = Self {
            nodes: builder.nodes,
            collapsed,
            visible: Vec::new(),
            shown: Total::default(),
            measure_nodes: builder.measure_nodes,
        };
        // Forget collapsed nodes that no longer exist.
        if !tree.collapsed.is_empty() {
            let collapsed = std::mem::take(&mut tree.collapsed);
            tree.collapsed = tree
                .nodes
                .iter()
                .map(|n| n.id)
                .filter(|id| collapsed.contains(id))
                .collect();
        }
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
                if let NodeId::Project { project, .. } = self.nodes[j].id {
                    let budget = measure.projects.get(project).map_or(0, |p| p.budget);
                    self.nodes[j].total = Total {
                        budget,
                        projects: 1,
                    };
                }
            }
            let was = self.nodes[i].total;
            old = Some(was);
            self.nodes[i].total = new;
            let mut parent = self.nodes[i].parent();
            if let Some(k) = parent.filter(|&k| matches!(self.nodes[k].id, NodeId::Kpi { .. })) {
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

    /// Total of what is shown: each project once.
    pub fn shown_total(&self) -> Total {
        self.shown
    }

    /// Sums the measures shown (a measure under two KPIs shows the same
    /// projects twice), which hold every project shown.
    fn count_shown(&self) -> Total {
        let mut seen = HashSet::new();
        self.nodes
            .iter()
            .filter(|n| matches!(n.id, NodeId::Measure { .. }))
            .filter(|n| seen.insert((n.id.plan(), n.id.address())))
            .map(|n| n.total)
            .sum()
    }

    /// Number of nodes, shown or not.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn node(&self, index: usize) -> &TreeNode {
        &self.nodes[index]
    }

    /// The node index shown on visible row `row`.
    pub fn node_index(&self, row: usize) -> Option<usize> {
        self.visible.get(row).copied()
    }

    /// Expands every ancestor of node `index` so it is shown; returns its row.
    pub fn reveal(&mut self, index: usize) -> Option<usize> {
        let mut parent = self.nodes.get(index)?.parent();
        let mut changed = false;
        while let Some(p) = parent {
            changed |= self.collapsed.remove(&self.nodes[p].id);
            parent = self.nodes[p].parent();
        }
        if changed {
            self.refresh_visible();
        }
        self.visible.binary_search(&index).ok()
    }

    fn refresh_visible(&mut self) {
        self.visible.clear();
        let mut i = 0;
        while i < self.nodes.len() {
            self.visible.push(i);
            let node = &self.nodes[i];
            i = if self.collapsed.contains(&node.id) {
                node.end()
            } else {
                i + 1
            };
        }
    }

    /// Number of visible rows.
    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    /// The node shown on visible row `row`.
    pub fn row(&self, row: usize) -> Option<&TreeNode> {
        self.visible.get(row).map(|&i| &self.nodes[i])
    }

    pub fn row_has_children(&self, row: usize) -> bool {
        self.visible
            .get(row)
            .is_some_and(|&i| self.nodes[i].has_children(i))
    }

    pub fn is_collapsed(&self, id: NodeId) -> bool {
        self.collapsed.contains(&id)
    }

    pub fn collapsed(&self) -> &HashSet<NodeId> {
        &self.collapsed
    }

    /// Visible row of `id`, if it is shown.
    pub fn row_of(&self, id: NodeId) -> Option<usize> {
        self.visible.iter().position(|&i| self.nodes[i].id == id)
    }

    /// First visible row showing this node of this plan, under any parent.
    pub fn row_of_address(&self, plan: usize, address: Address) -> Option<usize> {
        self.visible.iter().position(|&i| {
            let id = self.nodes[i].id;
            id.plan() == plan && id.address() == address
        })
    }

    /// Visible row of the parent of the node on `row`.
    pub fn parent_row(&self, row: usize) -> Option<usize> {
        let parent = self.nodes[*self.visible.get(row)?].parent()?;
        // Visible rows are in node order, so the parent can be searched for.
        self.visible[..row].binary_search(&parent).ok()
    }

    /// Expands or collapses the node on `row`; true if anything changed.
    pub fn set_expanded(&mut self, row: usize, expanded: bool) -> bool {
        let Some(&i) = self.visible.get(row) else {
            return false;
        };
        let node = &self.nodes[i];
        if !node.has_children(i) {
            return false;
        }
        let changed = if expanded {
            self.collapsed.remove(&node.id)
        } else {
            self.collapsed.insert(node.id)
        };
        if changed {
            self.refresh_visible();
        }
        changed
    }
}

#[derive(Default)]
struct Builder<'f> {
    nodes: Vec<TreeNode>,
    measure_nodes: HashMap<(usize, usize, usize), Vec<usize>>,
    stack: Vec<usize>,
    filter: Option<(&'f Filter, YearMonth)>,
}

impl Builder<'_> {
    fn open(&mut self, id: NodeId, total: Total) -> usize {
        let at = self.nodes.len();
        self.nodes.push(TreeNode {
            id,
            depth: u16::try_from(self.stack.len()).unwrap_or(u16::MAX),
            end: narrow(at + 1),
            parent: self.stack.last().map_or(NO_PARENT, |&p| narrow(p)),
            total,
        });
        self.stack.push(at);
        at
    }

    fn close(&mut self, at: usize, total: Total) {
        self.stack.pop();
        self.nodes[at].end = narrow(self.nodes.len());
        self.nodes[at].total = total;
    }

    /// Drops a node just opened that turned out to hold nothing shown.
    fn discard(&mut self, at: usize) {
        self.stack.pop();
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
            .map(|(_, project)| Total {
                budget: project.budget,
                projects: 1,
            })
            .sum()
    }

    fn strategies(&mut self, plan_index: usize, plan: &Plan) -> Total {
        let mut plan_total = Total::default();
        for (s, strategy) in plan.strategies.iter().enumerate() {
            let totals: Vec<Total> = (0..strategy.measures.len())
                .map(|m| self.measure_total(plan, s, m))
                .collect();
            let total: Total = totals.iter().copied().sum();
            if self.filter.is_some() && total.projects == 0 {
                continue;
            }
            plan_total = plan_total + total;
            let at = self.open(
                NodeId::Strategy {
                    plan: plan_index,
                    strategy: s,
                },
                total,
            );
            for k in 0..strategy.kpis.len() {
                let kpi_total: Total = strategy.measures_of_kpi(k).map(|m| totals[m]).sum();
                if self.filter.is_some() && kpi_total.projects == 0 {
                    continue;
                }
                let id = NodeId::Kpi {
                    plan: plan_index,
                    strategy: s,
                    kpi: k,
                };
                let kpi_at = self.open(id, kpi_total);
                for m in strategy.measures_of_kpi(k) {
                    self.measure(plan, plan_index, s, Some(k), m, totals[m]);
                }
                self.close(kpi_at, kpi_total);
            }
            for m in strategy.unlinked_measures() {
                self.measure(plan, plan_index, s, None, m, totals[m]);
            }
            self.close(at, total);
        }
        plan_total
    }

    fn measure(
        &mut self,
        plan: &Plan,
        plan_index: usize,
        s: usize,
        kpi: Option<usize>,
        m: usize,
        total: Total,
    ) {
        let measure = &plan.strategies[s].measures[m];
        let id = NodeId::Measure {
            plan: plan_index,
            strategy: s,
            kpi,
            measure: m,
        };
        let at = self.open(id, total);
        for (p, project) in measure.projects.iter().enumerate() {
            if !self.shows(plan, Address::Project(s, m, p), project) {
                continue;
            }
            let id = NodeId::Project {
                plan: plan_index,
                strategy: s,
                kpi,
                measure: m,
                project: p,
            };
            let total = Total {
                budget: project.budget,
                projects: 1,
            };
            let leaf = self.open(id, total);
            self.close(leaf, total);
        }
        if self.filter.is_some() && total.projects == 0 {
            self.discard(at);
        } else {
            self.close(at, total);
            let key = (plan_index, s, m);
            self.measure_nodes.entry(key).or_default().push(at);
        }
    }
}

/// What a row shows: its kind, label and name.
pub struct Describe<'a> {
    pub kind: &'static str,
    pub label: &'a str,
    pub name: &'a str,
}

/// Kind, label and name of the node `id` in `plans`.
pub fn describe<'a>(plans: &[&'a Plan], id: NodeId) -> Describe<'a> {
    let plan = plans[id.plan()];
    let (kind, label, name) = match id.address() {
        Address::Plan => ("計画", "", plan.title.as_str()),
        Address::Strategy(s) => {
            let strategy = &plan.strategies[s];
            ("戦略", strategy.label.as_str(), strategy.name.as_str())
        }
        Address::Kpi(s, k) => {
            let kpi = &plan.strategies[s].kpis[k];
            ("KPI", kpi.label.as_str(), kpi.statement.as_str())
        }
        Address::Measure(s, m) => {
            let measure = &plan.strategies[s].measures[m];
            ("施策", measure.label.as_str(), measure.name.as_str())
        }
        Address::Project(s, m, p) => (
            "事業",
            "",
            plan.strategies[s].measures[m].projects[p].name.as_str(),
        ),
    };
    Describe { kind, label, name }
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
        .map(|p| 1 + p.strategies.iter().map(per_strategy).sum::<usize>())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Kpi, Measure, Period, Project, Strategy, Target};

    fn project(name: &str, budget: u64) -> Project {
        Project {
            id: Default::default(),
            name: name.to_owned(),
            overview: String::new(),
            budget,
            budget_note: String::new(),
            period: Period::parse("R5.4～R6.3").unwrap(),
            schedule: vec![],
            analysis: vec![],
            owner: String::new(),
            evaluation: String::new(),
            last_change: None,
        }
    }

    fn kpi(label: &str) -> Kpi {
        Kpi {
            id: Default::default(),
            label: label.to_owned(),
            statement: format!("KPI {label}"),
            target: Target {
                value: 1.0,
                unit: String::new(),
                direction: Direction::AtLeast,
            },
            baseline: None,
            actuals: vec![],
        }
    }

    /// ```text
    /// S  (1)                    total 700, not 1,000
    /// ├─ KPI a                  100 + 300 = 400
    /// │  ├─ M ① (a)            100
    /// │  │  └─ P x
    /// │  └─ M ③ (a, b)         300
    /// │     └─ P z
    /// ├─ KPI b                  300
    /// │  └─ M ③ (a, b)
    /// │     └─ P z
    /// └─ M ② (no KPI)          300
    ///    └─ P y
    /// ```
    fn plan() -> Plan {
        let measure = |label: &str, kpis: &[&str], p: Project| Measure {
            id: Default::default(),
            label: label.to_owned(),
            name: format!("measure {label}"),
            kpis: kpis.iter().map(|s| (*s).to_owned()).collect(),
            projects: vec![p],
        };
        Plan {
            title: "t".to_owned(),
            fiscal_year: 2023,
            unit: "千円".to_owned(),
            evaluation_scale: crate::model::grade::default_scale(),
            strategies: vec![Strategy {
                id: Default::default(),
                label: "(1)".to_owned(),
                name: "s".to_owned(),
                kpis: vec![kpi("a"), kpi("b")],
                measures: vec![
                    measure("①", &["a"], project("x", 100)).into(),
                    measure("②", &[], project("y", 300)).into(),
                    measure("③", &["a", "b"], project("z", 300)).into(),
                ],
            }],
        }
    }

    #[test]
    fn shared_measure_appears_under_each_kpi_but_counts_once() {
        let plan = plan();
        let tree = Tree::build(&[&plan], HashSet::new());
        let names: Vec<String> = (0..tree.len())
            .map(|r| {
                let node = tree.row(r).unwrap();
                let d = describe(&[&plan], node.id);
                format!(
                    "{}{}{} {}",
                    " ".repeat(node.depth.into()),
                    d.label,
                    d.name,
                    node.total.budget
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                "(1)s 700",
                " aKPI a 400",
                "  ①measure ① 100",
                "   x 100",
                "  ③measure ③ 300",
                "   z 300",
                " bKPI b 300",
                "  ③measure ③ 300",
                "   z 300",
                " ②measure ② 300",
                "  y 300",
            ]
        );
        assert_eq!(tree.row(0).unwrap().total.projects, 3);
    }

    #[test]
    fn collapse_hides_subtree_and_parent_row_finds_parent() {
        let plan = plan();
        let mut tree = Tree::build(&[&plan], HashSet::new());
        assert_eq!(tree.parent_row(3), Some(2));
        assert!(tree.set_expanded(1, false));
        assert!(!tree.set_expanded(1, false), "already collapsed");
        assert_eq!(tree.len(), 7);
        assert_eq!(
            tree.row(2).unwrap().id,
            NodeId::Kpi {
                plan: 0,
                strategy: 0,
                kpi: 1
            }
        );
        assert!(!tree.set_expanded(4, false), "a project has no children");
        assert!(tree.set_expanded(1, true));
        assert_eq!(tree.len(), 11);
    }
}
