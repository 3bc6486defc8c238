//! The grade a plan's rule computes for a KPI, and where it differs from
//! the grade entered for it. A rule may grade by pace, as tables 30 and 31
//! do: a KPI is A when it has come at least as far towards its target as
//! the share of its period that has gone by.

use super::achievement::{latest, rate};
use super::dates::YearMonth;
use super::plan::{Kpi, Plan};
use super::rule::grade_by_pace;

/// The share of the KPI's period gone by at its latest actual (1.0 = all
/// of it): the period runs from the end of `baseline_at` to the end of its
/// latest dated target. `None` without either date or an actual, or when
/// the period does not run forward.
pub fn elapsed_share(kpi: &Kpi) -> Option<f64> {
    let start = kpi
        .baseline_at
        .as_ref()
        .and_then(|at| at.end().or(at.start()))?;
    let end = kpi
        .targets
        .iter()
        .filter_map(|t| t.at.end().or(t.at.start()))
        .max()?;
    let now = latest(kpi)?.last_month();
    let whole = months(end) - months(start);
    // Month counts stay far below 2^53.
    #[allow(clippy::cast_precision_loss)]
    (whole > 0).then(|| (months(now) - months(start)) as f64 / whole as f64)
}

fn months(month: YearMonth) -> i64 {
    i64::from(month.year) * 12 + i64::from(month.month)
}

/// The grade the plan's grading rule gives the KPI by its rate (and, for
/// a rule by pace, the share of its period elapsed); `None` when the plan
/// has no rule, the KPI no rate, or the rule no grade for it.
pub fn computed_grade<'a>(plan: &'a Plan, kpi: &Kpi) -> Option<&'a str> {
    if plan.grading.is_empty() {
        return None;
    }
    // A rate entered by hand (a KPI whose target is a phrase) is graded too.
    let (rate, _) = self::rate(kpi, plan.achievement)?;
    let elapsed = if plan.grading.iter().any(|s| s.at_least_elapsed) {
        elapsed_share(kpi)
    } else {
        None
    };
    grade_by_pace(&plan.grading, rate, elapsed)
}

/// The grade the rule computes where the KPI was given another one by
/// hand: both are shown and the difference marked.
pub fn disagreement<'a>(plan: &'a Plan, kpi: &Kpi) -> Option<&'a str> {
    let entered = kpi.evaluation.trim();
    if entered.is_empty() {
        return None;
    }
    let computed = computed_grade(plan, kpi)?;
    // A grade is the same when typed as its name or its marker.
    let same = |a: &str, b: &str| {
        a == b
            || super::grade::position(&plan.evaluation_scale, a)
                .is_some_and(|i| super::grade::position(&plan.evaluation_scale, b) == Some(i))
    };
    (!same(entered, computed)).then_some(computed)
}

#[cfg(test)]
mod tests {
    use super::elapsed_share;
    use crate::model::{Actual, DatedTarget, Direction, Kpi, Period, Target, TargetValue};

    #[test]
    fn the_share_elapsed_runs_from_the_baseline_to_the_last_target() {
        // 設備投資: 64.9兆円 in 2012年度, 70兆円 by 2015年度, 69.4 in 2014年度:
        // two of three years gone.
        let mut kpi = Kpi::unmeasured(
            Default::default(),
            "1".into(),
            String::new(),
            Target {
                value: TargetValue::Number(70.0),
                unit: "兆円".into(),
                direction: Direction::AtLeast,
            },
        );
        assert_eq!(elapsed_share(&kpi), None);
        kpi.baseline_at = Some(Period::parse("2012年度").unwrap());
        kpi.targets = vec![DatedTarget {
            at: Period::parse("2015年度").unwrap(),
            value: TargetValue::Number(70.0),
            kind: None,
        }];
        assert_eq!(elapsed_share(&kpi), None, "nothing measured");
        kpi.actuals = vec![Actual {
            fiscal_year: 2014,
            at: None,
            value: 69.4,
        }];
        let share = elapsed_share(&kpi).unwrap();
        assert!((share - 2.0 / 3.0).abs() < 1e-9, "{share}");
    }
}
