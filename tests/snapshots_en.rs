//! The main screens in English at 120x40: the tree, a project's detail,
//! the help, the budget view and the editor.

mod common;

use actplan::words::Lang;
use common::drive::{go_to, seed};
use common::pictures::{self, Scene};
use common::{keys, press};
use crossterm::event::KeyCode;

fn scene() -> Scene {
    Scene::new(120, 40, Lang::En)
}

fn picture(name: &str, scene: &Scene) {
    insta::assert_snapshot!(format!("en_120x40__{name}"), scene.screen());
}

#[test]
fn tree_as_opened() {
    picture("tree", &scene());
}

#[test]
fn detail_of_a_project() {
    let mut scene = scene();
    go_to(&mut scene.app, seed::ONLINE);
    press(&mut scene.app, KeyCode::Tab);
    picture("detail_project", &scene);
}

#[test]
fn help() {
    let mut scene = scene();
    keys(&mut scene.app, "?");
    picture("help", &scene);
}

#[test]
fn budget_view() {
    let mut scene = scene();
    keys(&mut scene.app, "2");
    picture("budget_by_strategy", &scene);
}

#[test]
fn editor() {
    let mut scene = scene();
    pictures::progress_editor(&mut scene.app);
    picture("editor_progress", &scene);
}
