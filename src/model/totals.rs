//! Budget totals. A measure serving two KPIs is shown under both, but a
//! strategy's and a plan's totals sum measures, so each project counts once.

use super::plan::{Measure, Plan, Strategy};

/// A budget sum and the number of projects in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    pub budget: u64,
    pub projects: usize,
}

impl std::ops::Add for Total {
    type Output = Total;
    fn add(self, other: Total) -> Total {
        Total {
            budget: self.budget + other.budget,
            projects: self.projects + other.projects,
        }
    }
}

impl std::iter::Sum for Total {
    fn sum<I: Iterator<Item = Total>>(iter: I) -> Total {
        iter.fold(Total::default(), |a, b| a + b)
    }
}

pub fn measure_total(measure: &Measure) -> Total {
    Total {
        budget: measure.projects.iter().map(|p| p.budget).sum(),
        projects: measure.projects.len(),
    }
}

pub fn kpi_total(strategy: &Strategy, k: usize) -> Total {
    strategy
        .measures_of_kpi(k)
        .map(|m| measure_total(&strategy.measures[m]))
        .sum()
}

pub fn strategy_total(strategy: &Strategy) -> Total {
    strategy.measures.iter().map(measure_total).sum()
}

pub fn plan_total(plan: &Plan) -> Total {
    plan.strategies.iter().map(strategy_total).sum()
}
