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

/// Writes `content` as runs of text: the cursor is moved only where the
/// terminal's own is not, and the look is sent only where it changes. Each
/// call starts and ends plain, so calls can follow one another in any
/// order.
fn write_cells<'a>(
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    w: &mut impl Write,
) -> io::Result<()> {
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

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        write_cells(content, self.inner.writer_mut())
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

/// A backend that can turn cells into bytes before they are sent, so that a
/// frame can be made ready before the key that shows it.
pub trait Ahead: Backend {
    /// Writes into `out` what drawing `content` would send; `false` when
    /// this backend cannot (then nothing is drawn ahead).
    fn encode<'a>(
        &self,
        content: impl Iterator<Item = (u16, u16, &'a Cell)>,
        out: &mut Vec<u8>,
    ) -> bool;

    /// Sends what `encode` wrote.
    fn send(&mut self, bytes: &[u8]) -> Result<(), Self::Error>;
}

impl<W: Write> Ahead for Lean<W> {
    fn encode<'a>(
        &self,
        content: impl Iterator<Item = (u16, u16, &'a Cell)>,
        out: &mut Vec<u8>,
    ) -> bool {
        // Writing into memory cannot fail.
        write_cells(content, out).is_ok()
    }

    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.inner.writer_mut().write_all(bytes)
    }
}

/// Drawn into memory for tests, it keeps cells and not bytes: nothing is
/// drawn ahead.
impl Ahead for ratatui::backend::TestBackend {
    fn encode<'a>(&self, _: impl Iterator<Item = (u16, u16, &'a Cell)>, _: &mut Vec<u8>) -> bool {
        false
    }

    fn send(&mut self, _: &[u8]) -> Result<(), Self::Error> {
        Ok(())
    }
}
