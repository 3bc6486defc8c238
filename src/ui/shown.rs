//! Values as the panes show them: a field with its unit or Gregorian
//! reading, a rate of achievement as a gauge, marked when entered by hand.

use crate::model::Kpi;
use crate::model::achievement::{achievement, entered, percent};
use crate::model::dates::fiscal_year_label;
use crate::model::fields::{Field, field_text};
use crate::model::grade;
use crate::model::rule::AchievementRule;
use crate::model::{Address, Plan};
use crate::words::tell::Pane;
use crate::words::{Lang, Say};

/// A field as the pane shows it: amounts with separators and unit, dates as
/// written (with their Gregorian reading) or, when switched, Gregorian only.
pub fn display_value(
    plan: &Plan,
    address: Address,
    field: Field,
    gregorian: bool,
    lang: Lang,
) -> String {
    let text = field_text(plan, address, field);
    match (field, address) {
        (Field::Budget, _) => format!("{text}{}", plan.unit),
        (Field::Period, Address::Project(s, m, p)) => {
            let period = &plan.strategies[s].measures[m].projects[p].period;
            if gregorian {
                period.gregorian()
            } else {
                format!("{period}  ({})", period.gregorian())
            }
        }
        (Field::Schedule, Address::Project(s, m, p)) if gregorian => {
            let project = &plan.strategies[s].measures[m].projects[p];
            let lines: Vec<String> = project
                .schedule
                .iter()
                .map(|e| match &e.date {
                    Some(date) => format!("{} {}", date.gregorian(), e.text),
                    None => e.text.clone(),
                })
                .collect();
            lines.join("\n")
        }
        (Field::Actuals, Address::Kpi(s, k)) if gregorian => {
            let lines: Vec<String> = plan.strategies[s].kpis[k]
                .actuals
                .iter()
                .map(|a| match &a.at {
                    Some(at) => format!("{} {}", at.gregorian(), a.value),
                    None => format!("FY{} {}", a.fiscal_year, a.value),
                })
                .collect();
            lines.join("\n")
        }
        (Field::Evaluation, _) if !text.is_empty() => {
            match grade::find(&plan.evaluation_scale, &text) {
                Some(g) => format!("[{}] {}", g.marker, g.name),
                None => text,
            }
        }
        (Field::FiscalYear, _) => {
            let year: i32 = text.parse().unwrap_or(plan.fiscal_year);
            let note = Pane::FiscalYearNote { year }.say(lang);
            format!("{} {note}", fiscal_year_label(year))
        }
        _ => text,
    }
}

/// `[######----] 58%`: ASCII, so every terminal draws it one cell a step.
pub fn gauge(rate: f64, steps: usize) -> String {
    let filled = ((rate.clamp(0.0, 1.0) * steps as f64).round() as usize).min(steps);
    format!(
        "[{}{}] {}",
        "#".repeat(filled),
        "-".repeat(steps - filled),
        percent(rate)
    )
}

/// A KPI's rate as a gauge of `steps`: computed, else entered by hand
/// (marked), else `None`, never a made-up 0 %.
pub fn progress_gauge(
    kpi: &Kpi,
    rule: AchievementRule,
    steps: usize,
    lang: Lang,
) -> Option<String> {
    match achievement(kpi, rule) {
        Some(a) => Some(gauge(a.rate, steps)),
        None => entered(kpi, rule).map(|rate| {
            Pane::Entered {
                gauge: gauge(rate, steps),
            }
            .say(lang)
        }),
    }
}
