//! A strategy graded as a whole, as Tottori's 工程表 grade their 政策内容:
//! entered in the detail pane, marked in the tree, counted at its own
//! level, saved, and checked against the plan's scale.

mod common;

use actplan::model::fields::Field;
use actplan::words::Lang;
use common::drive::{edit_field, go_to, open_in, to_tree};
use common::{actplan, ctrl, keys, press, screen_text};
use crossterm::event::KeyCode;

const FIXTURE: &str = "tests/fixtures/valid/graded_levels.ron";

#[test]
fn a_strategy_takes_a_grade_a_score_and_a_reason_and_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graded.ron");
    std::fs::copy(common::path(FIXTURE), &path).unwrap();
    let mut app = open_in(std::slice::from_ref(&path), 100, 30, Lang::Ja);
    go_to(&mut app, "道路の整備");
    press(&mut app, KeyCode::Tab);
    assert!(
        !screen_text(&app).contains("評価の理由"),
        "no grade yet: the strategy's pane as it was"
    );
    to_tree(&mut app);
    edit_field(&mut app, Field::Evaluation);
    keys(&mut app, "○");
    press(&mut app, KeyCode::Enter);
    to_tree(&mut app);
    edit_field(&mut app, Field::Reason);
    keys(&mut app, "舗装が進んだ");
    press(&mut app, KeyCode::Esc);
    to_tree(&mut app);
    let tree = screen_text(&app);
    assert!(tree.contains("[○]（１）道路の整備"), "{tree}");
    keys(&mut app, "5");
    let counts = screen_text(&app);
    assert!(counts.contains("戦略（評価）"), "{counts}");
    ctrl(&mut app, 's');
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(
            "            evaluation: \"計画どおり\",\n            reason: \"舗装が進んだ\",\n"
        ),
        "{saved}"
    );
    let out = actplan(&["check", common::arg(&path)]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stdout(&out));
}

#[test]
fn a_strategy_grade_off_the_scale_is_reported_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = std::fs::read_to_string(common::path(FIXTURE)).unwrap();
    let at = text.find("            kpis: [").unwrap();
    let bad = format!(
        "{}            evaluation: \"Z\",\n{}",
        &text[..at],
        &text[at..]
    );
    std::fs::write(&path, &bad).unwrap();
    let line = bad[..at].lines().count() + 1;
    let out = actplan(&["check", "--lang", "ja", common::arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    let said = common::stdout(&out);
    assert!(
        said.starts_with(&format!("{}:{line}:25: ", path.display())),
        "{said}"
    );
    assert!(said.contains("`Z`"), "{said}");
}
