//! A dropped connection, a kill or a failure loses no edit: the real binary
//! in a pseudo-terminal, its recovery files, and the offer to restore them.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::pty::{Session, plan_dir};

const ENTRY: &str = "R5.10 切断前の入力";

/// A plan directory with its own state directory for recovery files.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Self {
        let dir = plan_dir();
        std::fs::create_dir(dir.path().join("state")).unwrap();
        Self { dir }
    }

    fn start(&self) -> Session {
        let state = self.dir.path().join("state");
        let session = Session::actplan(
            self.dir.path(),
            &[],
            &[("XDG_STATE_HOME", &state), ("HOME", self.dir.path())],
            (100, 30),
        );
        session.wait_for_text("169,051");
        session
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("plans/r5-growth-strategy.ron")
    }

    fn recovery_files(&self) -> Vec<PathBuf> {
        let dir = self.dir.path().join("state/actplan");
        std::fs::read_dir(dir)
            .map(|entries| entries.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    }

    fn recovery_text(&self) -> String {
        let files = self.recovery_files();
        assert_eq!(files.len(), 1, "{files:?}");
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "recovery file is private");
        std::fs::read_to_string(&files[0]).unwrap()
    }
}

/// Adds a progress entry to the last project and applies it.
fn add_entry(session: &mut Session) {
    session.go_to(common::drive::seed::PLATFORM);
    session.send(b"e");
    session.wait_for_text("編集: 進捗状況やスケジュール");
    session.send(ENTRY.as_bytes());
    session.wait_for_text(ENTRY);
    session.send(b"\x1b");
    session.wait_for_text("[+]");
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_hang_up_keeps_the_edits_and_the_next_start_restores_them() {
    let place = Place::new();
    let original = std::fs::read(place.plan()).unwrap();
    let mut session = place.start();
    add_entry(&mut session);
    session.hang_up();
    let status = session.wait_exit();
    assert!(!status.success(), "{status}");
    assert!(
        place
            .recovery_text()
            .contains("(date: \"R5.10\", text: \"切断前の入力\")")
    );
    assert_eq!(
        std::fs::read(place.plan()).unwrap(),
        original,
        "the plan is untouched"
    );

    let mut session = place.start();
    session.wait_for_text("Recovered unsaved edits");
    session.wait_for_text("+ R5.10 切断前の入力");
    session.send(b"r");
    session.wait_for_text("restored 1 change(s); save to keep them");
    session.send(b"w");
    session.wait_for_text("saved plans/");
    let saved = std::fs::read_to_string(place.plan()).unwrap();
    assert!(saved.contains("(date: \"R5.10\", text: \"切断前の入力\"),"));
    assert!(
        place.recovery_files().is_empty(),
        "recovery file gone after the save"
    );
    session.send(b"q");
    session.expect_clean_exit();
}

#[test]
fn text_typed_in_an_open_editor_survives_a_hang_up() {
    let place = Place::new();
    let mut session = place.start();
    session.go_to(common::drive::seed::PLATFORM);
    session.send(b"e");
    session.wait_for_text("編集: 進捗状況やスケジュール");
    session.send("R5.12 まだ確定していない".as_bytes());
    session.wait_for_text("まだ確定していない");
    let shown = session.screen();
    session.hang_up();
    session.wait_exit();
    let text = place.recovery_text();
    assert!(text.contains("まだ確定していない"), "{shown}");
}

#[test]
fn sigterm_keeps_the_edits() {
    let place = Place::new();
    let mut session = place.start();
    add_entry(&mut session);
    let pid = session.pid().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    let status = session.wait_exit();
    assert_eq!(status.exit_code(), 143);
    assert!(place.recovery_text().contains("切断前の入力"));
}

#[test]
fn even_kill_9_loses_at_most_a_few_seconds() {
    let place = Place::new();
    let mut session = place.start();
    add_entry(&mut session);
    // The recovery file follows the edit within seconds, without any signal.
    wait_until("the recovery file is written", || {
        !place.recovery_files().is_empty()
    });
    let pid = session.pid().to_string();
    std::process::Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .unwrap();
    session.wait_exit();
    assert!(place.recovery_text().contains("切断前の入力"));
}

#[test]
fn discarding_recovered_edits_removes_them() {
    let place = Place::new();
    let mut session = place.start();
    add_entry(&mut session);
    session.hang_up();
    session.wait_exit();
    let mut session = place.start();
    session.wait_for_text("Recovered unsaved edits");
    session.send(b"d");
    session.wait_for_text("recovered edits discarded");
    assert!(place.recovery_files().is_empty());
    session.send(b"q");
    session.expect_clean_exit();
}

#[test]
fn an_escape_sequence_split_by_a_slow_link_is_one_key() {
    let place = Place::new();
    let mut session = place.start();
    session.go_to(common::drive::seed::PLATFORM);
    session.send(b"e");
    session.wait_for_text("編集: 進捗状況やスケジュール");
    session.send(b"ab");
    session.wait_for_text("ab");
    // Left arrow, its bytes 50 ms apart.
    session.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(50));
    session.send(b"[D");
    session.send(b"X");
    session.wait_for_text("aXb");
    let screen = session.screen();
    assert!(!screen.contains("[D"), "{screen}");
    assert!(
        screen.contains("EDIT"),
        "a lone Esc would have closed the editor:\n{screen}"
    );
}

#[test]
fn a_failed_save_in_the_app_keeps_the_edits_and_says_why() {
    let place = Place::new();
    let plans = place.dir.path().join("plans");
    let state = place.dir.path().join("state");
    for dir in [place.dir.path(), state.as_path()] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    let original = std::fs::read(place.plan()).unwrap();
    let mut cmd = common::actplan_as_user(place.dir.path());
    std::fs::set_permissions(&plans, std::fs::Permissions::from_mode(0o555)).unwrap();
    cmd.env("XDG_STATE_HOME", &state)
        .env("HOME", place.dir.path());
    let mut builder = portable_pty::CommandBuilder::new(cmd.get_program());
    builder.args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        if let Some(value) = value {
            builder.env(key, value);
        }
    }
    let mut session = Session::spawn(builder, place.dir.path(), (100, 30));
    session.wait_for_text("169,051");
    add_entry(&mut session);
    session.send(b"\x13"); // Ctrl-S
    session.wait_for_text("cannot save: permission denied");
    let screen = session.screen();
    assert!(screen.contains("[+]"), "still unsaved:\n{screen}");
    assert!(
        screen.contains(ENTRY),
        "the edit is still on screen:\n{screen}"
    );
    std::fs::set_permissions(&plans, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(std::fs::read(place.plan()).unwrap(), original);
    let leftovers: Vec<_> = std::fs::read_dir(&plans)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file: {leftovers:?}");
    session.send(b"qd");
    session.expect_clean_exit();
}

#[test]
fn a_panic_restores_the_terminal_and_keeps_the_edits() {
    let place = Place::new();
    let state = place.dir.path().join("state");
    let mut session = Session::actplan(
        place.dir.path(),
        &[],
        &[
            ("XDG_STATE_HOME", &state),
            ("ACTPLAN_PANIC_ON", std::path::Path::new("!")),
        ],
        (100, 30),
    );
    session.wait_for_text("169,051");
    add_entry(&mut session);
    session.send(b"!");
    let status = session.wait_exit();
    assert_eq!(status.exit_code(), 101);
    session.wait_for(|screen| !screen.alternate_screen() && !screen.hide_cursor());
    session.wait_for_text("unsaved edits kept in");
    assert!(place.recovery_text().contains("切断前の入力"));
}
