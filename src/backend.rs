//! A terminal backend that sends fewer bytes, which is what a user on a
//! slow SSH link feels on every key. It wraps another backend and:
//! - does not move the cursor after each wide (CJK) character: the inner
//!   backend assumes every cell advances the cursor by one, so a row of
//!   Japanese text cost a cursor move (six or more bytes) per character;
//! - sends nothing for a frame in which no cell changed (the inner backend
//!   would still reset the colours);
//! - hides or shows the cursor only when that changes.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

pub struct Lean<B> {
    inner: B,
    cursor_shown: Option<bool>,
}

impl<B> Lean<B> {
    pub fn new(inner: B) -> Self {
        Self {
            inner,
            cursor_shown: None,
        }
    }
}

/// The changed cells with, after each wide character that is directly
/// followed by the next changed cell, an empty cell standing for the
/// column it covers: printing it sends nothing, and the inner backend then
/// sees the cursor where it is.
fn with_covered_columns<'a>(
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> Vec<(u16, u16, Cell)> {
    let mut cells: Vec<(u16, u16, Cell)> = Vec::new();
    for (x, y, cell) in content {
        if let Some((px, py, previous)) = cells.last().cloned() {
            let width = u16::try_from(previous.symbol().width()).unwrap_or(1);
            // A cluster of several characters (an emoji sequence, say) may
            // be drawn at another width by the terminal: the cursor is moved
            // after it, as the inner backend does.
            let single = previous.symbol().chars().nth(1).is_none();
            if py == y && width > 1 && single && px + width == x {
                let mut covered = previous;
                covered.set_symbol("");
                for step in 1..width {
                    cells.push((px + step, y, covered.clone()));
                }
            }
        }
        cells.push((x, y, cell.clone()));
    }
    cells
}

impl<B: Backend> Backend for Lean<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells = with_covered_columns(content);
        if cells.is_empty() {
            return Ok(());
        }
        self.inner
            .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell)))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_shown != Some(false) {
            self.inner.hide_cursor()?;
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_shown != Some(true) {
            self.inner.show_cursor()?;
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use super::Lean;

    /// A writer whose bytes the test can read afterwards.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Draws each frame's lines through the lean backend into bytes, and
    /// reads those bytes as a terminal would.
    fn play(frames: &[&[&str]]) -> (Vec<u8>, vt100::Parser) {
        let area = Rect::new(0, 0, 30, 3);
        let written = Shared::default();
        let backend = Lean::new(CrosstermBackend::new(written.clone()));
        let options = TerminalOptions {
            viewport: Viewport::Fixed(area),
        };
        let mut terminal = Terminal::with_options(backend, options).unwrap();
        for lines in frames {
            terminal
                .draw(|frame| {
                    for (y, text) in (0..).zip(lines.iter()) {
                        let row = Rect::new(0, y, area.width, 1);
                        frame.render_widget(Line::raw(*text), row);
                    }
                })
                .unwrap();
        }
        drop(terminal);
        let bytes = written.0.borrow().clone();
        let mut parser = vt100::Parser::new(area.height, area.width, 0);
        parser.process(&bytes);
        (bytes, parser)
    }

    #[test]
    fn wide_text_lands_where_it_belongs_without_a_move_per_character() {
        let (bytes, parser) = play(&[
            &["成長戦略アクションプラン", "KPI ⅰ 目標 5,300件", "abc"],
            &["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"],
            &["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"],
        ]);
        let rows: Vec<String> = parser
            .screen()
            .rows(0, 30)
            .map(|r| r.trim_end().to_owned())
            .collect();
        assert_eq!(rows, ["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"]);
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains("成長戦略アクションプラン"),
            "a row of wide characters is sent as one run: {text:?}"
        );
        let resets = text.matches("\u{1b}[0m").count();
        assert_eq!(resets, 2, "the unchanged third frame sends nothing");
        assert_eq!(
            text.matches("\u{1b}[?25l").count(),
            1,
            "the cursor is hidden once"
        );
    }

    #[test]
    fn after_a_cluster_of_several_characters_the_cursor_is_placed_again() {
        let (bytes, _) = play(&[&["👨\u{200d}👩AB"]]);
        let text = String::from_utf8_lossy(&bytes);
        let after = text.split('👩').nth(1).unwrap_or_default();
        assert!(after.starts_with("\u{1b}["), "{text:?}");
    }
}
