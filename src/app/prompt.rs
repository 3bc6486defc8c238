//! The line at the bottom where a search or a filter value is typed.

use super::App;
use super::dialogs::Overlay;
use super::search::Scan;
use crate::action::Action;
use crate::model::find::{self, parse_budget_range};
use crate::tree::NodeId;
use crate::words::tell::Said;

/// What the prompt line is being typed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    FilterText,
    FilterBudget,
}

/// The line at the bottom where a search or a filter value is typed.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Where the selection was when the search started.
    pub(super) origin: Option<NodeId>,
    /// How far the last keystroke's search got before its first match.
    pub(super) scan: Option<Scan>,
}

impl App {
    pub(super) fn start_prompt(&mut self, kind: PromptKind) {
        let text = match kind {
            PromptKind::Search => String::new(),
            PromptKind::FilterText => self.filter.text.clone().unwrap_or_default(),
            PromptKind::FilterBudget => String::new(),
        };
        self.overlay = Overlay::None;
        self.prompt = Some(Prompt {
            kind,
            text,
            origin: self.cursor.selected().cloned(),
            scan: None,
        });
    }

    pub(super) fn answer_prompt(&mut self, action: Action) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        match action {
            Action::PromptKey(key) => {
                let plain = !key.modifiers.intersects(
                    crossterm::event::KeyModifiers::CONTROL | crossterm::event::KeyModifiers::ALT,
                );
                match key.code {
                    crossterm::event::KeyCode::Char(c) if plain => prompt.text.push(c),
                    crossterm::event::KeyCode::Backspace => {
                        prompt.text.pop();
                    }
                    _ => return,
                }
                self.prompt_changed();
            }
            Action::Confirm => {
                let prompt = self.prompt.take().unwrap_or_else(|| unreachable!());
                match prompt.kind {
                    PromptKind::Search => {
                        // Enter goes to the match: the search is finished first.
                        if let Some(mut scan) = prompt.scan.filter(|s| s.pending) {
                            self.scan(&mut scan, usize::MAX);
                        }
                        self.report_matches();
                    }
                    PromptKind::FilterText => {
                        let text = find::normalize(prompt.text.trim());
                        self.filter.text = (!text.is_empty()).then_some(text);
                        self.apply_filter();
                    }
                    PromptKind::FilterBudget => {
                        let unit = self
                            .docs
                            .first()
                            .map(|d| d.plan.unit.clone())
                            .unwrap_or_default();
                        match parse_budget_range(prompt.text.trim(), &unit) {
                            Ok(range) => {
                                self.filter.budget = Some(range);
                                self.apply_filter();
                            }
                            Err(error) => self.error(Said::BadBudgetRange(error)),
                        }
                    }
                }
            }
            Action::Dismiss => {
                let prompt = self.prompt.take().unwrap_or_else(|| unreachable!());
                if prompt.kind == PromptKind::Search {
                    self.search.forget_query();
                    if let Some(origin) = prompt.origin.filter(|id| self.tree.row_of(id).is_some())
                    {
                        self.cursor.return_to(Some(origin));
                        self.keep_selection_found();
                    }
                    self.scroll_tree_to_selection();
                }
            }
            _ => {}
        }
    }

    /// Pasted text goes on the line as if typed, searched for once.
    pub(super) fn paste_into_prompt(&mut self, text: &str) {
        if let Some(prompt) = &mut self.prompt {
            prompt.text.push_str(text);
            self.prompt_changed();
        }
    }

    /// A search follows what the line now holds.
    fn prompt_changed(&mut self) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        if prompt.kind == PromptKind::Search {
            let (text, origin) = (prompt.text.clone(), prompt.origin.clone());
            let scan = prompt.scan.take();
            let scan = self.search_for(&text, origin, scan);
            if let Some(prompt) = &mut self.prompt {
                prompt.scan = scan;
            }
        }
    }
}
