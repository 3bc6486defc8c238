//! Total rows (`合計`, `小計`, `計`, `総計`): a sum, not a project. Tables
//! state them in the 事業名 column or, with it empty, in another; an amount
//! they state is checked against the projects above, so a table whose
//! rows were edited after its totals is noticed.

use unicode_normalization::UnicodeNormalization;

use super::source::Row;

/// What a total row adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    /// The projects since the previous subtotal (or the first row).
    Sub,
    /// Every project above.
    Grand,
}

/// The total a cell's text names: `合計`, `合　計`, `小計`, `Total`….
pub fn total_in(text: &str) -> Option<Total> {
    let key: String = text
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    match key.as_str() {
        "小計" | "subtotal" => Some(Total::Sub),
        "合計" | "総計" | "計" | "total" => Some(Total::Grand),
        _ => None,
    }
}

/// The total a row is: named in its project cell, or, when that is empty,
/// in any cell.
pub fn total_row(row: &Row, project: &str) -> Option<Total> {
    if project.is_empty() {
        row.cells.iter().find_map(|c| total_in(c))
    } else {
        total_in(project)
    }
}

/// The budgets of the projects read so far; unknown after a budget that
/// could not be read, so no total is then found wrong for it.
#[derive(Debug, Default)]
pub struct Sums {
    grand: Option<u64>,
    sub: Option<u64>,
    unread: bool,
}

impl Sums {
    pub fn add(&mut self, budget: Option<u64>) {
        match budget {
            Some(b) => {
                self.grand = Some(self.grand.unwrap_or(0).saturating_add(b));
                self.sub = Some(self.sub.unwrap_or(0).saturating_add(b));
            }
            None => self.unread = true,
        }
    }

    /// What a total row of this kind should state, if known; a subtotal
    /// starts the next group.
    pub fn close(&mut self, total: Total) -> Option<u64> {
        let sum = match total {
            Total::Sub => self.sub.take().unwrap_or(0),
            Total::Grand => self.grand.unwrap_or(0),
        };
        (!self.unread).then_some(sum)
    }
}

#[cfg(test)]
mod tests {
    use super::{Sums, Total, total_in};

    #[test]
    fn total_words_in_any_width_and_spacing() {
        assert_eq!(total_in("合　計"), Some(Total::Grand));
        assert_eq!(total_in(" 小計 "), Some(Total::Sub));
        assert_eq!(total_in("ＴＯＴＡＬ"), Some(Total::Grand));
        assert_eq!(total_in("計画策定事業"), None);
    }

    #[test]
    fn a_subtotal_sums_its_group_and_a_total_everything() {
        let mut sums = Sums::default();
        sums.add(Some(100));
        sums.add(Some(200));
        assert_eq!(sums.close(Total::Sub), Some(300));
        sums.add(Some(50));
        assert_eq!(sums.close(Total::Sub), Some(50));
        assert_eq!(sums.close(Total::Grand), Some(350));
        sums.add(None);
        assert_eq!(sums.close(Total::Grand), None);
    }
}
