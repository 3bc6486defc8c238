//! The tree's shape, totals and folding on a small plan.

use std::collections::HashSet;

use super::{NodeId, Place, Tree, describe};
use crate::model::{Direction, Kpi, Measure, Period, Plan, Project, Strategy, Target, TargetValue};

fn project(name: &str, budget: u64) -> Project {
    Project {
        id: Default::default(),
        name: name.to_owned(),
        overview: String::new(),
        budget: Some(budget),
        budget_note: String::new(),
        period: Period::parse("R5.4～R6.3").unwrap(),
        schedule: vec![],
        analysis: vec![],
        owner: String::new(),
        evaluation: String::new(),
        last_change: None,
        extra: Default::default(),
    }
}

fn kpi(label: &str) -> Kpi {
    Kpi {
        id: Default::default(),
        label: label.to_owned(),
        statement: format!("KPI {label}"),
        target: Target {
            value: TargetValue::Number(1.0),
            unit: String::new(),
            direction: Direction::AtLeast,
        },
        targets: vec![],
        baseline: None,
        baseline_at: None,
        actuals: vec![],
        entered_achievement: None,
        evaluation: String::new(),
        score: None,
        reason: String::new(),
    }
}

/// ```text
/// S  (1)                    total 700, not 1,000
/// ├─ KPI a                  100 + 300 = 400
/// │  ├─ M ① (a)            100
/// │  │  └─ P x
/// │  └─ M ③ (a, b)         300
/// │     └─ P z
/// ├─ KPI b                  300
/// │  └─ M ③ (a, b)
/// │     └─ P z
/// └─ M ② (no KPI)          300
///    └─ P y
/// ```
fn plan() -> Plan {
    let measure = |label: &str, kpis: &[&str], p: Project| Measure {
        id: Default::default(),
        label: label.to_owned(),
        name: format!("measure {label}"),
        owner: String::new(),
        kpis: kpis.iter().map(|s| (*s).to_owned()).collect(),
        evaluation: String::new(),
        score: None,
        reason: String::new(),
        projects: vec![p],
    };
    let mut plan = Plan {
        title: "t".to_owned(),
        fiscal_year: 2023,
        unit: "千円".to_owned(),
        evaluation_scale: crate::model::grade::default_scale(),
        levels: Vec::new(),
        roles: Vec::new(),
        stated_total: None,
        budget_figures: Vec::new(),
        achievement: Default::default(),
        grading: Vec::new(),
        score: None,
        headings: Vec::new(),
        strategies: vec![Strategy {
            id: Default::default(),
            label: "(1)".to_owned(),
            name: "s".to_owned(),
            owner: String::new(),
            under: Default::default(),
            evaluation: String::new(),
            score: None,
            reason: String::new(),
            kpis: vec![kpi("a"), kpi("b")],
            measures: vec![
                measure("①", &["a"], project("x", 100)).into(),
                measure("②", &[], project("y", 300)).into(),
                measure("③", &["a", "b"], project("z", 300)).into(),
            ],
        }],
    };
    plan.settle_ids();
    plan
}

#[test]
fn shared_measure_appears_under_each_kpi_but_counts_once() {
    let plan = plan();
    let tree = Tree::build(&[&plan], HashSet::new());
    let names: Vec<String> = (0..tree.len())
        .map(|r| {
            let node = tree.row(r).unwrap();
            let d = describe(&plan, node.place.address());
            format!(
                "{}{}{} {}",
                " ".repeat(node.depth.into()),
                d.label,
                d.name,
                node.total.budget
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "(1)s 700",
            " aKPI a 400",
            "  ①measure ① 100",
            "   x 100",
            "  ③measure ③ 300",
            "   z 300",
            " bKPI b 300",
            "  ③measure ③ 300",
            "   z 300",
            " ②measure ② 300",
            "  y 300",
        ]
    );
    assert_eq!(tree.row(0).unwrap().total.projects, 3);
}

#[test]
fn collapse_hides_subtree_and_parent_row_finds_parent() {
    let plan = plan();
    let mut tree = Tree::build(&[&plan], HashSet::new());
    assert_eq!(tree.parent_row(3), Some(2));
    assert!(tree.set_expanded(&[&plan], 1, false));
    assert!(!tree.set_expanded(&[&plan], 1, false), "already collapsed");
    assert_eq!(tree.len(), 7);
    assert_eq!(
        tree.row(2).unwrap().place,
        Place::Kpi {
            plan: 0,
            strategy: 0,
            kpi: 1
        }
    );
    assert!(
        !tree.set_expanded(&[&plan], 4, false),
        "a project has no children"
    );
    assert!(tree.set_expanded(&[&plan], 1, true));
    assert_eq!(tree.len(), 11);
}

#[test]
fn rows_of_another_shape_carry_another_number() {
    // What the app remembers of a row (the selection's) holds only while
    // the rows keep their shape.
    let plan = plan();
    let mut tree = Tree::build(&[&plan], HashSet::new());
    let built = tree.shape();
    assert_ne!(Tree::build(&[&plan], HashSet::new()).shape(), built);
    let leaf = (0..tree.len())
        .find(|&r| !tree.row_has_children(r))
        .unwrap();
    assert!(!tree.set_expanded(&[&plan], leaf, false));
    assert_eq!(tree.shape(), built, "nothing folded, same rows");
    assert!(tree.set_expanded(&[&plan], 1, false));
    let folded = tree.shape();
    assert_ne!(folded, built);
    assert!(tree.set_expanded(&[&plan], 1, true));
    assert_ne!(tree.shape(), folded);
}

#[test]
fn a_node_is_found_by_its_id_under_the_kpi_it_is_shown_under() {
    let plan = plan();
    let tree = Tree::build(&[&plan], HashSet::new());
    // Measure ③ is shown under KPI a (row 4) and KPI b (row 7).
    for row in [4, 5, 7, 8] {
        let id = tree.id_of(&[&plan], tree.node_index(row).unwrap()).unwrap();
        assert_eq!(tree.row_of(&id), Some(row), "row {row}");
    }
    let under_b = tree.id_of(&[&plan], tree.node_index(7).unwrap()).unwrap();
    assert_eq!(tree.row_of_anywhere(&under_b.anywhere()), Some(4));
}

#[test]
fn derived_and_written_ids_are_found_in_one_plan_and_across_plans() {
    // Some ids derived from their place (not indexed), some written: a
    // project moved keeps its derived-looking id, now written elsewhere.
    let mut plan = plan();
    let moved = plan.strategies[0].measure_mut(0).projects.remove(0);
    assert_eq!(moved.id, "s1m1p1");
    plan.strategies[0].measure_mut(1).projects.push(moved);
    plan.strategies[0].measure_mut(2).projects[0].id = "3f9c0a1b2c3d4e5f".into();
    let other = plan.clone();
    for plans in [vec![&plan], vec![&other, &plan]] {
        let tree = Tree::build(&plans, HashSet::new());
        let doc = plans.len() - 1;
        for index in 0..tree.node_count() {
            let Some(id) = tree.id_of(&plans, index) else {
                continue;
            };
            if id.doc() == doc {
                let found = tree.find(&id).unwrap();
                assert_eq!(tree.node(found).place, tree.node(index).place);
            }
        }
        // `s1m1p1` is now the moved project, under measure ②, not whatever
        // stands first in measure ①.
        let moved = tree
            .find_anywhere(&NodeId::for_tests(doc, "s1m1p1"))
            .unwrap();
        assert_eq!(
            describe(plans[doc], tree.node(moved).place.address()).name,
            "x"
        );
        // A derived-looking id nobody has is found nowhere, even though a
        // node stands at its place with an id of its own.
        let nobody = NodeId::for_tests(doc, "s1m3p1");
        assert_eq!(tree.find_anywhere(&nobody), None);
    }
}

#[test]
fn only_ids_in_the_derived_form_name_a_place() {
    use crate::model::Address;
    use crate::model::ids::derived::address as derived_address;
    assert_eq!(derived_address("s2"), Some(Address::Strategy(1)));
    assert_eq!(derived_address("s2k1"), Some(Address::Kpi(1, 0)));
    assert_eq!(derived_address("s2m3"), Some(Address::Measure(1, 2)));
    assert_eq!(derived_address("s2m3p14"), Some(Address::Project(1, 2, 13)));
    for not in [
        "", "s", "s0", "s02", "s2m", "s2x1", "s2m3p4-2", "3f9c0a", "s2k1m1", "S2",
    ] {
        assert_eq!(derived_address(not), None, "{not}");
    }
}

#[test]
fn a_derived_id_is_told_from_its_place_as_reading_it_would() {
    use crate::model::Address;
    use crate::model::ids::derived::{address, is_of};
    let places = [
        Address::Strategy(0),
        Address::Strategy(11),
        Address::Kpi(1, 0),
        Address::Measure(1, 2),
        Address::Measure(9, 99),
        Address::Project(1, 2, 13),
        Address::Project(0, 0, 0),
    ];
    let keys = [
        "s1", "s12", "s2k1", "s2m3", "s10m100", "s2m3p14", "s1m1p1", "", "s", "s0", "s02", "s2m",
        "s2x1", "s2m3p4-2", "3f9c0a", "s2k1m1", "S2", "s2m3p140", "s2m3p1",
    ];
    for place in places {
        for key in keys {
            assert_eq!(
                is_of(key, place),
                address(key) == Some(place),
                "{key} at {place:?}"
            );
        }
    }
}

#[test]
fn the_builder_derives_each_place_s_id_as_a_plan_file_does() {
    use super::derived::DerivedId;
    use crate::model::ids::derived;
    let mut ids = DerivedId::default();
    for s in [0, 8, 9, 99, 1234] {
        assert_eq!(ids.strategy(s), derived::strategy(s).as_bytes());
        for k in [0, 9] {
            assert_eq!(ids.kpi(k), derived::kpi(s, k).as_bytes());
        }
        // Measures come after the KPIs, and a measure under two KPIs is
        // walked twice: its projects count from the first again.
        for m in [0, 9, 99, 9, 0] {
            assert_eq!(ids.measure(m), derived::measure(s, m).as_bytes());
            for p in 0..1_200 {
                assert_eq!(ids.next_project(), derived::project(s, m, p).as_bytes());
            }
        }
        assert_eq!(ids.kpi(1), derived::kpi(s, 1).as_bytes());
    }
}

#[test]
fn a_tree_built_after_an_edit_finds_the_ids_the_edit_wrote() {
    // The next tree remembers which measures hold only derived ids; a
    // measure the edit changed must be read again, not taken as before.
    let before = plan();
    let mut tree = Tree::build(&[&before], HashSet::new());
    let mut after = before.clone();
    let moved = after.strategies[0].measure_mut(0).projects.remove(0);
    after.strategies[0].measure_mut(1).projects.insert(0, moved);
    let filter = crate::model::filter::Filter::default();
    let today = crate::model::YearMonth {
        year: 2024,
        month: 4,
    };
    let tree = Tree::build_filtered(&[&after], HashSet::new(), &filter, today, tree.take_memo());
    let moved = tree.find_anywhere(&NodeId::for_tests(0, "s1m1p1")).unwrap();
    assert_eq!(describe(&after, tree.node(moved).place.address()).name, "x");
}
