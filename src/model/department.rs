//! The department in charge (担当課) of a node. Published tables name it at
//! whatever level they put it: on a strategy, a measure or a project. A node
//! without one of its own is in the charge of its nearest ancestor's.

use std::sync::Arc;

use super::address::Address;
use super::fields::Kind;
use super::plan::{Measure, Plan, Project, Strategy};

/// A node's department and where it is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Department<'a> {
    pub name: &'a str,
    /// `None` when set on the node itself, else the kind of the ancestor
    /// it comes from.
    pub inherited_from: Option<Kind>,
}

/// The node's own department, else its nearest ancestor's (the headings
/// above a strategy included); `None` when neither it nor any ancestor
/// names one (and for the plan itself).
pub fn department(plan: &Plan, address: Address) -> Option<Department<'_>> {
    let strategy = |s: usize| plan.strategies.get(s).map(|s| s.owner.as_str());
    let measure = |s: usize, m: usize| plan.measure(s, m).map(|m| m.owner.as_str());
    let project = |s: usize, m: usize, p: usize| plan.project(s, m, p).map(|p| p.owner.as_str());
    let (nodes, headings): (Vec<(Option<&str>, Kind)>, Vec<usize>) = match address {
        Address::Plan => return None,
        Address::Heading(h) => (Vec::new(), plan.heading_chain(h)),
        Address::Strategy(s) => (vec![(strategy(s), Kind::Strategy)], plan.headings_of(s)),
        Address::Kpi(s, _) => (
            vec![(None, Kind::Kpi), (strategy(s), Kind::Strategy)],
            plan.headings_of(s),
        ),
        Address::Measure(s, m) => (
            vec![
                (measure(s, m), Kind::Measure),
                (strategy(s), Kind::Strategy),
            ],
            plan.headings_of(s),
        ),
        Address::Project(s, m, p) => (
            vec![
                (project(s, m, p), Kind::Project),
                (measure(s, m), Kind::Measure),
                (strategy(s), Kind::Strategy),
            ],
            plan.headings_of(s),
        ),
    };
    let above = headings
        .into_iter()
        .rev()
        .map(|h| (Some(plan.headings[h].owner.as_str()), Kind::Heading));
    let own = Kind::of(address);
    nodes.into_iter().chain(above).find_map(|(name, kind)| {
        name.filter(|n| !n.is_empty()).map(|name| Department {
            name,
            inherited_from: (kind != own).then_some(kind),
        })
    })
}

/// A project's own department, else its measure's, else its strategy's,
/// else that of the nearest heading above; empty when none names one.
pub fn of_project<'a>(
    plan: &'a Plan,
    strategy: &'a Strategy,
    measure: &'a Measure,
    project: &'a Project,
) -> &'a str {
    let own = [&project.owner, &measure.owner, &strategy.owner]
        .into_iter()
        .find(|name| !name.is_empty());
    if let Some(name) = own {
        return name;
    }
    let Some(h) = plan.heading_index(&strategy.under) else {
        return "";
    };
    plan.heading_chain(h)
        .into_iter()
        .rev()
        .map(|h| plan.headings[h].owner.as_str())
        .find(|name| !name.is_empty())
        .unwrap_or("")
}

/// The budget in each department's charge (by the department a project
/// has, own or inherited), in the plan's unit; projects in none are under
/// the empty name. Sorted by name.
pub fn budgets(plan: &Plan) -> std::collections::BTreeMap<&str, u64> {
    let mut totals = std::collections::BTreeMap::new();
    for strategy in &plan.strategies {
        for measure in &strategy.measures {
            for project in &measure.projects {
                let sum = totals
                    .entry(of_project(plan, strategy, measure, project))
                    .or_insert(0u64);
                *sum = sum.saturating_add(project.budget.unwrap_or(0));
            }
        }
    }
    totals
}

/// Puts each department as high as it goes: one named by every project of
/// a measure goes on the measure, one named by every measure of a strategy
/// on the strategy. A table names a department on every row; this gives it
/// back the level a plan had it at (when the plan had it as high as it goes).
pub fn settle(strategies: &mut [Strategy]) {
    for strategy in strategies {
        for measure in strategy.measures.iter_mut().map(Arc::make_mut) {
            if let Some(shared) = shared(measure.projects.iter().map(|p| p.owner.as_str())) {
                measure.owner = shared;
                for project in &mut measure.projects {
                    project.owner.clear();
                }
            }
        }
        if let Some(shared) = shared(strategy.measures.iter().map(|m| m.owner.as_str())) {
            strategy.owner = shared;
            for measure in strategy.measures_mut() {
                measure.owner.clear();
            }
        }
    }
}

/// Puts a department every strategy and heading under a heading shares on
/// the heading, the lowest headings first, as `settle` does for measures
/// and strategies.
pub fn settle_headings(plan: &mut Plan) {
    let mut order: Vec<usize> = (0..plan.headings.len()).collect();
    order.sort_by_key(|&h| std::cmp::Reverse(plan.heading_chain(h).len()));
    for h in order {
        let id = plan.headings[h].id.clone();
        let strategies = (plan.strategies.iter())
            .filter(|s| s.under == id)
            .map(|s| s.owner.as_str());
        let headings = (plan.headings.iter())
            .filter(|x| x.under == id)
            .map(|x| x.owner.as_str());
        let Some(shared) = shared(strategies.chain(headings)) else {
            continue;
        };
        plan.headings[h].owner = shared;
        for strategy in plan.strategies.iter_mut().filter(|s| s.under == id) {
            strategy.owner.clear();
        }
        for heading in plan.headings.iter_mut().filter(|x| x.under == id) {
            heading.owner.clear();
        }
    }
}

/// The name every one of `names` is, if there are any and it is not empty.
fn shared<'a>(mut names: impl Iterator<Item = &'a str>) -> Option<String> {
    let first = names.next().filter(|n| !n.is_empty())?;
    names.all(|n| n == first).then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{Department, department, settle};
    use crate::model::fields::Kind;
    use crate::model::{Address, Plan};

    const PLAN: &str = r#"(title: "t", fiscal_year: 2023, unit: "千円", strategies: [
        (label: "（１）", name: "s", owner: "総務部", kpis: [
            (label: "ⅰ", statement: "k", target: (value: 1.0, unit: "", direction: AtLeast)),
        ], measures: [
            (label: "①", name: "m", owner: "人事課", kpis: ["ⅰ"], projects: [
                (name: "own", owner: "行政改革課", overview: "", budget: 1, period: "R5.4～R6.3", schedule: [], analysis: []),
                (name: "from measure", overview: "", budget: 1, period: "R5.4～R6.3", schedule: [], analysis: []),
            ]),
            (label: "②", name: "m2", kpis: [], projects: [
                (name: "from strategy", overview: "", budget: 1, period: "R5.4～R6.3", schedule: [], analysis: []),
            ]),
        ]),
        (label: "（２）", name: "none", kpis: [], measures: [
            (label: "①", name: "m", kpis: [], projects: [
                (name: "nothing", overview: "", budget: 1, period: "R5.4～R6.3", schedule: [], analysis: []),
            ]),
        ]),
    ])"#;

    fn at(name: &str, inherited_from: Option<Kind>) -> Option<Department<'_>> {
        Some(Department {
            name,
            inherited_from,
        })
    }

    #[test]
    fn a_node_names_its_own_department_else_its_nearest_ancestors() {
        let plan: Plan = ron::from_str(PLAN).unwrap();
        let of = |address| department(&plan, address);
        assert_eq!(of(Address::Plan), None);
        assert_eq!(of(Address::Strategy(0)), at("総務部", None));
        assert_eq!(of(Address::Kpi(0, 0)), at("総務部", Some(Kind::Strategy)));
        assert_eq!(of(Address::Measure(0, 0)), at("人事課", None));
        assert_eq!(of(Address::Project(0, 0, 0)), at("行政改革課", None));
        assert_eq!(
            of(Address::Project(0, 0, 1)),
            at("人事課", Some(Kind::Measure))
        );
        assert_eq!(
            of(Address::Measure(0, 1)),
            at("総務部", Some(Kind::Strategy))
        );
        assert_eq!(
            of(Address::Project(0, 1, 0)),
            at("総務部", Some(Kind::Strategy))
        );
        assert_eq!(of(Address::Strategy(1)), None);
        assert_eq!(of(Address::Project(1, 0, 0)), None);
        assert_eq!(of(Address::Project(9, 0, 0)), None, "no such node");
    }

    fn of_every_project(plan: &Plan) -> Vec<Option<String>> {
        let mut all = Vec::new();
        for (s, strategy) in plan.strategies.iter().enumerate() {
            for (m, measure) in strategy.measures.iter().enumerate() {
                for p in 0..measure.projects.len() {
                    let found = department(plan, Address::Project(s, m, p));
                    all.push(found.map(|d| d.name.to_owned()));
                }
            }
        }
        all
    }

    #[test]
    fn settling_lifts_a_department_every_node_below_shares() {
        let mut plan: Plan = ron::from_str(PLAN).unwrap();
        let before = of_every_project(&plan);
        // As a table has them: every project names its department.
        let flat: Vec<String> = before
            .iter()
            .map(|n| n.clone().unwrap_or_default())
            .collect();
        let mut i = 0;
        for strategy in &mut plan.strategies {
            strategy.owner.clear();
            for measure in strategy.measures_mut() {
                measure.owner.clear();
                for project in &mut measure.projects {
                    project.owner.clone_from(&flat[i]);
                    i += 1;
                }
            }
        }
        let mut settled = plan.clone();
        settle(&mut settled.strategies);
        assert_eq!(
            of_every_project(&settled),
            before,
            "every project keeps its department"
        );
        let measure = &settled.strategies[0].measures[1];
        assert_eq!(measure.owner, "総務部", "one project: on its measure");
        assert_eq!(measure.projects[0].owner, "");
        let measure = &settled.strategies[0].measures[0];
        assert_eq!(
            (measure.owner.as_str(), measure.projects[0].owner.as_str()),
            ("", "行政改革課"),
            "projects that differ keep their own"
        );
        assert_eq!(settled.strategies[0].owner, "", "measures differ");
        assert_eq!(settled.strategies[1].owner, "", "none named");
        assert_eq!(settled.strategies[1].measures[0].owner, "");
    }
}
