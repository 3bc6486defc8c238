//! Why edited text was not taken.

use super::heading::Field;
use crate::model::dates::DateError;
use crate::model::money::BudgetError;
use crate::model::period::PeriodError;

/// Why edited text was not put into the plan; the plan is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    SingleLine {
        field: Field,
    },
    NotOnNode {
        field: Field,
    },
    NotOnProject {
        field: Field,
    },
    NotAYear {
        text: String,
    },
    NotANumber {
        text: String,
    },
    Target(#[from] TargetError),
    Budget(#[from] BudgetError),
    Period(#[from] PeriodError),
    NotOnScale {
        text: String,
        names: Vec<String>,
    },
    ActualNeedsYearAndValue {
        line: String,
    },
    /// A line of targets by year without a date or a value.
    TargetNeedsDateAndValue {
        line: String,
    },
    ActualDate {
        line: String,
        error: DateError,
    },
    YearTwice {
        line: String,
        fiscal_year: i32,
    },
    UnknownKpi {
        label: String,
    },
    ProjectNeedsName,
    KpiNeedsLabel,
    /// A KPI label with a space, `,` or `、`, which separate labels in
    /// a measure's list.
    KpiLabelSeparator,
    KpiLabelTaken {
        label: String,
    },
    /// A line of budget figures naming none of the plan's figures.
    UnknownFigure {
        line: String,
        names: Vec<String>,
    },
    /// A score typed in a plan that names no score axis.
    NoScoreAxis,
    /// A score that is no whole number within the axis.
    ScoreOutOfRange {
        text: String,
        name: String,
        min: u64,
        max: u64,
    },
}

/// A target that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TargetError {
    pub text: String,
}
