//! What the app tells the user: the message under the status bar, and the
//! notices above it (files that could not be opened, problems with the
//! settings, others editing, plans changed on disk).

use super::document::Document;

/// A line in the panel above the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// The line under the status bar, said after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

#[derive(Debug, Default)]
pub struct Notices {
    message: Option<Message>,
    /// Files that could not be opened, as `FILE:LINE:COLUMN: message`.
    load_errors: Vec<String>,
    /// Problems with the settings.
    notes: Vec<String>,
}

impl Notices {
    pub(super) fn new(load_errors: Vec<String>) -> Self {
        Self {
            load_errors,
            ..Self::default()
        }
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }

    pub(super) fn clear_message(&mut self) {
        self.message = None;
    }

    pub(super) fn could_not_open(&mut self, error: String) {
        self.load_errors.push(error);
    }

    pub(super) fn note(&mut self, notes: impl IntoIterator<Item = String>) {
        self.notes.extend(notes);
    }

    /// What the panel above the status bar says about `docs`.
    pub fn list(&self, docs: &[Document]) -> Vec<Notice> {
        let mut out = Vec::new();
        if !self.load_errors.is_empty() {
            out.push(Notice {
                text: format!("Could not open {} file(s):", self.load_errors.len()),
                is_error: true,
            });
            out.extend(self.load_errors.iter().map(|e| Notice {
                text: e.clone(),
                is_error: true,
            }));
        }
        out.extend(self.notes.iter().map(|n| Notice {
            text: n.clone(),
            is_error: true,
        }));
        for doc in docs {
            let name = doc.path.display();
            if !doc.others.is_empty() {
                out.push(Notice {
                    text: format!("Also open for editing: {} ({name})", doc.others.join(", ")),
                    is_error: false,
                });
            }
            if doc.changed_on_disk {
                out.push(Notice {
                    text: format!("{name} was changed on disk by someone else; saving will merge"),
                    is_error: false,
                });
            }
        }
        out
    }
}
