//! The counts of grades as `summary` and the Markdown report print them,
//! one line per level, in the words progress reports use: a grade, its
//! count and share, then the 合計. Printed only for a plan that grades.

use super::neutral;
use crate::model::Plan;
use crate::model::levels::Role;
use crate::model::pace::disagreement;
use crate::model::tally::{Level, Tally, counted};

/// `事業（評価）: 順調 2件（66.7%）、… 合計 3件` for the projects, and the
/// same for the measures and KPIs by their grades entered and the KPIs by
/// the plan's grading rule; nothing for a level nobody grades (or without
/// a rule). Then the KPIs whose grade entered is not the rule's. Grade
/// names are the plan's: neutralised for a terminal.
pub fn lines(plan: &Plan) -> Vec<String> {
    let mut lines: Vec<String> = counted(plan, None, false)
        .iter()
        .map(|c| {
            let (level, ungraded) = words(plan, c.level);
            line(&level, c.grades.iter().copied(), &c.tally, ungraded)
        })
        .collect();
    let differ = disagreements(plan);
    if !differ.is_empty() {
        lines.push(format!("評価の基準と異なるＫＰＩ: {}", differ.join("、")));
    }
    lines
}

/// A level's name and the word for its nodes without a grade, as the
/// tables print them, in the plan's own word for the level where it names
/// one (政策項目（評価）).
pub fn words(plan: &Plan, level: Level) -> (String, &'static str) {
    let role = match level {
        Level::Strategies => Role::Strategy,
        Level::Projects => Role::Project,
        Level::Measures => Role::Measure,
        Level::Kpis | Level::KpisByRule => Role::Kpi,
    };
    let own = plan.own_level_name(role);
    let (heading, ungraded) = match (level, own) {
        (Level::KpisByRule, Some(own)) => (format!("{own}（評価の基準による）"), "達成率なし"),
        (Level::KpisByRule, None) => ("ＫＰＩ（評価の基準による）".to_owned(), "達成率なし"),
        (_, Some(own)) => (format!("{own}（評価）"), "未評価"),
        (Level::Projects, None) => ("事業（評価）".to_owned(), "未評価"),
        (Level::Measures, None) => ("施策（評価）".to_owned(), "未評価"),
        (Level::Strategies, None) => ("戦略（評価）".to_owned(), "未評価"),
        (Level::Kpis, None) => ("ＫＰＩ（評価）".to_owned(), "未評価"),
    };
    (heading, ungraded)
}

/// `（１）ⅰ 入力 A／基準 B` for each KPI whose entered grade is not the
/// one the plan's rule computes.
pub fn disagreements(plan: &Plan) -> Vec<String> {
    plan.strategies
        .iter()
        .flat_map(|s| s.kpis.iter().map(move |k| (s, k)))
        .filter_map(|(strategy, kpi)| {
            let computed = disagreement(plan, kpi)?;
            Some(format!(
                "{}{} 入力 {}／基準 {}",
                neutral::one_line(&strategy.label),
                neutral::one_line(&kpi.label),
                neutral::one_line(&kpi.evaluation),
                neutral::one_line(computed)
            ))
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::lines;
    use crate::model::Plan;

    /// Table 31 (成長戦略のKPIの進捗状況, 2019年度): A 63, B 74, F none (its
    /// KPIs were graded A or B from then on), N 20, 合計 157.
    #[test]
    fn table_31_s_counts_of_kpi_grades_with_their_shares() {
        let text =
            include_str!("../../plans/examples/30-naikakufu-saiko-senryaku-kpi-shinchoku.ron");
        let mut plan: Plan = ron::from_str(text).unwrap();
        plan.grading.clear();
        let kpi = plan.strategies[0].kpis[0].clone();
        plan.strategies[0].kpis = [("A", 63), ("B", 74), ("N", 20)]
            .into_iter()
            .flat_map(|(grade, count)| std::iter::repeat_n(grade, count))
            .map(|grade| {
                let mut kpi = kpi.clone();
                kpi.evaluation = grade.to_owned();
                kpi
            })
            .collect();
        assert_eq!(
            lines(&plan),
            [
                "ＫＰＩ（評価）: A 63件（40.1%）、B 74件（47.1%）、F 0件（0.0%）、N 20件（12.7%） 合計 157件"
            ]
        );
    }
}
