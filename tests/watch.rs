//! What others do reaches the screen: plans changed on disk reload (or wait
//! for a merge), others who have a plan open are listed, and `--read-only`
//! changes nothing.

mod common;

use actplan::action::Action;
use actplan::store;
use common::drive::{go_to, seed};
use common::named::{project, project_address, project_mut};
use common::pty::{Session, plan_dir};
use common::{ctrl, keys, open, peek, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

/// Someone else saves the plan with a different budget for a project of
/// measure ① (4,450 before).
fn saved_elsewhere(path: &std::path::Path, budget: u64) {
    let mut plan = store::load(path).unwrap().plan;
    project_mut(&mut plan, seed::ACTIVATION).budget = Some(budget);
    store::save(path, &plan).unwrap();
}

#[test]
fn a_plan_changed_on_disk_reloads_and_keeps_the_selection() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    go_to(&mut app, seed::PLATFORM);
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
    go_to(&mut app, seed::PLATFORM);
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
    assert_eq!(project(&plan, seed::ACTIVATION).budget, Some(5000));
    assert_eq!(
        project(&plan, seed::PLATFORM)
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
    peek::set_read_only(&mut app);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "e");
    assert!(!peek::editing(&app));
    assert!(
        screen_text(&app).contains("read-only"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert!(!peek::editing(&app));
    ctrl(&mut app, 's');
    keys(&mut app, "w");
    assert!(screen_text(&app).contains("READ-ONLY"));
    keys(&mut app, "q");
    assert!(peek::quit(&app));
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
    // The reviewer is up (a session announces itself before its first
    // frame). A change to the plan made now reaches the editor with its
    // next look at the folder, the look that would list the reviewer too.
    saved_elsewhere(&dir.path().join("plans/r5-growth-strategy.ron"), 5000);
    second.wait_for_text("reloaded");
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
    let (dir, path) = seed_copy();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned();
    let now = chrono::Local::now().to_rfc3339();
    let old = (chrono::Local::now() - chrono::Duration::minutes(10)).to_rfc3339();
    // A process of this host that is gone, and a session elsewhere that
    // stopped refreshing its entry; and one that is there, so the test
    // sees the entries were read. (Each is shown under the file's owner,
    // this account; they differ by host.)
    let entries = format!(
        "[(host: \"{host}\", pid: 4000000, since: \"{now}\", seen: \"{now}\"), (host: \"elsewhere\", pid: 1, since: \"{old}\", seen: \"{old}\")]",
    );
    std::fs::write(dir.path().join(".plan.ron.presence.someone"), entries).unwrap();
    // Opened earlier than the others: listed first.
    let earlier = (chrono::Local::now() - chrono::Duration::minutes(20)).to_rfc3339();
    let fresh = format!("[(host: \"fresh-host\", pid: 1, since: \"{earlier}\", seen: \"{now}\")]");
    std::fs::write(dir.path().join(".plan.ron.presence.fresh"), fresh).unwrap();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    // The first look at the folder.
    app.update(Action::Tick);
    let screen = screen_text(&app);
    assert!(screen.contains("Also open for editing: "), "{screen}");
    assert!(screen.contains("@fresh-host"), "{screen}");
    assert!(!screen.contains("@elsewhere"), "{screen}");
    assert!(!screen.contains(&format!("@{host} ")), "{screen}");
}

#[test]
fn a_reload_keeps_the_selected_project_when_another_was_moved_above_it() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go_to(&mut app, seed::TRAINING);
    assert!(screen_text(&app).contains("選択 地方創生"));
    // Another session moves the selected project up and saves.
    let mut plan = store::load(&path).unwrap().plan;
    let address = project_address(&plan, seed::TRAINING);
    actplan::model::structure::shift(&mut plan, address, -1).unwrap();
    store::save(&path, &plan).unwrap();
    app.update(Action::Tick);
    let text = screen_text(&app);
    assert!(text.contains("reloaded"), "{text}");
    assert!(text.contains("選択 地方創生"), "the same project:\n{text}");
}
