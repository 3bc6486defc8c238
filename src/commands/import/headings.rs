//! The heading cells of a table's rows (`見出し（分野）` columns) back into
//! the plan's headings. As with strategies, an empty cell continues the row
//! above (the source tables merge them); a heading is known by its label
//! and name under the heading above it.

use super::layout::Layout;
use super::source::Row;
use crate::model::headings::Heading;
use crate::model::labelled::split_label;
use crate::model::plan::NodeKey;

#[derive(Default)]
pub struct Headings {
    pub list: Vec<Heading>,
    /// The headings of the row above, top first, by index in `list`.
    above: Vec<usize>,
}

impl Headings {
    /// The id of the lowest heading of `row` (empty when the table has no
    /// heading columns), adding the headings it names for the first time.
    pub fn of_row(&mut self, layout: &Layout, row: &Row) -> NodeKey {
        let levels = layout.levels.headings.len();
        let mut chain: Vec<usize> = Vec::with_capacity(levels);
        let mut continued = true;
        for depth in 0..levels {
            let text = layout.heading_cell(row, depth);
            // An empty cell continues the heading above, while the cells
            // before it did too; after a new heading it means none.
            if text.is_empty() {
                match self.above.get(depth).filter(|_| continued) {
                    Some(&h) => chain.push(h),
                    None => break,
                }
                continue;
            }
            continued = false;
            let (label, name) = split_label(text);
            let parent = chain.last().map(|&h| self.list[h].id.clone());
            let under = parent.unwrap_or_default();
            let found = self
                .list
                .iter()
                .position(|h| h.label == label && h.name == name && h.under == under);
            let h = found.unwrap_or_else(|| {
                self.list.push(Heading {
                    id: format!("h{}", self.list.len() + 1).into(),
                    label,
                    name,
                    owner: String::new(),
                    under,
                });
                self.list.len() - 1
            });
            chain.push(h);
        }
        self.above.clone_from(&chain);
        chain
            .last()
            .map(|&h| self.list[h].id.clone())
            .unwrap_or_default()
    }
}
