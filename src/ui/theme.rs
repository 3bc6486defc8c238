//! Every style the app uses, by name. Meaning never rests on colour alone:
//! selection is reversed, errors say "error", headings are bold.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::model::grade::Colour;

pub const TITLE: Style = Style::new()
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::REVERSED);
pub const HEADING: Style = Style::new().add_modifier(Modifier::BOLD);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const SELECTED_UNFOCUSED: Style = Style::new().add_modifier(Modifier::UNDERLINED);
pub const DIM: Style = Style::new().add_modifier(Modifier::DIM);
pub const AMOUNT: Style = Style::new().fg(Color::Cyan);
pub const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const STATUS: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const NOTICE: Style = Style::new().fg(Color::Yellow);
pub const MATCH: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
pub const RATE: Style = Style::new().fg(Color::Magenta);

/// The colour of an evaluation grade (always shown with its marker).
pub fn grade(colour: Colour) -> Style {
    Style::new()
        .fg(self::colour(colour))
        .add_modifier(Modifier::BOLD)
}

/// A named colour of a plan or the settings as the terminal's colour; the
/// sixteen basic ones only, so every terminal shows them.
pub fn colour(colour: Colour) -> Color {
    match colour {
        Colour::Green => Color::Green,
        Colour::Cyan => Color::Cyan,
        Colour::Blue => Color::Blue,
        Colour::Yellow => Color::Yellow,
        Colour::Red => Color::Red,
        Colour::Magenta => Color::Magenta,
        Colour::Gray => Color::Gray,
    }
}

pub const DIRTY: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);

/// Box borders in ASCII: box-drawing characters are "ambiguous width" and
/// Japanese terminals (Tera Term's default among them) draw them two cells
/// wide, which breaks every line they are on.
pub const BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// Tree markers and the truncation marker: not East-Asian-ambiguous.
pub const EXPANDED: &str = "▾ ";
pub const COLLAPSED: &str = "▸ ";
pub const LEAF: &str = "  ";
pub const TRUNCATED: char = '›';
pub const SEPARATOR: &str = "|";
