//! How far a KPI has come: its latest actual against its target for that
//! year, by the rule the plan publishes. A KPI without actuals, or whose
//! target is a phrase (`全国1位`), has no rate (which is not 0 %).

use super::plan::{Actual, Direction, Kpi};
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
/// (or the target cannot be measured against: a phrase, baseline = target).
/// The latest actual is the one of the latest date; it is measured against
/// the target for its fiscal year when there is one, else the main target.
pub fn achievement(kpi: &Kpi, rule: AchievementRule) -> Option<Achievement> {
    let latest = latest(kpi)?;
    let target = kpi
        .targets
        .iter()
        .rev()
        .find(|t| t.fiscal_year() == Some(latest.fiscal_year))
        .map_or(&kpi.target.value, |t| &t.value)
        .number()?;
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

/// The actual of the latest date; on a tie (two days of one month) the
/// later in the list.
pub fn latest(kpi: &Kpi) -> Option<&Actual> {
    kpi.actuals.iter().max_by_key(|a| a.last_month())
}

fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole != 0.0 && part.is_finite() && whole.is_finite()).then(|| part / whole)
}

/// The rate entered by hand, when none can be computed: `None` while a
/// computed one exists, so the two are never shown side by side.
pub fn entered(kpi: &Kpi, rule: AchievementRule) -> Option<f64> {
    match achievement(kpi, rule) {
        Some(_) => None,
        None => kpi.entered_achievement.map(|percent| percent / 100.0),
    }
}

/// The rate a KPI has come: the one computed by `rule`, else the one
/// entered by hand (`entered` true), else none.
pub fn rate(kpi: &Kpi, rule: AchievementRule) -> Option<(f64, bool)> {
    match achievement(kpi, rule) {
        Some(a) => Some((a.rate, false)),
        None => kpi
            .entered_achievement
            .map(|percent| (percent / 100.0, true)),
    }
}

/// `58%`, whole percent.
pub fn percent(rate: f64) -> String {
    format!("{:.0}%", rate * 100.0)
}

#[cfg(test)]
mod tests {
    use super::{AchievementRule, Direction, Kpi, achievement, percent};
    use crate::model::{Actual, Target, TargetValue};

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
                value: TargetValue::Number(target),
                unit: String::new(),
                direction,
            },
            targets: Vec::new(),
            baseline,
            baseline_at: None,
            actuals: actuals
                .iter()
                .map(|&(fiscal_year, value)| Actual {
                    fiscal_year,
                    at: None,
                    value,
                })
                .collect(),
            entered_achievement: None,
            evaluation: String::new(),
            score: None,
            reason: String::new(),
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

    #[test]
    fn the_latest_date_counts_against_the_target_for_its_year() {
        let at = |text: &str| Some(crate::model::Period::parse(text).unwrap());
        let mut k = kpi(Direction::AtLeast, 20.0, None, &[]);
        k.actuals = vec![
            Actual {
                fiscal_year: 2023,
                at: at("R5.9.30"),
                value: 10.0,
            },
            Actual {
                fiscal_year: 2023,
                at: at("R5.6.30"),
                value: 5.0,
            },
        ];
        let rule = AchievementRule::FromBaseline;
        let rate = |k: &Kpi| achievement(k, rule).map(|a| (a.actual, percent(a.rate)));
        assert_eq!(
            rate(&k),
            Some((10.0, "50%".to_owned())),
            "September, not June"
        );
        k.targets = vec![crate::model::DatedTarget {
            at: crate::model::Period::parse("R5年度").unwrap(),
            value: TargetValue::Number(12.5),
            kind: None,
        }];
        assert_eq!(
            rate(&k),
            Some((10.0, "80%".to_owned())),
            "this year's target"
        );
        k.targets[0].value = TargetValue::Text("全国1位".to_owned());
        assert_eq!(rate(&k), None, "a phrase has no rate");
        assert_eq!(super::entered(&k, rule), None, "nothing entered");
        k.entered_achievement = Some(40.0);
        assert_eq!(super::entered(&k, rule), Some(0.4));
        assert_eq!(
            super::rate(&k, rule),
            Some((0.4, true)),
            "graded as entered"
        );
        k.targets.clear();
        assert_eq!(
            super::rate(&k, rule).map(|r| r.1),
            Some(false),
            "computed first"
        );
    }
}
