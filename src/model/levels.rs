//! The names of a plan's levels, top first, as its tables head them.

use super::plan::Plan;

/// The levels every plan has today: strategy → KPI → measure → project.
const LEVELS: [&str; 4] = ["戦略", "KPI", "施策", "事業"];

impl Plan {
    /// The plan's level names, top first. Asked of the plan, so a plan that
    /// one day declares its own is read the same way.
    pub fn levels(&self) -> [&str; 4] {
        LEVELS
    }
}
