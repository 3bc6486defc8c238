//! A plan's nodes by id: finding them, and walking them in file order so
//! each gets its id (see `ids`).

use std::sync::Arc;

use super::ids::{self, Place, Placed};
use super::plan::{Plan, Strategy};

impl Plan {
    /// Gives every node without a usable id one (see the module notes):
    /// first the ids the file has, in file order, are taken; then each node
    /// left gets the id derived from its place, or that id with `-2`, `-3`…
    /// if a written id took it. The same file always gets the same ids.
    pub fn settle_ids(&mut self) {
        ids::settle(&mut self.strategies);
    }

    /// The place of the project with this id, found by looking at every
    /// project.
    pub fn find_project(&self, id: &str) -> Option<(usize, usize, usize)> {
        self.strategies.iter().enumerate().find_map(|(s, st)| {
            st.measures.iter().enumerate().find_map(|(m, me)| {
                let p = me.projects.iter().position(|p| p.id == id)?;
                Some((s, m, p))
            })
        })
    }

    /// The place of the measure with this id.
    pub fn find_measure(&self, id: &str) -> Option<(usize, usize)> {
        self.strategies.iter().enumerate().find_map(|(s, st)| {
            let m = st.measures.iter().position(|m| m.id == id)?;
            Some((s, m))
        })
    }

    /// The place of the strategy with this id.
    pub fn find_strategy(&self, id: &str) -> Option<usize> {
        self.strategies.iter().position(|s| s.id == id)
    }
}

/// Every node of the strategies, in file order.
impl Placed for Vec<Strategy> {
    fn each_place(&mut self, visit: &mut dyn FnMut(Place, &str) -> Option<String>) {
        for (s, strategy) in self.iter_mut().enumerate() {
            if let Some(id) = visit(Place::Strategy(s), &strategy.id) {
                strategy.id = id.into();
            }
            for (k, kpi) in strategy.kpis.iter_mut().enumerate() {
                if let Some(id) = visit(Place::Kpi(s, k), &kpi.id) {
                    kpi.id = id.into();
                }
            }
            for (m, measure) in strategy.measures.iter_mut().enumerate() {
                // Copied only if one of its ids changes (it is shared otherwise).
                if let Some(id) = visit(Place::Measure(s, m), &measure.id) {
                    Arc::make_mut(measure).id = id.into();
                }
                for p in 0..measure.projects.len() {
                    if let Some(id) = visit(Place::Project(s, m, p), &measure.projects[p].id) {
                        Arc::make_mut(measure).projects[p].id = id.into();
                    }
                }
            }
        }
    }
}
