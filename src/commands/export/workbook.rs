//! The table as an Excel workbook: sheet 事業一覧 with one row per project
//! and a total row Excel keeps up to date (a real SUM, so edits to budgets
//! in Excel still add up), and sheet 集計 with the totals the app shows.

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::grades_sheet;
use crate::commands::CommandError;
use crate::commands::levels_columns::LevelColumns;
use crate::commands::table::{self, COLUMNS, Column};
use crate::model::fields::Field;
use crate::model::money::group_thousands;
use crate::model::totals::{kpi_total, measure_total, plan_total, strategy_total, totals_by_unit};
use crate::model::{Plan, Total};

/// Widest column, in Excel's character units; longer text wraps.
const MAX_WIDTH: usize = 60;

/// The most characters Excel holds in a cell (rust_xlsxwriter counts them
/// as Rust characters too).
const MAX_CELL: usize = 32_767;

/// The workbook, or every cell too long for Excel (nothing is written then).
pub fn to_xlsx(plans: &[(&Path, &Plan)]) -> Result<Vec<u8>, Vec<CommandError>> {
    let too_long = too_long(plans);
    if !too_long.is_empty() {
        return Err(too_long);
    }
    build(plans).map_err(|reason| vec![CommandError::CannotWriteXlsx { reason }])
}

fn too_long(plans: &[(&Path, &Plan)]) -> Vec<CommandError> {
    let mut found = Vec::new();
    for (path, plan) in plans {
        for row in table::rows(plan) {
            for (column, cell) in Column::ALL.iter().zip(&row.cells) {
                // A cell has at least as many bytes as characters.
                let chars = if cell.len() > MAX_CELL {
                    cell.chars().count()
                } else {
                    0
                };
                if chars > MAX_CELL {
                    found.push(CommandError::CellTooLong {
                        file: path.to_path_buf(),
                        project: row.project.name.clone(),
                        column: column.heading(),
                        chars,
                    });
                }
            }
        }
    }
    found
}

fn build(plans: &[(&Path, &Plan)]) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    projects_sheet(workbook.add_worksheet(), plans, &styles)?;
    totals_sheet(workbook.add_worksheet(), plans, &styles)?;
    // A plan that grades nothing keeps the two sheets it always had.
    if grades_sheet::grades_anything(plans) {
        let share = Format::new().set_num_format("0.0%");
        grades_sheet::write(workbook.add_worksheet(), plans, &styles.header, &share)?;
    }
    workbook.save_to_buffer()
}

struct Styles {
    header: Format,
    text: Format,
    budget: Format,
    total_label: Format,
    total_budget: Format,
}

impl Styles {
    fn new() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        Self {
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin)
                .set_background_color("#DDEBF7"),
            text: top.clone().set_text_wrap(),
            budget: top.set_num_format("#,##0"),
            total_label: Format::new().set_bold(),
            total_budget: Format::new().set_bold().set_num_format("#,##0"),
        }
    }
}

fn projects_sheet(
    sheet: &mut Worksheet,
    plans: &[(&Path, &Plan)],
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name("事業一覧")?;
    let refs: Vec<&Plan> = plans.iter().map(|(_, plan)| *plan).collect();
    let figures = table::Figures::of(&refs);
    let shape = LevelColumns::of(plans.iter().map(|(_, plan)| *plan));
    // The heading columns come first: the table's own columns follow them,
    // then a column for each budget figure besides the totalled one.
    let before = shape.headings.len();
    let headings = table::headings(plans.iter().map(|(_, plan)| *plan));
    let headings: Vec<String> = (shape.heading_titles().into_iter())
        .chain(
            Column::ALL
                .into_iter()
                .zip(headings)
                .map(|(column, heading)| shape.part_title(column, heading)),
        )
        .chain(figures.headings())
        .collect();
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    write_header(sheet, &headings, styles)?;
    // A scale in the evaluation heading may be long; the column is as
    // wide as its grades, not its heading.
    let mut widths: Vec<usize> = (headings.iter().take(before))
        .map(|h| padded_width(h))
        .chain(Column::ALL.map(|c| padded_width(c.heading())))
        .collect();
    let mut row_num: u32 = 1;
    let mut total: u64 = 0;
    for (_, plan) in plans {
        for row in table::rows(plan) {
            for (c, cell) in shape.heading_cells(plan, row.s).iter().enumerate() {
                sheet.write_string_with_format(row_num, column_number(c), cell, &styles.text)?;
                widths[c] = widths[c].max(padded_width(cell));
            }
            for (c, cell) in row.cells.iter().enumerate() {
                let col = column_number(before + c);
                if c == Column::Budget.index() {
                    write_amount(sheet, (row_num, col), row.project.budget, styles)?;
                } else {
                    sheet.write_string_with_format(row_num, col, cell, &styles.text)?;
                }
                widths[before + c] = widths[before + c].max(padded_width(cell));
            }
            for (i, amount) in figures.cells(row.project).into_iter().enumerate() {
                let col = column_number(before + COLUMNS + i);
                write_amount(sheet, (row_num, col), amount, styles)?;
            }
            total = total.saturating_add(row.project.budget.unwrap_or(0));
            row_num += 1;
        }
    }
    let budget = before + Column::Budget.index();
    write_total_row(sheet, row_num, column_number(budget), total, styles)?;
    // Budgets show with separators, and the total in bold is the widest;
    // a number that does not fit shows as ###.
    widths[budget] = widths[budget].max(padded_width(&group_thousands(total)) + 1);
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(column_number(c), width_units(*width))?;
    }
    for (i, heading) in headings[before + COLUMNS..].iter().enumerate() {
        let width = padded_width(heading).max(widths[budget]);
        sheet.set_column_width(column_number(before + COLUMNS + i), width_units(width))?;
    }
    Ok(())
}

/// An amount as a number cell; none where the project states none (blank,
/// which is not 0).
fn write_amount(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    amount: Option<u64>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    if let Some(amount) = amount {
        // f64 holds every budget below 2^53 exactly.
        #[allow(clippy::cast_precision_loss)]
        let amount = amount as f64;
        sheet.write_number_with_format(row, col, amount, &styles.budget)?;
    }
    Ok(())
}

/// `合計` and `=SUM(F2:F7)` over the data rows; the cached result lets
/// readers that do not calculate (previews, calamine) show the total too.
fn write_total_row(
    sheet: &mut Worksheet,
    row_num: u32,
    col: u16,
    total: u64,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row_num, 0, "合計", &styles.total_label)?;
    if row_num == 1 {
        sheet.write_number_with_format(row_num, col, 0, &styles.total_budget)?;
        return Ok(());
    }
    let letter = char::from(b'A' + u8::try_from(col).unwrap_or(0));
    let formula =
        Formula::new(format!("=SUM({letter}2:{letter}{row_num})")).set_result(total.to_string());
    sheet.write_formula_with_format(row_num, col, formula, &styles.total_budget)?;
    Ok(())
}

fn write_header(
    sheet: &mut Worksheet,
    headings: &[&str],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (c, heading) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, column_number(c), *heading, &styles.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Strategy, KPI and measure totals; a measure serving two KPIs is in both
/// KPI totals and once in its strategy's.
fn totals_sheet(
    sheet: &mut Worksheet,
    plans: &[(&Path, &Plan)],
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name("集計")?;
    let refs: Vec<&Plan> = plans.iter().map(|(_, p)| *p).collect();
    let by_unit = totals_by_unit(&refs);
    let budget_heading = match by_unit.as_slice() {
        [(unit, _)] => format!("{}（{unit}）", Field::Budget.heading()),
        _ => Field::Budget.heading().to_owned(),
    };
    let headings = ["区分", "名称", budget_heading.as_str(), "事業数"];
    write_header(sheet, &headings, styles)?;
    let mut lines: Vec<(String, String, Total)> = Vec::new();
    for (_, plan) in plans {
        if plans.len() > 1 {
            lines.push(("計画".to_owned(), plan.title.clone(), plan_total(plan)));
        }
        lines.extend(plan_lines(plan));
    }
    for (unit, total) in &by_unit {
        let label = if by_unit.len() > 1 {
            format!("合計（{unit}）")
        } else {
            "合計".to_owned()
        };
        lines.push((label, String::new(), *total));
    }
    let mut widths = headings.map(padded_width);
    for (i, (kind, name, total)) in lines.iter().enumerate() {
        let row_num = u32::try_from(i + 1).unwrap_or(u32::MAX);
        #[allow(clippy::cast_precision_loss)]
        let amount = total.budget as f64;
        #[allow(clippy::cast_precision_loss)]
        let count = total.projects as f64;
        sheet.write_string_with_format(row_num, 0, kind, &styles.text)?;
        sheet.write_string_with_format(row_num, 1, name, &styles.text)?;
        sheet.write_number_with_format(row_num, 2, amount, &styles.budget)?;
        sheet.write_number_with_format(row_num, 3, count, &styles.budget)?;
        widths[0] = widths[0].max(padded_width(kind));
        widths[1] = widths[1].max(padded_width(name));
        widths[2] = widths[2].max(padded_width(&group_thousands(total.budget)) + 1);
    }
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(column_number(c), width_units(*width))?;
    }
    Ok(())
}

fn plan_lines(plan: &Plan) -> Vec<(String, String, Total)> {
    let mut lines = Vec::new();
    for strategy in &plan.strategies {
        let name = format!("{}{}", strategy.label, strategy.name);
        lines.push(("戦略".to_owned(), name, strategy_total(strategy)));
        for (k, kpi) in strategy.kpis.iter().enumerate() {
            let name = format!("【ＫＰＩ{}】{}", kpi.label, kpi.statement);
            lines.push(("KPI".to_owned(), name, kpi_total(strategy, k)));
        }
        for measure in &strategy.measures {
            let name = format!("{}{}", measure.label, measure.name);
            lines.push(("施策".to_owned(), name, measure_total(measure)));
        }
    }
    lines
}

/// The widest line, counting East Asian wide characters as two columns,
/// with room for the cell's margins.
fn padded_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) + 2
}

fn width_units(width: usize) -> f64 {
    // At most MAX_WIDTH (60), so the conversion is exact.
    f64::from(u32::try_from(width.clamp(6, MAX_WIDTH)).unwrap_or(60))
}

fn column_number(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}
