//! A plan that states its 合計 (as the source table does) is checked
//! against the sum of its budgets on the status bar, edit by edit.

mod common;

use actplan::model::fields::Field;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, to_tree};
use common::{keys, press, screen};
use crossterm::event::KeyCode;

fn status(app: &actplan::app::App) -> String {
    let lines = screen(app);
    lines[lines.len() - 2].clone()
}

#[test]
fn a_stated_total_the_budgets_do_not_add_up_to_is_flagged_until_they_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(
        common::path("tests/fixtures/invalid/stated_total_differs.ron"),
        &path,
    )
    .unwrap();
    let mut app = open_in(&[path], 100, 30, Lang::Ja);
    assert!(
        status(&app).contains("合計 1,000千円（記載 1,200千円 と不一致）"),
        "{}",
        status(&app)
    );
    go_to(&mut app, "テスト事業");
    edit_field(&mut app, Field::Budget);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "1200");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    let now = status(&app);
    assert!(now.contains("合計 1,200千円"), "{now}");
    assert!(!now.contains("不一致"), "{now}");
}
