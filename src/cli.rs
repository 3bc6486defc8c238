//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    /// Rewrite plans in the canonical form.
    Fmt {
        /// Change nothing; exit 1 if a file is not in canonical form
        #[arg(long)]
        check: bool,
        /// Plan files or directories [default: plans/]
        paths: Vec<PathBuf>,
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
