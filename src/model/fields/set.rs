//! Edited text put back into the plan, or why it is refused.

use super::error::FieldError;
use super::figures::parse_figures;
use super::heading::Field;
use super::over_time::{parse_actuals, parse_dated_targets};
use super::read::{non_empty_lines, parse_evaluation, parse_number, parse_score, parse_target};
use crate::model::address::Address;
use crate::model::money::parse_budget;
use crate::model::period::Period;
use crate::model::plan::{Plan, ScheduleEntry, TargetValue};

/// The fiscal years a plan may be for.
pub const FISCAL_YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// What separates KPI labels in a measure's 対象ＫＰＩ field.
const KPI_SEPARATORS: [char; 4] = [' ', '\u{3000}', ',', '、'];

/// Puts edited text back. On error the plan is unchanged and the message
/// says what is accepted.
pub fn set_field(
    plan: &mut Plan,
    address: Address,
    field: Field,
    text: &str,
) -> Result<(), FieldError> {
    let single = || single_line(field, text);
    let unit = plan.unit.clone();
    let scale = plan.evaluation_scale.clone();
    let names = plan.other_figures().to_vec();
    let axis = plan.score.clone();
    let score = || parse_score(axis.as_ref(), &single_line(field, text)?);
    let grade = || parse_evaluation(&scale, &single_line(field, text)?);
    let reason = || text.trim_end().to_owned();
    match (address, field) {
        (Address::Plan, Field::Title) => plan.title = single()?,
        (Address::Plan, Field::FiscalYear) => {
            let refuse = || FieldError::NotAYear {
                text: text.to_owned(),
            };
            let year: i32 = single()?.parse().map_err(|_| refuse())?;
            if !FISCAL_YEARS.contains(&year) {
                return Err(refuse());
            }
            plan.fiscal_year = year;
        }
        (Address::Plan, Field::Unit) => plan.unit = single()?,
        (Address::Plan, Field::StatedTotal) => {
            let text = single()?;
            plan.stated_total = if text.is_empty() {
                None
            } else {
                Some(parse_budget(&text, &unit)?)
            };
        }
        (Address::Heading(h), Field::Label) => plan.headings[h].label = single()?,
        (Address::Heading(h), Field::Name) => plan.headings[h].name = single()?,
        (Address::Heading(h), Field::Owner) => plan.headings[h].owner = single()?,
        (Address::Strategy(s), Field::Label) => plan.strategies[s].label = single()?,
        (Address::Strategy(s), Field::Name) => plan.strategies[s].name = single()?,
        (Address::Strategy(s), Field::Owner) => plan.strategies[s].owner = single()?,
        (Address::Kpi(s, k), Field::Label) => rename_kpi(plan, s, k, &single()?)?,
        (Address::Kpi(s, k), Field::Statement) => {
            plan.strategies[s].kpis[k].statement = text.trim_end().to_owned();
        }
        (Address::Kpi(s, k), Field::Target) => {
            let text = single()?;
            let target = &mut plan.strategies[s].kpis[k].target;
            match parse_target(&text) {
                Ok(parsed) => *target = parsed,
                // A phrase (`全国1位`) keeps the unit and direction the
                // targets by year are read in; a number must say its direction.
                Err(_) if is_phrase(&text) => target.value = TargetValue::Text(text),
                Err(e) => return Err(e.into()),
            }
        }
        (Address::Kpi(s, k), Field::Targets) => {
            plan.strategies[s].kpis[k].targets = parse_dated_targets(text)?;
        }
        (Address::Kpi(s, k), Field::BaselineAt) => {
            let text = single()?;
            plan.strategies[s].kpis[k].baseline_at = if text.is_empty() {
                None
            } else {
                Some(Period::parse(&text)?)
            };
        }
        (Address::Kpi(s, k), Field::EnteredAchievement) => {
            let text = single()?;
            let number = text.trim_end_matches(['%', '％']).trim_end();
            plan.strategies[s].kpis[k].entered_achievement = if text.is_empty() {
                None
            } else {
                Some(parse_number(number).ok_or(FieldError::NotANumber { text })?)
            };
        }
        (Address::Kpi(s, k), Field::Baseline) => {
            let text = single()?;
            plan.strategies[s].kpis[k].baseline = if text.is_empty() {
                None
            } else {
                Some(parse_number(&text).ok_or(FieldError::NotANumber { text })?)
            };
        }
        (Address::Kpi(s, k), Field::Actuals) => {
            plan.strategies[s].kpis[k].actuals = parse_actuals(text)?;
        }
        (Address::Strategy(s), Field::Evaluation) => plan.strategies[s].evaluation = grade()?,
        (Address::Strategy(s), Field::Score) => plan.strategies[s].score = score()?,
        (Address::Strategy(s), Field::Reason) => plan.strategies[s].reason = reason(),
        (Address::Kpi(s, k), Field::Evaluation) => plan.strategies[s].kpis[k].evaluation = grade()?,
        (Address::Kpi(s, k), Field::Score) => plan.strategies[s].kpis[k].score = score()?,
        (Address::Kpi(s, k), Field::Reason) => plan.strategies[s].kpis[k].reason = reason(),
        (Address::Measure(s, m), Field::Evaluation) => {
            plan.strategies[s].measure_mut(m).evaluation = grade()?;
        }
        (Address::Measure(s, m), Field::Score) => {
            plan.strategies[s].measure_mut(m).score = score()?
        }
        (Address::Measure(s, m), Field::Reason) => {
            plan.strategies[s].measure_mut(m).reason = reason();
        }
        (Address::Measure(s, m), Field::Label) => {
            plan.strategies[s].measure_mut(m).label = single()?
        }
        (Address::Measure(s, m), Field::Name) => plan.strategies[s].measure_mut(m).name = single()?,
        (Address::Measure(s, m), Field::Owner) => {
            plan.strategies[s].measure_mut(m).owner = single()?;
        }
        (Address::Measure(s, m), Field::Kpis) => {
            let labels: Vec<String> = single()?
                .split(KPI_SEPARATORS)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            // A label already in the list stays acceptable even if no KPI
            // has it (yet): `check` reports it, editing must not trap it.
            let kept = &plan.strategies[s].measures[m].kpis;
            if let Some(unknown) = labels
                .iter()
                .find(|l| plan.strategies[s].kpi_index(l).is_none() && !kept.contains(l))
            {
                return Err(FieldError::UnknownKpi {
                    label: unknown.clone(),
                });
            }
            plan.strategies[s].measure_mut(m).kpis = labels;
        }
        (Address::Project(s, m, p), field) => {
            let project = &mut plan.strategies[s].measure_mut(m).projects[p];
            match field {
                Field::Name => {
                    let name = single()?;
                    if name.is_empty() {
                        return Err(FieldError::ProjectNeedsName);
                    }
                    project.name = name;
                }
                Field::Overview => project.overview = text.trim_end().to_owned(),
                Field::Budget => {
                    let text = single()?;
                    project.budget = if text.is_empty() {
                        None
                    } else {
                        Some(parse_budget(&text, &unit)?)
                    };
                }
                Field::Figures => {
                    project.extra.get_mut().figures = parse_figures(&names, project, text, &unit)?;
                }
                Field::BudgetNote => project.budget_note = single()?,
                Field::Period => project.period = Period::parse(&single()?)?,
                Field::Schedule => {
                    // A line left as it was keeps its entry exactly, even one
                    // whose undated text happens to start like a date.
                    let mut old: Vec<Option<ScheduleEntry>> =
                        project.schedule.drain(..).map(Some).collect();
                    project.schedule = non_empty_lines(text)
                        .map(|line| {
                            old.iter_mut()
                                .find(|e| e.as_ref().is_some_and(|e| e.to_line() == line))
                                .and_then(Option::take)
                                .unwrap_or_else(|| ScheduleEntry::from_line(line))
                        })
                        .collect();
                }
                Field::Analysis => {
                    project.analysis = non_empty_lines(text).map(str::to_owned).collect();
                }
                Field::Owner => project.owner = single()?,
                Field::Evaluation => project.evaluation = grade()?,
                Field::Score => project.extra.get_mut().score = score()?,
                Field::Reason => project.extra.get_mut().reason = reason(),
                _ => return Err(FieldError::NotOnProject { field }),
            }
        }
        _ => return Err(FieldError::NotOnNode { field }),
    }
    Ok(())
}

/// Text that is no number with a direction left out: it starts with no
/// digit or sign, so a forgotten `以上` is still refused.
fn is_phrase(text: &str) -> bool {
    let first = crate::model::dates::normalize(text).chars().next();
    first.is_some_and(|c| !c.is_ascii_digit() && !matches!(c, '-' | '+' | '.'))
}

fn single_line(field: Field, text: &str) -> Result<String, FieldError> {
    let mut lines = non_empty_lines(text);
    let first = lines.next().unwrap_or("").trim().to_owned();
    if lines.next().is_some() {
        return Err(FieldError::SingleLine { field });
    }
    Ok(first)
}

/// Renaming a KPI renames it in the measures that serve it, so no link breaks.
fn rename_kpi(plan: &mut Plan, s: usize, k: usize, label: &str) -> Result<(), FieldError> {
    let strategy = &mut plan.strategies[s];
    if label.is_empty() {
        return Err(FieldError::KpiNeedsLabel);
    }
    if label.contains(KPI_SEPARATORS) {
        return Err(FieldError::KpiLabelSeparator);
    }
    if strategy
        .kpis
        .iter()
        .enumerate()
        .any(|(i, kpi)| i != k && kpi.label == label)
    {
        return Err(FieldError::KpiLabelTaken {
            label: label.to_owned(),
        });
    }
    let old = std::mem::replace(&mut strategy.kpis[k].label, label.to_owned());
    let serving = strategy
        .measures
        .iter_mut()
        .filter(|m| m.kpis.contains(&old));
    for measure in serving.map(std::sync::Arc::make_mut) {
        for l in &mut measure.kpis {
            if *l == old {
                *l = label.to_owned();
            }
        }
    }
    Ok(())
}
