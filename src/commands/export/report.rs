//! The plan as a Markdown report to print or paste: its levels (strategy →
//! KPI → measure → project, or its own, headings above) as the app's tree
//! shows them. A measure serving two KPIs
//! appears under both; every subtotal comes from `model::totals`, so totals
//! count each project once.

use std::fmt::Write as _;
use std::path::Path;

use crate::commands::neutral;
use crate::model::achievement::{achievement, percent};
use crate::model::dates::fiscal_year_label;
use crate::model::fields::{Field, target_text};
use crate::model::levels::Role;
use crate::model::money::group_thousands;
use crate::model::pace::computed_grade;
use crate::model::totals::{
    format_totals, kpi_total, measure_total, plan_total, strategy_total, totals_by_unit,
};
use crate::model::{Kpi, Measure, Plan, Project, Strategy, Total};

/// The report, printable: no character of a plan or a file name that a
/// terminal acts on is written as it is. A spreadsheet that a report is
/// pasted into runs nothing either: every line starts with Markdown
/// (`#`, `-`, spaces) or fixed text, never with a value.
pub fn to_markdown(plans: &[(&Path, &Plan)]) -> String {
    let mut text = String::new();
    for &(path, plan) in plans {
        plan_section(&mut text, path, plan);
    }
    let refs: Vec<&Plan> = plans.iter().map(|(_, p)| *p).collect();
    let grand: Total = refs.iter().map(|p| plan_total(p)).sum();
    let _ = write!(
        text,
        "# 総計\n\n{}（{}件、{}計画）\n",
        format_totals(&totals_by_unit(&refs)),
        grand.projects,
        plans.len()
    );
    neutral::printable(&text).into_owned()
}

fn plan_section(text: &mut String, path: &Path, plan: &Plan) {
    let _ = write!(
        text,
        "# {}\n\n- {}: {}\n- 予算合計: {}\n- ファイル: {}\n\n",
        escape(&plan.title),
        Field::FiscalYear.heading(),
        fiscal_year_label(plan.fiscal_year),
        amount(plan, plan_total(plan)),
        escape(&path.display().to_string())
    );
    let counts = crate::commands::grade_counts::lines(plan);
    for line in &counts {
        let _ = writeln!(text, "- {}", escape(line));
    }
    if !counts.is_empty() {
        text.push('\n');
    }
    let mut open: Vec<usize> = Vec::new();
    for (s, strategy) in plan.strategies.iter().enumerate() {
        let chain = plan.headings_of(s);
        let kept = open.iter().zip(&chain).take_while(|(a, b)| a == b).count();
        for (depth, &h) in chain.iter().enumerate().skip(kept) {
            heading_section(text, plan, h, depth);
        }
        open = chain;
        if plan.shows(Role::Strategy) {
            let _ = write!(
                text,
                "{} {}{}\n\n小計: {}\n\n{}",
                marks(plan, Role::Strategy),
                escape(&strategy.label),
                escape(&strategy.name),
                amount(plan, strategy_total(strategy)),
                department_line(&strategy.owner)
            );
            let (evaluation, reason) = (&strategy.evaluation, &strategy.reason);
            if !evaluation.is_empty() || strategy.score.is_some() || !reason.is_empty() {
                graded_lines(text, plan, evaluation, strategy.score, reason, None);
                text.push('\n');
            }
        }
        for (k, kpi) in strategy.kpis.iter().enumerate() {
            kpi_section(text, plan, kpi, kpi_total(strategy, k));
            for m in strategy.measures_of_kpi(k) {
                measure_section(text, plan, &strategy.measures[m]);
            }
        }
        unlinked_section(text, plan, strategy);
    }
}

/// A Markdown heading's marks for the level of `role`: `##` for the top
/// level shown, one more a level down, at most six.
fn marks(plan: &Plan, role: Role) -> String {
    let roles = plan.roles();
    let depth = roles.iter().position(|r| *r == role).unwrap_or(roles.len());
    "#".repeat((depth + 2).min(6))
}

/// Heading `h` (at heading level `depth`) and the total of what it holds.
fn heading_section(text: &mut String, plan: &Plan, h: usize, depth: usize) {
    let heading = &plan.headings[h];
    let total: Total = (0..plan.strategies.len())
        .filter(|&s| plan.headings_of(s).contains(&h))
        .map(|s| strategy_total(&plan.strategies[s]))
        .sum();
    let _ = write!(
        text,
        "{} {}{}\n\n小計: {}\n\n{}",
        "#".repeat((depth + 2).min(6)),
        escape(&heading.label),
        escape(&heading.name),
        amount(plan, total),
        department_line(&heading.owner)
    );
}

fn kpi_section(text: &mut String, plan: &Plan, kpi: &Kpi, total: Total) {
    let reached = match achievement(kpi, plan.achievement) {
        Some(a) => format!(
            "{}（{} 実績 {}{}）",
            percent(a.rate),
            fiscal_year_label(a.fiscal_year),
            a.actual,
            kpi.target.unit
        ),
        None if kpi.actuals.is_empty() => "実績なし".to_owned(),
        // Measured against a target in words (全国1位): no rate.
        None => "達成率なし".to_owned(),
    };
    let _ = write!(
        text,
        "{} ＫＰＩ{} {}\n\n- {}: {}\n- 達成度: {}\n",
        marks(plan, Role::Kpi),
        escape(&kpi.label),
        escape(&kpi.statement),
        Field::Target.heading(),
        escape(&target_text(&kpi.target)),
        escape(&reached),
    );
    let computed = computed_grade(plan, kpi);
    graded_lines(
        text,
        plan,
        &kpi.evaluation,
        kpi.score,
        &kpi.reason,
        computed,
    );
    let _ = write!(text, "- 小計: {}\n\n", amount(plan, total));
}

/// `- 評価: …`, the grade by the plan's rule (marked where it is not the
/// one entered), the score on the plan's axis and the reason, each where
/// there is one.
fn graded_lines(
    text: &mut String,
    plan: &Plan,
    evaluation: &str,
    score: Option<u64>,
    reason: &str,
    computed: Option<&str>,
) {
    if !evaluation.is_empty() {
        let _ = writeln!(
            text,
            "- {}: {}",
            Field::Evaluation.heading(),
            escape(evaluation)
        );
    }
    if let Some(computed) = computed {
        let differs = !evaluation.is_empty() && evaluation != computed;
        let mark = if differs {
            "（入力と異なる）"
        } else {
            ""
        };
        let _ = writeln!(text, "- 評価の基準による: {}{mark}", escape(computed));
    }
    if let Some(score) = score {
        let (name, max) = plan
            .score
            .as_ref()
            .map_or((Field::Score.heading(), String::new()), |a| {
                (a.name.as_str(), format!("/{}", a.max))
            });
        let _ = writeln!(text, "- {}: {score}{max}", escape(name));
    }
    if !reason.is_empty() {
        let _ = writeln!(text, "- {}: {}", Field::Reason.heading(), block(reason));
    }
}

/// Measures serving none of the strategy's KPIs, as the tree shows them
/// directly under the strategy.
fn unlinked_section(text: &mut String, plan: &Plan, strategy: &Strategy) {
    let unlinked: Vec<usize> = strategy.unlinked_measures().collect();
    if unlinked.is_empty() {
        return;
    }
    if !plan.shows(Role::Kpi) {
        for m in unlinked {
            measure_section(text, plan, &strategy.measures[m]);
        }
        return;
    }
    let total: Total = unlinked
        .iter()
        .map(|&m| measure_total(&strategy.measures[m]))
        .sum();
    let _ = write!(
        text,
        "{} 対象ＫＰＩなし\n\n- 小計: {}\n\n",
        marks(plan, Role::Kpi),
        amount(plan, total)
    );
    for m in unlinked {
        measure_section(text, plan, &strategy.measures[m]);
    }
}

fn measure_section(text: &mut String, plan: &Plan, measure: &Measure) {
    if !plan.shows(Role::Measure) {
        for project in &measure.projects {
            project_section(text, plan, project);
        }
        return;
    }
    let _ = write!(
        text,
        "{} {}{}\n\n小計: {}\n\n{}",
        marks(plan, Role::Measure),
        escape(&measure.label),
        escape(&measure.name),
        amount(plan, measure_total(measure)),
        department_line(&measure.owner)
    );
    let (evaluation, reason) = (&measure.evaluation, &measure.reason);
    if !evaluation.is_empty() || measure.score.is_some() || !reason.is_empty() {
        graded_lines(text, plan, evaluation, measure.score, reason, None);
        text.push('\n');
    }
    for project in &measure.projects {
        project_section(text, plan, project);
    }
}

fn project_section(text: &mut String, plan: &Plan, project: &Project) {
    let marks = marks(plan, Role::Project);
    let _ = writeln!(text, "{marks} {}\n", escape(&project.name));
    let mut field = |name: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(text, "- {name}: {}", block(value));
        }
    };
    field(Field::Owner.heading(), &project.owner);
    field(Field::Overview.heading(), &project.overview);
    field(Field::Period.heading(), project.period.as_str());
    if let Some(budget) = project.budget {
        field(
            plan.totalled_figure(),
            &format!("{}{}", group_thousands(budget), plan.unit),
        );
    }
    for name in plan.other_figures() {
        if let Some(amount) = project.figure(name) {
            field(name, &format!("{}{}", group_thousands(amount), plan.unit));
        }
    }
    field(Field::BudgetNote.heading(), &project.budget_note);
    field(Field::Evaluation.heading(), &project.evaluation);
    if project.score().is_some() || !project.reason().is_empty() {
        graded_lines(text, plan, "", project.score(), project.reason(), None);
    }
    let schedule: Vec<String> = project.schedule.iter().map(|e| e.to_line()).collect();
    list(text, Field::Schedule.heading(), &schedule);
    list(text, Field::Analysis.heading(), &project.analysis);
    text.push('\n');
}

/// `担当課: 人事課` under a strategy's or a measure's heading, where the
/// plan names its department (the projects under it without one of their
/// own are in its charge).
fn department_line(owner: &str) -> String {
    if owner.is_empty() {
        String::new()
    } else {
        format!("{}: {}\n\n", Field::Owner.heading(), escape(owner))
    }
}

/// A nested bullet list; a leading `・` is dropped, the bullet shows it.
fn list(text: &mut String, name: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(text, "- {name}:");
    for item in items {
        let item = item.strip_prefix('・').unwrap_or(item);
        let _ = writeln!(text, "  - {}", block(item));
    }
}

/// `7,350千円（2件）`.
fn amount(plan: &Plan, total: Total) -> String {
    format!(
        "{}{}（{}件）",
        group_thousands(total.budget),
        plan.unit,
        total.projects
    )
}

/// Text that may span lines, inside a list item: later lines are indented
/// under the item and kept apart by a hard line break.
fn block(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(escape).collect();
    lines.join("\\\n    ")
}

/// Characters Markdown would take as markup, escaped, so names print as
/// written; a line break becomes a space, so a value never starts a line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push(' ');
            continue;
        }
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{block, escape};

    #[test]
    fn escapes_markup_and_keeps_line_breaks() {
        assert_eq!(escape("a*b_c"), "a\\*b\\_c");
        assert_eq!(block("一行目\n二行目"), "一行目\\\n    二行目");
    }
}
