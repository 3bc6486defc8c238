//! Every editable fact of a node as text, and how edited text goes back into
//! the plan. Lists (schedule, analysis) are one entry per line.

use super::address::Address;
use super::dates;
use super::grade::{self, Grade};
use super::money::{group_thousands, parse_budget};
use super::period::Period;
use super::plan::{Actual, Direction, Plan, ScheduleEntry, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    FiscalYear,
    Unit,
    Label,
    Name,
    Statement,
    Target,
    Kpis,
    Overview,
    Budget,
    BudgetNote,
    Period,
    Schedule,
    Analysis,
    Owner,
    Evaluation,
    Baseline,
    Actuals,
}

impl Field {
    /// The heading users know from the source table.
    pub fn heading(self) -> &'static str {
        match self {
            Field::Title => "計画名",
            Field::FiscalYear => "年度",
            Field::Unit => "予算単位",
            Field::Label => "番号",
            Field::Name => "名称",
            Field::Statement => "ＫＰＩ",
            Field::Target => "目標",
            Field::Kpis => "対象ＫＰＩ",
            Field::Overview => "概要",
            Field::Budget => "予算額",
            Field::BudgetNote => "予算備考",
            Field::Period => "期間",
            Field::Schedule => "進捗状況やスケジュール",
            Field::Analysis => "現状分析",
            Field::Owner => "担当課",
            Field::Evaluation => "評価",
            Field::Baseline => "基準値",
            Field::Actuals => "実績（年度ごと）",
        }
    }

    /// The heading for this field of a node of this kind: a name is a
    /// 事業名 on a project and a 戦略名 on a strategy.
    pub fn heading_at(self, address: Address) -> &'static str {
        match (self, address) {
            (Field::Name, Address::Project(..)) => "事業名",
            (Field::Name, Address::Strategy(..)) => "戦略名",
            (Field::Name, Address::Measure(..)) => "施策名",
            _ => self.heading(),
        }
    }

    /// Multi-line fields keep line breaks; in the others Enter applies.
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            Field::Statement | Field::Overview | Field::Schedule | Field::Analysis | Field::Actuals
        )
    }

    /// The fields shown and edited for a node, in display order.
    pub fn of(address: Address) -> &'static [Field] {
        match address {
            Address::Plan => &[Field::Title, Field::FiscalYear, Field::Unit],
            Address::Strategy(..) => &[Field::Label, Field::Name],
            Address::Kpi(..) => &[
                Field::Label,
                Field::Statement,
                Field::Target,
                Field::Baseline,
                Field::Actuals,
            ],
            Address::Measure(..) => &[Field::Label, Field::Name, Field::Kpis],
            Address::Project(..) => &[
                Field::Name,
                Field::Owner,
                Field::Overview,
                Field::Budget,
                Field::BudgetNote,
                Field::Period,
                Field::Evaluation,
                Field::Schedule,
                Field::Analysis,
            ],
        }
    }
}

/// The field's current value as the editor shows it.
pub fn field_text(plan: &Plan, address: Address, field: Field) -> String {
    let strategy = |s: usize| &plan.strategies[s];
    match (address, field) {
        (Address::Plan, Field::Title) => plan.title.clone(),
        (Address::Plan, Field::FiscalYear) => plan.fiscal_year.to_string(),
        (Address::Plan, Field::Unit) => plan.unit.clone(),
        (Address::Strategy(s), Field::Label) => strategy(s).label.clone(),
        (Address::Strategy(s), Field::Name) => strategy(s).name.clone(),
        (Address::Kpi(s, k), Field::Label) => strategy(s).kpis[k].label.clone(),
        (Address::Kpi(s, k), Field::Statement) => strategy(s).kpis[k].statement.clone(),
        (Address::Kpi(s, k), Field::Target) => target_text(&strategy(s).kpis[k].target),
        (Address::Kpi(s, k), Field::Baseline) => strategy(s).kpis[k]
            .baseline
            .map(|v| v.to_string())
            .unwrap_or_default(),
        (Address::Kpi(s, k), Field::Actuals) => lines(
            strategy(s).kpis[k]
                .actuals
                .iter()
                .map(|a| format!("{} {}", dates::fiscal_year_label(a.fiscal_year), a.value)),
        ),
        (Address::Measure(s, m), Field::Label) => strategy(s).measures[m].label.clone(),
        (Address::Measure(s, m), Field::Name) => strategy(s).measures[m].name.clone(),
        (Address::Measure(s, m), Field::Kpis) => strategy(s).measures[m].kpis.join(" "),
        (Address::Project(s, m, p), field) => {
            let project = &strategy(s).measures[m].projects[p];
            match field {
                Field::Name => project.name.clone(),
                Field::Overview => project.overview.clone(),
                Field::Budget => group_thousands(project.budget),
                Field::BudgetNote => project.budget_note.clone(),
                Field::Period => project.period.to_string(),
                Field::Schedule => lines(project.schedule.iter().map(ScheduleEntry::to_line)),
                Field::Analysis => project.analysis.join("\n"),
                Field::Owner => project.owner.clone(),
                Field::Evaluation => project.evaluation.clone(),
                _ => String::new(),
            }
        }
        _ => String::new(),
    }
}

/// An evaluation as typed: a grade's name or marker, or nothing.
fn parse_evaluation(scale: &[Grade], text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Ok(String::new());
    }
    grade::find(scale, text)
        .map(|g| g.name.clone())
        .ok_or_else(|| {
            let names: Vec<&str> = scale.iter().map(|g| g.name.as_str()).collect();
            format!(
                "`{text}` is not on this plan's scale: {}",
                names.join(" / ")
            )
        })
}

/// `1.5`, `１．５`, `-3`.
fn parse_number(text: &str) -> Option<f64> {
    dates::normalize(text).replace(['，', ','], "").parse().ok()
}

/// One actual per line: a fiscal year (`R5年度`, `2023年度`, `FY2023`,
/// `2023`) and a value.
fn parse_actuals(text: &str) -> Result<Vec<Actual>, String> {
    let mut actuals: Vec<Actual> = Vec::new();
    for line in non_empty_lines(text) {
        let refuse = || format!("`{line}`: write a fiscal year and a value, as in `R5年度 1.2`");
        let (year, value) = line
            .trim()
            .rsplit_once([' ', '\u{3000}', ':', '：'])
            .ok_or_else(refuse)?;
        let year = year.trim();
        let fiscal_year = if year.chars().all(|c| c.is_ascii_digit()) {
            year.parse().map_err(|_| refuse())?
        } else {
            let span = dates::parse_span(year).map_err(|e| format!("`{line}`: {e}"))?;
            // A month names the fiscal year it falls in; a year (calendar or
            // fiscal) names the fiscal year starting in it.
            if span.start == span.end {
                dates::fiscal_year(span.start)
            } else {
                span.start.year
            }
        };
        let value = parse_number(value).ok_or_else(refuse)?;
        if actuals.iter().any(|a| a.fiscal_year == fiscal_year) {
            return Err(format!(
                "`{line}`: {} is given twice",
                dates::fiscal_year_label(fiscal_year)
            ));
        }
        actuals.push(Actual { fiscal_year, value });
    }
    actuals.sort_by_key(|a| a.fiscal_year);
    Ok(actuals)
}

/// The fiscal years a plan may be for.
pub const FISCAL_YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// What separates KPI labels in a measure's 対象ＫＰＩ field.
const KPI_SEPARATORS: [char; 4] = [' ', '\u{3000}', ',', '、'];

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

/// Puts edited text back. On error the plan is unchanged and the message
/// says what is accepted.
pub fn set_field(
    plan: &mut Plan,
    address: Address,
    field: Field,
    text: &str,
) -> Result<(), String> {
    let single = || single_line(field, text);
    let unit = plan.unit.clone();
    let scale = plan.evaluation_scale.clone();
    match (address, field) {
        (Address::Plan, Field::Title) => plan.title = single()?,
        (Address::Plan, Field::FiscalYear) => {
            let refuse = || format!("`{text}` is not a year: write e.g. 2023");
            let year: i32 = single()?.parse().map_err(|_| refuse())?;
            if !FISCAL_YEARS.contains(&year) {
                return Err(refuse());
            }
            plan.fiscal_year = year;
        }
        (Address::Plan, Field::Unit) => plan.unit = single()?,
        (Address::Strategy(s), Field::Label) => plan.strategies[s].label = single()?,
        (Address::Strategy(s), Field::Name) => plan.strategies[s].name = single()?,
        (Address::Kpi(s, k), Field::Label) => rename_kpi(plan, s, k, &single()?)?,
        (Address::Kpi(s, k), Field::Statement) => {
            plan.strategies[s].kpis[k].statement = text.trim_end().to_owned();
        }
        (Address::Kpi(s, k), Field::Target) => {
            plan.strategies[s].kpis[k].target = parse_target(&single()?)?;
        }
        (Address::Kpi(s, k), Field::Baseline) => {
            let text = single()?;
            plan.strategies[s].kpis[k].baseline = if text.is_empty() {
                None
            } else {
                Some(parse_number(&text).ok_or_else(|| format!("`{text}` is not a number"))?)
            };
        }
        (Address::Kpi(s, k), Field::Actuals) => {
            plan.strategies[s].kpis[k].actuals = parse_actuals(text)?;
        }
        (Address::Measure(s, m), Field::Label) => {
            plan.strategies[s].measure_mut(m).label = single()?
        }
        (Address::Measure(s, m), Field::Name) => plan.strategies[s].measure_mut(m).name = single()?,
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
                return Err(format!("this strategy has no KPI `{unknown}`"));
            }
            plan.strategies[s].measure_mut(m).kpis = labels;
        }
        (Address::Project(s, m, p), field) => {
            let project = &mut plan.strategies[s].measure_mut(m).projects[p];
            match field {
                Field::Name => {
                    let name = single()?;
                    if name.is_empty() {
                        return Err("a project needs a name".to_owned());
                    }
                    project.name = name;
                }
                Field::Overview => project.overview = text.trim_end().to_owned(),
                Field::Budget => project.budget = parse_budget(&single()?, &unit)?,
                Field::BudgetNote => project.budget_note = single()?,
                Field::Period => {
                    project.period = Period::parse(&single()?).map_err(|e| e.to_string())?
                }
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
                Field::Evaluation => project.evaluation = parse_evaluation(&scale, &single()?)?,
                _ => return Err(format!("a project has no field {}", field.heading())),
            }
        }
        _ => return Err(format!("this node has no field {}", field.heading())),
    }
    Ok(())
}

fn non_empty_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
}

fn single_line(field: Field, text: &str) -> Result<String, String> {
    let mut lines = non_empty_lines(text);
    let first = lines.next().unwrap_or("").trim().to_owned();
    if lines.next().is_some() {
        return Err(format!("{} is a single line", field.heading()));
    }
    Ok(first)
}

/// Renaming a KPI renames it in the measures that serve it, so no link breaks.
fn rename_kpi(plan: &mut Plan, s: usize, k: usize, label: &str) -> Result<(), String> {
    let strategy = &mut plan.strategies[s];
    if label.is_empty() {
        return Err("a KPI needs a label".to_owned());
    }
    if label.contains(KPI_SEPARATORS) {
        return Err(
            "a KPI label cannot contain spaces, `,` or `、`: measures list labels with them"
                .to_owned(),
        );
    }
    if strategy
        .kpis
        .iter()
        .enumerate()
        .any(|(i, kpi)| i != k && kpi.label == label)
    {
        return Err(format!("this strategy already has a KPI `{label}`"));
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

/// `20.0 以上`, `1.0%/年 以上`.
pub fn target_text(target: &Target) -> String {
    let direction = match target.direction {
        Direction::AtLeast => "以上",
        Direction::AtMost => "以下",
    };
    format!("{}{} {direction}", decimal(target.value), target.unit)
}

/// `20.0`, `1.5`, `10000000000000000.0`: plain decimals that read back,
/// never exponents.
fn decimal(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.1}")
    } else {
        format!("{value}")
    }
}

/// Reads a target back: a number, an optional unit, and a direction
/// (`以上`/`以下`, `>=`/`<=`, `at least`/`at most`).
pub fn parse_target(text: &str) -> Result<Target, String> {
    const DIRECTIONS: [(&str, Direction); 8] = [
        ("以上", Direction::AtLeast),
        ("以下", Direction::AtMost),
        (">=", Direction::AtLeast),
        ("<=", Direction::AtMost),
        ("≥", Direction::AtLeast),
        ("≤", Direction::AtMost),
        ("at least", Direction::AtLeast),
        ("at most", Direction::AtMost),
    ];
    let refuse = || format!("`{text}` is not a target: write e.g. `20.0 以上` or `5 %/年 以下`");
    let trimmed = text.trim();
    let (rest, direction) = DIRECTIONS
        .iter()
        .find_map(|(word, d)| {
            trimmed
                .strip_suffix(word)
                .or_else(|| trimmed.strip_prefix(word))
                .map(|rest| (rest.trim(), *d))
        })
        .ok_or_else(refuse)?;
    let normalized: String = rest
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect();
    let sign = usize::from(normalized.starts_with(['-', '－']));
    let normalized = normalized.replacen('－', "-", 1);
    let split = normalized[sign..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or(normalized.len(), |i| i + sign);
    let value: f64 = normalized[..split].parse().map_err(|_| refuse())?;
    Ok(Target {
        value,
        unit: normalized[split..].trim().to_owned(),
        direction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_and_print() {
        let t = parse_target("20.0 以上").unwrap();
        assert_eq!(
            (t.value, t.unit.as_str(), t.direction),
            (20.0, "", Direction::AtLeast)
        );
        assert_eq!(target_text(&t), "20.0 以上");
        let t = parse_target("１%/年 以上").unwrap();
        assert_eq!((t.value, t.unit.as_str()), (1.0, "%/年"));
        assert_eq!(target_text(&t), "1.0%/年 以上");
        assert_eq!(
            parse_target("at most 3 件").unwrap().direction,
            Direction::AtMost
        );
        for value in [1e16, 1e-5, -3.0, 0.25] {
            let t = Target {
                value,
                unit: "件".to_owned(),
                direction: Direction::AtMost,
            };
            assert_eq!(
                parse_target(&target_text(&t)).unwrap(),
                t,
                "{}",
                target_text(&t)
            );
        }
        assert!(parse_target("20").is_err());
    }

    #[test]
    fn actuals_read_fiscal_years_in_any_notation() {
        let a = parse_actuals("R5年度 1.2\n2022 0.8\nFY2024 １．５\n2025年 2\nR8 3").unwrap();
        let pairs: Vec<(i32, f64)> = a.iter().map(|a| (a.fiscal_year, a.value)).collect();
        assert_eq!(
            pairs,
            [
                (2022, 0.8),
                (2023, 1.2),
                (2024, 1.5),
                (2025, 2.0),
                (2026, 3.0)
            ]
        );
        assert!(parse_actuals("R5年度").is_err());
        assert!(
            parse_actuals("R5年度 1\n2023 2")
                .unwrap_err()
                .contains("given twice")
        );
    }

    #[test]
    fn evaluations_take_names_or_markers_of_the_scale() {
        let scale = grade::default_scale();
        assert_eq!(parse_evaluation(&scale, "遅"), Ok("遅れ".to_owned()));
        assert_eq!(
            parse_evaluation(&scale, "概ね順調"),
            Ok("概ね順調".to_owned())
        );
        assert_eq!(parse_evaluation(&scale, ""), Ok(String::new()));
        assert_eq!(
            parse_evaluation(&scale, "A"),
            Err("`A` is not on this plan's scale: 順調 / 概ね順調 / やや遅れ / 遅れ / 完了 / 未着手".to_owned())
        );
        assert!(parse_target("たくさん 以上").is_err());
    }
}
