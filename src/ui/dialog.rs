//! Questions the app asks before losing or dropping anything.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::cells::put_line;
use super::layout::centered;
use super::text::truncate;
use super::theme;
use crate::app::App;
use crate::i18n::tr;
use crate::keymap::Context;
use crate::tree::describe;
use crate::words::Say;

pub fn render(app: &App, context: Context, area: Rect, buf: &mut Buffer) {
    let (body, width) = match context {
        Context::QuitDialog => {
            let mut t = vec!["Unsaved changes in:".to_owned()];
            t.extend(
                app.docs()
                    .iter()
                    .filter(|d| d.dirty)
                    .map(|d| format!("  {}", d.path.display())),
            );
            (t, 60)
        }
        Context::CommentDialog => {
            let mut t = vec!["Saving rewrites these files without their comments:".to_owned()];
            t.extend(
                app.docs()
                    .iter()
                    .filter(|d| d.dirty && d.comments > 0)
                    .map(|d| format!("  {} ({} comment(s))", d.path.display(), d.comments)),
            );
            (t, 60)
        }
        Context::RecoveryDialog => {
            let Some((doc, recovery)) = app.offered_recovery() else {
                return;
            };
            let mut t = vec![
                format!("Unsaved edits to {} were kept", doc.path.display()),
                format!(
                    "when actplan stopped ({}, {}):",
                    recovery.written, recovery.user
                ),
            ];
            t.extend(app.recovery_summary().into_iter().map(|l| format!("  {l}")));
            (t, 76)
        }
        Context::DeleteDialog => {
            let Some(node) = app.selected_node() else {
                return;
            };
            let d = describe(&app.docs()[node.plan()].plan, node.address());
            let what = format!("Delete {} {}{}", d.kind, d.label, d.name);
            (
                vec![what, "and everything under it? (u undoes it)".to_owned()],
                76,
            )
        }
        Context::FilterMenu => {
            let current = if app.filter().is_active() {
                app.filter().describe()
            } else {
                tr(app.lang(), "none").into_owned()
            };
            (vec![format!("Filters now: {current}")], 60)
        }
        _ => return,
    };
    let keys: Vec<String> = app
        .keymap()
        .bindings(context)
        .filter_map(|b| Some(format!("  {}  {}", b.key.name(), b.hint?.say(app.lang()))))
        .collect();
    let height = u16::try_from(body.len() + keys.len() + 3).unwrap_or(u16::MAX);
    let area = centered(area, width, height.min(area.height));
    if area.width < 3 || area.height < 3 {
        return;
    }
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_set(theme::BORDER)
        .title(format!(" {} ", context.say(app.lang())));
    let inner = block.inner(area);
    block.render(area, buf);
    // The keys always show; the body gives way when space is short.
    let room = usize::from(inner.height).saturating_sub(keys.len() + 1);
    let mut lines: Vec<String> = body
        .iter()
        .take(room)
        .map(|l| tr(app.lang(), l).into_owned())
        .collect();
    if body.len() > room && room > 0 {
        lines[room - 1] = format!("  ... and {} more", body.len() - room + 1);
    }
    lines.push(String::new());
    lines.extend(keys);
    for (i, line) in lines.iter().take(usize::from(inner.height)).enumerate() {
        let line = Line::from(truncate(line, usize::from(inner.width)));
        put_line(
            buf,
            inner.x,
            inner.y + u16::try_from(i).unwrap_or(0),
            &line,
            inner.width,
        );
    }
}
