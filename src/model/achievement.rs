//! How far a KPI has come: its latest actual against its target, by the
//! rule the plan publishes. A KPI without actuals has no rate (which is not
//! 0 %).

use super::plan::{Direction, Kpi};
use super::rule::AchievementRule;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Achievement {
    /// The fiscal year of the actual used.
    pub fiscal_year: i32,
    pub actual: f64,
    /// 1.0 = target reached; may exceed 1.0 or fall below 0.0.
    pub rate: f64,
}

/// The rate of the latest actual, or `None` when nothing was measured yet
/// (or the target cannot be measured against, e.g. baseline = target).
pub fn achievement(kpi: &Kpi, rule: AchievementRule) -> Option<Achievement> {
    let latest = kpi.actuals.iter().max_by_key(|a| a.fiscal_year)?;
    let target = kpi.target.value;
    let baseline = match rule {
        AchievementRule::FromBaseline => kpi.baseline,
        AchievementRule::ActualOverTarget => None,
    };
    let rate = match (kpi.target.direction, baseline) {
        (Direction::AtLeast, Some(base)) => ratio(latest.value - base, target - base)?,
        (Direction::AtLeast, None) => ratio(latest.value, target)?,
        (Direction::AtMost, Some(base)) => ratio(base - latest.value, base - target)?,
        (Direction::AtMost, None) => ratio(target, latest.value)?,
    };
    Some(Achievement {
        fiscal_year: latest.fiscal_year,
        actual: latest.value,
        rate,
    })
}

fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole != 0.0 && part.is_finite() && whole.is_finite()).then(|| part / whole)
}

/// `58%`, whole percent.
pub fn percent(rate: f64) -> String {
    format!("{:.0}%", rate * 100.0)
}

#[cfg(test)]
mod tests {
    use super::{AchievementRule, Direction, Kpi, achievement, percent};
    use crate::model::{Actual, Target};

    fn kpi(
        direction: Direction,
        target: f64,
        baseline: Option<f64>,
        actuals: &[(i32, f64)],
    ) -> Kpi {
        Kpi {
            id: Default::default(),
            label: "ⅰ".to_owned(),
            statement: String::new(),
            target: Target {
                value: target,
                unit: String::new(),
                direction,
            },
            baseline,
            actuals: actuals
                .iter()
                .map(|&(fiscal_year, value)| Actual { fiscal_year, value })
                .collect(),
        }
    }

    #[test]
    fn rates_by_direction_and_baseline() {
        let rate = |k: &Kpi| {
            achievement(k, AchievementRule::FromBaseline).map(|a| (a.fiscal_year, percent(a.rate)))
        };
        assert_eq!(
            rate(&kpi(Direction::AtLeast, 20.0, None, &[(2023, 15.0)])),
            Some((2023, "75%".to_owned()))
        );
        assert_eq!(
            rate(&kpi(Direction::AtLeast, 20.0, Some(10.0), &[(2023, 15.0)])),
            Some((2023, "50%".to_owned()))
        );
        assert_eq!(
            rate(&kpi(
                Direction::AtLeast,
                20.0,
                None,
                &[(2024, 22.0), (2023, 10.0)]
            )),
            Some((2024, "110%".to_owned())),
            "the latest year counts"
        );
        assert_eq!(
            rate(&kpi(Direction::AtMost, 15.0, Some(30.0), &[(2023, 20.0)])),
            Some((2023, "67%".to_owned()))
        );
        assert_eq!(
            rate(&kpi(Direction::AtMost, 15.0, None, &[(2023, 30.0)])),
            Some((2023, "50%".to_owned()))
        );
    }

    #[test]
    fn missing_actuals_are_no_rate_not_zero() {
        let rule = AchievementRule::FromBaseline;
        assert_eq!(
            achievement(&kpi(Direction::AtLeast, 20.0, None, &[]), rule),
            None
        );
        assert_eq!(
            achievement(
                &kpi(Direction::AtLeast, 20.0, Some(20.0), &[(2023, 21.0)]),
                rule
            ),
            None
        );
    }

    #[test]
    fn the_plan_s_rule_decides_what_the_baseline_counts_for() {
        // 県東部地域への入り込み客数: 293万人 → 304万人, 360万人 measured;
        // the published 目標達成率 is 118 %.
        let visitors = kpi(Direction::AtLeast, 304.0, Some(293.0), &[(2014, 360.0)]);
        let rate = |rule| achievement(&visitors, rule).map(|a| percent(a.rate));
        assert_eq!(
            rate(AchievementRule::ActualOverTarget).as_deref(),
            Some("118%")
        );
        assert_eq!(rate(AchievementRule::FromBaseline).as_deref(), Some("609%"));
        let waits = kpi(Direction::AtMost, 15.0, Some(30.0), &[(2023, 20.0)]);
        assert_eq!(
            achievement(&waits, AchievementRule::ActualOverTarget)
                .map(|a| percent(a.rate))
                .as_deref(),
            Some("75%"),
            "less is better: target ÷ actual"
        );
    }
}
