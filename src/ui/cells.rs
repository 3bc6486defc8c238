//! Writing text into cells. Ratatui splits every string into grapheme
//! clusters before writing it, which is most of the cost of drawing a row
//! of the tree. Text made only of characters that always stand alone
//! (ASCII, kana, kanji, full-width forms, common symbols) is written a
//! character at a time instead, with the same result as ratatui's (tested
//! against it on random text); any other text goes through ratatui.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;
use unicode_width::UnicodeWidthChar;

/// What `Buffer::set_line` does: the line's spans from `(x, y)`, in at
/// most `max_width` cells; returns where the line ends.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let (end, _) = put_str(buf, x, y, &span.content, usize::from(remaining), style);
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    (x, y)
}

/// What `Buffer::set_stringn` does.
pub fn put_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: usize,
    style: Style,
) -> (u16, u16) {
    if !text.chars().all(stands_alone) {
        return buf.set_stringn(x, y, text, max_width, style);
    }
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let mut remaining = buf.area.right().saturating_sub(x).min(max_width);
    let mut x = x;
    for c in text.chars() {
        let width = if c.is_ascii() {
            1
        } else {
            c.width().and_then(|w| u16::try_from(w).ok()).unwrap_or(1)
        };
        let Some(rest) = remaining.checked_sub(width) else {
            break;
        };
        remaining = rest;
        buf[(x, y)].set_char(c).set_style(style);
        let next = x + width;
        x += 1;
        // The cells a wide character covers are cleared, as ratatui does.
        while x < next {
            buf[(x, y)].reset();
            x += 1;
        }
    }
    (x, y)
}

/// Whether `c` is a grapheme cluster of its own next to any neighbour,
/// and one or two cells wide: no controls, combining or joining marks,
/// variation selectors, Hangul jamo or regional indicators.
fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A1}'..='\u{AC}'
        | '\u{AE}'..='\u{2FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2100}'..='\u{27BF}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{303F}'
        | '\u{3041}'..='\u{3096}'
        | '\u{309B}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF9D}'
        | '\u{FFE0}'..='\u{FFE6}'
    )
}

#[cfg(test)]
mod tests {
    use super::{put_line, put_str, stands_alone};
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Line;

    /// Characters that stand alone and ones that do not: combining marks,
    /// joiners, variation selectors, emoji, controls, jamo, sound marks.
    const POOL: &[char] = &[
        'a',
        'Z',
        ' ',
        '|',
        '~',
        '¥',
        'é',
        'ß',
        'ⅰ',
        '①',
        '▾',
        '▸',
        '—',
        '…',
        '※',
        '　',
        '、',
        'あ',
        'ア',
        'ｱ',
        '漢',
        '県',
        '庁',
        '円',
        '１',
        '％',
        '\u{301}',
        '\u{3099}',
        '\u{200D}',
        '\u{FE0F}',
        '\u{1F468}',
        '\u{1F469}',
        '\t',
        '\n',
        '\u{AD}',
        '\u{FF9E}',
        '\u{1100}',
        '\u{1161}',
        '\u{1F1EF}',
        '\u{1F1F5}',
        '\u{0}',
        '\u{7F}',
        '\u{2028}',
        '\u{E9}',
        '\u{302A}',
    ];

    /// Text of characters that stand alone (the quick way), or of any in
    /// the pool (mostly ratatui's way).
    fn text() -> impl Strategy<Value = String> {
        let alone: Vec<char> = POOL.iter().copied().filter(|c| stands_alone(*c)).collect();
        prop_oneof![
            prop::collection::vec(prop::sample::select(alone), 0..24),
            prop::collection::vec(prop::sample::select(POOL), 0..24),
        ]
        .prop_map(|chars| chars.into_iter().collect())
    }

    /// A buffer already holding text, some of it wide.
    fn filled(area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            buf.set_string(
                area.x,
                y,
                "前の行の文字 old text 前",
                Style::new().fg(Color::Red),
            );
        }
        buf
    }

    proptest! {
        #[test]
        fn writes_what_ratatui_writes(
            text in text(),
            x in 0u16..24,
            max_width in 0usize..30,
            bold in any::<bool>(),
        ) {
            let area = Rect::new(2, 1, 20, 2);
            let style = if bold {
                Style::new().add_modifier(Modifier::BOLD).bg(Color::Blue)
            } else {
                Style::new()
            };
            let x = area.x + x.min(area.width - 1);
            let mut ours = filled(area);
            let mut theirs = filled(area);
            let end = put_str(&mut ours, x, 2, &text, max_width, style);
            let expected = theirs.set_stringn(x, 2, &text, max_width, style);
            prop_assert_eq!(end, expected);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn writes_lines_as_ratatui_does(a in text(), b in text(), max_width in 0u16..30) {
            let area = Rect::new(0, 0, 26, 1);
            let line = Line::from(vec![
                ratatui::text::Span::styled(a, Style::new().fg(Color::Cyan)),
                ratatui::text::Span::raw(b),
            ])
            .style(Style::new().add_modifier(Modifier::DIM));
            let mut ours = filled(area);
            let mut theirs = filled(area);
            let end = put_line(&mut ours, 1, 0, &line, max_width);
            prop_assert_eq!(end, theirs.set_line(1, 0, &line, max_width));
            prop_assert_eq!(ours, theirs);
        }
    }
}
