//! The notices above the status bar: files that could not be opened, who
//! else is editing, plans changed on disk.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::cells::put_line;
use super::text::truncate;
use super::theme;
use crate::app::App;
use crate::words::Say;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let notices = app.notices();
    let shown = usize::from(area.height);
    let max = usize::from(area.width);
    for (i, notice) in notices.iter().take(shown).enumerate() {
        let more = notices.len().saturating_sub(shown);
        let text = if i + 1 == shown && more > 0 {
            format!(" {} (+{more})", notice.say(app.lang()))
        } else {
            format!(" {}", notice.say(app.lang()))
        };
        let style = if notice.is_error() {
            theme::ERROR
        } else {
            theme::NOTICE
        };
        let y = area.y + u16::try_from(i).unwrap_or(0);
        put_line(
            buf,
            area.x,
            y,
            &Line::styled(truncate(&text, max), style),
            area.width,
        );
    }
}
