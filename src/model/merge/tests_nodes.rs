//! Merges of the plan's nodes by id: reorders, inserts, moves and deletes
//! on one side with edits on the other.

use std::sync::Arc;

use super::{Plan, Side, merge};
use crate::model::structure::{add_after, delete, move_project, shift};
use crate::model::{Address, FieldPath, Project};

fn seed() -> Plan {
    ron::from_str(include_str!("../../../plans/r5-growth-strategy.ron")).unwrap()
}

/// As another session finds it: saved by the one that changed it, read back.
fn saved(plan: &Plan) -> Plan {
    ron::from_str(&crate::store::to_canonical(plan)).unwrap()
}

fn project_mut<'a>(plan: &'a mut Plan, name: &str) -> &'a mut Project {
    let (s, m, p) = find(plan, name).expect(name);
    &mut plan.strategies[s].measure_mut(m).projects[p]
}

fn find(plan: &Plan, name: &str) -> Option<(usize, usize, usize)> {
    plan.strategies.iter().enumerate().find_map(|(s, st)| {
        st.measures.iter().enumerate().find_map(|(m, me)| {
            let p = me.projects.iter().position(|p| p.name == name)?;
            Some((s, m, p))
        })
    })
}

fn project<'a>(plan: &'a Plan, name: &str) -> &'a Project {
    let (s, m, p) = find(plan, name).expect(name);
    &plan.strategies[s].measures[m].projects[p]
}

fn names(plan: &Plan, m: usize) -> Vec<&str> {
    plan.strategies[0].measures[m]
        .projects
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

const ACTIVATION: &str = "県庁活性化促進事業";
const TRAINING: &str = "地方創生人材育成研修事業";

fn quiet(base: &Plan, mine: &Plan, theirs: &Plan) -> Plan {
    let merged = merge(base, mine, theirs, &|_| Side::Mine);
    assert_eq!(merged.conflicts, [], "no question");
    merged.plan
}

#[test]
fn an_owner_set_here_stays_on_its_project_when_the_other_moved_one_up() {
    let base = seed();
    let mut mine = base.clone();
    project_mut(&mut mine, ACTIVATION).owner = "行政改革課".to_owned();
    let mut theirs = base.clone();
    shift(&mut theirs, Address::Project(0, 0, 1), -1).unwrap();
    let plan = quiet(&base, &mine, &saved(&theirs));
    assert_eq!(names(&plan, 0), [TRAINING, ACTIVATION], "their order");
    assert_eq!(project(&plan, ACTIVATION).owner, "行政改革課");
    assert_eq!(project(&plan, TRAINING).owner, "");
}

#[test]
fn an_owner_set_here_stays_on_its_project_when_the_other_inserted_one_before() {
    let base = seed();
    let mut mine = base.clone();
    project_mut(&mut mine, TRAINING).owner = "人事課".to_owned();
    let mut theirs = base.clone();
    add_after(&mut theirs, Address::Project(0, 0, 0)).unwrap();
    theirs.strategies[0].measure_mut(0).projects[1].name = "新規事業".to_owned();
    let plan = quiet(&base, &mine, &saved(&theirs));
    assert_eq!(names(&plan, 0), [ACTIVATION, "新規事業", TRAINING]);
    assert_eq!(project(&plan, TRAINING).owner, "人事課");
    assert_eq!(project(&plan, "新規事業").owner, "");
}

#[test]
fn projects_added_at_one_place_on_both_sides_are_both_kept() {
    let base = seed();
    let mut mine = base.clone();
    add_after(&mut mine, Address::Project(0, 0, 0)).unwrap();
    mine.strategies[0].measure_mut(0).projects[1].name = "こちらの新規".to_owned();
    let mut theirs = base.clone();
    add_after(&mut theirs, Address::Project(0, 0, 0)).unwrap();
    theirs.strategies[0].measure_mut(0).projects[1].name = "あちらの新規".to_owned();
    let plan = quiet(&base, &mine, &saved(&theirs));
    assert_eq!(
        names(&plan, 0),
        [ACTIVATION, "あちらの新規", "こちらの新規", TRAINING],
        "what is on disk first, then what was added here"
    );
}

#[test]
fn a_project_deleted_there_and_changed_here_is_a_question() {
    let base = seed();
    let mut mine = base.clone();
    project_mut(&mut mine, TRAINING).budget = Some(3100);
    let mut theirs = base.clone();
    assert!(delete(&mut theirs, Address::Project(0, 0, 1)));
    let theirs = saved(&theirs);
    let kept = merge(&base, &mine, &theirs, &|_| Side::Mine);
    assert_eq!(kept.conflicts.len(), 1);
    let conflict = &kept.conflicts[0];
    assert_eq!(
        conflict.path,
        FieldPath::root().field("projects").node("s1m1p2")
    );
    assert!(
        conflict
            .label
            .ends_with(&format!("県庁組織の活性化 / {TRAINING}"))
    );
    assert_eq!(conflict.theirs, "（削除）");
    assert_eq!(project(&kept.plan, TRAINING).budget, Some(3100));
    let gone = merge(&base, &mine, &theirs, &|_| Side::Theirs);
    assert_eq!(names(&gone.plan, 0), [ACTIVATION]);
}

#[test]
fn a_project_deleted_there_and_untouched_here_is_deleted() {
    let base = seed();
    let mut mine = base.clone();
    project_mut(&mut mine, ACTIVATION).budget = Some(1);
    let mut theirs = base.clone();
    assert!(delete(&mut theirs, Address::Project(0, 0, 1)));
    let plan = quiet(&base, &mine, &saved(&theirs));
    assert_eq!(names(&plan, 0), [ACTIVATION]);
    assert_eq!(project(&plan, ACTIVATION).budget, Some(1));
    // And the other way round: deleted here, changed nowhere.
    let plan = quiet(&base, &saved(&theirs), &mine);
    assert_eq!(names(&plan, 0), [ACTIVATION]);
}

#[test]
fn a_project_moved_to_another_measure_keeps_an_edit_made_on_the_other_side() {
    let base = seed();
    let mut editor = base.clone();
    project_mut(&mut editor, TRAINING).owner = "人事課".to_owned();
    let mut mover = base.clone();
    move_project(&mut mover, (0, 0, 1), (0, 2)).unwrap();
    for plan in [
        quiet(&base, &editor, &saved(&mover)),
        quiet(&base, &mover, &saved(&editor)),
    ] {
        assert_eq!(names(&plan, 0), [ACTIVATION]);
        assert_eq!(names(&plan, 2).last(), Some(&TRAINING));
        assert_eq!(project(&plan, TRAINING).owner, "人事課");
    }
}

#[test]
fn a_choice_lands_on_the_node_asked_about_whatever_its_place() {
    let base = seed();
    let mut mine = base.clone();
    project_mut(&mut mine, ACTIVATION).budget = Some(5000);
    let mut theirs = base.clone();
    shift(&mut theirs, Address::Project(0, 0, 1), -1).unwrap();
    project_mut(&mut theirs, ACTIVATION).budget = Some(6000);
    let theirs = saved(&theirs);
    let asked = merge(&base, &mine, &theirs, &|_| Side::Mine).conflicts;
    assert_eq!(asked.len(), 1);
    assert!(asked[0].label.ends_with(&format!("{ACTIVATION} / 予算額")));
    // Taken as the app does: by the path of the conflict.
    let path = asked[0].path.clone();
    for (side, budget) in [(Side::Mine, 5000), (Side::Theirs, 6000)] {
        let choose = |p: &FieldPath| if *p == path { side } else { side.other() };
        let plan = merge(&base, &mine, &theirs, &choose).plan;
        assert_eq!(project(&plan, ACTIVATION).budget, Some(budget));
        assert_eq!(
            project(&plan, TRAINING).budget,
            Some(2900),
            "the other project"
        );
        assert_eq!(names(&plan, 0), [TRAINING, ACTIVATION]);
    }
}

#[test]
fn a_measure_nobody_changed_stays_shared() {
    let base = seed();
    let mut mine = base.clone();
    project_mut(&mut mine, ACTIVATION).budget = Some(1);
    let theirs = base.clone();
    let plan = quiet(&base, &mine, &theirs);
    let untouched = &plan.strategies[0].measures[1];
    assert!(Arc::ptr_eq(untouched, &theirs.strategies[0].measures[1]));
    assert!(Arc::ptr_eq(
        &plan.strategies[0].measures[0],
        &mine.strategies[0].measures[0]
    ));
}

#[test]
fn both_reordering_the_same_list_differently_is_a_question() {
    let base = seed();
    let mut mine = base.clone();
    shift(&mut mine, Address::Project(0, 2, 0), 1).unwrap();
    let mut theirs = base.clone();
    shift(&mut theirs, Address::Project(0, 2, 2), -1).unwrap();
    let merged = merge(&base, &mine, &saved(&theirs), &|_| Side::Theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert!(merged.conflicts[0].label.ends_with("並び順"));
    assert_eq!(
        merged.plan.strategies[0].measures[2].projects,
        theirs.strategies[0].measures[2].projects
    );
}
