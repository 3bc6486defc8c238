//! The help screen, generated from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::cells::put_line;
use super::layout::centered;
use super::text::truncate;
use super::theme;
use crate::keymap::{CONTEXTS, Keymap};
use crate::words::Lang;
use crate::words::Say;
use crate::words::tell::Asked;

/// One line per action and context: its keys and what it does.
pub fn lines(keymap: &Keymap, lang: Lang) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for context in CONTEXTS {
        out.push(Line::styled(context.say(lang), theme::HEADING));
        let mut rows: Vec<(String, crate::keymap::Doing)> = Vec::new();
        for b in keymap.bindings(context) {
            match rows.iter_mut().find(|(_, d)| *d == b.description) {
                Some((keys, _)) => {
                    keys.push_str(", ");
                    keys.push_str(&b.key.name());
                }
                None => rows.push((b.key.name(), b.description)),
            }
        }
        for (keys, description) in rows {
            out.push(Line::from(format!(
                "  {keys:<16} {}",
                description.say(lang)
            )));
        }
    }
    out
}

/// The box the help is drawn in on a screen of `screen` size.
fn frame(screen: Rect) -> Rect {
    centered(screen, 72, screen.height.saturating_sub(2))
}

/// The most the help can scroll on a screen of this size.
pub fn max_scroll(keymap: &Keymap, screen: Rect) -> u16 {
    let inner = frame(screen).height.saturating_sub(2);
    u16::try_from(lines(keymap, Lang::En).len())
        .unwrap_or(u16::MAX)
        .saturating_sub(inner)
}

pub fn render(keymap: &Keymap, lang: Lang, scroll: u16, area: Rect, buf: &mut Buffer) {
    let area = frame(area);
    if area.width < 3 || area.height < 3 {
        return;
    }
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_set(theme::BORDER)
        .title(Asked::HelpTitle.say(lang));
    let inner = block.inner(area);
    block.render(area, buf);
    let all = lines(keymap, lang);
    let max_scroll = all.len().saturating_sub(usize::from(inner.height));
    let skip = usize::from(scroll).min(max_scroll);
    for (i, line) in all
        .into_iter()
        .skip(skip)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let line = Line::styled(truncate(&text, usize::from(inner.width)), line.style);
        put_line(
            buf,
            inner.x,
            inner.y + u16::try_from(i).unwrap_or(0),
            &line,
            inner.width,
        );
    }
}
