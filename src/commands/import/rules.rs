//! A mapping file for tables whose headings are not ours, read the way a
//! bank's CSV is read through a rules file: one rule a line, kept beside
//! the table it is for and used again each quarter.
//!
//! ```text
//! # 主な取組一覧
//! header 3          # 見出しは 3 行目（上の行は読まない）
//! unit 円           # 予算額の単位
//! 事業名 = 主な取組   # こちらの見出し = 表の見出し
//! 見出し（分野） = 分野
//! ```
//!
//! A `#` at the start of a line or after a space begins a comment. Each `=` rule gives the table's
//! column our heading before the layout is read, so everything else import
//! does (labels, merged cells, totals) holds for such tables too.

use unicode_normalization::UnicodeNormalization;

use super::layout::{HEADER_SEARCH_ROWS, column_of};
use super::problem::{Found, RulesTrouble};
use super::source::Sheet;
use crate::commands::levels_columns::heading_level;

/// The rules of a mapping file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// The spreadsheet row of the headings, from 1.
    header: Option<usize>,
    /// The budgets' unit, over `--unit`.
    pub unit: Option<String>,
    renames: Vec<Rename>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rename {
    ours: String,
    theirs: String,
    /// Where the rule is in the mapping file: line and column, from 1.
    line: usize,
    column: usize,
}

impl Rules {
    /// The rules of `text`, or every line that is not one (row: the line,
    /// column: where on it).
    pub fn read(text: &str) -> Result<Self, Vec<Found>> {
        let mut rules = Self::default();
        let mut problems = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = comment_cut(raw);
            let content = raw.trim_end();
            let indent = content.len() - content.trim_start().len();
            let content = content.trim_start();
            let at = |offset: usize| raw[..indent + offset].chars().count() + 1;
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let problem =
                |offset: usize, trouble| Found::at(line, &at(offset).to_string(), trouble);
            if let Some((ours, theirs)) = content.split_once(['=', '＝']) {
                let (ours, theirs) = (ours.trim(), theirs.trim());
                if column_of(ours).is_none() && heading_level(ours).is_none() {
                    let heading = ours.to_owned();
                    problems.push(problem(0, RulesTrouble::NotOurColumn { heading }.into()));
                } else if theirs.is_empty() {
                    let text = content.to_owned();
                    problems.push(problem(0, RulesTrouble::NotARule { text }.into()));
                } else {
                    let column = at(content.find(theirs).unwrap_or(0));
                    rules.renames.push(Rename {
                        ours: ours.to_owned(),
                        theirs: theirs.to_owned(),
                        line,
                        column,
                    });
                }
                continue;
            }
            let (word, rest) = content
                .split_once(char::is_whitespace)
                .map_or((content, ""), |(w, r)| (w, r.trim()));
            match word {
                "header" | "見出し行" => match rest.nfkc().collect::<String>().parse() {
                    Ok(row) if row > 0 => rules.header = Some(row),
                    _ => {
                        let text = rest.to_owned();
                        let offset = content.len() - rest.len();
                        problems.push(problem(offset, RulesTrouble::NotARow { text }.into()));
                    }
                },
                "unit" | "単位" if !rest.is_empty() => rules.unit = Some(rest.to_owned()),
                _ => {
                    let text = content.to_owned();
                    problems.push(problem(0, RulesTrouble::NotARule { text }.into()));
                }
            }
        }
        if problems.is_empty() {
            Ok(rules)
        } else {
            Err(problems)
        }
    }

    /// Drops the rows above the header row and gives the table's columns
    /// our headings; a rule whose heading the table lacks is a problem at
    /// the rule.
    pub fn apply(&self, sheet: &mut Sheet) -> Vec<Found> {
        if let Some(header) = self.header {
            sheet.rows.retain(|row| row.number >= header);
        }
        let same = |a: &str, b: &str| {
            let normal = |s: &str| s.nfkc().collect::<String>().trim().to_owned();
            normal(a) == normal(b)
        };
        let mut problems = Vec::new();
        for rename in &self.renames {
            let mut found = false;
            for row in sheet.rows.iter_mut().take(HEADER_SEARCH_ROWS) {
                for cell in row.cells.iter_mut().filter(|c| same(c, &rename.theirs)) {
                    cell.clone_from(&rename.ours);
                    found = true;
                }
            }
            if !found {
                let trouble = RulesTrouble::NotInTable {
                    heading: rename.theirs.clone(),
                };
                let column = rename.column.to_string();
                problems.push(Found::at(rename.line, &column, trouble.into()));
            }
        }
        problems
    }
}

/// `line` without its comment: from a `#` that starts it or follows a
/// space (a heading may hold a `#` of its own, as `No.#1`).
fn comment_cut(line: &str) -> &str {
    let mut before = ' ';
    for (i, c) in line.char_indices() {
        if c == '#' && before.is_whitespace() {
            return &line[..i];
        }
        before = c;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::Rules;
    use crate::commands::import::problem::{RulesTrouble, Trouble};

    #[test]
    fn rules_read_line_by_line_and_name_where_a_line_is_wrong() {
        let rules = Rules::read(
            "# 表\nheader 3  # 見出しの行\nunit 円\n事業名 = 主な取組 # 取組\n見出し（分野）＝分野\n概要 = No.#\n",
        )
        .unwrap();
        assert_eq!(rules.header, Some(3));
        assert_eq!(rules.unit.as_deref(), Some("円"));
        let renames: Vec<(&str, &str)> = (rules.renames.iter())
            .map(|r| (r.ours.as_str(), r.theirs.as_str()))
            .collect();
        assert_eq!(
            renames,
            [
                ("事業名", "主な取組"),
                ("見出し（分野）", "分野"),
                ("概要", "No.#")
            ]
        );
        let problems = Rules::read("事業 = 主な取組\n  header three\nこんにちは\n").unwrap_err();
        let said: Vec<(Option<usize>, Option<String>)> =
            problems.iter().map(|p| (p.row, p.column.clone())).collect();
        assert_eq!(
            said,
            [
                (Some(1), Some("1".to_owned())),
                (Some(2), Some("10".to_owned())),
                (Some(3), Some("1".to_owned())),
            ]
        );
        assert!(matches!(
            &problems[0].trouble,
            Trouble::Rules(RulesTrouble::NotOurColumn { heading }) if heading == "事業"
        ));
    }
}
