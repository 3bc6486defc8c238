//! Frames drawn ahead. While the user reads, the frames of the moves most
//! likely typed next (down and up) are drawn, compared with what the
//! terminal shows and turned into bytes; such a key then costs little
//! more than writing them. Which frame a key needs is known only once it
//! has acted: a frame drawn ahead is sent when the app then shows exactly
//! what it was drawn for, from exactly the picture it was drawn against.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::compare::{compare, rows_to_compare};
use crate::action::Action;
use crate::app::App;
use crate::backend::Ahead;
use crate::ui;

/// The moves drawn ahead, most likely first.
const LIKELY: [Action; 4] = [Action::Down, Action::Up, Action::PageDown, Action::PageUp];

#[derive(Default)]
pub(super) struct Frames {
    /// What the terminal showed when they were drawn; they hold only while
    /// it still does.
    from: Option<ui::Shown>,
    /// How many of `LIKELY` were looked at for `from`.
    done: usize,
    frames: Vec<Frame>,
    /// How many were sent (for the tests and benchmarks: a frame drawn
    /// ahead looks the same as one drawn on the key).
    sent: u64,
}

struct Frame {
    /// What it shows of the app; `None` once sent, or when the move would
    /// change more than the selection (or nothing).
    shows: Option<ui::Shown>,
    /// The whole frame, what the terminal shows once it is sent.
    buffer: Buffer,
    /// What turns the terminal's picture into it.
    bytes: Vec<u8>,
}

impl Frames {
    /// Which frame drawn ahead shows `now`, if it was drawn against
    /// `before`.
    pub(super) fn take(&mut self, before: &ui::Shown, now: &ui::Shown) -> Option<usize> {
        if self.from.as_ref() != Some(before) {
            return None;
        }
        // The terminal is about to show something else.
        self.from = None;
        // Frames past `done` were drawn against an earlier picture.
        let i = self.frames[..self.done]
            .iter()
            .position(|f| f.shows.as_ref() == Some(now))?;
        self.frames[i].shows = None;
        self.sent += 1;
        Some(i)
    }

    /// Draws the frames of the likely next moves from `before`, what the
    /// terminal shows (`shown`), stopping as soon as `waiting` says a key
    /// is there (drawing ahead must never delay it).
    pub(super) fn draw<B: Ahead>(
        &mut self,
        app: &mut App,
        mut waiting: impl FnMut() -> bool,
        before: &ui::Shown,
        backend: &B,
        shown: &Buffer,
        bands: &mut [Buffer; 2],
    ) {
        if !app.moves_only_move() {
            return;
        }
        if self.from.as_ref() != Some(before) {
            self.from = Some(before.clone());
            self.done = 0;
        }
        while self.done < LIKELY.len() && !waiting() {
            let i = self.done;
            if self.frames.len() == i {
                self.frames.push(Frame {
                    shows: None,
                    buffer: Buffer::empty(Rect::ZERO),
                    bytes: Vec::new(),
                });
            }
            let shows = self.draw_frame(app, LIKELY[i].clone(), i, backend, shown, bands);
            self.frames[i].shows = shows;
            self.done += 1;
        }
    }

    /// Draws into frame `i` what `action` would show; returns what that is
    /// of the app, or `None` when nothing is drawn ahead for it.
    fn draw_frame<B: Ahead>(
        &mut self,
        app: &mut App,
        action: Action,
        i: usize,
        backend: &B,
        shown: &Buffer,
        bands: &mut [Buffer; 2],
    ) -> Option<ui::Shown> {
        let before = self.from.as_ref()?;
        let frame = &mut self.frames[i];
        let (now, areas) = app
            .preview(action, |moved| {
                let now = ui::Shown::of(moved, shown.area);
                if now == *before {
                    return None;
                }
                frame.buffer.resize(shown.area);
                let areas = if now.only_moved_since(before) {
                    frame.buffer.content.clone_from_slice(&shown.content);
                    ui::patch(moved, before, &now, &mut frame.buffer)
                } else {
                    // The tree scrolled. A move leaves nothing open, so
                    // there is no cursor to place.
                    frame.buffer.reset();
                    ui::render(moved, shown.area, &mut frame.buffer);
                    vec![shown.area]
                };
                Some((now, areas))
            })
            .flatten()?;
        frame.bytes.clear();
        for rows in rows_to_compare(&areas, shown.area.height) {
            let changes = compare(shown, &frame.buffer, rows, bands);
            if !backend.encode(changes.into_iter(), &mut frame.bytes) {
                return None;
            }
        }
        Some(now)
    }

    /// How many were sent.
    pub(super) fn sent(&self) -> u64 {
        self.sent
    }

    /// Sends frame `i`; it becomes what the terminal shows (`shown`).
    pub(super) fn send<B: Ahead>(
        &mut self,
        i: usize,
        backend: &mut B,
        shown: &mut Buffer,
    ) -> Result<(), B::Error> {
        let frame = &mut self.frames[i];
        backend.send(&frame.bytes)?;
        std::mem::swap(shown, &mut frame.buffer);
        Ok(())
    }
}
