//! Trees of plans of other depths: headings above strategies, and parts a
//! plan names no level for (shown as no row of their own).

use std::collections::HashSet;

use super::{Tree, describe};
use crate::model::Plan;

/// Five levels as Kochi's 産業成長戦略 has them: two headings, a strategy,
/// a measure and a project; no KPIs.
const FIVE: &str = r#"(title: "t", fiscal_year: 2014, unit: "千円",
    levels: ["分野", "戦略の柱", "取組方針", "施策", "取組"],
    roles: [Heading, Heading, Strategy, Measure, Project],
    headings: [
        (id: "h1", label: "1", name: "農業分野", owner: "農業振興部"),
        (id: "h2", label: "(1)", name: "柱A", under: "h1"),
        (id: "h3", label: "(2)", name: "柱B", under: "h1"),
        (id: "h4", label: "2", name: "林業分野"),
    ],
    strategies: [
        (label: "①", name: "方針a", under: "h2", kpis: [], measures: [
            (label: "ア", name: "施策a", kpis: [], projects: [
                (name: "取組a", overview: "", budget: 100, period: "H26.4～H27.3", schedule: [], analysis: []),
            ]),
        ]),
        (label: "②", name: "方針b", under: "h2", kpis: [], measures: [
            (label: "ア", name: "施策b", kpis: [], projects: [
                (name: "取組b", overview: "", budget: 20, period: "H26.4～H27.3", schedule: [], analysis: []),
            ]),
        ]),
        (label: "①", name: "方針c", under: "h3", kpis: [], measures: [
            (label: "ア", name: "施策c", kpis: [], projects: [
                (name: "取組c", overview: "", budget: 3, period: "H26.4～H27.3", schedule: [], analysis: []),
            ]),
        ]),
        (label: "①", name: "方針d", under: "h4", kpis: [], measures: [
            (label: "ア", name: "施策d", kpis: [], projects: [
                (name: "取組d", overview: "", budget: 4000, period: "H26.4～H27.3", schedule: [], analysis: []),
            ]),
        ]),
    ],
)"#;

/// A budget sheet: projects alone, in one strategy and measure that are
/// never shown.
const ONE: &str = r#"(title: "t", fiscal_year: 2011, unit: "千円",
    levels: ["事業"], roles: [Project],
    strategies: [(label: "", name: "", kpis: [], measures: [(label: "", name: "", kpis: [], projects: [
        (name: "検討事業", overview: "", budget: 947, period: "H23.4～H24.3", schedule: [], analysis: []),
        (name: "推進費", overview: "", budget: 565, period: "H23.4～H24.3", schedule: [], analysis: []),
    ])])],
)"#;

/// Each row as `depth kind label name total`.
fn rows(plan: &Plan) -> Vec<String> {
    let tree = Tree::build(&[plan], HashSet::new());
    (0..tree.len())
        .map(|r| {
            let node = tree.row(r).unwrap();
            let d = describe(plan, node.place.address());
            format!(
                "{}{} {}{} {}",
                " ".repeat(node.depth.into()),
                d.kind,
                d.label,
                d.name,
                node.total.budget
            )
        })
        .collect()
}

#[test]
fn headings_group_strategies_with_the_total_of_what_they_hold() {
    let plan: Plan = ron::from_str(FIVE).unwrap();
    assert_eq!(
        rows(&plan),
        [
            "分野 1農業分野 123",
            " 戦略の柱 (1)柱A 120",
            "  取組方針 ①方針a 100",
            "   施策 ア施策a 100",
            "    取組 取組a 100",
            "  取組方針 ②方針b 20",
            "   施策 ア施策b 20",
            "    取組 取組b 20",
            " 戦略の柱 (2)柱B 3",
            "  取組方針 ①方針c 3",
            "   施策 ア施策c 3",
            "    取組 取組c 3",
            "分野 2林業分野 4000",
            " 取組方針 ①方針d 4000",
            "  施策 ア施策d 4000",
            "   取組 取組d 4000",
        ]
    );
    assert!(crate::model::validate::validate(&plan).is_empty());
}

#[test]
fn a_heading_is_found_by_its_id_and_folds_what_it_holds() {
    let plan: Plan = ron::from_str(FIVE).unwrap();
    let mut tree = Tree::build(&[&plan], HashSet::new());
    let id = tree.id_of(&[&plan], tree.node_index(1).unwrap()).unwrap();
    assert_eq!(tree.row_of(&id), Some(1));
    assert!(tree.set_expanded(&[&plan], 1, false));
    assert_eq!(tree.len(), 16 - 6);
    let rebuilt = Tree::build(&[&plan], tree.collapsed().clone());
    assert_eq!(rebuilt.len(), 10, "stays folded when built again");
    assert_eq!(tree.parent_row(2), Some(0), "the next heading's parent");
}

#[test]
fn parts_without_a_level_show_no_row_and_their_children_stand_in_their_place() {
    let plan: Plan = ron::from_str(ONE).unwrap();
    assert_eq!(rows(&plan), ["事業 検討事業 947", "事業 推進費 565"]);
    let tree = Tree::build(&[&plan], HashSet::new());
    assert_eq!(tree.shown_total().budget, 1512);
    assert_eq!(tree.parent_row(1), None, "no row above a top project");
    assert!(crate::model::validate::validate(&plan).is_empty());
}

#[test]
fn a_department_on_a_heading_is_inherited_by_all_it_holds() {
    use crate::model::Address;
    use crate::model::department::{budgets, department};
    let plan: Plan = ron::from_str(FIVE).unwrap();
    let of = |address| department(&plan, address).map(|d| d.name);
    assert_eq!(of(Address::Project(0, 0, 0)), Some("農業振興部"));
    assert_eq!(of(Address::Heading(1)), Some("農業振興部"));
    assert_eq!(of(Address::Project(3, 0, 0)), None);
    let totals = budgets(&plan);
    assert_eq!(totals.get("農業振興部"), Some(&123));
}

#[test]
fn headings_that_hold_nothing_yet_are_shown_in_their_place_in_the_file() {
    let mut plan: Plan = ron::from_str(FIVE).unwrap();
    let heading = |id: &str, name: &str, under: &str| crate::model::plan::Heading {
        id: id.into(),
        label: String::new(),
        name: name.to_owned(),
        owner: String::new(),
        under: under.into(),
    };
    plan.headings.insert(2, heading("hx", "柱X", "h1"));
    plan.headings.push(heading("hy", "水産業分野", ""));
    plan.headings.push(heading("hz", "柱Z", "hy"));
    plan.headings.push(heading("hw", "柱W", "h4"));
    let rows = rows(&plan);
    let headings: Vec<&str> = rows
        .iter()
        .map(String::as_str)
        .filter(|r| r.trim_start().starts_with(['分', '戦']))
        .collect();
    assert_eq!(
        headings,
        [
            "分野 1農業分野 123",
            " 戦略の柱 (1)柱A 120",
            " 戦略の柱 柱X 0",
            " 戦略の柱 (2)柱B 3",
            "分野 2林業分野 4000",
            " 戦略の柱 柱W 0",
            "分野 水産業分野 0",
            " 戦略の柱 柱Z 0",
        ]
    );
    assert_eq!(rows.len(), 16 + 4);
    assert!(crate::model::validate::validate(&plan).is_empty());
}
