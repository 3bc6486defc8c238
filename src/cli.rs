//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::commands::export::{Encoding as CsvEncoding, Format as ExportFormat};

/// Keep and review action plans: strategy → KPI → measure → project.
#[derive(Debug, Parser)]
#[command(name = "actplan", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Plan files, or directories whose *.ron files to open [default: plans/]
    pub paths: Vec<PathBuf>,
    /// Review mode: no key changes anything and nothing can be saved
    #[arg(short = 'R', long)]
    pub read_only: bool,
    /// Interface language [default: the settings, else the locale]
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate plans; print each problem as FILE:LINE:COLUMN: message.
    /// Exit 0 when clean, 1 when a problem was found.
    Check {
        /// Plan files or directories [default: plans/]
        paths: Vec<PathBuf>,
    },
    /// Print every strategy, KPI, measure and project with its budget.
    Summary {
        /// Print JSON instead of a text table
        #[arg(long)]
        json: bool,
        /// Plan files or directories [default: plans/]
        paths: Vec<PathBuf>,
    },
    /// Where the settings file is, or a commented default one.
    Config {
        /// Print the path of the settings file
        #[arg(long)]
        path: bool,
        /// Print a commented default settings file
        #[arg(long = "default")]
        print_default: bool,
    },
    /// Rewrite plans in the canonical form.
    Fmt {
        /// Change nothing; exit 1 if a file is not in canonical form
        #[arg(long)]
        check: bool,
        /// Plan files or directories [default: plans/]
        paths: Vec<PathBuf>,
    },
    /// Write plans as the source table (CSV or XLSX, one row per project)
    /// or as a Markdown report.
    Export {
        /// csv, xlsx or md [default: from the extension of -o]
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// CSV only: utf-8 (with a byte-order mark) or shift_jis [default: utf-8]
        #[arg(long, value_enum)]
        encoding: Option<CsvEncoding>,
        /// The file to write; `-` for standard output (csv and md)
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// Plan files or directories [default: plans/]
        paths: Vec<PathBuf>,
    },
    /// Read a table in the export's layout (CSV or XLSX) into a plan file.
    /// Problems are printed as FILE:ROW:COLUMN: message; nothing is written
    /// unless the whole table reads.
    Import {
        /// The table: .csv (UTF-8 or Shift_JIS) or .xlsx (first sheet)
        file: PathBuf,
        /// The plan file to write
        #[arg(short = 'o', long = "output", value_name = "PLAN.ron")]
        output: PathBuf,
        /// The plan's title [default: the table's file name]
        #[arg(long)]
        title: Option<String>,
        /// Gregorian year the fiscal year starts in [default: from the earliest period]
        #[arg(long)]
        fiscal_year: Option<i32>,
        /// The budgets' unit
        #[arg(long, default_value = "千円")]
        unit: String,
    },
}

/// The paths given, or the bundled `plans/` directory.
pub fn paths_or_default(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(crate::DEFAULT_PLANS_DIR)]
    } else {
        paths.to_vec()
    }
}
