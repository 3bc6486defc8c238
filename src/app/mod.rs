//! The application state and `update`, the only place it changes. Nothing
//! here draws or touches the terminal, and nothing here asks the ui: what
//! the keys need to know of the screen arrives as `Action::Frame`.
//!
//! `App` is a composition of rooms, each in its own file: the open
//! documents (`document`) and their session: plans still being read
//! (`loading`), the steps to undo (`undo`), the recovery of unsaved edits
//! (`recover`), watching the files (`watch`); where the user is
//! (`cursor`), search (`search`, `count`), filters (`filters`), the prompt
//! line (`prompt`), the editor (`edit`), what covers the screen
//! (`dialogs`), what the user is told (`notices`) and the user's settings
//! (`settings`). The ui reads them through the read-only views in `view`.

mod count;
mod cursor;
mod dialogs;
mod document;
mod edit;
mod filters;
mod loading;
mod navigate;
mod notices;
mod paste;
mod prompt;
mod recover;
mod rows;
mod save;
mod search;
mod settings;
mod structure;
mod undo;
mod view;
mod watch;

pub use cursor::{Cursor, Focus, Grouping, View};
pub use dialogs::{ConflictResolution, Overlay, Purpose};
pub use document::Document;
pub use edit::Editor;
pub use loading::{Loading, Opened, open_early, open_early_from};
pub use prompt::{Prompt, PromptKind};
pub use recover::RECOVERY_DELAY;
pub use search::Walk;
pub use settings::Settings;
pub use structure::{PickItem, PickPurpose, Picker};
pub use undo::UndoStep;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::frame::FrameSizes;
use crate::keymap::Context;
use crate::model::filter::Filter;
use crate::model::tally::Tally;
use crate::model::{Total, YearMonth};
use crate::store::LoadError;
use crate::tree::Tree;
use crate::words::tell::Said;

pub struct App {
    docs: Vec<Document>,
    /// The rest of plans whose first part is shown.
    reading: loading::Reading,
    history: undo::History,
    recovery: recover::Recoveries,
    watching: watch::Watching,
    tree: Tree,
    /// Budget total of every open plan, per unit (plans in 千円 and in 円 do
    /// not add up); kept with the tree so no frame sums the whole plan.
    grand_totals: Vec<(String, Total)>,
    /// Budget total of each open plan, kept the same way.
    plan_totals: Vec<Total>,
    /// Each open plan's projects by grade, kept as the totals are once
    /// counted (empty until the counts are shown).
    tallies: Vec<Tally>,
    cursor: Cursor,
    search: search::Search,
    counts: count::Counts,
    /// What the tree shows.
    filter: Filter,
    /// Whether the plans named a department when the filter menu opened.
    departments_named: bool,
    /// The bottom line while a search or filter value is typed.
    prompt: Option<Prompt>,
    editor: Option<Editor>,
    overlay: Overlay,
    conflict: Option<ConflictResolution>,
    /// An open list to choose from (where to move a node, KPIs to link).
    picker: Option<Picker>,
    notices: notices::Notices,
    settings: Settings,
    size: Rect,
    /// The sizes of the frame on screen, as the ui measured them.
    frame: FrameSizes,
    quit: bool,
    /// Counts every change that may show anywhere on screen; a move of the
    /// selection alone leaves it as it is, so a frame can tell that only
    /// the rows around the selection need drawing again.
    revision: u64,
    /// This month, for what is drawn against it (the timeline's marker); a
    /// field and not a clock read while drawing, so a frame is a function
    /// of the state alone.
    month: YearMonth,
}

impl App {
    pub fn new(docs: Vec<Document>, load_errors: Vec<LoadError>) -> Self {
        let mut app = Self {
            docs,
            reading: loading::Reading::default(),
            history: undo::History::default(),
            recovery: recover::Recoveries::default(),
            watching: watch::Watching::default(),
            tree: Tree::default(),
            grand_totals: Vec::new(),
            plan_totals: Vec::new(),
            tallies: Vec::new(),
            cursor: Cursor::default(),
            search: search::Search::default(),
            counts: count::Counts::default(),
            filter: Filter::default(),
            departments_named: false,
            prompt: None,
            editor: None,
            overlay: Overlay::None,
            conflict: None,
            picker: None,
            notices: notices::Notices::new(load_errors),
            settings: Settings::default(),
            size: Rect::new(0, 0, 80, 24),
            frame: FrameSizes::default(),
            quit: false,
            revision: 0,
            month: crate::model::dates::this_month(),
        };
        app.rebuild_tree();
        app
    }

    /// Which bindings apply now.
    pub fn context(&self) -> Context {
        match (&self.overlay, &self.editor) {
            (Overlay::Help { .. }, _) => Context::Help,
            (Overlay::QuitDialog, _) => Context::QuitDialog,
            (Overlay::CommentDialog { .. }, _) => Context::CommentDialog,
            (Overlay::ConflictDialog, _) => Context::ConflictDialog,
            (Overlay::RecoveryDialog, _) => Context::RecoveryDialog,
            (Overlay::DeleteDialog, _) => Context::DeleteDialog,
            (Overlay::Picker, _) => Context::Picker,
            (Overlay::FilterMenu, _) => Context::FilterMenu,
            (Overlay::None, _) if self.prompt.is_some() => Context::Prompt,
            (Overlay::None, Some(editor)) if editor.field.is_multiline() => Context::Editor,
            (Overlay::None, Some(_)) => Context::LineEditor,
            (Overlay::None, None) => match self.cursor.focus() {
                Focus::Tree => Context::Tree,
                Focus::Detail => Context::Detail,
            },
        }
    }

    pub fn update(&mut self, action: Action) {
        if action == Action::Tick {
            return self.tick(std::time::Instant::now());
        }
        // Measuring the frame changes nothing on screen by itself.
        if let Action::Frame(sizes) = action {
            self.frame = sizes;
            return self.scroll_tree_to_selection();
        }
        // A move in a dialog, list or the help changes what they show.
        if !(action.only_moves_selection() && self.moves_only_move()) {
            self.revision += 1;
        }
        // Any other key takes over from a search still looking (`n` and
        // `N` go on from where it ends).
        if !matches!(
            action,
            Action::Resize(..) | Action::NextMatch | Action::PrevMatch
        ) {
            self.search.stop_seeking();
        }
        self.dispatch(action);
        self.note_change();
    }

    fn dispatch(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::EditorKey(_)) {
            self.notices.clear_message();
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
            Action::Paste(text) => self.paste(&text),
            Action::ApplyEdit => {
                self.apply_edit();
            }
            Action::CancelEdit => self.cancel_edit(),
            action if self.reading.any() && action.needs_whole_plan() => {
                // The key is kept, not refused: it waits (a second or two at
                // most) for the rest of the plan, then acts on all of it.
                self.wait_for_loading();
                if !self.quit {
                    self.dispatch(action);
                }
            }
            action if self.settings.read_only() && action.changes_plan() => {
                self.error(Said::ReadOnly);
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
            Action::PromptKey(_) | Action::Confirm | Action::Dismiss if self.prompt.is_some() => {
                self.answer_prompt(action);
            }
            Action::AddEntry => self.add_entry(),
            Action::AddSibling => self.add_node(false),
            Action::AddChild => self.add_node(true),
            Action::Rename => self.rename(),
            Action::Delete => self.ask_delete(),
            Action::MoveUp => self.shift_node(-1),
            Action::MoveDown => self.shift_node(1),
            Action::MoveTo => self.pick_move_target(),
            Action::Link => self.pick_links(),
            Action::Undo => self.undo_step(),
            Action::Redo => self.redo_step(),
            Action::ToggleDates => {
                let gregorian = self.settings.toggle_dates();
                self.info(if gregorian {
                    Said::DatesGregorian
                } else {
                    Said::DatesAsWritten
                });
            }
            Action::ToggleDepartments => self.settings.toggle_departments(),
            Action::Search => self.start_prompt(PromptKind::Search),
            Action::NextMatch => self.jump_match(true),
            Action::PrevMatch => self.jump_match(false),
            Action::Filters => self.open_filters(),
            Action::ShowDetail => self.cursor.show(View::Detail),
            Action::ShowBudget => self.cursor.show(View::Budget(Grouping::Strategy)),
            Action::ShowTimeline => self.cursor.show(View::Timeline),
            Action::ShowKpis => self.cursor.show(View::Kpis),
            Action::ShowGrades => {
                self.cursor.show(View::Grades);
                self.count_grades_if_shown();
            }
            Action::ShowTreeOnly => self.cursor.show(View::TreeOnly),
            Action::CycleGrouping => self.cursor.next_grouping(),
            _ => self.answer_overlay(action),
        }
    }

    /// A key for whatever has the keys: a dialog, list or help on top,
    /// else the tree or the detail pane.
    fn answer_overlay(&mut self, action: Action) {
        match self.overlay {
            Overlay::None => match self.cursor.focus() {
                Focus::Tree => self.update_tree(action),
                Focus::Detail => self.update_detail(action),
            },
            Overlay::Help { scroll } => self.update_help(action, scroll),
            Overlay::QuitDialog => self.answer_quit(action),
            Overlay::CommentDialog { then_quit } => self.answer_comments(action, then_quit),
            Overlay::ConflictDialog => self.answer_conflict(action),
            Overlay::RecoveryDialog => self.answer_recovery(action),
            Overlay::DeleteDialog => self.answer_delete(action),
            Overlay::Picker => self.answer_picker(action),
            Overlay::FilterMenu => self.answer_filters(action),
        }
    }

    fn info(&mut self, said: Said) {
        self.notices.info(said);
    }

    fn error(&mut self, said: Said) {
        self.notices.error(said);
    }
}
