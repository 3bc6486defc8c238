//! Budget totals. A measure serving two KPIs is shown under both, but a
//! strategy's and a plan's totals sum measures, so each project counts once.

use super::plan::{Measure, Plan, Project, Strategy};

/// A budget sum and the number of projects in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    /// The sum of the budgets stated.
    pub budget: u64,
    pub projects: u32,
    /// How many of the projects state no budget (blank, not 0).
    pub blank: u32,
}

/// Saturating: a plan file may hold any budget up to `u64::MAX`, and a sum
/// must never bring the app down.
impl std::ops::Add for Total {
    type Output = Total;
    fn add(self, other: Total) -> Total {
        Total {
            budget: self.budget.saturating_add(other.budget),
            projects: self.projects.saturating_add(other.projects),
            blank: self.blank.saturating_add(other.blank),
        }
    }
}

impl Total {
    /// This sum with the part `old` of it replaced by `new`.
    pub fn replacing(self, old: Total, new: Total) -> Total {
        Total {
            budget: self.budget.saturating_sub(old.budget),
            projects: self.projects.saturating_sub(old.projects),
            blank: self.blank.saturating_sub(old.blank),
        } + new
    }

    /// One project's budget.
    pub fn of(project: &Project) -> Total {
        Total {
            budget: project.budget.unwrap_or(0),
            projects: 1,
            blank: u32::from(project.budget.is_none()),
        }
    }

    /// No project in it states a budget (a blank project's, shown blank).
    pub fn is_blank(self) -> bool {
        self.projects > 0 && self.blank == self.projects
    }

    /// The sum as shown: blank when no project states a budget.
    pub fn shown(self) -> String {
        if self.is_blank() {
            String::new()
        } else {
            super::money::group_thousands(self.budget)
        }
    }
}

impl std::iter::Sum for Total {
    fn sum<I: Iterator<Item = Total>>(iter: I) -> Total {
        iter.fold(Total::default(), |a, b| a + b)
    }
}

pub fn measure_total(measure: &Measure) -> Total {
    measure.projects.iter().map(Total::of).sum()
}

pub fn kpi_total(strategy: &Strategy, k: usize) -> Total {
    strategy
        .measures_of_kpi(k)
        .map(|m| measure_total(&strategy.measures[m]))
        .sum()
}

pub fn strategy_total(strategy: &Strategy) -> Total {
    strategy.measures.iter().map(|m| measure_total(m)).sum()
}

pub fn plan_total(plan: &Plan) -> Total {
    plan.strategies.iter().map(strategy_total).sum()
}

/// Totals of several plans, one per budget unit, in the order units first
/// appear.
pub fn totals_by_unit(plans: &[&Plan]) -> Vec<(String, Total)> {
    let each: Vec<Total> = plans.iter().map(|p| plan_total(p)).collect();
    added_by_unit(plans, &each)
}

/// The totals `each` of `plans` (one per plan), added up per budget unit.
pub fn added_by_unit(plans: &[&Plan], each: &[Total]) -> Vec<(String, Total)> {
    let mut totals: Vec<(String, Total)> = Vec::new();
    for (plan, &total) in plans.iter().zip(each) {
        match totals.iter_mut().find(|(unit, _)| *unit == plan.unit) {
            Some((_, sum)) => *sum = *sum + total,
            None => totals.push((plan.unit.clone(), total)),
        }
    }
    totals
}

/// `169,051千円`, or `169,051千円 + 5,000円` for plans in different units.
pub fn format_totals(totals: &[(String, Total)]) -> String {
    let parts: Vec<String> = totals
        .iter()
        .map(|(unit, t)| format!("{}{unit}", super::money::group_thousands(t.budget)))
        .collect();
    if parts.is_empty() {
        "0".to_owned()
    } else {
        parts.join(" + ")
    }
}

#[cfg(test)]
mod tests {
    use super::Total;

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        let big = Total {
            budget: u64::MAX,
            projects: 1,
            blank: 0,
        };
        assert_eq!((big + big).budget, u64::MAX);
    }
}
