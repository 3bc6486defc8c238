//! What the app tells the user: the message under the status bar, and the
//! notices above it (files that could not be opened, problems with the
//! settings, others editing, plans changed on disk). Held as values; the
//! ui says them in the session's language.

use super::document::Document;
use crate::config::ConfigProblem;
use crate::keymap::OverrideError;
use crate::store::LoadError;
use crate::words::tell::{Message, Notice, Said};

#[derive(Debug, Default)]
pub struct Notices {
    message: Option<Message>,
    /// Files that could not be opened.
    load_errors: Vec<LoadError>,
    /// Why the settings file was not used.
    settings: Option<ConfigProblem>,
    /// Keys of the settings that could not be used.
    keys: Vec<OverrideError>,
}

impl Notices {
    pub(super) fn new(load_errors: Vec<LoadError>) -> Self {
        Self {
            load_errors,
            ..Self::default()
        }
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub(super) fn info(&mut self, said: Said) {
        self.message = Some(Message {
            said,
            is_error: false,
        });
    }

    pub(super) fn error(&mut self, said: Said) {
        self.message = Some(Message {
            said,
            is_error: true,
        });
    }

    pub(super) fn clear_message(&mut self) {
        self.message = None;
    }

    pub(super) fn could_not_open(&mut self, error: LoadError) {
        self.load_errors.push(error);
    }

    pub(super) fn settings_unused(&mut self, problem: ConfigProblem) {
        self.settings = Some(problem);
    }

    pub(super) fn keys_unused(&mut self, errors: Vec<OverrideError>) {
        self.keys.extend(errors);
    }

    /// What the panel above the status bar says about `docs`.
    pub fn list<'a>(&'a self, docs: &'a [Document]) -> Vec<Notice<'a>> {
        let mut out = Vec::new();
        if !self.load_errors.is_empty() {
            out.push(Notice::CouldNotOpen {
                count: self.load_errors.len(),
            });
            out.extend(self.load_errors.iter().map(Notice::LoadFailed));
        }
        out.extend(self.settings.iter().map(Notice::Settings));
        out.extend(self.keys.iter().map(Notice::Key));
        for doc in docs {
            if !doc.others.is_empty() {
                out.push(Notice::OthersEditing {
                    who: &doc.others,
                    path: &doc.path,
                });
            }
            if doc.changed_on_disk {
                out.push(Notice::ChangedOnDisk { path: &doc.path });
            }
        }
        out
    }
}
