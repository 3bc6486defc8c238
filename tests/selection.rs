//! The selection stays on its node, known by the plan's id, whatever moves
//! the rows around it: a reload, a merge on save, a filter, a reorder, a
//! move to another measure. Nodes are found by name, never by counting rows.

mod common;

use actplan::action::Action;
use actplan::app::App;
use actplan::model::{Address, structure};
use actplan::store;
use actplan::tree::describe;
use common::{ctrl, keys, open, press, seed_copy};
use crossterm::event::KeyCode;

/// The name of the selected node.
fn selected_name(app: &App) -> String {
    let place = app.selected_node().expect("something is selected");
    describe(&app.docs()[place.plan()].plan, place.address())
        .name
        .to_owned()
}

/// Goes down the tree from the top, as a user would, until `name` is
/// selected.
fn select(app: &mut App, name: &str) {
    keys(app, "g");
    for _ in 0..app.tree().len() {
        if selected_name(app) == name {
            return;
        }
        keys(app, "j");
    }
    panic!("no row named {name}");
}

/// Another session puts a new strategy first and saves: every row of the
/// plan moves down.
fn strategy_added_elsewhere(path: &std::path::Path) {
    let mut plan = store::load(path).unwrap().plan;
    structure::add_child(&mut plan, Address::Plan).unwrap();
    let last = plan.strategies.pop().unwrap();
    plan.strategies.insert(0, last);
    store::save(path, &plan).unwrap();
}

const PROJECT: &str = "働き方改革ラボ2.0事業";
const MEASURE: &str = "県庁組織の活性化";

#[test]
fn a_reload_that_moves_every_row_keeps_the_selected_project() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    select(&mut app, PROJECT);
    let row = app.selected_row();
    strategy_added_elsewhere(&path);
    app.update(Action::Tick);
    assert!(common::screen_text(&app).contains("reloaded"));
    assert_ne!(app.selected_row(), row, "the rows moved");
    assert_eq!(selected_name(&app), PROJECT);
}

#[test]
fn a_merge_on_save_keeps_the_selected_project() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    select(&mut app, PROJECT);
    keys(&mut app, "e");
    keys(&mut app, "R5.10 こちらの記録");
    press(&mut app, KeyCode::Esc);
    assert!(app.is_dirty());
    strategy_added_elsewhere(&path);
    ctrl(&mut app, 's');
    assert!(
        common::screen_text(&app).contains("merged"),
        "{}",
        common::screen_text(&app)
    );
    assert_eq!(selected_name(&app), PROJECT);
}

#[test]
fn filtering_and_clearing_the_filter_keep_the_selected_project() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    select(&mut app, PROJECT);
    keys(&mut app, "ft");
    keys(&mut app, "ラボ");
    press(&mut app, KeyCode::Enter);
    assert!(
        common::screen_text(&app).contains("絞込"),
        "{}",
        common::screen_text(&app)
    );
    assert_eq!(selected_name(&app), PROJECT);
    keys(&mut app, "fc");
    press(&mut app, KeyCode::Esc);
    assert!(!common::screen_text(&app).contains("絞込"));
    assert_eq!(selected_name(&app), PROJECT);
}

#[test]
fn a_reordered_measure_stays_selected_in_its_new_place() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    select(&mut app, MEASURE);
    let row = app.selected_row();
    keys(&mut app, "J");
    assert_ne!(app.selected_row(), row, "it moved");
    assert_eq!(selected_name(&app), MEASURE);
    keys(&mut app, "u");
    assert_eq!(app.selected_row(), row, "and back with undo");
    assert_eq!(selected_name(&app), MEASURE);
}

#[test]
fn a_project_moved_to_another_measure_stays_selected() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    select(&mut app, PROJECT);
    keys(&mut app, "m");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_name(&app), PROJECT);
    let place = app.selected_node().unwrap();
    let Address::Project(s, m, _) = place.address() else {
        panic!("a project is selected");
    };
    let plan = &app.docs()[0].plan;
    assert_ne!(
        plan.strategies[s].measures[m].name, "県庁の働き方改革の推進",
        "it is under another measure"
    );
}

#[test]
fn undoing_a_delete_goes_back_to_the_node_it_was_made_on() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    select(&mut app, PROJECT);
    keys(&mut app, "dy");
    assert_ne!(selected_name(&app), PROJECT, "deleted");
    // Somewhere else by now, as a user would be.
    keys(&mut app, "g");
    keys(&mut app, "u");
    assert_eq!(selected_name(&app), PROJECT);
    keys(&mut app, "g");
    ctrl(&mut app, 'r');
    assert!(
        !common::screen_text(&app).contains(PROJECT),
        "deleted again"
    );
}
