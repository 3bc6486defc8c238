//! Problems a plan can have that its syntax does not show.

use super::address::{Address, FieldPath};
use super::period::Period;
use super::plan::Plan;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The value the problem is in.
    pub path: FieldPath,
    pub message: String,
}

pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |path: FieldPath, message: String| problems.push(Problem { path, message });
    if !super::fields::FISCAL_YEARS.contains(&plan.fiscal_year) {
        report(
            FieldPath::root().field("fiscal_year"),
            format!("fiscal year {} is not a four-digit year", plan.fiscal_year),
        );
    }
    for (s, strategy) in plan.strategies.iter().enumerate() {
        for (k, kpi) in strategy.kpis.iter().enumerate() {
            if strategy.kpis[..k]
                .iter()
                .any(|other| other.label == kpi.label)
            {
                report(
                    Address::Kpi(s, k).path().field("label"),
                    format!("KPI label `{}` is used twice in this strategy", kpi.label),
                );
            }
        }
        for (m, measure) in strategy.measures.iter().enumerate() {
            let at = Address::Measure(s, m).path();
            for (i, label) in measure.kpis.iter().enumerate() {
                if strategy.kpi_index(label).is_none() {
                    report(
                        at.field("kpis").index(i),
                        format!(
                            "measure `{}{}` names KPI `{label}`, which strategy `{}{}` does not have",
                            measure.label, measure.name, strategy.label, strategy.name
                        ),
                    );
                }
            }
            for (p, project) in measure.projects.iter().enumerate() {
                let at = Address::Project(s, m, p).path();
                if project.name.trim().is_empty() {
                    report(at.field("name"), "project name is empty".to_owned());
                }
                if !project.evaluation.is_empty()
                    && !plan
                        .evaluation_scale
                        .iter()
                        .any(|g| g.name == project.evaluation)
                {
                    report(
                        at.field("evaluation"),
                        format!(
                            "evaluation `{}` is not on the plan's evaluation scale",
                            project.evaluation
                        ),
                    );
                }
                let mut check_period = |path: FieldPath, period: &Period| {
                    if period.is_reversed() {
                        report(path, format!("period `{period}` ends before it starts"));
                    }
                };
                check_period(at.field("period"), &project.period);
                for (e, entry) in project.schedule.iter().enumerate() {
                    if let Some(date) = &entry.date {
                        check_period(at.field("schedule").index(e).field("date"), date);
                    }
                }
            }
        }
    }
    problems
}
