//! The plan's lists of nodes merged by id, kind by kind from the top:
//! strategies, then their KPIs and measures, then the projects. A measure
//! that is the same on all three sides is not looked into and stays shared
//! (`Arc`), so a merge costs little more than comparing what changed.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::fields;
use super::place::{Index, Kept, Node, Parents, Three, order, place};
use super::sides::{Cx, Side};
use super::value::At;
use crate::model::plan::{Kpi, Measure, Plan, Project, Strategy};

impl Node for Strategy {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> String {
        format!("{}{}", self.label, self.name)
    }
}

impl Node for Kpi {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> String {
        format!("KPI {}", self.label)
    }
}

impl Node for Arc<Measure> {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> String {
        format!("{}{}", self.label, self.name)
    }
}

impl Node for Project {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> String {
        self.name.clone()
    }
}

pub(super) fn plan(base: &Plan, mine: &Plan, theirs: &Plan, cx: &mut Cx) -> Plan {
    let strategies = strategies([base, mine, theirs], cx);
    fields::plan(base, mine, theirs, cx, strategies)
}

/// Each side's nodes of one kind, indexed.
fn three<'a, T: Node>(
    plans: [&'a Plan; 3],
    lists: impl Fn(&'a Plan, &mut Index<'a, T>),
) -> Three<'a, T> {
    let mut three = Three::new();
    lists(plans[0], &mut three.base);
    lists(plans[1], &mut three.mine);
    lists(plans[2], &mut three.theirs);
    three
}

fn strategies(plans: [&Plan; 3], cx: &mut Cx) -> Vec<Strategy> {
    let strategies = three(plans, |plan, index| index.add("", &plan.strategies));
    let no_label = |_: &str| String::new();
    let top = Parents {
        kind: "strategies",
        on: &|_, _| true,
        alive: &|_| true,
        label: &no_label,
    };
    let kept_strategies = place(&strategies, cx, &top);
    let strategy_order = order("", &strategies, &kept_strategies, cx, &top);
    let strategy_label: HashMap<&str, String> = kept_strategies
        .iter()
        .map(|(id, k)| (*id, k.latest().name()))
        .collect();
    let label_of = |id: &str| strategy_label.get(id).cloned().unwrap_or_default();
    let strategy_on = |side: Side, id: &str| strategies.side(side).has(id);
    let strategy_alive = |id: &str| kept_strategies.contains_key(id);
    let under_strategies = |kind| Parents {
        kind,
        on: &strategy_on,
        alive: &strategy_alive,
        label: &label_of,
    };

    let kpis = three(plans, |plan, index| {
        for s in &plan.strategies {
            index.add(&s.id, &s.kpis);
        }
    });
    let kpi_parents = under_strategies("kpis");
    let kept_kpis = place(&kpis, cx, &kpi_parents);

    let measures = three(plans, |plan, index| {
        for s in &plan.strategies {
            index.add(&s.id, &s.measures);
        }
    });
    let measure_parents = under_strategies("measures");
    let kept_measures = place(&measures, cx, &measure_parents);
    let measure_label: HashMap<&str, String> = kept_measures
        .iter()
        .map(|(id, k)| {
            let label = format!("{} / {}", label_of(k.parent), k.latest().name());
            (*id, label)
        })
        .collect();

    // Only measures that differ somewhere hold projects that may have been
    // moved, added, deleted or changed.
    let involved: HashSet<&str> = kept_measures
        .iter()
        .filter(|(_, k)| !same_everywhere(k))
        .map(|(id, _)| *id)
        .chain(
            measures
                .base
                .ids()
                .filter(|id| !kept_measures.contains_key(id)),
        )
        .collect();
    let projects = three(plans, |plan, index| {
        for m in plan.strategies.iter().flat_map(|s| &s.measures) {
            if involved.contains(m.id.as_str()) {
                index.add(&m.id, &m.projects);
            }
        }
    });
    let project_label = |id: &str| measure_label.get(id).cloned().unwrap_or_default();
    let measure_on = |side: Side, id: &str| measures.side(side).has(id);
    let measure_alive = |id: &str| kept_measures.contains_key(id);
    let project_parents = Parents {
        kind: "projects",
        on: &measure_on,
        alive: &measure_alive,
        label: &project_label,
    };
    let kept_projects = place(&projects, cx, &project_parents);

    let mut out = Vec::with_capacity(strategy_order.len());
    for id in strategy_order {
        let kept = &kept_strategies[id];
        let at = At::node("strategies", id, "", &label_of(id));
        let kpi_list = order(id, &kpis, &kept_kpis, cx, &kpi_parents)
            .into_iter()
            .map(|k| {
                let at = At::node("kpis", k, &label_of(id), &kept_kpis[k].latest().name());
                fields::kpi(kept_kpis[k].versions(), cx, &at)
            })
            .collect();
        let mut measure_list = Vec::new();
        for m in order(id, &measures, &kept_measures, cx, &measure_parents) {
            let kept = &kept_measures[m];
            if !involved.contains(m) {
                measure_list.push(Arc::clone(kept.latest()));
                continue;
            }
            let project_list = order(m, &projects, &kept_projects, cx, &project_parents)
                .into_iter()
                .map(|p| {
                    let kept = &kept_projects[p];
                    let at = At::node("projects", p, &project_label(m), &kept.latest().name);
                    fields::project(kept.versions(), cx, &at)
                })
                .collect();
            let at = At::node("measures", m, "", &project_label(m));
            let (b, mi, t) = kept.versions();
            let merged = fields::measure((b, mi, t), cx, &at, project_list);
            // Equal to a side's: share that side's copy.
            let shared = [kept.theirs, kept.mine]
                .into_iter()
                .flatten()
                .find(|x| ***x == merged);
            measure_list.push(shared.map_or_else(|| Arc::new(merged), Arc::clone));
        }
        out.push(fields::strategy(
            kept.versions(),
            cx,
            &at,
            kpi_list,
            measure_list,
        ));
    }
    out
}

/// A measure the same on all three sides (looked at as shared first).
fn same_everywhere(kept: &Kept<Arc<Measure>>) -> bool {
    let (Some(b), Some(m), Some(t)) = (kept.base, kept.mine, kept.theirs) else {
        return false;
    };
    (Arc::ptr_eq(b, m) || b == m) && (Arc::ptr_eq(b, t) || b == t)
}
