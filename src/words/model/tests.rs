//! Every message of the model, in both languages. Each list has one
//! value per variant, in the order of the `match` beside it, which has
//! no wildcard: a new variant does not compile until it is listed.

use crate::model::dates::{DateError, Era, YearMonth};
use crate::model::fields::{Field, FieldError, TargetError};
use crate::model::find::RangeError;
use crate::model::money::BudgetError;
use crate::model::period::{PeriodError, PeriodReason};
use crate::model::shape::ShapeProblem;
use crate::model::validate::ProblemKind;
use crate::words::tests::{each_once, says_both};
use crate::words::{Lang, Say};

fn date_errors() -> Vec<DateError> {
    let text = || "X".to_owned();
    let all = vec![
        DateError::Empty,
        DateError::NotADate { text: text() },
        DateError::NotAYear { text: text() },
        DateError::NotAMonth { text: text() },
        DateError::EraYearOutOfRange { year: 100 },
        DateError::OutsideEra {
            written: "H31.5".to_owned(),
            era: Era::Heisei,
            month: YearMonth {
                year: 2019,
                month: 5,
            },
        },
        DateError::YearNotFourDigits { year: 23 },
        DateError::MonthOutOfRange { month: 13 },
    ];
    each_once(&all, |e| match e {
        DateError::Empty => 0,
        DateError::NotADate { .. } => 1,
        DateError::NotAYear { .. } => 2,
        DateError::NotAMonth { .. } => 3,
        DateError::EraYearOutOfRange { .. } => 4,
        DateError::OutsideEra { .. } => 5,
        DateError::YearNotFourDigits { .. } => 6,
        DateError::MonthOutOfRange { .. } => 7,
    });
    all
}

fn period_errors() -> Vec<PeriodError> {
    let reasons = vec![
        PeriodReason::Empty,
        PeriodReason::NoEnds,
        PeriodReason::EndMonthWithoutStart,
        PeriodReason::Date(DateError::Empty),
    ];
    each_once(&reasons, |r| match r {
        PeriodReason::Empty => 0,
        PeriodReason::NoEnds => 1,
        PeriodReason::EndMonthWithoutStart => 2,
        PeriodReason::Date(_) => 3,
    });
    let dates = date_errors().into_iter().map(PeriodReason::Date);
    reasons
        .into_iter()
        .chain(dates)
        .map(|reason| PeriodError {
            text: "R5.13".to_owned(),
            reason,
        })
        .collect()
}

fn budget_errors() -> Vec<BudgetError> {
    let all = vec![
        BudgetError::NotABudget {
            text: "x".to_owned(),
        },
        BudgetError::TooLarge {
            text: "9".repeat(30),
        },
        BudgetError::Fraction {
            text: "33.6".to_owned(),
        },
    ];
    each_once(&all, |e| match e {
        BudgetError::NotABudget { .. } => 0,
        BudgetError::TooLarge { .. } => 1,
        BudgetError::Fraction { .. } => 2,
    });
    all
}

fn range_errors() -> Vec<RangeError> {
    let text = || "5000-1000".to_owned();
    let mut all = vec![
        RangeError::NotARange { text: text() },
        RangeError::Budget(BudgetError::NotABudget { text: text() }),
        RangeError::Reversed { text: text() },
    ];
    each_once(&all, |e| match e {
        RangeError::NotARange { .. } => 0,
        RangeError::Budget(_) => 1,
        RangeError::Reversed { .. } => 2,
    });
    all.extend(budget_errors().into_iter().map(RangeError::Budget));
    all
}

fn field_errors() -> Vec<FieldError> {
    let text = || "x".to_owned();
    let field = Field::Budget;
    let mut all = vec![
        FieldError::SingleLine { field },
        FieldError::NotOnNode { field },
        FieldError::NotOnProject { field },
        FieldError::NotAYear { text: text() },
        FieldError::NotANumber { text: text() },
        FieldError::Target(TargetError { text: text() }),
        FieldError::Budget(BudgetError::NotABudget { text: text() }),
        FieldError::Period(period_errors().remove(0)),
        FieldError::NotOnScale {
            text: text(),
            names: vec!["順調".to_owned(), "遅れ".to_owned()],
        },
        FieldError::ActualNeedsYearAndValue { line: text() },
        FieldError::ActualDate {
            line: text(),
            error: DateError::Empty,
        },
        FieldError::YearTwice {
            line: text(),
            fiscal_year: 2023,
        },
        FieldError::UnknownKpi { label: text() },
        FieldError::ProjectNeedsName,
        FieldError::KpiNeedsLabel,
        FieldError::KpiLabelSeparator,
        FieldError::KpiLabelTaken { label: text() },
        FieldError::TargetNeedsDateAndValue { line: text() },
        FieldError::NoScoreAxis,
        FieldError::ScoreOutOfRange {
            text: text(),
            name: "進捗度".to_owned(),
            min: 0,
            max: 10,
        },
        FieldError::UnknownFigure {
            line: text(),
            names: vec![text()],
        },
    ];
    each_once(&all, |e| match e {
        FieldError::SingleLine { .. } => 0,
        FieldError::NotOnNode { .. } => 1,
        FieldError::NotOnProject { .. } => 2,
        FieldError::NotAYear { .. } => 3,
        FieldError::NotANumber { .. } => 4,
        FieldError::Target(_) => 5,
        FieldError::Budget(_) => 6,
        FieldError::Period(_) => 7,
        FieldError::NotOnScale { .. } => 8,
        FieldError::ActualNeedsYearAndValue { .. } => 9,
        FieldError::ActualDate { .. } => 10,
        FieldError::YearTwice { .. } => 11,
        FieldError::UnknownKpi { .. } => 12,
        FieldError::ProjectNeedsName => 13,
        FieldError::KpiNeedsLabel => 14,
        FieldError::KpiLabelSeparator => 15,
        FieldError::KpiLabelTaken { .. } => 16,
        FieldError::TargetNeedsDateAndValue { .. } => 17,
        FieldError::NoScoreAxis => 18,
        FieldError::ScoreOutOfRange { .. } => 19,
        FieldError::UnknownFigure { .. } => 20,
    });
    all.extend(period_errors().into_iter().map(FieldError::Period));
    all
}

fn problems() -> Vec<ProblemKind> {
    let text = || "x".to_owned();
    let all = vec![
        ProblemKind::FiscalYearNotFourDigits { year: 23 },
        ProblemKind::KpiLabelTwice { label: text() },
        ProblemKind::UnknownKpi {
            measure: text(),
            kpi: text(),
            strategy: text(),
        },
        ProblemKind::ProjectNameEmpty,
        ProblemKind::EvaluationOffScale { evaluation: text() },
        ProblemKind::PeriodReversed { period: text() },
        ProblemKind::NotFinite { value: text() },
        ProblemKind::ActualYearTwice { fiscal_year: 2023 },
        ProblemKind::StatedTotalDiffers {
            stated: 170_000,
            sum: 169_051,
            unit: text(),
        },
        ProblemKind::Shape(ShapeProblem::LevelNameEmpty),
        ProblemKind::ActualOutsideYear {
            at: text(),
            fiscal_year: 2023,
        },
        ProblemKind::ScoreOutOfRange {
            score: 11,
            name: "進捗度".to_owned(),
            min: 0,
            max: 10,
        },
        ProblemKind::ScoreWithoutAxis { score: 7 },
        ProblemKind::UnknownFigure {
            name: text(),
            names: vec![text()],
        },
        ProblemKind::FigureNamedTwice { name: text() },
    ];
    each_once(&all, |p| match p {
        ProblemKind::FiscalYearNotFourDigits { .. } => 0,
        ProblemKind::KpiLabelTwice { .. } => 1,
        ProblemKind::UnknownKpi { .. } => 2,
        ProblemKind::ProjectNameEmpty => 3,
        ProblemKind::EvaluationOffScale { .. } => 4,
        ProblemKind::PeriodReversed { .. } => 5,
        ProblemKind::NotFinite { .. } => 6,
        ProblemKind::ActualYearTwice { .. } => 7,
        ProblemKind::StatedTotalDiffers { .. } => 8,
        ProblemKind::Shape(_) => 9,
        ProblemKind::ActualOutsideYear { .. } => 10,
        ProblemKind::ScoreOutOfRange { .. } => 11,
        ProblemKind::ScoreWithoutAxis { .. } => 12,
        ProblemKind::UnknownFigure { .. } => 13,
        ProblemKind::FigureNamedTwice { .. } => 14,
    });
    all
}

#[test]
fn every_model_message_is_said_in_both_languages() {
    problems().iter().for_each(says_both);
    super::shape::every_problem().iter().for_each(says_both);
    date_errors().iter().for_each(says_both);
    period_errors().iter().for_each(says_both);
    budget_errors().iter().for_each(says_both);
    range_errors().iter().for_each(says_both);
    field_errors().iter().for_each(says_both);
}

#[test]
fn a_wrong_month_is_refused_in_japanese_in_a_japanese_interface() {
    let error = PeriodError {
        text: "R5.13".to_owned(),
        reason: PeriodReason::Date(DateError::MonthOutOfRange { month: 13 }),
    };
    let ja = error.say(Lang::Ja);
    assert!(
        ja.starts_with("期間 `R5.13` を読めません: 13 月は 1〜12 月の範囲外です"),
        "{ja}"
    );
    assert!(!ja.contains("is not between"), "{ja}");
}
