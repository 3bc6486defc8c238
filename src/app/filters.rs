//! The review's filters (`f`): which projects the tree shows.

use super::App;
use super::dialogs::Overlay;
use super::prompt::PromptKind;
use crate::action::Action;
use crate::keymap::{Binding, Context};
use crate::model::filter::Filter;
use crate::words::tell::Said;

impl App {
    pub(super) fn answer_filters(&mut self, action: Action) {
        match action {
            Action::FilterEvaluation => {
                let scale = self
                    .docs
                    .first()
                    .map(|d| d.plan.evaluation_scale.clone())
                    .unwrap_or_default();
                let next = match &self.filter.evaluation {
                    None => scale.first(),
                    Some(current) => scale.iter().skip_while(|g| g.name != *current).nth(1),
                };
                self.filter.evaluation = next.map(|g| g.name.clone());
                self.apply_filter();
            }
            Action::FilterOverdue => {
                self.filter.overdue = !self.filter.overdue;
                self.apply_filter();
            }
            Action::FilterDepartment => {
                let named = &self.departments;
                let next = match &self.filter.department {
                    None => named.first(),
                    Some(current) => named.iter().skip_while(|d| *d != current).nth(1),
                };
                self.filter.department = next.cloned();
                self.apply_filter();
            }
            Action::FilterText => self.start_prompt(PromptKind::FilterText),
            Action::FilterBudget => self.start_prompt(PromptKind::FilterBudget),
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.apply_filter();
            }
            Action::Dismiss => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// Opens the filter menu, with the departments the plans name now.
    pub(super) fn open_filters(&mut self) {
        self.departments = self.named_departments();
        self.overlay = Overlay::FilterMenu;
    }

    /// Every department the open plans name, at any level, in order: read
    /// from every project, so once as the menu opens, not for each frame.
    fn named_departments(&self) -> Vec<String> {
        let mut named = std::collections::BTreeSet::new();
        for doc in &self.docs {
            for strategy in &doc.plan.strategies {
                named.insert(strategy.owner.as_str());
                for measure in &strategy.measures {
                    named.insert(measure.owner.as_str());
                    named.extend(measure.projects.iter().map(|p| p.owner.as_str()));
                }
            }
        }
        named.remove("");
        named.into_iter().map(str::to_owned).collect()
    }

    /// The keys offered in `context`: the department filter only while the
    /// open plans name a department, as there is nothing to filter by else.
    pub fn offered(&self, context: Context) -> impl Iterator<Item = &Binding> {
        let departments = context == Context::FilterMenu && !self.departments.is_empty();
        self.keymap()
            .bindings(context)
            .filter(move |b| b.action != Action::FilterDepartment || departments)
    }

    pub(super) fn apply_filter(&mut self) {
        // Counts were of the nodes shown before.
        self.counts.forget();
        self.rebuild_tree();
        let shown = self.tree.shown_total();
        if self.filter.is_active() {
            self.info(Said::Showing {
                projects: shown.projects,
                filter: self.filter.describe(),
            });
        } else {
            self.info(Said::ShowingEverything);
        }
    }
}
