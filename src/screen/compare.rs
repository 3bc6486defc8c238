//! Comparing the next frame with what the terminal shows: only the cells
//! that differ are sent, plus the halves of wide characters a terminal
//! blanks on its own. Both the frame drawn on a key and the frames drawn
//! ahead are sent this way.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// The rows to compare after drawing `areas` again: for most of the
/// screen, comparing all of it once costs less than copying those rows out
/// (the rows not drawn again are the same on both sides).
pub(super) fn rows_to_compare(areas: &[Rect], height: u16) -> Vec<Range<u16>> {
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
pub(super) fn compare<'a>(
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
