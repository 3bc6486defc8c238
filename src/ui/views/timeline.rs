//! One row per project over the fiscal year (or the span of the open
//! plans): bars from each project's period, this month marked, overdue
//! projects flagged with `!` and coloured.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::parts::{body, offset, put};
use crate::app::App;
use crate::model::dates::{Span as Months, fiscal_year_label};
use crate::model::filter::is_overdue;
use crate::model::{Address, YearMonth};
use crate::ui::cells::put_line;
use crate::ui::text::pane_title;
use crate::ui::text::{truncate, width};
use crate::ui::theme;
use crate::words::Say;
use crate::words::tell::Pane;

/// Months of the open plans' fiscal years, first to last.
fn span(app: &App) -> Months {
    let years = app.docs().iter().map(|d| d.plan.fiscal_year);
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let first = if first == i32::MAX {
        app.month().year
    } else {
        first
    };
    Months {
        start: Months::fiscal_year(first).start,
        end: Months::fiscal_year(last.max(first)).end,
    }
}

fn months_between(start: YearMonth, end: YearMonth) -> usize {
    let index = |m: YearMonth| i64::from(m.year) * 12 + i64::from(m.month);
    usize::try_from(index(end) - index(start) + 1).unwrap_or(0)
}

fn month_at(start: YearMonth, i: usize) -> YearMonth {
    let n = i64::from(start.year) * 12 + i64::from(start.month) - 1 + i64::try_from(i).unwrap_or(0);
    YearMonth {
        year: i32::try_from(n / 12).unwrap_or(start.year),
        month: u8::try_from(n % 12 + 1).unwrap_or(1),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let span = span(app);
    let months = months_between(span.start, span.end).max(1);
    let label = if months <= 12 {
        fiscal_year_label(span.start.year)
    } else {
        format!("{}..{}", span.start, span.end)
    };
    pane_title(&Pane::Timeline { span: label }.say(app.lang()), area, buf);
    let body = body(area);
    let full = usize::from(body.width);
    let name_width = (full / 3).clamp(8, 24);
    let step = (full.saturating_sub(name_width + 1) / months).clamp(1, 3);
    let today = app.month();

    // Quarter months across the top (4, 7, 10, 1), each where it starts.
    let mut header = " ".repeat(name_width + 1);
    let mut pending = String::new();
    for i in 0..months {
        let month = month_at(span.start, i).month;
        if matches!(month, 1 | 4 | 7 | 10) {
            pending = month.to_string();
        }
        let cell: String = pending.chars().take(step).collect();
        pending = pending.chars().skip(step).collect();
        header.push_str(&format!("{cell:<step$}"));
    }
    put_line(
        buf,
        body.x,
        body.y,
        &Line::styled(truncate(&header, full), theme::DIM),
        body.width,
    );

    let rows = projects(app);
    let selected = app.selected_node().and_then(|n| {
        rows.iter()
            .position(|r| r.0 == n.plan() && r.1 == n.address())
    });
    let height = usize::from(body.height.saturating_sub(1));
    let first = offset(selected, rows.len(), height);
    for (i, &(doc, address)) in rows.iter().enumerate().skip(first).take(height) {
        let plan = &app.docs()[doc].plan;
        let Address::Project(s, m, p) = address else {
            continue;
        };
        let project = &plan.strategies[s].measures[m].projects[p];
        let overdue = is_overdue(plan, project, today);
        let flag = if overdue { "!" } else { " " };
        let name = truncate(&format!("{flag}{}", project.name), name_width);
        let mut spans = vec![Span::styled(
            format!(
                "{name}{} ",
                " ".repeat(name_width.saturating_sub(width(&name)))
            ),
            if overdue {
                theme::ERROR
            } else {
                Style::default()
            },
        )];
        for month in 0..months {
            let at = month_at(span.start, month);
            let inside = project.period.start().is_none_or(|s| s <= at)
                && project.period.end().is_none_or(|e| at <= e);
            let cell = match (inside, at == today) {
                (true, _) => "=".repeat(step),
                (false, true) => format!("{:<step$}", "|"),
                (false, false) => " ".repeat(step),
            };
            let style = match (inside, at == today, overdue) {
                (true, true, _) => theme::SELECTED,
                (true, false, true) => theme::ERROR,
                (true, false, false) => theme::AMOUNT,
                _ => theme::DIM,
            };
            spans.push(Span::styled(cell, style));
        }
        let y = body.y + 1 + u16::try_from(i - first).unwrap_or(0);
        put(buf, body, y, Line::from(spans), Some(i) == selected);
    }
}

/// Every project of the open plans, in tree order, each once.
fn projects(app: &App) -> Vec<(usize, Address)> {
    let mut out = Vec::new();
    for (doc, d) in app.docs().iter().enumerate() {
        for (s, strategy) in d.plan.strategies.iter().enumerate() {
            for (m, measure) in strategy.measures.iter().enumerate() {
                out.extend((0..measure.projects.len()).map(|p| (doc, Address::Project(s, m, p))));
            }
        }
    }
    out
}
