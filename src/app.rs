//! The application state and `update`, the only place it changes. Nothing
//! here draws or touches the terminal.

use std::collections::HashSet;
use std::path::PathBuf;

use ratatui::layout::Rect;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::action::Action;
use crate::keymap::Context;
use crate::model::fields::{Field, field_text, set_field};
use crate::model::totals::totals_by_unit;
use crate::model::{Plan, Total};
use crate::store;
use crate::tree::{NodeId, Tree};
use crate::ui::{self, layout};

/// One open plan file.
#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    pub plan: Plan,
    /// Unsaved changes.
    pub dirty: bool,
    /// Comments in the file as loaded; a save drops them, so it asks first.
    pub comments: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: u16,
    },
    QuitDialog,
    /// Saving would drop comments; `then_quit` when asked from the quit dialog.
    CommentDialog {
        then_quit: bool,
    },
}

/// An open editor on one field of one node.
pub struct Editor {
    pub node: NodeId,
    pub field: Field,
    pub textarea: TextArea<'static>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

pub struct App {
    pub docs: Vec<Document>,
    /// Files that could not be opened, as `FILE:LINE:COLUMN: message`.
    pub load_errors: Vec<String>,
    pub tree: Tree,
    /// Budget total of every open plan, per unit (plans in 千円 and in 円 do
    /// not add up); kept with the tree so no frame sums the whole plan.
    pub grand_totals: Vec<(String, Total)>,
    /// Visible row of the selection.
    pub selected: usize,
    /// First tree row on screen.
    pub tree_offset: usize,
    pub focus: Focus,
    /// Index of the selected field in the detail pane.
    pub field: usize,
    /// Extra lines the detail pane is scrolled past the selected field.
    pub detail_scroll: u16,
    pub editor: Option<Editor>,
    pub overlay: Overlay,
    pub message: Option<Message>,
    pub size: Rect,
    pub quit: bool,
}

impl App {
    pub fn new(docs: Vec<Document>, load_errors: Vec<String>) -> Self {
        let mut app = Self {
            docs,
            load_errors,
            tree: Tree::default(),
            grand_totals: Vec::new(),
            selected: 0,
            tree_offset: 0,
            focus: Focus::Tree,
            field: 0,
            detail_scroll: 0,
            editor: None,
            overlay: Overlay::None,
            message: None,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
        };
        app.rebuild_tree();
        app
    }

    pub fn plans(&self) -> Vec<&Plan> {
        self.docs.iter().map(|d| &d.plan).collect()
    }

    pub fn selected_node(&self) -> Option<NodeId> {
        self.tree.row(self.selected).map(|n| n.id)
    }

    /// Fields of the selected node, in detail-pane order.
    pub fn fields(&self) -> &'static [Field] {
        self.selected_node()
            .map_or(&[], |id| Field::of(id.address()))
    }

    pub fn is_dirty(&self) -> bool {
        self.docs.iter().any(|d| d.dirty)
    }

    /// Which bindings apply now.
    pub fn context(&self) -> Context {
        match (&self.overlay, &self.editor) {
            (Overlay::Help { .. }, _) => Context::Help,
            (Overlay::QuitDialog, _) => Context::QuitDialog,
            (Overlay::CommentDialog { .. }, _) => Context::CommentDialog,
            (Overlay::None, Some(editor)) if editor.field.is_multiline() => Context::Editor,
            (Overlay::None, Some(_)) => Context::LineEditor,
            (Overlay::None, None) => match self.focus {
                Focus::Tree => Context::Tree,
                Focus::Detail => Context::Detail,
            },
        }
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::EditorKey(_)) {
            self.message = None;
        }
        match action {
            Action::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                self.scroll_tree_to_selection();
            }
            Action::EditorKey(key) => {
                if let Some(editor) = &mut self.editor {
                    editor.textarea.input(key);
                }
            }
            Action::ApplyEdit => {
                self.apply_edit();
            }
            Action::CancelEdit => {
                self.editor = None;
                self.info("edit discarded");
            }
            Action::Save => self.save(false),
            Action::Quit => {
                if self.is_dirty() {
                    self.overlay = Overlay::QuitDialog;
                } else {
                    self.quit = true;
                }
            }
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            _ => match self.overlay {
                Overlay::None => match self.focus {
                    Focus::Tree => self.update_tree(action),
                    Focus::Detail => self.update_detail(action),
                },
                Overlay::Help { scroll } => self.update_help(action, scroll),
                Overlay::QuitDialog => self.answer_quit(action),
                Overlay::CommentDialog { then_quit } => self.answer_comments(action, then_quit),
            },
        }
    }

    fn update_tree(&mut self, action: Action) {
        let page = self.tree_rows().max(1);
        let last = self.tree.len().saturating_sub(1);
        match action {
            Action::Down => self.select_row((self.selected + 1).min(last)),
            Action::Up => self.select_row(self.selected.saturating_sub(1)),
            Action::First => self.select_row(0),
            Action::Last => self.select_row(last),
            Action::PageDown => self.select_row((self.selected + page).min(last)),
            Action::PageUp => self.select_row(self.selected.saturating_sub(page)),
            Action::Expand
                if !self.tree.set_expanded(self.selected, true)
                    && self.tree.row_has_children(self.selected) =>
            {
                self.select_row(self.selected + 1);
            }
            Action::Collapse => {
                if !self.tree.set_expanded(self.selected, false)
                    && let Some(parent) = self.tree.parent_row(self.selected)
                {
                    self.select_row(parent);
                }
            }
            Action::Toggle => {
                let collapsed = self
                    .selected_node()
                    .is_some_and(|id| self.tree.is_collapsed(id));
                self.tree.set_expanded(self.selected, collapsed);
            }
            Action::EditSchedule => self.edit_from_tree(),
            Action::SwitchFocus => self.focus = Focus::Detail,
            _ => {}
        }
        self.scroll_tree_to_selection();
    }

    fn update_detail(&mut self, action: Action) {
        let last = self.fields().len().saturating_sub(1);
        match action {
            Action::Down => self.select_field((self.field + 1).min(last)),
            Action::Up => self.select_field(self.field.saturating_sub(1)),
            Action::PageDown => {
                let max = ui::detail::max_scroll(self);
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

    /// Lines one PageDown moves the detail pane.
    fn detail_page(&self) -> u16 {
        layout::areas(self.size, self.error_lines())
            .detail
            .height
            .saturating_sub(2)
            .max(1)
    }

    fn update_help(&mut self, action: Action, scroll: u16) {
        self.overlay = match action {
            Action::Down => Overlay::Help {
                scroll: scroll
                    .saturating_add(1)
                    .min(ui::help::max_scroll(self.size)),
            },
            Action::Up => Overlay::Help {
                scroll: scroll.saturating_sub(1),
            },
            Action::Dismiss => Overlay::None,
            _ => self.overlay,
        };
    }

    fn answer_quit(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                self.overlay = Overlay::None;
                self.save(true);
            }
            Action::Discard => self.quit = true,
            Action::Dismiss => self.overlay = Overlay::None,
            _ => {}
        }
    }

    fn answer_comments(&mut self, action: Action, then_quit: bool) {
        match action {
            Action::Confirm => {
                self.overlay = Overlay::None;
                self.save_confirmed(then_quit, true);
            }
            Action::Dismiss => {
                self.overlay = Overlay::None;
                self.info("not saved");
            }
            _ => {}
        }
    }

    fn select_row(&mut self, row: usize) {
        if row != self.selected {
            self.selected = row;
            self.field = 0;
            self.detail_scroll = 0;
        }
    }

    fn select_field(&mut self, field: usize) {
        if field != self.field {
            self.field = field;
            self.detail_scroll = 0;
        }
    }

    /// Tree rows that fit on screen.
    pub fn tree_rows(&self) -> usize {
        usize::from(layout::tree_body(layout::areas(self.size, self.error_lines()).tree).height)
    }

    pub fn error_lines(&self) -> u16 {
        layout::error_lines(self.load_errors.len())
    }

    fn scroll_tree_to_selection(&mut self) {
        let rows = self.tree_rows().max(1);
        if self.selected < self.tree_offset {
            self.tree_offset = self.selected;
        } else if self.selected >= self.tree_offset + rows {
            self.tree_offset = self.selected + 1 - rows;
        }
        let max_offset = self.tree.len().saturating_sub(rows);
        self.tree_offset = self.tree_offset.min(max_offset);
    }

    /// `e` in the tree: a new progress entry for a project, typed on a fresh
    /// line below the others (which stay editable); for other nodes, the field
    /// that names them.
    fn edit_from_tree(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        let (field, new_line) = match node {
            NodeId::Project { .. } => (Field::Schedule, true),
            NodeId::Kpi { .. } => (Field::Statement, false),
            NodeId::Plan { .. } => (Field::Title, false),
            NodeId::Strategy { .. } | NodeId::Measure { .. } => (Field::Name, false),
        };
        self.open_editor(node, field);
        if let Some(editor) = &mut self.editor
            && new_line
            && !editor.textarea.is_empty()
        {
            editor.textarea.insert_newline();
        }
    }

    fn open_editor(&mut self, node: NodeId, field: Field) {
        let text = field_text(&self.docs[node.plan()].plan, node.address(), field);
        let mut textarea = TextArea::new(text.split('\n').map(str::to_owned).collect());
        textarea.set_wrap_mode(WrapMode::Glyph);
        textarea.set_cursor_line_style(ratatui::style::Style::default());
        // Start at the end: progress notes are added below the last one.
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        self.editor = Some(Editor {
            node,
            field,
            textarea,
        });
    }

    /// Puts the editor's text into the plan. A refused value keeps the editor
    /// open with a message, so nothing typed is lost.
    fn apply_edit(&mut self) -> bool {
        let Some(editor) = &self.editor else {
            return true;
        };
        let (node, field) = (editor.node, editor.field);
        let text = editor.textarea.lines().join("\n");
        let doc = &mut self.docs[node.plan()];
        let before = field_text(&doc.plan, node.address(), field);
        if text == before {
            self.editor = None;
            return true;
        }
        if let Err(e) = set_field(&mut doc.plan, node.address(), field, &text) {
            self.error(format!("{}: {e}", field.heading()));
            return false;
        }
        self.editor = None;
        if field_text(&doc.plan, node.address(), field) != before {
            doc.dirty = true;
            self.rebuild_tree();
            self.info(format!("{} updated (not saved yet)", field.heading()));
        }
        true
    }

    /// Saves every plan with unsaved changes; the editor's text first.
    fn save(&mut self, then_quit: bool) {
        self.save_confirmed(then_quit, false);
    }

    /// Saves; files with comments only once the user agreed to drop them.
    fn save_confirmed(&mut self, then_quit: bool, drop_comments: bool) {
        if !self.apply_edit() {
            return;
        }
        if !drop_comments && self.docs.iter().any(|d| d.dirty && d.comments > 0) {
            self.overlay = Overlay::CommentDialog { then_quit };
            return;
        }
        let mut saved = Vec::new();
        for doc in self.docs.iter_mut().filter(|d| d.dirty) {
            match store::save(&doc.path, &doc.plan) {
                Ok(()) => {
                    doc.dirty = false;
                    doc.comments = 0;
                    saved.push(doc.path.display().to_string());
                }
                Err(e) => {
                    self.message = Some(Message {
                        text: e.to_string(),
                        is_error: true,
                    });
                    return;
                }
            }
        }
        if then_quit {
            self.quit = true;
        } else if saved.is_empty() {
            self.info("no unsaved changes");
        } else {
            self.info(format!("saved {}", saved.join(", ")));
        }
    }

    /// Rebuilds the rows after the plan changed, keeping the selection.
    fn rebuild_tree(&mut self) {
        let selected = self.selected_node();
        let collapsed: HashSet<NodeId> = self.tree.collapsed().clone();
        let plans = self.plans();
        let tree = Tree::build(&plans, collapsed);
        let grand_totals = totals_by_unit(&plans);
        self.tree = tree;
        self.grand_totals = grand_totals;
        // The same row, or the same node shown elsewhere (a measure whose KPIs
        // changed moves to another KPI).
        self.selected = selected
            .and_then(|id| self.tree.row_of(id))
            .or_else(|| selected.and_then(|id| self.tree.row_of_address(id.plan(), id.address())))
            .unwrap_or_else(|| self.selected.min(self.tree.len().saturating_sub(1)));
        if self.selected_node().map(|id| (id.plan(), id.address()))
            != selected.map(|id| (id.plan(), id.address()))
        {
            self.field = 0;
            self.detail_scroll = 0;
        }
        self.scroll_tree_to_selection();
    }

    fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }
}
