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
    /// A rate at or above the share of the KPI's period elapsed by its
    /// latest actual (tables 30 and 31: A, 目標達成期間に対する経過期間の割合以上に
    /// 進捗): a KPI whose period cannot be told gets no grade by the rule.
    #[serde(default, skip_serializing_if = "is_false")]
    pub at_least_elapsed: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes &bool
fn is_false(value: &bool) -> bool {
    !value
}

/// A second axis a plan evaluates on besides its grades, as tables 01–04
/// score 7/10: its name and its range, `min` (0 unless written) to `max`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreAxis {
    #[serde(serialize_with = "text")]
    pub name: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min: u64,
    pub max: u64,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes &u64
fn is_zero(value: &u64) -> bool {
    *value == 0
}

impl ScoreAxis {
    pub fn contains(&self, score: u64) -> bool {
        (self.min..=self.max).contains(&score)
    }
}

/// The axis written bare (`score: (name: …)`, not `Some(…)`).
#[allow(clippy::ref_option)] // serde's serialize_with passes &Option
pub(super) fn bare_axis<S: serde::Serializer>(
    axis: &Option<ScoreAxis>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match axis {
        Some(axis) => axis.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

pub(super) fn present_axis<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<ScoreAxis>, D::Error> {
    ScoreAxis::deserialize(deserializer).map(Some)
}

/// The grade the rule `steps` gives a rate (1.0 = 100 %): the first step it
/// passes. `None` when the rule has no step for it (or no steps at all).
pub fn grade_by_rule(steps: &[GradeStep], rate: f64) -> Option<&str> {
    grade_by_pace(steps, rate, None)
}

/// The grade the rule `steps` gives a rate with `elapsed` of its period
/// gone (1.0 = all of it): the first step it passes. `None` when the rule
/// has no step for it, or a step asks for the share elapsed and it is not
/// known (so no step after it is wrongly taken).
pub fn grade_by_pace(steps: &[GradeStep], rate: f64, elapsed: Option<f64>) -> Option<&str> {
    // 1.10 × 100 is 110.00000000000001 in floating point, which is not
    // "over 110 %": compared at a millionth of a percent.
    let round = |rate: f64| (rate * 100.0 * 1e6).round() / 1e6;
    let percent = round(rate);
    for step in steps {
        let passes = match (step.above, step.at_least) {
            (Some(above), _) => percent > above,
            (None, Some(at_least)) => percent >= at_least,
            (None, None) if step.at_least_elapsed => percent >= round(elapsed?),
            (None, None) => true,
        };
        if passes {
            return Some(step.grade.as_str());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{GradeStep, grade_by_pace, grade_by_rule};

    fn table_24() -> Vec<GradeStep> {
        let step = |grade: &str, above, at_least| GradeStep {
            grade: grade.to_owned(),
            above,
            at_least,
            at_least_elapsed: false,
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

    #[test]
    fn a_pace_step_compares_the_rate_with_the_share_elapsed() {
        // Tables 30 and 31: A at or above the share of the period elapsed,
        // B below it.
        let rule = [
            GradeStep {
                grade: "A".to_owned(),
                above: None,
                at_least: None,
                at_least_elapsed: true,
            },
            GradeStep {
                grade: "B".to_owned(),
                above: None,
                at_least: None,
                at_least_elapsed: false,
            },
        ];
        assert_eq!(grade_by_pace(&rule, 0.88, Some(2.0 / 3.0)), Some("A"));
        assert_eq!(grade_by_pace(&rule, 0.5, Some(0.5)), Some("A"), "at it");
        assert_eq!(grade_by_pace(&rule, 0.49, Some(0.5)), Some("B"));
        assert_eq!(grade_by_pace(&rule, 0.9, None), None, "no period, no grade");
    }
}
