//! Non-interactive subcommands; they write to the given streams and return
//! the exit code, and never touch the terminal. What they tell the user is
//! typed ([`Said`], [`CommandError`] and the import's problems), said in the
//! language they are given by `words::commands`.

pub mod check;
pub mod export;
pub mod fmt;
mod grade_counts;
pub mod import;
pub mod levels_columns;
pub mod neutral;
pub mod summary;
pub mod table;

use std::io::Write;
use std::path::PathBuf;

use crate::store::{self, Loaded};
use crate::words::{Lang, Say};

/// Exit code: everything fine.
pub const OK: u8 = 0;
/// Exit code: a problem was found in a plan.
pub const PROBLEM: u8 = 1;
/// Exit code for a command line that cannot work (as clap's).
pub const USAGE: u8 = 2;

/// Where a subcommand speaks, and in which language. Every line is made
/// safe to print (`neutral::one_line`): file names and plan text in it may
/// hold anything.
pub struct Speaker<'a> {
    pub lang: Lang,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

impl Speaker<'_> {
    /// A line of the command's output.
    pub fn say(&mut self, said: &dyn Say) {
        let _ = writeln!(self.out, "{}", neutral::one_line(&said.say(self.lang)));
    }

    /// A line about how it went, on standard error.
    pub fn tell(&mut self, said: &dyn Say) {
        let _ = writeln!(self.err, "{}", neutral::one_line(&said.say(self.lang)));
    }

    /// A plan that could not be read or written, as `FILE:LINE:COLUMN:
    /// reason`, on standard error.
    pub fn failed(&mut self, error: &dyn Say) {
        let _ = writeln!(self.err, "{}", neutral::one_line(&error.say(self.lang)));
    }

    /// As `failed`, as a finding of `check` on standard output.
    pub fn found(&mut self, error: &dyn Say) {
        let _ = writeln!(self.out, "{}", neutral::one_line(&error.say(self.lang)));
    }
}

/// What the subcommands tell their users, besides the plans' content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// `actplan config`: where the settings file is (none: this system has
    /// no config folder).
    SettingsAt {
        path: Option<PathBuf>,
    },
    /// `actplan check`'s last line.
    Checked {
        files: usize,
        problems: usize,
    },
    /// A comment in a plan, which a save drops (a warning of `check`).
    CommentDropped,
    NotCanonical {
        file: PathBuf,
    },
    Formatted {
        file: PathBuf,
    },
    CommentsDropped {
        file: PathBuf,
        count: usize,
    },
    /// The last line of `summary`: how many plans it added up.
    PlansCounted {
        plans: usize,
    },
    Exported {
        file: PathBuf,
        projects: usize,
        plans: usize,
    },
    NothingWritten,
    Imported {
        plan: PathBuf,
        strategies: usize,
        projects: usize,
        table: PathBuf,
    },
    ImportRefused {
        table: PathBuf,
        problems: usize,
    },
    ColumnNotUsed {
        table: PathBuf,
        column: usize,
        heading: String,
    },
}

/// Why a subcommand could not do what it was asked.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// `export -o x` where the name does not tell the format.
    NoFormat {
        output: PathBuf,
    },
    EncodingNotCsv,
    XlsxToStdout,
    CannotWriteStdout {
        reason: std::io::Error,
    },
    /// A cell Shift_JIS cannot hold.
    NotShiftJis {
        file: PathBuf,
        project: String,
        column: &'static str,
        characters: String,
    },
    /// A cell longer than Excel holds.
    CellTooLong {
        file: PathBuf,
        project: String,
        column: &'static str,
        chars: usize,
    },
    CannotWriteXlsx {
        reason: rust_xlsxwriter::XlsxError,
    },
    /// A plan without projects has no row in a table of one row per
    /// project: its KPIs would be left out without a word.
    NoProjectRows {
        file: PathBuf,
        kpis: usize,
    },
    FiscalYear,
    CannotRead {
        file: PathBuf,
        reason: crate::regular_file::ReadError,
    },
}

crate::words::english_display!(CommandError);

/// Loads every plan named by `paths`, telling load errors. Returns what
/// loaded and whether anything failed.
pub fn load_all(paths: &[PathBuf], to: &mut Speaker) -> (Vec<(PathBuf, Loaded)>, bool) {
    let mut loaded = Vec::new();
    let mut failed = false;
    for result in store::load_paths(paths) {
        match result {
            Ok(l) => loaded.push(l),
            Err(e) => {
                to.failed(&e);
                failed = true;
            }
        }
    }
    (loaded, failed)
}
