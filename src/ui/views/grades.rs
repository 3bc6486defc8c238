//! Counts of grades of the selection's plan, as progress reports publish
//! them: projects by their evaluation, KPIs by the grade the plan's rule
//! gives their rate, each grade with its count and share, and a 合計.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::parts::{body, put};
use crate::app::App;
use crate::model::levels::Role;
use crate::model::tally::{Level, Tally, counted};
use crate::tree::Place;
use crate::ui::text::{pane_title, right_align, truncate, width};
use crate::words::tell::Pane;
use crate::words::{Lang, Say};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let doc = app.selected_node().map_or(0, Place::plan);
    let (Some(plan), Some(projects)) = (app.docs().get(doc).map(|d| &d.plan), app.tally(doc))
    else {
        return;
    };
    let lang = app.lang();
    let title = format!("{}  {}", Pane::GradeCounts.say(lang), plan.title);
    pane_title(&title, area, buf);
    // The levels of the selected node's kind come first: on a small
    // screen the counts a user is looking at stay in sight.
    let mut levels = counted(plan, Some(projects.clone()), true);
    let first: &[Level] = match app.selected_node() {
        Some(Place::Kpi { .. }) => &[Level::Kpis, Level::KpisByRule],
        Some(Place::Measure { .. }) => &[Level::Measures],
        Some(Place::Strategy { .. }) => &[Level::Strategies],
        _ => &[],
    };
    levels.sort_by_key(|c| !first.contains(&c.level));
    let mut lines = Vec::new();
    for counted in levels {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        // In the plan's own word for the level, where it names one.
        let role = match counted.level {
            Level::Strategies => Role::Strategy,
            Level::Projects => Role::Project,
            Level::Measures => Role::Measure,
            Level::Kpis | Level::KpisByRule => Role::Kpi,
        };
        let own = plan.own_level_name(role).map(str::to_owned);
        let (heading, ungraded) = match (counted.level, own) {
            (Level::KpisByRule, Some(level)) => (Pane::GradedLevelByRule { level }, Pane::NoRate),
            (Level::KpisByRule, None) => (Pane::KpisByRule, Pane::NoRate),
            (_, Some(level)) => (Pane::GradedLevel { level }, Pane::Ungraded),
            (Level::Projects, None) => (Pane::ProjectsByGrade, Pane::Ungraded),
            (Level::Measures, None) => (Pane::MeasuresByGrade, Pane::Ungraded),
            (Level::Strategies, None) => (Pane::StrategiesByGrade, Pane::Ungraded),
            (Level::Kpis, None) => (Pane::KpisByGrade, Pane::Ungraded),
        };
        let grades = counted.grades.iter().copied();
        lines.extend(level(lang, heading, grades, &counted.tally, ungraded));
    }
    let body = body(area);
    let full = usize::from(body.width);
    for (y, text) in (body.y..body.bottom()).zip(&lines) {
        put(buf, body, y, Line::from(truncate(text, full)), false);
    }
}

/// A level's heading, then a line per grade, the ungraded (and grades off
/// the scale) when there are any, and the 合計.
fn level<'a>(
    lang: Lang,
    heading: Pane,
    grades: impl Iterator<Item = &'a str>,
    tally: &Tally,
    ungraded: Pane,
) -> Vec<String> {
    let mut rows: Vec<(String, u64)> = grades
        .zip(&tally.counts)
        .map(|(grade, &count)| (grade.to_owned(), count))
        .collect();
    if tally.other > 0 {
        rows.push((Pane::OffScale.say(lang), tally.other));
    }
    if tally.ungraded > 0 {
        rows.push((ungraded.say(lang), tally.ungraded));
    }
    rows.push((Pane::Total.say(lang), tally.total()));
    let name_width = rows.iter().map(|(g, _)| width(g)).max().unwrap_or(0);
    let mut lines = vec![heading.say(lang)];
    lines.extend(rows.iter().map(|(grade, count)| {
        let projects = usize::try_from(*count).unwrap_or(usize::MAX);
        let count_text = Pane::Count { projects }.say(lang);
        let share = format!("{:.1}%", tally.share(*count) * 100.0);
        let pad = " ".repeat(name_width - width(grade));
        format!(
            "  {grade}{pad} {} {}",
            right_align(&count_text, 8),
            right_align(&share, 6)
        )
    }));
    lines
}
