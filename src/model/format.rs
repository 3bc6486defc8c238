//! Which parts of the plan file a plan uses that earlier versions of
//! actplan do not know. Each version of the format only adds optional
//! fields, written only when set, so a plan that uses none of them is
//! written exactly as before and every version reads it; an earlier
//! version refuses a field it does not know, by name, rather than guess.
//! Saving tells the user when a plan starts to use such a field, so
//! nobody's file silently becomes one a colleague's older actplan cannot
//! open (docs/plan-format.md, "Versions of the format").

use super::fields::Field;
use super::ids::derived;
use super::plan::{Kpi, Plan, TargetValue};
use super::{Address, Measure};

/// The fields of `plan` that the first format (the seed's) did not have,
/// each once, in the order met.
pub fn later_fields(plan: &Plan) -> Vec<Field> {
    let mut found = Vec::new();
    let mut add = |used: bool, field: Field| {
        if used && !found.contains(&field) {
            found.push(field);
        }
    };
    add(!plan.levels.is_empty(), Field::Levels);
    add(!plan.roles.is_empty(), Field::Roles);
    add(!plan.headings.is_empty(), Field::Headings);
    add(plan.stated_total.is_some(), Field::StatedTotal);
    add(!plan.achievement.is_default(), Field::AchievementRule);
    add(!plan.grading.is_empty(), Field::Grading);
    add(plan.score.is_some(), Field::ScoreAxis);
    add(!plan.budget_figures.is_empty(), Field::BudgetFigures);
    for (s, strategy) in plan.strategies.iter().enumerate() {
        add(
            !derived::is_of(&strategy.id, Address::Strategy(s)),
            Field::Id,
        );
        add(!strategy.owner.is_empty(), Field::Owner);
        add(!strategy.under.is_empty(), Field::Under);
        add(!strategy.evaluation.is_empty(), Field::Evaluation);
        add(strategy.score.is_some(), Field::Score);
        add(!strategy.reason.is_empty(), Field::Reason);
        for (k, kpi) in strategy.kpis.iter().enumerate() {
            add(!derived::is_of(&kpi.id, Address::Kpi(s, k)), Field::Id);
            kpi_fields(kpi, &mut add);
        }
        for (m, measure) in strategy.measures.iter().enumerate() {
            add(
                !derived::is_of(&measure.id, Address::Measure(s, m)),
                Field::Id,
            );
            measure_fields(measure, &mut add);
            for (p, project) in measure.projects.iter().enumerate() {
                let id = &project.id;
                add(!derived::is_of(id, Address::Project(s, m, p)), Field::Id);
                add(project.score().is_some(), Field::Score);
                add(!project.reason().is_empty(), Field::Reason);
                // A blank budget is a `budget` left out, which earlier
                // versions refuse as missing.
                add(project.budget.is_none(), Field::Budget);
                add(!project.figures().is_empty(), Field::Figures);
            }
        }
    }
    found
}

fn kpi_fields(kpi: &Kpi, add: &mut impl FnMut(bool, Field)) {
    add(!kpi.targets.is_empty(), Field::Targets);
    add(kpi.baseline_at.is_some(), Field::BaselineAt);
    add(kpi.entered_achievement.is_some(), Field::EnteredAchievement);
    let text_target = matches!(kpi.target.value, TargetValue::Text(_));
    add(text_target, Field::Target);
    add(kpi.actuals.iter().any(|a| a.at.is_some()), Field::Actuals);
    add(!kpi.evaluation.is_empty(), Field::Evaluation);
    add(kpi.score.is_some(), Field::Score);
    add(!kpi.reason.is_empty(), Field::Reason);
}

fn measure_fields(measure: &Measure, add: &mut impl FnMut(bool, Field)) {
    add(!measure.owner.is_empty(), Field::Owner);
    add(!measure.evaluation.is_empty(), Field::Evaluation);
    add(measure.score.is_some(), Field::Score);
    add(!measure.reason.is_empty(), Field::Reason);
}

/// What `after` uses of the later fields that `before` did not.
pub fn newly_used(before: &Plan, after: &Plan) -> Vec<Field> {
    let had = later_fields(before);
    (later_fields(after).into_iter())
        .filter(|field| !had.contains(field))
        .collect()
}
