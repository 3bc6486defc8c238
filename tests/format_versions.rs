//! Saving tells the user when a plan starts to use fields an earlier
//! actplan cannot read, so a colleague's file never silently becomes one
//! their version refuses; a save that adds none says nothing of it.

mod common;

use actplan::model::fields::Field;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, seed, to_tree};
use common::{ctrl, keys, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

const NOTICE: &str = "以前の版の actplan では読めない項目が加わりました";

#[test]
fn a_save_that_adds_a_newer_field_says_so_and_one_that_does_not_is_quiet() {
    let (_dir, path) = seed_copy();
    let mut app = open_in(std::slice::from_ref(&path), 160, 48, Lang::Ja);
    go_to(&mut app, seed::TRAINING);
    edit_field(&mut app, Field::BudgetNote);
    keys(&mut app, "（追記）");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    ctrl(&mut app, 's');
    let shown = screen_text(&app);
    assert!(shown.contains("を保存しました"), "{shown}");
    assert!(
        !shown.contains(NOTICE),
        "a budget note is in every version:\n{shown}"
    );

    go_to(&mut app, seed::STRATEGY);
    keys(&mut app, "T");
    edit_field(&mut app, Field::Owner);
    keys(&mut app, "総務部");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    ctrl(&mut app, 's');
    let shown = screen_text(&app);
    assert!(shown.contains(&format!("{NOTICE}: 担当課")), "{shown}");

    // Once the file holds it, a later save says nothing more.
    go_to(&mut app, seed::TRAINING);
    edit_field(&mut app, Field::BudgetNote);
    keys(&mut app, "！");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    ctrl(&mut app, 's');
    assert!(!screen_text(&app).contains(NOTICE));
}
