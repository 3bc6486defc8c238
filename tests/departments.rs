//! Departments (担当課) in the app, driven by keys on a copy of the bundled
//! plan: set on a strategy or a measure in the detail pane, shown inherited
//! below it, in the tree's column on `T`, and filtered by in the menu.

mod common;

use actplan::app::App;
use actplan::model::fields::Field;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, seed, to_tree};
use common::{ctrl, keys, peek, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

/// Sets the selected node's department and goes back to the tree.
fn set_department(app: &mut App, name: &str) {
    edit_field(app, Field::Owner);
    for _ in 0..20 {
        press(app, KeyCode::Backspace);
    }
    keys(app, name);
    press(app, KeyCode::Enter);
    to_tree(app);
}

/// The detail pane's lines (right of the tree's border), trimmed.
fn detail(app: &App) -> Vec<String> {
    common::screen(app)
        .iter()
        .filter_map(|l| l.split_once('|').map(|(_, r)| r.trim().to_owned()))
        .collect()
}

/// The line under the detail pane's 担当課 heading.
fn department_shown(app: &mut App, name: &str) -> Option<String> {
    go_to(app, name);
    let lines = detail(app);
    let at = lines.iter().position(|l| l == "担当課")?;
    lines.get(at + 1).cloned()
}

#[test]
fn a_strategys_department_shows_inherited_below_it_and_is_saved() {
    let (_dir, path) = seed_copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 40, Lang::Ja);
    go_to(&mut app, seed::STRATEGY);
    assert_eq!(
        peek::field_index(&app, Field::Owner),
        None,
        "no department anywhere: the strategy's screens as they were"
    );
    keys(&mut app, "T");
    set_department(&mut app, "総務部");
    keys(&mut app, "T");
    assert_eq!(
        department_shown(&mut app, seed::STRATEGY).as_deref(),
        Some("総務部"),
        "a strategy with a department lists it without T"
    );
    assert_eq!(
        department_shown(&mut app, seed::KPI_2).as_deref(),
        Some("総務部（戦略から）")
    );
    assert_eq!(
        department_shown(&mut app, seed::MEASURE_1).as_deref(),
        Some("総務部（戦略から）")
    );
    assert_eq!(
        department_shown(&mut app, seed::ACTIVATION).as_deref(),
        Some("総務部（戦略から）")
    );
    go_to(&mut app, seed::MEASURE_1);
    set_department(&mut app, "人事課");
    assert_eq!(
        department_shown(&mut app, seed::TRAINING).as_deref(),
        Some("人事課（施策から）"),
        "the nearest ancestor's"
    );
    ctrl(&mut app, 's');
    let plan = actplan::store::load(&path).unwrap().plan;
    assert_eq!(plan.strategies[0].owner, "総務部");
    assert_eq!(plan.strategies[0].measures[0].owner, "人事課");
    assert_eq!(plan.strategies[0].measures[0].projects[1].owner, "");
    keys(&mut app, "u");
    assert_eq!(
        department_shown(&mut app, seed::TRAINING).as_deref(),
        Some("総務部（戦略から）"),
        "undone like any edit"
    );
}

#[test]
fn the_tree_shows_a_department_column_on_t() {
    let (_dir, path) = seed_copy();
    let mut app = open_in(std::slice::from_ref(&path), 120, 40, Lang::Ja);
    go_to(&mut app, seed::MEASURE_1);
    keys(&mut app, "T");
    set_department(&mut app, "人事課");
    let row = |app: &App, name: &str| {
        common::screen(app)
            .into_iter()
            .find(|l| l.contains(name))
            .map(|l| l.split('|').next().unwrap_or("").to_owned())
            .unwrap()
    };
    let line = row(&app, seed::ACTIVATION);
    assert!(
        line.contains("人事課") && line.trim_end().ends_with("4,450"),
        "the department between name and amount: {line}"
    );
    assert!(!row(&app, seed::WORK_STYLE_LAB).contains("人事課"));
    keys(&mut app, "T");
    assert!(
        !row(&app, seed::ACTIVATION).contains("人事課"),
        "hidden again on T"
    );
}

#[test]
fn the_filter_menu_filters_by_department_inherited_or_own() {
    let (_dir, path) = seed_copy();
    let mut app = open_in(std::slice::from_ref(&path), 100, 40, Lang::Ja);
    keys(&mut app, "f");
    assert!(
        !screen_text(&app).contains("d  担当課"),
        "nothing to filter by in a plan without departments"
    );
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, seed::MEASURE_1);
    keys(&mut app, "T");
    set_department(&mut app, "人事課");
    go_to(&mut app, seed::ONLINE);
    set_department(&mut app, "デジタル政策課");
    keys(&mut app, "f");
    assert!(
        screen_text(&app).contains("d  担当課"),
        "{}",
        screen_text(&app)
    );
    keys(&mut app, "d");
    press(&mut app, KeyCode::Esc);
    let text = screen_text(&app);
    assert!(text.contains("担当課=デジタル政策課"), "{text}");
    assert!(text.contains(seed::ONLINE));
    assert!(!text.contains(seed::ACTIVATION), "{text}");
    keys(&mut app, "fd");
    press(&mut app, KeyCode::Esc);
    let text = screen_text(&app);
    assert!(text.contains("担当課=人事課"), "{text}");
    assert!(
        text.contains(seed::ACTIVATION) && text.contains("地方創生人材育成"),
        "{text}"
    );
    assert!(!text.contains(seed::ONLINE), "{text}");
    keys(&mut app, "fd");
    press(&mut app, KeyCode::Esc);
    assert!(
        screen_text(&app).contains("サービス連携"),
        "after the last department, none: everything again"
    );
}
