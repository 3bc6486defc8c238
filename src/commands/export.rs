//! `actplan export`: plans as the table they came from (CSV or XLSX, one row
//! per project) or as a Markdown report. Several plans go into one file, in
//! the order given. Nothing is written unless the whole export succeeded.

mod csv_table;
mod grades_sheet;
mod report;
mod workbook;

use std::io::Write;
use std::path::{Path, PathBuf};

pub use csv_table::{Encoding, csv_problems, write_csv};
pub use report::to_markdown;
pub use workbook::to_xlsx;

use super::{CommandError, OK, PROBLEM, Said, Speaker, USAGE, load_all};
use crate::model::Plan;
use crate::model::totals::plan_total;
use crate::store::{self, WriteOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Xlsx,
    #[value(name = "md", alias = "markdown")]
    Md,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// When absent, taken from the output's extension.
    pub format: Option<Format>,
    pub encoding: Option<Encoding>,
    /// `-` for standard output.
    pub output: PathBuf,
}

pub fn run(paths: &[PathBuf], options: &Options, mut to: Speaker) -> u8 {
    let (format, encoding) = match resolve(options) {
        Ok(resolved) => resolved,
        Err(mistake) => {
            to.tell(&mistake);
            return USAGE;
        }
    };
    let (loaded, failed) = load_all(paths, &mut to);
    if failed {
        to.tell(&Said::NothingWritten);
        return PROBLEM;
    }
    let plans: Vec<(&Path, &Plan)> = loaded.iter().map(|(p, l)| (p.as_path(), &l.plan)).collect();
    let empty = without_rows(&plans);
    let made = match format {
        Format::Csv | Format::Xlsx if !empty.is_empty() => Err(empty),
        // Written as it is made.
        Format::Csv => match csv_problems(&plans, encoding) {
            problems if problems.is_empty() => Ok(None),
            problems => Err(problems),
        },
        Format::Xlsx => to_xlsx(&plans).map(Some),
        Format::Md => Ok(Some(to_markdown(&plans).into_bytes())),
    };
    let bytes = match made {
        Ok(bytes) => bytes,
        Err(problems) => {
            for problem in &problems {
                to.tell(problem);
            }
            to.tell(&Said::NothingWritten);
            return PROBLEM;
        }
    };
    let mut content = |w: &mut dyn Write| match &bytes {
        Some(bytes) => w.write_all(bytes),
        None => write_csv(&plans, encoding, w),
    };
    write_output(&options.output, &mut content, &plans, &mut to)
}

/// The format asked for (or read from the output's extension) and the CSV
/// encoding; a combination that makes no sense is a usage error.
fn resolve(options: &Options) -> Result<(Format, Encoding), CommandError> {
    let format = match options.format {
        Some(format) => format,
        None => format_of(&options.output).ok_or_else(|| CommandError::NoFormat {
            output: options.output.clone(),
        })?,
    };
    if format != Format::Csv && options.encoding.is_some() {
        return Err(CommandError::EncodingNotCsv);
    }
    if format == Format::Xlsx && is_stdout(&options.output) {
        return Err(CommandError::XlsxToStdout);
    }
    Ok((format, options.encoding.unwrap_or_default()))
}

/// The plans that would have no row in the table: those without projects.
fn without_rows(plans: &[(&Path, &Plan)]) -> Vec<CommandError> {
    plans
        .iter()
        .filter(|(_, plan)| plan_total(plan).projects == 0)
        .map(|(file, plan)| CommandError::NoProjectRows {
            file: file.to_path_buf(),
            kpis: plan.strategies.iter().map(|s| s.kpis.len()).sum(),
        })
        .collect()
}

fn format_of(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "csv" => Some(Format::Csv),
        "xlsx" => Some(Format::Xlsx),
        "md" | "markdown" => Some(Format::Md),
        _ => None,
    }
}

fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn write_output(
    path: &Path,
    content: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
    plans: &[(&Path, &Plan)],
    to: &mut Speaker,
) -> u8 {
    if is_stdout(path) {
        return match content(to.out).and_then(|()| to.out.flush()) {
            Ok(()) => OK,
            Err(reason) => {
                to.tell(&CommandError::CannotWriteStdout { reason });
                PROBLEM
            }
        };
    }
    // A plain copy: no backup of a previous export is kept.
    if let Err(e) = store::write_atomically_with(path, WriteOptions::COPY, content) {
        to.failed(&e);
        return PROBLEM;
    }
    let projects: usize = (plans.iter())
        .map(|(_, p)| plan_total(p).projects as usize)
        .sum();
    to.tell(&Said::Exported {
        file: path.to_path_buf(),
        projects,
        plans: plans.len(),
    });
    OK
}
