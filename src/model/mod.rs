//! The plan and everything derived from it; no files, no terminal.

pub mod achievement;
pub mod address;
pub mod budget_figures;
mod changes;
pub mod dates;
pub mod department;
pub mod fields;
pub mod figures;
pub mod filter;
pub mod find;
pub mod format;
pub mod grade;
pub mod headings;
pub mod ids;
mod indicator;
pub mod labelled;
mod labels;
mod last_change;
pub mod levels;
pub mod merge;
pub mod money;
mod nodes;
pub mod pace;
mod parts;
pub mod period;
pub mod plan;
mod problem;
pub mod refused;
pub mod rule;
mod schedule_line;
pub mod shape;
pub mod structure;
pub mod tally;
mod text_serde;
pub mod totals;
pub mod validate;
mod validate_grades;

pub use address::{Address, FieldPath};
pub use dates::YearMonth;
pub use period::Period;
pub use plan::{
    Actual, DatedTarget, Direction, Kpi, LastChange, Measure, Plan, Project, ScheduleEntry,
    Strategy, Target, TargetKind, TargetValue,
};
pub use totals::Total;
