//! Budget by strategy, KPI or measure: amount, share of the total, a bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::parts::{bar, body, offset, plain, put};
use crate::app::{App, Grouping};
use crate::model::Total;
use crate::model::money::group_thousands;
use crate::model::totals::{kpi_total, measure_total, plan_total, strategy_total};
use crate::tree::Place;
use crate::ui::cells::put_line;
use crate::ui::text::pane_title;
use crate::ui::text::{right_align, truncate, width};
use crate::ui::theme;
use crate::words::Say;
use crate::words::tell::Pane;

/// One bar: its label, total, and whether the selection is in it.
struct Row {
    label: String,
    total: Total,
    selected: bool,
}

pub fn render(app: &App, grouping: Grouping, area: Rect, buf: &mut Buffer) {
    let node = app.selected_node();
    let doc = node.map_or(0, Place::plan);
    let Some(plan) = app.docs().get(doc).map(|d| &d.plan) else {
        return;
    };
    let rows = rows(plan, grouping, node);
    let lang = app.lang();
    let heading = match grouping {
        Grouping::Strategy => Pane::BudgetByStrategy,
        Grouping::Kpi => Pane::BudgetByKpi,
        Grouping::Measure => Pane::BudgetByMeasure,
    };
    let switch = Pane::SwitchGrouping.say(lang);
    pane_title(
        &format!("{}  {switch}  {}", heading.say(lang), plan.title),
        area,
        buf,
    );
    let body = body(area);
    let grand = plan_total(plan).budget;
    let max = rows.iter().map(|r| r.total.budget).max().unwrap_or(0);
    let amount_width = rows
        .iter()
        .map(|r| group_thousands(r.total.budget).len())
        .max()
        .unwrap_or(1);
    let full = usize::from(body.width);
    let label_width = (full / 3).clamp(6, 30);
    let bar_width = full.saturating_sub(label_width + amount_width + 9);
    let selected = rows.iter().position(|r| r.selected);
    let first = offset(selected, rows.len(), usize::from(body.height));
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(body.height))
    {
        let label = truncate(&row.label, label_width);
        let share = if grand == 0 {
            0.0
        } else {
            row.total.budget as f64 * 100.0 / grand as f64
        };
        let line = Line::from(vec![
            Span::raw(format!(
                "{label}{} ",
                " ".repeat(label_width.saturating_sub(width(&label)))
            )),
            Span::styled(
                right_align(&group_thousands(row.total.budget), amount_width),
                theme::AMOUNT,
            ),
            Span::raw(format!(" {share:>5.1}% ")),
            Span::styled(bar(row.total.budget, max, bar_width), theme::RATE),
        ]);
        let y = body.y + u16::try_from(i - first).unwrap_or(0);
        put(buf, body, y, line, row.selected);
    }
    if let Some(y) = (body.height > u16::try_from(rows.len()).unwrap_or(u16::MAX))
        .then(|| body.y + u16::try_from(rows.len()).unwrap_or(0))
    {
        let total = format!(
            "{} {}{}",
            Pane::Total.say(lang),
            group_thousands(grand),
            plan.unit
        );
        put_line(
            buf,
            body.x,
            y,
            &Line::styled(truncate(&total, full), plain()),
            body.width,
        );
    }
}

fn rows(plan: &crate::model::Plan, grouping: Grouping, node: Option<Place>) -> Vec<Row> {
    let in_strategy = |s: usize| node.is_some_and(|n| strategy_of(n) == Some(s));
    let mut rows = Vec::new();
    for (s, strategy) in plan.strategies.iter().enumerate() {
        match grouping {
            Grouping::Strategy => rows.push(Row {
                label: format!("{}{}", strategy.label, strategy.name),
                total: strategy_total(strategy),
                selected: in_strategy(s),
            }),
            Grouping::Kpi => {
                for (k, kpi) in strategy.kpis.iter().enumerate() {
                    rows.push(Row {
                        label: format!("KPI {} {}", kpi.label, kpi.statement),
                        total: kpi_total(strategy, k),
                        selected: in_strategy(s) && node.and_then(kpi_of) == Some(k),
                    });
                }
            }
            Grouping::Measure => {
                for (m, measure) in strategy.measures.iter().enumerate() {
                    rows.push(Row {
                        label: format!("{}{}", measure.label, measure.name),
                        total: measure_total(measure),
                        selected: in_strategy(s) && node.and_then(measure_of) == Some(m),
                    });
                }
            }
        }
    }
    rows
}

fn strategy_of(node: Place) -> Option<usize> {
    match node {
        Place::Plan { .. } | Place::Heading { .. } => None,
        Place::Strategy { strategy, .. }
        | Place::Kpi { strategy, .. }
        | Place::Measure { strategy, .. }
        | Place::Project { strategy, .. } => Some(strategy),
    }
}

fn kpi_of(node: Place) -> Option<usize> {
    match node {
        Place::Kpi { kpi, .. } => Some(kpi),
        Place::Measure { kpi, .. } | Place::Project { kpi, .. } => kpi,
        _ => None,
    }
}

fn measure_of(node: Place) -> Option<usize> {
    match node {
        Place::Measure { measure, .. } | Place::Project { measure, .. } => Some(measure),
        _ => None,
    }
}
