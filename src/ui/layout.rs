//! Where each region goes. Pure functions of the screen size, so the ui can
//! measure a frame for the app (`ui::measure`) without drawing anything.

use ratatui::layout::{Constraint, Layout, Rect};

pub struct Areas {
    pub tree: Rect,
    pub separator: Rect,
    pub detail: Rect,
    pub notices: Rect,
    pub status: Rect,
    pub hints: Rect,
}

/// Most notice lines shown above the status bar.
const MAX_NOTICE_LINES: usize = 4;

/// Height of the notice panel for `count` notices.
pub fn notice_lines(count: usize) -> u16 {
    u16::try_from(count.min(MAX_NOTICE_LINES)).unwrap_or(0)
}

/// The regions of a screen `area`; with `tree_only` the tree spans the
/// width and the separator and right pane have no width.
pub fn areas(area: Rect, notice_lines: u16, tree_only: bool) -> Areas {
    counted(area, notice_lines, tree_only).unwrap_or_else(|| solved(area, notice_lines, tree_only))
}

/// The regions by plain arithmetic, for every screen with room for the
/// bars: it runs on every key, where the layout solver's cache lookups
/// cost more than the drawing of a moved selection. Equal to `solved`
/// (tested for every size).
fn counted(area: Rect, notice_lines: u16, tree_only: bool) -> Option<Areas> {
    let main_height = area.height.checked_sub(notice_lines + 2)?;
    if area.width < 2 {
        return None;
    }
    let tree_width = if tree_only {
        area.width
    } else {
        area.width.div_ceil(2)
    };
    let separator_width = u16::from(!tree_only);
    let row = |y: u16, height: u16| Rect::new(area.x, area.y + y, area.width, height);
    let column = |x: u16, width: u16| Rect::new(area.x + x, area.y, width, main_height);
    let detail_x = tree_width + separator_width;
    Some(Areas {
        tree: column(0, tree_width),
        separator: column(tree_width, separator_width),
        detail: column(
            detail_x.min(area.width),
            area.width.saturating_sub(detail_x),
        ),
        notices: row(main_height, notice_lines),
        status: row(main_height + notice_lines, 1),
        hints: row(main_height + notice_lines + 1, 1),
    })
}

/// The regions as the layout solver places them (also on screens too
/// small for the bars).
fn solved(area: Rect, notice_lines: u16, tree_only: bool) -> Areas {
    let [main, notices, status, hints] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(notice_lines),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let tree_share = if tree_only { 100 } else { 50 };
    let [tree, separator, detail] = Layout::horizontal([
        Constraint::Percentage(tree_share),
        Constraint::Length(u16::from(!tree_only)),
        Constraint::Fill(1),
    ])
    .areas(main);
    Areas {
        tree,
        separator,
        detail,
        notices,
        status,
        hints,
    }
}

/// The tree's rows, below its title line.
pub fn tree_body(tree: Rect) -> Rect {
    let title = 1.min(tree.height);
    Rect {
        y: tree.y + title,
        height: tree.height - title,
        ..tree
    }
}

/// A box in the middle of `area`, at most `width` x `height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout, Rect};

    use super::{Areas, counted, solved, tree_body};

    fn parts(a: &Areas) -> [Rect; 6] {
        [a.tree, a.separator, a.detail, a.notices, a.status, a.hints]
    }

    fn same_as_solver(area: Rect, notices: u16, tree_only: bool) -> bool {
        let Some(fast) = counted(area, notices, tree_only) else {
            return false;
        };
        assert_eq!(
            parts(&fast),
            parts(&solved(area, notices, tree_only)),
            "{area:?}, {notices} notices, tree only {tree_only}"
        );
        true
    }

    #[test]
    fn the_tree_body_is_all_but_the_title_line() {
        for height in 0..60 {
            let tree = Rect::new(2, 3, 40, height);
            let [_, solved] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(tree);
            assert_eq!(tree_body(tree), solved, "height {height}");
        }
    }

    #[test]
    fn arithmetic_places_every_region_where_the_solver_does() {
        // Widths and heights split independently: every width at one
        // height, every height at two widths.
        let mut counted_sizes = 0;
        for width in 0..400 {
            for tree_only in [false, true] {
                counted_sizes +=
                    usize::from(same_as_solver(Rect::new(3, 2, width, 40), 1, tree_only));
            }
        }
        for height in 0..200 {
            for notices in 0..=4 {
                for width in [80, 121] {
                    let area = Rect::new(3, 2, width, height);
                    counted_sizes += usize::from(same_as_solver(area, notices, false));
                }
            }
        }
        assert!(counted_sizes > 2_500, "{counted_sizes}");
    }
}
