//! Counts of grades, as progress reports publish them: how many projects
//! have each grade of the plan's scale, how many KPIs each grade of its
//! grading rule, with their shares and a 合計.

use super::grade;
use super::pace::computed_grade;
use super::plan::{Measure, Plan};

/// How many nodes of one level have each grade.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// One count per grade, in the order of the grades asked for.
    pub counts: Vec<u64>,
    /// Graded with something that is not one of the grades (`check` says so).
    pub other: u64,
    /// Not graded (yet), or, for a KPI, no rate to grade.
    pub ungraded: u64,
}

impl Tally {
    /// Every node counted, graded or not: the 合計 the shares are of.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum::<u64>() + self.other + self.ungraded
    }

    /// `count` as a share of the total, 0.0 when there is nothing.
    pub fn share(&self, count: u64) -> f64 {
        match self.total() {
            0 => 0.0,
            // Counts stay far below 2^53.
            #[allow(clippy::cast_precision_loss)]
            total => count as f64 / total as f64,
        }
    }

    /// The projects of `plan` by the grades of its evaluation scale.
    pub fn of_projects(plan: &Plan) -> Self {
        let mut tally = Self {
            counts: vec![0; plan.evaluation_scale.len()],
            ..Self::default()
        };
        for strategy in &plan.strategies {
            for measure in &strategy.measures {
                tally.count_measure(plan, measure, true);
            }
        }
        tally
    }

    /// Adds (or, with `add` false, takes out) the projects of `measure`:
    /// a changed measure changes the counts without counting the plan again.
    pub fn count_measure(&mut self, plan: &Plan, measure: &Measure, add: bool) {
        for project in &measure.projects {
            self.count(plan, &project.evaluation, add);
        }
    }

    /// Adds (or takes out) one node graded `evaluation` on the plan's scale.
    fn count(&mut self, plan: &Plan, evaluation: &str, add: bool) {
        let slot = if evaluation.trim().is_empty() {
            &mut self.ungraded
        } else {
            match grade::position(&plan.evaluation_scale, evaluation)
                .and_then(|i| self.counts.get_mut(i))
            {
                Some(count) => count,
                None => &mut self.other,
            }
        };
        *slot = if add {
            slot.saturating_add(1)
        } else {
            slot.saturating_sub(1)
        };
    }

    /// The nodes whose grades `evaluations` gives, by the plan's scale.
    fn of_entered<'a>(plan: &Plan, evaluations: impl Iterator<Item = &'a str>) -> Self {
        let mut tally = Self {
            counts: vec![0; plan.evaluation_scale.len()],
            ..Self::default()
        };
        for evaluation in evaluations {
            tally.count(plan, evaluation, true);
        }
        tally
    }

    /// The strategies of `plan` by the grade entered for them.
    pub fn of_strategies(plan: &Plan) -> Self {
        let strategies = plan.strategies.iter();
        Self::of_entered(plan, strategies.map(|s| s.evaluation.as_str()))
    }

    /// The measures of `plan` by the grade entered for them.
    pub fn of_measures(plan: &Plan) -> Self {
        let measures = plan.strategies.iter().flat_map(|s| &s.measures);
        Self::of_entered(plan, measures.map(|m| m.evaluation.as_str()))
    }

    /// The KPIs of `plan` by the grade entered for them (not the one the
    /// rule computes: that is `of_kpis`).
    pub fn of_entered_kpis(plan: &Plan) -> Self {
        let kpis = plan.strategies.iter().flat_map(|s| &s.kpis);
        Self::of_entered(plan, kpis.map(|k| k.evaluation.as_str()))
    }

    /// Something is graded: a level nobody grades is not listed.
    pub fn any_graded(&self) -> bool {
        self.total() > self.ungraded
    }

    /// The KPIs of `plan` by the grade its grading rule gives their rate;
    /// `None` when the plan has no grading rule.
    pub fn of_kpis(plan: &Plan) -> Option<Self> {
        if plan.grading.is_empty() {
            return None;
        }
        let mut tally = Self {
            counts: vec![0; plan.grading.len()],
            ..Self::default()
        };
        let kpis = plan.strategies.iter().flat_map(|s| &s.kpis);
        for kpi in kpis {
            let grade = computed_grade(plan, kpi);
            match grade.and_then(|g| plan.grading.iter().position(|s| s.grade == g)) {
                Some(i) => tally.counts[i] += 1,
                None => tally.ungraded += 1,
            }
        }
        Some(tally)
    }
}

/// The levels a plan's grades are counted at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Strategies by the grade entered for them.
    Strategies,
    /// Projects by their evaluation.
    Projects,
    /// Measures by the grade entered for them.
    Measures,
    /// KPIs by the grade entered for them.
    Kpis,
    /// KPIs by the grade the plan's rule gives them.
    KpisByRule,
}

/// A level's counts with the names of its grades, in order.
pub struct Counted<'a> {
    pub level: Level,
    pub grades: Vec<&'a str>,
    pub tally: Tally,
}

/// The levels `plan` grades, each with its counts: projects (when one is
/// graded, or `with_projects`), measures and KPIs when one is graded, KPIs
/// by rule when the plan has a rule. `projects` is the projects' tally
/// where the caller keeps one.
pub fn counted(plan: &Plan, projects: Option<Tally>, with_projects: bool) -> Vec<Counted<'_>> {
    let scale = || {
        plan.evaluation_scale
            .iter()
            .map(|g| g.name.as_str())
            .collect()
    };
    let projects = projects.unwrap_or_else(|| Tally::of_projects(plan));
    let mut levels = Vec::new();
    for (level, tally, always) in [
        (Level::Strategies, Tally::of_strategies(plan), false),
        (Level::Projects, projects, with_projects),
        (Level::Measures, Tally::of_measures(plan), false),
        (Level::Kpis, Tally::of_entered_kpis(plan), false),
    ] {
        if always || tally.any_graded() {
            levels.push(Counted {
                level,
                grades: scale(),
                tally,
            });
        }
    }
    if let Some(tally) = Tally::of_kpis(plan) {
        levels.push(Counted {
            level: Level::KpisByRule,
            grades: plan.grading.iter().map(|s| s.grade.as_str()).collect(),
            tally,
        });
    }
    levels
}

#[cfg(test)]
mod tests {
    use super::Tally;
    use crate::model::rule::GradeStep;
    use crate::model::{Actual, Direction, Kpi, Plan, Target, TargetValue};

    fn plan() -> Plan {
        let text = include_str!("../../plans/r5-growth-strategy.ron");
        ron::from_str(text).expect("the bundled plan reads")
    }

    #[test]
    fn projects_are_counted_by_grade_and_taken_out_again() {
        let mut plan = plan();
        let all = Tally::of_projects(&plan);
        let projects: usize = plan
            .strategies
            .iter()
            .flat_map(|s| &s.measures)
            .map(|m| m.projects.len())
            .sum();
        assert_eq!(all.total(), projects as u64);
        let measure = std::sync::Arc::clone(&plan.strategies[0].measures[0]);
        let mut tally = all.clone();
        tally.count_measure(&plan, &measure, false);
        assert_eq!(tally.total(), (projects - measure.projects.len()) as u64);
        tally.count_measure(&plan, &measure, true);
        assert_eq!(tally, all);
        // A project given 遅れ: one more of it, as many projects as before.
        let project = &mut plan.strategies[0].measure_mut(0).projects[0];
        let was_late = project.evaluation.trim() == "遅れ";
        project.evaluation = "遅れ".to_owned();
        let after = Tally::of_projects(&plan);
        let late = plan
            .evaluation_scale
            .iter()
            .position(|g| g.name == "遅れ")
            .unwrap();
        assert_eq!(after.total(), all.total());
        assert_eq!(after.counts[late], all.counts[late] + u64::from(!was_late));
    }

    #[test]
    fn kpis_are_counted_by_the_grade_their_rate_earns() {
        let mut plan = plan();
        assert_eq!(Tally::of_kpis(&plan), None, "no grading rule, no tally");
        plan.grading = vec![
            GradeStep {
                grade: "進んでいる".into(),
                above: Some(110.0),
                at_least: None,
                at_least_elapsed: false,
            },
            GradeStep {
                grade: "計画通り".into(),
                above: None,
                at_least: Some(95.0),
                at_least_elapsed: false,
            },
            GradeStep {
                grade: "遅れている".into(),
                above: None,
                at_least: None,
                at_least_elapsed: false,
            },
        ];
        let kpi = |target: f64, actual: Option<f64>| Kpi {
            actuals: actual
                .map(|value| Actual {
                    fiscal_year: 2023,
                    at: None,
                    value,
                })
                .into_iter()
                .collect(),
            ..Kpi::unmeasured(
                Default::default(),
                "x".into(),
                String::new(),
                Target {
                    value: TargetValue::Number(target),
                    unit: String::new(),
                    direction: Direction::AtLeast,
                },
            )
        };
        plan.strategies.truncate(1);
        plan.strategies[0].kpis = vec![
            kpi(100.0, Some(120.0)),
            kpi(100.0, Some(100.0)),
            kpi(100.0, Some(96.0)),
            kpi(100.0, Some(50.0)),
            kpi(100.0, None),
        ];
        let tally = Tally::of_kpis(&plan).unwrap();
        assert_eq!((tally.counts, tally.ungraded), (vec![1, 2, 1], 1));
    }
}
