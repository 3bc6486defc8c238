//! What a node is called: its kind, label and name, read from the plan
//! alone (the summary prints them without building any rows).

use crate::model::{Address, Plan};

/// What a row shows: its kind, label and name.
pub struct Describe<'a> {
    pub kind: &'static str,
    pub label: &'a str,
    pub name: &'a str,
}

/// Kind, label and name of the node at `address` in `plan`.
pub fn describe(plan: &Plan, address: Address) -> Describe<'_> {
    let (kind, label, name) = match address {
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
