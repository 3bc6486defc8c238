//! Drawing. Every function here reads the state and never changes it.

pub(crate) mod cells;
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

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use crate::app::{App, Focus, Overlay, View};
use crate::frame::FrameSizes;
use cells::put_line;

/// Draws the whole frame into `buf`; returns where the terminal's cursor
/// goes (the caret of a prompt or editor), if anywhere.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let areas = layout::areas(area, notice_lines(app), app.tree_only());
    tree::render(app, areas.tree, buf);
    // With the tree across the screen the separator has no width.
    for y in areas.separator.top()..areas.separator.bottom() {
        put_line(
            buf,
            areas.separator.x,
            y,
            &Line::styled(theme::SEPARATOR, theme::DIM),
            areas.separator.width,
        );
    }
    let prompt_cursor = render_bars(app, &areas, buf);
    let cursor = match app.editor() {
        Some(editor) => editor::render(editor, app.lang(), areas.detail, buf).or(prompt_cursor),
        None => {
            render_pane(app, areas.detail, buf);
            prompt_cursor
        }
    };
    match app.overlay() {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render(app.keymap(), app.lang(), scroll, area, buf),
        Overlay::QuitDialog
        | Overlay::CommentDialog { .. }
        | Overlay::RecoveryDialog
        | Overlay::DeleteDialog
        | Overlay::FilterMenu => dialog::render(app, app.context(), area, buf),
        Overlay::ConflictDialog => conflict::render(app, area, buf),
        Overlay::Picker => picker::render(app, area, buf),
    }
    colour(app, area, buf);
    cursor
}

/// The sizes of the frame `app` draws on `area` that its keys depend on.
/// The scroll limits are measured only where they apply: the detail pane's
/// while it has the focus, the help's while it is open.
pub fn measure(app: &App, area: Rect) -> FrameSizes {
    let areas = layout::areas(area, notice_lines(app), app.tree_only());
    let detail_focused = app.cursor().focus() == Focus::Detail
        && app.editor().is_none()
        && app.overlay() == Overlay::None;
    FrameSizes {
        tree_rows: layout::tree_body(areas.tree).height,
        detail_height: areas.detail.height,
        detail_max_scroll: if detail_focused {
            detail::max_scroll(app, areas.detail)
        } else {
            0
        },
        help_max_scroll: match app.overlay() {
            Overlay::Help { .. } => help::max_scroll(app.keymap(), area),
            _ => 0,
        },
    }
}

/// Height of the panel of notices above the status bar.
pub fn notice_lines(app: &App) -> u16 {
    layout::notice_lines(app.notices().len())
}

/// The notices, the status bar and the line under it (keys, or a prompt
/// whose caret is returned).
fn render_bars(app: &App, areas: &layout::Areas, buf: &mut Buffer) -> Option<Position> {
    notices::render(app, areas.notices, buf);
    status::render_status(app, areas.status, buf);
    if app.prompt().is_some() {
        status::render_prompt(app, areas.hints, buf)
    } else {
        status::render_hints(app, areas.hints, buf);
        None
    }
}

/// The right-hand pane when no editor covers it.
fn render_pane(app: &App, area: Rect, buf: &mut Buffer) {
    match app.cursor().view() {
        View::Detail => detail::render(app, area, buf),
        View::TreeOnly => {}
        view => views::render(app, view, area, buf),
    }
}

/// What a frame showed, as far as the next frame needs to know to draw
/// again only what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    revision: u64,
    area: Rect,
    notice_lines: u16,
    /// No editor, prompt or overlay: the frames a move draws in parts.
    plain: bool,
    focus: Focus,
    view: View,
    tree_offset: usize,
    selected: Option<usize>,
    /// The field chosen in the detail pane and how far it is scrolled.
    field: (usize, u16),
    /// Said on the line under the status bar instead of the keys.
    message: Option<String>,
}

impl Shown {
    pub fn of(app: &App, area: Rect) -> Self {
        Self {
            revision: app.revision(),
            area,
            notice_lines: notice_lines(app),
            plain: app.editor().is_none()
                && app.prompt().is_none()
                && app.overlay() == Overlay::None,
            focus: app.cursor().focus(),
            view: app.cursor().view(),
            tree_offset: app.cursor().tree_offset(),
            selected: app.selected_row(),
            field: (app.cursor().field(), app.cursor().detail_scroll()),
            message: app.message().map(|m| crate::words::Say::say(m, app.lang())),
        }
    }

    /// Whether this frame differs from `before` at most by where the
    /// selection is (in the tree, or among the detail pane's fields), so
    /// that `patch` can draw it.
    pub fn only_moved_since(&self, before: &Shown) -> bool {
        self.plain
            && Shown {
                selected: before.selected,
                field: before.field,
                ..self.clone()
            } == *before
    }
}

/// Draws into `buf`, which holds the frame `before`, what moving the
/// selection changed since (see `Shown::only_moved_since`): the tree rows
/// it left and reached, the status bar and the right-hand pane (the
/// notices and the line of keys stay). Returns the areas drawn.
pub fn patch(app: &App, before: &Shown, now: &Shown, buf: &mut Buffer) -> Vec<Rect> {
    let mut drawn = Vec::new();
    let areas = layout::areas(buf.area, now.notice_lines, app.tree_only());
    let plans = app.plans();
    for row in [before.selected, now.selected].into_iter().flatten() {
        if let Some(area) = tree::row_area(app, areas.tree, row)
            && !drawn.contains(&area)
        {
            Clear.render(area, buf);
            tree::render_row(app, &plans, row, area, buf);
            drawn.push(area);
        }
    }
    for area in [areas.status, areas.detail] {
        Clear.render(area, buf);
    }
    status::render_status(app, areas.status, buf);
    render_pane(app, areas.detail, buf);
    drawn.extend([areas.status, areas.detail]);
    for area in &drawn {
        colour(app, *area, buf);
    }
    drawn
}

/// Applies the colour settings to what was drawn in `area`.
fn colour(app: &App, area: Rect, buf: &mut Buffer) {
    if app.settings().no_color() {
        strip_colours(area, buf);
    } else if !app.settings().palette().is_empty() {
        recolour(area, buf, app.settings().palette());
    }
}

/// Takes every colour out, keeping bold, underline and reverse video.
fn strip_colours(area: Rect, buf: &mut Buffer) {
    for_each_cell(area, buf, |cell| {
        cell.fg = ratatui::style::Color::Reset;
        cell.bg = ratatui::style::Color::Reset;
    });
}

/// Draws the colours the settings name as others.
fn recolour(area: Rect, buf: &mut Buffer, palette: &[crate::config::Recolour]) {
    let swap = |c: ratatui::style::Color| {
        palette
            .iter()
            .find(|r| theme::colour(r.from) == c)
            .map_or(c, |r| theme::colour(r.to))
    };
    for_each_cell(area, buf, |cell| {
        cell.fg = swap(cell.fg);
        cell.bg = swap(cell.bg);
    });
}

/// Changes each cell of `area`.
fn for_each_cell(area: Rect, buf: &mut Buffer, mut change: impl FnMut(&mut ratatui::buffer::Cell)) {
    for position in area.intersection(buf.area).positions() {
        if let Some(cell) = buf.cell_mut(position) {
            change(cell);
        }
    }
}
