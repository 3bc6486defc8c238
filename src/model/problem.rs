//! What `validate` finds wrong in a plan, typed; `words` says it.

use super::address::FieldPath;
use super::shape::ShapeProblem;

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
    /// A score outside the plan's axis (its name and range).
    ScoreOutOfRange {
        score: u64,
        name: String,
        min: u64,
        max: u64,
    },
    /// A score in a plan that names no score axis.
    ScoreWithoutAxis {
        score: u64,
    },
    PeriodReversed {
        period: String,
    },
    /// A target, baseline or actual that is NaN or infinite: no achievement
    /// can be worked out from it. The value as RON writes it.
    NotFinite {
        value: String,
    },
    /// A second actual for a fiscal year (or for one date within it):
    /// which one counts is unclear.
    ActualYearTwice {
        fiscal_year: i32,
    },
    /// An actual dated (`at`) outside the fiscal year it is filed under.
    ActualOutsideYear {
        at: String,
        fiscal_year: i32,
    },
    /// Its levels, their parts or its headings do not fit together.
    Shape(ShapeProblem),
    /// A project states a figure the plan does not name.
    UnknownFigure {
        name: String,
        names: Vec<String>,
    },
    /// The plan names a budget figure twice.
    FigureNamedTwice {
        name: String,
    },
    /// The 合計 the table states is not the sum of its budgets.
    StatedTotalDiffers {
        stated: u64,
        sum: u64,
        unit: String,
    },
}
