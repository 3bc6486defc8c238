//! Opening an editor on a field and putting its text into the plan.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::App;
use crate::model::fields::Kind;
use crate::model::fields::{Field, field_text, set_field};
use crate::tree::Place;
use crate::words::tell::{Change, Said};

/// An open editor on one field of one node.
pub struct Editor {
    pub node: Place,
    pub field: Field,
    pub textarea: TextArea<'static>,
    /// The node was just added to be named here; cancelling removes it.
    pub new_node: bool,
    /// A date typed for the user (`R8.11`); a last line holding only it is
    /// not an entry.
    pub prefill: Option<String>,
}

impl App {
    /// `e` in the tree: a new progress entry for a project, typed on a fresh
    /// line below the others (which stay editable); for other nodes, the field
    /// that names them.
    pub(super) fn edit_from_tree(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        let (field, new_line) = match node {
            Place::Project { .. } => (Field::Schedule, true),
            Place::Kpi { .. } => (Field::Statement, false),
            Place::Plan { .. } => (Field::Title, false),
            Place::Heading { .. } | Place::Strategy { .. } | Place::Measure { .. } => {
                (Field::Name, false)
            }
        };
        self.open_editor(node, field);
        if let Some(editor) = &mut self.editor
            && new_line
            && !editor.textarea.is_empty()
        {
            editor.textarea.insert_newline();
        }
    }

    pub(super) fn open_editor(&mut self, node: Place, field: Field) {
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
            new_node: false,
            prefill: None,
        });
    }

    /// Puts the editor's text into the plan as one undoable step. A refused
    /// value keeps the editor open with a message, so nothing typed is lost.
    pub(super) fn apply_edit(&mut self) -> bool {
        let Some(editor) = &self.editor else {
            return true;
        };
        let (node, field) = (editor.node, editor.field);
        let mut lines = editor.textarea.lines().to_vec();
        if editor
            .prefill
            .as_deref()
            .is_some_and(|date| lines.last().is_some_and(|l| l.trim() == date))
        {
            lines.pop();
        }
        let text = lines.join("\n");
        let address = node.address();
        let what = Change::Edit {
            field,
            kind: Kind::of(address),
        };
        let new_node = editor.new_node;
        if new_node && text == field_text(&self.docs[node.plan()].plan, address, field) {
            // A node added and left unnamed goes again, as with Ctrl-G.
            self.cancel_edit();
            return true;
        }
        match self.change_plan(node.plan(), what, |plan| {
            set_field(plan, address, field, &text)
        }) {
            Err(error) => {
                self.error(Said::Refused { field, error });
                false
            }
            Ok(changed) => {
                self.editor = None;
                if changed && new_node {
                    // Adding a node and naming it is one change to undo.
                    self.join_last_steps();
                }
                if changed {
                    self.info(Said::Updated { what });
                }
                true
            }
        }
    }

    /// Inserts pasted text at the caret as one edit, in one pass (key by key
    /// re-laid the whole text on every character: minutes for 20 KB).
    pub(super) fn paste_into_editor(&mut self, text: &str) {
        if let Some(editor) = &mut self.editor {
            editor.textarea.insert_str(text);
        }
    }

    /// Closes the editor without using its text; a node added just for it
    /// goes again.
    pub(super) fn cancel_edit(&mut self) {
        if self.editor.take().is_some_and(|e| e.new_node) {
            self.take_back_last_step();
            self.info(Said::NotAdded);
        } else {
            self.info(Said::EditDiscarded);
        }
    }
}
