//! The counts of grades as `summary` and the Markdown report print them,
//! one line per level, in the words progress reports use: a grade, its
//! count and share, then the 合計. Printed only for a plan that grades.

use super::neutral;
use crate::model::Plan;
use crate::model::tally::Tally;

/// `事業（評価）: 順調 2件（66.7%）、… 合計 3件` for the projects, and the
/// same for the KPIs by the plan's grading rule; nothing for a plan
/// without a graded project or a grading rule. Grade names are the plan's:
/// neutralised for a terminal.
pub fn lines(plan: &Plan) -> Vec<String> {
    let projects = Tally::of_projects(plan);
    let graded = projects.total() > projects.ungraded;
    let mut lines = Vec::new();
    if graded {
        let names = plan.evaluation_scale.iter().map(|g| g.name.as_str());
        lines.push(line("事業（評価）", names, &projects, "未評価"));
    }
    if let Some(kpis) = Tally::of_kpis(plan) {
        let names = plan.grading.iter().map(|s| s.grade.as_str());
        lines.push(line(
            "ＫＰＩ（評価の基準による）",
            names,
            &kpis,
            "達成率なし",
        ));
    }
    lines
}

fn line<'a>(
    level: &str,
    names: impl Iterator<Item = &'a str>,
    tally: &Tally,
    ungraded: &str,
) -> String {
    let mut parts: Vec<(String, u64)> = names
        .zip(&tally.counts)
        .map(|(name, &count)| (neutral::one_line(name).into_owned(), count))
        .collect();
    if tally.other > 0 {
        parts.push(("尺度にない評価".to_owned(), tally.other));
    }
    if tally.ungraded > 0 {
        parts.push((ungraded.to_owned(), tally.ungraded));
    }
    let counted: Vec<String> = parts
        .iter()
        .map(|(name, count)| format!("{name} {count}件（{:.1}%）", tally.share(*count) * 100.0))
        .collect();
    format!("{level}: {} 合計 {}件", counted.join("、"), tally.total())
}
