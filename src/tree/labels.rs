//! What a node is called: its kind, label and name, read from the plan
//! alone (the summary prints them without building any rows).

use crate::model::{Address, Plan};

/// What a row shows: its kind, label and name.
pub struct Describe<'a> {
    pub kind: &'a str,
    pub label: &'a str,
    pub name: &'a str,
}

/// Kind, label and name of the node at `address` in `plan`.
pub fn describe(plan: &Plan, address: Address) -> Describe<'_> {
    let [strategy_level, kpi_level, measure_level, project_level] = plan.levels();
    let (kind, label, name) = match address {
        Address::Plan => ("計画", "", plan.title.as_str()),
        Address::Heading(h) => {
            let heading = &plan.headings[h];
            let depth = plan.heading_chain(h).len() - 1;
            (
                plan.heading_name(depth),
                heading.label.as_str(),
                heading.name.as_str(),
            )
        }
        Address::Strategy(s) => {
            let strategy = &plan.strategies[s];
            (
                strategy_level,
                strategy.label.as_str(),
                strategy.name.as_str(),
            )
        }
        Address::Kpi(s, k) => {
            let kpi = &plan.strategies[s].kpis[k];
            (kpi_level, kpi.label.as_str(), kpi.statement.as_str())
        }
        Address::Measure(s, m) => {
            let measure = &plan.strategies[s].measures[m];
            (measure_level, measure.label.as_str(), measure.name.as_str())
        }
        Address::Project(s, m, p) => (
            project_level,
            "",
            plan.strategies[s].measures[m].projects[p].name.as_str(),
        ),
    };
    Describe { kind, label, name }
}
