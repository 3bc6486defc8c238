//! The subcommands' words.

use std::path::PathBuf;

use super::{Sample, assert_covered, quoting, sample};
use crate::cli::usage::{Mistake, UsageError};
use crate::commands::check::{Diagnostic, Finding};
use crate::commands::import::archive::Refused;
use crate::commands::import::{Problem, RulesTrouble, Trouble, Unreadable};
use crate::commands::{CommandError, Said};
use crate::store::Position;

fn file() -> PathBuf {
    PathBuf::from("plans/a.ron")
}

fn io() -> std::io::Error {
    std::io::Error::other("disk on fire")
}

pub fn every_said() -> Vec<Sample> {
    let all = [
        Said::SettingsAt { path: None },
        Said::Checked {
            files: 2,
            problems: 0,
        },
        Said::CommentDropped,
        Said::NotCanonical { file: file() },
        Said::Formatted { file: file() },
        Said::CommentsDropped {
            file: file(),
            count: 2,
        },
        Said::PlansCounted { plans: 1 },
        Said::Exported {
            file: file(),
            projects: 6,
            plans: 1,
        },
        Said::NothingWritten,
        Said::Imported {
            plan: file(),
            strategies: 1,
            projects: 6,
            table: file(),
        },
        Said::ImportRefused {
            table: file(),
            problems: 3,
        },
        Said::ColumnNotUsed {
            table: file(),
            column: 3,
            heading: "memo".to_owned(),
        },
    ];
    let index = |s: &Said| match s {
        Said::SettingsAt { .. } => 0,
        Said::Checked { .. } => 1,
        Said::CommentDropped => 2,
        Said::NotCanonical { .. } => 3,
        Said::Formatted { .. } => 4,
        Said::CommentsDropped { .. } => 5,
        Said::PlansCounted { .. } => 6,
        Said::Exported { .. } => 7,
        Said::NothingWritten => 8,
        Said::Imported { .. } => 9,
        Said::ImportRefused { .. } => 10,
        Said::ColumnNotUsed { .. } => 11,
    };
    assert_covered(all.iter().map(index), 12);
    let mut samples: Vec<Sample> = all.into_iter().map(sample).collect();
    samples.push(sample(Said::Checked {
        files: 2,
        problems: 1,
    }));
    let at = Position { line: 3, column: 7 };
    let diagnostic = |finding| Diagnostic {
        file: file(),
        at,
        finding,
    };
    let findings = [
        Finding::Comment,
        Finding::Invalid(crate::model::validate::ProblemKind::KpiLabelTwice {
            label: "ⅰ".to_owned(),
        }),
    ];
    let index = |f: &Finding| match f {
        Finding::Comment => 0,
        Finding::Invalid(_) => 1,
    };
    assert_covered(findings.iter().map(index), 2);
    let [comment, invalid] = findings;
    samples.push(sample(diagnostic(comment)));
    samples.push(sample(diagnostic(invalid)));
    samples
}

pub fn every_command_error() -> Vec<Sample> {
    let all = [
        CommandError::NoFormat { output: file() },
        CommandError::EncodingNotCsv,
        CommandError::XlsxToStdout,
        CommandError::CannotWriteStdout { reason: io() },
        CommandError::NotShiftJis {
            file: file(),
            project: "事業".to_owned(),
            column: "概要",
            characters: "𠮷".to_owned(),
        },
        CommandError::CellTooLong {
            file: file(),
            project: "事業".to_owned(),
            column: "概要",
            chars: 40_000,
        },
        CommandError::CannotWriteXlsx {
            reason: rust_xlsxwriter::XlsxError::RowColumnLimitError,
        },
        CommandError::FiscalYear,
        CommandError::NoProjectRows {
            file: file(),
            kpis: 2,
        },
        CommandError::CannotRead {
            file: file(),
            reason: crate::regular_file::ReadError::NotAFile,
        },
    ];
    let index = |e: &CommandError| match e {
        CommandError::NoFormat { .. } => 0,
        CommandError::EncodingNotCsv => 1,
        CommandError::XlsxToStdout => 2,
        CommandError::CannotWriteStdout { .. } => 3,
        CommandError::NotShiftJis { .. } => 4,
        CommandError::CellTooLong { .. } => 5,
        CommandError::CannotWriteXlsx { .. } => 6,
        CommandError::FiscalYear => 7,
        CommandError::CannotRead { .. } => 8,
        CommandError::NoProjectRows { .. } => 9,
    };
    assert_covered(all.iter().map(index), 10);
    all.into_iter().map(sample).collect()
}

pub fn every_import_problem() -> Vec<Sample> {
    let text = || "x".to_owned();
    let all = vec![
        Trouble::NoRows,
        Trouble::NoProjectRows,
        Trouble::RepeatsColumn {
            column: 4,
            first: 2,
        },
        Trouble::MissingColumns {
            missing: vec!["事業名"],
            headings: vec!["事業名", "予算額"],
        },
        Trouble::NoProjectName,
        Trouble::NotAnId { text: text() },
        Trouble::NoStrategyAbove,
        Trouble::NoMeasureAbove,
        Trouble::KpiLabelWithSpaces { label: text() },
        Trouble::KpiStatedDifferently {
            label: text(),
            first_row: 2,
            statement: text(),
        },
        Trouble::Budget(crate::model::money::BudgetError::NotABudget { text: text() }),
        Trouble::Period(crate::model::period::PeriodError {
            text: text(),
            reason: crate::model::period::PeriodReason::Empty,
        }),
        Trouble::ReversedPeriod { period: text() },
        Trouble::NotAnEvaluation {
            text: text(),
            names: vec!["A".to_owned(), "B".to_owned()],
        },
        Trouble::Unreadable(Unreadable::NoSheet),
        Trouble::TotalMismatch {
            stated: 1000,
            sum: 900,
        },
        Trouble::NotAScale { text: text() },
        Trouble::Rules(RulesTrouble::NotARule { text: text() }),
        Trouble::Rules(RulesTrouble::NotOurColumn { heading: text() }),
        Trouble::Rules(RulesTrouble::NotARow { text: text() }),
        Trouble::Rules(RulesTrouble::NotInTable { heading: text() }),
    ];
    let index = |t: &Trouble| match t {
        Trouble::NoRows => 0,
        Trouble::NoProjectRows => 1,
        Trouble::RepeatsColumn { .. } => 2,
        Trouble::MissingColumns { .. } => 3,
        Trouble::NoProjectName => 4,
        Trouble::NotAnId { .. } => 5,
        Trouble::NoStrategyAbove => 6,
        Trouble::NoMeasureAbove => 7,
        Trouble::KpiLabelWithSpaces { .. } => 8,
        Trouble::KpiStatedDifferently { .. } => 9,
        Trouble::Budget(_) => 10,
        Trouble::Period(_) => 11,
        Trouble::ReversedPeriod { .. } => 12,
        Trouble::NotAnEvaluation { .. } => 13,
        Trouble::Unreadable(_) => 14,
        Trouble::TotalMismatch { .. } => 15,
        Trouble::NotAScale { .. } => 16,
        Trouble::Rules(RulesTrouble::NotARule { .. }) => 17,
        Trouble::Rules(RulesTrouble::NotOurColumn { .. }) => 18,
        Trouble::Rules(RulesTrouble::NotARow { .. }) => 19,
        Trouble::Rules(RulesTrouble::NotInTable { .. }) => 20,
    };
    assert_covered(all.iter().map(index), 21);
    let problem = |trouble| Problem {
        file: file(),
        row: Some(3),
        column: Some("予算額".to_owned()),
        trouble,
    };
    let mut samples: Vec<Sample> = all.into_iter().map(|t| sample(problem(t))).collect();
    let unreadable = [
        Unreadable::NeitherUtf8NorShiftJis,
        Unreadable::Csv {
            row: 2,
            reason: text(),
        },
        Unreadable::Workbook { reason: text() },
        Unreadable::NoSheet,
        Unreadable::Sheet { reason: text() },
        Unreadable::Refused(Refused::TooLarge),
    ];
    let index = |u: &Unreadable| match u {
        Unreadable::NeitherUtf8NorShiftJis => 0,
        Unreadable::Csv { .. } => 1,
        Unreadable::Workbook { .. } => 2,
        Unreadable::NoSheet => 3,
        Unreadable::Sheet { .. } => 4,
        Unreadable::Refused(_) => 5,
    };
    assert_covered(unreadable.iter().map(index), 6);
    samples.extend(unreadable.into_iter().map(sample));
    let refused = [
        Refused::Zip(zip::result::ZipError::FileNotFound),
        Refused::Part {
            part: text(),
            reason: io(),
        },
        Refused::TooManyParts(2_000),
        Refused::TooLarge,
        Refused::Bomb { part: text() },
    ];
    let index = |r: &Refused| match r {
        Refused::Zip(_) => 0,
        Refused::Part { .. } => 1,
        Refused::TooManyParts(_) => 2,
        Refused::TooLarge => 3,
        Refused::Bomb { .. } => 4,
    };
    assert_covered(refused.iter().map(index), 5);
    samples.extend(refused.into_iter().map(sample));
    samples
}

pub fn every_usage_error() -> Vec<Sample> {
    let arg = || "--x".to_owned();
    let all = [
        Mistake::UnknownArgument {
            arg: arg(),
            suggestion: Some("--y".to_owned()),
        },
        Mistake::UnknownCommand {
            name: "chek".to_owned(),
            suggestion: Some("check".to_owned()),
        },
        Mistake::InvalidValue {
            arg: arg(),
            value: "pdf".to_owned(),
            valid: vec!["csv".to_owned(), "md".to_owned()],
        },
        Mistake::UnreadableValue {
            arg: arg(),
            value: "abc".to_owned(),
        },
        Mistake::MissingArgument {
            args: vec!["--output <OUT>".to_owned()],
        },
        Mistake::Conflict {
            arg: arg(),
            with: "--y".to_owned(),
        },
        Mistake::MissingValue { arg: arg() },
        Mistake::TooMany { arg: arg() },
        Mistake::NotUtf8,
        Mistake::Other {
            clap: "error: something clap says".to_owned(),
        },
    ];
    let index = |m: &Mistake| match m {
        Mistake::UnknownArgument { .. } => 0,
        Mistake::UnknownCommand { .. } => 1,
        Mistake::InvalidValue { .. } => 2,
        Mistake::UnreadableValue { .. } => 3,
        Mistake::MissingArgument { .. } => 4,
        Mistake::Conflict { .. } => 5,
        Mistake::MissingValue { .. } => 6,
        Mistake::TooMany { .. } => 7,
        Mistake::NotUtf8 => 8,
        Mistake::Other { .. } => 9,
    };
    assert_covered(all.iter().map(index), 10);
    all.into_iter()
        .map(|mistake| {
            // clap's own English, for the mistakes we do not word.
            let other = matches!(mistake, Mistake::Other { .. });
            let error = UsageError {
                mistake,
                usage: "actplan check [PATHS]...".to_owned(),
            };
            if other { quoting(error) } else { sample(error) }
        })
        .collect()
}
