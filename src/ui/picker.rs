//! A list to choose from: where to move a node, which KPIs to link.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::cells::put_line;
use super::layout::centered;
use super::text::truncate;
use super::theme;
use crate::app::App;
use crate::words::Say;
use crate::words::tell::Asked;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(picker) = app.picker() else { return };
    let height = u16::try_from(picker.items.len() + 3).unwrap_or(u16::MAX);
    let frame = centered(area, 76, height.min(area.height));
    if frame.width < 3 || frame.height < 3 {
        return;
    }
    Clear.render(frame, buf);
    let block = Block::bordered()
        .border_set(theme::BORDER)
        .title(format!(" {} ", picker.title.say(app.lang())));
    let inner = block.inner(frame);
    block.render(frame, buf);
    let rows = usize::from(inner.height.saturating_sub(1));
    // Keep the cursor on screen in long lists.
    let first = picker.cursor.saturating_sub(rows.saturating_sub(1));
    let max = usize::from(inner.width);
    for (i, item) in picker.items.iter().enumerate().skip(first).take(rows) {
        let mark = match item.checked {
            Some(true) => "[x] ",
            Some(false) => "[ ] ",
            None => "",
        };
        let text = truncate(&format!(" {mark}{}", item.label), max);
        let style = if i == picker.cursor {
            theme::SELECTED
        } else {
            ratatui::style::Style::default()
        };
        let y = inner.y + u16::try_from(i - first).unwrap_or(0);
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        put_line(buf, inner.x, y, &Line::styled(text, style), inner.width);
    }
    let hint = Asked::PickerKeys.say(app.lang());
    put_line(
        buf,
        inner.x,
        inner.bottom() - 1,
        &Line::styled(truncate(&hint, max), theme::DIM),
        inner.width,
    );
}
