//! The fields of one node merged, given its three versions: every field the
//! model describes (see `fields::describe`), each by its kind. Its lists of
//! nodes are merged by `nodes` and passed in.

use std::sync::Arc;

use super::sides::Cx;
use super::value::{At, list, text, value};
use crate::model::fields::{Described, Field, Lens, Visit};
use crate::model::plan::{Kpi, Measure, Plan, Project, Strategy};

/// Merges each described field of three versions of a node into `out`.
struct Pass<'a, 'cx, 'choose, N> {
    base: &'a N,
    mine: &'a N,
    theirs: &'a N,
    out: N,
    cx: &'cx mut Cx<'choose>,
    at: &'a At,
}

impl<N: Described> Pass<'_, '_, '_, N> {
    fn at(&self, field: Field) -> At {
        self.at.field(field.key(), field.headings_on(N::KIND).ja)
    }
}

impl<N: Described> Visit<N> for Pass<'_, '_, '_, N> {
    fn text(&mut self, field: Field, lens: Lens<N, String>) {
        let at = self.at(field);
        let (b, m, t) = (
            (lens.get)(self.base),
            (lens.get)(self.mine),
            (lens.get)(self.theirs),
        );
        let merged = text(b, m, t, self.cx, &at);
        *(lens.set)(&mut self.out) = merged;
    }

    fn value<T: Clone + PartialEq>(
        &mut self,
        field: Field,
        lens: Lens<N, T>,
        show: fn(&T) -> String,
    ) {
        let at = self.at(field);
        let (b, m, t) = (
            (lens.get)(self.base),
            (lens.get)(self.mine),
            (lens.get)(self.theirs),
        );
        let merged = value(b, m, t, self.cx, &at, show);
        *(lens.set)(&mut self.out) = merged;
    }

    fn entries<T: Clone + PartialEq>(
        &mut self,
        field: Field,
        lens: Lens<N, Vec<T>>,
        show: fn(&T) -> String,
    ) {
        let at = self.at(field);
        let (b, m, t) = (
            (lens.get)(self.base),
            (lens.get)(self.mine),
            (lens.get)(self.theirs),
        );
        let entry = |b: &T, m: &T, t: &T, cx: &mut Cx, at: &At| value(b, m, t, cx, at, show);
        let merged = list(b, m, t, self.cx, &at, entry, show);
        *(lens.set)(&mut self.out) = merged;
    }

    fn lines(&mut self, field: Field, lens: Lens<N, Vec<String>>) {
        let at = self.at(field);
        let (b, m, t) = (
            (lens.get)(self.base),
            (lens.get)(self.mine),
            (lens.get)(self.theirs),
        );
        let line = |b: &String, m: &String, t: &String, cx: &mut Cx, at: &At| text(b, m, t, cx, at);
        let merged = list(b, m, t, self.cx, &at, line, Clone::clone);
        *(lens.set)(&mut self.out) = merged;
    }
}

/// `out` (mine, with its merged lists of nodes) with every described field
/// merged from the three versions.
fn merged<N: Described>((base, mine, theirs): (&N, &N, &N), cx: &mut Cx, at: &At, out: N) -> N {
    let mut pass = Pass {
        base,
        mine,
        theirs,
        out,
        cx,
        at,
    };
    N::describe(&mut pass);
    pass.out
}

/// The plan's own fields; its strategies are passed in.
pub(super) fn plan(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    cx: &mut Cx,
    strategies: Vec<Strategy>,
) -> Plan {
    let out = Plan {
        strategies,
        ..mine.clone()
    };
    merged((base, mine, theirs), cx, &At::root(), out)
}

pub(super) fn strategy(
    versions: (&Strategy, &Strategy, &Strategy),
    cx: &mut Cx,
    at: &At,
    kpis: Vec<Kpi>,
    measures: Vec<Arc<Measure>>,
) -> Strategy {
    let out = Strategy {
        kpis,
        measures,
        ..versions.1.clone()
    };
    merged(versions, cx, at, out)
}

pub(super) fn kpi(versions: (&Kpi, &Kpi, &Kpi), cx: &mut Cx, at: &At) -> Kpi {
    merged(versions, cx, at, versions.1.clone())
}

pub(super) fn measure(
    versions: (&Measure, &Measure, &Measure),
    cx: &mut Cx,
    at: &At,
    projects: Vec<Project>,
) -> Measure {
    let out = Measure {
        projects,
        ..versions.1.clone()
    };
    merged(versions, cx, at, out)
}

pub(super) fn project(
    (base, mine, theirs): (&Project, &Project, &Project),
    cx: &mut Cx,
    at: &At,
) -> Project {
    if cx.changes.is_none() && (mine == theirs || theirs == base) {
        return mine.clone();
    }
    if cx.changes.is_none() && mine == base {
        return theirs.clone();
    }
    let mut out = merged((base, mine, theirs), cx, at, mine.clone());
    // Both sides saved changes to this project: the later stamp wins; it
    // is a record, not something to ask about.
    out.last_change = if mine.last_change == base.last_change {
        theirs.last_change.clone()
    } else if theirs.last_change == base.last_change {
        mine.last_change.clone()
    } else {
        std::cmp::max_by(
            mine.last_change.clone(),
            theirs.last_change.clone(),
            |a, b| a.as_ref().map(|c| &c.at).cmp(&b.as_ref().map(|c| &c.at)),
        )
    };
    out
}
