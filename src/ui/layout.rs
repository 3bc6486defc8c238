//! Where each region goes. Pure functions of the screen size, so `App` can
//! know how many tree rows fit without drawing anything.

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
    let [_, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(tree);
    body
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
