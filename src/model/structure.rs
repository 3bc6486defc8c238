//! Changing the plan's shape: adding, deleting, reordering and moving nodes,
//! and linking measures to KPIs. Each operation leaves the plan consistent
//! (a KPI's label is removed from measures when the KPI goes) and returns
//! where the node now is.

use std::sync::Arc;

use super::address::Address;
use super::dates::fiscal_year_label;
use super::ids::new_id;
use super::labels::next_label;
use super::period::Period;
use super::plan::{Direction, Kpi, Measure, NodeKey, Plan, Project, Strategy, Target, TargetValue};

/// Adds an empty node of the same kind after `at` (a sibling); returns it.
pub fn add_after(plan: &mut Plan, at: Address) -> Option<Address> {
    match at {
        Address::Plan => add_child(plan, Address::Plan),
        // Headings are laid out in the file (docs/plan-format.md).
        Address::Heading(_) => None,
        Address::Strategy(s) => {
            let label = next_label(plan.strategies.iter().map(|x| x.label.as_str()));
            // A sibling stands under the same heading.
            let under = plan.strategies.get(s)?.under.clone();
            plan.strategies.insert(s + 1, new_strategy(label, under));
            Some(Address::Strategy(s + 1))
        }
        Address::Kpi(s, k) => {
            let strategy = plan.strategies.get_mut(s)?;
            let label = next_label(strategy.kpis.iter().map(|x| x.label.as_str()));
            strategy.kpis.insert(k + 1, new_kpi(label));
            Some(Address::Kpi(s, k + 1))
        }
        Address::Measure(s, m) => {
            let strategy = plan.strategies.get_mut(s)?;
            let label = next_label(strategy.measures.iter().map(|x| x.label.as_str()));
            let kpis = strategy.measures.get(m)?.kpis.clone();
            strategy
                .measures
                .insert(m + 1, Arc::new(new_measure(label, kpis)));
            Some(Address::Measure(s, m + 1))
        }
        Address::Project(s, m, p) => {
            let project = new_project(plan)?;
            measure_mut(plan, s, m)?.projects.insert(p + 1, project);
            Some(Address::Project(s, m, p + 1))
        }
    }
}

/// Adds an empty child at the end: a strategy to the plan, a KPI to a
/// strategy, a measure serving a KPI, a project to a measure.
pub fn add_child(plan: &mut Plan, at: Address) -> Option<Address> {
    match at {
        Address::Heading(_) => None,
        Address::Plan => {
            let label = next_label(plan.strategies.iter().map(|x| x.label.as_str()));
            let under = plan.strategies.last().map(|x| x.under.clone());
            plan.strategies
                .push(new_strategy(label, under.unwrap_or_default()));
            Some(Address::Strategy(plan.strategies.len() - 1))
        }
        Address::Strategy(s) => {
            let strategy = plan.strategies.get_mut(s)?;
            let label = next_label(strategy.kpis.iter().map(|x| x.label.as_str()));
            strategy.kpis.push(new_kpi(label));
            Some(Address::Kpi(s, strategy.kpis.len() - 1))
        }
        Address::Kpi(s, k) => {
            let strategy = plan.strategies.get_mut(s)?;
            let kpi = strategy.kpis.get(k)?.label.clone();
            let label = next_label(strategy.measures.iter().map(|x| x.label.as_str()));
            strategy
                .measures
                .push(Arc::new(new_measure(label, vec![kpi])));
            Some(Address::Measure(s, strategy.measures.len() - 1))
        }
        Address::Measure(s, m) => {
            let project = new_project(plan)?;
            let projects = &mut measure_mut(plan, s, m)?.projects;
            projects.push(project);
            Some(Address::Project(s, m, projects.len() - 1))
        }
        Address::Project(..) => None,
    }
}

/// Removes a node and everything under it. A removed KPI is also taken off
/// the measures that served it.
pub fn delete(plan: &mut Plan, at: Address) -> bool {
    match at {
        Address::Plan | Address::Heading(_) => false,
        Address::Strategy(s) => remove(&mut plan.strategies, s),
        Address::Kpi(s, k) => {
            let Some(strategy) = plan.strategies.get_mut(s) else {
                return false;
            };
            let Some(label) = strategy.kpis.get(k).map(|x| x.label.clone()) else {
                return false;
            };
            strategy.kpis.remove(k);
            let serving = strategy
                .measures
                .iter_mut()
                .filter(|x| x.kpis.contains(&label));
            for measure in serving.map(Arc::make_mut) {
                measure.kpis.retain(|l| *l != label);
            }
            true
        }
        Address::Measure(s, m) => plan
            .strategies
            .get_mut(s)
            .is_some_and(|x| remove(&mut x.measures, m)),
        Address::Project(s, m, p) => {
            measure_mut(plan, s, m).is_some_and(|x| remove(&mut x.projects, p))
        }
    }
}

/// Measure `m` of strategy `s`, to change (copied first if shared).
fn measure_mut(plan: &mut Plan, s: usize, m: usize) -> Option<&mut Measure> {
    let strategy = plan.strategies.get_mut(s)?;
    (m < strategy.measures.len()).then(|| strategy.measure_mut(m))
}

fn remove<T>(list: &mut Vec<T>, i: usize) -> bool {
    (i < list.len()).then(|| list.remove(i)).is_some()
}

/// Moves a node one place up (`-1`) or down (`+1`) among its siblings.
pub fn shift(plan: &mut Plan, at: Address, by: isize) -> Option<Address> {
    fn swap<T>(list: &mut [T], i: usize, by: isize) -> Option<usize> {
        let j = i.checked_add_signed(by)?;
        (j < list.len() && i < list.len()).then(|| {
            list.swap(i, j);
            j
        })
    }
    match at {
        Address::Plan | Address::Heading(_) => None,
        // A strategy stays among those of its heading.
        Address::Strategy(s) => {
            let neighbour = plan.strategies.get(s.checked_add_signed(by)?)?;
            if neighbour.under != plan.strategies.get(s)?.under {
                return None;
            }
            swap(&mut plan.strategies, s, by).map(Address::Strategy)
        }
        Address::Kpi(s, k) => {
            swap(&mut plan.strategies.get_mut(s)?.kpis, k, by).map(|k| Address::Kpi(s, k))
        }
        Address::Measure(s, m) => {
            swap(&mut plan.strategies.get_mut(s)?.measures, m, by).map(|m| Address::Measure(s, m))
        }
        Address::Project(s, m, p) => {
            swap(&mut measure_mut(plan, s, m)?.projects, p, by).map(|p| Address::Project(s, m, p))
        }
    }
}

/// Swaps two measures of a strategy; returns where the first now is.
pub fn swap_measures(plan: &mut Plan, s: usize, a: usize, b: usize) -> Option<Address> {
    let measures = &mut plan.strategies.get_mut(s)?.measures;
    (a < measures.len() && b < measures.len() && a != b).then(|| {
        measures.swap(a, b);
        Address::Measure(s, b)
    })
}

/// Moves a project to the end of another measure.
pub fn move_project(
    plan: &mut Plan,
    (s, m, p): (usize, usize, usize),
    (to_s, to_m): (usize, usize),
) -> Option<Address> {
    plan.strategies.get(to_s)?.measures.get(to_m)?;
    let count = plan.strategies.get(s)?.measures.get(m)?.projects.len();
    if p >= count || (s, m) == (to_s, to_m) {
        return None;
    }
    let project = plan.strategies[s].measure_mut(m).projects.remove(p);
    let projects = &mut plan.strategies[to_s].measure_mut(to_m).projects;
    projects.push(project);
    Some(Address::Project(to_s, to_m, projects.len() - 1))
}

/// Moves a measure (with its projects) to the end of another strategy. Its
/// KPI links are dropped: that strategy's KPIs are others, whatever their
/// labels; `L` links it there.
pub fn move_measure(plan: &mut Plan, (s, m): (usize, usize), to_s: usize) -> Option<Address> {
    if s == to_s || to_s >= plan.strategies.len() || m >= plan.strategies.get(s)?.measures.len() {
        return None;
    }
    let mut measure = plan.strategies[s].measures.remove(m);
    let target = &mut plan.strategies[to_s];
    Arc::make_mut(&mut measure).kpis.clear();
    target.measures.push(measure);
    Some(Address::Measure(to_s, target.measures.len() - 1))
}

/// Links a measure to a KPI of its strategy, or unlinks it if linked.
/// Returns whether it is linked now.
pub fn toggle_link(plan: &mut Plan, (s, m): (usize, usize), kpi: usize) -> Option<bool> {
    let strategy = plan.strategies.get_mut(s)?;
    let label = strategy.kpis.get(kpi)?.label.clone();
    let measure = Arc::make_mut(strategy.measures.get_mut(m)?);
    if let Some(i) = measure.kpis.iter().position(|l| *l == label) {
        measure.kpis.remove(i);
        Some(false)
    } else {
        measure.kpis.push(label);
        Some(true)
    }
}

fn new_strategy(label: String, under: NodeKey) -> Strategy {
    Strategy {
        id: new_id(),
        label,
        name: String::new(),
        owner: String::new(),
        under,
        evaluation: String::new(),
        score: None,
        reason: String::new(),
        kpis: Vec::new(),
        measures: Vec::new(),
    }
}

fn new_kpi(label: String) -> Kpi {
    let target = Target {
        value: TargetValue::Number(0.0),
        unit: String::new(),
        direction: Direction::AtLeast,
    };
    Kpi::unmeasured(new_id(), label, String::new(), target)
}

fn new_measure(label: String, kpis: Vec<String>) -> Measure {
    Measure {
        id: new_id(),
        label,
        name: String::new(),
        owner: String::new(),
        kpis,
        evaluation: String::new(),
        score: None,
        reason: String::new(),
        projects: Vec::new(),
    }
}

/// A new project runs over the plan's fiscal year until said otherwise.
fn new_project(plan: &Plan) -> Option<Project> {
    let period = Period::parse(&fiscal_year_label(plan.fiscal_year))
        .or_else(|_| Period::parse(&format!("FY{}", plan.fiscal_year)))
        .ok()?;
    Some(Project {
        id: new_id(),
        name: String::new(),
        owner: String::new(),
        overview: String::new(),
        budget: Some(0),
        budget_note: String::new(),
        period,
        evaluation: String::new(),
        schedule: Vec::new(),
        analysis: Vec::new(),
        last_change: None,
        extra: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::{Address, Plan, add_after, add_child, delete, move_project, shift, toggle_link};

    fn seed() -> Plan {
        ron::from_str(include_str!("../../plans/r5-growth-strategy.ron")).unwrap()
    }

    #[test]
    fn adding_and_deleting_keep_the_plan_consistent() {
        let mut plan = seed();
        assert_eq!(
            add_child(&mut plan, Address::Kpi(0, 1)),
            Some(Address::Measure(0, 3))
        );
        assert_eq!(plan.strategies[0].measures[3].label, "④");
        assert_eq!(plan.strategies[0].measures[3].kpis, ["ⅱ"]);
        assert_eq!(
            add_after(&mut plan, Address::Project(0, 2, 0)),
            Some(Address::Project(0, 2, 1))
        );
        assert_eq!(
            plan.strategies[0].measures[2].projects[1].period.as_str(),
            "R5年度"
        );
        assert!(delete(&mut plan, Address::Kpi(0, 1)));
        assert!(
            plan.strategies[0]
                .measures
                .iter()
                .all(|m| !m.kpis.contains(&"ⅱ".to_owned()))
        );
    }

    #[test]
    fn moving_and_shifting() {
        let mut plan = seed();
        assert_eq!(
            shift(&mut plan, Address::Project(0, 2, 0), 1),
            Some(Address::Project(0, 2, 1))
        );
        assert_eq!(
            plan.strategies[0].measures[2].projects[1].name,
            "マイナンバーカード利活用プラットフォーム実証事業"
        );
        assert_eq!(
            shift(&mut plan, Address::Project(0, 2, 0), -1),
            None,
            "already first"
        );
        assert_eq!(
            move_project(&mut plan, (0, 2, 2), (0, 0)),
            Some(Address::Project(0, 0, 2))
        );
        assert_eq!(
            plan.strategies[0].measures[0].projects[2].name,
            "サービス連携プラットフォーム等整備事業"
        );
        assert_eq!(toggle_link(&mut plan, (0, 0), 1), Some(true));
        assert_eq!(plan.strategies[0].measures[0].kpis, ["ⅰ", "ⅱ"]);
        assert_eq!(toggle_link(&mut plan, (0, 0), 0), Some(false));
        assert_eq!(plan.strategies[0].measures[0].kpis, ["ⅱ"]);
    }
}
