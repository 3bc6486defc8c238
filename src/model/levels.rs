//! The names of a plan's levels, top first, as its tables head them:
//! 戦略 → KPI → 施策 → 事業 unless the plan names its own.

use super::plan::Plan;

/// How many levels a plan holds in this version of the format.
pub const LEVEL_COUNT: usize = 4;

/// The levels of a plan that names none: strategy → KPI → measure → project.
pub const DEFAULT_LEVELS: [&str; LEVEL_COUNT] = ["戦略", "KPI", "施策", "事業"];

impl Plan {
    /// The plan's level names, top first: its own when it names four, else
    /// the default ones (`check` reports any other number).
    pub fn levels(&self) -> [&str; LEVEL_COUNT] {
        match self.levels.as_slice() {
            [a, b, c, d] => [a.as_str(), b.as_str(), c.as_str(), d.as_str()],
            _ => DEFAULT_LEVELS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DEFAULT_LEVELS;
    use crate::model::Plan;

    #[test]
    fn a_plan_names_its_own_levels_or_has_the_default_ones() {
        let text = include_str!("../../plans/r5-growth-strategy.ron");
        let mut plan: Plan = ron::from_str(text).unwrap();
        assert_eq!(plan.levels(), DEFAULT_LEVELS);
        plan.levels = ["分野", "指標", "取組方針", "取組"]
            .map(String::from)
            .to_vec();
        assert_eq!(plan.levels(), ["分野", "指標", "取組方針", "取組"]);
        plan.levels.pop();
        assert_eq!(plan.levels(), DEFAULT_LEVELS, "three names: check says so");
    }
}
