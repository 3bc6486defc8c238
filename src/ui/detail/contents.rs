//! The detail pane's read-only sections: what the node contains, its
//! totals, and the department it is in the charge of where it has no field
//! for one.

use crate::model::achievement::{achievement, entered, latest, percent};
use crate::model::dates::fiscal_year_label;
use crate::model::department::department;
use crate::model::fields::{Field, target_text};
use crate::model::levels::Role;
use crate::model::money::group_thousands;
use crate::model::rule::AchievementRule;
use crate::model::totals::measure_total;
use crate::model::{Address, Kpi, Measure, Plan, Total};
use crate::words::tell::Pane;
use crate::words::{Lang, Say};

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

fn amount(plan: &Plan, total: Total, lang: Lang) -> String {
    let count = Pane::Count {
        projects: total.projects as usize,
    };
    let blank = Pane::Blank {
        projects: total.blank as usize,
        figure: plan.totalled_figure().to_owned(),
    };
    match total.blank {
        0 => format!(
            "{}{} {}",
            group_thousands(total.budget),
            plan.unit,
            count.say(lang)
        ),
        _ if total.is_blank() => count.say(lang),
        _ => format!(
            "{}{} {}{}",
            group_thousands(total.budget),
            plan.unit,
            count.say(lang),
            blank.say(lang)
        ),
    }
}

/// Read-only sections: what the node contains, and its totals.
/// `total` is the node's own, kept by the tree; `None` while it is not
/// final.
pub(super) fn contents(
    plan: &Plan,
    address: Address,
    total: Option<Total>,
    lang: Lang,
) -> Vec<(String, Vec<String>)> {
    let total = total.map_or_else(|| Pane::Loading.say(lang), |t| amount(plan, t, lang));
    let word = |pane: Pane| pane.say(lang);
    // A plan that names its levels heads their lists with its own names;
    // one that does not keeps the table's words (ＫＰＩ, 施策, 事業).
    let level = |role: Role, pane: Pane| match plan.levels.is_empty() {
        false => plan.level_name(role).to_owned(),
        true => pane.say(lang),
    };
    let projects_of = |measures: &mut dyn Iterator<Item = &Measure>| {
        measures
            .flat_map(|m| &m.projects)
            .map(|p| match p.budget {
                Some(b) => format!("{}  {}{}", p.name, group_thousands(b), plan.unit),
                None => p.name.clone(),
            })
            .collect::<Vec<_>>()
    };
    match address {
        Address::Plan => vec![(word(Pane::Total), vec![total])],
        Address::Heading(h) => {
            let held = (0..plan.strategies.len()).filter(|&s| plan.headings_of(s).contains(&h));
            let strategies = held.clone().map(|s| &plan.strategies[s]);
            // Where the plan shows no strategies, what stands in their
            // place is listed: their projects (a heading over 政策項目).
            let list = if plan.shows(Role::Strategy) {
                let named = strategies.map(|strategy| {
                    let sum = strategy.measures.iter().map(|m| measure_total(m)).sum();
                    let amount = amount(plan, sum, lang);
                    format!("{}{}  {amount}", strategy.label, strategy.name)
                });
                Some((plan.level_name(Role::Strategy).to_owned(), named.collect()))
            } else if plan.shows(Role::Project) && !plan.shows(Role::Measure) {
                let mut measures = strategies.flat_map(|s| s.measures.iter().map(|m| &**m));
                let projects = projects_of(&mut measures);
                Some((level(Role::Project, Pane::Projects), projects))
            } else {
                None
            };
            list.into_iter()
                .chain([(word(Pane::Total), vec![total])])
                .collect()
        }
        Address::Strategy(s) => {
            let strategy = &plan.strategies[s];
            let kpis = strategy
                .kpis
                .iter()
                .map(|k| {
                    word(Pane::KpiWithTarget {
                        label: k.label.clone(),
                        statement: k.statement.clone(),
                        target: target_text(&k.target),
                    })
                })
                .collect();
            let measures = strategy
                .measures
                .iter()
                .map(|m| {
                    format!(
                        "{}{}  {}",
                        m.label,
                        m.name,
                        amount(plan, measure_total(m), lang)
                    )
                })
                .collect();
            // Where the plan shows no measures, their projects are listed.
            let mut sections = if plan.shows(Role::Measure) {
                vec![(level(Role::Measure, Pane::Measures), measures)]
            } else if plan.shows(Role::Project) {
                let projects = projects_of(&mut strategy.measures.iter().map(|m| &**m));
                vec![(level(Role::Project, Pane::Projects), projects)]
            } else {
                Vec::new()
            };
            sections.push((word(Pane::Total), vec![total]));
            if plan.shows(Role::Kpi) {
                sections.insert(0, (level(Role::Kpi, Pane::Kpis), kpis));
            }
            sections
        }
        Address::Kpi(s, k) => {
            let strategy = &plan.strategies[s];
            let measures = strategy
                .measures_of_kpi(k)
                .map(|m| {
                    let m = &strategy.measures[m];
                    format!(
                        "{}{}  {}",
                        m.label,
                        m.name,
                        amount(plan, measure_total(m), lang)
                    )
                })
                .collect();
            let kpi = &strategy.kpis[k];
            let progress = match achievement(kpi, plan.achievement) {
                Some(a) => word(Pane::Actual {
                    year: latest(kpi)
                        .and_then(|l| l.at.as_ref())
                        .map_or_else(|| fiscal_year_label(a.fiscal_year), ToString::to_string),
                    actual: a.actual.to_string(),
                    gauge: gauge(a.rate, 10),
                }),
                // Measured against a target in words: there are actuals,
                // but no rate.
                None => progress_gauge(kpi, plan.achievement, 10, lang).unwrap_or_else(|| {
                    word(match kpi.actuals.is_empty() {
                        true => Pane::NoActuals,
                        false => Pane::NoRate,
                    })
                }),
            };
            let mut sections = vec![(word(Pane::Achievement), vec![progress])];
            if plan.shows(Role::Measure) {
                sections.push((level(Role::Measure, Pane::Measures), measures));
            }
            sections.push((word(Pane::Subtotal), vec![total]));
            // A KPI has no department of its own: its strategy's is shown.
            if let Some(d) = department(plan, address) {
                let owner = inherited(plan, d.name, d.inherited_from, lang);
                sections.insert(0, (Field::Owner.heading().to_owned(), vec![owner]));
            }
            sections
        }
        Address::Measure(s, m) => {
            let strategy = &plan.strategies[s];
            let measure = &strategy.measures[m];
            let kpis = measure
                .kpis
                .iter()
                .map(|l| match strategy.kpi_index(l) {
                    Some(k) => format!("{l} {}", strategy.kpis[k].statement),
                    None => format!("{l} {}", word(Pane::NoSuchKpi)),
                })
                .collect();
            let projects = projects_of(&mut std::iter::once(&**measure));
            vec![
                (word(Pane::KpiContents), kpis),
                (level(Role::Project, Pane::Projects), projects),
                (word(Pane::Subtotal), vec![total]),
            ]
        }
        Address::Project(s, m, p) => {
            let measure = &plan.strategies[s].measures[m];
            let changed = match &measure.projects[p].last_change {
                Some(c) => format!("{} {}", c.user, c.at),
                None => "-".to_owned(),
            };
            let mut sections = vec![(word(Pane::LastChange), vec![changed])];
            if plan.shows(Role::Measure) {
                let named = format!("{}{}", measure.label, measure.name);
                sections.insert(0, (level(Role::Measure, Pane::Measures), vec![named]));
            }
            sections
        }
    }
}

/// A department as the pane shows it: its name, and where it comes from
/// when that is not the node itself, in the plan's word for that level.
pub(super) fn inherited(
    plan: &Plan,
    name: &str,
    from: Option<crate::model::fields::Kind>,
    lang: Lang,
) -> String {
    use crate::model::fields::Kind;
    let named = |role: Role| match plan.levels.is_empty() {
        true => String::new(),
        false => plan.level_name(role).to_owned(),
    };
    match from {
        Some(from) => Pane::Inherited {
            name: name.to_owned(),
            from,
            level: match from {
                Kind::Strategy => named(Role::Strategy),
                Kind::Measure => named(Role::Measure),
                _ => String::new(),
            },
        }
        .say(lang),
        None => name.to_owned(),
    }
}
