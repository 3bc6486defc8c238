//! `actplan import`: a table in the export's layout (CSV or XLSX, as saved
//! by Excel) back into a plan. Every problem of the file is listed with its
//! row and column, and nothing is written unless the whole table reads.

pub mod archive;
mod build;
mod cells;
mod figures;
mod headings;
mod layout;
mod problem;
mod row_ids;
mod rules;
mod scale;
mod source;
mod total_rows;

use std::path::{Path, PathBuf};

use super::{CommandError, OK, PROBLEM, Said, Speaker, USAGE};
use crate::commands::table::Column;
use crate::model::dates::{fiscal_year, this_month};
use crate::model::department;
use crate::model::fields::FISCAL_YEARS;
use crate::model::totals::plan_total;
use crate::model::{Plan, YearMonth};
use crate::store;

pub use archive::LIMIT;
use problem::Found;
pub use problem::{Problem, RulesTrouble, Trouble, Unreadable};
use rules::Rules;

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
    /// A mapping file for a table whose headings are not ours.
    pub rules: Option<PathBuf>,
}

/// How many bytes a mapping file may have: a few dozen lines are enough.
const RULES_LIMIT: u64 = 1 << 20;

/// The rules of the mapping file at `path`; `None` once what is wrong
/// with it has been told.
fn read_rules(path: &Path, to: &mut Speaker) -> Option<Rules> {
    let bytes = match crate::regular_file::read(path, RULES_LIMIT) {
        Ok(bytes) => bytes,
        Err(reason) => {
            to.tell(&CommandError::CannotRead {
                file: path.to_path_buf(),
                reason,
            });
            return None;
        }
    };
    let problems = match source::decode(&bytes).map(|text| Rules::read(&text)) {
        Ok(Ok(rules)) => return Some(rules),
        Ok(Err(found)) => found,
        Err(why) => vec![Found::file(Trouble::Unreadable(why))],
    };
    for found in problems {
        to.tell(&found.in_file(path));
    }
    None
}

pub fn run(file: &Path, options: &Options, mut to: Speaker) -> u8 {
    if options
        .fiscal_year
        .is_some_and(|y| !FISCAL_YEARS.contains(&y))
    {
        to.tell(&CommandError::FiscalYear);
        return USAGE;
    }
    let bytes = match crate::regular_file::read(file, LIMIT) {
        Ok(bytes) => bytes,
        Err(reason) => {
            to.tell(&CommandError::CannotRead {
                file: file.to_path_buf(),
                reason,
            });
            return PROBLEM;
        }
    };
    let rules = match &options.rules {
        None => None,
        Some(path) => match read_rules(path, &mut to) {
            Some(rules) => Some(rules),
            None => return PROBLEM,
        },
    };
    let (result, notices) = import(file, &bytes, options, rules.as_ref());
    for notice in &notices {
        to.tell(notice);
    }
    let plan = match result {
        Ok(plan) => plan,
        Err(problems) => {
            for problem in &problems {
                to.tell(problem);
            }
            to.tell(&Said::ImportRefused {
                table: file.to_path_buf(),
                problems: problems.len(),
            });
            return PROBLEM;
        }
    };
    if let Err(e) = store::save(&options.output, &plan) {
        to.failed(&e);
        return PROBLEM;
    }
    let total = plan_total(&plan);
    to.say(&Said::Imported {
        plan: options.output.clone(),
        strategies: plan.strategies.len(),
        projects: total.projects as usize,
        table: file.to_path_buf(),
    });
    OK
}

/// Reads a table file's bytes into a plan; `file` names it in messages and
/// gives the default title. Notices about unused columns come either way.
pub fn import(
    file: &Path,
    bytes: &[u8],
    options: &Options,
    rules: Option<&Rules>,
) -> (Result<Plan, Vec<Problem>>, Vec<Said>) {
    let in_file = |found: Vec<Found>| found.into_iter().map(|f| f.in_file(file)).collect();
    let mut sheet = match source::read(bytes) {
        Ok(sheet) => sheet,
        Err(why) => {
            let found = Found::file(Trouble::Unreadable(why));
            return (Err(vec![found.in_file(file)]), Vec::new());
        }
    };
    if let (Some(rules), Some(path)) = (rules, &options.rules) {
        let problems = rules.apply(&mut sheet);
        if !problems.is_empty() {
            return (
                Err(problems.into_iter().map(|f| f.in_file(path)).collect()),
                Vec::new(),
            );
        }
    }
    let (layout, unused) = layout::find(&sheet);
    let notices = unused
        .into_iter()
        .map(|unused| Said::ColumnNotUsed {
            table: file.to_path_buf(),
            column: unused.column,
            heading: unused.heading,
        })
        .collect();
    let layout = match layout {
        Ok(layout) => layout,
        Err(problems) => return (Err(in_file(problems)), notices),
    };
    let scale = match scale::scale_of(&layout.name(Column::Evaluation)) {
        Ok(scale) => scale,
        Err(trouble) => {
            let row = sheet.rows[layout.header_row].number;
            let found = Found::at(row, &layout.name(Column::Evaluation), trouble);
            return (Err(vec![found.in_file(file)]), notices);
        }
    };
    let unit = rules
        .and_then(|r| r.unit.as_deref())
        .unwrap_or(&options.unit);
    let mut builder = build::Builder::new(&layout, unit, scale);
    for row in &sheet.rows[layout.header_row + 1..] {
        builder.add_row(row);
    }
    if !builder.problems.is_empty() {
        return (Err(in_file(builder.problems)), notices);
    }
    let mut plan = builder.into_plan();
    // A department every row under a measure or strategy names is its.
    department::settle(&mut plan.strategies);
    department::settle_headings(&mut plan);
    if plan_total(&plan).projects == 0 {
        let problem = Found::file(Trouble::NoProjectRows).in_file(file);
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
    file.file_stem().map_or_else(
        || file.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn earliest_start(plan: &Plan) -> Option<YearMonth> {
    plan.strategies
        .iter()
        .flat_map(|s| &s.measures)
        .flat_map(|m| &m.projects)
        .filter_map(|p| p.period.start())
        .min()
}
