//! Nodes of a plan found by name, so a test reads and changes "the online
//! project", not "the third project of the third measure".

use actplan::model::totals;
use actplan::model::{Address, Plan, Project, Total};

/// Where the project named `name` is: (strategy, measure, project).
pub fn project_place(plan: &Plan, name: &str) -> (usize, usize, usize) {
    for (s, strategy) in plan.strategies.iter().enumerate() {
        for (m, measure) in strategy.measures.iter().enumerate() {
            if let Some(p) = measure.projects.iter().position(|p| p.name == name) {
                return (s, m, p);
            }
        }
    }
    panic!("no project named {name:?}");
}

pub fn project_address(plan: &Plan, name: &str) -> Address {
    let (s, m, p) = project_place(plan, name);
    Address::Project(s, m, p)
}

pub fn project<'a>(plan: &'a Plan, name: &str) -> &'a Project {
    let (s, m, p) = project_place(plan, name);
    &plan.strategies[s].measures[m].projects[p]
}

pub fn project_mut<'a>(plan: &'a mut Plan, name: &str) -> &'a mut Project {
    let (s, m, p) = project_place(plan, name);
    &mut plan.strategies[s].measure_mut(m).projects[p]
}

/// Where the measure named `name` is: (strategy, measure).
pub fn measure_place(plan: &Plan, name: &str) -> (usize, usize) {
    for (s, strategy) in plan.strategies.iter().enumerate() {
        if let Some(m) = strategy.measures.iter().position(|m| m.name == name) {
            return (s, m);
        }
    }
    panic!("no measure named {name:?}");
}

/// The bundled plan as the file holds it.
pub fn seed_plan() -> Plan {
    actplan::store::load(std::path::Path::new(super::SEED))
        .unwrap()
        .plan
}

/// The total of the measure named `name`.
pub fn measure_total(plan: &Plan, name: &str) -> Total {
    let (s, m) = measure_place(plan, name);
    totals::measure_total(&plan.strategies[s].measures[m])
}

/// The total of the KPI labelled `label` (of the first strategy having it).
pub fn kpi_total(plan: &Plan, label: &str) -> Total {
    plan.strategies
        .iter()
        .find_map(|s| {
            let k = s.kpis.iter().position(|k| k.label == label)?;
            Some(totals::kpi_total(s, k))
        })
        .unwrap_or_else(|| panic!("no KPI {label:?}"))
}

/// What the status bar says of a selected node with `label` and `total`.
pub fn selected_status(label: &str, total: Total) -> String {
    format!(
        "選択 {label} {}千円 {}件",
        actplan::model::money::group_thousands(total.budget),
        total.projects
    )
}
