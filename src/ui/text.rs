//! Fitting text into cells: widths of wide (CJK) characters count two, and a
//! wide character is never cut in half.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::cells::put_line;
use super::theme::{TITLE, TRUNCATED};

/// A pane's title line: its top row, in the title style.
pub fn pane_title(text: &str, area: Rect, buf: &mut Buffer) {
    buf.set_style(
        Rect {
            height: 1.min(area.height),
            ..area
        },
        TITLE,
    );
    put_line(
        buf,
        area.x,
        area.y,
        &Line::from(truncate(&format!(" {text}"), usize::from(area.width))),
        area.width,
    );
}

pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` cut to `max` cells, ending in the truncation marker when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push(TRUNCATED);
    out
}

/// Characters a Japanese line must not start with (kinsoku): punctuation and
/// closing brackets go with the character before them.
const NO_LINE_START: &str = "、。，．,.）」』】〕］｝)]}ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ";

/// `text` broken into lines of at most `max` cells. Japanese has no spaces to
/// break at, so lines break between any two characters, except before
/// punctuation.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in paragraph.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > max {
                let mut carried = String::new();
                let last_width = line.chars().last().and_then(|l| l.width()).unwrap_or(0);
                if NO_LINE_START.contains(c) && line.chars().count() > 1 && last_width + w <= max {
                    carried.extend(line.pop());
                }
                lines.push(std::mem::take(&mut line));
                used = carried.chars().map(|c| c.width().unwrap_or(0)).sum();
                line = carried;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// Styled pieces cut to `max` cells as a whole, the last one that does not
/// fit ending in the truncation marker. Returns the spans and their width.
pub fn fit_spans(parts: Vec<(String, Style)>, max: usize) -> (Vec<Span<'static>>, usize) {
    let total: usize = parts.iter().map(|(t, _)| width(t)).sum();
    let mut used = 0;
    let mut spans = Vec::new();
    for (text, style) in parts {
        let w = width(&text);
        if total <= max || used + w < max {
            used += w;
            spans.push(Span::styled(text, style));
            continue;
        }
        let cut = truncate(&text, max - used);
        used += width(&cut);
        spans.push(Span::styled(cut, style));
        break;
    }
    (spans, used)
}

/// `text` padded on the left to `max` cells.
pub fn right_align(text: &str, max: usize) -> String {
    format!("{}{text}", " ".repeat(max.saturating_sub(text.width())))
}

#[cfg(test)]
mod tests {
    use super::{truncate, width, wrap};

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("県庁オープン化戦略", 7), "県庁オ›");
        assert_eq!(width(&truncate("県庁オープン化戦略", 7)), 7);
        assert_eq!(truncate("県庁オープン化戦略", 6), "県庁›");
        assert_eq!(width(&truncate("県庁オープン化戦略", 6)), 5);
        assert_eq!(truncate("short", 10), "short");
    }

    #[test]
    fn wrapping_counts_cells() {
        assert_eq!(wrap("あいうえおか", 5), ["あい", "うえ", "おか"]);
        assert_eq!(wrap("ab\nc", 10), ["ab", "c"]);
        assert_eq!(wrap("あいう、えお", 6), ["あい", "う、え", "お"]);
        for line in wrap("aあ。", 3) {
            assert!(width(&line) <= 3, "{line:?}");
        }
    }
}
