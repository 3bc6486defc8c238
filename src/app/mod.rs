//! The application state and `update`, the only place it changes. Nothing
//! here draws or touches the terminal.

mod edit;
mod find;
mod loading;
mod navigate;
mod paste;
mod recover;
mod save;
mod structure;
mod undo;
mod watch;

pub use find::{Counting, MatchCount, Prompt, PromptKind, Walk};
pub use loading::{Loading, Opened, open_early, open_early_from};
pub use structure::{PickItem, PickPurpose, Picker};
pub use undo::UndoStep;

pub use recover::RECOVERY_DELAY;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::action::Action;
use crate::keymap::Context;
use crate::model::fields::{Field, field_text, set_field};
use crate::model::find::Filter;
use crate::model::merge::{Conflict, Side};
use crate::model::totals::totals_by_unit;
use crate::model::{Plan, Total};
use crate::store;
use crate::tree::{NodeId, Tree};
use crate::ui::{self, layout};

/// One open plan file.
#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    /// Shared with `base` until the first edit, so an opened plan is held
    /// once in memory (copy on write).
    pub plan: Arc<Plan>,
    /// The plan as last read from or written to the file: what a merge
    /// compares both sides' changes against.
    pub base: Arc<Plan>,
    /// Hash of the file as last read or written; `None` when there was no
    /// file. A different hash on disk means someone else saved.
    pub disk_hash: Option<u64>,
    /// Unsaved changes.
    pub dirty: bool,
    /// Comments in the file as loaded; a save drops them, so it asks first.
    pub comments: usize,
    /// Others who have the file open for editing, as `user@host since …`.
    pub others: Vec<String>,
    /// Set when the file changed on disk while there were unsaved edits.
    pub changed_on_disk: bool,
    /// The file's modification time and length when last looked at; a
    /// cheap first test for changes.
    pub stamp: Option<store::Stamp>,
}

/// What the right-hand pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Detail,
    Budget(Grouping),
    Timeline,
    Kpis,
    /// No right pane: the tree takes the whole width (long names, narrow
    /// terminals, and the fewest bytes per move over a slow link).
    TreeOnly,
}

/// How the budget view groups its bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Strategy,
    Kpi,
    Measure,
}

/// A line in the panel above the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Document {
    pub fn new(path: PathBuf, loaded: store::Loaded) -> Self {
        let stamp = store::stamp(&path);
        let plan = Arc::new(loaded.plan);
        Self {
            path,
            comments: loaded.source.comments().len(),
            base: Arc::clone(&plan),
            plan,
            disk_hash: loaded.disk_hash,
            dirty: false,
            others: Vec::new(),
            changed_on_disk: false,
            stamp,
        }
    }
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
    /// The file changed on disk and both sides changed the same values:
    /// `App::conflict` holds them.
    ConflictDialog,
    /// Edits recovered from a hang-up or crash: restore or discard.
    RecoveryDialog,
    /// Delete the selected node and everything under it?
    DeleteDialog,
    /// `App::picker` is open.
    Picker,
    /// Choosing filters.
    FilterMenu,
}

/// A save waiting for the user to settle conflicts, one at a time.
pub struct ConflictResolution {
    pub doc: usize,
    pub purpose: Purpose,
    /// The common ancestor, the edits here, and the plan as found on disk.
    pub base: Plan,
    pub mine: Plan,
    pub theirs: Plan,
    /// Hash of the file `theirs` was read from.
    pub theirs_hash: Option<u64>,
    pub conflicts: Vec<Conflict>,
    /// The side chosen for each conflict settled so far, in order.
    pub choices: Vec<Side>,
    pub then_quit: bool,
}

/// What a merge with conflicts was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Saving: the result is written to the plan file.
    Save,
    /// Restoring recovered edits: the result becomes the unsaved state.
    Restore,
}

/// An open editor on one field of one node.
pub struct Editor {
    pub node: NodeId,
    pub field: Field,
    pub textarea: TextArea<'static>,
    /// The node was just added to be named here; cancelling removes it.
    pub new_node: bool,
    /// A date typed for the user (`R8.11`); a last line holding only it is
    /// not an entry.
    pub prefill: Option<String>,
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
    pub conflict: Option<ConflictResolution>,
    /// Recovered edits not yet offered or answered, with their document.
    pub recoveries: Vec<(usize, store::recovery::Recovery)>,
    /// Plans whose recovered edits the user chose to decide on later: their
    /// recovery files are not removed.
    pub deferred_recoveries: Vec<PathBuf>,
    /// When unsaved edits are next written to the recovery file.
    pub recovery_due: Option<std::time::Instant>,
    /// A recovery write running in the background.
    pub recovery_writer: Option<std::thread::JoinHandle<Result<Vec<PathBuf>, String>>>,
    pub message: Option<Message>,
    pub size: Rect,
    pub quit: bool,
    /// Opened with `--read-only`: nothing can be changed or saved.
    pub read_only: bool,
    /// Show dates in Gregorian instead of as written (era notation).
    pub gregorian_dates: bool,
    /// What the right-hand pane shows.
    pub view: View,
    /// The keys in force.
    pub keymap: crate::keymap::Keymap,
    /// The interface language (plan content is never translated).
    pub lang: crate::i18n::Lang,
    /// How many earlier versions a save keeps.
    pub backups: usize,
    /// Problems with the settings, shown above the status bar.
    pub notes: Vec<String>,
    /// Colours drawn as others (from the settings).
    pub palette: Vec<crate::config::Recolour>,
    /// Draw without colours (`NO_COLOR`, or the config): meaning stays in
    /// markers, bold, underline and reverse video.
    pub no_color: bool,
    pub undo: Vec<UndoStep>,
    pub redo: Vec<UndoStep>,
    /// An open list to choose from (where to move a node, KPIs to link).
    pub picker: Option<Picker>,
    /// The bottom line while a search or filter value is typed.
    pub prompt: Option<Prompt>,
    /// The current search, normalised; matches are highlighted.
    pub search: Option<String>,
    /// What the tree shows.
    pub filter: Filter,
    /// When the files on disk were last looked at.
    pub last_watch: Option<std::time::Instant>,
    /// When this session last refreshed its presence entries.
    last_presence: Option<std::time::Instant>,
    /// Plans whose first part is shown while the rest is read.
    pub loading: Vec<Loading>,
    /// Why the session had to end, said once the terminal is back.
    pub fatal: Option<String>,
    /// The evaluation scale from the settings, for plans without their own.
    pub user_scale: Option<Vec<crate::model::grade::Grade>>,
    /// Search matches being counted in the background, and the last count.
    pub counting: Option<Counting>,
    pub match_count: Option<MatchCount>,
    /// `n` or `N` still looking for the next match.
    pub seeking: Option<Walk>,
    /// Counts every change that may show anywhere on screen; a move of the
    /// selection alone leaves it as it is, so a frame can tell that only
    /// the rows around the selection need drawing again.
    pub revision: u64,
    /// This month, for what is drawn against it (the timeline's marker); a
    /// field and not a clock read while drawing, so a frame is a function
    /// of the state alone.
    pub month: crate::model::YearMonth,
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
            conflict: None,
            recoveries: Vec::new(),
            deferred_recoveries: Vec::new(),
            recovery_due: None,
            recovery_writer: None,
            message: None,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            read_only: false,
            gregorian_dates: false,
            view: View::Detail,
            no_color: false,
            keymap: crate::keymap::Keymap::default(),
            lang: crate::i18n::Lang::En,
            backups: 1,
            notes: Vec::new(),
            palette: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            picker: None,
            prompt: None,
            search: None,
            filter: Filter::default(),
            last_watch: None,
            last_presence: None,
            loading: Vec::new(),
            fatal: None,
            month: crate::model::dates::this_month(),
            seeking: None,
            counting: None,
            match_count: None,
            user_scale: None,
            revision: 0,
        };
        app.rebuild_tree();
        app
    }

    pub fn plans(&self) -> Vec<&Plan> {
        self.docs.iter().map(|d| &*d.plan).collect()
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
            (Overlay::ConflictDialog, _) => Context::ConflictDialog,
            (Overlay::RecoveryDialog, _) => Context::RecoveryDialog,
            (Overlay::DeleteDialog, _) => Context::DeleteDialog,
            (Overlay::Picker, _) => Context::Picker,
            (Overlay::FilterMenu, _) => Context::FilterMenu,
            (Overlay::None, _) if self.prompt.is_some() => Context::Prompt,
            (Overlay::None, Some(editor)) if editor.field.is_multiline() => Context::Editor,
            (Overlay::None, Some(_)) => Context::LineEditor,
            (Overlay::None, None) => match self.focus {
                Focus::Tree => Context::Tree,
                Focus::Detail => Context::Detail,
            },
        }
    }

    pub fn update(&mut self, action: Action) {
        if action == Action::Tick {
            return self.tick(std::time::Instant::now());
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
            self.seeking = None;
        }
        self.dispatch(action);
        self.note_change();
    }

    fn dispatch(&mut self, action: Action) {
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
            Action::Paste(text) => self.paste(&text),
            Action::ApplyEdit => {
                self.apply_edit();
            }
            Action::CancelEdit => self.cancel_edit(),
            action if !self.loading.is_empty() && action.needs_whole_plan() => {
                // The key is kept, not refused: it waits (a second or two at
                // most) for the rest of the plan, then acts on all of it.
                self.wait_for_loading();
                if !self.quit {
                    self.dispatch(action);
                }
            }
            action if self.read_only && action.changes_plan() => {
                self.error("read-only: opened with --read-only, nothing can be changed or saved");
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
                self.gregorian_dates = !self.gregorian_dates;
                self.info(if self.gregorian_dates {
                    "dates in Gregorian"
                } else {
                    "dates as written"
                });
            }
            Action::Search => self.start_prompt(PromptKind::Search),
            Action::NextMatch => self.jump_match(true),
            Action::PrevMatch => self.jump_match(false),
            Action::Filters => self.overlay = Overlay::FilterMenu,
            Action::ShowDetail => self.view = View::Detail,
            Action::ShowBudget => self.view = View::Budget(Grouping::Strategy),
            Action::ShowTimeline => self.view = View::Timeline,
            Action::ShowKpis => self.view = View::Kpis,
            Action::ShowTreeOnly => self.view = View::TreeOnly,
            Action::CycleGrouping => {
                self.view = View::Budget(match self.view {
                    View::Budget(Grouping::Strategy) => Grouping::Kpi,
                    View::Budget(Grouping::Kpi) => Grouping::Measure,
                    _ => Grouping::Strategy,
                });
            }
            _ => match self.overlay {
                Overlay::None => match self.focus {
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
            },
        }
    }

    /// Takes the user's settings; `no_color` is the `NO_COLOR` environment.
    pub fn apply_settings(&mut self, settings: &crate::config::Config, no_color: bool) {
        self.no_color = no_color || !settings.colours;
        self.gregorian_dates = settings.dates == crate::config::DateDisplay::Gregorian;
        self.backups = settings.backups;
        self.palette.clone_from(&settings.palette);
        let (keymap, errors) = crate::keymap::Keymap::with_overrides(&settings.keys);
        self.keymap = keymap;
        self.notes
            .extend(errors.iter().map(|e| crate::words::Say::say(e, self.lang)));
        self.user_scale.clone_from(&settings.evaluation_scale);
        for doc in 0..self.docs.len() {
            self.give_user_scale(doc);
        }
        self.rebuild_tree();
    }

    /// Plans without an evaluation scale of their own take the user's (from
    /// the settings); a save then writes it into the plan.
    fn give_user_scale(&mut self, doc: usize) {
        let (Some(scale), Some(doc)) = (&self.user_scale, self.docs.get_mut(doc)) else {
            return;
        };
        if crate::model::grade::is_default_scale(&doc.plan.evaluation_scale) {
            Arc::make_mut(&mut doc.plan)
                .evaluation_scale
                .clone_from(scale);
            Arc::make_mut(&mut doc.base)
                .evaluation_scale
                .clone_from(scale);
        }
    }

    /// Tree rows that fit on screen.
    pub fn tree_rows(&self) -> usize {
        usize::from(layout::tree_body(self.areas().tree).height)
    }

    /// Where each region of the screen goes now.
    pub fn areas(&self) -> layout::Areas {
        layout::areas(self.size, self.notice_lines(), self.tree_only())
    }

    /// Whether the tree takes the whole width. An open editor needs the
    /// right pane even when it is hidden.
    pub fn tree_only(&self) -> bool {
        self.view == View::TreeOnly && self.editor.is_none()
    }

    pub fn notice_lines(&self) -> u16 {
        layout::notice_lines(self.notices().len())
    }

    /// What the panel above the status bar says: files that could not be
    /// opened, who else has a plan open, plans changed on disk.
    pub fn notices(&self) -> Vec<Notice> {
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
        for doc in &self.docs {
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

    /// Rebuilds the rows after the plan changed, keeping the selection.
    fn rebuild_tree(&mut self) {
        let selected = self.selected_node();
        let collapsed: HashSet<NodeId> = self.tree.collapsed().clone();
        let plans = self.plans();
        let tree = Tree::build_filtered(&plans, collapsed, &self.filter, self.month);
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
        self.restart_searches();
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
