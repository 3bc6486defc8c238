//! Each KPI: target, baseline, actuals by year and the achievement gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::parts::{body, offset, put};
use crate::app::App;
use crate::model::achievement::achievement;
use crate::model::dates::fiscal_year_label;
use crate::model::fields::target_text;
use crate::tree::Place;
use crate::ui::detail::gauge;
use crate::ui::text::pane_title;
use crate::ui::text::truncate;
use crate::words::Say;
use crate::words::tell::Pane;

/// Lines a KPI takes.
const LINES: usize = 4;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let node = app.selected_node();
    let doc = node.map_or(0, Place::plan);
    let Some(plan) = app.docs().get(doc).map(|d| &d.plan) else {
        return;
    };
    let lang = app.lang();
    let title = format!("{}  {}", Pane::KpiProgress.say(lang), plan.title);
    pane_title(&title, area, buf);
    let body = body(area);
    let full = usize::from(body.width);
    let selected_kpi = node.and_then(|n| match n {
        Place::Kpi { strategy, kpi, .. } => Some((strategy, kpi)),
        Place::Measure {
            strategy,
            kpi: Some(kpi),
            ..
        }
        | Place::Project {
            strategy,
            kpi: Some(kpi),
            ..
        } => Some((strategy, kpi)),
        _ => None,
    });
    let kpis: Vec<(usize, usize)> = plan
        .strategies
        .iter()
        .enumerate()
        .flat_map(|(s, st)| (0..st.kpis.len()).map(move |k| (s, k)))
        .collect();
    let selected = selected_kpi.and_then(|sk| kpis.iter().position(|&x| x == sk));
    let per_screen = usize::from(body.height) / LINES;
    let first = offset(selected, kpis.len(), per_screen);
    for (i, &(s, k)) in kpis.iter().enumerate().skip(first).take(per_screen) {
        let kpi = &plan.strategies[s].kpis[k];
        let baseline = kpi
            .baseline
            .map_or_else(|| "-".to_owned(), |b| b.to_string());
        let actuals = if kpi.actuals.is_empty() {
            Pane::NoActualsListed.say(lang)
        } else {
            kpi.actuals
                .iter()
                .map(|a| format!("{} {}", fiscal_year_label(a.fiscal_year), a.value))
                .collect::<Vec<_>>()
                .join(" / ")
        };
        let progress = achievement(kpi, plan.achievement)
            .map_or_else(|| Pane::NoAchievement.say(lang), |a| gauge(a.rate, 10));
        let lines = [
            format!(
                "{} KPI {} {}",
                plan.strategies[s].label, kpi.label, kpi.statement
            ),
            Pane::TargetAndBaseline {
                target: target_text(&kpi.target),
                baseline,
            }
            .say(lang),
            Pane::ActualsList { actuals }.say(lang),
            format!("  {progress}"),
        ];
        let top = body.y + u16::try_from((i - first) * LINES).unwrap_or(0);
        for (j, text) in lines.iter().enumerate() {
            let line = Line::from(truncate(text, full));
            put(
                buf,
                body,
                top + u16::try_from(j).unwrap_or(0),
                line,
                Some(i) == selected && j == 0,
            );
        }
    }
}
