//! What the views draw with: the body under a title, scrolling to the
//! selection, a highlighted line, a bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::ui::cells::put_line;
use crate::ui::theme;

/// The body below the title.
pub(super) fn body(area: Rect) -> Rect {
    Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// First row to show so that `selected` (if any) is on screen.
pub(super) fn offset(selected: Option<usize>, rows: usize, height: usize) -> usize {
    let height = height.max(1);
    selected.map_or(0, |s| {
        if s >= height {
            (s + 1 - height).min(rows.saturating_sub(height))
        } else {
            0
        }
    })
}

/// One line of a view, highlighted when it is the selection's.
pub(super) fn put(buf: &mut Buffer, area: Rect, y: u16, line: Line<'_>, selected: bool) {
    let row = Rect::new(area.x, y, area.width, 1);
    put_line(buf, area.x, y, &line, area.width);
    if selected {
        buf.set_style(row, theme::SELECTED);
    }
}

/// `#####` scaled so `max` fills `width` cells; ASCII so every terminal
/// draws it one cell a step.
pub(super) fn bar(value: u64, max: u64, width: usize) -> String {
    if max == 0 || width == 0 {
        return String::new();
    }
    let filled = (u128::from(value) * width as u128 / u128::from(max)) as usize;
    "#".repeat(filled.max(usize::from(value > 0)).min(width))
}

pub(super) fn plain() -> Style {
    Style::default()
}
