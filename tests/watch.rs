//! What others do reaches the screen: plans changed on disk reload (or wait
//! for a merge), others who have a plan open are listed, and `--read-only`
//! changes nothing.

mod common;

use actplan::action::Action;
use actplan::store;
use common::pty::{Session, plan_dir};
use common::{ctrl, keys, open, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

/// Someone else saves the plan with a different budget for the first project.
fn saved_elsewhere(path: &std::path::Path, budget: u64) {
    let mut plan = store::load(path).unwrap().plan;
    plan.strategies[0].measure_mut(0).projects[0].budget = budget;
    store::save(path, &plan).unwrap();
}

#[test]
fn a_plan_changed_on_disk_reloads_and_keeps_the_selection() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    keys(&mut app, "G");
    saved_elsewhere(&path, 5000);
    app.update(Action::Tick);
    let text = screen_text(&app);
    assert!(text.contains("reloaded"), "{text}");
    assert!(text.contains("合計 169,601千円"), "{text}");
    assert!(
        text.contains("選択 サービス› 142,600千円 1件"),
        "selection kept:\n{text}"
    );
}

#[test]
fn with_unsaved_edits_a_change_on_disk_waits_for_the_merge() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    keys(&mut app, "G");
    keys(&mut app, "e");
    keys(&mut app, "R5.10 こちら");
    press(&mut app, KeyCode::Esc);
    saved_elsewhere(&path, 5000);
    app.update(Action::Tick);
    let text = screen_text(&app);
    assert!(
        text.contains("was changed on disk by someone else; saving will merge"),
        "{text}"
    );
    assert!(
        text.contains("合計 169,051千円"),
        "not reloaded over the edits:\n{text}"
    );
    ctrl(&mut app, 's');
    let plan = store::load(&path).unwrap().plan;
    assert_eq!(plan.strategies[0].measures[0].projects[0].budget, 5000);
    assert_eq!(
        plan.strategies[0].measures[2].projects[2]
            .schedule
            .last()
            .unwrap()
            .to_line(),
        "R5.10 こちら"
    );
    assert!(!screen_text(&app).contains("saving will merge"));
}

#[test]
fn read_only_changes_nothing() {
    let (_dir, path) = seed_copy();
    let before = std::fs::read(&path).unwrap();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    app.set_read_only(true);
    keys(&mut app, "G");
    keys(&mut app, "e");
    assert!(app.editor().is_none());
    assert!(
        screen_text(&app).contains("read-only"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert!(app.editor().is_none());
    ctrl(&mut app, 's');
    keys(&mut app, "w");
    assert!(screen_text(&app).contains("READ-ONLY"));
    keys(&mut app, "q");
    assert!(app.quitting());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn others_editing_the_plan_are_shown_and_leave_when_they_quit() {
    // Two sessions of one account here; the name shown is the presence
    // file's owner, whatever `$USER` says (tests/shared_server.rs has real
    // colleagues).
    let me = actplan::store::identity::user();
    let dir = plan_dir();
    let mut first = Session::actplan(
        dir.path(),
        &[],
        &[("USER", std::path::Path::new("alice"))],
        (100, 30),
    );
    first.wait_for_text("169,051");
    let mut second = Session::actplan(
        dir.path(),
        &[],
        &[("USER", std::path::Path::new("bob"))],
        (100, 30),
    );
    second.wait_for_text(&format!("Also open for editing: {me}@"));
    first.wait_for_text(&format!("Also open for editing: {me}@"));
    assert!(!first.screen().contains("bob@"), "{}", first.screen());
    first.send(b"q");
    first.expect_clean_exit();
    second.wait_for(|screen| !screen.contents().contains("Also open for editing"));
    // Read-only reviewers do not announce themselves, and see who edits.
    let mut reviewer = Session::actplan(
        dir.path(),
        &["-R"],
        &[("USER", std::path::Path::new("carol"))],
        (100, 30),
    );
    reviewer.wait_for_text(&format!("Also open for editing: {me}@"));
    reviewer.wait_for_text("READ-ONLY");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        !second.screen().contains("Also open for editing"),
        "{}",
        second.screen()
    );
    second.send(b"q");
    second.expect_clean_exit();
    reviewer.send(b"q");
    reviewer.expect_clean_exit();
    let presence = format!("plans/.r5-growth-strategy.ron.presence.{me}");
    assert!(!dir.path().join(presence).exists());
}

#[test]
fn stale_presence_entries_are_ignored() {
    let dir = plan_dir();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned();
    let old = chrono::Local::now() - chrono::Duration::minutes(10);
    let now = chrono::Local::now().to_rfc3339();
    let old = old.to_rfc3339();
    // A process of this host that is gone, and a session elsewhere that
    // stopped refreshing its entry.
    let entries = format!(
        "[(host: \"{host}\", pid: 4000000, since: \"{now}\", seen: \"{now}\"), (host: \"elsewhere\", pid: 1, since: \"{old}\", seen: \"{old}\")]",
    );
    std::fs::write(
        dir.path()
            .join("plans/.r5-growth-strategy.ron.presence.someone"),
        entries,
    )
    .unwrap();
    let mut session = Session::actplan(dir.path(), &[], &[], (100, 30));
    session.wait_for_text("169,051");
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let screen = session.screen();
    assert!(!screen.contains("Also open"), "{screen}");
    session.send(b"q");
    session.expect_clean_exit();
}

#[test]
fn a_reload_keeps_the_selected_project_when_another_was_moved_above_it() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    keys(&mut app, "gjjjj");
    assert!(screen_text(&app).contains("選択 地方創生"));
    // Another session moves the selected project up and saves.
    let mut plan = store::load(&path).unwrap().plan;
    actplan::model::structure::shift(&mut plan, actplan::model::Address::Project(0, 0, 1), -1)
        .unwrap();
    store::save(&path, &plan).unwrap();
    app.update(Action::Tick);
    let text = screen_text(&app);
    assert!(text.contains("reloaded"), "{text}");
    assert!(text.contains("選択 地方創生"), "the same project:\n{text}");
}
