//! The rules a plan publishes for judging its figures, as its table states
//! them: how an actual becomes a rate of achievement, and which grade a
//! rate earns.

use serde::{Deserialize, Serialize};

use super::text_serde::{bare_number, present_number, text};

/// How a plan turns an actual into a rate of achievement (目標達成率). Tables
/// differ: 293 → target 304, actual 360 is 118 % as actual ÷ target and
/// 609 % as the way from the baseline covered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AchievementRule {
    /// (actual − baseline) ÷ (target − baseline); actual ÷ target without a
    /// baseline.
    #[default]
    FromBaseline,
    /// actual ÷ target (target ÷ actual where less is better), whatever
    /// the baseline.
    ActualOverTarget,
}

impl AchievementRule {
    pub fn is_default(&self) -> bool {
        *self == AchievementRule::default()
    }
}

/// One step of a plan's grading rule: the grade a KPI gets when its rate of
/// achievement (in percent) is above `above`, or at least `at_least`; a step
/// with neither takes every rate the steps before it left. Table 24's rule
/// reads `[(grade: "計画よりも進んでいる", above: 110.0), (grade: "計画通り進んでいる",
/// at_least: 95.0), (grade: "計画よりも遅れている")]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeStep {
    #[serde(serialize_with = "text")]
    pub grade: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_number",
        deserialize_with = "present_number"
    )]
    pub above: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_number",
        deserialize_with = "present_number"
    )]
    pub at_least: Option<f64>,
}

/// The grade the rule `steps` gives a rate (1.0 = 100 %): the first step it
/// passes. `None` when the rule has no step for it (or no steps at all).
pub fn grade_by_rule(steps: &[GradeStep], rate: f64) -> Option<&str> {
    // 1.10 × 100 is 110.00000000000001 in floating point, which is not
    // "over 110 %": compared at a millionth of a percent.
    let percent = (rate * 100.0 * 1e6).round() / 1e6;
    steps
        .iter()
        .find(|step| match (step.above, step.at_least) {
            (Some(above), _) => percent > above,
            (None, Some(at_least)) => percent >= at_least,
            (None, None) => true,
        })
        .map(|step| step.grade.as_str())
}

#[cfg(test)]
mod tests {
    use super::{GradeStep, grade_by_rule};

    fn table_24() -> Vec<GradeStep> {
        let step = |grade: &str, above, at_least| GradeStep {
            grade: grade.to_owned(),
            above,
            at_least,
        };
        vec![
            step("計画よりも進んでいる", Some(110.0), None),
            step("計画通り進んでいる", None, Some(95.0)),
            step("計画よりも遅れている", None, None),
        ]
    }

    #[test]
    fn the_first_step_a_rate_passes_gives_its_grade() {
        let rule = table_24();
        // 計画値に対し実績値が110%超 / 95%以上110%以下 / 95%未満.
        assert_eq!(grade_by_rule(&rule, 1.11), Some("計画よりも進んでいる"));
        assert_eq!(grade_by_rule(&rule, 1.10), Some("計画通り進んでいる"));
        assert_eq!(grade_by_rule(&rule, 0.95), Some("計画通り進んでいる"));
        assert_eq!(grade_by_rule(&rule, 0.949), Some("計画よりも遅れている"));
        assert_eq!(grade_by_rule(&rule[..2], 0.5), None, "no step for it");
        assert_eq!(grade_by_rule(&[], 1.0), None);
    }
}
