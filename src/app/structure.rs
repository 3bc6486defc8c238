//! Changing the plan's shape from the tree: add, rename, delete, reorder,
//! move, link; and the quick progress entry dated this month.

use super::App;
use super::dialogs::Overlay;
use crate::action::Action;
use crate::model::dates::{era_short, this_month};
use crate::model::fields::Field;
use crate::model::{Address, structure};
use crate::tree::{NodeId, Place};
use crate::words::tell::{Asked, Change, Said};

/// A list to choose from, drawn over the screen.
pub struct Picker {
    pub title: Asked,
    pub items: Vec<PickItem>,
    pub cursor: usize,
    pub purpose: PickPurpose,
}

pub struct PickItem {
    pub label: String,
    /// For lists of toggles: whether the item is on.
    pub checked: Option<bool>,
    target: usize,
}

/// What choosing an item does.
#[derive(Debug, Clone, Copy)]
pub enum PickPurpose {
    /// Move the project to the chosen measure.
    MoveProject {
        doc: usize,
        from: (usize, usize, usize),
    },
    /// Move the measure to the chosen strategy.
    MoveMeasure { doc: usize, from: (usize, usize) },
    /// Link or unlink the measure and the chosen KPI.
    Link { doc: usize, measure: (usize, usize) },
}

impl App {
    /// The node with this address, as a tree row id (the first row showing
    /// it, else one built for it).
    fn node_at(&self, doc: usize, address: Address) -> Place {
        self.row_of_address(doc, address)
            .and_then(|row| self.tree.row(row))
            .map_or_else(|| Place::from_address(doc, address), |n| n.place)
    }

    /// The first visible row showing the node at `address` of document
    /// `doc`, under whichever KPI.
    fn row_of_address(&self, doc: usize, address: Address) -> Option<usize> {
        let plan = &self.docs.get(doc)?.plan;
        let id = NodeId::of(plan, Place::from_address(doc, address))?;
        self.tree.row_of_anywhere(&id)
    }

    /// Selects a node by address, if it is shown.
    fn select_address(&mut self, doc: usize, address: Address) {
        if let Some(row) = self.row_of_address(doc, address) {
            self.go_to_row(row);
        }
    }

    /// `a`: a new progress entry dated this month, in the era notation of
    /// the table (`R8.11 `), ready for its text.
    pub(super) fn add_entry(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        if !matches!(node, Place::Project { .. }) {
            return self.error(Said::ChooseProjectForEntry);
        }
        self.open_editor(node, Field::Schedule);
        if let Some(editor) = &mut self.editor {
            if !editor.textarea.is_empty() {
                editor.textarea.insert_newline();
            }
            let date = era_short(this_month());
            editor.textarea.insert_str(format!("{date} "));
            editor.prefill = Some(date);
        }
    }

    /// `o` (sibling after) and `+` (child): adds a node and opens its name.
    pub(super) fn add_node(&mut self, child: bool) {
        // With nothing shown (an empty plan), a strategy is added to it.
        let (doc, at, child) = match self.selected_node() {
            Some(node) => (node.plan(), node.address(), child),
            None if !self.docs.is_empty() => (0, Address::Plan, true),
            None => return,
        };

        let mut added = None;
        let result = self.change_plan(doc, Change::Add, |plan| {
            added = if child {
                structure::add_child(plan, at)
            } else {
                structure::add_after(plan, at)
            };
            added.map(|_| ()).ok_or(Said::NothingToAdd)
        });
        match (result, added) {
            (Ok(_), Some(address)) => {
                self.select_address(doc, address);
                let node = self.node_at(doc, address);
                self.open_editor(node, name_field(address));
                if let Some(editor) = &mut self.editor {
                    editor.new_node = true;
                }
            }
            (Err(e), _) => self.error(e),
            _ => {}
        }
    }

    /// `r`: edits the selected node's name.
    pub(super) fn rename(&mut self) {
        if let Some(node) = self.selected_node() {
            self.open_editor(node, name_field(node.address()));
        }
    }

    /// `d`: asks before deleting.
    pub(super) fn ask_delete(&mut self) {
        match self.selected_node() {
            Some(node) if node.address() != Address::Plan => self.overlay = Overlay::DeleteDialog,
            _ => self.error(Said::WholePlanNotDeleted),
        }
    }

    pub(super) fn answer_delete(&mut self, action: Action) {
        self.overlay = Overlay::None;
        if action != Action::Confirm {
            return self.info(Said::NotDeleted);
        }
        let Some(node) = self.selected_node() else {
            return;
        };
        let (doc, at) = (node.plan(), node.address());
        let row = self.selected_row().unwrap_or(0);
        match self.change_plan(doc, Change::Delete, |plan| {
            structure::delete(plan, at)
                .then_some(())
                .ok_or(Said::NothingToDelete)
        }) {
            Ok(_) => {
                let row = row.saturating_sub(1).min(self.tree.len().saturating_sub(1));
                self.cursor.return_to(self.id_at_row(row));
                self.keep_selection_found();
                self.scroll_tree_to_selection();
                self.info(Said::Deleted);
            }
            Err(e) => self.error(e),
        }
    }

    /// `K` / `J`: one place up or down among its siblings.
    pub(super) fn shift_node(&mut self, by: isize) {
        let Some(node) = self.selected_node() else {
            return;
        };
        let (doc, at) = (node.plan(), node.address());
        // A measure moves past its neighbour as shown under the same KPI.
        let neighbour = match node {
            Place::Measure {
                strategy,
                kpi,
                measure,
                ..
            } => {
                let shown = &self.docs[doc].plan.strategies[strategy];
                let siblings: Vec<usize> = match kpi {
                    Some(k) => shown.measures_of_kpi(k).collect(),
                    None => shown.unlinked_measures().collect(),
                };
                let here = siblings.iter().position(|&m| m == measure);
                let Some(other) = here
                    .and_then(|i| i.checked_add_signed(by))
                    .and_then(|i| siblings.get(i))
                else {
                    return;
                };
                Some((strategy, measure, *other))
            }
            _ => None,
        };
        let mut moved = None;
        let _ = self.change_plan(doc, Change::Reorder, |plan| {
            moved = match neighbour {
                Some((s, m, other)) => structure::swap_measures(plan, s, m, other),
                None => structure::shift(plan, at, by),
            };
            moved.map(|_| ()).ok_or(Said::CannotDoThat)
        });
        // The selection holds the node by id: it is where the node went.
        if moved.is_some() {
            self.scroll_tree_to_selection();
        }
    }

    /// `m`: where to move the selected project (a measure) or measure (a
    /// strategy).
    pub(super) fn pick_move_target(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        let doc = node.plan();
        let plan = &self.docs[doc].plan;
        let (title, items, purpose) = match node.address() {
            Address::Project(s, m, p) => {
                let items = plan
                    .strategies
                    .iter()
                    .enumerate()
                    .flat_map(|(si, st)| {
                        st.measures
                            .iter()
                            .enumerate()
                            .map(move |(mi, me)| (si, mi, st, me))
                    })
                    .filter(|&(si, mi, ..)| (si, mi) != (s, m))
                    .map(|(si, mi, st, me)| PickItem {
                        label: format!("{} / {}{}", st.label, me.label, me.name),
                        checked: None,
                        target: si * MEASURE_STRIDE + mi,
                    })
                    .collect();
                (
                    Asked::MoveProjectTo,
                    items,
                    PickPurpose::MoveProject {
                        doc,
                        from: (s, m, p),
                    },
                )
            }
            Address::Measure(s, m) => {
                let items = plan
                    .strategies
                    .iter()
                    .enumerate()
                    .filter(|&(si, _)| si != s)
                    .map(|(si, st)| PickItem {
                        label: format!("{}{}", st.label, st.name),
                        checked: None,
                        target: si,
                    })
                    .collect();
                (
                    Asked::MoveMeasureTo,
                    items,
                    PickPurpose::MoveMeasure { doc, from: (s, m) },
                )
            }
            _ => return self.error(Said::ChooseWhatToMove),
        };
        self.open_picker(title, items, purpose);
    }

    /// `L`: which KPIs of its strategy the selected measure serves.
    pub(super) fn pick_links(&mut self) {
        let Some(node) = self.selected_node() else {
            return;
        };
        let Address::Measure(s, m) = node.address() else {
            return self.error(Said::ChooseMeasureToLink);
        };
        let doc = node.plan();
        self.open_picker(
            Asked::KpisServed,
            Vec::new(),
            PickPurpose::Link {
                doc,
                measure: (s, m),
            },
        );
        self.refresh_links();
    }

    fn refresh_links(&mut self) {
        let Some(picker) = &mut self.picker else {
            return;
        };
        let PickPurpose::Link {
            doc,
            measure: (s, m),
        } = picker.purpose
        else {
            return;
        };
        let strategy = &self.docs[doc].plan.strategies[s];
        picker.items = strategy
            .kpis
            .iter()
            .enumerate()
            .map(|(k, kpi)| PickItem {
                label: format!("{} {}", kpi.label, kpi.statement),
                checked: Some(strategy.measures[m].kpis.contains(&kpi.label)),
                target: k,
            })
            .collect();
    }

    fn open_picker(&mut self, title: Asked, items: Vec<PickItem>, purpose: PickPurpose) {
        if items.is_empty() && !matches!(purpose, PickPurpose::Link { .. }) {
            return self.error(Said::NowhereToMove);
        }
        self.picker = Some(Picker {
            title,
            items,
            cursor: 0,
            purpose,
        });
        self.overlay = Overlay::Picker;
    }

    pub(super) fn answer_picker(&mut self, action: Action) {
        let Some(picker) = &mut self.picker else {
            self.overlay = Overlay::None;
            return;
        };
        let last = picker.items.len().saturating_sub(1);
        match action {
            Action::Down => picker.cursor = (picker.cursor + 1).min(last),
            Action::Up => picker.cursor = picker.cursor.saturating_sub(1),
            Action::Confirm => self.choose(),
            Action::Dismiss => {
                self.picker = None;
                self.overlay = Overlay::None;
            }
            _ => {}
        }
    }

    fn choose(&mut self) {
        let Some(picker) = &self.picker else { return };
        let Some(target) = picker.items.get(picker.cursor).map(|i| i.target) else {
            return;
        };
        let purpose = picker.purpose;
        let mut landed = None;
        let (doc, what) = match purpose {
            PickPurpose::MoveProject { doc, .. } | PickPurpose::MoveMeasure { doc, .. } => {
                (doc, Change::Move)
            }
            PickPurpose::Link { doc, .. } => (doc, Change::Link),
        };
        let result = self.change_plan(doc, what, |plan| {
            landed = match purpose {
                PickPurpose::MoveProject { from, .. } => structure::move_project(
                    plan,
                    from,
                    (target / MEASURE_STRIDE, target % MEASURE_STRIDE),
                ),
                PickPurpose::MoveMeasure { from, .. } => {
                    structure::move_measure(plan, from, target)
                }
                PickPurpose::Link { measure, .. } => structure::toggle_link(plan, measure, target)
                    .map(|_| Address::Measure(measure.0, measure.1)),
            };
            landed.map(|_| ()).ok_or(Said::CannotDoThat)
        });
        if let Err(e) = result {
            return self.error(e);
        }
        if matches!(purpose, PickPurpose::Link { .. }) {
            // Stay open: several KPIs may be linked in a row.
            return self.refresh_links();
        }
        self.picker = None;
        self.overlay = Overlay::None;
        // The selection holds the node by id: it went with it.
        if landed.is_some() {
            self.scroll_tree_to_selection();
            self.info(Said::Moved);
        }
    }
}

/// Measures are numbered `strategy * MEASURE_STRIDE + measure` in a picker.
const MEASURE_STRIDE: usize = 1 << 20;

/// The field that names a node.
fn name_field(address: Address) -> Field {
    match address {
        Address::Plan => Field::Title,
        Address::Kpi(..) => Field::Statement,
        _ => Field::Name,
    }
}
