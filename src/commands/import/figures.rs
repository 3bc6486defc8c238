//! A table's budget figures besides the totalled one: columns headed
//! `予算額（補正予算）` beside the budget's own, told from a unit in the
//! heading (`予算額（千円）`) by not ending in 円.

use unicode_normalization::UnicodeNormalization;

use super::layout::Layout;
use super::problem::{Found, Trouble};
use super::source::Row;
use crate::model::figures::{DEFAULT_NAME, Figure};
use crate::model::money::parse_budget;

/// The figure a budget heading names: `当初予算` of `予算額（当初予算）`;
/// none for `予算額` or a unit, `予算額（千円）`.
pub fn figure_of(heading: &str) -> Option<String> {
    let heading = heading.trim();
    let (open, close) = [('（', '）'), ('(', ')')]
        .into_iter()
        .find(|(_, close)| heading.ends_with(*close))?;
    let inner = &heading[heading.rfind(open)? + open.len_utf8()..heading.len() - close.len_utf8()];
    let inner = inner.trim();
    let unit = inner.nfkc().collect::<String>().ends_with('円');
    (!inner.is_empty() && !unit).then(|| inner.to_owned())
}

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

/// The row's amounts of the other figures, each problem reported; a blank
/// cell states none.
pub fn read(layout: &Layout, row: &Row, unit: &str, problems: &mut Vec<Found>) -> Vec<Figure> {
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

#[cfg(test)]
mod tests {
    use super::figure_of;

    #[test]
    fn a_figure_in_brackets_but_not_a_unit() {
        assert_eq!(figure_of("予算額（当初予算）").as_deref(), Some("当初予算"));
        assert_eq!(figure_of("予算額(決算)").as_deref(), Some("決算"));
        assert_eq!(figure_of("予算額（千円）"), None);
        assert_eq!(figure_of("予算額（億円）"), None);
        assert_eq!(figure_of("予算額"), None);
    }
}
