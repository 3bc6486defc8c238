//! Moving through the tree, the detail pane and the help.

use super::App;
use super::cursor::{Focus, View};
use super::dialogs::Overlay;
use crate::action::Action;

impl App {
    /// Calls `f` with the app as a move of the selection (`action`) would
    /// leave it, then puts the selection back: frames for the keys most
    /// likely typed next are drawn before they arrive. `None` when
    /// `action` is not a move, or when a move would do more than move
    /// (an editor, prompt, dialog or message is open).
    pub fn preview<R>(&mut self, action: Action, f: impl FnOnce(&App) -> R) -> Option<R> {
        if !self.moves_only_move() || !action.only_moves_selection() {
            return None;
        }
        let kept = self.cursor.clone();
        match self.cursor.focus() {
            Focus::Tree => self.update_tree(action),
            Focus::Detail => self.update_detail(action),
        }
        let seen = f(self);
        self.cursor = kept;
        Some(seen)
    }

    pub(super) fn update_tree(&mut self, action: Action) {
        let page = self.tree_rows().max(1);
        let last = self.tree.len().saturating_sub(1);
        let row = self.selected_row().unwrap_or(0);
        match action {
            Action::Down => self.select_row((row + 1).min(last)),
            Action::Up => self.select_row(row.saturating_sub(1)),
            Action::First => self.select_row(0),
            Action::Last => self.select_row(last),
            Action::PageDown => self.select_row((row + page).min(last)),
            Action::PageUp => self.select_row(row.saturating_sub(page)),
            Action::Expand if !self.set_expanded(row, true) && self.tree.row_has_children(row) => {
                self.select_row(row + 1);
            }
            Action::Collapse => {
                if !self.set_expanded(row, false)
                    && let Some(parent) = self.tree.parent_row(row)
                {
                    self.select_row(parent);
                }
            }
            Action::Toggle => {
                let collapsed = self.tree.row_is_collapsed(row);
                self.set_expanded(row, collapsed);
            }
            Action::EditSchedule => self.edit_from_tree(),
            Action::SwitchFocus => {
                // The fields are what the detail focus works on.
                self.cursor.focus_on(Focus::Detail);
                self.cursor.show(View::Detail);
            }
            _ => {}
        }
        self.scroll_tree_to_selection();
    }

    pub(super) fn update_detail(&mut self, action: Action) {
        let last = self.fields().len().saturating_sub(1);
        let field = self.cursor.field();
        match action {
            Action::Down => self.cursor.select_field((field + 1).min(last)),
            Action::Up => self.cursor.select_field(field.saturating_sub(1)),
            Action::PageDown => self
                .cursor
                .page_detail_down(self.detail_page(), self.frame.detail_max_scroll),
            Action::PageUp => self.cursor.page_detail_up(self.detail_page()),
            Action::Edit => {
                if let (Some(node), Some(&field)) = (self.selected_node(), self.fields().get(field))
                {
                    self.open_editor(node, field);
                }
            }
            Action::SwitchFocus => self.cursor.focus_on(Focus::Tree),
            _ => {}
        }
    }

    /// Whether a move now would only move the selection: no editor,
    /// prompt or dialog takes the keys, and no message would be cleared.
    pub fn moves_only_move(&self) -> bool {
        self.editor.is_none()
            && self.prompt.is_none()
            && self.overlay == Overlay::None
            && self.notices.message().is_none()
    }

    /// Lines one PageDown moves the detail pane.
    fn detail_page(&self) -> u16 {
        self.frame.detail_height.saturating_sub(2).max(1)
    }

    pub(super) fn update_help(&mut self, action: Action, scroll: u16) {
        self.overlay = match action {
            Action::Down => Overlay::Help {
                scroll: scroll.saturating_add(1).min(self.frame.help_max_scroll),
            },
            Action::Up => Overlay::Help {
                scroll: scroll.saturating_sub(1),
            },
            Action::Dismiss => Overlay::None,
            _ => self.overlay,
        };
    }

    /// Expands or collapses the node on `row`; whether anything changed.
    fn set_expanded(&mut self, row: usize, expanded: bool) -> bool {
        // The plans alone are borrowed, not the app, as the tree changes.
        let plans: Vec<&crate::model::Plan> = self.docs.iter().map(|d| &*d.plan).collect();
        self.tree.set_expanded(&plans, row, expanded)
    }
}
