//! Every screen and dialog as a Japanese user sees it at 80x24, the
//! smallest terminal the app is made for: the pictures are reviewed by
//! reading the .snap files in tests/snapshots/.

mod common;

use actplan::words::Lang;
use common::drive::{go_to, seed};
use common::pictures::{self, Scene};
use common::{keys, press};
use crossterm::event::KeyCode;

fn scene() -> Scene {
    Scene::new(80, 24, Lang::Ja)
}

fn picture(name: &str, scene: &Scene) {
    insta::assert_snapshot!(format!("ja_80x24__{name}"), scene.screen());
}

#[test]
fn tree_as_opened() {
    picture("tree", &scene());
}

#[test]
fn detail_of_each_kind_of_node() {
    for (kind, name) in [
        ("strategy", seed::STRATEGY),
        ("kpi", seed::KPI_2),
        ("measure", seed::MEASURE_3),
        ("project", seed::ONLINE),
    ] {
        let mut scene = scene();
        go_to(&mut scene.app, name);
        press(&mut scene.app, KeyCode::Tab);
        picture(&format!("detail_{kind}"), &scene);
    }
}

#[test]
fn editors() {
    let mut scene = scene();
    pictures::progress_editor(&mut scene.app);
    picture("editor_progress", &scene);
    let mut scene = self::scene();
    pictures::budget_editor(&mut scene.app);
    picture("editor_budget", &scene);
}

#[test]
fn a_refused_value_and_an_undone_delete() {
    let mut scene = scene();
    pictures::budget_editor(&mut scene.app);
    keys(&mut scene.app, "abc");
    press(&mut scene.app, KeyCode::Enter);
    picture("refused_budget", &scene);
    let mut scene = self::scene();
    go_to(&mut scene.app, seed::PLATFORM);
    keys(&mut scene.app, "dy");
    picture("deleted", &scene);
    keys(&mut scene.app, "u");
    picture("undone_delete", &scene);
}

#[test]
fn help() {
    let mut scene = scene();
    keys(&mut scene.app, "?");
    picture("help", &scene);
}

#[test]
fn each_view() {
    let mut scene = scene();
    keys(&mut scene.app, "2");
    picture("budget_by_strategy", &scene);
    keys(&mut scene.app, "B");
    picture("budget_by_kpi", &scene);
    keys(&mut scene.app, "B");
    picture("budget_by_measure", &scene);
    let mut scene = self::scene();
    go_to(&mut scene.app, seed::PLATFORM);
    keys(&mut scene.app, "3");
    picture("timeline", &scene);
    let mut scene = self::scene();
    go_to(&mut scene.app, seed::KPI_2);
    keys(&mut scene.app, "4");
    picture("kpis", &scene);
    keys(&mut scene.app, "5");
    picture("grades", &scene);
    let mut scene = self::scene();
    keys(&mut scene.app, "0");
    picture("tree_only", &scene);
}

#[test]
fn filter_menu_and_a_filtered_tree() {
    let mut scene = scene();
    keys(&mut scene.app, "f");
    picture("filter_menu", &scene);
    keys(&mut scene.app, "o");
    press(&mut scene.app, KeyCode::Esc);
    picture("filtered_overdue", &scene);
}

#[test]
fn search_prompt() {
    let mut scene = scene();
    keys(&mut scene.app, "/");
    keys(&mut scene.app, "オンライン");
    picture("search_prompt", &scene);
}

#[test]
fn delete_question() {
    let mut scene = scene();
    go_to(&mut scene.app, seed::PLATFORM);
    keys(&mut scene.app, "d");
    picture("delete_question", &scene);
}

#[test]
fn quit_question() {
    let mut scene = scene();
    pictures::unsaved_entry(&mut scene.app);
    keys(&mut scene.app, "q");
    picture("quit_question", &scene);
}

#[test]
fn comment_question() {
    picture(
        "comment_question",
        &pictures::comment_question(80, 24, Lang::Ja),
    );
}

#[test]
fn conflict_dialog() {
    let mut scene = scene();
    let _other = pictures::conflict(&mut scene);
    picture("conflict", &scene);
}

#[test]
fn recovered_edits_dialog() {
    let mut scene = scene();
    pictures::offer_recovered_edits(&mut scene);
    picture("recovered_edits", &scene);
}

#[test]
fn pickers() {
    let mut scene = scene();
    go_to(&mut scene.app, seed::PLATFORM);
    keys(&mut scene.app, "m");
    picture("picker_move", &scene);
    let mut scene = self::scene();
    go_to(&mut scene.app, seed::MEASURE_1);
    keys(&mut scene.app, "L");
    picture("picker_link", &scene);
}

#[test]
fn a_broken_file_beside_the_plan() {
    picture("broken_file", &pictures::broken_beside(80, 24, Lang::Ja));
}
