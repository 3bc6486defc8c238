//! The terminal's picture: what it shows, and each next frame sent as the
//! difference from it. A move of the selection draws again only the rows
//! and panes it changed (`ui::patch`) and compares only those rows, so a
//! key costs work in proportion to what changed on screen, not to the
//! size of the screen.

use std::ops::Range;

use crate::backend::Ahead;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthStr;

use crate::action::Action;
use crate::app::App;
use crate::ui;

mod ahead;

/// Hands the app the sizes of the frame it is about to be drawn in (rows
/// per page, how far the panes scroll), as the terminal loop does before
/// every frame: what the keys depend on reaches the app as data.
pub fn measure(app: &mut App) {
    let sizes = ui::measure(app, app.size());
    if sizes != app.frame() {
        app.update(Action::Frame(sizes));
    }
}

pub struct Screen<B> {
    backend: B,
    /// What the terminal shows.
    shown: Buffer,
    /// The frame being drawn; between frames the same as `shown`, or the
    /// frame before when `next_stale` (a whole frame swaps the two instead
    /// of copying).
    next: Buffer,
    next_stale: bool,
    /// What the last frame showed of the app; `None` until one was drawn
    /// whole.
    before: Option<ui::Shown>,
    /// Room for the rows being compared, kept from frame to frame.
    bands: [Buffer; 2],
    /// Frames of the likely next moves, drawn while the user reads.
    ahead: ahead::Frames,
}

impl<B: Ahead> Screen<B> {
    pub fn new(backend: B) -> Self {
        Self {
            backend,
            shown: Buffer::empty(Rect::ZERO),
            next: Buffer::empty(Rect::ZERO),
            next_stale: false,
            before: None,
            bands: [Buffer::empty(Rect::ZERO), Buffer::empty(Rect::ZERO)],
            ahead: ahead::Frames::default(),
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    /// Clears the terminal; the next frame is drawn and sent whole.
    pub fn clear(&mut self) -> Result<(), B::Error> {
        self.backend.clear()?;
        self.shown.reset();
        self.before = None;
        Ok(())
    }

    /// Draws the app on a terminal of `size` and sends what changed.
    pub fn draw(&mut self, app: &App, size: Size) -> Result<(), B::Error> {
        let area = Rect::new(0, 0, size.width, size.height);
        if area != self.shown.area {
            self.shown.resize(area);
            self.next.resize(area);
            self.clear()?;
        }
        let now = ui::Shown::of(app, area);
        if self.before.as_ref() == Some(&now) {
            // Nothing changed (the cursor too stays where it is).
            return Ok(());
        }
        let before = self.before.take();
        let ahead = before.as_ref().and_then(|b| self.ahead.take(b, &now));
        let cursor = match (before, ahead) {
            (_, Some(frame)) => {
                self.send_ahead(frame)?;
                None
            }
            (Some(before), None) if now.only_moved_since(&before) => {
                self.draw_moves(app, &before, &now)?;
                None
            }
            _ => self.draw_whole(app)?,
        };
        match cursor {
            Some(position) => {
                self.backend.set_cursor_position(position)?;
                self.backend.show_cursor()?;
            }
            None => self.backend.hide_cursor()?,
        }
        self.before = Some(now);
        self.backend.flush()
    }

    /// Draws and sends what moving the selection changed since `before`.
    fn draw_moves(
        &mut self,
        app: &App,
        before: &ui::Shown,
        now: &ui::Shown,
    ) -> Result<(), B::Error> {
        if self.next_stale {
            self.next.content.clone_from_slice(&self.shown.content);
            self.next_stale = false;
        }
        let areas = ui::patch(app, before, now, &mut self.next);
        for rows in rows_to_compare(&areas, self.shown.area.height) {
            self.send(rows)?;
        }
        for area in areas {
            self.keep(area);
        }
        Ok(())
    }

    /// Draws and sends the whole frame; returns where the cursor goes.
    fn draw_whole(&mut self, app: &App) -> Result<Option<Position>, B::Error> {
        let area = self.shown.area;
        self.next.reset();
        let cursor = ui::render(app, area, &mut self.next);
        self.send(0..area.height)?;
        std::mem::swap(&mut self.shown, &mut self.next);
        self.next_stale = true;
        Ok(cursor)
    }

    /// Sends the cells of `rows` that differ from what is shown.
    fn send(&mut self, rows: Range<u16>) -> Result<(), B::Error> {
        let changes = compare(&self.shown, &self.next, rows, &mut self.bands);
        self.backend.draw(changes.into_iter())
    }

    /// Records `area` of the frame drawn as shown.
    fn keep(&mut self, area: Rect) {
        let area = area.intersection(self.shown.area);
        let width = usize::from(self.shown.area.width);
        for y in area.top()..area.bottom() {
            let start = usize::from(y) * width + usize::from(area.x);
            let cells = start..start + usize::from(area.width);
            self.shown.content[cells.clone()].clone_from_slice(&self.next.content[cells]);
        }
    }
}

/// The rows to compare after drawing `areas` again: for most of the
/// screen, comparing all of it once costs less than copying those rows out
/// (the rows not drawn again are the same on both sides).
fn rows_to_compare(areas: &[Rect], height: u16) -> Vec<Range<u16>> {
    let bands = row_bands(areas);
    let rows: usize = bands.iter().map(ExactSizeIterator::len).sum();
    if rows * 2 >= usize::from(height) {
        std::iter::once(0..height).collect()
    } else {
        bands
    }
}

/// The cells of `rows` in `new` that differ from `old`. The whole screen
/// is compared in place; a band of rows is copied out into `bands` to be
/// compared on its own.
fn compare<'a>(
    old: &'a Buffer,
    new: &'a Buffer,
    rows: Range<u16>,
    bands: &'a mut [Buffer; 2],
) -> Vec<(u16, u16, &'a Cell)> {
    if rows.len() == usize::from(old.area.height) {
        return with_halves_left_behind(old.diff(new), old, new);
    }
    let width = usize::from(old.area.width);
    let cells = usize::from(rows.start) * width..usize::from(rows.end) * width;
    let area = Rect::new(0, rows.start, old.area.width, rows.end - rows.start);
    let [before, after] = bands;
    for (band, buf) in [(&mut *before, old), (&mut *after, new)] {
        band.area = area;
        band.content.clear();
        band.content.extend_from_slice(&buf.content[cells.clone()]);
    }
    let (before, after) = (&*before, &*after);
    with_halves_left_behind(before.diff(after), before, after)
}

/// The changes, plus the cells a terminal blanks on its own: writing over
/// one half of a wide character that was shown erases its other half (with
/// whatever colours and underline are being written), which the cell-by-
/// cell comparison does not see when that half's cell compares equal.
fn with_halves_left_behind<'a>(
    changes: Vec<(u16, u16, &'a Cell)>,
    old: &Buffer,
    new: &'a Buffer,
) -> Vec<(u16, u16, &'a Cell)> {
    let wide = |buf: &Buffer, x: u16, y: u16| buf.cell((x, y)).is_some_and(is_wide);
    // The comparison yields cells in screen order.
    let written = |x: u16, y: u16| {
        changes
            .binary_search_by_key(&(y, x), |&(cx, cy, _)| (cy, cx))
            .is_ok()
    };
    let mut extra = Vec::new();
    for &(x, y, cell) in &changes {
        let width = if is_wide(cell) {
            cell.symbol().width()
        } else {
            1
        };
        let last = x + u16::try_from(width).unwrap_or(1) - 1;
        for column in x..=last {
            // A wide character shown from the column before, or from this
            // column on past the cells written now.
            let broken = [
                (column > 0 && wide(old, column - 1, y)).then(|| column - 1),
                (column == last && wide(old, column, y)).then_some(column + 1),
            ];
            for other in broken.into_iter().flatten() {
                let hidden = other > 0 && wide(new, other - 1, y);
                if (other < x || other > last)
                    && !hidden
                    && !written(other, y)
                    && let Some(cell) = new.cell((other, y))
                {
                    extra.push((other, y, cell));
                }
            }
        }
    }
    if extra.is_empty() {
        return changes;
    }
    let mut all = changes;
    all.extend(extra);
    all.sort_by_key(|&(x, y, _)| (y, x));
    all.dedup_by_key(|&mut (x, y, _)| (y, x));
    all
}

/// Whether the cell holds a character two columns wide (all of which take
/// three bytes or more, so most cells are told apart by length alone).
fn is_wide(cell: &Cell) -> bool {
    let symbol = cell.symbol();
    symbol.len() >= 3 && symbol.width() > 1
}

/// The rows `areas` cover, as few ranges as can hold them.
fn row_bands(areas: &[Rect]) -> Vec<Range<u16>> {
    let mut rows: Vec<Range<u16>> = areas
        .iter()
        .filter(|a| !a.is_empty())
        .map(|a| a.top()..a.bottom())
        .collect();
    rows.sort_by_key(|r| r.start);
    let mut bands: Vec<Range<u16>> = Vec::new();
    for r in rows {
        match bands.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => bands.push(r),
        }
    }
    bands
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::{row_bands, with_halves_left_behind};

    #[test]
    fn the_half_of_a_wide_character_a_terminal_blanks_is_sent_again() {
        let area = Rect::new(0, 0, 8, 1);
        let mut old = Buffer::empty(area);
        old.set_string(1, 0, "漢字", ratatui::style::Style::new());
        let mut new = Buffer::empty(area);
        let underlined = ratatui::style::Style::new().underlined();
        new.set_string(0, 0, "漢字", underlined);
        // Column 4 (the right half of 字 as shown) is blank on both sides,
        // yet writing 字 over columns 2-3 makes the terminal blank it.
        let plain = old.diff(&new);
        assert!(plain.iter().all(|&(x, _, _)| x != 4));
        let sent: Vec<u16> = with_halves_left_behind(plain, &old, &new)
            .iter()
            .map(|&(x, _, _)| x)
            .collect();
        assert_eq!(sent, [0, 2, 4]);
    }

    #[test]
    fn rows_of_overlapping_and_touching_areas_are_sent_once() {
        let areas = [
            Rect::new(0, 5, 40, 1),
            Rect::new(41, 1, 39, 20),
            Rect::new(0, 22, 80, 1),
            Rect::new(0, 21, 80, 1),
            Rect::new(0, 30, 80, 0),
        ];
        assert_eq!(row_bands(&areas), vec![Range { start: 1, end: 23 }]);
        assert_eq!(
            row_bands(&[Rect::new(0, 9, 10, 1), Rect::new(0, 3, 10, 1)]),
            [3..4, 9..10]
        );
    }
}
