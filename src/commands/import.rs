//! `actplan import`: a table in the export's layout (CSV or XLSX, as saved
//! by Excel) back into a plan. Every problem of the file is listed with its
//! row and column, and nothing is written unless the whole table reads.

mod archive;
mod build;
mod cells;
mod layout;
mod source;

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{OK, PROBLEM, display, neutral, shown};
use crate::model::dates::{fiscal_year, this_month};
use crate::model::fields::FISCAL_YEARS;
use crate::model::totals::plan_total;
use crate::model::{Plan, YearMonth};
use crate::store;

/// Exit code for a command line that cannot work (as clap's).
const USAGE: u8 = 2;

/// The most a table file may hold, and a workbook expand to: the
/// 100,000-project plan's table is 150 MB as CSV, 185 MB as an expanded
/// workbook.
pub const LIMIT: u64 = 256 << 20;

#[derive(Debug, Clone)]
pub struct Options {
    /// The plan file to write.
    pub output: PathBuf,
    /// Default: the table file's name.
    pub title: Option<String>,
    /// Default: the fiscal year of the earliest project start.
    pub fiscal_year: Option<i32>,
    /// The budgets' unit; a budget may end with it (`4,450千円`).
    pub unit: String,
}

/// A problem in the table: `FILE:ROW:COLUMN: message`, where ROW is the
/// spreadsheet's row number (the heading row included) and COLUMN the
/// heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    fn at(row: usize, column: &str, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            column: Some(column.to_owned()),
            message: message.into(),
        }
    }

    fn row(row: usize, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            column: None,
            message: message.into(),
        }
    }

    fn file(message: impl Into<String>) -> Self {
        Self {
            row: None,
            column: None,
            message: message.into(),
        }
    }

    /// The line users see, for the table file `file`.
    pub fn show(&self, file: &str) -> String {
        let mut at = file.to_owned();
        for part in [self.row.map(|r| r.to_string()), self.column.clone()]
            .into_iter()
            .flatten()
        {
            at = format!("{at}:{part}");
        }
        format!("{at}: {}", self.message)
    }
}

pub fn run(file: &Path, options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let name = shown(file);
    if options
        .fiscal_year
        .is_some_and(|y| !FISCAL_YEARS.contains(&y))
    {
        let _ = writeln!(
            err,
            "actplan import: --fiscal-year takes a four-digit year such as 2023"
        );
        return USAGE;
    }
    let bytes = match crate::regular_file::read(file, LIMIT) {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = writeln!(err, "{name}: cannot read: {e}");
            return PROBLEM;
        }
    };
    let (result, notices) = import(file, &bytes, options);
    for notice in notices {
        let _ = writeln!(err, "{name}: {}", neutral::one_line(&notice));
    }
    let plan = match result {
        Ok(plan) => plan,
        Err(problems) => {
            for problem in &problems {
                let _ = writeln!(err, "{}", neutral::one_line(&problem.show(&name)));
            }
            let _ = writeln!(
                err,
                "{name}: {} problem(s); nothing written",
                problems.len()
            );
            return PROBLEM;
        }
    };
    if let Err(e) = store::save(&options.output, &plan) {
        let _ = writeln!(err, "{e}");
        return PROBLEM;
    }
    let total = plan_total(&plan);
    let _ = writeln!(
        out,
        "{}: {} strategies, {} projects from {name}",
        shown(&options.output),
        plan.strategies.len(),
        total.projects
    );
    OK
}

/// Reads a table file's bytes into a plan; `file` names it in messages and
/// gives the default title. Notices about unused columns come either way.
pub fn import(
    file: &Path,
    bytes: &[u8],
    options: &Options,
) -> (Result<Plan, Vec<Problem>>, Vec<String>) {
    let sheet = match source::read(bytes) {
        Ok(sheet) => sheet,
        Err(message) => return (Err(vec![Problem::file(message)]), Vec::new()),
    };
    let (layout, notices) = layout::find(&sheet);
    let layout = match layout {
        Ok(layout) => layout,
        Err(problems) => return (Err(problems), notices),
    };
    let mut builder = build::Builder::new(&layout, &options.unit);
    for row in &sheet.rows[layout.header_row + 1..] {
        builder.add_row(row);
    }
    if !builder.problems.is_empty() {
        return (Err(builder.problems), notices);
    }
    let mut plan = build::into_plan(builder.strategies, &options.unit);
    if plan_total(&plan).projects == 0 {
        let problem = Problem::file("no project rows below the headings");
        return (Err(vec![problem]), notices);
    }
    plan.title = options.title.clone().unwrap_or_else(|| title_of(file));
    plan.fiscal_year = options
        .fiscal_year
        .unwrap_or_else(|| fiscal_year(earliest_start(&plan).unwrap_or_else(this_month)));
    (Ok(plan), notices)
}

/// `r5-plan.csv` → `r5-plan`.
fn title_of(file: &Path) -> String {
    file.file_stem()
        .map_or_else(|| display(file), |s| s.to_string_lossy().into_owned())
}

fn earliest_start(plan: &Plan) -> Option<YearMonth> {
    plan.strategies
        .iter()
        .flat_map(|s| &s.measures)
        .flat_map(|m| &m.projects)
        .filter_map(|p| p.period.start())
        .min()
}
