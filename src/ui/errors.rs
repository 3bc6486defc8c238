//! Files that could not be opened, listed above the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::text::truncate;
use super::theme;
use crate::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let max = usize::from(area.width);
    let title = format!(" Could not open {} file(s):", app.load_errors.len());
    buf.set_line(
        area.x,
        area.y,
        &Line::styled(truncate(&title, max), theme::ERROR),
        area.width,
    );
    let shown = usize::from(area.height - 1);
    for (i, error) in app.load_errors.iter().take(shown).enumerate() {
        let more = app.load_errors.len().saturating_sub(shown);
        let text = if i + 1 == shown && more > 0 {
            format!(" {error} (and {more} more)")
        } else {
            format!(" {error}")
        };
        let y = area.y + 1 + u16::try_from(i).unwrap_or(0);
        buf.set_line(
            area.x,
            y,
            &Line::styled(truncate(&text, max), theme::ERROR),
            area.width,
        );
    }
}
