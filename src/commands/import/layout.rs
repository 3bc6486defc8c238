//! Which column holds what. Tables come with Japanese or English headings,
//! columns in any order, sometimes a unit in the heading (`予算額（千円）`)
//! and sometimes a title above the heading row.

use unicode_normalization::UnicodeNormalization;

use super::problem::{Found, Trouble};
use super::source::{Row, Sheet};
use crate::commands::levels_columns::{LevelColumns, heading_level, part_level};
use crate::commands::table::{COLUMNS, Column};

/// How many rows from the top may hold titles before the heading row.
pub(super) const HEADER_SEARCH_ROWS: usize = 10;

pub struct Layout {
    /// For each column of `Column::ALL`: its index in the rows, and its
    /// heading as written.
    found: [Option<(usize, String)>; COLUMNS],
    /// Index in `Sheet::rows` of the heading row.
    pub header_row: usize,
    /// The name of the figure the budget column holds, where its heading
    /// names one (`予算額（当初予算）`).
    pub totalled: Option<String>,
    /// The other budget figures' columns: index, figure name, heading.
    pub figures: Vec<(usize, String, String)>,
    /// The index of each heading column (`見出し（分野）`), top level first.
    heading_columns: Vec<usize>,
    /// The plan's levels as the headings say them.
    pub levels: LevelColumns,
}

impl Layout {
    /// The cell of `column` in `row`, without surrounding spaces and line
    /// breaks; empty when the table has no such column.
    pub fn cell<'r>(&self, row: &'r Row, column: Column) -> &'r str {
        self.found[column.index()]
            .as_ref()
            .and_then(|(i, _)| row.cells.get(*i))
            .map_or("", |cell| cell.trim_matches([' ', '\t', '\r', '\n']))
    }

    /// The cell of heading level `depth` in `row`, trimmed as `cell`.
    pub fn heading_cell<'r>(&self, row: &'r Row, depth: usize) -> &'r str {
        self.heading_columns
            .get(depth)
            .and_then(|&i| row.cells.get(i))
            .map_or("", |cell| cell.trim_matches([' ', '\t', '\r', '\n']))
    }

    /// The column's heading as the file writes it, for messages.
    pub fn name(&self, column: Column) -> String {
        self.found[column.index()]
            .as_ref()
            .map_or_else(|| column.heading().to_owned(), |(_, name)| name.clone())
    }
}

/// A column of the table that import does not use.
pub struct Unused {
    /// The spreadsheet's column number, from 1.
    pub column: usize,
    pub heading: String,
}

/// The layout, and the columns that are not used; or the problems with the
/// heading row.
pub fn find(sheet: &Sheet) -> (Result<Layout, Vec<Found>>, Vec<Unused>) {
    let header_row = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|row| {
            row.cells
                .iter()
                .any(|c| column_of(c) == Some(Column::Project))
        })
        .unwrap_or(0);
    let Some(row) = sheet.rows.get(header_row) else {
        return (Err(vec![Found::file(Trouble::NoRows)]), Vec::new());
    };
    let mut found: [Option<(usize, String)>; COLUMNS] = Default::default();
    let mut problems = Vec::new();
    let mut notices = Vec::new();
    let mut totalled = None;
    let mut figures: Vec<(usize, String, String)> = Vec::new();
    let mut heading_columns = Vec::new();
    let mut heading_names = Vec::new();
    let number = |i: usize| sheet.first_column + i;
    for (i, heading) in row.cells.iter().enumerate() {
        let heading = heading.trim();
        if let Some(name) = heading_level(heading) {
            heading_columns.push(i);
            heading_names.push(name);
            continue;
        }
        let Some(column) = column_of(heading) else {
            if !heading.is_empty() || column_has_data(sheet, header_row, i) {
                notices.push(Unused {
                    column: number(i),
                    heading: heading.to_owned(),
                });
            }
            continue;
        };
        let figure = (column == Column::Budget)
            .then(|| figure_of(heading))
            .flatten();
        if let Some(name) = figure.clone().filter(|_| found[column.index()].is_some())
            && totalled.as_ref() != Some(&name)
            && !figures.iter().any(|(_, n, _)| *n == name)
        {
            figures.push((i, name, heading.to_owned()));
            continue;
        }
        if found[column.index()].is_none() {
            totalled = totalled.or(figure);
        }
        match &found[column.index()] {
            Some((first, _)) => problems.push(Found::at(
                row.number,
                heading,
                Trouble::RepeatsColumn {
                    column: number(i),
                    first: number(*first),
                },
            )),
            None => found[column.index()] = Some((i, heading.to_owned())),
        }
    }
    let missing: Vec<&str> = Column::ALL
        .iter()
        .filter(|c| c.required() && found[c.index()].is_none())
        .map(|c| c.heading())
        .collect();
    if !missing.is_empty() {
        problems.push(Found::row(
            row.number,
            Trouble::MissingColumns {
                missing,
                headings: Column::ALL.map(Column::heading).to_vec(),
            },
        ));
    }
    let levels = levels_of(&found, heading_names);
    if problems.is_empty() {
        let layout = Layout {
            found,
            header_row,
            totalled,
            figures,
            heading_columns,
            levels,
        };
        (Ok(layout), notices)
    } else {
        (Err(problems), notices)
    }
}

/// The levels the headings say: plain (as before levels could be named)
/// unless there are heading columns, a part heading names its level or is
/// marked absent, or the strategy or measure column is missing (a budget
/// sheet of projects alone).
fn levels_of(found: &[Option<(usize, String)>; COLUMNS], headings: Vec<String>) -> LevelColumns {
    let parts = [
        Column::Strategy,
        Column::Kpi,
        Column::Measure,
        Column::Project,
    ]
    .map(|c| match &found[c.index()] {
        Some((_, heading)) => part_level(heading),
        None if c == Column::Kpi => Some(String::new()),
        None => None,
    });
    let plain = headings.is_empty() && parts.iter().all(|p| p.as_deref() == Some(""));
    if plain {
        return LevelColumns { headings, parts };
    }
    // A level named by the plain heading takes the default name.
    let defaults = crate::model::levels::DEFAULT_LEVELS;
    let parts = [0, 1, 2, 3].map(|i| {
        parts[i].as_ref().map(|name| match name.is_empty() {
            true => defaults[i].to_owned(),
            false => name.clone(),
        })
    });
    // A KPI column missing from a named table means no KPIs are shown.
    let parts = [
        parts[0].clone(),
        parts[1]
            .clone()
            .filter(|_| found[Column::Kpi.index()].is_some()),
        parts[2].clone(),
        parts[3].clone(),
    ];
    LevelColumns { headings, parts }
}

/// The column a heading names: its Japanese or English heading, ignoring
/// case, width (`ＫＰＩ`), spaces and a unit in brackets.
pub(super) fn column_of(heading: &str) -> Option<Column> {
    let key = key(heading);
    if key.is_empty() {
        return None;
    }
    Column::ALL
        .into_iter()
        .find(|c| key == self::key(c.heading()) || key == self::key(c.english()))
}

fn key(heading: &str) -> String {
    let normal: String = heading.nfkc().collect::<String>().to_lowercase();
    let normal = normal.trim();
    let normal = match normal
        .strip_suffix(')')
        .and_then(|h| h.rfind('(').map(|i| &h[..i]))
    {
        Some(before) if !before.trim().is_empty() => before,
        _ => normal,
    };
    normal
        .trim()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The figure a budget heading names: `当初予算` of `予算額（当初予算）`;
/// none for `予算額` or a unit, `予算額（千円）`.
fn figure_of(heading: &str) -> Option<String> {
    let heading = heading.trim();
    let (open, close) = [('（', '）'), ('(', ')')]
        .into_iter()
        .find(|(_, close)| heading.ends_with(*close))?;
    let inner = &heading[heading.rfind(open)? + open.len_utf8()..heading.len() - close.len_utf8()];
    let inner = inner.trim();
    let unit = inner.nfkc().collect::<String>().ends_with('円');
    (!inner.is_empty() && !unit).then(|| inner.to_owned())
}

fn column_has_data(sheet: &Sheet, header_row: usize, i: usize) -> bool {
    sheet.rows[header_row + 1..]
        .iter()
        .any(|row| row.cells.get(i).is_some_and(|c| !c.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::{column_of, figure_of};
    use crate::commands::table::Column;

    #[test]
    fn headings_in_either_language_and_any_case() {
        assert_eq!(column_of(" 予算額 "), Some(Column::Budget));
        assert_eq!(column_of("予算額（千円）"), Some(Column::Budget));
        assert_eq!(column_of("ＫＰＩ"), Some(Column::Kpi));
        assert_eq!(column_of("Budget Note"), Some(Column::BudgetNote));
        assert_eq!(column_of("BUDGET_NOTE"), Some(Column::BudgetNote));
        assert_eq!(column_of("Strategy"), Some(Column::Strategy));
        assert_eq!(column_of("備考2"), None);
        assert_eq!(column_of(""), None);
    }

    #[test]
    fn a_figure_in_brackets_but_not_a_unit() {
        assert_eq!(figure_of("予算額（当初予算）").as_deref(), Some("当初予算"));
        assert_eq!(figure_of("予算額(決算)").as_deref(), Some("決算"));
        assert_eq!(figure_of("予算額（千円）"), None);
        assert_eq!(figure_of("予算額（億円）"), None);
        assert_eq!(figure_of("予算額"), None);
    }
}
