//! Problems a plan can have that its syntax does not show.

use super::address::{Address, FieldPath};
use super::dates::{YearMonth, fiscal_year};
use super::period::Period;
use super::plan::{Kpi, Plan};
pub use super::problem::{Problem, ProblemKind};
use super::shape::shape_problems;

/// The KPI's numbers are finite and its actuals name each fiscal year once.
fn check_kpi_values(at: FieldPath, kpi: &Kpi, report: &mut impl FnMut(FieldPath, ProblemKind)) {
    let mut finite = |path: FieldPath, value: f64| {
        if !value.is_finite() {
            let value = value.to_string();
            report(path, ProblemKind::NotFinite { value });
        }
    };
    if let Some(value) = kpi.target.value.number() {
        finite(at.field("target").field("value"), value);
    }
    for (i, target) in kpi.targets.iter().enumerate() {
        if let Some(value) = target.value.number() {
            finite(at.field("targets").index(i).field("value"), value);
        }
    }
    if let Some(entered) = kpi.entered_achievement {
        finite(at.field("entered_achievement"), entered);
    }
    if let Some(baseline) = kpi.baseline {
        finite(at.field("baseline"), baseline);
    }
    for (i, actual) in kpi.actuals.iter().enumerate() {
        finite(at.field("actuals").index(i).field("value"), actual.value);
    }
    for (i, actual) in kpi.actuals.iter().enumerate() {
        if kpi.actuals[..i]
            .iter()
            .any(|a| a.fiscal_year == actual.fiscal_year && a.at == actual.at)
        {
            report(
                at.field("actuals").index(i).field("fiscal_year"),
                ProblemKind::ActualYearTwice {
                    fiscal_year: actual.fiscal_year,
                },
            );
        }
    }
}

/// Each dated actual lies within the fiscal year it is filed under, so
/// the year shown beside it and the target it is measured against agree.
fn check_actual_dates(at: FieldPath, kpi: &Kpi, report: &mut impl FnMut(FieldPath, ProblemKind)) {
    for (i, actual) in kpi.actuals.iter().enumerate() {
        let Some(date) = &actual.at else { continue };
        let within = |m: Option<YearMonth>| m.is_none_or(|m| fiscal_year(m) == actual.fiscal_year);
        if !(within(date.start()) && within(date.end())) {
            report(
                at.field("actuals").index(i).field("at"),
                ProblemKind::ActualOutsideYear {
                    at: date.to_string(),
                    fiscal_year: actual.fiscal_year,
                },
            );
        }
    }
}

pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |path: FieldPath, kind: ProblemKind| problems.push(Problem { path, kind });
    super::validate_grades::check_grades(plan, &mut report);
    if !super::fields::FISCAL_YEARS.contains(&plan.fiscal_year) {
        report(
            FieldPath::root().field("fiscal_year"),
            ProblemKind::FiscalYearNotFourDigits {
                year: plan.fiscal_year,
            },
        );
    }
    for (path, problem) in shape_problems(plan) {
        report(path, ProblemKind::Shape(problem));
    }
    for (i, name) in plan.budget_figures.iter().enumerate() {
        if plan.budget_figures[..i].contains(name) {
            report(
                FieldPath::root().field("budget_figures").index(i),
                ProblemKind::FigureNamedTwice { name: name.clone() },
            );
        }
    }
    let sum = super::totals::plan_total(plan).budget;
    if let Some(stated) = plan.stated_total.filter(|&stated| stated != sum) {
        report(
            FieldPath::root().field("stated_total"),
            ProblemKind::StatedTotalDiffers {
                stated,
                sum,
                unit: plan.unit.clone(),
            },
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
                    ProblemKind::KpiLabelTwice {
                        label: kpi.label.clone(),
                    },
                );
            }
            check_kpi_values(Address::Kpi(s, k).path(), kpi, &mut report);
            check_actual_dates(Address::Kpi(s, k).path(), kpi, &mut report);
        }
        for (m, measure) in strategy.measures.iter().enumerate() {
            let at = Address::Measure(s, m).path();
            for (i, label) in measure.kpis.iter().enumerate() {
                if strategy.kpi_index(label).is_none() {
                    report(
                        at.field("kpis").index(i),
                        ProblemKind::UnknownKpi {
                            measure: format!("{}{}", measure.label, measure.name),
                            kpi: label.clone(),
                            strategy: format!("{}{}", strategy.label, strategy.name),
                        },
                    );
                }
            }
            for (p, project) in measure.projects.iter().enumerate() {
                let at = Address::Project(s, m, p).path();
                if project.name.trim().is_empty() {
                    report(at.field("name"), ProblemKind::ProjectNameEmpty);
                }
                for (i, figure) in project.figures.iter().enumerate() {
                    if !plan.other_figures().contains(&figure.name) {
                        // A map's keys and values are counted alike: the
                        // name of entry i is value 2i.
                        report(
                            at.field("figures").index(2 * i),
                            ProblemKind::UnknownFigure {
                                name: figure.name.clone(),
                                names: plan.other_figures().to_vec(),
                            },
                        );
                    }
                }
                let mut check_period = |path: FieldPath, period: &Period| {
                    if period.is_reversed() {
                        report(
                            path,
                            ProblemKind::PeriodReversed {
                                period: period.to_string(),
                            },
                        );
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
