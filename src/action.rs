//! Everything a key can ask for. Keys become an `Action` (see `keymap`)
//! before any state changes; `App::update` carries them out.

use crossterm::event::KeyEvent;

use crate::frame::FrameSizes;

/// Not `Copy`: a paste carries its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the selection down one row or field.
    Down,
    /// Move the selection up one row or field.
    Up,
    /// Go to the first row.
    First,
    /// Go to the last row.
    Last,
    /// Move down one screen.
    PageDown,
    /// Move up one screen.
    PageUp,
    /// Expand the node, or go to its first child.
    Expand,
    /// Collapse the node, or go to its parent.
    Collapse,
    /// Expand or collapse the node.
    Toggle,
    /// Move focus between the tree and the detail pane.
    SwitchFocus,
    /// Edit the selected field.
    Edit,
    /// Edit the progress entries of the selected project.
    EditSchedule,
    /// Put the editor's text into the plan and close the editor.
    ApplyEdit,
    /// Close the editor, discarding its text.
    CancelEdit,
    /// Save every plan with unsaved changes.
    Save,
    /// Quit; asks first when there are unsaved changes.
    Quit,
    /// Answer a question with yes (save).
    Confirm,
    /// Answer a question with "discard changes".
    Discard,
    /// Close a question or the help without doing anything.
    Dismiss,
    /// Show the keys.
    Help,
    /// In a conflict, keep the value typed here.
    KeepMine,
    /// In a conflict, take the value saved by someone else.
    TakeTheirs,
    /// Put recovered edits back.
    Restore,
    /// Add a progress entry dated this month to the selected project.
    AddEntry,
    /// Add a node after the selected one, of the same kind.
    AddSibling,
    /// Add a node inside the selected one.
    AddChild,
    /// Rename the selected node.
    Rename,
    /// Delete the selected node (asks first).
    Delete,
    /// Move the selected node up among its siblings.
    MoveUp,
    /// Move the selected node down among its siblings.
    MoveDown,
    /// Move the selected project to another measure, or measure to another strategy.
    MoveTo,
    /// Link or unlink the selected measure and the KPIs of its strategy.
    Link,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Switch dates between as written (era) and Gregorian.
    ToggleDates,
    /// Show or hide the tree's department column, and the department field
    /// of strategies and measures that have none.
    ToggleDepartments,
    /// Search every text field, as you type.
    Search,
    /// Go to the next search match.
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Open the filters.
    Filters,
    /// Filter by evaluation: the next grade of the scale (or none).
    FilterEvaluation,
    /// Show only overdue projects (or all again).
    FilterOverdue,
    /// Filter by text.
    FilterText,
    /// Filter by budget range.
    FilterBudget,
    /// Filter by department: the next one the plans name (or none).
    FilterDepartment,
    /// Remove every filter.
    ClearFilters,
    /// Show the selected node's fields on the right.
    ShowDetail,
    /// Show budget bars on the right.
    ShowBudget,
    /// Show the fiscal-year timeline on the right.
    ShowTimeline,
    /// Show KPI targets, actuals and gauges on the right.
    ShowKpis,
    /// Counts of grades in the right pane.
    ShowGrades,
    /// Show no right pane: the tree takes the whole width.
    ShowTreeOnly,
    /// Group the budget bars by strategy, KPI or measure.
    CycleGrouping,
    /// Internal: a key typed into the prompt line.
    PromptKey(KeyEvent),
    /// Internal: time passed; write what is due (recovery file).
    Tick,
    /// Internal: a key typed into the editor.
    EditorKey(KeyEvent),
    /// Internal: text the terminal pasted (bracketed paste), taken whole:
    /// into the editor or the prompt line, never as keys.
    Paste(String),
    /// Internal: the terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Internal: the sizes of the frame about to be drawn, measured by the
    /// ui (how far a page moves, how far the panes scroll).
    Frame(FrameSizes),
}

impl Action {
    /// Whether this changes or saves a plan (refused in a read-only session).
    pub fn changes_plan(&self) -> bool {
        matches!(
            self,
            Action::Edit
                | Action::EditSchedule
                | Action::Save
                | Action::Restore
                | Action::AddEntry
                | Action::AddSibling
                | Action::AddChild
                | Action::Rename
                | Action::Delete
                | Action::MoveUp
                | Action::MoveDown
                | Action::MoveTo
                | Action::Link
                | Action::Undo
                | Action::Redo
        )
    }

    /// Whether this only moves the selection (or the field in the detail
    /// pane) and changes nothing else on screen.
    pub fn only_moves_selection(&self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::First
                | Action::Last
                | Action::PageDown
                | Action::PageUp
        )
    }

    /// Whether this needs the whole plan: changes, saving, search, filters
    /// and the pictures (all of which would act on, or show, a part of it).
    pub fn needs_whole_plan(&self) -> bool {
        self.changes_plan()
            || matches!(
                self,
                Action::Search
                    | Action::NextMatch
                    | Action::PrevMatch
                    | Action::Filters
                    | Action::FilterDepartment
                    | Action::ShowBudget
                    | Action::ShowTimeline
                    | Action::ShowKpis
                    | Action::ShowGrades
                    | Action::CycleGrouping
            )
    }
}
