//! Moving through the tree, the detail pane and the help.

use super::{App, Focus, Overlay, View};
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
        let kept = (
            self.selected.clone(),
            self.tree_offset,
            self.field,
            self.detail_scroll,
        );
        match self.focus {
            Focus::Tree => self.update_tree(action),
            Focus::Detail => self.update_detail(action),
        }
        let seen = f(self);
        (
            self.selected,
            self.tree_offset,
            self.field,
            self.detail_scroll,
        ) = kept;
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
                self.focus = Focus::Detail;
                self.view = View::Detail;
            }
            _ => {}
        }
        self.scroll_tree_to_selection();
    }

    pub(super) fn update_detail(&mut self, action: Action) {
        let last = self.fields().len().saturating_sub(1);
        match action {
            Action::Down => self.select_field((self.field + 1).min(last)),
            Action::Up => self.select_field(self.field.saturating_sub(1)),
            Action::PageDown => {
                let max = self.frame.detail_max_scroll;
                self.detail_scroll = self
                    .detail_scroll
                    .saturating_add(self.detail_page())
                    .min(max);
            }
            Action::PageUp => {
                self.detail_scroll = self.detail_scroll.saturating_sub(self.detail_page());
            }
            Action::Edit => {
                if let (Some(node), Some(&field)) =
                    (self.selected_node(), self.fields().get(self.field))
                {
                    self.open_editor(node, field);
                }
            }
            Action::SwitchFocus => self.focus = Focus::Tree,
            _ => {}
        }
    }

    /// Whether a move now would only move the selection: no editor,
    /// prompt or dialog takes the keys, and no message would be cleared.
    pub fn moves_only_move(&self) -> bool {
        self.editor.is_none()
            && self.prompt.is_none()
            && self.overlay == Overlay::None
            && self.message.is_none()
    }

    /// Lines one PageDown moves the detail pane.
    pub(super) fn detail_page(&self) -> u16 {
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

    /// Selects the node on `row`; a node newly selected shows its first
    /// field.
    pub(super) fn select_row(&mut self, row: usize) {
        if self.selected_row() != Some(row) {
            self.selected = self.id_at_row(row);
            self.field = 0;
            self.detail_scroll = 0;
        }
    }

    /// Expands or collapses the node on `row`; whether anything changed.
    fn set_expanded(&mut self, row: usize, expanded: bool) -> bool {
        let plans: Vec<&crate::model::Plan> = self.docs.iter().map(|d| &*d.plan).collect();
        self.tree.set_expanded(&plans, row, expanded)
    }

    pub(super) fn select_field(&mut self, field: usize) {
        if field != self.field {
            self.field = field;
            self.detail_scroll = 0;
        }
    }

    pub(super) fn scroll_tree_to_selection(&mut self) {
        let rows = self.tree_rows().max(1);
        let selected = self.selected_row().unwrap_or(0);
        // Leaving the window scrolls by half of it, putting the selection in
        // the middle: the tree is redrawn once every half screen of moves
        // instead of on every move, which a slow link feels.
        if selected < self.tree_offset || selected >= self.tree_offset + rows {
            self.tree_offset = selected.saturating_sub(rows / 2);
        }
        let max_offset = self.tree.len().saturating_sub(rows);
        self.tree_offset = self.tree_offset.min(max_offset);
    }
}
