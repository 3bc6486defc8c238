//! Drawing. Every function here reads the state and never changes it.

mod conflict;
pub mod detail;
mod dialog;
mod editor;
pub mod help;
pub mod layout;
mod notices;
mod picker;
mod status;
pub mod text;
pub mod theme;
mod tree;
mod views;

use ratatui::Frame;
use ratatui::text::Line;

use crate::app::{App, Overlay, View};

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let areas = layout::areas(area, app.notice_lines(), app.tree_only());
    let buf = frame.buffer_mut();
    tree::render(app, areas.tree, buf);
    for y in areas.separator.top()..areas.separator.bottom() {
        if areas.separator.width == 0 {
            break;
        }
        buf.set_line(
            areas.separator.x,
            y,
            &Line::styled(theme::SEPARATOR, theme::DIM),
            1,
        );
    }
    notices::render(app, areas.notices, buf);
    status::render_status(app, areas.status, buf);
    if app.prompt.is_some() {
        status::render_prompt(app, areas.hints, frame);
    } else {
        status::render_hints(app, areas.hints, frame.buffer_mut());
    }
    match (&app.editor, app.view) {
        (Some(editor), _) => editor::render(editor, areas.detail, frame),
        (None, View::Detail) => detail::render(app, areas.detail, frame.buffer_mut()),
        (None, View::TreeOnly) => {}
        (None, view) => views::render(app, view, areas.detail, frame.buffer_mut()),
    }
    let buf = frame.buffer_mut();
    match app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render(&app.keymap, app.lang, scroll, area, buf),
        Overlay::QuitDialog
        | Overlay::CommentDialog { .. }
        | Overlay::RecoveryDialog
        | Overlay::DeleteDialog
        | Overlay::FilterMenu => dialog::render(app, app.context(), area, buf),
        Overlay::ConflictDialog => conflict::render(app, area, buf),
        Overlay::Picker => picker::render(app, area, buf),
    }
    if app.no_color {
        strip_colours(frame.buffer_mut());
    } else if !app.palette.is_empty() {
        recolour(frame.buffer_mut(), &app.palette);
    }
}

/// Takes every colour out, keeping bold, underline and reverse video.
fn strip_colours(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        cell.fg = ratatui::style::Color::Reset;
        cell.bg = ratatui::style::Color::Reset;
    }
}

/// Draws the colours the settings name as others.
fn recolour(buf: &mut ratatui::buffer::Buffer, palette: &[crate::config::Recolour]) {
    let swap = |c: ratatui::style::Color| {
        palette
            .iter()
            .find(|r| theme::colour(r.from) == c)
            .map_or(c, |r| theme::colour(r.to))
    };
    for cell in &mut buf.content {
        cell.fg = swap(cell.fg);
        cell.bg = swap(cell.bg);
    }
}
