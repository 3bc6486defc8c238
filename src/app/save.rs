//! Saving, and the questions asked before quitting or dropping comments.

use super::*;

impl App {
    pub(super) fn answer_quit(&mut self, action: Action) {
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

    pub(super) fn answer_comments(&mut self, action: Action, then_quit: bool) {
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

    /// Saves every plan with unsaved changes; the editor's text first.
    pub(super) fn save(&mut self, then_quit: bool) {
        self.save_confirmed(then_quit, false);
    }

    /// Saves; files with comments only once the user agreed to drop them.
    pub(super) fn save_confirmed(&mut self, then_quit: bool, drop_comments: bool) {
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
}
