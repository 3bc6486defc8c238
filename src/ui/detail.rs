//! The detail pane: every field of the selected node, soft-wrapped, then
//! what the node contains and its totals.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::cells::put_line;
use super::text::{pane_title, truncate, wrap};
use super::theme;
use crate::app::{App, Focus};
mod contents;

use contents::{contents, inherited};
pub use contents::{gauge, progress_gauge};

use crate::model::dates::fiscal_year_label;
use crate::model::department::department;
use crate::model::fields::{Field, field_text};
use crate::model::levels::Role;
use crate::model::money::group_thousands;
use crate::model::{Address, Plan, Total};
use crate::model::{find, grade, pace};
use crate::tree::{Place, describe};
use crate::words::tell::Pane;
use crate::words::{Lang, Say};

/// Lines of the pane and, per field, the first line and line count.
struct Content {
    lines: Vec<Line<'static>>,
    fields: Vec<(usize, usize)>,
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let Some(node) = app.selected_node() else {
        return;
    };
    let plans = app.plans();
    let plan = plans[node.plan()];
    pane_title(&breadcrumb(&plans, node), area, buf);

    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let content = content(app, plan, node, usize::from(body.width));
    let offset = scroll_offset(
        &content,
        app.cursor().field(),
        usize::from(body.height),
        app.cursor().detail_scroll(),
    );
    for (i, line) in content
        .lines
        .iter()
        .skip(offset)
        .take(usize::from(body.height))
        .enumerate()
    {
        let y = body.y + u16::try_from(i).unwrap_or(0);
        put_line(buf, body.x, y, line, body.width);
    }
}

/// Keeps the selected field on screen; PageDown/PageUp add to that.
fn scroll_offset(content: &Content, field: usize, height: usize, extra: u16) -> usize {
    (base_offset(content, field, height) + usize::from(extra))
        .min(content.lines.len().saturating_sub(1))
}

fn base_offset(content: &Content, field: usize, height: usize) -> usize {
    let (start, len) = content.fields.get(field).copied().unwrap_or((0, 0));
    if start + len <= height { 0 } else { start }
}

/// The most the pane can be scrolled past the selected field at the
/// current size, so paging back up always moves the text at once.
pub fn max_scroll(app: &App, area: Rect) -> u16 {
    let Some(node) = app.selected_node() else {
        return 0;
    };
    let height = usize::from(area.height.saturating_sub(1));
    let plans = app.plans();
    let content = content(app, plans[node.plan()], node, usize::from(area.width));
    let last = content.lines.len().saturating_sub(1);
    u16::try_from(last.saturating_sub(base_offset(&content, app.cursor().field(), height)))
        .unwrap_or(u16::MAX)
}

fn breadcrumb(plans: &[&Plan], node: Place) -> String {
    let d = describe(plans[node.plan()], node.address());
    let plan = plans[node.plan()];
    let mut parts = vec![d.kind.to_owned()];
    let heading_label = |h: usize| {
        let heading = &plan.headings[h];
        match heading.label.is_empty() {
            true => heading.name.clone(),
            false => heading.label.clone(),
        }
    };
    match node.address() {
        Address::Plan => {}
        Address::Heading(h) => {
            let above = plan.heading_chain(h);
            parts.extend(above[..above.len() - 1].iter().map(|&h| heading_label(h)));
        }
        Address::Strategy(s)
        | Address::Kpi(s, _)
        | Address::Measure(s, _)
        | Address::Project(s, _, _) => {
            parts.extend(plan.headings_of(s).into_iter().map(heading_label));
            parts.push(plan.strategies[s].label.clone());
        }
    }
    if let Place::Measure {
        strategy,
        kpi: Some(k),
        ..
    }
    | Place::Project {
        strategy,
        kpi: Some(k),
        ..
    } = node
    {
        parts.push(plan.strategies[strategy].kpis[k].label.clone());
    }
    if let Address::Kpi(s, k) = node.address() {
        parts.push(plan.strategies[s].kpis[k].label.clone());
    }
    if let Address::Measure(s, m) | Address::Project(s, m, _) = node.address() {
        parts.push(plan.strategies[s].measures[m].label.clone());
    }
    // Parts a plan shows no row for have no label.
    parts.retain(|part| !part.is_empty());
    parts.join(" / ")
}

fn shown_when_set(field: Field, address: Address) -> bool {
    match field {
        Field::Targets
        | Field::BaselineAt
        | Field::EnteredAchievement
        | Field::Score
        | Field::Reason => true,
        // Projects are graded in most plans, KPIs and measures in few.
        Field::Evaluation => !matches!(address, Address::Project(..)),
        _ => false,
    }
}

/// A field's heading; a node's name (a KPI's statement) is headed by the
/// plan's own word for its level where the plan names its levels.
fn field_heading(plan: &Plan, address: Address, field: Field) -> String {
    let named = !plan.levels.is_empty();
    let level = |role: Role| named.then(|| plan.level_name(role));
    let own = match (field, address) {
        (Field::Name, Address::Heading(h)) => {
            let depth = plan.heading_chain(h).len() - 1;
            Some(format!("{}名", plan.heading_name(depth)))
        }
        (Field::Name, Address::Strategy(..)) => level(Role::Strategy).map(|l| format!("{l}名")),
        (Field::Statement, Address::Kpi(..)) => level(Role::Kpi).map(str::to_owned),
        (Field::Name, Address::Measure(..)) => level(Role::Measure).map(|l| format!("{l}名")),
        (Field::Name, Address::Project(..)) => level(Role::Project).map(|l| format!("{l}名")),
        (Field::Budget, _) if !plan.budget_figures.is_empty() => {
            Some(plan.totalled_figure().to_owned())
        }
        (Field::Score, _) => plan.score.as_ref().map(|axis| axis.name.clone()),
        _ => None,
    };
    own.unwrap_or_else(|| field.heading_at(address).to_owned())
}

fn content(app: &App, plan: &Plan, node: Place, width: usize) -> Content {
    let mut out = Content {
        lines: Vec::new(),
        fields: Vec::new(),
    };
    let address = node.address();
    let inner = width.saturating_sub(2);
    for (i, &field) in app.fields().iter().enumerate() {
        let start = out.lines.len();
        let selected = i == app.cursor().field()
            && app.cursor().focus() == Focus::Detail
            && app.editor().is_none();
        let style = if selected {
            theme::SELECTED
        } else {
            theme::HEADING
        };
        out.lines.push(Line::styled(
            truncate(&field_heading(plan, address, field), width),
            style,
        ));
        let value = display_value(
            plan,
            address,
            field,
            app.settings().gregorian_dates(),
            app.lang(),
        );
        // A KPI's fields over time are few plans' concern: shown once set,
        // or while the cursor is on them to be filled in.
        if value.is_empty() && !selected && shown_when_set(field, address) {
            out.lines.truncate(start);
            out.fields.push((start, 0));
            continue;
        }
        if value.is_empty() {
            out.lines.push(Line::styled("  -", theme::DIM));
        }
        for item in value.lines() {
            for piece in wrap(item, inner) {
                out.lines
                    .push(highlighted(&format!("  {piece}"), app.search_query()));
            }
        }
        out.fields.push((start, out.lines.len() - start));
    }
    let total = app
        .tree()
        .row(app.selected_row().unwrap_or(usize::MAX))
        .map_or(Some(Total::default()), |n| {
            app.total_is_final(n.place).then_some(n.total)
        });
    for (heading, items) in contents(plan, address, total, app.lang()) {
        out.lines.push(Line::styled(heading, theme::HEADING));
        for item in items {
            for piece in wrap(&item, inner) {
                out.lines
                    .push(Line::styled(format!("  {piece}"), Style::default()));
            }
        }
    }
    out
}

/// A line with the search matches in it marked.
fn highlighted(text: &str, query: Option<&str>) -> Line<'static> {
    let ranges = query
        .map(|q| find::char_ranges(text, q))
        .unwrap_or_default();
    if ranges.is_empty() {
        return Line::from(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut at = 0;
    for range in ranges {
        spans.push(Span::raw(chars[at..range.start].iter().collect::<String>()));
        spans.push(Span::styled(
            chars[range.clone()].iter().collect::<String>(),
            theme::MATCH,
        ));
        at = range.end;
    }
    spans.push(Span::raw(chars[at..].iter().collect::<String>()));
    Line::from(spans)
}

/// A field as the pane shows it: amounts with separators and unit, dates as
/// written (with their Gregorian reading) or, when switched, Gregorian only.
fn display_value(
    plan: &Plan,
    address: Address,
    field: Field,
    gregorian: bool,
    lang: Lang,
) -> String {
    let text = field_text(plan, address, field);
    match (field, address) {
        (Field::Budget, _) if text.is_empty() => text,
        (Field::Budget, _) => format!("{text}{}", plan.unit),
        (Field::Figures, Address::Project(s, m, p)) => {
            let project = &plan.strategies[s].measures[m].projects[p];
            let lines: Vec<String> = plan
                .other_figures()
                .iter()
                .map(|name| match project.figure(name) {
                    Some(amount) => format!("{name}  {}{}", group_thousands(amount), plan.unit),
                    None => format!("{name}  -"),
                })
                .collect();
            lines.join("\n")
        }
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
        (Field::Evaluation, Address::Kpi(s, k)) => {
            let kpi = &plan.strategies[s].kpis[k];
            let entered = if text.is_empty() {
                String::new()
            } else {
                marked(plan, &text)
            };
            // The grade the plan's rule computes, beside the one entered.
            match pace::computed_grade(plan, kpi) {
                Some(computed) => {
                    let grade = marked(plan, computed);
                    let entered = if entered.is_empty() { "-" } else { &entered };
                    let mut text = format!("{entered}\n{}", Pane::ByRule { grade }.say(lang));
                    if pace::disagreement(plan, kpi).is_some() {
                        text = format!("{text}\n{}", Pane::Differs.say(lang));
                    }
                    text
                }
                None => entered,
            }
        }
        (Field::Evaluation, _) if !text.is_empty() => marked(plan, &text),
        (Field::Score, _) if !text.is_empty() => match &plan.score {
            Some(axis) => format!("{text} / {}", axis.max),
            None => text,
        },
        (Field::Owner, _) if text.is_empty() => department(plan, address)
            .map(|d| inherited(plan, d.name, d.inherited_from, lang))
            .unwrap_or_default(),
        (Field::FiscalYear, _) => {
            let year: i32 = text.parse().unwrap_or(plan.fiscal_year);
            let note = Pane::FiscalYearNote { year }.say(lang);
            format!("{} {note}", fiscal_year_label(year))
        }
        _ => text,
    }
}

/// A grade with its marker, `[◎] 計画以上`; as written when off the scale.
fn marked(plan: &Plan, text: &str) -> String {
    match grade::find(&plan.evaluation_scale, text) {
        Some(g) => format!("[{}] {}", g.marker, g.name),
        None => text.to_owned(),
    }
}
