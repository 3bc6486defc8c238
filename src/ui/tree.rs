//! The tree pane: one row per visible node, only the rows on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::cells::put_line;
use super::layout::tree_body;
use super::text::{fit_spans, pane_title, right_align, truncate, width};
use super::theme;
use crate::app::{App, Focus};
use crate::model::achievement::{percent, rate};
use crate::model::department::department;
use crate::model::grade::{self, Colour};
use crate::model::{Address, Plan, pace};
use crate::tree::describe;
use crate::words::Say;
use crate::words::tell::Pane;

/// Cells kept for the name before an amount is shown at all.
const MIN_NAME_WIDTH: usize = 6;

/// Cells of the department column, when shown (`T`).
const DEPARTMENT_WIDTH: usize = 12;

/// The department column's cell for a row, padded to its width: the
/// node's department, dimmed when inherited. `None` while the column is
/// hidden or the pane is too narrow to keep a name beside it.
fn department_column(
    app: &App,
    plan: &Plan,
    address: Address,
    full: usize,
) -> Option<(String, Style)> {
    if !app.settings().departments_shown() || full < DEPARTMENT_WIDTH * 3 {
        return None;
    }
    let found = department(plan, address);
    let name = truncate(found.map_or("", |d| d.name), DEPARTMENT_WIDTH);
    let style = match found {
        Some(d) if d.inherited_from.is_some() => theme::DIM,
        _ => Style::default(),
    };
    let pad = " ".repeat(DEPARTMENT_WIDTH.saturating_sub(width(&name)));
    Some((format!("{name}{pad}"), style))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let title = match app.docs() {
        [doc] => doc.plan.title.clone(),
        docs => Pane::PlansOpen { count: docs.len() }.say(app.lang()),
    };
    pane_title(&title, area, buf);
    let plans = app.plans();
    let last = app
        .tree()
        .len()
        .min(app.cursor().tree_offset() + usize::from(tree_body(area).height));
    for row in app.cursor().tree_offset()..last {
        if let Some(row_area) = row_area(app, area, row) {
            render_row(app, &plans, row, row_area, buf);
        }
    }
}

/// Where the tree in `area` shows `row`, if it is on screen.
pub fn row_area(app: &App, area: Rect, row: usize) -> Option<Rect> {
    let body = tree_body(area);
    let on_screen = row
        .checked_sub(app.cursor().tree_offset())
        .filter(|r| *r < usize::from(body.height) && row < app.tree().len())?;
    let y = body.y + u16::try_from(on_screen).ok()?;
    Some(Rect::new(body.x, y, body.width, 1))
}

/// Draws one row of the tree into `area`, a line of the tree's body.
pub fn render_row(app: &App, plans: &[&Plan], row: usize, area: Rect, buf: &mut Buffer) {
    let Some(node) = app.tree().row(row) else {
        return;
    };
    let marker = if !app.tree().row_has_children(row) {
        theme::LEAF
    } else if app.tree().row_is_collapsed(row) {
        theme::COLLAPSED
    } else {
        theme::EXPANDED
    };
    let d = describe(plans[node.place.plan()], node.place.address());
    let plan = plans[node.place.plan()];
    // Search matches are underlined and bold, not only coloured.
    let name_style = if app.node_matches(node.place) {
        theme::MATCH
    } else {
        Style::default()
    };
    let indent = "  ".repeat(usize::from(node.depth));
    let mut parts = vec![(format!("{indent}{marker}"), Style::default())];
    match node.place.address() {
        Address::Kpi(s, k) => {
            parts.push((format!("{} {} ", d.kind, d.label), Style::default()));
            // No actuals is "--", never 0 %; one entered by hand is in
            // brackets, as the detail pane marks it （手入力）.
            let rate = match rate(&plan.strategies[s].kpis[k], plan.achievement) {
                None => "--".to_owned(),
                Some((rate, false)) => percent(rate),
                Some((rate, true)) => format!("({})", percent(rate)),
            };
            parts.push((rate, theme::RATE));
            parts.push((" ".to_owned(), Style::default()));
            let kpi = &plan.strategies[s].kpis[k];
            // The rule computes another grade than the one entered.
            if pace::disagreement(plan, kpi).is_some() {
                parts.push(("！".to_owned(), theme::grade(Colour::Red)));
            }
            grade_marker(plan, &kpi.evaluation, &mut parts);
            parts.push((d.name.to_owned(), name_style));
        }
        Address::Strategy(s) => {
            grade_marker(plan, &plan.strategies[s].evaluation, &mut parts);
            parts.push((label_and_name(&d), name_style));
        }
        Address::Measure(s, m) => {
            let measure = &plan.strategies[s].measures[m];
            grade_marker(plan, &measure.evaluation, &mut parts);
            parts.push((label_and_name(&d), name_style));
        }
        Address::Project(s, m, p) => {
            let project = &plan.strategies[s].measures[m].projects[p];
            grade_marker(plan, &project.evaluation, &mut parts);
            parts.push((d.name.to_owned(), name_style));
        }
        _ => parts.push((label_and_name(&d), name_style)),
    }
    let full = usize::from(area.width);
    // In a pane too narrow for name and amount, the amount goes whole:
    // a clipped number would read as a different amount.
    let amount = Some(if app.total_is_final(node.place) {
        node.total.shown()
    } else {
        Pane::Loading.say(app.lang())
    })
    .filter(|a| width(a) + 1 + MIN_NAME_WIDTH <= full)
    .unwrap_or_default();
    let column = department_column(app, plan, node.place.address(), full);
    // The department column, with a space before it, stands between the
    // name and the amount.
    let reserved = column.as_ref().map_or(0, |_| DEPARTMENT_WIDTH + 1);
    let name_room = full.saturating_sub(width(&amount) + 1 + reserved);
    let (mut spans, used) = fit_spans(parts, name_room);
    let used = if let Some((text, style)) = column {
        spans.push(Span::raw(" ".repeat(name_room.saturating_sub(used) + 1)));
        spans.push(Span::styled(text, style));
        name_room + reserved
    } else {
        used
    };
    spans.push(Span::raw(" "));
    spans.push(Span::styled(
        right_align(&amount, full.saturating_sub(used + 1)),
        theme::AMOUNT,
    ));
    let line = Line::from(spans);
    put_line(buf, area.x, area.y, &line, area.width);
    if app.selected_row() == Some(row) {
        let style = if app.cursor().focus() == Focus::Tree && app.editor().is_none() {
            theme::SELECTED
        } else {
            theme::SELECTED_UNFOCUSED
        };
        buf.set_style(area, style);
    }
}

/// `[○]` in the grade's colour, for a node graded on the plan's scale.
/// `（1）名前`; a node whose table gives it neither label nor name (an
/// excerpt that names only the level) shows its level, in brackets.
fn label_and_name(d: &crate::tree::Describe) -> String {
    if d.label.is_empty() && d.name.is_empty() {
        format!("（{}）", d.kind)
    } else {
        format!("{}{}", d.label, d.name)
    }
}

fn grade_marker(plan: &Plan, evaluation: &str, parts: &mut Vec<(String, Style)>) {
    if let Some(g) = grade::find(&plan.evaluation_scale, evaluation) {
        parts.push((format!("[{}]", g.marker), theme::grade(g.colour)));
    }
}
