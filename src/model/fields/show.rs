//! A field's value as the editor and the detail pane show it.

use super::heading::Field;
use super::over_time::{actual_line, dated_target_line};
use crate::model::address::Address;
use crate::model::money::{group_thousands, shown_amount};
use crate::model::plan::{Direction, Plan, ScheduleEntry, Target, TargetValue};

/// The field's current value as the editor shows it.
pub fn field_text(plan: &Plan, address: Address, field: Field) -> String {
    let strategy = |s: usize| &plan.strategies[s];
    match (address, field) {
        (Address::Plan, Field::Title) => plan.title.clone(),
        (Address::Plan, Field::FiscalYear) => plan.fiscal_year.to_string(),
        (Address::Plan, Field::Unit) => plan.unit.clone(),
        (Address::Plan, Field::StatedTotal) => {
            plan.stated_total.map(group_thousands).unwrap_or_default()
        }
        (Address::Heading(h), Field::Label) => plan.headings[h].label.clone(),
        (Address::Heading(h), Field::Name) => plan.headings[h].name.clone(),
        (Address::Heading(h), Field::Owner) => plan.headings[h].owner.clone(),
        (Address::Strategy(s), Field::Label) => strategy(s).label.clone(),
        (Address::Strategy(s), Field::Name) => strategy(s).name.clone(),
        (Address::Strategy(s), Field::Owner) => strategy(s).owner.clone(),
        (Address::Kpi(s, k), Field::Label) => strategy(s).kpis[k].label.clone(),
        (Address::Kpi(s, k), Field::Statement) => strategy(s).kpis[k].statement.clone(),
        (Address::Kpi(s, k), Field::Target) => target_text(&strategy(s).kpis[k].target),
        (Address::Kpi(s, k), Field::Baseline) => strategy(s).kpis[k]
            .baseline
            .map(|v| v.to_string())
            .unwrap_or_default(),
        (Address::Kpi(s, k), Field::Actuals) => {
            lines(strategy(s).kpis[k].actuals.iter().map(actual_line))
        }
        (Address::Kpi(s, k), Field::Targets) => {
            lines(strategy(s).kpis[k].targets.iter().map(dated_target_line))
        }
        (Address::Kpi(s, k), Field::BaselineAt) => strategy(s).kpis[k]
            .baseline_at
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        (Address::Kpi(s, k), Field::EnteredAchievement) => strategy(s).kpis[k]
            .entered_achievement
            .map(|v| format!("{v}%"))
            .unwrap_or_default(),
        (Address::Kpi(s, k), Field::Evaluation) => strategy(s).kpis[k].evaluation.clone(),
        (Address::Kpi(s, k), Field::Score) => score(strategy(s).kpis[k].score),
        (Address::Kpi(s, k), Field::Reason) => strategy(s).kpis[k].reason.clone(),
        (Address::Strategy(s), Field::Evaluation) => strategy(s).evaluation.clone(),
        (Address::Strategy(s), Field::Score) => score(strategy(s).score),
        (Address::Strategy(s), Field::Reason) => strategy(s).reason.clone(),
        (Address::Measure(s, m), Field::Evaluation) => strategy(s).measures[m].evaluation.clone(),
        (Address::Measure(s, m), Field::Score) => score(strategy(s).measures[m].score),
        (Address::Measure(s, m), Field::Reason) => strategy(s).measures[m].reason.clone(),
        (Address::Measure(s, m), Field::Label) => strategy(s).measures[m].label.clone(),
        (Address::Measure(s, m), Field::Name) => strategy(s).measures[m].name.clone(),
        (Address::Measure(s, m), Field::Owner) => strategy(s).measures[m].owner.clone(),
        (Address::Measure(s, m), Field::Kpis) => strategy(s).measures[m].kpis.join(" "),
        (Address::Project(s, m, p), field) => {
            let project = &strategy(s).measures[m].projects[p];
            match field {
                Field::Name => project.name.clone(),
                Field::Overview => project.overview.clone(),
                Field::Budget => shown_amount(project.budget),
                Field::Figures => super::figures::figures_text(plan.other_figures(), project),
                Field::BudgetNote => project.budget_note.clone(),
                Field::Period => project.period.to_string(),
                Field::Schedule => lines(project.schedule.iter().map(ScheduleEntry::to_line)),
                Field::Analysis => project.analysis.join("\n"),
                Field::Owner => project.owner.clone(),
                Field::Evaluation => project.evaluation.clone(),
                Field::Score => score(project.score()),
                Field::Reason => project.reason().to_owned(),
                _ => String::new(),
            }
        }
        _ => String::new(),
    }
}

fn score(score: Option<u64>) -> String {
    score.map(|s| s.to_string()).unwrap_or_default()
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

/// `20.0 以上`, `1.0%/年 以上`; a phrase as written (`全国1位`).
pub fn target_text(target: &Target) -> String {
    let value = match &target.value {
        TargetValue::Number(n) => *n,
        TargetValue::Text(t) => return t.clone(),
    };
    let direction = match target.direction {
        Direction::AtLeast => "以上",
        Direction::AtMost => "以下",
    };
    format!("{}{} {direction}", decimal(value), target.unit)
}

/// `20.0`, `1.5`, `10000000000000000.0`: plain decimals that read back,
/// never exponents.
fn decimal(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.1}")
    } else {
        format!("{value}")
    }
}
