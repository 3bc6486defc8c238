//! The review's filters (`f`): which projects the tree shows.

use super::address::Address;
use super::dates::YearMonth;
use super::department::department;
use super::find::node_contains;
use super::grade;
use super::plan::{Plan, Project};

/// The review's filters; a project is shown when it passes all set ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A grade name of the plan's scale.
    pub evaluation: Option<String>,
    /// Period ended before this month and not finished.
    pub overdue: bool,
    /// Normalised text any field of the project must contain.
    pub text: Option<String>,
    /// Inclusive budget range in the plan's unit.
    pub budget: Option<(u64, u64)>,
    /// A department: the projects in its charge, by their own department
    /// or the one they inherit.
    pub department: Option<String>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    pub fn matches(
        &self,
        plan: &Plan,
        address: Address,
        project: &Project,
        today: YearMonth,
    ) -> bool {
        if self
            .evaluation
            .as_ref()
            .is_some_and(|e| *e != project.evaluation)
        {
            return false;
        }
        if let Some(wanted) = &self.department
            && department(plan, address).is_none_or(|d| d.name != wanted)
        {
            return false;
        }
        if self.overdue && !is_overdue(plan, project, today) {
            return false;
        }
        if let Some((low, high)) = self.budget
            && !project.budget.is_some_and(|b| (low..=high).contains(&b))
        {
            return false;
        }
        if let Some(text) = &self.text
            && !node_contains(plan, address, text)
        {
            return false;
        }
        true
    }

    /// `評価=遅れ, 担当課=人事課, 期限超過, "DX", 1,000–5,000`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(e) = &self.evaluation {
            parts.push(format!("評価={e}"));
        }
        if let Some(d) = &self.department {
            parts.push(format!("担当課={d}"));
        }
        if self.overdue {
            parts.push("期限超過".to_owned());
        }
        if let Some(t) = &self.text {
            parts.push(format!("\"{t}\""));
        }
        if let Some((low, high)) = self.budget {
            let high = if high == u64::MAX {
                String::new()
            } else {
                super::money::group_thousands(high)
            };
            parts.push(format!(
                "予算 {}-{high}",
                super::money::group_thousands(low)
            ));
        }
        parts.join(", ")
    }
}

/// The period ended before `today`'s month and the project's grade is not
/// a finished one.
pub fn is_overdue(plan: &Plan, project: &Project, today: YearMonth) -> bool {
    let ended = project.period.end().is_some_and(|end| end < today);
    let done = grade::find(&plan.evaluation_scale, &project.evaluation).is_some_and(|g| g.done);
    ended && !done
}
