//! The editor, drawn over the detail pane. The terminal's cursor is put at
//! the caret so an input method shows its pre-edit text there.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::cells::put_line;
use super::text::{pane_title, truncate};
use super::theme;
use crate::app::Editor;
use crate::model::fields::{Field, Kind};
use crate::words::tell::Pane;
use crate::words::{Lang, Say};

/// Draws the editor; returns where the terminal's cursor goes.
pub fn render(editor: &Editor, lang: Lang, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if area.is_empty() {
        return None;
    }
    let max = usize::from(area.width);
    let title = Pane::Editing {
        field: editor.field,
        kind: Kind::of(editor.node.address()),
    };
    pane_title(&title.say(lang), area, buf);
    let guide = match editor.field {
        Field::Schedule => Pane::ScheduleGuide,
        Field::Analysis => Pane::AnalysisGuide,
        field if field.is_multiline() => Pane::MultilineGuide,
        _ => Pane::SingleLineGuide,
    }
    .say(lang);
    if area.height > 1 {
        put_line(
            buf,
            area.x,
            area.y + 1,
            &Line::styled(truncate(&format!(" {guide}"), max), theme::DIM),
            area.width,
        );
    }
    let text_area = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    if text_area.height == 0 {
        return None;
    }
    (&editor.textarea).render(text_area, buf);
    // The widget records its scroll while drawing; read it afterwards.
    let caret = editor.textarea.screen_cursor();
    let (top_row, top_col) = editor.textarea.scroll_offset();
    let row = caret.row.saturating_sub(usize::from(top_row));
    let col = caret.col.saturating_sub(usize::from(top_col));
    let x = text_area.x
        + u16::try_from(col)
            .unwrap_or(0)
            .min(text_area.width.saturating_sub(1));
    let y = text_area.y + u16::try_from(row).unwrap_or(0).min(text_area.height - 1);
    Some(Position::new(x, y))
}
