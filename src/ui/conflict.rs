//! A conflict: the same value changed here and by someone else. Shows both,
//! one conflict at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::cells::put_line;
use super::layout::centered;
use super::text::{truncate, wrap};
use super::theme;
use crate::app::App;
use crate::keymap::Context;
use crate::words::Say;
use crate::words::tell::Asked;

/// Lines shown of each side's value before it is cut.
const VALUE_LINES: usize = 4;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(pending) = app.conflict() else {
        return;
    };
    let Some(conflict) = pending.conflicts.get(pending.choices.len()) else {
        return;
    };
    let width = usize::from(area.width.min(76).saturating_sub(2));
    let mut lines: Vec<Line> = wrap(&conflict.label, width)
        .into_iter()
        .map(|l| Line::styled(l, theme::HEADING))
        .collect();
    for (heading, value) in [
        (Asked::Yours.say(app.lang()), &conflict.mine),
        (Asked::Theirs.say(app.lang()), &conflict.theirs),
    ] {
        lines.push(Line::raw(""));
        lines.push(Line::styled(heading, theme::HEADING));
        let wrapped = wrap(value, width.saturating_sub(2));
        let cut = wrapped.len() > VALUE_LINES;
        for (i, piece) in wrapped.into_iter().take(VALUE_LINES).enumerate() {
            let piece = if cut && i + 1 == VALUE_LINES {
                format!("{piece} (...)")
            } else {
                piece
            };
            lines.push(Line::raw(format!("  {piece}")));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(Asked::CopyKept.say(app.lang())));
    let keys: Vec<String> = app
        .keymap()
        .bindings(Context::ConflictDialog)
        .filter_map(|b| Some(format!("{} {}", b.key.name(), b.hint?.say(app.lang()))))
        .collect();
    lines.push(Line::raw(keys.join("  ")));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let frame = centered(area, 76, height.min(area.height));
    if frame.width < 3 || frame.height < 3 {
        return;
    }
    Clear.render(frame, buf);
    let title = Asked::ConflictTitle {
        number: pending.choices.len() + 1,
        of: pending.conflicts.len(),
        path: app.docs()[pending.doc].path.clone(),
    };
    let block = Block::bordered()
        .border_set(theme::BORDER)
        .title(title.say(app.lang()));
    let inner = block.inner(frame);
    block.render(frame, buf);
    for (i, line) in lines.iter().take(usize::from(inner.height)).enumerate() {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let line = Line::styled(truncate(&text, width), line.style);
        put_line(
            buf,
            inner.x,
            inner.y + u16::try_from(i).unwrap_or(0),
            &line,
            inner.width,
        );
    }
}
