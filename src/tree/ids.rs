//! How the tree names a node. A `NodeId` is the node's identity: the id
//! the plan gives it (`model::ids`), which stays when the node is moved,
//! reordered, reloaded or merged, and the id of the KPI its row is shown
//! under. A `Place` is where the node stands now, by index: what reads its
//! data, and what changes whenever rows move.

use crate::model::plan::NodeKey;
use crate::model::{Address, Plan};

/// Where a row's node stands now: its indices in its plan, and the KPI the
/// row is shown under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Plan {
        plan: usize,
    },
    /// A heading above strategies (`Plan::headings`).
    Heading {
        plan: usize,
        heading: usize,
    },
    Strategy {
        plan: usize,
        strategy: usize,
    },
    Kpi {
        plan: usize,
        strategy: usize,
        kpi: usize,
    },
    /// `kpi` is the KPI the row is shown under; `None` for a measure that
    /// serves no KPI of its strategy.
    Measure {
        plan: usize,
        strategy: usize,
        kpi: Option<usize>,
        measure: usize,
    },
    Project {
        plan: usize,
        strategy: usize,
        kpi: Option<usize>,
        measure: usize,
        project: usize,
    },
}

impl Place {
    pub fn plan(self) -> usize {
        match self {
            Place::Plan { plan }
            | Place::Heading { plan, .. }
            | Place::Strategy { plan, .. }
            | Place::Kpi { plan, .. }
            | Place::Measure { plan, .. }
            | Place::Project { plan, .. } => plan,
        }
    }

    /// A row place for a node known by address (shown under no KPI).
    pub fn from_address(plan: usize, address: Address) -> Self {
        match address {
            Address::Plan => Place::Plan { plan },
            Address::Heading(heading) => Place::Heading { plan, heading },
            Address::Strategy(strategy) => Place::Strategy { plan, strategy },
            Address::Kpi(strategy, kpi) => Place::Kpi {
                plan,
                strategy,
                kpi,
            },
            Address::Measure(strategy, measure) => Place::Measure {
                plan,
                strategy,
                kpi: None,
                measure,
            },
            Address::Project(strategy, measure, project) => Place::Project {
                plan,
                strategy,
                kpi: None,
                measure,
                project,
            },
        }
    }

    /// Where the node's data is inside its plan.
    pub fn address(self) -> Address {
        match self {
            Place::Plan { .. } => Address::Plan,
            Place::Heading { heading, .. } => Address::Heading(heading),
            Place::Strategy { strategy, .. } => Address::Strategy(strategy),
            Place::Kpi { strategy, kpi, .. } => Address::Kpi(strategy, kpi),
            Place::Measure {
                strategy, measure, ..
            } => Address::Measure(strategy, measure),
            Place::Project {
                strategy,
                measure,
                project,
                ..
            } => Address::Project(strategy, measure, project),
        }
    }

    /// The KPI the row is shown under (a KPI row is under itself).
    pub fn shown_under(self) -> Option<(usize, usize)> {
        match self {
            Place::Kpi { strategy, kpi, .. } => Some((strategy, kpi)),
            Place::Measure {
                strategy,
                kpi: Some(kpi),
                ..
            }
            | Place::Project {
                strategy,
                kpi: Some(kpi),
                ..
            } => Some((strategy, kpi)),
            _ => None,
        }
    }
}

/// A row's node by identity: what a selection holds so that it stays on
/// the same node however the rows around it change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NodeId {
    doc: usize,
    /// The node's id in its plan; empty for the plan itself.
    key: NodeKey,
    /// The id of the KPI a measure or project row is shown under.
    under: Option<NodeKey>,
}

impl NodeId {
    /// The identity of the node at `place` in `plan` (the plan of document
    /// `place.plan()`); `None` if the plan has no such node.
    pub fn of(plan: &Plan, place: Place) -> Option<Self> {
        let key = key_at(plan, place.address())?.clone();
        let under = match place {
            Place::Measure { .. } | Place::Project { .. } => match place.shown_under() {
                Some((s, k)) => Some(plan.strategies.get(s)?.kpis.get(k)?.id.clone()),
                None => None,
            },
            _ => None,
        };
        Some(Self {
            doc: place.plan(),
            key,
            under,
        })
    }

    /// The open document the node belongs to.
    pub fn doc(&self) -> usize {
        self.doc
    }

    /// The id `key` in document `doc`, shown under no KPI.
    #[cfg(test)]
    pub(super) fn for_tests(doc: usize, key: &str) -> Self {
        Self {
            doc,
            key: key.into(),
            under: None,
        }
    }

    pub(super) fn key(&self) -> &str {
        &self.key
    }

    pub(super) fn under(&self) -> Option<&str> {
        self.under.as_deref()
    }

    /// The same node shown under no particular KPI (any of its rows).
    #[must_use]
    pub fn anywhere(&self) -> Self {
        Self {
            under: None,
            ..self.clone()
        }
    }

    /// Documents after `closed` move up one when it closes.
    pub fn after_closing(&mut self, closed: usize) {
        if self.doc > closed {
            self.doc -= 1;
        }
    }
}

/// The id of a plan's own row: empty, as a plan has none of its own.
pub(super) static PLAN_KEY: NodeKey = NodeKey::const_new("");

/// The plan's id of the node at `address`; the empty id for the plan.
pub(super) fn key_at(plan: &Plan, address: Address) -> Option<&NodeKey> {
    Some(match address {
        Address::Plan => &PLAN_KEY,
        Address::Heading(h) => &plan.headings.get(h)?.id,
        Address::Strategy(s) => &plan.strategies.get(s)?.id,
        Address::Kpi(s, k) => &plan.strategies.get(s)?.kpis.get(k)?.id,
        Address::Measure(s, m) => &plan.measure(s, m)?.id,
        Address::Project(s, m, p) => &plan.project(s, m, p)?.id,
    })
}
