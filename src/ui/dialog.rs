//! Questions the app asks before losing or dropping anything.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::layout::centered;
use super::text::truncate;
use super::theme;
use crate::app::App;
use crate::keymap::{Context, bindings};

pub fn render(app: &App, context: Context, area: Rect, buf: &mut Buffer) {
    let mut text: Vec<String> = match context {
        Context::QuitDialog => {
            let unsaved: Vec<String> = app
                .docs
                .iter()
                .filter(|d| d.dirty)
                .map(|d| format!("  {}", d.path.display()))
                .collect();
            let mut t = vec!["Unsaved changes in:".to_owned()];
            t.extend(unsaved);
            t
        }
        Context::CommentDialog => {
            let mut t = vec!["Saving rewrites these files without their comments:".to_owned()];
            t.extend(
                app.docs
                    .iter()
                    .filter(|d| d.dirty && d.comments > 0)
                    .map(|d| format!("  {} ({} comment(s))", d.path.display(), d.comments)),
            );
            t
        }
        _ => return,
    };
    text.push(String::new());
    text.extend(
        bindings(context)
            .filter(|b| !b.hint.is_empty())
            .map(|b| format!("  {}  {}", b.key.name(), b.hint)),
    );
    let height = u16::try_from(text.len() + 2).unwrap_or(u16::MAX);
    let area = centered(area, 60, height);
    if area.width < 3 || area.height < 3 {
        return;
    }
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_set(theme::BORDER)
        .title(format!(" {} ", context.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    for (i, line) in text.iter().take(usize::from(inner.height)).enumerate() {
        let line = Line::from(truncate(line, usize::from(inner.width)));
        buf.set_line(
            inner.x,
            inner.y + u16::try_from(i).unwrap_or(0),
            &line,
            inner.width,
        );
    }
}
