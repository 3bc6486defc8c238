//! The status bar (mode, file, totals, selection) and the line under it
//! (a message, or the keys of the current context from the keymap).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::cells::put_line;
use super::text::truncate;
use super::theme;
use crate::app::{App, PromptKind};
use crate::keymap::Context;
use crate::model::money::group_thousands;
use crate::model::totals::format_totals;
use crate::tree::describe;
use crate::words::Say;
use crate::words::tell::{Label, Pane};

pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    buf.set_style(area, theme::STATUS);
    let max = usize::from(area.width);
    let mode = match app.context() {
        Context::Tree => Label::TreeMode,
        Context::Detail => Label::DetailMode,
        Context::Editor | Context::LineEditor => Label::EditMode,
        Context::Help => Label::HelpMode,
        Context::QuitDialog
        | Context::CommentDialog
        | Context::ConflictDialog
        | Context::RecoveryDialog
        | Context::DeleteDialog
        | Context::Picker
        | Context::FilterMenu => Label::AskMode,
        Context::Prompt => Label::FindMode,
    };
    let plan_index = app.selected_node().map_or(0, |id| id.plan());
    let unit = app
        .docs()
        .get(plan_index)
        .map_or("", |d| d.plan.unit.as_str());
    let read_only = if app.read_only() {
        Label::ReadOnly.say(app.lang())
    } else {
        String::new()
    };
    let mut spans = vec![Span::raw(format!(" {read_only}{} ", mode.say(app.lang())))];
    if let Some(doc) = app.docs().get(plan_index) {
        let name = doc
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        spans.push(Span::raw(format!(
            " {}",
            truncate(&name, (max / 5).max(16))
        )));
        spans.push(if doc.dirty {
            Span::styled("[+]", theme::DIRTY)
        } else {
            Span::raw("")
        });
        let others = app.docs().iter().filter(|d| d.dirty).count() - usize::from(doc.dirty);
        if others > 0 {
            spans.push(Span::styled(
                Label::OthersUnsaved { count: others }.say(app.lang()),
                theme::DIRTY,
            ));
        }
    }
    let lang = app.lang();
    let grand = if app.still_loading() {
        Pane::Loading.say(lang)
    } else {
        format_totals(app.grand_totals())
    };
    spans.push(Span::raw(format!("  {} {grand}", Pane::Total.say(lang))));
    // Projects whose budget the table leaves blank are not in the sum.
    let blank: usize = app
        .grand_totals()
        .iter()
        .map(|(_, t)| t.blank as usize)
        .sum();
    if blank > 0 && !app.still_loading() {
        let figure = app
            .docs()
            .get(plan_index)
            .map_or("", |d| d.plan.totalled_figure());
        let blank = Pane::Blank {
            projects: blank,
            figure: figure.to_owned(),
        };
        spans.push(Span::raw(blank.say(lang)));
    }
    if let Some((stated, _)) = app
        .stated_total_differs(plan_index)
        .filter(|_| !app.still_loading())
    {
        let stated = format!("{}{unit}", group_thousands(stated));
        spans.push(Span::styled(
            Pane::StatedTotalDiffers { stated }.say(lang),
            theme::NOTICE,
        ));
    }
    if app.filter().is_active() {
        let shown = app.tree().shown_total();
        spans.push(Span::styled(
            format!(
                "  {}",
                Pane::Filtered {
                    filter: app.filter().describe(),
                    projects: shown.projects as usize,
                    budget: format!("{}{unit}", group_thousands(shown.budget)),
                }
                .say(lang)
            ),
            theme::NOTICE,
        ));
    }
    if let Some(node) = app.selected_row().and_then(|row| app.tree().row(row)) {
        let d = describe(&app.docs()[node.place.plan()].plan, node.place.address());
        let what = if d.label.is_empty() {
            truncate(d.name, (max / 4).saturating_sub(10).max(10))
        } else {
            d.label.to_owned()
        };
        let amount = if app.total_is_final(node.place) {
            let count = Pane::Count {
                projects: node.total.projects as usize,
            };
            if node.total.is_blank() {
                count.say(lang)
            } else {
                format!(
                    "{}{unit} {}",
                    group_thousands(node.total.budget),
                    count.say(lang)
                )
            }
        } else {
            Pane::Loading.say(lang)
        };
        let selected = Pane::Selected.say(lang);
        spans.push(Span::raw(format!("  {selected} {what} {amount}")));
    }
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    if super::text::width(&text) > max {
        put_line(
            buf,
            area.x,
            area.y,
            &Line::from(truncate(&text, max)),
            area.width,
        );
    } else {
        put_line(buf, area.x, area.y, &Line::from(spans), area.width);
    }
}

pub fn render_hints(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let max = usize::from(area.width);
    if let Some(message) = app.message() {
        let style = if message.is_error {
            theme::ERROR
        } else {
            theme::HEADING
        };
        let text = truncate(&format!(" {}", message.say(app.lang())), max);
        put_line(buf, area.x, area.y, &Line::styled(text, style), area.width);
        return;
    }
    let hints: Vec<String> = app
        .offered(app.context())
        .filter_map(|b| Some(format!("{} {}", b.key.name(), b.hint?.say(app.lang()))))
        .collect();
    let text = truncate(&format!(" {}", hints.join("  ")), max);
    put_line(
        buf,
        area.x,
        area.y,
        &Line::styled(text, theme::DIM),
        area.width,
    );
}

/// The line where a search or filter value is typed; the terminal's cursor
/// sits at its end so an input method shows its text there.
/// Draws the prompt line; returns where the terminal's cursor goes.
pub fn render_prompt(app: &App, area: Rect, buf: &mut Buffer) -> Option<ratatui::layout::Position> {
    let prompt = app.prompt()?;
    if area.is_empty() {
        return None;
    }
    let label = match prompt.kind {
        PromptKind::Search => "/".to_owned(),
        PromptKind::FilterText => Label::FilterText.say(app.lang()),
        PromptKind::FilterBudget => Label::FilterBudget.say(app.lang()),
    };
    let text = format!(" {label}{}", prompt.text);
    let max = usize::from(area.width);
    let shown = truncate(&text, max);
    let mut line = Line::from(shown.clone());
    if app.searching() {
        line.push_span(Span::styled(
            format!("  {}", Label::Searching.say(app.lang())),
            theme::DIM,
        ));
    }
    put_line(buf, area.x, area.y, &line, area.width);
    let x = area.x
        + u16::try_from(super::text::width(&shown))
            .unwrap_or(0)
            .min(area.width.saturating_sub(1));
    Some(ratatui::layout::Position::new(x, area.y))
}
