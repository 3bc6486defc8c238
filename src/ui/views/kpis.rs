//! Each KPI: target, baseline, actuals by year and the achievement gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::parts::{body, offset, put};
use crate::app::App;
use crate::model::fields::{actual_line, dated_target_line, target_text};
use crate::model::{Kpi, Plan, grade, pace};
use crate::tree::Place;
use crate::ui::detail::progress_gauge;
use crate::ui::text::pane_title;
use crate::ui::text::truncate;
use crate::words::tell::Pane;
use crate::words::{Lang, Say};

/// Lines a KPI takes (one more in a plan that grades KPIs).
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
    // A plan that grades its KPIs gives each a line for its grades.
    let graded = !plan.grading.is_empty()
        || kpis
            .iter()
            .any(|&(s, k)| !plan.strategies[s].kpis[k].evaluation.is_empty());
    let lines_each = LINES + usize::from(graded);
    let per_screen = usize::from(body.height) / lines_each;
    let first = offset(selected, kpis.len(), per_screen);
    for (i, &(s, k)) in kpis.iter().enumerate().skip(first).take(per_screen) {
        let kpi = &plan.strategies[s].kpis[k];
        let baseline = match (kpi.baseline, &kpi.baseline_at) {
            (Some(b), Some(at)) => format!("{b} ({at})"),
            (Some(b), None) => b.to_string(),
            (None, _) => "-".to_owned(),
        };
        let target = std::iter::once(target_text(&kpi.target))
            .chain(kpi.targets.iter().map(dated_target_line))
            .collect::<Vec<_>>()
            .join(" / ");
        let actuals = if kpi.actuals.is_empty() {
            Pane::NoActualsListed.say(lang)
        } else {
            kpi.actuals
                .iter()
                .map(actual_line)
                .collect::<Vec<_>>()
                .join(" / ")
        };
        let progress = progress_gauge(kpi, plan.achievement, 10, lang)
            .unwrap_or_else(|| Pane::NoAchievement.say(lang));
        let mut lines = vec![
            format!(
                "{} KPI {} {}",
                plan.strategies[s].label, kpi.label, kpi.statement
            ),
            Pane::TargetAndBaseline { target, baseline }.say(lang),
            Pane::ActualsList { actuals }.say(lang),
            format!("  {progress}"),
        ];
        if graded {
            lines.push(grades(plan, kpi, lang));
        }
        let top = body.y + u16::try_from((i - first) * lines_each).unwrap_or(0);
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

/// The grade entered for the KPI and the one the plan's rule computes,
/// marked where they differ: `  ！評価 [A] A／基準 [B] B`.
fn grades(plan: &Plan, kpi: &Kpi, lang: Lang) -> String {
    let marked = |name: &str| match grade::find(&plan.evaluation_scale, name) {
        Some(g) => format!("[{}] {}", g.marker, g.name),
        None => name.to_owned(),
    };
    let entered = if kpi.evaluation.is_empty() {
        "-".to_owned()
    } else {
        marked(&kpi.evaluation)
    };
    let grades = Pane::KpiGrades {
        entered,
        computed: pace::computed_grade(plan, kpi).map(marked),
        differs: pace::disagreement(plan, kpi).is_some(),
    };
    grades.say(lang)
}
