//! The figures `summary --json` gives for each plan beside its tree: its
//! levels, how its projects are graded (and its KPIs, by its grading
//! rule), the budget in each department's
//! charge and how far each KPI has come.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::commands::grade_counts::words;
use crate::model::Plan;
use crate::model::achievement::achievement;
use crate::model::department;
use crate::model::pace::{computed_grade, disagreement};
use crate::model::tally::{Level, Tally, counted};

/// The key of projects without a grade, and of the budget in no
/// department's charge: no grade or department is named by empty text.
const NONE: &str = "";

/// `figures` (each budget figure's total) and `blank` (how many projects
/// state none of it), `levels`, `grades`, `tally`, `departments` and
/// `indicators`, to add to the plan's object.
pub fn figures(plan: &Plan) -> [(&'static str, Value); 8] {
    let totals = crate::model::budget_figures::figure_totals(plan);
    let sums: BTreeMap<&str, u64> = totals
        .iter()
        .map(|(n, sum, _)| (n.as_str(), *sum))
        .collect();
    let blank: BTreeMap<&str, usize> = totals.iter().map(|(n, _, b)| (n.as_str(), *b)).collect();
    [
        ("figures", json!(sums)),
        ("blank", json!(blank)),
        ("levels", json!(plan.level_names())),
        ("grades", json!(grades(plan))),
        ("kpi_grades", kpi_grades(plan)),
        ("tally", tally(plan)),
        ("departments", json!(department::budgets(plan))),
        ("indicators", Value::Array(indicators(plan))),
    ]
}

/// Projects per grade: every grade of the plan's scale, those without one
/// under `NONE`, and a grade not on the scale (which `check` reports) under
/// its own text.
fn grades(plan: &Plan) -> BTreeMap<&str, usize> {
    let mut counts: BTreeMap<&str, usize> = plan
        .evaluation_scale
        .iter()
        .map(|g| (g.name.as_str(), 0))
        .chain([(NONE, 0)])
        .collect();
    let projects = plan
        .strategies
        .iter()
        .flat_map(|s| &s.measures)
        .flat_map(|m| &m.projects);
    for project in projects {
        *counts.entry(project.evaluation.as_str()).or_insert(0) += 1;
    }
    counts
}

/// KPIs per grade their rate earns by the plan's grading rule, those
/// without a rate under `NONE`; `null` for a plan without a rule.
fn kpi_grades(plan: &Plan) -> Value {
    let Some(tally) = Tally::of_kpis(plan) else {
        return Value::Null;
    };
    let mut counts: BTreeMap<&str, u64> = plan
        .grading
        .iter()
        .map(|step| step.grade.as_str())
        .zip(tally.counts.iter().copied())
        .collect();
    counts.insert(NONE, tally.ungraded);
    json!(counts)
}

/// The counts of grades at each level the plan grades, as the app's view
/// and the report show them: each grade's count and share (0–1), those
/// without a grade, those off the scale, and the 合計.
fn tally(plan: &Plan) -> Value {
    let levels = counted(plan, None, false).into_iter().map(|c| {
        let (heading, _) = words(plan, c.level);
        let key = match c.level {
            Level::Strategies => "strategies",
            Level::Projects => "projects",
            Level::Measures => "measures",
            Level::Kpis => "kpis",
            Level::KpisByRule => "kpis_by_rule",
        };
        let grades: Vec<Value> = c
            .grades
            .iter()
            .zip(&c.tally.counts)
            .map(|(grade, &count)| {
                json!({"grade": grade, "count": count, "share": c.tally.share(count)})
            })
            .collect();
        json!({
            "level": key,
            "heading": heading,
            "grades": grades,
            "ungraded": c.tally.ungraded,
            "off_scale": c.tally.other,
            "total": c.tally.total(),
        })
    });
    Value::Array(levels.collect())
}

/// Every KPI with its latest actual (and its grade entered, score and
/// reason where it has them) and its achievement in percent as the
/// app computes it (unrounded; the app shows it whole), `null` where there
/// is none: nothing measured yet, or a target it cannot be measured against.
fn indicators(plan: &Plan) -> Vec<Value> {
    plan.strategies
        .iter()
        .flat_map(|s| s.kpis.iter().map(move |kpi| (s, kpi)))
        .map(|(strategy, kpi)| {
            let latest = kpi.actuals.iter().max_by_key(|a| a.fiscal_year);
            let rate = achievement(kpi, plan.achievement);
            let mut value = json!({
                "strategy": strategy.label,
                "label": kpi.label,
                "name": kpi.statement,
                "target": kpi.target.value,
                "unit": kpi.target.unit,
                "latest": latest.map(|a| a.value),
                "achievement": rate.map(|a| a.rate * 100.0),
                "grade": computed_grade(plan, kpi),
            });
            // What is entered by hand is given where it is: a KPI nobody
            // graded keeps the keys it always had.
            if let Value::Object(fields) = &mut value {
                if !kpi.evaluation.is_empty() {
                    fields.insert("evaluation".into(), json!(kpi.evaluation));
                    let differs = disagreement(plan, kpi).is_some();
                    fields.insert("grade_differs".into(), json!(differs));
                }
                if let Some(score) = kpi.score {
                    fields.insert("score".into(), json!(score));
                }
                if !kpi.reason.is_empty() {
                    fields.insert("reason".into(), json!(kpi.reason));
                }
            }
            value
        })
        .collect()
}
