//! A terminal backend that sends fewer bytes and does less per key, which
//! is what a user on a slow SSH link feels. It draws through crossterm's
//! writer itself instead of cell by cell through crossterm's commands:
//! - text of the same style goes out in runs, and the cursor is moved only
//!   where the terminal's own cursor is not already: also after a wide
//!   (CJK) character, which advances it by two columns (crossterm assumes
//!   one, and so moved the cursor after every Japanese character);
//! - colours and attributes are set only where they change, and reset at
//!   the end only when they are not already plain;
//! - a frame in which no cell changed sends nothing;
//! - hiding or showing the cursor is sent only when that changes.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::backend::IntoCrossterm;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

pub struct Lean<W: Write> {
    inner: CrosstermBackend<W>,
    cursor_shown: Option<bool>,
}

impl<W: Write> Lean<W> {
    pub fn new(inner: CrosstermBackend<W>) -> Self {
        Self {
            inner,
            cursor_shown: None,
        }
    }
}

/// Colours and attributes as last sent.
#[derive(Clone, Copy, PartialEq)]
struct Look {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

const PLAIN: Look = Look {
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
};

impl Look {
    fn of(cell: &Cell) -> Self {
        Self {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Sends what changes from `self` to `to`.
    fn change_to(self, to: Look, w: &mut impl Write) -> io::Result<()> {
        if to.modifier != self.modifier {
            change_modifier(self.modifier, to.modifier, w)?;
        }
        if (to.fg, to.bg) != (self.fg, self.bg) {
            let colors = Colors::new(to.fg.into_crossterm(), to.bg.into_crossterm());
            queue!(w, SetColors(colors))?;
        }
        if to.underline != self.underline {
            queue!(w, SetUnderlineColor(to.underline.into_crossterm()))?;
        }
        Ok(())
    }
}

/// The attribute changes from `from` to `to`, as ratatui's crossterm
/// backend sends them (bold and dim share one reset).
fn change_modifier(from: Modifier, to: Modifier, w: &mut impl Write) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    let mut set = |attribute| queue!(w, SetAttribute(attribute));
    for (modifier, attribute) in [
        (Modifier::REVERSED, Attribute::NoReverse),
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            set(attribute)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink)?;
    }
    if reset_intensity {
        set(Attribute::NormalIntensity)?;
    }
    let again = if reset_intensity { to } else { added };
    for (modifier, attribute) in [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
    ] {
        if again.contains(modifier) {
            set(attribute)?;
        }
    }
    for (modifier, attribute) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        if added.contains(modifier) {
            set(attribute)?;
        }
    }
    Ok(())
}

/// Where the terminal's cursor is after printing `symbol` at `x`: a
/// single character advances it by its width; after a cluster of several
/// characters (an emoji sequence, say) terminals disagree, so it is not
/// known.
fn after(symbol: &str, x: u16, y: u16) -> Option<(u16, u16)> {
    let mut chars = symbol.chars();
    let single = chars.next().is_some() && chars.next().is_none();
    let width = u16::try_from(symbol.width()).ok()?;
    single.then_some((x.checked_add(width)?, y))
}

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let w = self.inner.writer_mut();
        let mut look = PLAIN;
        let mut cursor = None;
        for (x, y, cell) in content {
            if cursor != Some((x, y)) {
                queue!(w, crossterm::cursor::MoveTo(x, y))?;
            }
            let next = Look::of(cell);
            if next != look {
                look.change_to(next, w)?;
                look = next;
            }
            w.write_all(cell.symbol().as_bytes())?;
            cursor = after(cell.symbol(), x, y);
        }
        if look.underline != Color::Reset {
            queue!(w, SetUnderlineColor(CrosstermColor::Reset))?;
        }
        if look != PLAIN {
            queue!(
                w,
                SetForegroundColor(CrosstermColor::Reset),
                SetBackgroundColor(CrosstermColor::Reset),
                SetAttribute(Attribute::Reset),
            )?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            self.inner.hide_cursor()?;
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            self.inner.show_cursor()?;
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
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
    /// reads those bytes as a terminal would; returns each frame's bytes.
    fn play(frames: &[&[Line]]) -> (Vec<Vec<u8>>, vt100::Parser) {
        let area = Rect::new(0, 0, 30, 3);
        let written = Shared::default();
        let backend = Lean::new(CrosstermBackend::new(written.clone()));
        let options = TerminalOptions {
            viewport: Viewport::Fixed(area),
        };
        let mut terminal = Terminal::with_options(backend, options).unwrap();
        let mut parser = vt100::Parser::new(area.height, area.width, 0);
        let mut sent = Vec::new();
        for lines in frames {
            terminal
                .draw(|frame| {
                    for (y, line) in (0..).zip(lines.iter()) {
                        let row = Rect::new(0, y, area.width, 1);
                        frame.render_widget(line, row);
                    }
                })
                .unwrap();
            let bytes = std::mem::take(&mut *written.0.borrow_mut());
            parser.process(&bytes);
            sent.push(bytes);
        }
        (sent, parser)
    }

    fn plain(lines: &[&'static str]) -> Vec<Line<'static>> {
        lines.iter().map(|l| Line::raw(*l)).collect()
    }

    #[test]
    fn wide_text_lands_where_it_belongs_without_a_move_per_character() {
        let (sent, parser) = play(&[
            &plain(&["成長戦略アクションプラン", "KPI ⅰ 目標 5,300件", "abc"]),
            &plain(&["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"]),
            &plain(&["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"]),
        ]);
        let rows: Vec<String> = parser
            .screen()
            .rows(0, 30)
            .map(|r| r.trim_end().to_owned())
            .collect();
        assert_eq!(rows, ["成長戦略の進捗", "KPI ⅰ 目標 5,300件", "abc 予算"]);
        let text = String::from_utf8_lossy(&sent[0]);
        assert!(
            text.contains("成長戦略アクションプラン"),
            "a row of wide characters is sent as one run: {text:?}"
        );
        assert!(
            sent[2].is_empty(),
            "the unchanged third frame sends nothing"
        );
        let all: Vec<u8> = sent.concat();
        assert_eq!(
            String::from_utf8_lossy(&all).matches("\u{1b}[?25l").count(),
            1,
            "the cursor is hidden once"
        );
    }

    #[test]
    fn after_a_cluster_of_several_characters_the_cursor_is_placed_again() {
        let (sent, _) = play(&[&plain(&["👨\u{200d}👩AB"])]);
        let text = String::from_utf8_lossy(&sent[0]);
        let after = text.split('👩').nth(1).unwrap_or_default();
        assert!(after.starts_with("\u{1b}["), "{text:?}");
    }

    #[test]
    fn colours_and_attributes_reach_the_terminal_as_drawn() {
        use ratatui::style::{Color, Modifier, Style};
        use ratatui::text::Span;
        let styled = |spans: Vec<Span<'static>>| vec![Line::from(spans)];
        let first = styled(vec![
            Span::styled("選択", Style::new().reversed().bold()),
            Span::styled(" 16,550", Style::new().fg(Color::Cyan).dim()),
            Span::styled(" 千円", Style::new().underlined().italic()),
            Span::raw(" 3件"),
        ]);
        let second = styled(vec![
            Span::styled("選択", Style::new().bold()),
            Span::styled(" 16,550", Style::new().fg(Color::Cyan).bold()),
            Span::styled(" 千円", Style::new().bg(Color::Indexed(236))),
            Span::styled(" 3件", Style::new().crossed_out()),
        ]);
        for frames in [vec![&first[..]], vec![&first[..], &second[..]]] {
            let (_, parser) = play(&frames);
            let line = &frames.last().unwrap()[0];
            let mut x = 0;
            for span in &line.spans {
                for c in span.content.chars() {
                    let cell = parser.screen().cell(0, x).unwrap();
                    let m = span.style.add_modifier;
                    let colour = |c: Option<Color>| match c {
                        Some(Color::Cyan) => vt100::Color::Idx(6),
                        Some(Color::Indexed(i)) => vt100::Color::Idx(i),
                        _ => vt100::Color::Default,
                    };
                    // A plain blank is never sent to a fresh screen.
                    let text = Some(cell.contents()).filter(|t| !t.is_empty());
                    assert_eq!(text.unwrap_or(" "), c.to_string(), "column {x}");
                    assert_eq!(
                        (
                            cell.fgcolor(),
                            cell.bgcolor(),
                            cell.bold(),
                            cell.dim(),
                            cell.italic(),
                            cell.underline(),
                            cell.inverse(),
                        ),
                        (
                            colour(span.style.fg),
                            colour(span.style.bg),
                            m.contains(Modifier::BOLD),
                            m.contains(Modifier::DIM),
                            m.contains(Modifier::ITALIC),
                            m.contains(Modifier::UNDERLINED),
                            m.contains(Modifier::REVERSED),
                        ),
                        "{c:?} at column {x} of {} frame(s)",
                        frames.len()
                    );
                    x += u16::try_from(unicode_width::UnicodeWidthChar::width(c).unwrap()).unwrap();
                }
            }
        }
    }
}
