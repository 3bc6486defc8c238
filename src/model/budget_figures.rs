//! What a plan's budget figures are called and add up to: the first it
//! names is the one totals add up (a project's `budget`), the others are a
//! project's `figures`.

use super::plan::{Plan, Project};

/// What the totalled figure is called when the plan names none.
pub const DEFAULT_NAME: &str = "予算額";

impl Plan {
    /// The name of the figure totals add up: the first the plan names.
    pub fn totalled_figure(&self) -> &str {
        self.budget_figures
            .first()
            .map_or(DEFAULT_NAME, String::as_str)
    }

    /// The figures besides the totalled one, in the plan's order.
    pub fn other_figures(&self) -> &[String] {
        self.budget_figures.get(1..).unwrap_or_default()
    }
}

impl Project {
    /// The amount of figure `name`; the totalled one is `budget`. `None`
    /// when the project states none.
    pub fn figure(&self, name: &str) -> Option<u64> {
        self.figures
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.amount)
    }
}

/// Totals of every figure the plan names, the totalled one first: each
/// with the sum of the amounts stated and how many projects state none.
pub fn figure_totals(plan: &Plan) -> Vec<(String, u64, usize)> {
    let mut totals: Vec<(String, u64, usize)> = std::iter::once(plan.totalled_figure())
        .chain(plan.other_figures().iter().map(String::as_str))
        .map(|name| (name.to_owned(), 0, 0))
        .collect();
    for strategy in &plan.strategies {
        for measure in &strategy.measures {
            for project in &measure.projects {
                for (i, (name, sum, blank)) in totals.iter_mut().enumerate() {
                    let amount = if i == 0 {
                        project.budget
                    } else {
                        project.figure(name)
                    };
                    match amount {
                        Some(a) => *sum = sum.saturating_add(a),
                        None => *blank += 1,
                    }
                }
            }
        }
    }
    totals
}
