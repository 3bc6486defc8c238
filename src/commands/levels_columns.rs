//! A table's columns for a plan's own levels, so that export and import
//! carry its shape: one column per heading level before the strategy's
//! (`見出し（分野）`), and the columns of the four parts headed by the plan's
//! own names (`戦略名（取組方針）`), or marked `（－）` where the plan shows no
//! such part. A plan that names no levels keeps the plain headings.

use crate::commands::table::Column;
use crate::model::Plan;
use crate::model::labelled::labelled;
use crate::model::levels::Role;
use unicode_normalization::UnicodeNormalization;

/// What a heading column's heading starts with.
const HEADING: &str = "見出し";
/// What marks a part the plan shows no row for.
const ABSENT: &str = "－";

/// A plan's shape, as the table's headings say it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LevelColumns {
    /// The name of each heading level, top first.
    pub headings: Vec<String>,
    /// For strategy, KPI, measure and project: the plan's name for the
    /// level, `None` where the plan shows no such part; all four `Some("")`
    /// when the plan names no levels (plain headings).
    pub parts: [Option<String>; 4],
}

const PARTS: [(Column, Role); 4] = [
    (Column::Strategy, Role::Strategy),
    (Column::Kpi, Role::Kpi),
    (Column::Measure, Role::Measure),
    (Column::Project, Role::Project),
];

impl LevelColumns {
    /// The shape of the first of `plans` (a table has one heading row).
    pub fn of<'a>(mut plans: impl Iterator<Item = &'a Plan>) -> Self {
        let Some(plan) = plans.next().filter(|p| !p.levels.is_empty()) else {
            return Self::plain();
        };
        let headings = (0..plan.heading_levels())
            .map(|depth| plan.heading_name(depth).to_owned())
            .collect();
        let parts =
            PARTS.map(|(_, role)| plan.shows(role).then(|| plan.level_name(role).to_owned()));
        Self { headings, parts }
    }

    fn plain() -> Self {
        Self {
            headings: Vec::new(),
            parts: [(); 4].map(|()| Some(String::new())),
        }
    }

    /// Whether the table says nothing of levels (a plan that names none).
    pub fn is_plain(&self) -> bool {
        *self == Self::plain()
    }

    /// The headings of the heading columns, in order.
    pub fn heading_titles(&self) -> Vec<String> {
        (self.headings.iter())
            .map(|name| format!("{HEADING}（{name}）"))
            .collect()
    }

    /// `heading` (the column's plain heading) as this shape heads it.
    pub fn part_title(&self, column: Column, heading: String) -> String {
        let Some(i) = PARTS.iter().position(|(c, _)| *c == column) else {
            return heading;
        };
        match &self.parts[i] {
            Some(name) if name.is_empty() => heading,
            Some(name) => format!("{heading}（{name}）"),
            None => format!("{heading}（{ABSENT}）"),
        }
    }

    /// The heading cells of strategy `s`'s rows: each heading above it,
    /// top first, as `label name`; empty for levels it skips.
    pub fn heading_cells(&self, plan: &Plan, s: usize) -> Vec<String> {
        let mut cells: Vec<String> = (plan.headings_of(s).into_iter())
            .map(|h| labelled(&plan.headings[h].label, &plan.headings[h].name))
            .collect();
        cells.resize(self.headings.len(), String::new());
        cells
    }

    /// Whether the table's rows have a part of `column`'s.
    pub fn shows(&self, column: Column) -> bool {
        PARTS
            .iter()
            .position(|(c, _)| *c == column)
            .is_none_or(|i| self.parts[i].is_some())
    }

    /// The plan's `levels` and `roles` for this shape; none for a plain one.
    pub fn levels_and_roles(&self) -> (Vec<String>, Vec<Role>) {
        if self.is_plain() {
            return (Vec::new(), Vec::new());
        }
        let mut levels = self.headings.clone();
        let mut roles = vec![Role::Heading; self.headings.len()];
        for ((_, role), part) in PARTS.iter().zip(&self.parts) {
            if let Some(name) = part {
                levels.push(name.clone());
                roles.push(*role);
            }
        }
        // Four parts without headings need no roles, as the file writes them.
        if roles == PARTS.map(|(_, r)| r) {
            roles.clear();
        }
        (levels, roles)
    }
}

/// The name of a heading level a column heading names (`見出し（分野）`,
/// `heading (分野)`), if it names one.
pub fn heading_level(heading: &str) -> Option<String> {
    let normal: String = heading.nfkc().collect::<String>().to_lowercase();
    let normal = normal.trim();
    let rest = normal
        .strip_prefix(HEADING)
        .or_else(|| normal.strip_prefix("heading"))?
        .trim();
    let inner = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
    (!inner.is_empty()).then(|| inner.to_owned())
}

/// What a part column's heading says of its level: `Some(name)` for
/// `戦略名（取組方針）`, `None` for `（－）`, `Some("")` without brackets.
pub fn part_level(heading: &str) -> Option<String> {
    let normal: String = heading.nfkc().collect();
    let normal = normal.trim();
    let Some(inner) = normal
        .strip_suffix(')')
        .and_then(|h| h.rfind('(').map(|i| h[i + 1..].trim()))
    else {
        return Some(String::new());
    };
    // NFKC leaves the full-width minus as it is; a hyphen is read alike.
    (!matches!(inner, ABSENT | "-" | "ー" | "‐")).then(|| inner.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{LevelColumns, heading_level, part_level};
    use crate::commands::table::Column;
    use crate::model::Plan;
    use crate::model::levels::Role;

    #[test]
    fn headings_say_the_levels_and_read_back() {
        assert_eq!(heading_level("見出し（分野）").as_deref(), Some("分野"));
        assert_eq!(heading_level("Heading (分野)").as_deref(), Some("分野"));
        assert_eq!(heading_level("見出し"), None);
        assert_eq!(
            part_level("戦略名（取組方針）").as_deref(),
            Some("取組方針")
        );
        assert_eq!(part_level("施策（－）"), None);
        assert_eq!(part_level("施策").as_deref(), Some(""));
    }

    #[test]
    fn a_plan_of_five_levels_heads_its_columns_with_them() {
        let text = include_str!("../../plans/r5-growth-strategy.ron");
        let mut plan: Plan = ron::from_str(text).unwrap();
        assert!(LevelColumns::of(std::iter::once(&plan)).is_plain());
        plan.levels = ["分野", "戦略の柱", "取組方針", "施策", "取組"]
            .map(String::from)
            .to_vec();
        plan.roles = vec![
            Role::Heading,
            Role::Heading,
            Role::Strategy,
            Role::Measure,
            Role::Project,
        ];
        let shape = LevelColumns::of(std::iter::once(&plan));
        assert_eq!(
            shape.heading_titles(),
            ["見出し（分野）", "見出し（戦略の柱）"]
        );
        let title = |c: Column| shape.part_title(c, c.heading().to_owned());
        assert_eq!(title(Column::Strategy), "戦略名（取組方針）");
        assert_eq!(title(Column::Kpi), "KPI（－）");
        assert_eq!(title(Column::Project), "事業名（取組）");
        assert_eq!(
            shape.levels_and_roles(),
            (plan.levels.clone(), plan.roles.clone())
        );
    }
}
