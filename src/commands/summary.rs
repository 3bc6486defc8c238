mod figures;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::{OK, PROBLEM, Said, Speaker, load_all, neutral};
use crate::model::fields::{Field, target_text};
use crate::model::money::group_thousands;
use crate::model::totals::{
    format_totals, kpi_total, measure_total, plan_total, strategy_total, totals_by_unit,
};
use crate::model::{Plan, Total};
use crate::tree::Tree;
use crate::tree::labels::describe;
use crate::words::{Lang, Say};

pub fn run(paths: &[PathBuf], as_json: bool, mut to: Speaker) -> u8 {
    let (loaded, failed) = load_all(paths, &mut to);
    if failed {
        return PROBLEM;
    }
    let plans: Vec<(&Path, &Plan)> = loaded.iter().map(|(p, l)| (p.as_path(), &l.plan)).collect();
    // Names are printed as the terminal should show them, never as
    // sequences it would act on.
    let text = if as_json {
        neutral::json(to_json(&plans))
    } else {
        neutral::printable(&to_table(&plans, to.lang)).into_owned()
    };
    let _ = to.out.write_all(text.as_bytes());
    OK
}

/// One block per plan, amounts first so they line up whatever the names'
/// widths; a measure serving two KPIs is listed under both, the totals count
/// it once. The table's words are the plans' own (予算額, 合計, as in the
/// app); only the count of plans is said in `lang`.
pub fn to_table(plans: &[(&Path, &Plan)], lang: Lang) -> String {
    let mut text = String::new();
    let mut grand = Total::default();
    for &(path, plan) in plans {
        let total = plan_total(plan);
        grand = grand + total;
        text += &format!(
            "{} (FY{}, {})\n",
            neutral::one_line(&plan.title),
            plan.fiscal_year,
            neutral::one_line(&path.display().to_string())
        );
        let heading = format!("{}({})", Field::Budget.heading(), plan.unit);
        text += &format!(
            "{}{heading}  区分  名称\n",
            " ".repeat(14usize.saturating_sub(heading.width()))
        );
        let tree = Tree::build(&[plan], HashSet::new());
        for row in 0..tree.len() {
            let Some(node) = tree.row(row) else { continue };
            let d = describe(plan, node.place.address());
            let indent = "  ".repeat(node.depth.into());
            let label = if d.label.is_empty() {
                String::new()
            } else {
                format!("{} ", neutral::one_line(d.label))
            };
            text += &format!(
                "{:>14}  {}{indent}{label}{}\n",
                node.total.shown(),
                // A plan's own level names may be long: one space at least.
                pad(d.kind, 6.max(d.kind.width() + 1)),
                neutral::one_line(d.name)
            );
        }
        text += &format!(
            "{:>14}  合計 {}件\n",
            group_thousands(total.budget),
            total.projects
        );
        for line in super::grade_counts::lines(plan) {
            text += &format!("{:>14}  {line}\n", "");
        }
        text.push('\n');
    }
    let refs: Vec<&Plan> = plans.iter().map(|(_, p)| *p).collect();
    let by_unit = totals_by_unit(&refs);
    // Amounts in different units do not add up to one number.
    let amount = if by_unit.len() == 1 {
        group_thousands(grand.budget)
    } else {
        String::new()
    };
    text += &format!(
        "{amount:>14}  総計 {} {}件 ({})\n",
        format_totals(&by_unit),
        grand.projects,
        Said::PlansCounted { plans: plans.len() }.say(lang)
    );
    text
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

pub fn to_json(plans: &[(&Path, &Plan)]) -> String {
    let grand: Total = plans.iter().map(|(_, p)| plan_total(p)).sum();
    let refs: Vec<&Plan> = plans.iter().map(|(_, p)| *p).collect();
    let by_unit = totals_by_unit(&refs);
    let value = json!({
        // One number only when every plan has the same unit.
        "total": if by_unit.len() == 1 { Some(grand.budget) } else { None },
        "totals": by_unit.iter().map(|(unit, t)| json!({"unit": unit, "total": t.budget})).collect::<Vec<_>>(),
        "projects": grand.projects,
        "plans": plans.iter().map(|(path, plan)| plan_json(path, plan)).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

fn plan_json(path: &Path, plan: &Plan) -> Value {
    let total = plan_total(plan);
    let mut value = json!({
        "file": path.display().to_string(),
        "title": plan.title,
        "fiscal_year": plan.fiscal_year,
        "unit": plan.unit,
        "total": total.budget,
        "projects": total.projects,
        "strategies": plan.strategies.iter().map(|s| {
            let total = strategy_total(s);
            json!({
                "label": s.label,
                "name": s.name,
                "total": total.budget,
                "projects": total.projects,
                "kpis": s.kpis.iter().enumerate().map(|(k, kpi)| {
                    let total = kpi_total(s, k);
                    json!({
                        "label": kpi.label,
                        "statement": kpi.statement,
                        "target": {
                            "value": kpi.target.value,
                            "unit": kpi.target.unit,
                            "direction": format!("{:?}", kpi.target.direction),
                            "text": target_text(&kpi.target),
                        },
                        "measures": s.measures_of_kpi(k).map(|m| s.measures[m].label.clone()).collect::<Vec<_>>(),
                        "total": total.budget,
                        "projects": total.projects,
                    })
                }).collect::<Vec<_>>(),
                "measures": s.measures.iter().map(|m| {
                    let total = measure_total(m);
                    json!({
                        "label": m.label,
                        "name": m.name,
                        "kpis": m.kpis,
                        "total": total.budget,
                        "projects": m.projects.iter().map(|p| json!({
                            "name": p.name,
                            "budget": p.budget,
                            "budget_note": p.budget_note,
                            "period": p.period.as_str(),
                        })).collect::<Vec<_>>(),
                    })
                }).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    });
    if let Value::Object(fields) = &mut value {
        for (key, figure) in figures::figures(plan) {
            fields.insert(key.to_owned(), figure);
        }
    }
    value
}
