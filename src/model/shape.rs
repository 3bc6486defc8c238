//! Problems with a plan's shape: the levels it names, the parts they play,
//! and the headings that group its strategies.

use std::collections::HashSet;

use super::address::{Address, FieldPath};
use super::ids;
use super::levels::{LevelsProblem, Role, levels_problem};
use super::plan::Plan;

/// What is wrong with the plan's shape; `words` says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeProblem {
    Levels(LevelsProblem),
    LevelNameEmpty,
    /// The plan has headings but names no heading level.
    HeadingsWithoutLevel,
    HeadingIdInvalid {
        id: String,
    },
    HeadingIdTwice {
        id: String,
    },
    /// A strategy or heading stands under a heading the plan lacks.
    UnknownHeading {
        id: String,
    },
    /// Headings stand under each other in a circle.
    HeadingLoop {
        id: String,
    },
    /// More headings stand above each other than the plan names levels for.
    HeadingTooDeep {
        id: String,
        levels: usize,
    },
    /// The strategies of one heading are not together, so it would be
    /// shown twice.
    HeadingSplit {
        name: String,
    },
    /// Nodes of a part the plan's levels do not name (KPIs in a plan of
    /// projects alone): they would never be shown.
    PartNotInLevels {
        role: Role,
    },
}

/// Every problem of `plan`'s shape, with where it is.
pub fn shape_problems(plan: &Plan) -> Vec<(FieldPath, ShapeProblem)> {
    let mut problems = Vec::new();
    let root = FieldPath::root();
    let levels = levels_problem(plan.levels.len(), &plan.roles);
    if let Some(problem) = levels.clone() {
        let field = if plan.roles.is_empty() || matches!(problem, LevelsProblem::Count { .. }) {
            "levels"
        } else {
            "roles"
        };
        problems.push((root.field(field), ShapeProblem::Levels(problem)));
    }
    for (i, name) in plan.levels.iter().enumerate() {
        if name.trim().is_empty() {
            problems.push((root.field("levels").index(i), ShapeProblem::LevelNameEmpty));
        }
    }
    heading_problems(plan, &mut problems);
    if levels.is_some() {
        // Which parts it shows is unclear until its levels are right.
        return problems;
    }
    let part_in_use = |role: Role| {
        problems_of_part(plan, role).map(|path| (path, ShapeProblem::PartNotInLevels { role }))
    };
    let unused: Vec<_> = [Role::Kpi, Role::Project]
        .into_iter()
        .filter(|role| !plan.shows(*role))
        .filter_map(part_in_use)
        .collect();
    problems.extend(unused);
    problems
}

/// The first node of `role` in the plan, if it has one.
fn problems_of_part(plan: &Plan, role: Role) -> Option<FieldPath> {
    plan.strategies
        .iter()
        .enumerate()
        .find_map(|(s, strategy)| match role {
            Role::Kpi => (!strategy.kpis.is_empty()).then(|| Address::Kpi(s, 0).path()),
            Role::Project => strategy
                .measures
                .iter()
                .position(|m| !m.projects.is_empty())
                .map(|m| Address::Project(s, m, 0).path()),
            Role::Heading | Role::Strategy | Role::Measure => None,
        })
}

fn heading_problems(plan: &Plan, problems: &mut Vec<(FieldPath, ShapeProblem)>) {
    let headings = FieldPath::root().field("headings");
    if !plan.headings.is_empty() && plan.heading_levels() == 0 {
        problems.push((headings.clone(), ShapeProblem::HeadingsWithoutLevel));
    }
    let mut seen = HashSet::new();
    for (h, heading) in plan.headings.iter().enumerate() {
        let at = headings.index(h);
        let id = heading.id.to_string();
        if !ids::is_valid(&id) {
            problems.push((at.field("id"), ShapeProblem::HeadingIdInvalid { id }));
        } else if !seen.insert(id.clone()) {
            problems.push((at.field("id"), ShapeProblem::HeadingIdTwice { id }));
        } else if !heading.under.is_empty() && plan.heading_index(&heading.under).is_none() {
            let id = heading.under.to_string();
            problems.push((at.field("under"), ShapeProblem::UnknownHeading { id }));
        } else if plan.heading_index(&heading.under) == Some(h)
            || plan.heading_chain(h).first().is_some_and(|&top| {
                // The top of the chain still names a heading it has passed.
                plan.heading_index(&plan.headings[top].under).is_some()
            })
        {
            problems.push((at.field("under"), ShapeProblem::HeadingLoop { id }));
        } else if plan.heading_chain(h).len() > plan.heading_levels().max(1) {
            let levels = plan.heading_levels();
            problems.push((
                at.field("under"),
                ShapeProblem::HeadingTooDeep { id, levels },
            ));
        }
    }
    let mut finished: HashSet<usize> = HashSet::new();
    let mut open: Vec<usize> = Vec::new();
    for (s, strategy) in plan.strategies.iter().enumerate() {
        if !strategy.under.is_empty() && plan.heading_index(&strategy.under).is_none() {
            let id = strategy.under.to_string();
            let at = Address::Strategy(s).path().field("under");
            problems.push((at, ShapeProblem::UnknownHeading { id }));
            continue;
        }
        let chain = plan.headings_of(s);
        let kept = open.iter().zip(&chain).take_while(|(a, b)| a == b).count();
        finished.extend(open.drain(kept..));
        for &h in &chain[kept..] {
            if finished.contains(&h) {
                let name = plan.headings[h].name.clone();
                let at = Address::Strategy(s).path().field("under");
                problems.push((at, ShapeProblem::HeadingSplit { name }));
            }
        }
        open = chain;
    }
}
