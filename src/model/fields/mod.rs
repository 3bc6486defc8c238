//! Every editable fact of a node as text, and how edited text goes back into
//! the plan. Lists (schedule, analysis) are one entry per line. The fields
//! and their headings are described once, in `heading`; the editor, the
//! detail pane, the merge, `export` and `import` name them from there.

mod describe;
mod error;
mod figures;
mod heading;
mod over_time;
mod read;
mod set;
mod show;

pub use describe::{Described, Lens, Visit};
pub use error::{FieldError, TargetError};
pub use heading::Field;
pub use heading::{Heading, Kind};
pub use over_time::{actual_line, dated_target_line};
pub use read::parse_target;
pub use set::{FISCAL_YEARS, set_field};
pub use show::{field_text, target_text};
