//! The terminal's picture: what it shows, and each next frame sent as the
//! difference from it. A move of the selection draws again only the rows
//! and panes it changed (`ui::patch`) and compares only those rows, so a
//! key costs work in proportion to what changed on screen, not to the
//! size of the screen.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect, Size};

use crate::action::Action;
use crate::app::App;
use crate::backend::Ahead;
use crate::ui;

mod ahead;
mod compare;

use compare::{compare, rows_to_compare};

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

    /// Draws ahead the frames of the likely next moves, stopping as soon as
    /// `waiting` says a key is there (drawing ahead must never delay it).
    pub fn draw_ahead(&mut self, app: &mut App, waiting: impl FnMut() -> bool) {
        if let Some(before) = &self.before {
            self.ahead.draw(
                app,
                waiting,
                before,
                &self.backend,
                &self.shown,
                &mut self.bands,
            );
        }
    }

    /// How many frames drawn ahead were sent.
    pub fn frames_sent_ahead(&self) -> u64 {
        self.ahead.sent()
    }

    /// Sends frame `i` drawn ahead; it becomes what the terminal shows.
    fn send_ahead(&mut self, i: usize) -> Result<(), B::Error> {
        self.ahead.send(i, &mut self.backend, &mut self.shown)?;
        self.next_stale = true;
        Ok(())
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
