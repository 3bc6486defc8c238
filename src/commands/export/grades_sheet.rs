//! Sheet 評価の集計 of the workbook, for plans that grade: the counts of
//! grades at each level with their shares and a 合計, as the app's view
//! (key 5) and `summary` show them, then every graded node with its grade,
//! the grade the plan's rule computes, its score and the reason.

use std::path::Path;

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::commands::grade_counts::words;
use crate::model::fields::Field;
use crate::model::pace::{computed_grade, disagreement};
use crate::model::tally::counted;
use crate::model::{Plan, Strategy};

/// Whether any of `plans` grades something: only then is the sheet added.
pub fn grades_anything(plans: &[(&Path, &Plan)]) -> bool {
    plans.iter().any(|(_, plan)| {
        !counted(plan, None, false).is_empty() || graded_rows(plan).next().is_some()
    })
}

/// The sheet's rows: text cells, a share written as a number in percent.
pub enum Cell {
    Text(String),
    Count(u64),
    Share(f64),
}

pub fn write(
    sheet: &mut Worksheet,
    plans: &[(&Path, &Plan)],
    header: &Format,
    share: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("評価の集計")?;
    let mut row: u32 = 0;
    let mut put = |sheet: &mut Worksheet, cells: &[Cell], bold: bool| -> Result<(), XlsxError> {
        for (c, cell) in cells.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(text) if bold => {
                    sheet.write_string_with_format(row, col, text, header)?;
                }
                Cell::Text(text) => {
                    sheet.write_string(row, col, text)?;
                }
                // Counts stay far below 2^53.
                #[allow(clippy::cast_precision_loss)]
                Cell::Count(count) => {
                    sheet.write_number(row, col, *count as f64)?;
                }
                Cell::Share(value) => {
                    sheet.write_number_with_format(row, col, *value, share)?;
                }
            }
        }
        row += 1;
        Ok(())
    };
    let text = |t: &str| Cell::Text(t.to_owned());
    for (_, plan) in plans {
        if plans.len() > 1 {
            put(sheet, &[text("計画"), text(&plan.title)], true)?;
        }
        for c in counted(plan, None, false) {
            let (level, ungraded) = words(plan, c.level);
            put(sheet, &[text(&level), text("件数"), text("割合")], true)?;
            let mut lines: Vec<(String, u64)> = c
                .grades
                .iter()
                .zip(&c.tally.counts)
                .map(|(g, &n)| ((*g).to_owned(), n))
                .collect();
            if c.tally.other > 0 {
                lines.push(("尺度にない評価".to_owned(), c.tally.other));
            }
            if c.tally.ungraded > 0 {
                lines.push((ungraded.to_owned(), c.tally.ungraded));
            }
            lines.push(("合計".to_owned(), c.tally.total()));
            for (grade, count) in lines {
                let cells = [
                    text(&grade),
                    Cell::Count(count),
                    Cell::Share(c.tally.share(count)),
                ];
                put(sheet, &cells, false)?;
            }
            put(sheet, &[], false)?;
        }
        let mut graded = graded_rows(plan).peekable();
        if graded.peek().is_some() {
            let axis = plan
                .score
                .as_ref()
                .map_or(Field::Score.heading(), |a| a.name.as_str());
            let headings = [
                "区分",
                "名称",
                Field::Evaluation.heading(),
                "評価の基準による",
                axis,
                Field::Reason.heading(),
            ];
            put(sheet, &headings.map(text), true)?;
            for cells in graded {
                put(sheet, &cells, false)?;
            }
            put(sheet, &[], false)?;
        }
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(5, 50)?;
    Ok(())
}

/// Every KPI, measure and project with a grade, a score or a reason (or,
/// for a KPI, a grade by the rule), in table order.
fn graded_rows(plan: &Plan) -> impl Iterator<Item = [Cell; 6]> + '_ {
    plan.strategies
        .iter()
        .flat_map(move |strategy| strategy_rows(plan, strategy))
}

fn strategy_rows<'a>(
    plan: &'a Plan,
    strategy: &'a Strategy,
) -> impl Iterator<Item = [Cell; 6]> + 'a {
    let row = move |kind: &str,
                    name: String,
                    evaluation: &str,
                    computed: String,
                    score: Option<u64>,
                    reason: &str| {
        [
            Cell::Text(kind.to_owned()),
            Cell::Text(name),
            Cell::Text(evaluation.to_owned()),
            Cell::Text(computed),
            score.map_or(Cell::Text(String::new()), Cell::Count),
            Cell::Text(reason.to_owned()),
        ]
    };
    let kpis = strategy.kpis.iter().filter_map(move |kpi| {
        let computed = computed_grade(plan, kpi).map(|g| {
            if disagreement(plan, kpi).is_some() {
                format!("{g}（入力と異なる）")
            } else {
                g.to_owned()
            }
        });
        let graded = !kpi.evaluation.is_empty() || kpi.score.is_some() || !kpi.reason.is_empty();
        (graded || computed.is_some()).then(|| {
            let name = format!("{}ＫＰＩ{} {}", strategy.label, kpi.label, kpi.statement);
            row(
                "KPI",
                name,
                &kpi.evaluation,
                computed.unwrap_or_default(),
                kpi.score,
                &kpi.reason,
            )
        })
    });
    let measures = strategy.measures.iter().flat_map(move |measure| {
        let graded =
            !measure.evaluation.is_empty() || measure.score.is_some() || !measure.reason.is_empty();
        let own = graded.then(|| {
            let name = format!("{}{}", measure.label, measure.name);
            row(
                "施策",
                name,
                &measure.evaluation,
                String::new(),
                measure.score,
                &measure.reason,
            )
        });
        let projects = measure.projects.iter().filter_map(move |p| {
            let graded = !p.evaluation.is_empty() || p.score().is_some() || !p.reason().is_empty();
            graded.then(|| {
                row(
                    "事業",
                    p.name.clone(),
                    &p.evaluation,
                    String::new(),
                    p.score(),
                    p.reason(),
                )
            })
        });
        own.into_iter().chain(projects)
    });
    let graded =
        !strategy.evaluation.is_empty() || strategy.score.is_some() || !strategy.reason.is_empty();
    let own = graded.then(|| {
        let name = format!("{}{}", strategy.label, strategy.name);
        let (evaluation, reason) = (&strategy.evaluation, &strategy.reason);
        row(
            "戦略",
            name,
            evaluation,
            String::new(),
            strategy.score,
            reason,
        )
    });
    own.into_iter().chain(kpis).chain(measures)
}
