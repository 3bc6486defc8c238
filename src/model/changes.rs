//! What changed in a plan since another copy of it (the saved base, the
//! last frame): the measures to redraw, the projects to stamp.

use std::sync::Arc;

use super::plan::{LastChange, Measure, Plan, Project};

impl Plan {
    /// The measures (strategy, measure) whose contents differ from
    /// `before`, when nothing that decides where rows go changed: the same
    /// strategies, KPIs and measures in the same places, each serving the
    /// same KPIs with as many projects. `None` otherwise. Measures still
    /// shared with `before` are not looked into.
    pub fn changed_measures(&self, before: &Plan) -> Option<Vec<(usize, usize)>> {
        // Totals are kept per unit.
        if self.unit != before.unit || self.strategies.len() != before.strategies.len() {
            return None;
        }
        let mut changed = Vec::new();
        for (s, (now, was)) in self.strategies.iter().zip(&before.strategies).enumerate() {
            let same_kpis = now.kpis.len() == was.kpis.len()
                && now
                    .kpis
                    .iter()
                    .zip(&was.kpis)
                    .all(|(a, b)| a.label == b.label);
            if !same_kpis || now.measures.len() != was.measures.len() {
                return None;
            }
            for (m, (a, b)) in now.measures.iter().zip(&was.measures).enumerate() {
                if Arc::ptr_eq(a, b) {
                    continue;
                }
                if a.kpis != b.kpis || a.projects.len() != b.projects.len() {
                    return None;
                }
                changed.push((s, m));
            }
        }
        Some(changed)
    }

    /// Marks the projects that differ from `base` (new ones, and changed
    /// ones, found by id) as last changed by `change`. A project only moved
    /// is not changed.
    pub fn stamp_changes(&mut self, base: &Plan, change: &LastChange) {
        let before: std::collections::HashMap<&str, &Project> = base
            .strategies
            .iter()
            .flat_map(|s| &s.measures)
            .flat_map(|m| &m.projects)
            .map(|p| (p.id.as_str(), p))
            .collect();
        // A measure still shared with the base is unchanged: not copied.
        let shared: std::collections::HashSet<*const Measure> = base
            .strategies
            .iter()
            .flat_map(|s| &s.measures)
            .map(Arc::as_ptr)
            .collect();
        for measure in self
            .strategies
            .iter_mut()
            .flat_map(|s| &mut s.measures)
            .filter(|m| !shared.contains(&Arc::as_ptr(m)))
        {
            let changed = |project: &Project| {
                before.get(project.id.as_str()).is_none_or(|old| {
                    let mut old = (*old).clone();
                    old.last_change.clone_from(&project.last_change);
                    old != *project
                })
            };
            // Only a measure with a changed project is copied.
            if measure.projects.iter().any(changed) {
                for project in &mut Arc::make_mut(measure).projects {
                    if changed(project) {
                        project.last_change = Some(Box::new(change.clone()));
                    }
                }
            }
        }
    }
}
