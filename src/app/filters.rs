//! The review's filters (`f`): which projects the tree shows.

use super::App;
use super::dialogs::Overlay;
use super::prompt::PromptKind;
use crate::action::Action;
use crate::model::find::Filter;
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
