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
                let named = self.named_departments();
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

    /// Opens the filter menu, noting whether the plans name a department
    /// (looked at once as it opens, not for each frame; the first named one
    /// ends the look).
    pub(super) fn open_filters(&mut self) {
        let named = self.owners().any(|owner| !owner.is_empty());
        self.departments_named = named;
        self.overlay = Overlay::FilterMenu;
    }

    /// Every department the open plans name, at any level, in order: read
    /// from every node, so only when the department filter is asked for.
    fn named_departments(&self) -> Vec<String> {
        let mut named: std::collections::HashSet<&str> = self.owners().collect();
        named.remove("");
        let mut named: Vec<String> = named.into_iter().map(str::to_owned).collect();
        named.sort_unstable();
        named
    }

    /// The departments of every strategy, measure and project, as written.
    fn owners(&self) -> impl Iterator<Item = &str> {
        self.docs
            .iter()
            .flat_map(|doc| &doc.plan.strategies)
            .flat_map(|strategy| {
                let measures = strategy.measures.iter().flat_map(|measure| {
                    let projects = measure.projects.iter().map(|p| p.owner.as_str());
                    std::iter::once(measure.owner.as_str()).chain(projects)
                });
                std::iter::once(strategy.owner.as_str()).chain(measures)
            })
    }

    /// The keys offered in `context`: the department filter only while the
    /// open plans name a department, as there is nothing to filter by else.
    pub fn offered(&self, context: Context) -> impl Iterator<Item = &Binding> {
        let departments = context == Context::FilterMenu && self.departments_named;
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
                projects: shown.projects as usize,
                filter: self.filter.describe(),
            });
        } else {
            self.info(Said::ShowingEverything);
        }
    }
}
