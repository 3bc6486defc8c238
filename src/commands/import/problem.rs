//! What can be wrong in a table being imported, typed: the parts that read
//! the file, find its layout and build the plan each report problems in
//! these terms, and `words` says them.

use std::path::{Path, PathBuf};

use super::archive::Refused;
use crate::model::money::BudgetError;
use crate::model::period::PeriodError;

/// A problem in the table: `FILE:ROW:COLUMN: message`, where ROW is the
/// spreadsheet's row number (the heading row included) and COLUMN the
/// heading.
#[derive(Debug)]
pub struct Problem {
    /// The table file.
    pub file: PathBuf,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub trouble: Trouble,
}

/// What is wrong in a table's cell, row or file.
#[derive(Debug)]
pub enum Trouble {
    NoRows,
    NoProjectRows,
    RepeatsColumn {
        column: usize,
        first: usize,
    },
    MissingColumns {
        missing: Vec<&'static str>,
        headings: Vec<&'static str>,
    },
    NoProjectName,
    NotAnId {
        text: String,
    },
    NoStrategyAbove,
    NoMeasureAbove,
    KpiLabelWithSpaces {
        label: String,
    },
    KpiStatedDifferently {
        label: String,
        first_row: usize,
        statement: String,
    },
    Budget(BudgetError),
    Period(PeriodError),
    ReversedPeriod {
        period: String,
    },
    /// A total row's amount is not the sum of the projects it totals.
    TotalMismatch {
        stated: u64,
        sum: u64,
    },
    /// The evaluation heading's brackets list grades that do not read.
    NotAScale {
        text: String,
    },
    NotAnEvaluation {
        text: String,
        names: Vec<String>,
    },
    Unreadable(Unreadable),
    /// A rule of the mapping file (`--rules`).
    Rules(RulesTrouble),
}

/// Why the file could not be read as a table at all.
#[derive(Debug)]
pub enum Unreadable {
    NeitherUtf8NorShiftJis,
    /// The CSV reader's own words.
    Csv {
        row: usize,
        reason: String,
    },
    /// The workbook reader's own words.
    Workbook {
        reason: String,
    },
    NoSheet,
    Sheet {
        reason: String,
    },
    Refused(Refused),
}

/// Where a problem is, before the file is known.
#[derive(Debug)]
pub struct Found {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub trouble: Trouble,
}

impl Found {
    pub(super) fn at(row: usize, column: &str, trouble: Trouble) -> Self {
        Self {
            row: Some(row),
            column: Some(column.to_owned()),
            trouble,
        }
    }

    pub(super) fn row(row: usize, trouble: Trouble) -> Self {
        Self {
            row: Some(row),
            column: None,
            trouble,
        }
    }

    pub(super) fn file(trouble: Trouble) -> Self {
        Self {
            row: None,
            column: None,
            trouble,
        }
    }

    pub(super) fn in_file(self, file: &Path) -> Problem {
        Problem {
            file: file.to_path_buf(),
            row: self.row,
            column: self.column,
            trouble: self.trouble,
        }
    }
}

/// What is wrong with a rule; said with the mapping file's line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesTrouble {
    /// Neither `header N`, `unit U` nor `OURS = THEIRS`.
    NotARule {
        text: String,
    },
    /// The left side names none of our columns.
    NotOurColumn {
        heading: String,
    },
    NotARow {
        text: String,
    },
    /// No heading of the table's first rows is the right side.
    NotInTable {
        heading: String,
    },
}

impl From<RulesTrouble> for Trouble {
    fn from(trouble: RulesTrouble) -> Self {
        Trouble::Rules(trouble)
    }
}
