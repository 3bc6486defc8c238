//! Which measures' projects all bear the ids derived from their places,
//! remembered from one build of the tree to the next. Telling a written
//! project id from a derived one reads every project's id, memory a build
//! otherwise does not touch: at 100,000 projects that reading alone made a
//! filter change a sixth slower than it was before projects had ids.
//!
//! A measure is known by its `Arc`: an edit makes a new one (the plan and
//! the undo steps share measures, so none is changed in place while the
//! memo holds it), and the memo holds the `Arc` itself, so no other
//! measure can later stand at the same address.

use std::sync::Arc;

use super::derived::DerivedId;
use crate::model::Measure;

/// The measure last seen at a place, and whether its projects' ids are
/// all derived.
type Seen = Option<(Arc<Measure>, bool)>;

/// Per plan, strategy and measure, what was seen there.
#[derive(Debug, Default)]
pub struct IdMemo {
    seen: Vec<Vec<Vec<Seen>>>,
}

impl IdMemo {
    /// Whether the projects of `measure`, measure `m` of strategy `s` of
    /// plan `plan`, all bear the ids derived from their places: as
    /// remembered when the measure is the one seen there, so their ids are
    /// read once, not every build. `derived` stands at the measure (and
    /// is left so).
    pub(super) fn projects_derived(
        &mut self,
        derived: &mut DerivedId,
        at: (usize, usize, usize),
        measure: &Arc<Measure>,
    ) -> bool {
        if let Some(known) = self.remembered(at, measure) {
            return known;
        }
        let all = (measure.projects.iter()).all(|p| p.id.as_bytes() == derived.next_project());
        derived.measure(at.2);
        self.remember(at, measure, all);
        all
    }

    fn remembered(
        &self,
        (plan, s, m): (usize, usize, usize),
        measure: &Arc<Measure>,
    ) -> Option<bool> {
        let (seen, derived) = self.seen.get(plan)?.get(s)?.get(m)?.as_ref()?;
        Arc::ptr_eq(seen, measure).then_some(*derived)
    }

    /// Remembers whether the projects of `measure` all bear derived ids.
    fn remember(
        &mut self,
        (plan, s, m): (usize, usize, usize),
        measure: &Arc<Measure>,
        derived: bool,
    ) {
        if self.seen.len() <= plan {
            self.seen.resize_with(plan + 1, Vec::new);
        }
        let strategies = &mut self.seen[plan];
        if strategies.len() <= s {
            strategies.resize_with(s + 1, Vec::new);
        }
        let measures = &mut strategies[s];
        if measures.len() <= m {
            measures.resize_with(m + 1, || None);
        }
        measures[m] = Some((Arc::clone(measure), derived));
    }
}
