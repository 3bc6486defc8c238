//! The levels of a plan, top first, as its tables head them: 戦略 → KPI →
//! 施策 → 事業 unless the plan names its own.
//!
//! A level plays one of the parts actplan knows (`Role`): headings that
//! group strategies (分野, 戦略の柱), the strategy, its indicators, the
//! measure, the project. A plan of another depth names the parts it has:
//! a budget sheet is projects alone, Kochi's 5 levels are two headings, a
//! strategy, a measure and a project. A part the plan does not name is
//! still in the file (one strategy holding the projects of a budget sheet)
//! but never shown as a row of its own.

pub use super::parts::Role;
use super::plan::Plan;

/// The most levels a plan may name.
pub const MAX_LEVELS: usize = 6;

/// The levels of a plan that names none: strategy → KPI → measure → project.
pub const DEFAULT_LEVELS: [&str; 4] = ["戦略", "KPI", "施策", "事業"];

/// What a plan that names four levels and no roles means by them.
const FOUR: [Role; 4] = [Role::Strategy, Role::Kpi, Role::Measure, Role::Project];

impl Plan {
    /// The part each named level plays, top first: the plan's `roles`, or
    /// the four parts for a plan that names four levels (or none).
    pub fn roles(&self) -> &[Role] {
        if self.roles.is_empty() && matches!(self.levels.len(), 0 | 4) {
            &FOUR
        } else {
            &self.roles
        }
    }

    /// Whether rows of `role` are shown: the plan names a level for it.
    pub fn shows(&self, role: Role) -> bool {
        self.roles().contains(&role)
    }

    /// How many heading levels group the plan's strategies.
    pub fn heading_levels(&self) -> usize {
        self.roles().iter().filter(|r| **r == Role::Heading).count()
    }

    /// What the plan calls the level of `role`: its own name where it
    /// names one, else the default word (a part it does not show keeps
    /// the default name, for the rare message about it).
    pub fn level_name(&self, role: Role) -> &str {
        let own = self
            .roles()
            .iter()
            .position(|r| *r == role)
            .and_then(|i| self.levels.get(i));
        match (own, role) {
            (Some(name), _) => name,
            (None, Role::Heading) => "見出し",
            (None, Role::Strategy) => DEFAULT_LEVELS[0],
            (None, Role::Kpi) => DEFAULT_LEVELS[1],
            (None, Role::Measure) => DEFAULT_LEVELS[2],
            (None, Role::Project) => DEFAULT_LEVELS[3],
        }
    }

    /// The plan's own name for the level of `role`, where it names one
    /// other than the default word (政策項目 for 事業): the tables' words
    /// for a level (事業（評価）) are then said in the plan's.
    pub fn own_level_name(&self, role: Role) -> Option<&str> {
        let default = match role {
            Role::Heading => return None,
            Role::Strategy => DEFAULT_LEVELS[0],
            Role::Kpi => DEFAULT_LEVELS[1],
            Role::Measure => DEFAULT_LEVELS[2],
            Role::Project => DEFAULT_LEVELS[3],
        };
        let name = self.level_name(role);
        (!self.levels.is_empty() && name != default).then_some(name)
    }

    /// The name of heading level `depth` (0: the top one).
    pub fn heading_name(&self, depth: usize) -> &str {
        self.levels
            .get(depth)
            .filter(|_| self.roles().get(depth) == Some(&Role::Heading))
            .map_or("見出し", String::as_str)
    }

    /// The names of the four parts: strategy, KPI, measure, project.
    pub fn levels(&self) -> [&str; 4] {
        FOUR.map(|role| self.level_name(role))
    }

    /// The names of every level the plan shows, top first.
    pub fn level_names(&self) -> Vec<&str> {
        if self.levels.is_empty() {
            return DEFAULT_LEVELS.to_vec();
        }
        self.levels.iter().map(String::as_str).collect()
    }
}

/// What is wrong with a plan's levels and roles, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelsProblem {
    /// More than `MAX_LEVELS` names, or roles for none.
    Count { count: usize },
    /// `roles` missing where the names are not four, or not one per name.
    RolesNotOnePerLevel { levels: usize, roles: usize },
    /// A role out of order (a heading below a strategy, a part twice).
    RoleOutOfOrder { at: usize },
    /// Neither KPIs nor projects: nothing to hold.
    NothingToHold,
}

/// Checks the levels a plan names against the roles they play.
pub fn levels_problem(levels: usize, roles: &[Role]) -> Option<LevelsProblem> {
    if levels == 0 && roles.is_empty() {
        return None;
    }
    if levels > MAX_LEVELS || levels == 0 {
        return Some(LevelsProblem::Count { count: levels });
    }
    if roles.is_empty() && levels == 4 {
        return None;
    }
    if roles.len() != levels {
        return Some(LevelsProblem::RolesNotOnePerLevel {
            levels,
            roles: roles.len(),
        });
    }
    for (at, pair) in roles.windows(2).enumerate() {
        let repeats = pair[0] == pair[1] && pair[0] != Role::Heading;
        if pair[0] > pair[1] || repeats {
            return Some(LevelsProblem::RoleOutOfOrder { at: at + 1 });
        }
    }
    if !roles.iter().any(|r| matches!(r, Role::Kpi | Role::Project)) {
        return Some(LevelsProblem::NothingToHold);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{DEFAULT_LEVELS, LevelsProblem, Role, levels_problem};
    use crate::model::Plan;

    #[test]
    fn a_plan_names_its_own_levels_or_has_the_default_ones() {
        let text = include_str!("../../plans/r5-growth-strategy.ron");
        let mut plan: Plan = ron::from_str(text).unwrap();
        assert_eq!(plan.levels(), DEFAULT_LEVELS);
        assert_eq!(plan.level_names(), DEFAULT_LEVELS);
        plan.levels = ["分野", "指標", "取組方針", "取組"]
            .map(String::from)
            .to_vec();
        assert_eq!(plan.levels(), ["分野", "指標", "取組方針", "取組"]);
        assert!(plan.shows(Role::Measure));
    }

    #[test]
    fn a_plan_of_five_levels_names_the_part_each_plays() {
        let text = include_str!("../../plans/r5-growth-strategy.ron");
        let mut plan: Plan = ron::from_str(text).unwrap();
        plan.levels = ["分野", "戦略の柱", "取組方針", "施策", "取組"]
            .map(String::from)
            .to_vec();
        plan.roles = vec![
            Role::Heading,
            Role::Heading,
            Role::Strategy,
            Role::Measure,
            Role::Project,
        ];
        assert_eq!(plan.levels(), ["取組方針", "KPI", "施策", "取組"]);
        assert_eq!(plan.heading_levels(), 2);
        assert_eq!(plan.heading_name(1), "戦略の柱");
        assert!(!plan.shows(Role::Kpi));
    }

    #[test]
    fn levels_are_one_to_six_with_roles_in_the_order_they_nest() {
        use Role::{Heading, Kpi, Measure, Project, Strategy};
        assert_eq!(levels_problem(0, &[]), None);
        assert_eq!(levels_problem(4, &[]), None);
        assert_eq!(levels_problem(1, &[Project]), None);
        assert_eq!(
            levels_problem(6, &[Heading, Heading, Strategy, Kpi, Measure, Project]),
            None
        );
        assert_eq!(
            levels_problem(7, &[]),
            Some(LevelsProblem::Count { count: 7 })
        );
        assert_eq!(
            levels_problem(3, &[]),
            Some(LevelsProblem::RolesNotOnePerLevel {
                levels: 3,
                roles: 0
            })
        );
        assert_eq!(
            levels_problem(2, &[Project, Strategy]),
            Some(LevelsProblem::RoleOutOfOrder { at: 1 })
        );
        assert_eq!(
            levels_problem(2, &[Measure, Measure]),
            Some(LevelsProblem::RoleOutOfOrder { at: 1 })
        );
        assert_eq!(
            levels_problem(2, &[Heading, Strategy]),
            Some(LevelsProblem::NothingToHold)
        );
    }
}
