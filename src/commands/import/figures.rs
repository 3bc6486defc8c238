//! A table's budget figures besides the totalled one: columns headed
//! `予算額（補正予算）` beside the budget's own (`layout` finds them).

use super::layout::Layout;
use super::problem::{Found, Trouble};
use super::source::Row;
use crate::commands::table::Column;
use crate::model::budget_figures::DEFAULT_NAME;
use crate::model::figures::Figure;
use crate::model::money::{BudgetError, parse_budget};

impl Layout {
    /// The plan's `budget_figures`: none for a table with one figure.
    pub fn figure_names(&self) -> Vec<String> {
        if self.totalled.is_none() && self.figures.is_empty() {
            return Vec::new();
        }
        let first = self.totalled.as_deref().unwrap_or(DEFAULT_NAME).to_owned();
        std::iter::once(first)
            .chain(self.figures.iter().map(|(_, name, _)| name.clone()))
            .collect()
    }
}

/// A budget cell: none when blank (which is not 0).
pub fn budget(text: &str, unit: &str) -> Result<Option<u64>, BudgetError> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_budget(text, unit).map(Some)
}

/// The row's budget and other figures, each problem reported; a blank
/// cell states none.
pub fn amounts(
    layout: &Layout,
    row: &Row,
    unit: &str,
    problems: &mut Vec<Found>,
) -> (Option<u64>, Vec<Figure>) {
    let budget = budget(layout.cell(row, Column::Budget), unit).unwrap_or_else(|e| {
        let heading = layout.name(Column::Budget);
        problems.push(Found::at(row.number, &heading, Trouble::Budget(e)));
        None
    });
    (budget, read(layout, row, unit, problems))
}

/// The row's amounts of the other figures, each problem reported.
fn read(layout: &Layout, row: &Row, unit: &str, problems: &mut Vec<Found>) -> Vec<Figure> {
    let mut figures = Vec::new();
    for (i, name, heading) in &layout.figures {
        let text = row
            .cells
            .get(*i)
            .map_or("", |c| c.trim_matches([' ', '\t', '\r', '\n']));
        if text.is_empty() {
            continue;
        }
        match parse_budget(text, unit) {
            Ok(amount) => figures.push(Figure {
                name: name.clone(),
                amount,
            }),
            Err(e) => problems.push(Found::at(row.number, heading, Trouble::Budget(e))),
        }
    }
    figures
}
