//! Problems a plan can have that its syntax does not show.

use super::address::{Address, FieldPath};
use super::period::Period;
use super::plan::{Kpi, Plan};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The value the problem is in.
    pub path: FieldPath,
    pub kind: ProblemKind,
}

/// What is wrong; `words` says it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    FiscalYearNotFourDigits {
        year: i32,
    },
    KpiLabelTwice {
        label: String,
    },
    /// A measure (label and name) names a KPI its strategy (label and
    /// name) does not have.
    UnknownKpi {
        measure: String,
        kpi: String,
        strategy: String,
    },
    ProjectNameEmpty,
    EvaluationOffScale {
        evaluation: String,
    },
    PeriodReversed {
        period: String,
    },
    /// A target, baseline or actual that is NaN or infinite: no achievement
    /// can be worked out from it. The value as RON writes it.
    NotFinite {
        value: String,
    },
    /// A second actual for a fiscal year: which one counts is unclear.
    ActualYearTwice {
        fiscal_year: i32,
    },
    /// A plan names other than four levels, or a level without a name.
    LevelsNotFour {
        count: usize,
    },
    LevelNameEmpty,
    /// The 合計 the table states is not the sum of its budgets.
    StatedTotalDiffers {
        stated: u64,
        sum: u64,
        unit: String,
    },
}

/// The KPI's numbers are finite and its actuals name each fiscal year once.
fn check_kpi_values(at: FieldPath, kpi: &Kpi, report: &mut impl FnMut(FieldPath, ProblemKind)) {
    let mut finite = |path: FieldPath, value: f64| {
        if !value.is_finite() {
            let value = value.to_string();
            report(path, ProblemKind::NotFinite { value });
        }
    };
    finite(at.field("target").field("value"), kpi.target.value);
    if let Some(baseline) = kpi.baseline {
        finite(at.field("baseline"), baseline);
    }
    for (i, actual) in kpi.actuals.iter().enumerate() {
        finite(at.field("actuals").index(i).field("value"), actual.value);
    }
    for (i, actual) in kpi.actuals.iter().enumerate() {
        if kpi.actuals[..i]
            .iter()
            .any(|a| a.fiscal_year == actual.fiscal_year)
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

pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |path: FieldPath, kind: ProblemKind| problems.push(Problem { path, kind });
    if !super::fields::FISCAL_YEARS.contains(&plan.fiscal_year) {
        report(
            FieldPath::root().field("fiscal_year"),
            ProblemKind::FiscalYearNotFourDigits {
                year: plan.fiscal_year,
            },
        );
    }
    if !plan.levels.is_empty() && plan.levels.len() != super::levels::LEVEL_COUNT {
        report(
            FieldPath::root().field("levels"),
            ProblemKind::LevelsNotFour {
                count: plan.levels.len(),
            },
        );
    }
    for (i, name) in plan.levels.iter().enumerate() {
        if name.trim().is_empty() {
            report(
                FieldPath::root().field("levels").index(i),
                ProblemKind::LevelNameEmpty,
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
                if !project.evaluation.is_empty()
                    && !plan
                        .evaluation_scale
                        .iter()
                        .any(|g| g.name == project.evaluation)
                {
                    report(
                        at.field("evaluation"),
                        ProblemKind::EvaluationOffScale {
                            evaluation: project.evaluation.clone(),
                        },
                    );
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
