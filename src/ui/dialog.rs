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
use crate::keymap::Context;
use crate::tree::describe;
use crate::words::Say;
use crate::words::tell::Asked;

pub fn render(app: &App, context: Context, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let (body, width) = match context {
        Context::QuitDialog => {
            let mut t = vec![Asked::UnsavedIn.say(lang)];
            t.extend(
                app.docs()
                    .iter()
                    .filter(|d| d.dirty)
                    .map(|d| format!("  {}", d.path.display())),
            );
            (t, 60)
        }
        Context::CommentDialog => {
            let mut t = vec![Asked::DropsComments.say(lang)];
            t.extend(
                app.docs()
                    .iter()
                    .filter(|d| d.dirty && d.comments > 0)
                    .map(|d| {
                        Asked::FileComments {
                            path: d.path.clone(),
                            count: d.comments,
                        }
                        .say(lang)
                    }),
            );
            (t, 60)
        }
        Context::RecoveryDialog => {
            let Some((doc, recovery)) = app.offered_recovery() else {
                return;
            };
            let mut t = vec![
                Asked::EditsKept {
                    path: doc.path.clone(),
                }
                .say(lang),
                Asked::WhenStopped {
                    written: recovery.written.clone(),
                    user: recovery.user.clone(),
                }
                .say(lang),
            ];
            t.extend(app.recovery_summary().into_iter().map(|l| format!("  {l}")));
            if let Some(text) = &recovery.unapplied {
                let text = text.clone();
                t.push(format!("  {}", Asked::NotApplied { text }.say(lang)));
            }
            (t, 76)
        }
        Context::DeleteDialog => {
            let Some(node) = app.selected_node() else {
                return;
            };
            let d = describe(&app.docs()[node.plan()].plan, node.address());
            let what = Asked::Delete {
                kind: d.kind.to_owned(),
                label: d.label.to_owned(),
                name: d.name.to_owned(),
            };
            (vec![what.say(lang), Asked::EverythingUnder.say(lang)], 76)
        }
        Context::FilterMenu => {
            let filter = app.filter().is_active().then(|| app.filter().describe());
            (vec![Asked::FiltersNow { filter }.say(lang)], 60)
        }
        _ => return,
    };
    let keys: Vec<String> = app
        .offered(context)
        .filter_map(|b| Some(format!("  {}  {}", b.key.name(), b.hint?.say(lang))))
        .collect();
    let height = u16::try_from(body.len() + keys.len() + 3).unwrap_or(u16::MAX);
    let area = centered(area, width, height.min(area.height));
    if area.width < 3 || area.height < 3 {
        return;
    }
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_set(theme::BORDER)
        .title(format!(" {} ", context.say(lang)));
    let inner = block.inner(area);
    block.render(area, buf);
    // The keys always show; the body gives way when space is short.
    let room = usize::from(inner.height).saturating_sub(keys.len() + 1);
    let mut lines: Vec<String> = body.iter().take(room).cloned().collect();
    if body.len() > room && room > 0 {
        let count = body.len() - room + 1;
        lines[room - 1] = Asked::AndMore { count }.say(lang);
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
