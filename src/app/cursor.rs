//! Where the user is: the selected node (by identity), the focus, the
//! field chosen in the detail pane and how far it is scrolled, the first
//! tree row on screen, and what the right-hand pane shows.

use crate::tree::NodeId;

/// What the right-hand pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Detail,
    Budget(Grouping),
    Timeline,
    Kpis,
    /// Counts of grades, with their shares.
    Grades,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

#[derive(Debug, Clone)]
pub struct Cursor {
    /// The selected node, by identity: it stays selected as rows move.
    selected: Option<NodeId>,
    /// Where `selected` is among the tree's nodes, once looked up after the
    /// selection or the tree last changed (`None` inside: not in the tree).
    /// Every frame asks for the selection several times; the lookup by id
    /// is done once per change instead.
    found: Option<Option<usize>>,
    /// The row `found` is shown on, for the rows of the shape it names
    /// (`Tree::shape`): a move needs it several times, and at 100,000
    /// rows each search for it costs more than the rest of the key.
    row: Option<(u64, Option<usize>)>,
    /// First tree row on screen.
    tree_offset: usize,
    focus: Focus,
    /// Index of the selected field in the detail pane.
    field: usize,
    /// Extra lines the detail pane is scrolled past the selected field.
    detail_scroll: u16,
    view: View,
}

impl Default for Cursor {
    fn default() -> Self {
        Self {
            selected: None,
            found: None,
            row: None,
            tree_offset: 0,
            focus: Focus::Tree,
            field: 0,
            detail_scroll: 0,
            view: View::Detail,
        }
    }
}

impl Cursor {
    pub fn selected(&self) -> Option<&NodeId> {
        self.selected.as_ref()
    }

    pub fn tree_offset(&self) -> usize {
        self.tree_offset
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn field(&self) -> usize {
        self.field
    }

    pub fn detail_scroll(&self) -> u16 {
        self.detail_scroll
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// Selects `id` and shows its first field, even if it was selected.
    pub(super) fn select_afresh(&mut self, id: Option<NodeId>) {
        self.selected = id;
        self.forget_found();
        self.show_first_field();
    }

    /// Puts the selection back on `id` as it was, field and scroll kept
    /// (a search given up, a row deleted).
    pub(super) fn return_to(&mut self, id: Option<NodeId>) {
        self.selected = id;
        self.forget_found();
    }

    /// Lets go of the selection (before the rows are built again).
    pub(super) fn take_selected(&mut self) -> Option<NodeId> {
        self.forget_found();
        self.selected.take()
    }

    /// The selection or the tree changed: it is looked up again.
    fn forget_found(&mut self) {
        self.found = None;
        self.row = None;
    }

    /// Where the selection was found in the tree as it is now, if it was
    /// looked up since it or the tree changed.
    pub(super) fn found(&self) -> Option<Option<usize>> {
        self.found
    }

    /// Keeps where the selection is in the tree as it is now.
    pub(super) fn keep_found(&mut self, node: Option<usize>) {
        self.found = Some(node);
        self.row = None;
    }

    /// The row of the selection, if it was kept for rows of `shape`.
    pub(super) fn row(&self, shape: u64) -> Option<Option<usize>> {
        self.row
            .filter(|&(kept, _)| kept == shape)
            .map(|(_, row)| row)
    }

    /// Keeps the row the selection is on, in rows of `shape`.
    pub(super) fn keep_row(&mut self, shape: u64, row: Option<usize>) {
        self.row = Some((shape, row));
    }

    /// The selection's document moves up when an earlier one closes.
    pub(super) fn document_closed(&mut self, doc: usize) {
        if let Some(id) = &mut self.selected {
            id.after_closing(doc);
        }
        self.forget_found();
    }

    pub(super) fn show_first_field(&mut self) {
        self.field = 0;
        self.detail_scroll = 0;
    }

    pub(super) fn select_field(&mut self, field: usize) {
        if field != self.field {
            self.field = field;
            self.detail_scroll = 0;
        }
    }

    /// Scrolls the detail pane down `lines`, at most to `max`.
    pub(super) fn page_detail_down(&mut self, lines: u16, max: u16) {
        self.detail_scroll = self.detail_scroll.saturating_add(lines).min(max);
    }

    pub(super) fn page_detail_up(&mut self, lines: u16) {
        self.detail_scroll = self.detail_scroll.saturating_sub(lines);
    }

    pub(super) fn focus_on(&mut self, focus: Focus) {
        self.focus = focus;
    }

    pub(super) fn show(&mut self, view: View) {
        self.view = view;
    }

    /// The budget view, grouped by the next grouping.
    pub(super) fn next_grouping(&mut self) {
        self.view = View::Budget(match self.view {
            View::Budget(Grouping::Strategy) => Grouping::Kpi,
            View::Budget(Grouping::Kpi) => Grouping::Measure,
            _ => Grouping::Strategy,
        });
    }

    /// Scrolls the tree so that `row` is among the `rows` on screen of a
    /// tree of `len` rows. Leaving the window scrolls by half of it,
    /// putting the selection in the middle: the tree is redrawn once every
    /// half screen of moves instead of on every move, which a slow link
    /// feels.
    pub(super) fn scroll_tree_to(&mut self, row: usize, rows: usize, len: usize) {
        if row < self.tree_offset || row >= self.tree_offset + rows {
            self.tree_offset = row.saturating_sub(rows / 2);
        }
        self.tree_offset = self.tree_offset.min(len.saturating_sub(rows));
    }
}
