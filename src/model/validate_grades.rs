//! The grades and scores a plan gives its nodes: each grade on the plan's
//! scale, each score within its axis.

use super::address::{Address, FieldPath};
use super::plan::Plan;
use super::problem::ProblemKind;

/// Reports, for every strategy, KPI, measure and project, a grade that is not on
/// the plan's scale and a score outside its axis (or without one), in
/// file order.
pub(super) fn check_grades(plan: &Plan, report: &mut impl FnMut(FieldPath, ProblemKind)) {
    let mut graded = |at: FieldPath, evaluation: &str, score: Option<u64>| {
        if !evaluation.is_empty() && !plan.evaluation_scale.iter().any(|g| g.name == evaluation) {
            report(
                at.field("evaluation"),
                ProblemKind::EvaluationOffScale {
                    evaluation: evaluation.to_owned(),
                },
            );
        }
        let Some(score) = score else { return };
        match &plan.score {
            Some(axis) if axis.contains(score) => {}
            Some(axis) => report(
                at.field("score"),
                ProblemKind::ScoreOutOfRange {
                    score,
                    name: axis.name.clone(),
                    min: axis.min,
                    max: axis.max,
                },
            ),
            None => report(at.field("score"), ProblemKind::ScoreWithoutAxis { score }),
        }
    };
    for (s, strategy) in plan.strategies.iter().enumerate() {
        graded(
            Address::Strategy(s).path(),
            &strategy.evaluation,
            strategy.score,
        );
        for (k, kpi) in strategy.kpis.iter().enumerate() {
            graded(Address::Kpi(s, k).path(), &kpi.evaluation, kpi.score);
        }
        for (m, measure) in strategy.measures.iter().enumerate() {
            graded(
                Address::Measure(s, m).path(),
                &measure.evaluation,
                measure.score,
            );
            for (p, project) in measure.projects.iter().enumerate() {
                graded(
                    Address::Project(s, m, p).path(),
                    &project.evaluation,
                    project.score(),
                );
            }
        }
    }
}
